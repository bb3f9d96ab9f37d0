import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readDelimitedTable, type TableEvent } from '../../src/adapters/readers/delimited-table.js';
import { openInputSource } from '../../src/source/input-source.js';
import type { ReadFileOptions } from '../../src/ingest/read-input-file.js';
import { countItems, readFileItems, recordsOf, REALDATA_ROOT, inputErrorOf as inputErrorOfFile } from '../helpers/read-fixture.js';

const describeRealdata = REALDATA_ROOT === null ? describe.skip : describe;
const folder = join(REALDATA_ROOT ?? '', 'csv');
const file = (name: string): string => join(folder, name);
const read = (name: string, options: Partial<ReadFileOptions> = {}) => readFileItems(file(name), { displayPath: name, ...options });

/** The header and the rows' cells of a table, as the delimited-table reader gives them. */
async function tableOf(name: string): Promise<{ headers: string[]; rows: string[][]; lines: number[] }> {
  const source = await openInputSource(file(name), { displayPath: name });
  const events: TableEvent[] = [];
  for await (const event of readDelimitedTable(source)) events.push(event);
  const header = events.find((event) => event.kind === 'header');
  const rows = events.flatMap((event) => (event.kind === 'row' ? [event] : []));
  expect(events.filter((event) => event.kind === 'error')).toEqual([]);
  return {
    headers: header?.kind === 'header' ? header.headers : [],
    rows: rows.map((row) => row.cells),
    lines: rows.map((row) => row.line),
  };
}

async function inputErrorOf(name: string): Promise<{ message: string; hint: string | undefined }> {
  return inputErrorOfFile(file(name), name);
}

const NO_TEXT_HINT = 'map the column that holds the feedback to the text field';

describeRealdata('realdata: csv-spectrum', () => {
  test('comma inside quotes', async () => {
    expect(await tableOf('csv-spectrum-comma_in_quotes.csv')).toEqual({
      headers: ['first', 'last', 'address', 'city', 'zip'],
      rows: [['John', 'Doe', '120 any st.', 'Anytown, WW', '08123']],
      lines: [2],
    });
    const records = recordsOf(await read('csv-spectrum-comma_in_quotes.csv', { map: { text: 'city' } }));
    expect(records.map((record) => [record.text, record.meta])).toEqual([['Anytown, WW', { first: 'John', last: 'Doe' }]]);
  });

  test('escaped (doubled) quotes', async () => {
    expect((await tableOf('csv-spectrum-escaped_quotes.csv')).rows).toEqual([
      ['1', 'ha "ha" ha'],
      ['3', '4'],
    ]);
  });

  test('newlines inside quotes with CRLF endings: the cell keeps its line break, the next row its line number', async () => {
    expect(await tableOf('csv-spectrum-newlines_crlf.csv')).toEqual({
      headers: ['a', 'b', 'c'],
      rows: [
        ['1', '2', '3'],
        ['Once upon \r\na time', '5', '6'],
        ['7', '8', '9'],
      ],
      lines: [2, 3, 5],
    });
    const records = recordsOf(await read('csv-spectrum-newlines_crlf.csv', { map: { text: 'a' } }));
    expect(records.map((record) => record.text)).toEqual(['1', 'Once upon\na time', '7']);
  });

  test('quotes and newlines in the same field', async () => {
    expect((await tableOf('csv-spectrum-quotes_and_newlines.csv')).rows).toEqual([
      ['1', 'ha \n"ha" \nha'],
      ['3', '4'],
    ]);
  });

  test('empty fields with CRLF: empty cells stay empty and are left out of meta', async () => {
    expect((await tableOf('csv-spectrum-empty_crlf.csv')).rows).toEqual([
      ['1', '', ''],
      ['2', '3', '4'],
    ]);
    const records = recordsOf(await read('csv-spectrum-empty_crlf.csv', { map: { text: 'a' } }));
    expect(records.map((record) => [record.text, record.meta])).toEqual([
      ['1', {}],
      ['2', { b: '3', c: '4' }],
    ]);
  });

  test('UTF-8 content', async () => {
    expect((await tableOf('csv-spectrum-utf8.csv')).rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', 'ʤ'],
    ]);
  });

  test('a JSON document in a quoted cell is kept as text', async () => {
    expect((await tableOf('csv-spectrum-json.csv')).rows).toEqual([['1', '{"type": "Point", "coordinates": [102.0, 0.5]}']]);
    const records = recordsOf(await read('csv-spectrum-json.csv', { map: { text: 'val' } }));
    expect(records[0]?.text).toBe('{"type": "Point", "coordinates": [102.0, 0.5]}');
  });

  test('none of them has a text column of its own: the message lists the columns', async () => {
    expect(await inputErrorOf('csv-spectrum-comma_in_quotes.csv')).toEqual({
      message: 'csv-spectrum-comma_in_quotes.csv: no text column found (columns: "first", "last", "address", "city", "zip")',
      hint: NO_TEXT_HINT,
    });
  });
});

