import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { keepFirst } from '../../src/stats/keep-first.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(300) });

interface Item {
  rank: number;
  order: number;
}

const byRank = (a: Item, b: Item): number => a.rank - b.rank;

describe('keepFirst against sorting everything and keeping the first', () => {
  test('the same items in the same order, ties kept in arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (ranks, limit) => {
        const items = ranks.map((rank, order) => ({ rank, order }));
        const kept: Item[] = [];
        let sorted: Item[] = [];
        for (const item of items) {
          keepFirst(kept, item, limit, byRank);
          sorted = [...sorted, item].sort(byRank).slice(0, limit);
          expect(kept).toEqual(sorted);
        }
      }),
    );
  });
});
