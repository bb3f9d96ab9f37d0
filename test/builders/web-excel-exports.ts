import type { SheetModel, SheetValue } from './ods-spreadsheets.js';

/** A merged range by its 0-based corners. */
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

function parseRange(range: string): Range {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (match === null) throw new Error(`not a range: ${range}`);
  const [, left = 'A', top = '1', right = 'A', bottom = '1'] = match;
  return { top: Number(top) - 1, left: columnIndex(left), bottom: Number(bottom) - 1, right: columnIndex(right) };
}

/** What a cell of the sheet is: the top-left of a merged range (with the range), covered by one, or a cell of its own. */
function cellPlace(
  ranges: readonly Range[],
  row: number,
  column: number,
): { kind: 'own' } | { kind: 'covered' } | { kind: 'merged'; range: Range } {
  const range = ranges.find(
    (candidate) => row >= candidate.top && row <= candidate.bottom && column >= candidate.left && column <= candidate.right,
  );
  if (range === undefined) return { kind: 'own' };
  return range.top === row && range.left === column ? { kind: 'merged', range } : { kind: 'covered' };
}

function sheetSize(sheet: SheetModel, ranges: readonly Range[]): { width: number; height: number } {
  return {
    width: Math.max(0, ...sheet.rows.map((row) => row.length), ...ranges.map((range) => range.right + 1)),
    height: Math.max(sheet.rows.length, ...ranges.map((range) => range.bottom + 1)),
  };
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A date as Excel writes it in an XML Spreadsheet: local time without a zone, to the millisecond. */
function excelDateTime(date: Date): string {
  return date.toISOString().slice(0, 23);
}

/** A cell's `Data` as Excel writes it (`&#10;` for a line break, a long number with an exponent), or '' for an empty cell. */
function spreadsheetData(value: SheetValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return `<Data ss:Type="String">${escapeMarkup(value).replace(/\n/g, '&#10;')}</Data>`;
  if (typeof value === 'number') {
    const written = Math.abs(value) >= 1e15 ? value.toExponential().toUpperCase() : String(value);
    return `<Data ss:Type="Number">${written}</Data>`;
  }
  if (typeof value === 'boolean') return `<Data ss:Type="Boolean">${value ? 1 : 0}</Data>`;
  return `<Data ss:Type="DateTime">${excelDateTime(value)}</Data>`;
}

/**
 * Writes sheets as Excel's XML Spreadsheet 2003, in the shape Excel and web platforms' "Export to
 * Excel" write it: empty rows and cells left out, the next one placed with `ss:Index`; a merged
 * range written on its top-left cell (`ss:MergeAcross`, `ss:MergeDown`), its covered cells left
 * out; a hidden sheet's `WorksheetOptions` saying `SheetHidden`.
 */
export function spreadsheetMl(sheets: readonly SheetModel[]): string {
  const worksheets = sheets.map((sheet) => {
    const ranges = (sheet.merges ?? []).map(parseRange);
    const { width, height } = sheetSize(sheet, ranges);
    const rows: string[] = [];
    let nextRow = 0;
    for (let row = 0; row < height; row += 1) {
      const cells: string[] = [];
      let nextColumn = 0;
      for (let column = 0; column < width; column += 1) {
        const place = cellPlace(ranges, row, column);
        if (place.kind === 'covered') continue;
        const data = spreadsheetData(sheet.rows[row]?.[column] ?? null);
        if (data === '' && place.kind === 'own') continue;
        const index = column === nextColumn ? '' : ` ss:Index="${column + 1}"`;
        const across = place.kind === 'merged' && place.range.right > column ? ` ss:MergeAcross="${place.range.right - column}"` : '';
        const down = place.kind === 'merged' && place.range.bottom > row ? ` ss:MergeDown="${place.range.bottom - row}"` : '';
        cells.push(`<Cell${index}${across}${down}>${data}</Cell>`);
        nextColumn = (place.kind === 'merged' ? place.range.right : column) + 1;
      }
      if (cells.length === 0) continue;
      rows.push(`<Row${row === nextRow ? '' : ` ss:Index="${row + 1}"`}>${cells.join('')}</Row>`);
      nextRow = row + 1;
    }
    const options =
      sheet.hidden === true
        ? '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>'
        : '';
    return `<Worksheet ss:Name="${escapeMarkup(sheet.name)}"><Table>\n${rows.join('\n')}\n</Table>${options}</Worksheet>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">',
    ...worksheets,
    '</Workbook>',
    '',
  ].join('\n');
}

/** A value as a web page shows it: a date in ISO 8601 (the day alone at midnight), a number in digits, TRUE / FALSE. */
function shownText(value: SheetValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Text in an HTML cell: entities escaped, runs of spaces kept with `&nbsp;`, line breaks as `<br>`. */
function cellHtml(text: string): string {
  return escapeMarkup(text)
    .replace(/ {2,}/g, (run) => ` ${'&nbsp;'.repeat(run.length - 1)}`)
    .replace(/\n/g, '<br>');
}

/** How {@link htmlTablesPage} writes the page beyond its tables. */
export interface HtmlPageLayout {
  /** A `Content-Type` meta naming Excel, as web platforms' "Export to Excel" writes (the default), or a plain page. */
  excelMeta?: boolean;
}

/**
 * Writes sheets as a web platform's "Export to Excel" writes them: one HTML page, each sheet a
 * `<table>` captioned with its name (hidden ones `display: none`), a header of `<th>` cells, a
 * merged range as `colspan` / `rowspan` on its top-left cell with its covered cells left out, and
 * every empty cell written as `&nbsp;`.
 */
export function htmlTablesPage(sheets: readonly SheetModel[], layout: HtmlPageLayout = {}): string {
  const tables = sheets.map((sheet) => {
    const ranges = (sheet.merges ?? []).map(parseRange);
    const { width, height } = sheetSize(sheet, ranges);
    const rows: string[] = [];
    for (let row = 0; row < height; row += 1) {
      const cells: string[] = [];
      for (let column = 0; column < width; column += 1) {
        const place = cellPlace(ranges, row, column);
        if (place.kind === 'covered') continue;
        const spans =
          place.kind === 'merged'
            ? `${place.range.right > column ? ` colspan="${place.range.right - column + 1}"` : ''}${place.range.bottom > row ? ` rowspan="${place.range.bottom - row + 1}"` : ''}`
            : '';
        const text = shownText(sheet.rows[row]?.[column] ?? null);
        const tag = row === 0 ? 'th' : 'td';
        cells.push(`<${tag}${spans}>${text === '' ? '&nbsp;' : cellHtml(text)}</${tag}>`);
      }
      rows.push(`  <tr>${cells.join('')}</tr>`);
    }
    const style = sheet.hidden === true ? ' style="display: none"' : '';
    return `<table border="1"${style}>\n  <caption>${escapeMarkup(sheet.name)}</caption>\n${rows.join('\n')}\n</table>`;
  });
  const meta =
    layout.excelMeta === false
      ? '<meta charset="utf-8">'
      : '<meta http-equiv="Content-Type" content="application/vnd.ms-excel; charset=utf-8">';
  return `<html>\n<head>\n${meta}\n<title>Export</title>\n</head>\n<body>\n${tables.join('\n<br>\n')}\n</body>\n</html>\n`;
}
