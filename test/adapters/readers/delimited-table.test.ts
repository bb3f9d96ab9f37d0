import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import {
  readDelimitedTable,
  readTableHead,
  type DelimitedTableOptions,
  type TableEvent,
} from '../../../src/adapters/readers/delimited-table.js';
import { openInputSource } from '../../../src/source/input-source.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-delimited-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function eventsOf(name: string, content: string, options: DelimitedTableOptions = {}): Promise<TableEvent[]> {
  const path = join(folder, name);
  writeFileSync(path, content);
  const events: TableEvent[] = [];
  for await (const event of readDelimitedTable(await openInputSource(path), options)) events.push(event);
  return events;
}

describe('readDelimitedTable line numbers', () => {
  test('CRLF and lone CR inside quoted cells do not shift the lines of later rows', async () => {
    const events = await eventsOf('crlf.csv', 'a,b\r\n1,"x\r\ny\r\nz"\r\n2,"p\rq"\r\n3,plain\r\n');
    expect(events.map((event) => (event.kind === 'row' ? [event.row, event.line] : ['header', event.line]))).toEqual([
      ['header', 1],
      [1, 2],
      [2, 5],
      [3, 6],
    ]);
  });

  test('readTableHead gives each record the line it starts on', () => {
    expect(readTableHead('a,b\r\n1,"x\r\ny"\r\n2,z\r\n', ',', true)).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', 'x\r\ny'], line: 2 },
      { cells: ['2', 'z'], line: 4 },
    ]);
  });
});

describe('readDelimitedTable title rows', () => {
  const report = 'Spend report,,\nPeriod:,13,\nid,name,amount\n1,Asha,10\n2,Ben,20\n';

  test('are detected and reported on the header event', async () => {
    const [header] = await eventsOf('report.csv', report);
    expect(header).toEqual({
      kind: 'header',
      headers: ['id', 'name', 'amount'],
      line: 3,
      titleRows: [
        ['Spend report', '', ''],
        ['Period:', '13', ''],
      ],
      titleLines: [1, 2],
    });
  });

  test('skipRows overrides detection, and detectTitleRows: false turns it off', async () => {
    expect((await eventsOf('skip.csv', report, { skipRows: 1 }))[0]).toEqual({
      kind: 'header',
      headers: ['Period:', '13', 'column 3'],
      line: 2,
    });
    expect((await eventsOf('off.csv', report, { detectTitleRows: false }))[0]).toEqual({
      kind: 'header',
      headers: ['Spend report', 'column 2', 'column 3'],
      line: 1,
    });
  });
});
