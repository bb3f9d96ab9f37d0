import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../helpers/property-runs.js';
import { makeRecordId } from '../../src/record/record-id.js';
import { MAX_TAG, RecordIdSet } from '../../src/store/record-id-set.js';

describe('RecordIdSet', () => {
  test('holds record ids through growth and answers like a Set', () => {
    const ids = new RecordIdSet();
    const reference = new Set<string>();
    for (let index = 0; index < 5000; index += 1) {
      const id = makeRecordId('survey', `r${index}`);
      ids.add(id);
      reference.add(id);
    }
    expect(ids.size).toBe(5000);
    expect([...reference].filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.has(makeRecordId('survey', 'r5000'))).toBe(false);
  });

  test('setMark changes the mark of a held id, keeps its tag, and refuses an id not held', () => {
    const ids = new RecordIdSet();
    const held = makeRecordId('mastodon', 'https://mstdn.social/users/a/statuses/1');
    ids.add(held, 0, 3).add('hand-made', 7);
    for (let index = 0; index < 100; index += 1) ids.add(makeRecordId('survey', `r${index}`), index + 1);
    expect(ids.setMark(held, 0xdeadbeef)).toBe(true);
    expect(ids.setMark('hand-made', 9)).toBe(true);
    expect(ids.setMark(makeRecordId('survey', 'not held'), 1)).toBe(false);
    expect([ids.markOf(held), ids.tagOf(held), ids.markOf('hand-made')]).toEqual([0xdeadbeef, 3, 9]);
    expect(ids.markOf(makeRecordId('survey', 'r41'))).toBe(42);
  });

  test('adding an id twice counts it once', () => {
    const ids = new RecordIdSet();
    const id = makeRecordId('twitter', '1');
    ids.add(id).add(id);
    expect(ids.size).toBe(1);
  });

  test('ids of any other shape are kept exactly beside the compact ones', () => {
    const ids = new RecordIdSet();
    ids.add('hand-made').add('ABCDEF0123456789ABCD').add('0123456789abcdef0123').add('0123456789abcdef0123x');
    expect(ids.size).toBe(4);
    expect(ids.has('ABCDEF0123456789ABCD')).toBe(true);
    expect(ids.has('abcdef0123456789abcd')).toBe(false);
    expect(ids.has('0123456789abcdef0123')).toBe(true);
    expect(ids.has('0123456789abcdef012')).toBe(false);
  });

  test('keeps the mark each id was first added with, through growth', () => {
    const ids = new RecordIdSet();
    for (let index = 0; index < 3000; index += 1) ids.add(makeRecordId('survey', `r${index}`), index * 7919);
    ids.add(makeRecordId('survey', 'r5'), 1).add('hand-made', 0xffffffff).add('hand-made', 3);
    expect(ids.markOf(makeRecordId('survey', 'r5'))).toBe(5 * 7919);
    expect(ids.markOf(makeRecordId('survey', 'r2999'))).toBe(2999 * 7919);
    expect(ids.markOf('hand-made')).toBe(0xffffffff);
    expect(ids.markOf(makeRecordId('survey', 'r3000'))).toBeUndefined();
    expect(ids.markOf('other')).toBeUndefined();
  });

  test('keeps the tag each id was first added with, through growth; other-shaped ids keep none', () => {
    const ids = new RecordIdSet();
    for (let index = 0; index < 3000; index += 1) ids.add(makeRecordId('survey', `r${index}`), 0, index % (MAX_TAG + 1));
    ids.add(makeRecordId('survey', 'r7'), 0, 99).add('hand-made', 0, 5);
    expect(ids.tagOf(makeRecordId('survey', 'r7'))).toBe(7);
    expect(ids.tagOf(makeRecordId('survey', 'r2999'))).toBe(2999);
    expect(ids.tagOf(makeRecordId('survey', 'r0'))).toBe(0);
    expect(ids.tagOf(makeRecordId('survey', 'r3000'))).toBeUndefined();
    expect(ids.tagOf('hand-made')).toBeUndefined();
    expect(ids.add(makeRecordId('survey', 'big'), 0, MAX_TAG + 10).tagOf(makeRecordId('survey', 'big'))).toBe(MAX_TAG);
  });

  test('agrees with a Set on any sequence of adds and lookups', () => {
    const hexId = fc.stringMatching(/^[0-9a-f]{20}$/);
    const nearHexId = fc.stringMatching(/^[0-9a-gA-F/:`@\u0660]{19,21}$/);
    const anyId = fc.oneof(hexId, hexId, nearHexId, fc.string({ maxLength: 24 }));
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 400 }), fc.array(anyId, { maxLength: 50 }), (added, probed) => {
        const ids = new RecordIdSet();
        const reference = new Set<string>();
        for (const id of added) {
          ids.add(id);
          reference.add(id);
        }
        expect(ids.size).toBe(reference.size);
        for (const id of [...added, ...probed]) expect(ids.has(id)).toBe(reference.has(id));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test('adding an id gives the tag it then holds: its first, none for an id of another shape', () => {
    const hexId = fc.stringMatching(/^[0-9a-f]{20}$/);
    const notHex = fc.constantFrom('g', 'A', 'F', '/', ':', '`', '@', ' ', '\u0660', '\uff10', '\u00b0', '\u0131');
    const nearHexId = fc
      .tuple(hexId, fc.integer({ min: 0, max: 19 }), notHex)
      .map(([id, at, unit]) => `${id.slice(0, at)}${unit}${id.slice(at + 1)}`);
    const anyId = fc.oneof(
      hexId,
      nearHexId,
      hexId.map((id) => id.slice(1)),
      hexId.map((id) => `${id}0`),
    );
    fc.assert(
      fc.property(
        fc.array(anyId, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: MAX_TAG })), { maxLength: 60 }),
        (pool, adds) => {
          const ids = new RecordIdSet();
          const firstTags = new Map<string, number>();
          for (const [pick, tag] of adds) {
            const id = pool[pick % pool.length] ?? '';
            const held = ids.addAndTagOf(id, 0, tag);
            if (!firstTags.has(id)) firstTags.set(id, tag);
            const expected = /^[0-9a-f]{20}$/.test(id) ? firstTags.get(id) : undefined;
            expect([held, ids.tagOf(id), ids.has(id)]).toEqual([expected, expected, true]);
          }
          expect(ids.size).toBe(firstTags.size);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});
