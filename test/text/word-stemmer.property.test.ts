import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { porterStem } from '../../src/text/word-stemmer.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(4000) });

/** Endings the steps look for, so that words reach every branch, not only step 1. */
const ENDINGS = [
  ...['ing', 'ed', 'eed', 'ies', 'sses', 's', 'ss', 'y', 'e', 'll', 'at', 'bl', 'iz', 'ational', 'tional', 'enci', 'anci', 'izer'],
  ...['abli', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness'],
  ...['aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er'],
  ...['ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'ion'],
];

/** Letters weighted towards vowels, `y` and the consonants the steps test (doubles, l, s, z, w, x). */
const unit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789aeiouyyyllsszzwx'.split(''));
const word = fc
  .tuple(fc.string({ unit, maxLength: 12 }), fc.array(fc.constantFrom(...ENDINGS), { maxLength: 2 }))
  .map(([start, endings]) => start + endings.join(''));

describe('porterStem (property)', () => {
  test("gives natural's Porter stem for words of letters and digits", () => {
    fc.assert(
      fc.property(word, (each) => {
        expect(porterStem(each)).toBe(PorterStemmer.stem(each));
      }),
    );
  });

  test("gives natural's Porter stem for any other word (by asking natural)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', 'é', 'Y', 'S', '-', "'", 'ß', 'x'), minLength: 61, maxLength: 80 })),
        (each) => {
          expect(porterStem(each)).toBe(PorterStemmer.stem(each));
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  test.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['agreed', 'agre'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['generalization', 'gener'],
    ['electrical', 'electr'],
    ['adjustment', 'adjust'],
    ['probate', 'probat'],
    ['controll', 'control'],
    ['syzygy', 'syzygi'],
    ['personalised', 'personalis'],
  ])('%s → %s, as natural has it', (each, stem) => {
    expect(porterStem(each)).toBe(stem);
    expect(PorterStemmer.stem(each)).toBe(stem);
  });
});
