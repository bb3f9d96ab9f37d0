import { describe, expect, test } from '@jest/globals';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { labelledLines, scoreDetailsByKind } from './labelled-details.js';

const lines = labelledLines('fixtures/privacy/byline-accounts/labelled.txt');

describe('accounts named in a pasted byline without their @ (figures in README.md)', () => {
  test('labelled.txt: every account after posted by, reply from and the like goes as a handle; bylines naming no account stay', () => {
    const { figures, wrong } = scoreDetailsByKind(lines, DEFAULT_REDACTION_POLICY);
    expect(lines.length).toBe(16);
    expect(figures).toEqual({ handle: { labels: 7, found: 7, flagged: 7 } });
    expect(wrong).toEqual([]);
  });
});
