import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/errors.js';
import { readXmlSpreadsheet, type XmlSpreadsheet } from '../../../src/adapters/readers/spreadsheetml-sheets.js';
import { MAX_MADE_CELLS } from '../../../src/adapters/readers/workbook-sheets.js';

/** An XML Spreadsheet holding these `Worksheet` elements as written. */
function workbook(worksheets: string): string {
  return `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:html="http://www.w3.org/TR/REC-html40">\n${worksheets}\n</Workbook>`;
}

/** A worksheet of these rows, as written. */
function worksheet(rows: string, name = 'Sheet1', options = ''): string {
  return `<Worksheet ss:Name="${name}"><Table>${rows}</Table>${options}</Worksheet>`;
}

function read(xml: string): Promise<XmlSpreadsheet> {
  return readXmlSpreadsheet({
    path: 'export.xls',
    async *text() {
      yield xml;
    },
  });
}

/** Each sheet's rows as plain data. */
function rowsOf(spreadsheet: XmlSpreadsheet): { name: string; visible: boolean; rows: [number, string[], [number, string][]][] }[] {
  return spreadsheet.sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    rows: [...sheet.rows].map((row) => [row.number, row.cells, [...row.mergedAbove]]),
  }));
}

describe('readXmlSpreadsheet', () => {
  test('cells are read from their typed data, as the xlsx reader writes the same cells', async () => {
    const cells = [
      '<Cell><Data ss:Type="Number">6.95E+19</Data></Cell>',
      '<Cell><Data ss:Type="Number">0.5</Data></Cell>',
      '<Cell><Data ss:Type="DateTime">2024-03-01T00:00:00.000</Data></Cell>',
      '<Cell><Data ss:Type="DateTime">2024-03-01T09:15:30.000</Data></Cell>',
      '<Cell><Data ss:Type="DateTime">1899-12-31T10:42:13.000</Data></Cell>',
      '<Cell><Data ss:Type="Boolean">1</Data></Cell>',
      '<Cell ss:Formula="=1/0"><Data ss:Type="Error">#DIV/0!</Data></Cell>',
      '<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">Seeing my <B><Font html:Color="#FF0000">friends</Font></B> every week.</ss:Data></Cell>',
      '<Cell><Data ss:Type="String">Two&#10;lines</Data><Comment><Data>an officer\'s note</Data></Comment></Cell>',
    ];
    const result = await read(workbook(worksheet(`<Row>${cells.join('')}</Row>`)));
    expect(rowsOf(result)[0]?.rows[0]?.[1]).toEqual([
      '69500000000000000000',
      '0.5',
      '2024-03-01',
      '2024-03-01T09:15:30.000Z',
      '10:42:13',
      'TRUE',
      '#DIV/0!',
      'Seeing my friends every week.',
      'Two\nlines',
    ]);
  });

  test('ss:Index places rows and cells; a range merged across is read once, one merged down gives its value to the rows below', async () => {
    const rows = [
      '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Roadshow notes</Data></Cell></Row>',
      '<Row ss:Index="3"><Cell><Data ss:Type="String">Venue</Data></Cell><Cell><Data ss:Type="String">Theme</Data></Cell><Cell><Data ss:Type="String">Comment</Data></Cell></Row>',
      '<Row><Cell ss:MergeDown="2"><Data ss:Type="String">Otley</Data></Cell><Cell><Data ss:Type="String">Transport</Data></Cell><Cell><Data ss:Type="String">No bus.</Data></Cell></Row>',
      '<Row><Cell ss:Index="3"><Data ss:Type="String">Taxis cost too much.</Data></Cell></Row>',
      '<Row><Cell><Data ss:Type="String">Respite</Data></Cell><Cell><Data ss:Type="String">Breaks cancelled.</Data></Cell></Row>',
      '<Row><Cell ss:Index="5"><Data ss:Type="String">far right</Data></Cell></Row>',
    ];
    expect(rowsOf(await read(workbook(worksheet(rows.join('')))))).toEqual([
      {
        name: 'Sheet1',
        visible: true,
        rows: [
          [1, ['Roadshow notes'], []],
          [3, ['Venue', 'Theme', 'Comment'], []],
          [4, ['Otley', 'Transport', 'No bus.'], []],
          [5, ['', '', 'Taxis cost too much.'], [[0, 'Otley']]],
          [6, ['', 'Respite', 'Breaks cancelled.'], [[0, 'Otley']]],
          [7, ['', '', '', '', 'far right'], []],
        ],
      },
    ]);
  });

  test('a sheet is hidden when its WorksheetOptions say so; sheets keep their order and names', async () => {
    const hidden = '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>';
    const veryHidden = '<x:WorksheetOptions><x:Visible>SheetVeryHidden</x:Visible></x:WorksheetOptions>';
    const row = '<Row><Cell><Data ss:Type="String">x</Data></Cell></Row>';
    const result = await read(
      workbook([worksheet(row, 'Data'), worksheet(row, 'Lookup', hidden), worksheet(row, 'Workings', veryHidden)].join('')),
    );
    expect(result.sheets.map((sheet) => [sheet.name, sheet.visible])).toEqual([
      ['Data', true],
      ['Lookup', false],
      ['Workings', false],
    ]);
  });

  test('cells past the widest sheet are left unread with a warning; gaps past the file budget refuse the file', async () => {
    const wide = await read(
      workbook(
        worksheet('<Row><Cell><Data ss:Type="String">a</Data></Cell><Cell ss:Index="20000"><Data ss:Type="String">b</Data></Cell></Row>'),
      ),
    );
    expect(rowsOf(wide)[0]?.rows).toEqual([[1, ['a'], []]]);
    expect(wide.issues.map((issue) => (issue.kind === 'warning' ? issue.message : issue.kind))).toEqual([
      'row 1 of sheet "Sheet1" reaches past column 16,384; the cells after it were not read',
    ]);
    const rows = Math.ceil(MAX_MADE_CELLS / 16_000) + 1;
    const far = '<Row><Cell ss:Index="16001"><Data ss:Type="String">x</Data></Cell></Row>'.repeat(rows);
    const refused = read(workbook(worksheet(far)));
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toThrow(/leaves out or merges more than the 4,000,000 cells/);
  });

  test('ranges merged down are kept by column: a later range in the same column gives its value from its row on, and a cell without ss:Index stands past every covered column', async () => {
    const cell = (text: string, attributes = ''): string => `<Cell ${attributes}><Data ss:Type="String">${text}</Data></Cell>`;
    const rows = [
      `<Row>${cell('Leeds', 'ss:MergeDown="3"')}${cell('Otley', 'ss:MergeDown="1" ss:MergeAcross="1"')}${cell('first')}</Row>`,
      `<Row>${cell('second')}</Row>`,
      `<Row>${cell('Bradford', 'ss:Index="1" ss:MergeDown="2"')}${cell('third')}</Row>`,
      `<Row>${cell('fourth')}</Row>`,
      `<Row>${cell('fifth')}</Row>`,
      `<Row>${cell('sixth')}</Row>`,
    ];
    expect(rowsOf(await read(workbook(worksheet(rows.join('')))))[0]?.rows).toEqual([
      [1, ['Leeds', 'Otley', '', 'first'], []],
      [
        2,
        ['', '', '', 'second'],
        [
          [0, 'Leeds'],
          [1, 'Otley'],
        ],
      ],
      [3, ['Bradford', 'third'], []],
      [4, ['', 'fourth'], [[0, 'Bradford']]],
      [5, ['', 'fifth'], [[0, 'Bradford']]],
      [6, ['sixth'], []],
    ]);
  });

  test('values merged down into the rows below count against MAX_MADE_CELLS as they are given', async () => {
    const filled = `<Row>${'<Cell ss:MergeDown="1000000"><Data ss:Type="String">Leeds</Data></Cell>'.repeat(100)}</Row>`;
    const refused = read(workbook(worksheet(`${filled}${'<Row/>'.repeat(MAX_MADE_CELLS / 100 + 1)}`)));
    await expect(refused).rejects.toThrow(
      /leaves out or merges more than the 4,000,000 cells tlap fills in \(at line \d+, in sheet "Sheet1"\); refused$/,
    );
  });

  test('markup that is not well-formed is one error naming the file and line', async () => {
    const broken = workbook(worksheet('<Row><Cell><Data ss:Type="String">a</Data></Cell></Row>\n<Row><Cell><Data>b</Cell></Row>'));
    await expect(read(broken)).rejects.toThrow(/^export\.xls:\d+:\d+: XML_MALFORMED: /);
  });
});
