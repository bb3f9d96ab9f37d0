import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { spacedLowerCase } from '../../src/report/record-facts.js';
import { AWKWARD_TEXT_UNITS } from '../helpers/code-point-strings.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(2000) });

/** Units of the words of a hit: ASCII letters and marks, and the units folding white space and case treat apart. */
const units = fc.constantFrom(..."aZ9 -'.".split(''), ...AWKWARD_TEXT_UNITS);

describe('spacedLowerCase', () => {
  test('gives what collapsing each run of white space to a space and lower-casing gives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(units, { maxLength: 20 }).map((pieces) => pieces.join('')),
          fc.string({ maxLength: 20 }),
        ),
        (words) => {
          expect(spacedLowerCase(words)).toBe(words.replace(/\s+/g, ' ').toLowerCase());
        },
      ),
    );
  });
});