describeRealdata('realdata: csv/excel-fr-semicolon-cp1252-crlf-decimal-comma.csv', () => {
  const name = 'excel-fr-semicolon-cp1252-crlf-decimal-comma.csv';

  test('not a feedback table: one line naming the file and listing the (decoded) columns, suggesting --map', async () => {
    expect(await inputErrorOf(name)).toEqual({
      message: `${name}: no text column found (columns: "Classement", "Quartier", "Date", "Année", "Occupancy rate", "Average Price", "RevPAR", "Source")`,
      hint: NO_TEXT_HINT,
    });
    expect((await read(name)).format).toBe('csv');
  });

  test('with --map text=Quartier: 638 rows, `;` sniffed, Windows-1252 decoded per line and reported', async () => {
    const result = await read(name, { map: { text: 'Quartier' } });
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 638, warning: 2 });
    const records = recordsOf(result);
    expect(records[0]).toMatchObject({
      text: 'All',
      date: '2013-01-01T00:00:00.000Z',
      meta: {
        Classement: '3 stars',
        Année: '2013',
        'Occupancy rate': '0,611553068',
        'Average Price': '81,20416129',
        RevPAR: '49,66065393',
        Source: 'Mkg',
      },
      provenance: { file: name, line: 2, row: 1 },
    });
    expect(records.find((record) => record.provenance.line === 10)?.text).toBe('Quartier Européen');
    expect(records.at(-1)).toMatchObject({ text: 'Midi-Lemonnier', date: '2017-10-01T00:00:00.000Z', meta: { Année: '2017' } });
    expect(records.filter((record) => record.meta['Date'] !== undefined)).toEqual([]);
    expect(records.filter((record) => record.text.includes('\ufffd') || JSON.stringify(record.meta).includes('\ufffd'))).toEqual([]);
    const warnings = result.items.filter((item) => item.kind === 'warning');
    expect(warnings).toEqual([
      {
        kind: 'warning',
        code: 'DATE_ORDER_ASSUMED',
        message:
          '638 dates in column "Date" could be day/month or month/day (the first, "01-01-13", on line 2); read day first, as UK exports write them',
        provenance: { file: name, line: 2, row: 1 },
      },
      expect.objectContaining({ code: 'ENCODING_FALLBACK' }),
    ]);
    expect(warnings[1]).toEqual({
      kind: 'warning',
      code: 'ENCODING_FALLBACK',
      message:
        '59 lines were not valid UTF-8 and were read as Windows-1252 (lines 1, 10, 21, 32, 43, 54, 65, 76, 87, 98, 109, 120, 131, 142, 153, 164, 175, 186, 197, 208, …)',
      provenance: { file: name, line: 1 },
    });
  });

  test('with --encoding windows-1252 the same file reads with no fallback warning', async () => {
    const result = await read(name, { map: { text: 'Quartier' }, encoding: 'windows-1252' });
    expect(countItems(result)).toEqual({ record: 638, warning: 1 });
    expect(result.items.find((item) => item.kind === 'warning')).toMatchObject({ code: 'DATE_ORDER_ASSUMED' });
    expect(recordsOf(result)[8]?.text).toBe('Quartier Européen');
  });
});

