import { describe, expect, test } from '@jest/globals';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { labelledLines, scoreDetailsByKind } from './labelled-details.js';

const labelled = labelledLines('fixtures/privacy/bank-and-card/labelled.txt');
const secondLook = labelledLines('fixtures/privacy/bank-and-card/second-look.txt');

describe('payment card numbers and bank details, measured kind by kind on labelled feedback (figures in README.md)', () => {
  test('labelled.txt, 65 lines: cards 13 of 13 and bank details 28 of 28 with no false alarm; the phones, NHS and case numbers, postcodes beside them stay theirs', () => {
    const { figures, wrong } = scoreDetailsByKind(labelled, DEFAULT_REDACTION_POLICY);
    expect(labelled.length).toBe(65);
    expect(figures).toEqual({
      'card-number': { labels: 13, found: 13, flagged: 13 },
      'bank-details': { labels: 28, found: 28, flagged: 28 },
      phone: { labels: 3, found: 3, flagged: 3 },
      'nhs-number': { labels: 2, found: 2, flagged: 2 },
      'case-number': { labels: 3, found: 3, flagged: 3 },
      postcode: { labels: 3, found: 3, flagged: 3 },
    });
    expect(wrong).toEqual([]);
  });

  test('second-look.txt, 24 lines in phrasings labelled.txt lacks: cards 5 of 5, bank details 10 of 10, no false alarm', () => {
    const { figures, wrong } = scoreDetailsByKind(secondLook, DEFAULT_REDACTION_POLICY);
    expect(secondLook.length).toBe(24);
    expect(figures).toEqual({
      'card-number': { labels: 5, found: 5, flagged: 5 },
      'bank-details': { labels: 10, found: 10, flagged: 10 },
      phone: { labels: 2, found: 2, flagged: 2 },
      'nhs-number': { labels: 1, found: 1, flagged: 1 },
    });
    expect(wrong).toEqual([]);
  });

  test('a policy leaving the two kinds out still recognises them, so none is published half taken for a case number or a phone, but publishes them as written', () => {
    const kinds = new Set([...DEFAULT_REDACTION_POLICY.kinds].filter((kind) => kind !== 'card-number' && kind !== 'bank-details'));
    const { figures } = scoreDetailsByKind(labelled, { ...DEFAULT_REDACTION_POLICY, kinds });
    expect(figures['card-number']).toEqual({ labels: 13, found: 0, flagged: 0 });
    expect(figures['bank-details']).toEqual({ labels: 28, found: 0, flagged: 0 });
    expect(figures['case-number']).toEqual({ labels: 3, found: 3, flagged: 3 });
    expect(figures.phone).toEqual({ labels: 3, found: 3, flagged: 3 });
  });
});
