import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { decodeTextFile, describeUndecodable, isUndecodable, type DecodedTextFile } from '../source/text-file.js';
import { loadWorkbook, workbookSheets } from '../adapters/formats/xlsx-workbook.js';
import type { WorkbookSheet } from '../adapters/readers/workbook-sheets.js';
import { isOpenDocumentSpreadsheet, readOdsSpreadsheet } from '../adapters/readers/ods-sheets.js';
import { isCompoundFile } from '../adapters/readers/compound-file.js';
import { readXlsWorkbook } from '../adapters/readers/xls-sheets.js';
import { isZipFile } from '../adapters/readers/zip-directory.js';
import { isXmlSpreadsheet, readXmlSpreadsheet } from '../adapters/readers/spreadsheetml-sheets.js';
import { isHtmlTable, readHtmlTables } from '../adapters/readers/html-tables.js';
import type { GoldEntry, GoldFile, GoldProblem } from './gold-coding.js';
import { isJsonGold, parseGoldJson, questionPartOf, readThemeFinderTopics } from './gold-json.js';

export type { GoldEntry, GoldFile, GoldProblem } from './gold-coding.js';

/**
 * A cell of a coding sheet that marks (a theme, or the row as coded): 1, x, y, yes, true, or a
 * tick (✓, ✔, ☑, ✅, as a keyboard or an emoji picker gives it, with or without a variation
 * selector), in any case.
 */
const MARKED_CELL = /^(?:1|x|y|yes|true|[\u2713\u2714\u2611\u2705][\uFE0E\uFE0F]?)$/iu;
/** A cell of a coding sheet that does not mark: empty, 0, n, no or false. */
const UNMARKED_CELL = /^(?:|0|n|no|false)$/iu;
/** Columns a coder adds to a coding sheet for their own words, never a theme's. */
const NOTE_COLUMNS = new Set(['note', 'notes', 'comment', 'comments', 'coder']);

/** Delimiters a spreadsheet saves a table with: CSV, Excel's "Unicode Text" (tabs), CSV where the comma is a decimal point. */
const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter whose split of the header row names a `themes` or `coded` column (a comma when none does). */
function goldDelimiter(text: string): string {
  const newline = text.search(/\r|\n/);
  const header = (newline === -1 ? text : text.slice(0, newline)).toLowerCase();
  return (
    DELIMITERS.find((delimiter) =>
      header.split(delimiter).some(
        (cell) =>
          cell
            .trim()
            .replace(/^"(.*)"$/, '$1')
            .trim()
            .match(/^(?:themes|coded)$/u) !== null,
      ),
    ) ?? ','
  );
}

/** A row of a gold file's table: its cells, and the line of the file (or row of the sheet) where it starts. */
export interface GoldRow {
  cells: string[];
  line: number;
  /** The row a spreadsheet shows it on, when that is not its line. */
  row?: number;
}

/** Where a row of a gold file is, as messages name it: `file:line`, and the spreadsheet's row when that differs. */
export function goldPlace(place: { file: string; line: number; row?: number }): string {
  return `${place.file}:${place.line}${place.row === undefined ? '' : ` (row ${place.row})`}`;
}

/**
 * Parses a gold file: a CSV with a header, a `source_id` (or `id`) column and a `themes` column
 * holding theme ids joined by `;` (empty for none), the shape of tlap's own CSV report, whose
 * other columns are ignored but for its 0/1 theme columns (see {@link GoldFile.markColumns}); or,
 * without a `themes` column, a column per theme marked 1. A byte order mark is skipped; a header split by tabs or semicolons
 * instead of commas (Excel's "Unicode Text", or CSV saved where the comma is a decimal point) is
 * read with that delimiter. A file without those columns, or that is
 * not CSV, is an {@link InputError} naming the file and line; a bad row is a problem on that row.
 */
export function parseGoldFile(text: string, file: string): GoldFile {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: goldDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : 1;
    throw new InputError(`not a readable CSV file (${error instanceof Error ? error.message : String(error)})`, {
      location: { file, line },
      hint: 'a gold file is a CSV with a header row and the columns source_id (or id) and themes',
      code: 'GOLD_NOT_CSV',
    });
  }
  return parseGoldRows(
    rows.map(({ record, info }, index) => {
      const line = info.lines - record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      return line === index + 1 ? { cells: record, line } : { cells: record, line, row: index + 1 };
    }),
    file,
  );
}

