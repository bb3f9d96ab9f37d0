import type { Provenance } from '../../record/record.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import { readDelimitedTable, rejectedTableRow, type DelimitedTableOptions } from './delimited-table.js';

/** A row of a platform's table, its cells read by column name. */
export interface NamedColumnRow {
  kind: 'row';
  /** The cell under the column of this name (any case), trimmed; '' when the table has no such column. */
  cell(name: string): string;
  /** The same cell as read, untrimmed (a text keeps its own spacing for the cleaning every record gets). */
  raw(name: string): string;
  /** The row's cells as read. */
  cells: readonly string[];
  provenance: Provenance;
}

/**
 * The rows of a platform's own table (a Pol.is `comments.csv`, a regulations.gov download), each
 * read by column name, once `checkHeader` has accepted the header (it throws an InputError for
 * any other table); a row the table reader could not read comes as its rejection.
 */
export async function* namedColumnRows(
  source: InputSource,
  options: DelimitedTableOptions,
  checkHeader: (headers: readonly string[]) => void,
): AsyncIterable<NamedColumnRow | Extract<AdapterItem, { kind: 'rejected' }>> {
  let columns: ReadonlyMap<string, number> | null = null;
  for await (const event of readDelimitedTable(source, options)) {
    if (event.kind === 'header') {
      checkHeader(event.headers);
      columns = new Map(event.headers.map((header, index) => [header.trim().toLowerCase(), index]));
      continue;
    }
    const provenance = { file: source.path, line: event.line, row: event.row };
    if (event.kind === 'error') {
      yield rejectedTableRow(event, provenance);
      continue;
    }
    if (columns === null) continue;
    const index = columns;
    const { cells } = event;
    const raw = (name: string): string => cells[index.get(name.toLowerCase()) ?? -1] ?? '';
    yield {
      kind: 'row',
      cell: (name) => raw(name).trim(),
      raw,
      cells,
      provenance,
    };
  }
}
