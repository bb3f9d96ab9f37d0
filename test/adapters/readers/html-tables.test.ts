import { describe, expect, test } from '@jest/globals';
import {
  declaredCharset,
  isHtmlTable,
  MAX_NESTED_TABLES,
  MAX_OPEN_ELEMENTS,
  readHtmlTables,
  type HtmlTables,
} from '../../../src/adapters/readers/html-tables.js';
import { MAX_MADE_CELLS } from '../../../src/adapters/readers/workbook-sheets.js';

function read(html: string): Promise<HtmlTables> {
  return readHtmlTables({
    path: 'export.xls',
    headText: html.slice(0, 65_536),
    encoding: 'utf-8',
    hasBom: false,
    readBytes: () => Promise.resolve(Buffer.from(html)),
    async *text() {
      yield html;
    },
  });
}

/** Each sheet's rows as plain data. */
function rowsOf(tables: HtmlTables): { name: string; visible: boolean; rows: [number, string[], [number, string][]][] }[] {
  return tables.sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    rows: [...sheet.rows].map((row) => [row.number, row.cells, [...row.mergedAbove]]),
  }));
}

describe('readHtmlTables', () => {
  test('colspan and rowspan are read as merged cells: covered cells empty, a cell spanning rows giving its value to the rows below', async () => {
    const html = `<table>
      <tr><th colspan="3">Roadshow notes, March</th></tr>
      <tr><th>Venue</th><th>Theme</th><th>Comment</th></tr>
      <tr><td rowspan="3">Otley</td><td rowspan="2">Transport</td><td>No bus.</td></tr>
      <tr><td>Taxis cost too much.</td></tr>
      <tr><td>Respite</td><td>Breaks cancelled.</td></tr>
      <tr><td colspan="2">&nbsp;</td><td>After the spans.</td></tr>
    </table>`;
    expect(rowsOf(await read(html))[0]?.rows).toEqual([
      [1, ['Roadshow notes, March'], []],
      [2, ['Venue', 'Theme', 'Comment'], []],
      [3, ['Otley', 'Transport', 'No bus.'], []],
      [
        4,
        ['', '', 'Taxis cost too much.'],
        [
          [0, 'Otley'],
          [1, 'Transport'],
        ],
      ],
      [5, ['', 'Respite', 'Breaks cancelled.'], [[0, 'Otley']]],
      [6, ['', '', 'After the spans.'], []],
    ]);
  });

  test('a cell shows its text as a browser does: white space collapsed, <br> and paragraphs as line breaks, entities decoded', async () => {
    const html = `<table><tr><td>comment</td></tr><tr><td>
        Respite at   weekends.<br>Someone to call&nbsp;at night &amp; at weekends.
        <p>A second   paragraph.</p><p></p>
        <script>ignored()</script><style>td { color: red }</style>
      </td></tr><tr><td><pre>kept   as
  typed</pre></td></tr></table>`;
    expect(rowsOf(await read(html))[0]?.rows.map((row) => row[1][0])).toEqual([
      'comment',
      'Respite at weekends.\nSomeone to call at night & at weekends.\nA second paragraph.',
      'kept   as\ntyped',
    ]);
  });

  test('each table that holds data is a sheet, named by its caption or the heading above it; a table that lays out tables is none', async () => {
    const html = `<html><body>
      <table width="100%"><tr><td><img src="logo.png"> Council portal</td></tr><tr><td>
        <h2>Sheet 1: Responses</h2>
        <table><tr><td>id</td><td>comment</td></tr><tr><td>1</td><td>More benches.</td></tr></table>
      </td></tr></table>
      <table style="display:none"><caption>Lookup</caption><tr><td>code</td></tr><tr><td>N</td></tr></table>
      <table><tr><td>total</td></tr><tr><td>2</td></tr></table>
      <table><tr><td> </td></tr></table>
    </body></html>`;
    expect(rowsOf(await read(html)).map((sheet) => [sheet.name, sheet.visible, sheet.rows.length])).toEqual([
      ['Responses', true, 2],
      ['Lookup', false, 2],
      ['Table 4', true, 2],
    ]);
  });

  test('the worksheet names in the XML island Excel writes name the tables, when it names one for each', async () => {
    const island = (names: string[]): string =>
      `<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>${names.map((name) => `<x:ExcelWorksheet><x:Name>${name}</x:Name><x:WorksheetOptions><x:Selected/></x:WorksheetOptions></x:ExcelWorksheet>`).join('')}</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->`;
    const tables =
      '<table><tr><td>comment</td></tr><tr><td>One.</td></tr></table><h2>Late responses</h2><table><tr><td>comment</td></tr><tr><td>Two.</td></tr></table>';
    const names = async (head: string): Promise<string[]> =>
      (await read(`<html><head>${head}</head><body>${tables}</body></html>`)).sheets.map((sheet) => sheet.name);
    expect(await names(island(['Responses', 'Late &amp; posted']))).toEqual(['Responses', 'Late & posted']);
    expect(await names(island(['Responses']))).toEqual(['Table 1', 'Late responses']);
    const unnamed = `<!--[if gte mso 9]><xml>${'<x:ExcelWorksheet>'.repeat(100_000)}</xml><![endif]-->`;
    expect(await names(unnamed)).toEqual(['Table 1', 'Late responses']);
  });

  test('cells LibreOffice wrote with their value are read from it: a date as ISO 8601, a number whole, an error as shown', async () => {
    const html = `<table><tr>
      <td sdval="45332" sdnum="1033;0;M/D/YYYY">2/10/2024</td>
      <td sdval="45334.4375" sdnum="1033;0;M/D/YYYY">2/12/2024</td>
      <td sdval="0.446" sdnum="1033;0;HH:MM:SS">10:42:14</td>
      <td sdval="69500000000000000000" sdnum="1033;">6.95E+19</td>
      <td sdval="0" sdnum="1033;">#N/A</td>
    </tr></table>`;
    expect(rowsOf(await read(html))[0]?.rows[0]?.[1]).toEqual([
      '2024-02-10',
      '2024-02-12T10:30:00.000Z',
      '10:42:14',
      '69500000000000000000',
      '#N/A',
    ]);
  });

  test('broken markup is read as far as it goes: unclosed cells, rows and tables, stray end tags', async () => {
    const html = '<table><tr><td>id<td>comment</tr></td><tr><td>1<td>Bins are missed</b> on Fridays.<tr><td>2<td>Fewer potholes';
    expect(rowsOf(await read(html))[0]?.rows).toEqual([
      [1, ['id', 'comment'], []],
      [2, ['1', 'Bins are missed on Fridays.'], []],
      [3, ['2', 'Fewer potholes'], []],
    ]);
  });

  test('tables nested past MAX_NESTED_TABLES deep are not read, with a warning; the tables around them are layout', async () => {
    const data = '<table><tr><td>id</td><td>comment</td></tr><tr><td>1</td><td>More benches.</td></tr></table>';
    const result = await read(`${data}${'<table><tr><td>'.repeat(MAX_NESTED_TABLES * 4)}deep`);
    expect(rowsOf(result).map((sheet) => [sheet.name, sheet.rows.length])).toEqual([['Table 1', 2]]);
    expect(result.warnings).toEqual([`tables nested more than ${MAX_NESTED_TABLES} deep were not read`]);
  });

  test('a page that holds more than MAX_OPEN_ELEMENTS elements open at once is refused (HTML_TOO_DEEP), as soon as it does', async () => {
    const table = '<table><tr><td>comment</td></tr><tr><td>More benches.</td></tr></table>';
    const nested = (depth: number, tag: string): string => `${`<${tag}>`.repeat(depth)}words${`</${tag}>`.repeat(depth)}`;
    const shallow = await read(`${table}${nested(MAX_OPEN_ELEMENTS - 10, 'div')}`);
    expect(rowsOf(shallow).map((sheet) => sheet.rows.length)).toEqual([2]);
    for (const page of [`${table}${nested(100_000, 'div')}`, nested(100_000, 'table'), `${table}${'<span>'.repeat(100_000)}`]) {
      const refused = read(page);
      await expect(refused).rejects.toThrow(`export.xls: the page nests more than ${MAX_OPEN_ELEMENTS.toLocaleString('en-GB')} elements`);
      await expect(refused).rejects.toMatchObject({ code: 'HTML_TOO_DEEP' });
    }
  });

  test('the columns a span covers, the cells it fills into the rows below, and those a row steps over count against MAX_MADE_CELLS as they are made', async () => {
    const head = '<table><tr><td>comment</td></tr><tr><td>More benches.</td></tr>';
    const wideEmptySpan = `<tr>${'<td colspan="1000" rowspan="0"></td>'.repeat(17)}</tr>`;
    const underWide = await read(`${head}${wideEmptySpan}${'<tr></tr>'.repeat(60_000)}</table>`);
    expect(rowsOf(underWide)[0]?.rows.map(([, cells]) => cells[0])).toEqual(['comment', 'More benches.']);
    const refused = `export.xls: the page's tables leave out or span more than the ${MAX_MADE_CELLS.toLocaleString('en-GB')} cells tlap fills in (in table 1); refused`;
    const filled = `<tr>${'<td rowspan="0">Leeds</td>'.repeat(100)}</tr>`;
    await expect(read(`${head}${filled}${'<tr></tr>'.repeat(MAX_MADE_CELLS / 100 + 1)}</table>`)).rejects.toThrow(refused);
    const spanning = `<tr>${'<td colspan="1000" rowspan="2"></td>'.repeat(17)}</tr><tr></tr>`;
    await expect(read(`${head}${spanning.repeat(MAX_MADE_CELLS / 16_000 + 1)}</table>`)).rejects.toThrow(refused);
    const stepped = `<tr><td>x</td>${'<td colspan="1000" rowspan="0"></td>'.repeat(4)}</tr>`;
    await expect(read(`${head}${stepped}${'<tr><td>a</td><td>b</td></tr>'.repeat(MAX_MADE_CELLS / 4000 + 1)}</table>`)).rejects.toThrow(
      refused,
    );
  });

  test('a page with tables but no text in them is one error naming the file', async () => {
    await expect(read('<table><tr><td>&nbsp;</td></tr></table>')).rejects.toThrow('export.xls: no table in the page holds any text');
  });

  test('the head of a page says whether it is an HTML table and which charset it is in', () => {
    expect(isHtmlTable('<!DOCTYPE html>\n<html><body><table><tr><td>x</td></tr></table>')).toBe(true);
    expect(isHtmlTable('<?xml version="1.0"?>\n<!-- export -->\n<html xmlns="http://www.w3.org/1999/xhtml"><table>')).toBe(true);
    expect(isHtmlTable('<html><body><p>No table here.</p></body></html>')).toBe(false);
    expect(isHtmlTable('id,comment\n1,"<table> is a word here"\n')).toBe(false);
    expect(declaredCharset('<meta http-equiv="Content-Type" content="application/vnd.ms-excel; charset=Windows-1252">')).toBe(
      'windows-1252',
    );
    expect(declaredCharset('<meta charset="utf-8">')).toBe('utf-8');
    expect(declaredCharset('<table>')).toBeNull();
  });
});
