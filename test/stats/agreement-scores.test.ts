import { describe, expect, test } from '@jest/globals';
import { agreementScores, averagedF1, countOutcome, emptyConfusion } from '../../src/stats/agreement-scores.js';

describe('agreementScores', () => {
  test('precision, recall, F1 and kappa of a worked 2×2 table', () => {
    // tp 20, fp 5, fn 10, tn 65 over 100 records: po = 0.85, pe = (25·30 + 75·70) / 100² = 0.6.
    const scores = agreementScores({ truePositives: 20, falsePositives: 5, falseNegatives: 10, trueNegatives: 65 });
    expect(scores.precision).toBeCloseTo(0.8, 12);
    expect(scores.recall).toBeCloseTo(2 / 3, 12);
    expect(scores.f1).toBeCloseTo(40 / 55, 12);
    expect(scores.kappa).toBeCloseTo((0.85 - 0.6) / 0.4, 12);
    expect(scores.support).toBe(30);
  });

  test('empty denominators give 0, and total chance agreement gives kappa 1 only when the codings agree', () => {
    expect(agreementScores(emptyConfusion())).toEqual({ precision: 0, recall: 0, f1: 0, kappa: 0, support: 0 });
    expect(agreementScores({ truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 9 }).kappa).toBe(1);
    expect(agreementScores({ truePositives: 0, falsePositives: 3, falseNegatives: 0, trueNegatives: 0 }).kappa).toBe(0);
  });

  test('countOutcome fills the cell that a record belongs to', () => {
    const counts = emptyConfusion();
    countOutcome(counts, true, true);
    countOutcome(counts, true, false);
    countOutcome(counts, false, true);
    countOutcome(counts, false, false);
    countOutcome(counts, false, false);
    expect(counts).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 2 });
  });
});

describe('averagedF1', () => {
  test('macro averages the labels either coding uses; micro pools the cells', () => {
    const used = { truePositives: 1, falsePositives: 1, falseNegatives: 0, trueNegatives: 0 };
    const perfect = { truePositives: 2, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
    const unused = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 4 };
    const { macro, micro } = averagedF1([used, perfect, unused]);
    expect(macro).toBeCloseTo((2 / 3 + 1) / 2, 12);
    expect(micro).toBeCloseTo(6 / 7, 12);
    expect(averagedF1([unused])).toEqual({ macro: 0, micro: 0 });
  });
});
