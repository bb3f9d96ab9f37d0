import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { CHANNELS } from '../../src/record/record.js';
import { voiceHashOf, voiceKeyOf } from '../../src/report/voice-tally.js';
import { hashKey, KeyHasher } from '../../src/stats/distinct-counter.js';
import { makeRecord } from '../builders/record-builder.js';
import { AWKWARD_TEXT_UNITS } from '../helpers/code-point-strings.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(1000) });

/** Units of an author's handle: ASCII letters and marks, and the units trimming and folding treat apart. */
const units = fc.constantFrom(...'aZq9_@.-'.split(''), ...AWKWARD_TEXT_UNITS);
const author = fc.oneof(
  fc.array(units, { maxLength: 12 }).map((pieces) => pieces.join('')),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
);

describe('voiceHashOf', () => {
  test('is the hash of voiceKeyOf (0 without a key), authors hashed as read or not', () => {
    fc.assert(
      fc.property(
        author,
        fc.constantFrom(...CHANNELS),
        fc.option(fc.oneof(fc.constantFrom('R1', '  ', ''), fc.integer())),
        fc.option(fc.nat(9)),
        (written, channel, respondent, row) => {
          const record = makeRecord({
            author: written,
            channel,
            meta: respondent === null ? {} : { respondent },
            provenance: { file: 'a.csv', ...(row === null ? {} : { row }) },
          });
          const key = voiceKeyOf(record);
          expect(voiceHashOf(record)).toBe(key === null ? 0 : hashKey(key));
        },
      ),
    );
  });
});

describe('KeyHasher', () => {
  test('hashes pieces as hashKey hashes them joined', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.nat(0xffff)), { maxLength: 6 }), (pieces) => {
        const hasher = new KeyHasher();
        hasher.start();
        for (const piece of pieces) {
          if (typeof piece === 'string') hasher.text(piece);
          else hasher.unit(piece);
        }
        const joined = pieces.map((piece) => (typeof piece === 'string' ? piece : String.fromCharCode(piece))).join('');
        expect(hasher.hash()).toBe(hashKey(joined));
      }),
    );
  });
});
