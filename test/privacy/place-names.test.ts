import { createRequire } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import { PLACES_NAMED_LIKE_PEOPLE } from '../../src/privacy/place-names.js';

interface Compromise {
  model(): { one: { lexicon: Record<string, string | string[]> }; two: { switches: Record<string, string> } };
}

const compromise = createRequire(import.meta.url)('compromise') as Compromise;

describe('the towns name detection reads as places', () => {
  test('are each one that compromise files as a person, which is why they are listed', () => {
    const { lexicon } = compromise.model().one;
    const { switches } = compromise.model().two;
    const notPeople = PLACES_NAMED_LIKE_PEOPLE.filter((place) => {
      const word = place.toLowerCase();
      const tags = lexicon[word] ?? [];
      const tagList = typeof tags === 'string' ? [tags] : tags;
      return (
        !tagList.some((tag) => /^(?:FirstName|MaleName|FemaleName|LastName|Person)$/u.test(tag)) &&
        !(switches[word] ?? '').startsWith('Person|')
      );
    });
    expect(notPeople).toEqual([]);
  });

  test('are listed once each and hold none of the common given names left out', () => {
    expect(new Set(PLACES_NAMED_LIKE_PEOPLE).size).toBe(PLACES_NAMED_LIKE_PEOPLE.length);
    const commonGivenNames = [
      'Beverley',
      'Shirley',
      'Stanley',
      'Chelsea',
      'Charlotte',
      'Austin',
      'Sydney',
      'Nelson',
      'Leigh',
      'Barry',
      'Ross',
    ];
    expect(PLACES_NAMED_LIKE_PEOPLE.filter((place) => commonGivenNames.includes(place))).toEqual([]);
  });
});