/**
 * Reads a gold file's table, its header first (see {@link parseGoldFile}), however it was read:
 * from CSV, or from a workbook's sheet, where each row's `line` is its row number. Rows with no
 * text in any cell (a spreadsheet's formatted but empty rows) are skipped.
 */
export function parseGoldRows(table: readonly GoldRow[], file: string): GoldFile {
  const rows = table
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .map((row) => ({
      record: row.cells,
      line: row.line,
      place: row.row === undefined ? { line: row.line } : { line: row.line, row: row.row },
    }));
  const written = (rows[0]?.record ?? []).map((cell) => cell.trim());
  const header = written.map((cell) => cell.toLowerCase());
  const keyColumn = header.includes('source_id') ? 'source_id' : header.includes('id') ? 'id' : null;
  const themesIndex = header.indexOf('themes');
  const codedIndex = header.indexOf('coded');
  const marks =
    codedIndex !== -1 && themesIndex === -1
      ? sheetMarkColumns(written)
      : markColumns(
          written,
          rows.slice(1).map((row) => row.record),
          themesIndex !== -1,
        );
  if (keyColumn === null || (themesIndex === -1 && marks.length === 0)) {
    throw new InputError(`the header has no ${keyColumn === null ? 'source_id or id' : 'themes'} column`, {
      location: { file, line: 1 },
      hint: 'a gold file is a CSV with the columns source_id (or id) and themes (theme ids joined by ;), or a column per theme marked 1',
      code: 'GOLD_MISSING_COLUMN',
    });
  }
  const keyIndex = header.indexOf(keyColumn);
  const entries: GoldEntry[] = [];
  const problems: GoldProblem[] = [];
  const firstLine = new Map<string, number>();
  const textIndex = header.indexOf('text');
  const texts = new Map<string, string>();
  const sample = codedIndex === -1 ? null : { rows: 0, notCoded: [] as string[], codedByThemes: [] as number[] };
  for (const { record: row, line, place } of rows.slice(1)) {
    const key = (row[keyIndex] ?? '').trim();
    if (key === '') {
      problems.push({ file, ...place, message: `no ${keyColumn} in this row` });
      continue;
    }
    if (sample !== null) {
      sample.rows += 1;
      const unreadable = sheetProblem(row, codedIndex, themesIndex === -1 ? marks : []);
      if (unreadable !== null) {
        problems.push({ file, ...place, message: unreadable });
        continue;
      }
      const coded = (row[codedIndex] ?? '').trim();
      if (!MARKED_CELL.test(coded)) {
        if (coded !== '' || !marksTheme(row, themesIndex, marks)) {
          sample.notCoded.push(key);
          continue;
        }
        sample.codedByThemes.push(line);
      }
    }
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({ file, ...place, message: `${keyColumn} ${key} is already coded on line ${earlier}; this row is left out` });
      continue;
    }
    firstLine.set(key, line);
    const text = textIndex === -1 ? '' : (row[textIndex] ?? '');
    if (text.trim() !== '') texts.set(key, text);
    const marked = marks
      .filter((column) => {
        const cell = (row[column.index] ?? '').trim();
        return sample === null ? cell === '1' : MARKED_CELL.test(cell);
      })
      .map((column) => column.theme);
    if (themesIndex === -1) {
      entries.push({ key, themes: marked, ...place });
      continue;
    }
    const themes = [
      ...new Set(
        (row[themesIndex] ?? '')
          .split(';')
          .map((theme) => theme.trim())
          .filter((theme) => theme !== ''),
      ),
    ];
    entries.push(marks.length === 0 ? { key, themes, ...place } : { key, themes, ...place, marked });
  }
  return {
    keyColumn,
    entries,
    problems,
    markColumns: marks.map((column) => column.theme),
    themesColumn: themesIndex !== -1,
    sample,
    texts,
  };
}

/** Whether a coding sheet's row marks a theme: in its themes cell when it has one, else in a theme column. */
function marksTheme(row: readonly string[], themesIndex: number, marks: readonly { index: number }[]): boolean {
  if (themesIndex !== -1) return (row[themesIndex] ?? '').trim() !== '';
  return marks.some(({ index }) => MARKED_CELL.test((row[index] ?? '').trim()));
}