describeRealdata('realdata: csv/excel-uk-gla-spend-preamble-cp1252.csv', () => {
  const name = 'excel-uk-gla-spend-preamble-cp1252.csv';
  const columns =
    '"column 1", "Vendor ID", "Vendor Name", "Cost Element", "Expenditure Account Code Description", "Document No", "Amount", "Clearing Date", "column 9"';

  test('the six preamble rows are detected: the message lists the real header, not the title', async () => {
    expect(await inputErrorOf(name)).toEqual({ message: `${name}: no text column found (columns: ${columns})`, hint: NO_TEXT_HINT });
  });

  test('with --map text="Vendor Name": 617 payments; the blank, total and note rows are empty text', async () => {
    const result = await read(name, { map: { text: 'Vendor Name' } });
    expect(result.format).toBe('csv');
    expect(countItems(result)).toEqual({ record: 617, 'filtered:empty-text': 14, warning: 2 });
    const warnings = result.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : []));
    expect(warnings).toEqual([
      'skipped 6 title rows above the header on line 7 ("Report of all payments made by GLA for value equal to or greater than £ 500.00 Excl. VAT")',
      '1 line was not valid UTF-8 and was read as Windows-1252 (line 1)',
    ]);
    const records = recordsOf(result);
    expect(records[0]).toMatchObject({
      text: 'AMAS LTD',
      meta: {
        'Vendor ID': '10016643',
        'Cost Element': '510400',
        'Expenditure Account Code Description': 'Commercial Property Rent',
        'Document No': '1900013779',
        Amount: '1,673,907.50',
        'Clearing Date': '21 Mar  2012',
      },
      provenance: { file: name, line: 8, row: 1 },
    });
    expect(records.at(-1)).toMatchObject({ text: 'MEDIAEDGE:CIA UK LTD', meta: { Amount: '(48,996.96)' } });
  });

  test('--skip-rows 6 gives the same table without the title-row warning', async () => {
    const detected = recordsOf(await read(name, { map: { text: 'Vendor Name' } }));
    const result = await read(name, { map: { text: 'Vendor Name' }, skipRows: 6 });
    expect(result.items.filter((item) => item.kind === 'warning').map((item) => (item.kind === 'warning' ? item.message : ''))).toEqual([
      '1 line was not valid UTF-8 and was read as Windows-1252 (line 1)',
    ]);
    expect(recordsOf(result)).toEqual(detected);
  });

  test('--skip-rows 0 reads the title row as the header: the decoded £ shows in the column list', async () => {
    const result = await read(name, { skipRows: 0 });
    expect(result.error).toBe(
      `${name}: no text column found (columns: "column 1", "Report of all payments made by GLA for value equal to or greater than £ 500.00 Excl. VAT", "column 3", "column 4", "column 5", "column 6", "column 7", "column 8", "column 9")`,
    );
  });
});

describeRealdata('realdata: csv/utf8-bom-stock-prices.csv', () => {
  const name = 'utf8-bom-stock-prices.csv';

  test('the BOM never reaches the first header name, and the spaces after the commas are trimmed', async () => {
    const table = await tableOf(name);
    expect(table.headers).toEqual(['Date', 'Open', 'High', 'Low', 'Close', 'Volume']);
    expect(table.rows[0]).toEqual(['14-Mar-14', '223.80', '225.20', '220.85', '221.51', '79448141']);
    expect(table.rows).toHaveLength(251);
    expect(await inputErrorOf(name)).toEqual({
      message: `${name}: no text column found (columns: "Date", "Open", "High", "Low", "Close", "Volume")`,
      hint: NO_TEXT_HINT,
    });
  });
});
