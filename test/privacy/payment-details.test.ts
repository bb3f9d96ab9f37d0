import { describe, expect, test } from '@jest/globals';
import { ibanLength, isValidIban, passesLuhn } from '../../src/privacy/payment-details.js';

describe('passesLuhn', () => {
  test.each(['4111111111111111', '5354560012345678', '378282246310005', '4024007154327', '6334112345678901233', '0'])(
    '%s passes',
    (digits) => {
      expect(passesLuhn(digits)).toBe(true);
    },
  );

  test.each(['4111111111111112', '1234567890123456', '2019202020212022', '', '4111 1111 1111 1111', '41111111111111a1'])(
    '%j fails',
    (digits) => {
      expect(passesLuhn(digits)).toBe(false);
    },
  );
});

describe('isValidIban', () => {
  test.each([
    'GB29 NWBK 6016 1331 9268 19',
    'GB82WEST12345698765432',
    'gb29 nwbk 6016 1331 9268 19',
    'DE89 3704 0044 0532 0130 00',
    'FR14 2004 1010 0505 0001 3M02 606',
    'IE29 AIBK 9311 5212 3456 78',
    'PL61 1090 1014 0000 0712 1981 2874',
    'NL91 ABNA 0417 1643 00',
    'CH93 0076 2011 6238 5295 7',
  ])('%s is one', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  test.each([
    ['GB29 NWBK 6016 1331 9268 18', 'a wrong check'],
    ['GB29 NWBK 6016 1331 9268 1', 'shorter than a British IBAN'],
    ['GB2 NWBK 6016 1331 9268 19', 'one check digit'],
    ['AB12 3456', 'too short for any country'],
    ['QQ12 3456 7890 1234 5678 9012 3456 7890 12', 'too long for any country'],
  ])('%s is none (%s)', (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });
});

describe('ibanLength', () => {
  test('is all of it when all of it is an IBAN, less when a word after it reads as one more group, 0 when no start of it is one', () => {
    expect(ibanLength('GB29 NWBK 6016 1331 9268 19')).toBe(27);
    expect(ibanLength('GB29 NWBK 6016 1331 9268 19 CASH')).toBe(27);
    expect(ibanLength('GB29NWBK60161331926819CASH')).toBe(22);
    expect(ibanLength('GB29 NWBK 6016 1331 9268 18')).toBe(0);
  });
});
