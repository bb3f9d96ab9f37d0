import { parse } from 'csv-parse';
import { countLineBreaks } from '../../text/line-breaks.js';

/** One record of a delimited table, with the count of `\n`-terminated lines at its end. */
export interface TableRecord {
  cells: string[];
  lines: number;
}

/** How {@link parseTableRecords} reads a table. */
export interface TableRecordOptions {
  delimiter: string;
  /** Largest record in bytes; csv-parse rejects larger ones with `CSV_MAX_RECORD_SIZE` (0: no limit). */
  maxRecordBytes: number;
  /** The record delimiters to give csv-parse; without them csv-parse detects its own (lone-CR files). */
  recordDelimiters?: string[];
}

/**
 * Parses the records of a delimited table, exactly as {@link parseTableRecordsWithCsvParse}
 * does, but reads well-formed records by hand: each chunk is scanned by
 * {@link scanWellFormedRecords}, and from the first record it cannot vouch for (a stray or
 * misplaced quote, a lone CR, a NUL, an unclosed quote, a record near the size limit) the rest of
 * the text goes to csv-parse, so odd files get csv-parse's records and errors. A record cut by a
 * chunk boundary is scanned again only once the text after it has doubled, so a long multi-line
 * record arriving line by line costs linear time.
 */
export async function* parseTableRecords(chunks: AsyncIterable<string>, options: TableRecordOptions): AsyncIterable<TableRecord> {
  if (options.recordDelimiters === undefined) {
    yield* parseTableRecordsWithCsvParse(chunks, options);
    return;
  }
  const iterator = chunks[Symbol.asyncIterator]();
  let pending = '';
  let scanAgainAt = 0;
  let lines = 0;
  try {
    for (;;) {
      const next = await iterator.next();
      const final = next.done === true;
      if (next.done !== true) pending = pending === '' ? next.value : pending + next.value;
      if (!final && pending.length < scanAgainAt) continue;
      const text = pending;
      const scanned = scanWellFormedRecords(text, final, options.delimiter, options.maxRecordBytes);
      for (const record of scanned.records) {
        record.lines += lines;
        yield record;
      }
      lines += scanned.lines;
      if (scanned.doubtful) {
        const rest = textThen(text.slice(scanned.end), final ? null : iterator);
        for await (const record of parseTableRecordsWithCsvParse(rest, options)) {
          record.lines += lines;
          yield record;
        }
        return;
      }
      if (final) return;
      pending = text.slice(scanned.end);
      scanAgainAt = 2 * pending.length;
    }
  } finally {
    await iterator.return?.();
  }
}

