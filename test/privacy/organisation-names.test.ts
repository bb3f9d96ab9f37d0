import { createRequire } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import { ORGANISATION_NAMES } from '../../src/privacy/organisation-names.js';

interface Compromise {
  model(): { one: { lexicon: Record<string, string | string[]> }; two: { switches: Record<string, string> } };
}

const compromise = createRequire(import.meta.url)('compromise') as Compromise;
const names = Object.values(ORGANISATION_NAMES).flat();

describe('the organisations name detection knows', () => {
  test('are listed once each, in any letter case', () => {
    const lower = names.map((name) => name.toLowerCase());
    expect(lower.filter((name, index) => lower.indexOf(name) !== index)).toEqual([]);
  });

  test('hold no one-word name that compromise knows as a given name or as maybe a person, which would publish people so named', () => {
    const { lexicon } = compromise.model().one;
    const { switches } = compromise.model().two;
    const givenNames = names.filter((name) => {
      const word = name.toLowerCase();
      if (/\s/u.test(word)) return false;
      const tags = lexicon[word] ?? [];
      const tagList = typeof tags === 'string' ? [tags] : tags;
      return tagList.some((tag) => /^(?:FirstName|MaleName|FemaleName|Person)$/u.test(tag)) || (switches[word] ?? '').startsWith('Person|');
    });
    expect(givenNames).toEqual([]);
  });
});
