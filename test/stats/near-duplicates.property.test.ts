import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  BAND_ROWS,
  BANDS,
  CAMPAIGN_MIN_WORDS,
  NEAR_JACCARD,
  NearDuplicateGroups,
  SHINGLE_WORDS,
  SKETCH_BINS,
} from '../../src/stats/near-duplicates.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(6) });

const AGREEING_BINS = Math.ceil((NEAR_JACCARD + (1 - NEAR_JACCARD) / 256) * SKETCH_BINS);
const CANDIDATES_PER_BAND = 4;

/**
 * The banding as its documentation states it, with a list per band's values: for each band, the
 * members filed under the same values are checked in the order they were filed; the first whose
 * length allows it and whose sketch agrees closely enough is joined (and the text is not filed under
 * that band), else the text is filed there unless that many members were checked.
 */
class ReferenceGroups {
  private readonly parent: number[] = [];
  private readonly sketches: Uint8Array[] = [];
  private readonly shingles: number[] = [];
  private readonly filed = new Map<string, number[]>();

  add(sketch: Uint8Array, length: number): number {
    if (length < CAMPAIGN_MIN_WORDS) return -1;
    const member = this.parent.length;
    this.parent.push(member);
    this.sketches.push(sketch);
    this.shingles.push(Math.min(0xffff, length - SHINGLE_WORDS + 1));
    for (let band = 0; band < BANDS; band += 1) {
      const key = `${band}:${[...sketch.subarray(band * BAND_ROWS, (band + 1) * BAND_ROWS)].join(',')}`;
      const members = this.filed.get(key) ?? [];
      const joined = members.find((other) => this.near(member, other));
      if (joined !== undefined) this.union(member, joined);
      else if (members.length < CANDIDATES_PER_BAND) this.filed.set(key, [...members, member]);
    }
    return member;
  }

  rootOf(member: number): number {
    let current = member;
    while (this.parent[current] !== current) current = this.parent[current] ?? current;
    return current;
  }

  private near(a: number, b: number): boolean {
    const first = this.shingles[a] ?? 0;
    const second = this.shingles[b] ?? 0;
    if (Math.min(first, second) < NEAR_JACCARD * Math.max(first, second)) return false;
    const x = this.sketches[a] ?? new Uint8Array(SKETCH_BINS);
    const y = this.sketches[b] ?? new Uint8Array(SKETCH_BINS);
    let same = 0;
    for (let bin = 0; bin < SKETCH_BINS; bin += 1) if (x[bin] === y[bin]) same += 1;
    return same >= AGREEING_BINS;
  }

  private union(a: number, b: number): void {
    const rootA = this.rootOf(a);
    const rootB = this.rootOf(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else this.parent[rootA] = rootB;
  }
}

/**
 * Sketches made by changing a few values of a few templates, so that bands collide, buckets fill
 * and agreement sits near the bar, among new ones that fill the band table until it grows.
 */
const texts = fc
  .tuple(
    fc.array(fc.uint8Array({ minLength: SKETCH_BINS, maxLength: SKETCH_BINS }), { minLength: 1, maxLength: 6 }),
    fc.array(
      fc.record({
        template: fc.nat(),
        fresh: fc.option(fc.uint8Array({ minLength: SKETCH_BINS, maxLength: SKETCH_BINS }), { freq: 2 }),
        changes: fc.array(fc.record({ bin: fc.nat({ max: SKETCH_BINS - 1 }), value: fc.nat({ max: 3 }) }), { maxLength: 9 }),
        length: fc.integer({ min: CAMPAIGN_MIN_WORDS - 2, max: 40 }),
      }),
      { minLength: 1, maxLength: 2000, size: 'max' },
    ),
  )
  .map(([templates, edits]) =>
    edits.map(({ template, fresh, changes, length }) => {
      const sketch = Uint8Array.from(fresh ?? templates[template % templates.length] ?? []);
      for (const { bin, value } of changes) sketch[bin] = value;
      return { sketch, length };
    }),
  );

describe('NearDuplicateGroups against the banding as documented (lists per band value)', () => {
  test.each([
    ['as built', undefined],
    ['with one bit of band hash kept per slot', 1],
    ['with no band hash kept per slot (every probe reads the sketch)', 0],
  ])('the same member numbers and the same groups, through the band table growing (%s)', (_name, tagBits) => {
    fc.assert(
      fc.property(texts, (added) => {
        const groups = new NearDuplicateGroups(tagBits);
        const reference = new ReferenceGroups();
        const members = added.map(({ sketch, length }) => groups.addSketch(sketch, 0, length));
        expect(members).toEqual(added.map(({ sketch, length }) => reference.add(sketch, length)));
        const roots = members.map((member) => (member < 0 ? -1 : groups.rootOf(member)));
        expect(roots).toEqual(members.map((member) => (member < 0 ? -1 : reference.rootOf(member))));
      }),
    );
  });
});
