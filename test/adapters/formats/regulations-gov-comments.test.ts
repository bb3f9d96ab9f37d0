import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { regulationsGovCommentsAdapter } from '../../../src/adapters/formats/regulations-gov-comments.js';
import { readFileItems } from '../../helpers/read-fixture.js';

const sniffInput = (headText: string) => ({ path: 'x.csv', extension: '.csv', headText, headBytes: Buffer.from(headText) });

const header =
  'Document ID,Agency ID,Docket ID,Tracking Number,Document Type,Posted Date,Is Withdrawn?,Title,Received Date,First Name,Last Name,Comment';

describe('regulations-gov adapter', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tlap-regulations-gov-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("recognises a docket download's header, and no table without its columns", () => {
    expect(regulationsGovCommentsAdapter.sniff(sniffInput(`${header}\n`))).toBe(0.95);
    expect(regulationsGovCommentsAdapter.sniff(sniffInput('Document ID,Title,Comment\nA-1,Comment from Jo,Hello\n'))).toBe(0);
  });

  test('a comment is one record; the name regulations.gov titles it with is not kept anywhere', async () => {
    const path = join(folder, 'docket.csv');
    writeFileSync(
      path,
      `${header}\nEPA-1-0002,EPA,EPA-1,abc-123,Public Submission,2026-01-05,false,Comment from Dana Whitfield,2026-01-04,Dana,Whitfield,Please keep the river clean for the children who swim there.\n`,
    );
    const result = await readFileItems(path, { displayPath: 'docket.csv' });
    expect(result.format).toBe('regulations-gov');
    const records = result.items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));
    expect(records.map((record) => [record.sourceId, record.date, record.text])).toEqual([
      ['EPA-1-0002', '2026-01-04T00:00:00.000Z', 'Please keep the river clean for the children who swim there.'],
    ]);
    expect(JSON.stringify(records)).not.toMatch(/Dana|Whitfield/);
  });

  test('--format regulations-gov on another table fails naming the columns it expected', async () => {
    const path = join(folder, 'other.csv');
    writeFileSync(path, 'id,comment\n1,hello\n');
    const result = await readFileItems(path, { displayPath: 'other.csv', format: 'regulations-gov' });
    expect(result.error).toBe('other.csv: not a regulations.gov comments download (columns: "id", "comment")');
  });
});
