import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkCodebookExamples, describeExampleFailure } from '../../src/analysis/codebook-examples.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { makeCodebook } from '../builders/codebook-builder.js';

describe('checkCodebookExamples', () => {
  test('every failure at its line:col with the reason', () => {
    const codebook = makeCodebook(readFileSync(join(PROJECT_ROOT, 'fixtures/codebook/failing-examples/themes.yaml'), 'utf8'));
    const results = checkCodebookExamples(codebook);
    expect(results.total).toBe(8);
    expect(results.failures.map((failure) => describeExampleFailure(failure, 'themes.yaml'))).toEqual([
      `themes.yaml:10:11: theme "carers" should match "My carer's allowance is too low" but does not: "carer" matched "carer's" but "carer's allowance" (line 6) vetoed it`,
      'themes.yaml:11:11: theme "carers" should match "Unpaid care is hard" but does not: no keyword of the theme occurs in it',
      'themes.yaml:13:11: theme "carers" should not match "Respite is rare" but does: "respite" (line 5) matched "Respite"',
      'themes.yaml:19:15: theme "staff" should match "The nurse was kind" but does not: 1 hit, min_hits is 2',
      'themes.yaml:24:40: theme "other" should match "Carers and the car park" but does not: otherwise, but carers matched',
    ]);
  });

  test('a codebook without examples has nothing to check', () => {
    expect(checkCodebookExamples(makeCodebook([{ id: 'a', keywords: ['x'] }]))).toEqual({ total: 0, failures: [] });
  });
});
