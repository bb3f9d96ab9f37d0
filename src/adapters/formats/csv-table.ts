import type { FormatAdapter } from '../format-adapter.js';
import { readDelimitedTable } from '../readers/delimited-table.js';
import { draftFromRow, mapColumns, rowObject, type ColumnMapping } from '../readers/column-mapping.js';
import { titleRowsWarning } from '../readers/header-row.js';

/** Any comma-, semicolon- or tab-separated table with one feedback text column. */
export const csvTableAdapter: FormatAdapter = {
  name: 'csv',
  description: 'Any CSV/TSV table with a text column (delimiter sniffed; columns mapped by name or named by hand)',
  channel: 'other',
  extensions: ['.csv', '.tsv', '.tab'],
  signature: 'a header row split by , ; tab or | into the same number of fields as the next lines',
  sniff(input) {
    if (input.extension === '.csv' || input.extension === '.tsv' || input.extension === '.tab') return 0.1;
    const lines = input.headText
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .slice(0, 5);
    if (lines.length < 2 || /^\s*[[{]/.test(input.headText)) return 0;
    for (const delimiter of [',', ';', '\t']) {
      const counts = lines.map((line) => line.split(delimiter).length);
      if ((counts[0] ?? 0) > 1 && counts.every((count) => count === counts[0])) return 0.55;
    }
    return 0;
  },
  async *read(source, options) {
    let mapping: ColumnMapping | null = null;
    const tableOptions = options.skipRows === undefined ? {} : { skipRows: options.skipRows };
    for await (const event of readDelimitedTable(source, tableOptions)) {
      if (event.kind === 'header') {
        if (event.titleRows !== undefined) {
          yield {
            kind: 'warning',
            code: 'TITLE_ROWS_SKIPPED',
            message: titleRowsWarning(event.titleRows, `line ${event.line}`),
            provenance: { file: source.path, line: event.line },
          };
        }
        mapping = mapColumns({ file: source.path }, event.headers, options.map);
        continue;
      }
      const provenance = { file: source.path, line: event.line, row: event.row };
      if (event.kind === 'error') {
        yield {
          kind: 'rejected',
          code: event.code,
          message: event.message,
          provenance,
          ...(event.excerpt === undefined ? {} : { excerpt: event.excerpt }),
        };
        continue;
      }
      if (mapping === null) continue;
      yield { kind: 'record', draft: draftFromRow(rowObject(mapping.headers, event.cells), mapping, provenance) };
    }
  },
};
