import { describe, expect, test } from '@jest/globals';
import { editedAtOf, isEarlierEdit, isLaterEdit } from '../../src/record/edit-time.js';
import { toIsoDate } from '../../src/record/dates.js';
import { makeRecord } from '../builders/record-builder.js';

const EARLY = '2024-12-02T10:56:40.000Z';
const LATE = '2024-12-08T20:33:20.000Z';

describe('isEarlierEdit: which of two wordings of one post is the older, by the edit times the exports give', () => {
  test('a copy edited before the kept record, or with no edit time against a kept one that has one, is the earlier version', () => {
    expect(isEarlierEdit(EARLY, LATE)).toBe(true);
    expect(isEarlierEdit(undefined, LATE)).toBe(true);
  });

  test('a later or equal edit time, or a kept record with none, leaves the words read last to win', () => {
    expect(isEarlierEdit(LATE, EARLY)).toBe(false);
    expect(isEarlierEdit(LATE, LATE)).toBe(false);
    expect(isEarlierEdit(EARLY, undefined)).toBe(false);
    expect(isEarlierEdit(undefined, undefined)).toBe(false);
  });

  test('edit times are compared as the instants they are once written the one way', () => {
    const early = toIsoDate('2024-12-08T21:33:20+01:00');
    const late = toIsoDate(1733690001);
    expect(early === null || late === null).toBe(false);
    expect(isEarlierEdit(early ?? undefined, late ?? undefined)).toBe(true);
  });
});

describe('isLaterEdit: the edit time a record or its copy keeps', () => {
  test('a time later than the kept one, or any time where none is kept, is later; an equal, earlier or missing one is not', () => {
    expect(isLaterEdit(LATE, EARLY)).toBe(true);
    expect(isLaterEdit(EARLY, undefined)).toBe(true);
    expect(isLaterEdit(LATE, LATE)).toBe(false);
    expect(isLaterEdit(EARLY, LATE)).toBe(false);
    expect(isLaterEdit(undefined, EARLY)).toBe(false);
    expect(isLaterEdit(undefined, undefined)).toBe(false);
  });
});

describe('editedAtOf', () => {
  test("is a record's meta.editedAt when it is a string, else undefined", () => {
    expect(editedAtOf(makeRecord({ meta: { editedAt: LATE } }))).toBe(LATE);
    expect(editedAtOf(makeRecord({ meta: { edited: true } }))).toBeUndefined();
  });
});
