import { describe, expect, test } from '@jest/globals';
import { authorName, withoutAddresses } from '../../../src/adapters/readers/email-addresses.js';

describe('authorName: an author is never an e-mail address', () => {
  test.each([
    ['Jo Bloggs <jo@example.org>', 'Jo Bloggs'],
    ['sam@example.net', null],
    ['<sam@example.net>', null],
    ['mailto:sam@example.net', null],
    ['"Bloggs, Jo" (jo@example.org)', 'Bloggs, Jo'],
  ])('%p gives %p', (value, author) => {
    expect(authorName(value)).toBe(author);
  });

  test.each(['Asha Patel', '@carer1', 'Carers @ Leeds', 'person3194'])('%p is kept as written', (value) => {
    expect(authorName(value)).toBe(value);
  });
});

describe('withoutAddresses: a value kept in meta', () => {
  test('is left out when it is only an address', () => {
    expect(withoutAddresses('jo@example.org')).toBeNull();
    expect(withoutAddresses('<jo@example.org>')).toBeNull();
  });

  test('keeps its other words, the address masked', () => {
    expect(withoutAddresses('Ring me or write to jo@example.org')).toBe('Ring me or write to [address]');
  });

  test('is kept as written when it holds no address', () => {
    expect(withoutAddresses('@carer1')).toBe('@carer1');
    expect(withoutAddresses('Leeds North')).toBe('Leeds North');
  });
});
