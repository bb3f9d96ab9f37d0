import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Codebook } from '../../src/codebook/codebook.js';
import { AsciiWordTable, normaliseText, readWords, WordRun } from '../../src/text/normalise.js';
import { RecordFactExtractor } from '../../src/report/record-facts.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import { ThemeMatcher } from '../../src/themes/theme-matcher.js';
import { makeCodebook, type ThemeSpec } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(100) });

const WORDS = ['carer', 'carers', 'caring', 'unpaid', 'day', 'centre', 'budget', 'budgets', 'personal', 'money', 'home', 'care'];

const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const prefix = fc.constantFrom('car*', 'budg*', 'pers*', 'ho*');

const theme = (id: string): fc.Arbitrary<ThemeSpec> =>
  fc
    .record({
      keywords: fc.uniqueArray(fc.oneof(phrase, prefix), { minLength: 1, maxLength: 4 }),
      exact: fc.uniqueArray(fc.constantFrom('carers', 'budgets', 'home'), { maxLength: 2 }),
      near: fc.array(
        fc.record({
          all: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 2 }),
          within: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 1 },
      ),
      exclude: fc.array(fc.oneof(phrase, fc.record({ near: fc.constantFrom(...WORDS), within: fc.integer({ min: 1, max: 3 }) })), {
        maxLength: 2,
      }),
      min_hits: fc.integer({ min: 1, max: 2 }),
    })
    .map(({ keywords, exact, near, exclude, min_hits }) => ({
      id,
      keywords,
      min_hits,
      ...(exact.length > 0 ? { exact } : {}),
      ...(near.length > 0 ? { near } : {}),
      ...(exclude.length > 0 ? { exclude } : {}),
    }));

const codebookSpec = fc.tuple(theme('one'), theme('two'), theme('three'), fc.constantFrom<'multi' | 'single'>('multi', 'single'));

