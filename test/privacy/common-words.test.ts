import { describe, expect, test } from '@jest/globals';
import { isCommonEnglishWord } from '../../src/privacy/common-words.js';

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
