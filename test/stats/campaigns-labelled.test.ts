import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { NearDuplicateGroups, wordHash } from '../../src/stats/near-duplicates.js';
import { normaliseText } from '../../src/text/normalise.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

interface LabelledRecord {
  id: string;
  campaign: string;
  kind: string;
  text: string;
}

const ROWS = parse(readFileSync(join(PROJECT_ROOT, 'fixtures', 'stats', 'campaigns-labelled', 'records.csv')), {
  columns: true,
}) as LabelledRecord[];

/** Pairwise scores of a grouping against the gold campaigns: each pair of records is put together or not. */
function pairwiseScores(): { truePairs: number; falsePairs: number; missedPairs: number } {
  const groups = new NearDuplicateGroups();
  const members = ROWS.map((row) => groups.add(normaliseText(row.text).tokens.map((token) => wordHash(token.word))));
  let truePairs = 0;
  let falsePairs = 0;
  let missedPairs = 0;
  for (let i = 0; i < ROWS.length; i += 1) {
    for (let j = i + 1; j < ROWS.length; j += 1) {
      const a = ROWS[i];
      const b = ROWS[j];
      const memberA = members[i] ?? -1;
      const memberB = members[j] ?? -1;
      if (a === undefined || b === undefined) continue;
      const gold = a.campaign !== '' && a.campaign === b.campaign;
      const found = memberA >= 0 && memberB >= 0 && groups.rootOf(memberA) === groups.rootOf(memberB);
      if (gold && found) truePairs += 1;
      else if (found) falsePairs += 1;
      else if (gold) missedPairs += 1;
    }
  }
  return { truePairs, falsePairs, missedPairs };
}

describe('campaign grouping on the labelled set (fixtures/stats/campaigns-labelled)', () => {
  test('the set has four campaigns of twelve, distinct texts on the same topics and short repeats', () => {
    expect(ROWS).toHaveLength(94);
    expect(new Set(ROWS.map((row) => row.campaign).filter((label) => label !== '')).size).toBe(4);
  });

  test('pairwise precision 1.00 and recall 0.96 (253 of 264 pairs; the figures in README.md)', () => {
    const { truePairs, falsePairs, missedPairs } = pairwiseScores();
    expect({ truePairs, falsePairs, missedPairs }).toEqual({ truePairs: 253, falsePairs: 0, missedPairs: 11 });
    expect(truePairs / (truePairs + falsePairs)).toBe(1);
    expect(truePairs / (truePairs + missedPairs)).toBeCloseTo(0.958, 3);
  });
});
