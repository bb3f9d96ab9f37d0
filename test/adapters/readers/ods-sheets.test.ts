import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/errors.js';
import { odsCellText, readOdsSpreadsheet, readSpreadsheetContent, type OdsSpreadsheet } from '../../../src/adapters/readers/ods-sheets.js';
import { MAX_MADE_CELLS, MAX_SHEET_COLUMNS } from '../../../src/adapters/readers/workbook-sheets.js';
import { readXmlElements, type XmlElement } from '../../../src/adapters/readers/xml-elements.js';
import { buildOds } from '../../builders/ods-spreadsheets.js';

const NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** content.xml holding these sheets' `table:table` elements as written. */
function content(tables: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NAMESPACES}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
}

/** A sheet of these rows, as written. */
function table(rows: string, name = 'Sheet1'): string {
  return `<table:table table:name="${name}">${rows}</table:table>`;
}

function textSource(text: string): { path: string; text: () => AsyncIterable<string> } {
  return {
    path: 'content.xml',
    async *text() {
      yield text;
    },
  };
}

function read(xml: string): Promise<OdsSpreadsheet> {
  return readSpreadsheetContent('sheet.ods', textSource(xml), 'content.xml');
}

/** Each sheet's rows as plain data. */
function plainRows(spreadsheet: OdsSpreadsheet): { number: number; cells: string[]; mergedAbove: [number, string][] }[][] {
  return spreadsheet.sheets.map((sheet) =>
    [...sheet.rows].map((row) => ({ number: row.number, cells: row.cells, mergedAbove: [...row.mergedAbove] })),
  );
}

async function cellElement(cell: string): Promise<XmlElement> {
  for await (const event of readXmlElements(textSource(`<x ${NAMESPACES}>${cell}</x>`), (path) =>
    path.length === 2 ? 'element' : 'skip',
  )) {
    if (event.kind === 'element') return event.element;
  }
  throw new Error('no cell');
}

describe('an OpenDocument cell as text, as the xlsx reader writes the same cell', () => {
  test.each([
    [
      '<table:table-cell office:value-type="float" office:value="69500000000000000000"><text:p>6.95E+19</text:p></table:table-cell>',
      '69500000000000000000',
    ],
    [
      '<table:table-cell office:value-type="float" office:value="6.95E+21"><text:p>6.95E+21</text:p></table:table-cell>',
      '6950000000000000000000',
    ],
    ['<table:table-cell office:value-type="float" office:value="3"><text:p>3.00</text:p></table:table-cell>', '3'],
    ['<table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p></table:table-cell>', '0.5'],
    [
      '<table:table-cell office:value-type="currency" office:currency="GBP" office:value="12.5"><text:p>£12.50</text:p></table:table-cell>',
      '12.5',
    ],
    ['<table:table-cell office:value-type="float" office:value="oops"><text:p>shown</text:p></table:table-cell>', 'shown'],
    [
      '<table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>01/03/24</text:p></table:table-cell>',
      '2024-03-01',
    ],
    [
      '<table:table-cell office:value-type="date" office:date-value="2024-03-01T09:15:00"><text:p>x</text:p></table:table-cell>',
      '2024-03-01T09:15:00.000Z',
    ],
    [
      '<table:table-cell office:value-type="date" office:date-value="2024-03-01T09:15:00.25"><text:p>x</text:p></table:table-cell>',
      '2024-03-01T09:15:00.250Z',
    ],
    ['<table:table-cell office:value-type="time" office:time-value="PT10H42M13S"><text:p>10:42</text:p></table:table-cell>', '10:42:13'],
    ['<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>', 'TRUE'],
    ['<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>', 'FALSE'],
    [
      '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
      '#DIV/0!',
    ],
    [
      '<table:table-cell office:value-type="string"><text:p>First line</text:p><text:p>second<text:line-break/>third</text:p></table:table-cell>',
      'First line\nsecond\nthird',
    ],
    [
      '<table:table-cell office:value-type="string"><text:p><text:s/>two<text:s text:c="3"/>spaces<text:tab/>tab</text:p></table:table-cell>',
      ' two   spaces\ttab',
    ],
    [
      '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Officer</dc:creator><text:p>a cell comment</text:p></office:annotation><text:p><text:span>bold</text:span> and <text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">a link</text:a></text:p></table:table-cell>',
      'bold and a link',
    ],
    ['<table:table-cell office:value-type="string"><text:p>a\n   wrapped   line</text:p></table:table-cell>', 'a wrapped line'],
    [
      '<table:table-cell office:value-type="string"><text:p>x<text:s text:c="99999999"/>y</text:p></table:table-cell>',
      `x${' '.repeat(1024)}y`,
    ],
    ['<table:table-cell/>', ''],
  ])('%s', async (cell, text) => {
    expect(odsCellText(await cellElement(cell))).toBe(text);
  });
});

