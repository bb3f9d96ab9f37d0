import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { DistinctCounter, hashKey, SLOT_TAGS, TaggedDistinctCounter } from '../../src/stats/distinct-counter.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(100) });

/** Keys from a small set, so that keys repeat with other tags, and tag lists with repeats. */
const additions = (tagCount: number): fc.Arbitrary<{ key: number; tags: number[] }[]> =>
  fc.array(
    fc.record({
      key: fc.integer({ min: 0, max: 60 }),
      tags: fc.array(fc.integer({ min: 0, max: tagCount - 1 }), { maxLength: 4 }),
    }),
    { maxLength: 300 },
  );

describe('TaggedDistinctCounter against a DistinctCounter per tag (the general path)', () => {
  test.each([1, 14, SLOT_TAGS, SLOT_TAGS + 3])('the same distinct keys overall and per tag, with %i tags', (tagCount) => {
    fc.assert(
      fc.property(additions(tagCount), (added) => {
        const tagged = new TaggedDistinctCounter(tagCount);
        const all = new DistinctCounter();
        const perTag = Array.from({ length: tagCount }, () => new DistinctCounter());
        for (const { key, tags } of added) {
          const hash = hashKey(`voice ${key}`);
          tagged.add(hash, tags);
          all.add(hash);
          for (const tag of tags) perTag[tag]?.add(hash);
        }
        expect(tagged.size).toBe(all.size);
        expect(Array.from({ length: tagCount }, (_, tag) => tagged.sizeOf(tag))).toEqual(perTag.map((counter) => counter.size));
      }),
    );
  });

  test.each([1, 7, SLOT_TAGS])(
    'with %i kinds beside the tags: the same distinct keys per kind, the tags counted as without kinds',
    (kindCount) => {
      const kinded = fc.array(
        fc.record({
          key: fc.integer({ min: 0, max: 60 }),
          kind: fc.integer({ min: -1, max: kindCount }),
          tags: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 3 }),
        }),
        {
          maxLength: 300,
        },
      );
      fc.assert(
        fc.property(kinded, (added) => {
          const tagged = new TaggedDistinctCounter(14, kindCount);
          const plain = new TaggedDistinctCounter(14);
          const perKind = Array.from({ length: kindCount }, () => new DistinctCounter());
          for (const { key, kind, tags } of added) {
            const hash = hashKey(`voice ${key}`);
            tagged.add(hash, tags, kind);
            plain.add(hash, tags);
            perKind[kind]?.add(hash);
          }
          expect(tagged.size).toBe(plain.size);
          expect(Array.from({ length: 14 }, (_, tag) => tagged.sizeOf(tag))).toEqual(
            Array.from({ length: 14 }, (_, tag) => plain.sizeOf(tag)),
          );
          expect(Array.from({ length: kindCount }, (_, kind) => tagged.sizeOfKind(kind))).toEqual(perKind.map((counter) => counter.size));
        }),
      );
    },
  );

  test('holds at most as many kinds as a slot has bits', () => {
    expect(() => new TaggedDistinctCounter(3, SLOT_TAGS + 1)).toThrow(RangeError);
  });
});
