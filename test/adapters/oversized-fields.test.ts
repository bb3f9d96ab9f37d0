import { describe, expect, test } from '@jest/globals';
import { itemSummary, readTempInput } from '../helpers/temp-input.js';

/**
 * A record limit of 256 KiB, a quarter of the real one, so that csv-parse (which reads the
 * oversized record character by character) has a quarter of the text to go through; the real
 * limit is tested in oversized-fields.slow.test.ts.
 */
const LIMIT = 256 * 1024;
/** Twice the record limit: over it by 256 KiB, across several reads of the file. */
const OVERSIZED = 2 * LIMIT;

describe('a field over the record limit is one rejected row, not a stalled or swallowed file', () => {
  test('a closed quoted field over the record limit is rejected at its line; the rows after it are read at their own lines', async () => {
    const big = 'x'.repeat(OVERSIZED);
    const csv = `id,text\n1,before the big one\n2,"${big}\nstill inside the field"\n3,after the big one\n4,and another\n`;
    const result = await readTempInput('big-field.csv', csv, { format: 'csv', maxRecordBytes: LIMIT });
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual([
      'record line 2: before the big one',
      'rejected line 3: CSV_MAX_RECORD_SIZE',
      'record line 5: after the big one',
      'record line 6: and another',
    ]);
  });

  test('an unclosed quote followed by more text than the record limit costs only the row where it opens', async () => {
    const csv = `id,text\n1,"never closed ${'y'.repeat(OVERSIZED)}\n2,second row\n3,third row\n`;
    const result = await readTempInput('runaway-quote.csv', csv, { format: 'csv', maxRecordBytes: LIMIT });
    expect(result.error).toBeNull();
    const rejected = result.items.filter((item) => item.kind === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ kind: 'rejected', provenance: { line: 2 } });
    expect(itemSummary(result.items).filter((line) => line.startsWith('record'))).toEqual([
      'record line 3: second row',
      'record line 4: third row',
    ]);
  });
});
