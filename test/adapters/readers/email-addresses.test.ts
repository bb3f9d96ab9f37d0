import { describe, expect, test } from '@jest/globals';
import { authorName } from '../../../src/adapters/readers/email-addresses.js';

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
