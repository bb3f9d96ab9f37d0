import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { normaliseText } from '../../src/text/normalise.js';
import { ThemeMatcher } from '../../src/themes/theme-matcher.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(150) });

/** What preparing a text changes, mixed with words the codebook knows and arbitrary Unicode. */
const PIECES = [
  'carer',
  'Carers',
  'ＣＡＲＥＲ',
  'unpaid',
  'day',
  'centre',
  'budget',
  'personalised',
  '#UnpaidCarers',
  '#day_centre',
  '#',
  '@carer',
  'jo@x.org',
  'https://carer.org/x',
  'www.carer.org',
  '<b>',
  '</b>',
  '<!-- x -->',
  '&amp;',
  '&#8217;s',
  '&#x72;',
  '&nbsp;',
  '&',
  '\u2019',
  '\u201c',
  'ﬁ',
  'e\u0301',
  '\u0301',
  '😀',
  '-',
  '/',
  "'",
  ' ',
  '  ',
  '\n',
  '.',
];

const text = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }),
    {
      maxLength: 30,
    },
  )
  .map((pieces) => pieces.join(''));

const codebook = makeCodebook([
  { id: 'carers', keywords: ['carer', 'unpaid carer', 'day centre'], exclude: ['carer budget'] },
  { id: 'money', keywords: ['budget', 'personalis*'], exact: ['profit'], near: [{ all: ['day', 'budget'], within: 3 }] },
]);
const matcher = new ThemeMatcher(codebook);

describe('evidence points at the stored text (property)', () => {
  test('every token lies inside the text, in order, and is not empty (one character NFKC splits, ㏆, may hold two)', () => {
    fc.assert(
      fc.property(text, (value) => {
        let previousStart = 0;
        for (const token of normaliseText(value).tokens) {
          expect(token.start).toBeGreaterThanOrEqual(previousStart);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(value.length);
          previousStart = token.start;
        }
      }),
    );
  });

  test('every hit and vetoed hit: text.slice(start, end) === words, inside the text', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const evidence of matcher.match(value)) {
          for (const hit of [...evidence.hits, ...evidence.vetoed]) {
            expect(hit.start).toBeGreaterThanOrEqual(0);
            expect(hit.end).toBeLessThanOrEqual(value.length);
            expect(hit.end).toBeGreaterThan(hit.start);
            expect(value.slice(hit.start, hit.end)).toBe(hit.words);
          }
        }
      }),
    );
  });

  test('plain ASCII text: the words of a hit, normalised, are the words of its keyword', () => {
    const ascii = fc
      .array(fc.constantFrom('carer', 'Carers', 'unpaid', 'day', 'centre', 'budget', 'x', ' ', ', ', '-', '.'), { maxLength: 20 })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(ascii, (value) => {
        for (const evidence of matcher.match(value)) {
          for (const hit of evidence.hits) {
            if (hit.keyword.includes(' within ')) continue;
            expect(normaliseText(hit.words).tokens.map((token) => token.stem)).toEqual(
              normaliseText(hit.keyword).tokens.map((token) => token.stem),
            );
          }
        }
      }),
    );
  });
});
