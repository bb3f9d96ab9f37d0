import { CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import { isRejectionCode, type RejectionCode } from '../../rejection-code.js';
import { isOverlong, type InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import type { AdapterItem, AdapterOptions } from '../format-adapter.js';
import { declaredDelimiter, sniffDelimiter, type Delimiter } from './delimiter.js';
import { blankColumnName, findHeaderRow, withNamesAbove } from './header-row.js';
import { LineCount, parseTableRecords } from './table-records.js';

/** The largest record a table may hold before it is rejected (a wrong delimiter or a runaway quote): 1 MiB. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** How many broken records one file may have before the file is given up as not a table. */
const MAX_RESTARTS = 1000;

/** What {@link readDelimitedTable} yields. */
export type TableEvent =
  | {
      kind: 'header';
      headers: string[];
      line: number;
      /** The title rows found above the header and skipped (only when they were detected, not given with `skipRows`). */
      titleRows?: string[][];
      /** The line each of {@link titleRows} starts on. */
      titleLines?: number[];
    }
  | { kind: 'row'; cells: string[]; line: number; row: number }
  | { kind: 'error'; code: RejectionCode; message: string; line: number; row: number; excerpt?: string };

/** Options for {@link readDelimitedTable}. */
export interface DelimitedTableOptions {
  /** The delimiter; sniffed from the head of the file when omitted. */
  delimiter?: Delimiter;
  /** Lines to skip above the header (title rows); when given, title rows are not detected. */
  skipRows?: number;
  /** Whether to look for title rows above the header when `skipRows` is not given (default true). */
  detectTitleRows?: boolean;
  /** Largest record in bytes; larger ones are rejected. */
  maxRecordBytes?: number;
}

/** The table options an adapter's options give: title rows to skip and the record size limit. */
export function delimitedTableOptions(options: AdapterOptions): DelimitedTableOptions {
  return {
    ...(options.skipRows === undefined ? {} : { skipRows: options.skipRows }),
    ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }),
  };
}

/** The rejected item for a table row that could not be read, at its provenance. */
export function rejectedTableRow(
  event: Extract<TableEvent, { kind: 'error' }>,
  provenance: Provenance,
): Extract<AdapterItem, { kind: 'rejected' }> {
  return {
    kind: 'rejected',
    code: event.code,
    message: event.message,
    provenance,
    ...(event.excerpt === undefined ? {} : { excerpt: event.excerpt }),
  };
}

/**
 * Reads a delimited table (CSV, TSV, semicolon-separated) as a stream of header and rows, with
 * line numbers. Title rows above the header (a report title, `Start Date:` lines) are detected
 * from the head of the file with {@link findHeaderRow} and skipped, unless `skipRows` says how
 * many there are. A broken record (an unclosed or curly closing quote, an oversized field, a row
 * with more fields than the header) becomes one `error` event naming its line, and reading
 * resumes after it, so the damage stays local.
 */