async function* textThen(first: string, rest: AsyncIterator<string> | null): AsyncIterable<string> {
  yield first;
  if (rest === null) return;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

/**
 * Runs csv-parse over text chunks, yielding each record with the line count at its end (lines
 * ending in `\n`, as `InputSource.lines` counts them). Records are taken from `on_record` as they
 * are parsed, so the ones before a parse error are never lost; the error is thrown after them.
 */
export async function* parseTableRecordsWithCsvParse(
  chunks: AsyncIterable<string>,
  options: TableRecordOptions,
): AsyncIterable<TableRecord> {
  const queue: TableRecord[] = [];
  const lineCount = new LineCount();
  let failure: unknown = null;
  const parser = parse({
    delimiter: options.delimiter,
    ...(options.recordDelimiters === undefined ? {} : { record_delimiter: options.recordDelimiters }),
    relax_column_count: true,
    relax_quotes: false,
    skip_empty_lines: true,
    max_record_size: options.maxRecordBytes,
    bom: false,
    on_record: (record: string[], context: { lines: number }) => {
      queue.push({ cells: record, lines: lineCount.at(record, context.lines) });
      return null;
    },
  });
  parser.on('error', (error) => {
    failure = error;
  });
  parser.resume();
  const write = (chunk: string | null): Promise<void> =>
    new Promise((resolve) => {
      if (chunk === null) parser.end(() => resolve());
      else parser.write(chunk, () => resolve());
    });
  for await (const chunk of chunks) {
    await write(chunk);
    yield* queue.splice(0);
    if (failure !== null) throw failure;
  }
  if (!parser.writableFinished) await Promise.race([write(null), new Promise<void>((resolve) => parser.once('error', () => resolve()))]);
  yield* queue.splice(0);
  if (failure !== null) throw failure;
}

/**
 * Turns csv-parse's line count into `\n`-terminated lines: inside a quoted field csv-parse counts
 * every `\r` as a line of its own, so a CRLF in a cell counts twice and every later record drifts.
 */
export class LineCount {
  private carriageReturns = 0;

  /** The corrected line count at the end of `record`, given csv-parse's count there. */
  at(record: readonly string[], parserLines: number): number {
    for (const cell of record) {
      let index = cell.indexOf('\r');
      while (index !== -1) {
        this.carriageReturns += 1;
        index = cell.indexOf('\r', index + 1);
      }
    }
    return parserLines - this.carriageReturns;
  }
}

/** What {@link scanWellFormedRecords} found in a piece of text. */
export interface ScannedRecords {
  /** The whole, well-formed records, with line counts relative to the start of the text. */
  records: TableRecord[];
  /** Where the text after the last record read (and the blank lines after it) starts. */
  end: number;
  /** The `\n`s before `end`. */
  lines: number;
  /** Whether scanning stopped at a record starting at `end` that must go to csv-parse. */
  doubtful: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
/** The most UTF-8 bytes one UTF-16 code unit takes, to bound a record's bytes by its length. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Reads the well-formed records at the start of `text` (rows ending in LF or CRLF, fields
 * unquoted or wholly quoted with doubled quotes inside), giving the cells csv-parse gives with
 * `relax_column_count` and `skip_empty_lines`. It stops at the first record it is not sure of,
 * and, unless `final`, at a record the text ends inside (whose rest is in the next chunk).
 */
export function scanWellFormedRecords(text: string, final: boolean, delimiter: string, maxRecordBytes: number): ScannedRecords {
  const records: TableRecord[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  const length = text.length;
  let end = 0;
  let lines = 0;
  const stop = (doubtful: boolean): ScannedRecords => ({ records, end, lines, doubtful });

  while (end < length) {
    const first = text.charCodeAt(end);
    if (first === LF) {
      end += 1;
      lines += 1;
      continue;
    }
    if (first === CR) {
      if (end + 1 >= length) return stop(final);
      if (text.charCodeAt(end + 1) !== LF) return stop(true);
      end += 2;
      lines += 1;
      continue;
    }

    const cells: string[] = [];
    let newlinesInside = 0;
    let position = end;
    let recordEnd = -1;
    let endsText = false;
    while (recordEnd === -1) {
      if (position < length && text.charCodeAt(position) === QUOTE) {
        let value = '';
        let segment = position + 1;
        let close: number;
        for (;;) {
          close = text.indexOf('"', segment);
          if (close === -1 || close + 1 >= length) {
            if (close === -1 || !final) return stop(final || tooLarge(length - end, maxRecordBytes));
            break;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          value += text.slice(segment, close + 1);
          segment = close + 2;
        }
        value += text.slice(segment, close);
        if (value.includes('\u0000')) return stop(true);
        newlinesInside += countLineBreaks(value);
        cells.push(value);
        const after = close + 1;
        if (after >= length) {
          recordEnd = after;
          endsText = true;
          break;
        }
        const next = text.charCodeAt(after);
        if (next === delimiterCode) {
          position = after + 1;
          if (position >= length && !final) return stop(tooLarge(length - end, maxRecordBytes));
          continue;
        }
        if (next === LF) recordEnd = after;
        else if (next === CR && after + 1 < length && text.charCodeAt(after + 1) === LF) recordEnd = after;
        else if (next === CR && after + 1 >= length && !final) return stop(tooLarge(length - end, maxRecordBytes));
        else return stop(true);
        break;
      }
      let index = position;
      for (; index < length; index += 1) {
        const code = text.charCodeAt(index);
        if (code === delimiterCode || code === LF || code === CR || code === QUOTE || code === NUL) break;
      }
      if (index >= length) {
        if (!final) return stop(tooLarge(length - end, maxRecordBytes));
        cells.push(text.slice(position, index));
        recordEnd = index;
        endsText = true;
        break;
      }
      const code = text.charCodeAt(index);
      if (code === QUOTE || code === NUL) return stop(true);
      cells.push(text.slice(position, index));
      if (code === delimiterCode) {
        position = index + 1;
        continue;
      }
      if (code === CR) {
        if (index + 1 >= length) return stop(final || tooLarge(length - end, maxRecordBytes));
        if (text.charCodeAt(index + 1) !== LF) return stop(true);
      }
      recordEnd = index;
    }

    if (tooLarge(recordEnd - end, maxRecordBytes)) return stop(true);
    if (cells.length === 1 && cells[0] === '') return stop(true);
    records.push({ cells, lines: lines + newlinesInside + 1 });
    if (endsText) {
      end = length;
      lines += newlinesInside;
      break;
    }
    end = recordEnd + (text.charCodeAt(recordEnd) === CR ? 2 : 1);
    lines += newlinesInside + 1;
  }
  return stop(false);
}

function tooLarge(units: number, maxRecordBytes: number): boolean {
  return units * MAX_BYTES_PER_UNIT > maxRecordBytes;
}
