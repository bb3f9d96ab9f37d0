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
