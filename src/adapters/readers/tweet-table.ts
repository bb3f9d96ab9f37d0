import type { AdapterItem, AdapterOptions } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { InputError } from '../../errors.js';
import { delimitedTableOptions, readDelimitedTable, rejectedTableRow } from './delimited-table.js';
import type { TableItem } from './survey-table.js';
import type { SheetLayout } from './workbook-sheets.js';

/** One row of a tweet table, read by column name. */
export interface TweetRow {
  /**
   * The cell under `column`, or null when the column is absent, the cell is empty, or it holds
   * R's missing value `NA`. Cells other than text are trimmed.
   */
  cell(column: string): string | null;
  /** The cell exactly as written (untrimmed), or null when absent, empty or `NA`. */
  rawCell(column: string): string | null;
}

/** Turns one row into its items (usually one), given where it was read. */
export type TweetRowReader = (row: TweetRow, provenance: Provenance) => Iterable<AdapterItem>;

/** The column names of a delimited file's header line, unquoted and trimmed (for sniffing). */
export function headerColumns(headText: string): string[] {
  const line = headText.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = line.includes('\t') ? '\t' : line.includes(',') ? ',' : ';';
  return line.split(delimiter).map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/** The sniff score of a tweet table layout: 0.9 when the header line holds every signature column, else 0. */
export function tweetTableScore(headText: string, signature: readonly string[]): number {
  const columns = new Set(headerColumns(headText));
  return signature.every((name) => columns.has(name)) ? 0.9 : 0;
}

/** A row's cells by column name, as {@link TweetRow} reads them (empty and `NA` cells are null). */
function tweetRow(index: ReadonlyMap<string, number>, cells: readonly string[]): TweetRow {
  const rawCell = (column: string): string | null => {
    const position = index.get(column);
    const value = position === undefined ? undefined : cells[position];
    return value === undefined || value.trim() === '' || value.trim() === 'NA' ? null : value;
  };
  return { rawCell, cell: (column) => rawCell(column)?.trim() ?? null };
}

/**
 * A tweet table layout as a workbook's sheet holds it (a TAGS archive downloaded from Google
 * Sheets as .xlsx, a twarc-csv export saved from Excel): a sheet whose header has every
 * `required` column is read row by row as `format` reads the CSV, its records on the `twitter`
 * channel and naming `format` as their reader, so the same tweets saved both ways are one record.
 * `rowReader` gives each sheet a reader of its own (some keep what a file has seen).
 */
export function tweetSheetLayout(format: string, required: readonly string[], rowReader: () => TweetRowReader): SheetLayout {
  return {
    matches: (headers) => required.every((name) => headers.includes(name)),
    async *items(table: AsyncIterable<TableItem>): AsyncIterable<AdapterItem> {
      let index: Map<string, number> | null = null;
      const readRow = rowReader();
      for await (const item of table) {
        if (item.kind === 'header') {
          index = new Map(item.headers.map((name, position) => [name, position]));
          continue;
        }
        if (item.kind !== 'row') {
          yield item;
          continue;
        }
        if (index === null || item.cells.every((cell) => cell.trim() === '')) continue;
        for (const read of readRow(tweetRow(index, item.cells), item.provenance)) {
          yield read.kind === 'record' ? { ...read, draft: { ...read.draft, channel: 'twitter', format } } : read;
        }
      }
    },
  };
}

/**
 * Reads a tweet table with the shared CSV reader: checks that the header holds the layout's
 * `required` columns (else the file is refused, naming what is missing), then hands each row to
 * `readRow`. Broken rows become `rejected` items and reading goes on.
 */
export async function* readTweetTable(
  source: InputSource,
  options: AdapterOptions,
  layout: string,
  required: readonly string[],
  readRow: TweetRowReader,
): AsyncIterable<AdapterItem> {
  let index: Map<string, number> | null = null;
  const tableOptions = delimitedTableOptions(options);
  for await (const event of readDelimitedTable(source, tableOptions)) {
    if (event.kind === 'header') {
      const missing = required.filter((name) => !event.headers.includes(name));
      if (missing.length > 0) {
        throw new InputError(
          `not a ${layout} table: missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((name) => `"${name}"`).join(', ')}`,
          {
            location: { file: source.path, line: event.line },
            hint: 'name the right format, or read other tables as csv with their columns mapped',
          },
        );
      }
      index = new Map(event.headers.map((name, position) => [name, position]));
      continue;
    }
    const provenance: Provenance = { file: source.path, line: event.line, row: event.row };
    if (event.kind === 'error') {
      yield rejectedTableRow(event, provenance);
      continue;
    }
    if (index === null) continue;
    yield* readRow(tweetRow(index, event.cells), provenance);
  }
}
