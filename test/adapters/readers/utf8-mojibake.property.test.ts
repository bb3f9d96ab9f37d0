import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { undoUtf8AsLatin1 } from '../../../src/adapters/readers/utf8-mojibake.js';
import { propertyRuns } from '../../helpers/property-runs.js';

/** Text as Facebook's Download Your Information JSON writes it: each UTF-8 byte one character. */
const asFacebookWritesIt = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

const RUNS = propertyRuns(300);

describe('undoUtf8AsLatin1', () => {
  test('examples: punctuation, accents, emoji back; ASCII and genuine Latin-1 untouched', () => {
    expect(undoUtf8AsLatin1('don\u00e2\u0080\u0099t')).toBe('don’t');
    expect(undoUtf8AsLatin1('Zo\u00c3\u00ab')).toBe('Zoë');
    expect(undoUtf8AsLatin1(asFacebookWritesIt('👏 Brilliant'))).toBe('👏 Brilliant');
    expect(undoUtf8AsLatin1('plain words')).toBe('plain words');
    expect(undoUtf8AsLatin1('caf\u00e9')).toBe('café');
    expect(undoUtf8AsLatin1('already ’ decoded')).toBe('already ’ decoded');
  });

  test('any text written byte by byte comes back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(undoUtf8AsLatin1(asFacebookWritesIt(text))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  test('a string with any code point above U+00FF is returned as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0x100, max: 0xd7ff }), (text, code) => {
        const withWide = `${text}${String.fromCharCode(code)}`;
        expect(undoUtf8AsLatin1(withWide)).toBe(withWide);
      }),
      { numRuns: RUNS },
    );
  });

  test('never throws, and changes a string only when its bytes are valid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)) }), (text) => {
        const result = undoUtf8AsLatin1(text);
        if (result !== text) expect(Buffer.from(result, 'utf8').toString('latin1')).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});
