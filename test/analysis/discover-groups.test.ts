import { describe, expect, test } from '@jest/globals';
import { groupCooccurringTerms, type GroupingRecord } from '../../src/analysis/discover-groups.js';
import { termsOf } from '../../src/stats/distinctive-terms.js';
import { normaliseText } from '../../src/text/normalise.js';

function groupingRecords(texts: readonly string[]): GroupingRecord[] {
  return texts.map((text, index) => ({ id: `id${index}`, sourceId: `r${index}`, text, terms: termsOf(text) }));
}

/** Praise of staff, where "very friendly" and "looked after" always come with "friendly" and "look", beside unrelated comments. */
function feedback(): string[] {
  const texts: string[] = [];
  for (let index = 0; index < 12; index += 1) texts.push(`The staff were very friendly and I was looked after, visit ${index}.`);
  for (let index = 0; index < 6; index += 1) texts.push(`The staff were kind on ward ${index}.`);
  for (let index = 0; index < 25; index += 1) texts.push(`The bus to the clinic was late again, trip ${index}.`);
  return texts;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const stems = (term: string): string =>
  normaliseText(term)
    .tokens.map((token) => token.stem)
    .join(' ');

describe('groupCooccurringTerms', () => {
  test("no term of a group runs inside another of the same group: it would add nothing as the theme's keyword", () => {
    const groups = groupCooccurringTerms(groupingRecords(feedback()));
    const staff = groups.find((group) => group.terms[0] === 'staff');
    expect(staff?.terms).toEqual(expect.arrayContaining(['friendly']));
    for (const group of groups) {
      const keys = group.terms.map(stems);
      for (const [index, key] of keys.entries())
        for (const other of keys.slice(index + 1)) {
          expect(` ${other} `.includes(` ${key} `)).toBe(false);
          expect(` ${key} `.includes(` ${other} `)).toBe(false);
        }
    }
  });

  test('a slot a contained phrase would have taken goes to the next distinctive term, up to the group size', () => {
    const staff = groupCooccurringTerms(groupingRecords(feedback()), { termsPerGroup: 4 }).find((group) => group.terms[0] === 'staff');
    expect(staff?.terms).toEqual(['staff', 'friendly', 'looked', 'visit']);
  });
});

describe('groupCooccurringTerms: keywords as people write them', () => {
  test('a keyword is the form most records write, not the first one read: "lovely", not the "loving" of one early record', () => {
    const texts = [
      'The staff were loving towards my mum, nurse 0.',
      ...Array.from({ length: 10 }, (_unused, index) => `The staff were lovely and the nurse was kind, nurse ${index + 1}.`),
      ...Array.from({ length: 20 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
    ];
    const terms = groupCooccurringTerms(groupingRecords(texts)).flatMap((group) => group.terms);
    expect(terms).toContain('lovely');
    expect(terms).not.toContain('loving');
  });
});

describe('groupCooccurringTerms: a name is never a seed', () => {
  const OTHER_WORDS = [
    'parking',
    'reception',
    'pharmacy',
    'letters',
    'phones',
    'website',
    'kiosk',
    'lift',
    'signs',
    'chairs',
    'lighting',
    'heating',
  ];

  test('a town written with capitals, inside sentences and opening them before its second word, is not proposed as a theme', () => {
    const texts = [
      ...OTHER_WORDS.slice(0, 4).map((word) => `The ${word} in Bowling Green is poor.`),
      ...OTHER_WORDS.slice(4).map((word) => `Bowling Green needs more ${word}.`),
      ...Array.from({ length: 12 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
    ];
    const seeds = groupCooccurringTerms(groupingRecords(texts)).map((group) => group.terms[0]);
    expect(seeds).not.toContain('green');
    expect(seeds).not.toContain('bowling');
    expect(seeds).toContain('bus');
  });

  test('a word that opens most answers and is capitalised inside a few run-on ones stays a seed', () => {
    const texts = [
      ...OTHER_WORDS.slice(0, 9).map((word) => `Nothing, the ${word} was fine.`),
      ...OTHER_WORDS.slice(9).map((word) => `All good Nothing about the ${word}.`),
      ...Array.from({ length: 20 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
    ];
    expect(groupCooccurringTerms(groupingRecords(texts)).map((group) => group.terms[0])).toContain('nothing');
  });

  test('an acronym stays a seed and is labelled in capitals', () => {
    const texts = [
      ...OTHER_WORDS.map((word) => `My GP and the ${word}.`),
      ...Array.from({ length: 20 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
    ];
    const gp = groupCooccurringTerms(groupingRecords(texts)).find((group) => group.terms[0] === 'gp');
    expect(gp?.label).toBe('GP');
  });

  test('a writer who capitalises every word is no evidence that a word is a name', () => {
    const texts = [
      ...OTHER_WORDS.slice(0, 7).map((word) => `The Parking Is Terrible And The ${capitalise(word)} Too.`),
      ...OTHER_WORDS.slice(7, 8).map((word) => `Finding parking is hard, and the ${word} too.`),
      ...Array.from({ length: 20 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
    ];
    const seeds = groupCooccurringTerms(groupingRecords(texts)).map((group) => group.terms[0]);
    expect(seeds).toContain('parking');
  });
});

describe('groupCooccurringTerms: the first part of a hyphenated word is no keyword', () => {
  test('`co` of co-production is neither a seed nor a keyword, as it would match co-op and co-ordinator too; its records still make a theme', () => {
    const texts = [
      ...Array.from({ length: 20 }, (_unused, index) => `Co-production must be genuine, not tokenistic, in area ${index}.`),
      ...Array.from({ length: 20 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
      ...Array.from({ length: 20 }, (_unused, index) => `More housing is needed near the river, site ${index}.`),
    ];
    const groups = groupCooccurringTerms(groupingRecords(texts));
    const terms = groups.flatMap((group) => group.terms);
    expect(terms).not.toContain('co');
    expect(terms).toEqual(expect.arrayContaining(['genuine', 'production']));
  });

  test('nor a seed when it would be the strongest word alone', () => {
    const texts = [
      ...['genuine', 'real', 'meaningful', 'early', 'equal', 'paid', 'local', 'honest'].map(
        (word) => `Co-production must be ${word}, not tokenistic, and co-production takes time.`,
      ),
      ...Array.from({ length: 8 }, (_unused, index) => `The bus to the clinic was late again, trip ${index}.`),
      ...Array.from({ length: 8 }, (_unused, index) => `More housing is needed near the river, site ${index}.`),
    ];
    expect(groupCooccurringTerms(groupingRecords(texts)).map((group) => group.terms[0])).not.toContain('co');
  });
});
