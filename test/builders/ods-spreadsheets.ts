import type ExcelJS from 'exceljs';
import { buildZip, type ZipFile } from './zip-builder.js';
import { buildWorkbook } from './xlsx-workbooks.js';

/** A cell of a {@link SheetModel}: text, a number, a boolean, a date (UTC), or nothing. */
export type SheetValue = string | number | boolean | Date | null;

/** One sheet, written the same way to an .ods ({@link buildOds}) and an .xlsx ({@link buildModelWorkbook}). */
export interface SheetModel {
  name: string;
  hidden?: boolean;
  rows: readonly (readonly SheetValue[])[];
  /** Merged ranges, as Excel names them (`A2:A6`). */
  merges?: readonly string[];
}

/** How an .ods is written beyond its sheets. */
export interface OdsLayout {
  /** Leave out the empty rows and columns LibreOffice writes after a table (1,048,576 rows by 1,024 columns). */
  noTrailingRuns?: boolean;
  /** The `mimetype` entry (an OpenDocument spreadsheet unless given). */
  mediaType?: string;
  /** Files added to the zip after content.xml. */
  extraFiles?: readonly ZipFile[];
  /** content.xml as written, instead of the sheets' own. */
  content?: string | Buffer;
}

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
].join(' ');

/** LibreOffice Calc's sheet size: the trailing runs it writes reach these. */
const CALC_ROWS = 1_048_576;
const CALC_COLUMNS = 1024;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A line of text as LibreOffice writes it in a `text:p`: runs of spaces (and a space at either end) as `text:s`, tabs as `text:tab`. */
function paragraphXml(line: string): string {
  return line
    .split(/(\t| +)/)
    .map((piece, index, pieces) => {
      if (piece === '\t') return '<text:tab/>';
      if (/^ +$/.test(piece) && (piece.length > 1 || index === 0 || index === pieces.length - 1 || pieces[index + 1] === '')) {
        return piece.length === 1 ? '<text:s/>' : `<text:s text:c="${piece.length}"/>`;
      }
      return escapeXml(piece);
    })
    .join('');
}

function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '<text:p/>' : `<text:p>${paragraphXml(line)}</text:p>`))
    .join('');
}

