import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { distinctiveTerms, TermTally, termsOf } from '../../src/stats/distinctive-terms.js';
import {
  distinctiveNumberedTerms,
  NumberedTermTally,
  visitNumberedTerms,
  WordMapping,
  WordNumbering,
} from '../../src/stats/numbered-terms.js';
import { normaliseText } from '../../src/text/normalise.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(100) });

/** Content words, function words, numbers, spellings that share a stem, and Unicode the normaliser changes. */
const PIECES = [
  'carer',
  'carers',
  "carer's",
  'Caring',
  'respite',
  'day',
  'centre',
  'of',
  'the',
  'and',
  'to',
  '2019',
  '15',
  '٣',
  'a',
  'x',
  'ＣＡＲＥＲ',
  '#DayCentre',
  'café',
  'zorb',
  'zorbs',
  'quix',
  ' ',
  ' ',
  ' ',
  '. ',
  '-',
];

/** A few words that recur across records, so that terms held by several records meet the memory bound. */
const RECURRING = ['carer', 'respite', 'day', 'centre', 'budget', 'home'];

const text = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 6, arbitrary: fc.constantFrom(...RECURRING).map((word) => `${word} `) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

const groups = fc.array(fc.record({ text, target: fc.boolean() }), { maxLength: 80 });

describe('NumberedTermTally against TermTally over termsOf (the general path)', () => {
  test('the same distinctive terms (all, or the first few), counts and written forms, with and without dropping the rarest, words numbered here or mapped from another numbering', () => {
    fc.assert(
      fc.property(
        groups,
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(65_536)),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        (records, limit, minCount, dropHistogram, mapped, termLimit) => {
          const general = { target: new TermTally(limit), reference: new TermTally(limit) };
          const words = new WordNumbering();
          const numbered = {
            target: new NumberedTermTally(words, limit, dropHistogram),
            reference: new NumberedTermTally(words, limit, dropHistogram),
          };
          const other = new Map<string, number>();
          const mapping = new WordMapping(words);
          for (const record of records) {
            const group = record.target ? 'target' : 'reference';
            general[group].add(termsOf(record.text));
            const { tokens } = normaliseText(record.text);
            if (!mapped) {
              numbered[group].add(tokens.map((token) => words.number(token.word, token.stem)));
              continue;
            }
            const ids = tokens.map((token) => {
              let id = other.get(token.word);
              if (id === undefined) {
                id = other.size;
                other.set(token.word, id);
                mapping.adopt(token.word, token.stem);
              }
              return id;
            });
            numbered[group].addRun({ ids: [7, ...ids, 7], start: 1, end: ids.length + 1, mapping });
          }
          expect(numbered.target.records).toBe(general.target.records);
          expect(numbered.target.termCount).toBe(general.target.size);
          expect(numbered.reference.termCount).toBe(general.reference.size);
          expect(numbered.target.total()).toBe(general.target.total());
          expect(distinctiveNumberedTerms(numbered.target, numbered.reference, { minCount })).toEqual(
            distinctiveTerms(general.target, general.reference, { minCount }),
          );
          expect(distinctiveNumberedTerms(numbered.target, numbered.reference, { minCount, limit: termLimit })).toEqual(
            distinctiveTerms(general.target, general.reference, { minCount, limit: termLimit }),
          );
        },
      ),
    );
  });
});

describe('visitNumberedTerms against termsOf (the general path)', () => {
  test('visits the terms termsOf finds in the text, in the order they first occur', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const words = new WordNumbering();
        for (const each of texts) {
          const ids = normaliseText(each).tokens.map((token) => words.number(token.word, token.stem));
          const visited: string[] = [];
          visitNumberedTerms(words, ids, ids.length, (first, second) => {
            const key = second === -1 ? words.stem(first) : `${words.stem(first)} ${words.stem(second)}`;
            if (!visited.includes(key)) visited.push(key);
          });
          expect(visited).toEqual(termsOf(each).map((term) => term.key));
        }
      }),
    );
  });
});

describe('WordNumbering against Maps of words and stems (the general path)', () => {
  test('keeps numbering many words and stems, past many growths of its tables', () => {
    const words = new WordNumbering();
    const spellings = Array.from({ length: 20_000 }, (_, index) => `w${(index * 7919) % 20_000}`);
    spellings.forEach((word, index) => expect(words.number(word, word.slice(0, 3))).toBe(index));
    spellings.forEach((word, index) => expect(words.number(word, 'other')).toBe(index));
    expect(words.stemCount).toBe(new Set(spellings.map((word) => word.slice(0, 3))).size);
    expect(words.stemNumberOf('w12')).toBe(words.stemOf(spellings.indexOf('w12')));
    expect(words.stemNumberOf('other')).toBeUndefined();
  });

  test('numbers words and stems in the order first given, past growing its tables', () => {
    const spelling = fc.oneof(
      fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', 'é', '٣', '\u{1F600}') }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(spelling, spelling), { maxLength: 1500 }), fc.array(spelling, { maxLength: 20 }), (pairs, probes) => {
        const words = new WordNumbering();
        const wordIds = new Map<string, number>();
        const stemIds = new Map<string, number>();
        for (const [word, stem] of pairs) {
          if (!wordIds.has(word)) {
            wordIds.set(word, wordIds.size);
            if (!stemIds.has(stem)) stemIds.set(stem, stemIds.size);
          }
          const id = words.number(word, stem);
          expect(id).toBe(wordIds.get(word));
          expect(words.word(id)).toBe(word);
        }
        expect(words.size).toBe(wordIds.size);
        expect(words.stemCount).toBe(stemIds.size);
        for (const [word, id] of wordIds) expect(words.stem(words.stemOf(id))).toBe([...pairs].find(([first]) => first === word)?.[1]);
        for (const stem of [...stemIds.keys(), ...probes]) expect(words.stemNumberOf(stem)).toBe(stemIds.get(stem));
      }),
      { numRuns: propertyRuns(30) },
    );
  });
});