describe('the sheets of an OpenDocument spreadsheet', () => {
  test('repeated cells are made only where something stands after them; repeated rows with something in them are made', async () => {
    const spreadsheet = await read(
      content(
        table(
          '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>b</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>' +
            '<table:table-row table:number-rows-repeated="4"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
            '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>c</text:p></table:table-cell></table:table-row>',
        ),
      ),
    );
    expect(plainRows(spreadsheet)).toEqual([
      [
        { number: 1, cells: ['a', '', '', '', 'b', 'b'], mergedAbove: [] },
        { number: 6, cells: ['c'], mergedAbove: [] },
        { number: 7, cells: ['c'], mergedAbove: [] },
      ],
    ]);
  });

  test('merged cells: the covered cells are empty, and a range merged down a column gives its value to the rows it covers', async () => {
    const spreadsheet = await read(
      content(
        table(
          '<table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="3" office:value-type="string"><text:p>Leeds</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>one</text:p></table:table-cell></table:table-row>' +
            '<table:table-row><table:covered-table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>kept hidden</text:p></table:covered-table-cell><table:table-cell office:value-type="string"><text:p>two</text:p></table:table-cell></table:table-row>' +
            '<table:table-row><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>three</text:p></table:table-cell></table:table-row>' +
            '<table:table-row><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>four</text:p></table:table-cell></table:table-row>',
        ),
      ),
    );
    expect(plainRows(spreadsheet)).toEqual([
      [
        { number: 1, cells: ['Leeds', '', 'one'], mergedAbove: [] },
        { number: 2, cells: ['', '', 'two'], mergedAbove: [[0, 'Leeds']] },
        { number: 3, cells: ['', '', 'three'], mergedAbove: [[0, 'Leeds']] },
        { number: 4, cells: ['', 'four'], mergedAbove: [] },
      ],
    ]);
  });

  test('several sheets in order, hidden ones marked by their table style, rows in header and row groups read', async () => {
    const spreadsheet = await read(
      `<?xml version="1.0"?>\n<office:document-content ${NAMESPACES}><office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>` +
        '<table:table table:name="Shown" table:style-name="ta1"><table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>comment</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-row-group><table:table-row><table:table-cell office:value-type="string"><text:p>in a group</text:p></table:table-cell></table:table-row></table:table-row-group></table:table>' +
        '<table:table table:name="Hidden" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>' +
        '<table:table><table:table-row><table:table-cell/></table:table-row></table:table>' +
        '</office:spreadsheet></office:body></office:document-content>',
    );
    expect(spreadsheet.sheets.map((sheet) => [sheet.name, sheet.visible, [...sheet.rows].map((row) => row.cells)])).toEqual([
      ['Shown', true, [['comment'], ['in a group']]],
      ['Hidden', false, [['x']]],
      ['Sheet3', true, []],
    ]);
  });

  test("LibreOffice's trailing runs, and a file declaring billions of repeated empty rows and columns, cost nothing", async () => {
    const empties =
      '<table:table-row table:number-rows-repeated="4000000000"><table:table-cell table:number-columns-repeated="4000000000"/></table:table-row>';
    const row = '<table:table-row><table:table-cell office:value-type="string"><text:p>after</text:p></table:table-cell></table:table-row>';
    const bomb = content(Array.from({ length: 200 }, (_, index) => table(`${empties}${row}${empties}`, `S${index}`)).join(''));
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const spreadsheet = await readOdsSpreadsheet('bomb.ods', buildOds([], { content: bomb }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    expect(spreadsheet.sheets).toHaveLength(200);
    expect(plainRows(spreadsheet)[0]).toEqual([{ number: 4000000001, cells: ['after'], mergedAbove: [] }]);
  });

  test('cells made from repeated ones that hold something are counted: past the limit the file is refused at once, naming the row', async () => {
    const rows =
      '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>';
    const started = performance.now();
    await expect(read(content(table(rows, 'Filled')))).rejects.toThrow(
      `sheet.ods: the spreadsheet repeats cells past the ${MAX_MADE_CELLS.toLocaleString('en-GB')} tlap makes from repeated ones (at row 1 of sheet "Filled"); refused`,
    );
    const gaps = Array.from(
      { length: 300 },
      () =>
        '<table:table-row><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="string"><text:p>y</text:p></table:table-cell></table:table-row>',
    ).join('');
    await expect(read(content(table(gaps, 'Gaps')))).rejects.toThrow(/at row 25\d of sheet "Gaps"\); refused$/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test(`a row reaching past column ${MAX_SHEET_COLUMNS} is cut there, with one warning for the sheet`, async () => {
    const wide =
      '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="20000"/><table:table-cell office:value-type="string"><text:p>far</text:p></table:table-cell></table:table-row>';
    const spreadsheet = await read(content(table(wide + wide, 'Wide')));
    const [first] = plainRows(spreadsheet)[0] ?? [];
    expect(first?.cells.length).toBe(MAX_SHEET_COLUMNS);
    expect(first?.cells.filter((cell) => cell !== '')).toEqual(['a']);
    expect(spreadsheet.issues.map((issue) => ('message' in issue ? issue.message : null))).toEqual([
      'row 1 of sheet "Wide" reaches past column 16,384; the cells after it were not read',
    ]);
  });

  test('content.xml that is not well-formed is an error naming the file and where in content.xml, never a crash', async () => {
    const cases = [
      content(table('<table:table-row><table:table-cell><text:p>open</table:table-cell></table:table-row>')),
      content(table('<table:table-row>')).slice(0, 200),
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      'not xml at all',
    ];
    for (const xml of cases) {
      const error = await readOdsSpreadsheet('bad.ods', buildOds([], { content: xml })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^bad\.ods: content\.xml(:\d+:\d+)?: XML_[A-Z_]+: /);
    }
  });

  test('a zip that is no spreadsheet, or has no content.xml, says what it is', async () => {
    await expect(
      readOdsSpreadsheet('deck.ods', buildOds([], { mediaType: 'application/vnd.oasis.opendocument.presentation', content: '<x/>' })),
    ).rejects.toThrow('deck.ods: an OpenDocument presentation, not an OpenDocument spreadsheet (.ods)');
    await expect(readOdsSpreadsheet('cut.ods', buildOds([]).subarray(0, 60))).rejects.toThrow(
      /^cut\.ods: cannot read the OpenDocument spreadsheet/,
    );
  });
});