/** A date as `office:date-value` writes it: the day alone at midnight, else the time without a zone. */
function dateValue(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A number as Calc's General format shows it: 6.95E+19 for a big one, as a spreadsheet shows a long id typed as a number. */
function shownNumber(value: number): string {
  return Math.abs(value) >= 1e15 ? value.toExponential(2).toUpperCase() : String(value);
}

/** A cell's attributes and paragraphs, as LibreOffice writes the value. */
function cellContent(value: SheetValue): { attributes: string; inner: string } {
  if (value === null || value === '') return { attributes: '', inner: '' };
  if (typeof value === 'string') return { attributes: ' office:value-type="string" calcext:value-type="string"', inner: paragraphs(value) };
  if (typeof value === 'number') {
    return {
      attributes: ` office:value-type="float" office:value="${value}" calcext:value-type="float"`,
      inner: `<text:p>${shownNumber(value)}</text:p>`,
    };
  }
  if (typeof value === 'boolean') {
    return {
      attributes: ` office:value-type="boolean" office:boolean-value="${value}" calcext:value-type="boolean"`,
      inner: `<text:p>${value ? 'TRUE' : 'FALSE'}</text:p>`,
    };
  }
  return {
    attributes: ` office:value-type="date" office:date-value="${dateValue(value)}" calcext:value-type="date"`,
    inner: `<text:p>${dateValue(value).slice(0, 10).split('-').reverse().join('/')}</text:p>`,
  };
}

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

/** One cell as written: what it holds, and the `table:*` attributes of a merge, or a covered cell. */
function cellXml(value: SheetValue, row: number, column: number, ranges: readonly Range[]): string {
  const covering = ranges.find((range) => row >= range.top && row <= range.bottom && column >= range.left && column <= range.right);
  if (covering !== undefined && (covering.top !== row || covering.left !== column)) return '<table:covered-table-cell/>';
  const spans =
    covering === undefined
      ? ''
      : ` table:number-columns-spanned="${covering.right - covering.left + 1}" table:number-rows-spanned="${covering.bottom - covering.top + 1}"`;
  const { attributes, inner } = cellContent(value);
  return inner === '' && spans === '' ? '<table:table-cell/>' : `<table:table-cell${spans}${attributes}>${inner}</table:table-cell>`;
}

/** Writes runs of the same element once, repeated, as LibreOffice does (`table:number-columns-repeated`). */
function repeatedRuns(elements: readonly string[], attribute: string): string {
  const written: string[] = [];
  for (let start = 0; start < elements.length;) {
    const element = elements[start] ?? '';
    let end = start + 1;
    while (elements[end] === element) end += 1;
    written.push(end - start === 1 ? element : element.replace(/^<(table:[a-z-]+)/, `<$1 ${attribute}="${end - start}"`));
    start = end;
  }
  return written.join('');
}

/** A sheet as LibreOffice Calc writes it: runs of equal cells and rows repeated, and (unless left out) its trailing empty rows and columns. */
function tableXml(sheet: SheetModel, styleName: string, layout: OdsLayout): string {
  const ranges = (sheet.merges ?? []).map(parseRange);
  const width = Math.max(0, ...sheet.rows.map((row) => row.length), ...ranges.map((range) => range.right + 1));
  const height = Math.max(sheet.rows.length, ...ranges.map((range) => range.bottom + 1));
  const rows = Array.from({ length: height }, (_, row) => {
    const values = sheet.rows[row] ?? [];
    const cells = Array.from({ length: width }, (_, column) => cellXml(values[column] ?? null, row, column, ranges));
    if (layout.noTrailingRuns !== true) cells.push(...Array.from({ length: CALC_COLUMNS - width }, () => '<table:table-cell/>'));
    return `<table:table-row>${repeatedRuns(cells, 'table:number-columns-repeated')}</table:table-row>`;
  });
  if (layout.noTrailingRuns !== true) {
    rows.push(
      `<table:table-row table:number-rows-repeated="${CALC_ROWS - height}"><table:table-cell table:number-columns-repeated="${CALC_COLUMNS}"/></table:table-row>`,
    );
  }
  return `<table:table table:name="${escapeXml(sheet.name)}" table:style-name="${styleName}"><table:table-column table:number-columns-repeated="${CALC_COLUMNS}"/>${repeatedRuns(rows, 'table:number-rows-repeated')}</table:table>`;
}

/** content.xml of a spreadsheet holding these sheets, with the automatic styles that show or hide them. */
export function odsContent(sheets: readonly SheetModel[], layout: OdsLayout = {}): string {
  const styles =
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
  const tables = sheets.map((sheet) => tableXml(sheet, sheet.hidden === true ? 'ta2' : 'ta1', layout)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NAMESPACES} office:version="1.3"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
}

/** The manifest every OpenDocument package lists its parts in (LibreOffice will not open one without it). */
function plainManifest(mediaType: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mediaType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
}

/**
 * Builds an .ods in memory (`mimetype` stored first, as LibreOffice writes it, and a manifest
 * listing its parts unless the layout gives its own), the same bytes every time.
 */
export function buildOds(sheets: readonly SheetModel[], layout: OdsLayout = {}): Buffer {
  const mediaType = layout.mediaType ?? 'application/vnd.oasis.opendocument.spreadsheet';
  const extra = layout.extraFiles ?? [];
  const manifest = extra.some((file) => file.name === 'META-INF/manifest.xml')
    ? []
    : [{ name: 'META-INF/manifest.xml', content: plainManifest(mediaType) }];
  return buildZip([
    { name: 'mimetype', content: mediaType, stored: true },
    { name: 'content.xml', content: layout.content ?? odsContent(sheets, layout) },
    ...manifest,
    ...extra,
  ]);
}

/** The same sheets as an Excel workbook, written with exceljs: what the ods reader is checked against. */
export function buildModelWorkbook(sheets: readonly SheetModel[]): Promise<Buffer> {
  return buildWorkbook((workbook) => {
    for (const model of sheets) {
      const sheet = workbook.addWorksheet(model.name, { state: model.hidden === true ? 'hidden' : 'visible' });
      for (const row of model.rows) sheet.addRow(row as ExcelJS.CellValue[]);
      for (const range of model.merges ?? []) sheet.mergeCells(range);
    }
  });
}

/** Respondent ids of 20 digits, typed as numbers: Calc shows them as 6.95E+19, their value keeps every digit. */
const LONG_IDS = [69500000000000000000, 69500000000000010000, 69500000000000020000];

/**
 * A consultation's responses as a council saves them in LibreOffice Calc: a title row and a blank
 * row above the header, long numeric respondent ids, a date-time and a date, the respondent's
 * name and e-mail, a group question, a closed question, two open questions (one answer in two
 * paragraphs, runs of spaces, a tab, `N/A`), one row saved twice (Calc writes it once, repeated),
 * and a hidden sheet of the officers' own notes.
 */
export const CONSULTATION_SHEETS: readonly SheetModel[] = [
  {
    name: 'Responses',
    rows: [
      ['Carers strategy consultation: responses'],
      [],
      [
        'Response ID',
        'Submitted',
        'Name',
        'Email',
        'Responding as',
        'Do you agree with the draft strategy?',
        'What would make the biggest difference to you as a carer?',
        'Anything else?',
      ],
      [
        LONG_IDS[0] ?? 0,
        new Date('2024-03-01T09:15:00Z'),
        'Asha Patel',
        'asha@example.org',
        'A carer',
        'Strongly agree',
        'Respite at weekends.\nSomeone to call at night when things go wrong.',
        'N/A',
      ],
      [
        LONG_IDS[1] ?? 0,
        new Date('2024-03-02T00:00:00Z'),
        null,
        null,
        'A professional',
        'Disagree',
        'The carers’  assessment took   eight months.',
        'Keep the helpline:\topen on Sundays.',
      ],
      [LONG_IDS[2] ?? 0, new Date('2024-03-03T14:40:00Z'), 'Tom Reid', null, 'A carer', 'Agree', null, 'Transport to the day centre.'],
      [LONG_IDS[2] ?? 0, new Date('2024-03-03T14:40:00Z'), 'Tom Reid', null, 'A carer', 'Agree', null, 'Transport to the day centre.'],
    ],
  },
  {
    name: 'Officer notes',
    hidden: true,
    rows: [['comment'], ['Two responses came by post and were typed in by the team.'], ['Check the late responses before publishing.']],
  },
];

/**
 * Notes from a roadshow typed into Calc by hand, the venue merged down over its rows (as the xlsx
 * fixture `roadshow-notes-merged-groups` has them), beside a sheet of numbers only.
 */
export const ROADSHOW_SHEETS: readonly SheetModel[] = [
  {
    name: 'Roadshow notes',
    rows: [
      ['Venue', 'Theme', 'Comment'],
      ['Leeds Central Library', 'Transport', 'The community bus stopped running on Fridays in March.'],
      [null, null, 'Taxis to the day centre cost more than the session.'],
      [null, 'Respite', 'Two weekend breaks were cancelled with a day’s notice.'],
      [null, null, null],
      [null, null, 'Nobody rang back about the sitting service.'],
      ['Otley Civic Centre', 'Transport', 'No step-free bus from the estate.'],
      [null, 'Information', 'Letters arrive after the meeting they invite us to.'],
    ],
    merges: ['A2:A6', 'A7:A8'],
  },
  {
    name: 'Counts',
    rows: [
      ['venue', 'people'],
      [1, 14],
      [2, 9],
    ],
  },
];

/** The manifest of an OpenDocument saved with a password: each encrypted part's `manifest:encryption-data`. */
function encryptedManifest(mediaType: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mediaType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>`;
}

/** An OpenDocument of this media type saved with a password: its content.xml is ciphertext, its manifest says how it was encrypted. */
export function encryptedOpenDocument(mediaType: string): Buffer {
  const ciphertext = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 151 + 7) % 256));
  return buildOds([], {
    mediaType,
    content: ciphertext,
    extraFiles: [{ name: 'META-INF/manifest.xml', content: encryptedManifest(mediaType) }],
  });
}

/** A spreadsheet saved with a password (see {@link encryptedOpenDocument}). */
export function encryptedOds(): Buffer {
  return encryptedOpenDocument('application/vnd.oasis.opendocument.spreadsheet');
}

/** The inputs of fixtures/adapters/ods/<case>/input.ods, generated here so that they can be rebuilt and checked. */
export const ODS_FIXTURE_INPUTS: Readonly<Record<string, () => Buffer>> = {
  'consultation-responses': () => buildOds(CONSULTATION_SHEETS),
  'roadshow-merged-venues': () => buildOds(ROADSHOW_SHEETS),
  'password-protected': encryptedOds,
};