/** How many line numbers a message lists before it stops with `…`. */
const LISTED_LINES = 5;

/**
 * What to tell whoever reads a gold file: its {@link GoldFile.problems} (rows left out), and, for
 * a coding sheet, its rows read as coded because they mark a theme though their coded cell is
 * empty (kept, but worth a look: the coded cell is how a coder says a row is done).
 */
export function goldWarnings(gold: GoldFile, file: string): GoldProblem[] {
  const lines = gold.sample?.codedByThemes ?? [];
  const [first] = lines;
  if (first === undefined) return gold.problems;
  const listed = lines.slice(0, LISTED_LINES).join(', ') + (lines.length > LISTED_LINES ? ', …' : '');
  const rows = lines.length === 1 ? 'row marks a theme but leaves its' : `${lines.length} rows mark a theme but leave their`;
  return [
    ...gold.problems,
    {
      file,
      line: first,
      message: `${lines.length === 1 ? '1 ' : ''}${rows} coded cell empty (line${lines.length === 1 ? '' : 's'} ${listed}): read as coded; put 1 in the coded cell of every row you have coded`,
    },
  ];
}

/** A coding sheet's theme columns: every column but its own (id, channel, text, coded…) and a coder's notes. */
function sheetMarkColumns(header: readonly string[]): { index: number; theme: string }[] {
  return header.flatMap((theme, index) => {
    const name = theme.toLowerCase();
    if (theme === '' || name === 'coded' || NOT_MARK_COLUMNS.has(name) || NOTE_COLUMNS.has(name)) return [];
    return [{ index, theme }];
  });
}

/** Why a coding sheet's row cannot be read: a `coded` or theme cell that neither marks nor is left unmarked; null when it can. */
function sheetProblem(row: readonly string[], codedIndex: number, marks: readonly { index: number; theme: string }[]): string | null {
  const coded = (row[codedIndex] ?? '').trim();
  if (!MARKED_CELL.test(coded) && !UNMARKED_CELL.test(coded)) {
    return `the coded cell holds "${coded}": mark the row with 1 (or x) once it is coded, or leave the cell empty; this row is left out`;
  }
  for (const { index, theme } of marks) {
    const cell = (row[index] ?? '').trim();
    if (!MARKED_CELL.test(cell) && !UNMARKED_CELL.test(cell)) {
      const notes = /\s/u.test(cell) ? `; a column of your own words is passed over when headed ${[...NOTE_COLUMNS].join(', ')}` : '';
      return `the ${theme} cell holds "${cell}": mark a theme with 1 (or x), or leave it empty; this row is left out${notes}`;
    }
  }
  return null;
}

/** Columns of tlap's CSV report and of exports that are never a theme's 0/1 column. */
const NOT_MARK_COLUMNS = new Set(['id', 'source_id', 'themes', 'channel', 'author', 'date', 'context', 'campaign', 'text']);

/**
 * The columns that mark one theme each, headed by the theme (id or label): beside a `themes`
 * column, as tlap's CSV report writes them, every cell is 0 or 1; without one, as a coder's sheet
 * has them, a cell is 1, 0 or empty, and at least one is 1.
 */
function markColumns(header: readonly string[], rows: readonly (readonly string[])[], beside: boolean): { index: number; theme: string }[] {
  return header.flatMap((theme, index) => {
    if (theme === '' || NOT_MARK_COLUMNS.has(theme.toLowerCase()) || rows.length === 0) return [];
    const cells = rows.map((row) => (row[index] ?? '').trim());
    const marks = beside
      ? cells.every((cell) => cell === '0' || cell === '1')
      : cells.every((cell) => cell === '0' || cell === '1' || cell === '') && cells.includes('1');
    return marks ? [{ index, theme }] : [];
  });
}

