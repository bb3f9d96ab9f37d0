import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { codePointStrings } from '../helpers/code-point-strings.js';
import { cleanRecordText, tidyText } from '../../src/text/clean-record-text.js';
import { propertyRuns } from '../helpers/property-runs.js';

const messyText = fc
  .array(fc.constantFrom('a', 'B', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u200b', '\u0007', 'é', 'e\u0301', '.', "'"), {
    maxLength: 40,
  })
  .map((pieces) => pieces.join(''));

describe('cleanRecordText', () => {
  test('tidies spaces, line endings, blank lines and invisible characters', () => {
    expect(cleanRecordText('  More\u200b  respite,\r\nplease.\n\n\n\nThanks \t ')).toBe('More respite,\nplease.\n\nThanks');
  });

  test('returns text that is already tidy as it is', () => {
    const tidy = 'More respite for carers.\n\nThank you';
    expect(cleanRecordText(tidy)).toBe(tidy);
  });

  test('its fast path gives what the full tidy-up gives, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(messyText, fc.string(), codePointStrings()), (text) => {
        expect(cleanRecordText(text)).toBe(tidyText(text));
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        expect(cleanRecordText(cleanRecordText(text))).toBe(cleanRecordText(text));
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});