const PIECES = [
  ...WORDS,
  'Carers',
  "carer's",
  'CARE',
  '#UnpaidCarers',
  '@carer',
  'jo@x.org',
  'é',
  'Ünpaid',
  '<b>',
  '&amp;',
  ' ',
  ' ',
  ', ',
  '.',
  '-',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((pieces) => pieces.join(' '));

function loaded(spec: readonly ThemeSpec[], assign: 'multi' | 'single'): Codebook | null {
  try {
    return makeCodebook(spec, { assign });
  } catch {
    return null;
  }
}

describe('matching a word run (property)', () => {
  test('matchRun gives the evidence matchTokens gives on the normaliser tokens, with the word table starting afresh often', () => {
    const run = new WordRun(new AsciiWordTable(7));
    fc.assert(
      fc.property(codebookSpec, fc.array(text, { minLength: 1, maxLength: 4 }), ([one, two, three, assign], texts) => {
        const codebook = loaded([one, two, three], assign);
        fc.pre(codebook !== null);
        if (codebook === null) return;
        const matcher = new ThemeMatcher(codebook);
        for (const value of texts) {
          readWords(value, run);
          expect(matcher.matchRun(value, run)).toEqual(matcher.matchTokens(value, normaliseText(value).tokens));
        }
      }),
    );
  });

  test('assignNumberedBriefly: what assignNumbered gives, word numbers and all, in an array used again', () => {
    fc.assert(
      fc.property(codebookSpec, fc.array(text, { minLength: 1, maxLength: 6 }), ([one, two, three, assign], texts) => {
        const codebook = loaded([one, two, three], assign);
        fc.pre(codebook !== null);
        if (codebook === null) return;
        const briefly = new ThemeAssigner(codebook);
        const reference = new ThemeAssigner(codebook);
        const numbers = new Map<string, number>();
        const numberWord = (word: string): number => {
          if (!numbers.has(word)) numbers.set(word, numbers.size);
          return numbers.get(word) ?? -1;
        };
        for (const value of texts) {
          const record = makeRecord({ text: value.repeat(1 + (value.length % 30)) });
          const fast = briefly.assignNumberedBriefly(record, numberWord);
          const expected = reference.assignNumbered(record, numberWord);
          expect(fast.themed).toEqual(expected.themed);
          expect([...fast.wordIds]).toEqual([...expected.wordIds]);
        }
      }),
    );
  });

  test('assignHitsBriefly and extractHits: the themes, counting hits, word numbers, facts and counts of assignNumbered and extract', () => {
    const otherwise = fc.option(
      fc.constantFrom<ThemeSpec>({ id: 'other', otherwise: true }, { id: 'other', otherwise: true, keywords: ['home', 'day'] }),
    );
    fc.assert(
      fc.property(codebookSpec, otherwise, fc.array(text, { minLength: 1, maxLength: 6 }), ([one, two, three, assign], other, texts) => {
        const codebook = loaded(other === null ? [one, two, three] : [one, two, three, other], assign);
        fc.pre(codebook !== null);
        if (codebook === null) return;
        const briefly = new ThemeAssigner(codebook);
        const reference = new ThemeAssigner(codebook);
        expect(briefly.assignsHits).toBe(true);
        const numbers: string[] = [];
        const numberWord = (word: string): number => numbers.push(word) - 1;
        const wordOf = (id: number): string => numbers[id] ?? '';
        const fastFacts = new RecordFactExtractor(codebook, wordOf, true);
        const referenceFacts = new RecordFactExtractor(codebook, wordOf, true);
        for (const value of texts) {
          const record = makeRecord({ text: value.repeat(1 + (value.length % 30)) });
          const fast = briefly.assignHitsBriefly(record, numberWord);
          const expected = reference.assignNumbered(record, numberWord);
          expect([...fast.themes]).toEqual(expected.themed.themeIds.map((id) => codebook.themes.findIndex((theme) => theme.id === id)));
          codebook.themes.forEach((_theme, index) => {
            const first = fast.hits.firstHitOf(index);
            const hits = Array.from({ length: fast.hits.hitsOf(index) }, (_unused, at) => ({
              keyword: fast.hits.keywords[first + at],
              start: fast.hits.starts[first + at],
              end: fast.hits.ends[first + at],
            }));
            expect(hits).toEqual((expected.themed.evidence[index]?.hits ?? []).map(({ keyword, start, end }) => ({ keyword, start, end })));
          });
          expect([...fast.wordIds].map(wordOf)).toEqual([...expected.wordIds].map(wordOf));
          const facts = { ...fastFacts.extractHits(record, fast.themes, fast.hits, fast.wordIds) };
          const expectedFacts = { ...referenceFacts.extract(expected.themed, expected.wordIds) };
          expect({ ...facts, counted: [...facts.counted], quoted: [...facts.quoted] }).toEqual({
            ...expectedFacts,
            counted: [...expectedFacts.counted],
            quoted: [...expectedFacts.quoted],
          });
        }
        expect(fastFacts.counts).toEqual(referenceFacts.counts);
      }),
    );
  });

  test('a record with many hits counts its distinct keywords, in both ways of extracting its facts', () => {
    const codebook = makeCodebook([{ id: 'carers', keywords: ['carer', 'unpaid', 'respite'] }]);
    const numbers: string[] = [];
    const numberWord = (word: string): number => numbers.push(word) - 1;
    const wordOf = (id: number): string => numbers[id] ?? '';
    for (const [repeats, distinct] of [
      [1, 2],
      [8, 2],
      [40, 2],
    ] as const) {
      const record = makeRecord({ text: 'The carer needs unpaid help. '.repeat(repeats) });
      const briefly = new ThemeAssigner(codebook).assignHitsBriefly(record, numberWord);
      const { themed, wordIds } = new ThemeAssigner(codebook).assignNumbered(record, numberWord);
      const fromHits = [
        ...new RecordFactExtractor(codebook, wordOf, false).extractHits(record, briefly.themes, briefly.hits, briefly.wordIds).quoted,
      ];
      const fromEvidence = [...new RecordFactExtractor(codebook, wordOf, false).extract(themed, wordIds).quoted];
      expect({ repeats, fromHits, fromEvidence }).toEqual({ repeats, fromHits: [0, distinct], fromEvidence: [0, distinct] });
    }
  });

  test('assignNumbered: the themes assignWithTokens gives, and the words numbered in first-met order', () => {
    fc.assert(
      fc.property(codebookSpec, fc.array(text, { minLength: 1, maxLength: 4 }), ([one, two, three, assign], texts) => {
        const codebook = loaded([one, two, three], assign);
        fc.pre(codebook !== null);
        if (codebook === null) return;
        const fast = new ThemeAssigner(codebook);
        const reference = new ThemeAssigner(codebook);
        const numbers = new Map<string, number>();
        const numberWord = (word: string, stem: string): number => {
          const key = `${word}\u0000${stem}`;
          const known = numbers.get(key);
          if (known !== undefined) return known;
          numbers.set(key, numbers.size);
          return numbers.size - 1;
        };
        const expectedNumbers = new Map<string, number>();
        for (const value of texts) {
          const record = makeRecord({ text: value });
          const { themed, wordIds } = fast.assignNumbered(record, numberWord);
          const expected = reference.assignWithTokens(record);
          expect(themed).toEqual(expected.themed);
          const expectedIds = expected.tokens.map((token) => {
            const key = `${token.word}\u0000${token.stem}`;
            if (!expectedNumbers.has(key)) expectedNumbers.set(key, expectedNumbers.size);
            return expectedNumbers.get(key);
          });
          expect([...wordIds]).toEqual(expectedIds);
        }
      }),
    );
  });
});