/**
 * Reads and parses a gold file (see {@link parseGoldFile}); `displayPath` names it in messages. An
 * Excel workbook (.xlsx, or .xls from Excel 97-2003), OpenDocument spreadsheet (.ods), XML
 * Spreadsheet 2003 or HTML table (a web "Excel" export) is read too, from its first visible sheet
 * whose first row names an `id` or `source_id` column (else its first visible sheet), each row's
 * line its row number; a password-protected workbook, another compound file or another zip is an
 * {@link InputError} saying how to save it. JSON or JSON Lines coding (ThemeFinder's
 * `mapping.jsonl`) is read by {@link parseGoldJson}, with the topic labels of a ThemeFinder
 * `themes.json` beside it as {@link GoldFile.themeLabels}.
 */
export async function readGoldFile(path: string, displayPath: string = path): Promise<GoldFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read the gold file (${error instanceof Error ? error.message : String(error)})`, {
      location: { file: displayPath },
      code: 'GOLD_UNREADABLE',
    });
  }
  if (isZipFile(bytes)) {
    const sheets = isOpenDocumentSpreadsheet(bytes.subarray(0, OPEN_DOCUMENT_HEAD_BYTES))
      ? (await readOdsSpreadsheet(displayPath, bytes)).sheets
      : workbookSheets(await loadWorkbook(displayPath, bytes));
    return parseGoldRows(codingSheetRows(sheets, displayPath), displayPath);
  }
  if (isCompoundFile(bytes)) return parseGoldRows(codingSheetRows(readXlsWorkbook(displayPath, bytes), displayPath), displayPath);
  const decoded = decodeTextFile(bytes);
  if (isUndecodable(decoded)) {
    throw new InputError(`not a text file tlap can read: ${describeUndecodable(decoded)}`, {
      location: { file: displayPath, line: decoded.line },
      hint: 'save the gold file as CSV UTF-8',
      code: 'GOLD_NOT_CSV',
    });
  }
  if (isJsonGold(decoded.text)) {
    const gold = parseGoldJson(decoded.text, displayPath);
    const topics = await readThemeFinderTopics(path, displayPath);
    const part = gold.keyColumn === 'respondent' ? questionPartOf(path) : null;
    return { ...gold, ...(topics === null ? {} : { themeLabels: topics }), ...(part === null ? {} : { questionPart: part }) };
  }
  const sheets = await markupSheets(displayPath, bytes, decoded);
  if (sheets !== null) return parseGoldRows(codingSheetRows(sheets, displayPath), displayPath);
  return parseGoldFile(decoded.text, displayPath);
}

/**
 * The sheets of a coding sheet saved as markup, as a web platform's "Export to Excel" writes it
 * (an XML Spreadsheet 2003, or HTML tables); null for any other text.
 */
async function markupSheets(file: string, bytes: Buffer, decoded: DecodedTextFile): Promise<WorkbookSheet[] | null> {
  const headText = decoded.text.slice(0, OPEN_DOCUMENT_HEAD_BYTES);
  const text = async function* (): AsyncIterable<string> {
    yield decoded.text;
  };
  if (isXmlSpreadsheet(headText)) return (await readXmlSpreadsheet({ path: file, text })).sheets;
  if (!isHtmlTable(headText)) return null;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const source = { path: file, headText, encoding: decoded.encoding, hasBom, readBytes: () => Promise.resolve(bytes), text };
  return (await readHtmlTables(source)).sheets;
}

/** How far into a zip its `mimetype` entry (stored first) is looked for. */
const OPEN_DOCUMENT_HEAD_BYTES = 64 * 1024;

/**
 * The rows with text of the sheet that holds the coding: the first visible sheet whose first row
 * names an `id` or `source_id` column, else the first visible sheet; each row's line its row number.
 */
function codingSheetRows(sheets: readonly WorkbookSheet[], file: string): GoldRow[] {
  const visible = sheets
    .filter((sheet) => sheet.visible)
    .map((sheet) =>
      [...sheet.rows].filter((row) => row.cells.some((cell) => cell.trim() !== '')).map((row) => ({ cells: row.cells, line: row.number })),
    );
  const coding = visible.find((rows) => rows[0]?.cells.some((cell) => /^(?:id|source_id)$/iu.test(cell.trim())) === true) ?? visible[0];
  if (coding === undefined) {
    throw new InputError('the workbook has no visible sheet to read the coding from', {
      location: { file },
      hint: 'unhide the sheet that holds the coding, or save it as "CSV UTF-8"',
      code: 'GOLD_MISSING_COLUMN',
    });
  }
  return coding;
}