export async function* readDelimitedTable(source: InputSource, options: DelimitedTableOptions = {}): AsyncIterable<TableEvent> {
  const delimiter = options.delimiter ?? sniffDelimiter(source.headText, source.extension);
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const separatorLine = options.skipRows === undefined && declaredDelimiter(source.headText) !== null ? 1 : 0;
  let startLine = 1 + (options.skipRows ?? separatorLine);
  let titleRows: string[][] = [];
  let titleLines: number[] = [];
  if (options.skipRows === undefined && options.detectTitleRows !== false) {
    const head = readTableHead(source.headText, delimiter, source.headBytes.length >= source.size).slice(separatorLine);
    const headerIndex = findHeaderRow(head.map((record) => record.cells));
    const header = head[headerIndex];
    if (headerIndex > 0 && header !== undefined) {
      startLine = header.line;
      titleRows = head.slice(0, headerIndex).map((record) => record.cells);
      titleLines = head.slice(0, headerIndex).map((record) => record.line);
    }
  }
  let headers: string[] | null = null;
  let row = 0;
  let restarts = 0;

  for (;;) {
    let lastGoodEnd = startLine - 1;
    const lineOffset = startLine - 1;
    let failure: { code: RejectionCode; message: string; line: number } | null = null;
    try {
      const chunks = startLine === 1 ? source.text() : textFromLine(source, startLine);
      const lineEnds = recordDelimiters(source.headText);
      const options = lineEnds === undefined ? { delimiter, maxRecordBytes } : { delimiter, maxRecordBytes, recordDelimiters: lineEnds };
      for await (const parsed of parseTableRecords(chunks, options)) {
        const cells = parsed.cells;
        const endLine = parsed.lines + lineOffset;
        const line = endLine - countNewlinesInCells(cells);
        lastGoodEnd = endLine;
        if (headers === null) {
          const above = titleLines[titleLines.length - 1] === line - 1 ? titleRows[titleRows.length - 1] : undefined;
          headers = uniqueHeaders(withNamesAbove(cells, above));
          yield titleRows.length > 0 ? { kind: 'header', headers, line, titleRows, titleLines } : { kind: 'header', headers, line };
          continue;
        }
        row += 1;
        if (cells.some((cell) => cell.includes('\u0000'))) {
          yield {
            kind: 'error',
            code: 'NUL_BYTES',
            message: 'row holds NUL bytes (binary data inside the table); the row is left out',
            line,
            row,
            excerpt: cells
              .join(delimiter)
              .replace(/\u0000/g, '\\0')
              .slice(0, 200),
          };
          continue;
        }
        if (cells.length > headers.length && cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
          yield {
            kind: 'error',
            code: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
            message: `row has ${cells.length} fields, the header has ${headers.length}`,
            line,
            row,
            excerpt: cells.join(delimiter).slice(0, 200),
          };
          continue;
        }
        yield { kind: 'row', cells, line, row };
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      if (!(error instanceof CsvError)) {
        throw new InputError(`cannot read as a table (${error instanceof Error ? error.message : String(error)})`, {
          location: { file: source.path },
          cause: error,
        });
      }
      failure = { code: csvRejectionCode(error.code), message: describeCsvError(error.code, maxRecordBytes), line: lastGoodEnd + 1 };
    }
    if (failure === null) return;

    restarts += 1;
    if (restarts > MAX_RESTARTS) {
      throw new InputError(`more than ${MAX_RESTARTS} broken records; this does not look like a ${delimiterName(delimiter)} table`, {
        location: { file: source.path },
        hint: 'check the delimiter and the quotes, or name its format instead of detecting it',
      });
    }
    const badLine = await firstNonBlankLine(source, failure.line);
    let resumeAt = badLine + 1;
    if ((failure.code === 'CSV_INVALID_OPENING_QUOTE' || failure.code === 'INVALID_OPENING_QUOTE') && headers !== null) {
      const cells = await reparseLineWithStrayQuotes(source, badLine, delimiter);
      if (cells !== null) {
        row += 1;
        yield { kind: 'row', cells, line: badLine, row };
        startLine = resumeAt;
        continue;
      }
    }
    if (failure.code === 'CSV_MAX_RECORD_SIZE') {
      const end = await findRecordEnd(source, badLine, delimiter);
      if (end !== null) resumeAt = end + 1;
    }
    if (headers === null) {
      throw new InputError(`cannot read the header row (${failure.message})`, { location: { file: source.path, line: badLine } });
    }
    row += 1;
    yield { kind: 'error', code: failure.code, message: failure.message, line: badLine, row };
    startLine = resumeAt;
  }
}

/**
 * Reads one line whose unquoted field holds a stray `"` (`5" screen`), with quotes taken
 * literally. Such a quote cannot open a multi-line field, so the line is a whole record.
 */
async function reparseLineWithStrayQuotes(source: InputSource, lineNumber: number, delimiter: string): Promise<string[] | null> {
  for await (const item of source.lines()) {
    if (item.line < lineNumber) continue;
    if (isOverlong(item)) return null;
    try {
      const records = parseSync(item.text, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
      return records.length === 1 && records[0] !== undefined ? records[0] : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** csv-parse's code for a broken record, as the rejection code (its own name when it is one of ours). */
function csvRejectionCode(code: string): RejectionCode {
  return isRejectionCode(code) && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE') ? code : 'CSV_UNKNOWN_ERROR';
}

function describeCsvError(code: string, maxRecordBytes: number): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (is a closing quote missing, or typed as a curly quote?)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by more text in the same field';
    case 'CSV_MAX_RECORD_SIZE':
      return `record is larger than ${maxRecordBytes / 1024 / 1024} MiB`;
    default:
      return `cannot read this record (${code})`;
  }
}

function delimiterName(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab-separated' : delimiter === ';' ? 'semicolon-separated' : 'comma-separated';
}

/**
 * Rows end at CRLF or LF, whichever each line uses: left to itself csv-parse takes the record
 * delimiter from the first line ending it meets, so in a table whose rows alternate CRLF and LF
 * the other kind would never end a row. A file of lone CRs (classic Mac) keeps csv-parse's own
 * detection.
 */
function recordDelimiters(text: string): string[] | undefined {
  return text.includes('\n') ? ['\r\n', '\n'] : undefined;
}

function countNewlinesInCells(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    let index = cell.indexOf('\n');
    while (index !== -1) {
      count += 1;
      index = cell.indexOf('\n', index + 1);
    }
  }
  return count;
}

/**
 * Turns a header row into column names: trimmed, `column N` for an empty cell, and `Name (2)`
 * for the second column of the same name.
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? blankColumnName(index) : cell.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** How many records of the head of a file are parsed to find the header. */
const HEAD_RECORDS = 60;

/**
 * Parses the first records of a table from the head of the file, leniently (stray quotes taken
 * literally), each with the line it starts on. When the head is not the whole file its last,
 * possibly cut, line is dropped; a quote left open at the end just ends the list.
 */
export function readTableHead(headText: string, delimiter: Delimiter, complete: boolean): { cells: string[]; line: number }[] {
  const lastNewline = headText.lastIndexOf('\n');
  const text = complete || lastNewline === -1 ? headText : headText.slice(0, lastNewline + 1);
  const records: { cells: string[]; line: number }[] = [];
  const lineEnds = recordDelimiters(text);
  const lineCount = new LineCount();
  try {
    parseSync(text, {
      delimiter,
      ...(lineEnds === undefined ? {} : { record_delimiter: lineEnds }),
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: HEAD_RECORDS,
      on_record: (record: string[], context: { lines: number }) => {
        records.push({ cells: record, line: lineCount.at(record, context.lines) - countNewlinesInCells(record) });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
  }
  return records;
}

/** How many records below the header must split like it for a file of another extension to be read as a table. */
const SNIFF_RECORDS = 5;

/**
 * True when the head of a file whose extension does not say "table" (`.txt`, none) is one: below
 * its header (found past any title rows) the records split into as many fields as the header, two
 * or more, counted outside quotes, so a cell holding a line break (Excel's "Unicode Text", a
 * Google Sheets TSV) keeps the table whole; title rows above the header do not count. A `.txt`
 * needs two such records under its header.
 */
export function looksLikeDelimitedTable(headText: string, extension: string, complete: boolean): boolean {
  const delimiter = sniffDelimiter(headText, extension);
  const head = readTableHead(headText, delimiter, complete);
  const headerIndex = findHeaderRow(head.map((record) => record.cells));
  const records = head.slice(headerIndex, headerIndex + SNIFF_RECORDS).map((record) => record.cells.length);
  const width = records[0] ?? 0;
  if (width < 2 || records.length < (extension === '.txt' ? 3 : 2)) return false;
  return records.every((count) => count === width);
}

/** The text from the start of line `firstLine` on, streamed (no line is held whole). */
async function* textFromLine(source: InputSource, firstLine: number): AsyncIterable<string> {
  let line = 1;
  for await (const chunk of source.text()) {
    if (line >= firstLine) {
      yield chunk;
      continue;
    }
    let index = 0;
    while (line < firstLine) {
      const newline = chunk.indexOf('\n', index);
      if (newline === -1) break;
      line += 1;
      index = newline + 1;
    }
    if (line >= firstLine && index < chunk.length) yield chunk.slice(index);
  }
}

async function firstNonBlankLine(source: InputSource, from: number): Promise<number> {
  for await (const item of source.lines()) {
    if (item.line >= from && (isOverlong(item) || item.text.trim() !== '')) return item.line;
  }
  return from;
}

/**
 * Scans from `firstLine` for the line where the record starting there ends; null when its quote
 * never closes. The text streams past: a record of any size costs no memory.
 */
async function findRecordEnd(source: InputSource, firstLine: number, delimiter: string): Promise<number | null> {
  const delimiterCode = delimiter.charCodeAt(0);
  let line = 1;
  let quoted = false;
  let justClosed = false;
  let atFieldStart = true;
  for await (const chunk of source.text()) {
    for (let index = 0; index < chunk.length; index += 1) {
      const code = chunk.charCodeAt(index);
      if (code === 0x0a) {
        if (line >= firstLine && !quoted) return line;
        line += 1;
        atFieldStart = false;
        justClosed = false;
        continue;
      }
      if (line < firstLine) continue;
      if (quoted) {
        if (code === 0x22) {
          quoted = false;
          justClosed = true;
        }
        continue;
      }
      if (code === 0x22 && (atFieldStart || justClosed)) {
        quoted = true;
        justClosed = false;
        atFieldStart = false;
        continue;
      }
      justClosed = false;
      atFieldStart = code === delimiterCode;
    }
  }
  return quoted ? null : line;
}
