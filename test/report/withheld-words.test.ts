import { describe, expect, test } from '@jest/globals';
import { withheldWords, wordsPattern } from '../../src/report/withheld-words.js';

describe('wordsPattern and withheldWords', () => {
  test('withhold each word or phrase as written, in any case and spacing, never inside a longer word', () => {
    const pattern = wordsPattern(['sarah', 'nurse patel']);
    expect(withheldWords('Sarah and Nurse  Patel helped; sarahs stayed', pattern)).toEqual({
      text: '[name] and [name] helped; sarahs stayed',
      withheld: 2,
    });
  });

  test("names with a hyphen or an apostrophe make a valid pattern (O'Brien, Mary-Jane)", () => {
    const pattern = wordsPattern(["o'brien", 'mary-jane']);
    expect(withheldWords("Mary-Jane and O'Brien rang", pattern).text).toBe('[name] and [name] rang');
  });

  test('characters a pattern reads are taken as written', () => {
    expect(withheldWords('a.b and axb', wordsPattern(['a.b'])).text).toBe('[name] and axb');
  });

  test('no words: no pattern, the text as it is', () => {
    expect(wordsPattern([])).toBeNull();
    expect(withheldWords('Sarah', null)).toEqual({ text: 'Sarah', withheld: 0 });
  });
});
