import { describe, expect, test } from '@jest/globals';
import { isValidNhsNumber, nhsCheckDigit } from '../../src/privacy/nhs-number.js';

describe('nhsCheckDigit', () => {
  test.each([
    // 9*10+9*9+9*8+0+0+0+0+0+1*2 = 245; 245 mod 11 = 3; 11-3 = 8
    ['999000001', 8],
    // 247 mod 11 = 5; 11-5 = 6
    ['999000002', 6],
    // 322 mod 11 = 3; 11-3 = 8
    ['999123457', 8],
    // 409 mod 11 = 2; 11-2 = 9
    ['999876543', 9],
    // 9*10+9*9+9*8 = 243; 243 mod 11 = 1; 11-1 = 10: no valid number starts like this
    ['999000000', null],
    // 999000005: 243+10 = 253 = 23*11, remainder 0, 11 means check digit 0
    ['999000005', 0],
  ])('%s → %s', (firstNine, expected) => {
    expect(nhsCheckDigit(firstNine)).toBe(expected);
  });

  test('refuses anything but nine digits', () => {
    expect(() => nhsCheckDigit('99900000')).toThrow(RangeError);
    expect(() => nhsCheckDigit('99900000x')).toThrow(RangeError);
  });
});

describe('isValidNhsNumber', () => {
  test.each(['9990000018', '9990000026', '9991234578', '9998765439', '9990000050'])('%s is valid', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(true);
  });

  test.each([
    ['9990000019', 'wrong check digit'],
    ['9990000000', 'first nine give check 10'],
    ['999000001', 'nine digits'],
    ['99900000180', 'eleven digits'],
    ['999 000 0018', 'spaces (callers pass digits only)'],
    ['999000001a', 'a letter'],
  ])('%s is not valid: %s', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(false);
  });
});
