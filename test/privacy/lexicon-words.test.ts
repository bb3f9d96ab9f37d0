import { createRequire } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import {
  LEXICON_AMBIGUOUS_NAMES,
  LEXICON_NAME_TAGS,
  LEXICON_NAMES,
  LEXICON_OTHER_WORDS,
  LEXICON_VERSION,
} from '../../src/privacy/lexicon-words.js';
import { givenNameForms } from '../../src/privacy/given-names.js';
import { findPersonNames } from '../../src/privacy/person-names.js';

interface Compromise {
  version: string;
  model(): { one: { lexicon: Record<string, string | string[]> }; two: { switches: Record<string, string> } };
}

const compromise = createRequire(import.meta.url)('compromise') as Compromise;

const words = (lines: readonly string[]): string[] => lines.join(' ').split(' ');

describe("compromise's lexicon words, as name detection looks them up without loading compromise", () => {
  test('are those of the installed compromise, apart from the given names tlap adds to it once loaded (after an upgrade: node scripts/lexicon-words.js)', () => {
    expect(LEXICON_VERSION).toBe(compromise.version);
    const added = new Set(givenNameForms());
    const names: string[] = [];
    const others: string[] = [];
    for (const [word, tags] of Object.entries(compromise.model().one.lexicon)) {
      if (/\s/u.test(word) || (added.has(word) && tags === 'FirstName')) continue;
      const isName = (typeof tags === 'string' ? [tags] : tags).some((tag) => LEXICON_NAME_TAGS.includes(tag));
      (isName ? names : others).push(word);
    }
    expect(words(LEXICON_NAMES)).toEqual(names.sort());
    expect(words(LEXICON_OTHER_WORDS)).toEqual(others.sort());
    const ambiguous = Object.entries(compromise.model().two.switches)
      .filter(([word, kind]) => kind.startsWith('Person|') && kind !== 'Person|Place' && !/\s/u.test(word))
      .map(([word]) => word);
    expect(words(LEXICON_AMBIGUOUS_NAMES)).toEqual(ambiguous.sort());
  });

  test('a capitalised word that names a property of every object is looked up as an unknown word, not as one', () => {
    expect(() => findPersonNames('Constructor helped me. Constructor was late.')).not.toThrow();
  });
});
