import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { codePointStrings } from '../helpers/code-point-strings.js';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { PERSONAL_DATA_KINDS, REDACTION_TOKENS, type PersonalDataKind } from '../../src/privacy/personal-data-kinds.js';
import type { RedactionPolicy } from '../../src/privacy/redaction-policy.js';
import {
  fillerText,
  personalDataArbitrary,
  punctuation,
  SAMPLE_EMAILS,
  SAMPLE_HANDLES,
  SAMPLE_NHS_NUMBERS,
  SAMPLE_PHONES,
  SAMPLE_POSTCODES,
  type PersonalDataSample,
} from '../helpers/personal-data-samples.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20140131, numRuns: propertyRuns(100) });

const KEPT_HANDLES = ['@TLAP_News', '@ThinkLocal'];
/** Every kind with a pattern; names are measured on labelled sentences instead (test/privacy/name-detection.test.ts). */
const POLICY: RedactionPolicy = { kinds: new Set(PERSONAL_DATA_KINDS.filter((kind) => kind !== 'name')), keepHandles: KEPT_HANDLES };

/** A kept organisation handle, in any letter case. */
const keptHandle = fc
  .tuple(fc.constantFrom(...KEPT_HANDLES), fc.constantFrom('same', 'upper', 'lower'))
  .map(([handle, letterCase]) => (letterCase === 'upper' ? handle.toUpperCase() : letterCase === 'lower' ? handle.toLowerCase() : handle));

type Piece =
  | { type: 'filler'; text: string }
  | { type: 'personal'; before: string; sample: PersonalDataSample; after: string }
  | { type: 'kept'; before: string; handle: string; after: string };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fillerText.map((text): Piece => ({ type: 'filler', text })),
  fc
    .tuple(punctuation, personalDataArbitrary(KEPT_HANDLES), punctuation)
    .map(([before, sample, after]): Piece => ({ type: 'personal', before, sample, after })),
  fc.tuple(punctuation, keptHandle, punctuation).map(([before, handle, after]): Piece => ({ type: 'kept', before, handle, after })),
);

function written(pieces: readonly Piece[]): string {
  return pieces
    .map((p) =>
      p.type === 'filler' ? p.text : p.type === 'personal' ? p.before + p.sample.value + p.after : p.before + p.handle + p.after,
    )
    .join(' ');
}

function expectedAfterRedaction(pieces: readonly Piece[]): string {
  return pieces
    .map((p) =>
      p.type === 'filler'
        ? p.text
        : p.type === 'personal'
          ? p.before + REDACTION_TOKENS[p.sample.kind] + p.after
          : p.before + p.handle + p.after,
    )
    .join(' ');
}

function expectedCounts(pieces: readonly Piece[]): Partial<Record<PersonalDataKind, number>> {
  const counts: Partial<Record<PersonalDataKind, number>> = {};
  for (const p of pieces) {
    if (p.type === 'personal') counts[p.sample.kind] = (counts[p.sample.kind] ?? 0) + 1;
  }
  return counts;
}

describe('redactPersonalData properties', () => {
  test('complete: personal data of every kind, with any punctuation around it, is replaced and nothing else changes', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const result = redactPersonalData(written(pieces), POLICY);
        expect(result.text).toBe(expectedAfterRedaction(pieces));
        expect(result.counts).toEqual(expectedCounts(pieces));
        for (const p of pieces) {
          if (p.type === 'personal') expect(result.text).not.toContain(p.sample.value);
        }
      }),
    );
  });

  test('complete with nothing but punctuation between one piece of data and the next', () => {
    const separator = punctuation.filter((characters) => characters !== '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(separator, personalDataArbitrary(KEPT_HANDLES)), { minLength: 1, maxLength: 8 }),
        punctuation,
        (parts, last) => {
          const input = parts.map(([before, sample]) => before + sample.value).join('') + last;
          const result = redactPersonalData(input, POLICY);
          for (const [, sample] of parts) {
            expect(result.text).not.toContain(sample.value);
          }
          expect(redactPersonalData(result.text, POLICY).text).toBe(result.text);
        },
      ),
      { numRuns: propertyRuns(70) },
    );
  });

  test('a kind left out of the policy stays exactly as written', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.subarray([...PERSONAL_DATA_KINDS]), (pieces, enabled) => {
        const policy: RedactionPolicy = { kinds: new Set(enabled), keepHandles: KEPT_HANDLES };
        const expected = pieces
          .map((p) => {
            if (p.type === 'filler') return p.text;
            if (p.type === 'kept') return p.before + p.handle + p.after;
            const value = enabled.includes(p.sample.kind) ? REDACTION_TOKENS[p.sample.kind] : p.sample.value;
            return p.before + value + p.after;
          })
          .join(' ');
        expect(redactPersonalData(written(pieces), policy).text).toBe(expected);
      }),
    );
  });

  const anyText = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        codePointStrings({ maxLength: 8 }),
        fc.string({ unit: fc.constantFrom(...'0123456789 -().+@[]at'), maxLength: 14 }),
        fc.constantFrom(...SAMPLE_EMAILS, ...SAMPLE_PHONES, ...SAMPLE_POSTCODES, ...SAMPLE_NHS_NUMBERS, ...SAMPLE_HANDLES, ...KEPT_HANDLES),
        personalDataArbitrary(KEPT_HANDLES).map((sample) => sample.value),
        punctuation,
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join(''));

  test('idempotent: redacting redacted text changes nothing and counts nothing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = redactPersonalData(text, POLICY);
        expect(redactPersonalData(once.text, POLICY)).toEqual({ text: once.text, counts: {} });
      }),
    );
  });

  test('text with no digit and no @ is never changed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        fc.pre(!/[\d@\uFF20]/.test(text) && !/[[(]at[\])]/i.test(text));
        expect(redactPersonalData(text, POLICY)).toEqual({ text, counts: {} });
      }),
    );
  });
});
