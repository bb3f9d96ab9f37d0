import { describe, expect, test } from '@jest/globals';
import { goldFromRecords } from '../../src/analysis/stored-gold.js';
import { InputError } from '../../src/errors.js';
import { makeRecord } from '../builders/record-builder.js';

const coded = [
  makeRecord({
    text: 'The nurse was kind.',
    meta: { question: 'Q1', answers: { target: 'Staff', trust: 'Trust A' } },
    provenance: { file: 'fft.csv', line: 2 },
  }),
  makeRecord({
    text: 'Long wait.',
    meta: { answers: { target: 'Access; Staff ;Access' } },
    provenance: { file: 'fft.csv', line: 5, row: 4 },
  }),
  makeRecord({ text: 'Nothing.', meta: { answers: { target: '' } }, provenance: { file: 'fft.csv', row: 7 } }),
  makeRecord({ text: 'A table row.', meta: { Theme: 'environment' }, provenance: { file: 'notes.csv', line: 3 } }),
  makeRecord({ text: 'A tweet.', meta: {}, provenance: { file: 'tweets.js' } }),
];

describe('goldFromRecords', () => {
  test("reads each record's answer in the column as theme ids or labels joined by ;, keyed by tlap id, at the record's line", async () => {
    const gold = await goldFromRecords(coded, 'target');
    expect(gold.keyColumn).toBe('id');
    expect(gold.entries).toEqual([
      { key: coded[0]?.id, themes: ['Staff'], line: 2 },
      { key: coded[1]?.id, themes: ['Access', 'Staff'], line: 5 },
      { key: coded[2]?.id, themes: [], line: 7 },
    ]);
    expect(gold.problems).toEqual([]);
  });

  test("a table's other column, kept in meta rather than meta.answers, is read too", async () => {
    expect((await goldFromRecords(coded, 'Theme')).entries).toEqual([{ key: coded[3]?.id, themes: ['environment'], line: 3 }]);
  });

  test('a column no record holds is an error that lists the columns they do hold', async () => {
    await expect(goldFromRecords(coded, 'code')).rejects.toThrow(
      new InputError('no record of the store holds a column "code" to read the human coding from'),
    );
    await expect(goldFromRecords(coded, 'code')).rejects.toMatchObject({
      hint: 'columns the records hold: target, trust, question, Theme',
    });
  });
});
