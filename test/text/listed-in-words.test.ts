import { describe, expect, test } from '@jest/globals';
import { listedInWords } from '../../src/text/listed-in-words.js';

describe('listedInWords', () => {
  test.each([
    [[], ''],
    [['channel'], 'channel'],
    [['channel', 'source'], 'channel and source'],
    [['channel', 'question', 'source', 'month'], 'channel, question, source and month'],
  ])('lists %j as %j', (items, expected) => {
    expect(listedInWords(items)).toBe(expected);
  });
});
