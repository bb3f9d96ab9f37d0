import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { AsciiWordTable, normaliseText, readWords, WordRun } from '../../src/text/normalise.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(100) });

/** Pieces of social-media text: the units preparing looks at, alone and in the shapes it treats apart. */
const PIECES = [
  'care',
  'Carer',
  "carer's",
  "o'",
  "'",
  'aB',
  'x',
  'W',
  'www',
  'WwW',
  'http',
  'HTTPS',
  '9',
  ' ',
  '\n',
  '\t',
  '\u0000',
  '\u001f',
  '@',
  '@@',
  '#',
  '##',
  '_',
  '.',
  '-',
  '+',
  '%',
  ':',
  '/',
  '//',
  '&',
  '&amp;',
  '<',
  '<b>',
  '>',
  '@TLAP1',
  '@carer_uk',
  '#UnpaidCarers',
  '#day_centre',
  '#careACT4all',
  '#x',
  'jo@x.org',
  'jo.b@mail.co.uk',
  'a@b',
  'x@',
  'https://carer.org/a?b=c',
  'http://x',
  'www.carers.org',
  'WWW.X',
  '\u00e9',
  'Ünpaid',
  '\u2019',
  '\u201c',
  '\u2013',
  '\u00a0',
  '😀',
  '\ufb01',
];

const socialText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));
const unitText = fc.string({ unit: fc.constantFrom(..."aZw9_@#.-+%:/&<' \u00e9\u2019".split('')), maxLength: 40 });
const anyAscii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)), maxLength: 40 });

function wordsRead(text: string, run: WordRun): { word: string; stem: string; start: number; end: number }[] {
  readWords(text, run);
  return run.tokens();
}

describe('readWords (the one-pass scan of plain and social text)', () => {
  test('finds the words normaliseText finds, at the same offsets, in any text', () => {
    const run = new WordRun();
    fc.assert(
      fc.property(fc.oneof(socialText, unitText, anyAscii, fc.string({ maxLength: 30 })), (text) => {
        expect(wordsRead(text, run)).toEqual(normaliseText(text).tokens);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  test('keeps to them with a word table that fills and starts afresh every few words', () => {
    const run = new WordRun(new AsciiWordTable(5));
    fc.assert(
      fc.property(fc.array(fc.oneof(socialText, unitText), { minLength: 1, maxLength: 5 }), (texts) => {
        for (const text of texts) expect(wordsRead(text, run)).toEqual(normaliseText(text).tokens);
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
