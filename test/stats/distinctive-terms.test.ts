import { describe, expect, test } from '@jest/globals';
import { distinctiveTerms, TermTally, termsOf } from '../../src/stats/distinctive-terms.js';

function tally(texts: readonly string[]): TermTally {
  const counts = new TermTally();
  for (const text of texts) counts.add(termsOf(text));
  return counts;
}

describe('termsOf', () => {
  test('words and two-word phrases as stems, through the one normaliser, each once, without function words alone', () => {
    const terms = termsOf('The Nurses were kind; the nurses looked after me.');
    expect(terms.map((term) => term.key)).toEqual(['nurs', 'kind', 'nurs look', 'look', 'look after']);
    expect(terms.find((term) => term.key === 'look after')?.written).toBe('looked after');
  });

  test('numbers are not terms; a phrase of two function words is not a term', () => {
    expect(termsOf('of the 2019 and 15 minutes').map((term) => term.key)).toEqual(['minut']);
  });

  test('a function word makes a phrase only as a negation, degree word or want before a content word, or a particle after one', () => {
    const written = (text: string): string[] => termsOf(text).map((term) => term.written);
    expect(written('not listened')).toEqual(['not listened', 'listened']);
    expect(written('dont listen')).toEqual(['dont listen', 'listen']);
    expect(written('too long')).toEqual(['too long', 'long']);
    expect(written('need respite')).toEqual(['need respite', 'respite']);
    expect(written('cut off')).toEqual(['cut', 'cut off']);
    expect(written('follow up')).toEqual(['follow', 'follow up']);
    expect(written('everything was')).toEqual(['everything']);
    expect(written('receive is')).toEqual(['receive']);
    expect(written('the staff')).toEqual(['staff']);
    expect(written('waiting for')).toEqual(['waiting']);
    expect(written('for asking')).toEqual(['asking']);
    expect(written('listened not')).toEqual(['listened']);
    expect(written('up stairs')).toEqual(['stairs']);
  });
});

describe('distinctiveTerms (log-odds with an informative Dirichlet prior)', () => {
  const target = tally(['the parking was awful', 'no parking spaces at all', 'parking charges too high', 'parking again', 'kind staff']);
  const reference = tally(['kind staff', 'staff were kind', 'lovely staff', 'the doctor was kind', 'kind nurses', 'waiting too long']);

  test('ranks the word the target group uses and the reference does not first', () => {
    const terms = distinctiveTerms(target, reference, { minCount: 2 });
    expect(terms[0]).toMatchObject({ key: 'park', term: 'parking', inTarget: 4, inReference: 0 });
    expect(terms.map((term) => term.key)).not.toContain('staff');
    expect(terms.every((term) => term.z > 0)).toBe(true);
  });

  test('matches the formula of Monroe et al. (2008) worked by hand', () => {
    const [parking] = distinctiveTerms(target, reference, { minCount: 2 });
    const nT = target.total();
    const nR = reference.total();
    const alpha = 4;
    const alpha0 = nT + nR;
    const delta = Math.log((4 + alpha) / (nT + alpha0 - 4 - alpha)) - Math.log((0 + alpha) / (nR + alpha0 - 0 - alpha));
    expect(parking?.logOdds).toBeCloseTo(delta, 12);
    expect(parking?.z).toBeCloseTo(delta / Math.sqrt(1 / (4 + alpha) + 1 / alpha), 12);
  });

  test('respects minCount and limit, and orders ties by key', () => {
    expect(distinctiveTerms(target, reference, { minCount: 5 })).toEqual([]);
    expect(distinctiveTerms(target, reference, { minCount: 1, limit: 2 })).toHaveLength(2);
    const twins = distinctiveTerms(tally(['zebra yak', 'zebra yak']), tally(['cat']), { minCount: 1 });
    expect(twins.map((term) => term.key)).toEqual(['yak', 'zebra', 'zebra yak']);
  });
});

describe('TermTally memory bound', () => {
  test('below its limit every count is exact; past it the rarest terms go and common ones stay', () => {
    const bounded = new TermTally(50);
    const exact = new TermTally();
    const texts = Array.from({ length: 200 }, (_unused, index) => `respite carers rare${index.toString(36)}word`);
    for (const text of texts) {
      bounded.add(termsOf(text));
      exact.add(termsOf(text));
    }
    expect(bounded.size).toBeLessThanOrEqual(50);
    expect(bounded.countOf('respit')).toBe(exact.countOf('respit'));
    expect(bounded.countOf('carer')).toBe(200);
    expect(bounded.formOf('carer')).toBe('carers');
    for (const [key, count] of bounded.entries()) expect(count).toBeLessThanOrEqual(exact.countOf(key));
    const small = new TermTally(1000);
    for (const text of texts) small.add(termsOf(text));
    expect([...small.entries()]).toEqual([...exact.entries()]);
  });
});
