import type { AdapterItem, AdapterOptions } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { InputError } from '../../errors.js';
import { delimitedTableOptions, readDelimitedTable, rejectedTableRow } from './delimited-table.js';

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
    const columns = index;
    const cells = event.cells;
    const rawCell = (column: string): string | null => {
      const position = columns.get(column);
      const value = position === undefined ? undefined : cells[position];
      return value === undefined || value.trim() === '' || value.trim() === 'NA' ? null : value;
    };
    yield* readRow({ rawCell, cell: (column) => rawCell(column)?.trim() ?? null }, provenance);
  }
}
