import { describe, expect, test } from '@jest/globals';
import { isCommonEnglishWord } from '../../src/privacy/common-words.js';
import { DICTIONARY_WORDS } from '../../src/privacy/dictionary-words.js';

describe('isCommonEnglishWord', () => {
  test.each(['Community', 'Mental', 'Micro', 'Choice', 'Continuity', 'isolation', 'HEALTH'])('%p, as written, is a common word', (word) => {
    expect(isCommonEnglishWord(word)).toBe(true);
  });

  test.each([
    ['Signposting', 'an inflection taken off'],
    ['cities', 'y for ies'],
    ['Neighbourhood', 'in its American spelling'],
    ['organisations', 'in its American spelling, inflected'],
    ['centres', 'in its American spelling, inflected'],
  ])('%p is a common word (%s)', (word) => {
    expect(isCommonEnglishWord(word)).toBe(true);
  });

  test.each(['Kaelynn', 'Jaxon', 'DaQuan', 'Siobhan', 'Okoro', 'Nkechi', 'Tayshawn', 'zorbing'])('%p is no common word', (word) => {
    expect(isCommonEnglishWord(word)).toBe(false);
  });
});

describe('isCommonEnglishWord against every word of the dictionary', () => {
  test('finds each of WordNet’s words, the first and last of every line too, and no word between two of them', () => {
    const words = DICTIONARY_WORDS.join(' ').split(' ');
    expect(words.every((word) => isCommonEnglishWord(word))).toBe(true);
    const between = words.slice(0, -1).map((word) => `${word}qzx`);
    const listed = new Set(words);
    for (const word of between) if (!listed.has(word)) expect(isCommonEnglishWord(word)).toBe(false);
  });
});
