import type { FormatAdapter } from '../format-adapter.js';
import { delimitedTableOptions, readDelimitedTable, rejectedTableRow, uniqueHeaders } from '../readers/delimited-table.js';
import { draftFromRow, listHeaders, mapColumns, rowObject, type ColumnMapping } from '../readers/column-mapping.js';
import { isColumnCode, secondHeaderRow, titleRowsWarning } from '../readers/header-row.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';

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
    const fewest = input.extension === '.txt' ? 3 : 2;
    if (lines.length < fewest || /^\s*[[{]/.test(input.headText)) return 0;
    for (const delimiter of [',', ';', '\t']) {
      const counts = lines.map((line) => line.split(delimiter).length);
      if ((counts[0] ?? 0) > 1 && counts.every((count) => count === counts[0])) return 0.55;
    }
    return 0;
  },
  async *read(source, options) {
    let mapping: ColumnMapping | null = null;
    let headers: string[] = [];
    let firstRow = true;
    const ids = new RepeatedTextIds();
    const tableOptions = delimitedTableOptions(options);
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
        headers = event.headers;
        mapping = mapColumns({ file: source.path }, headers, options.map, { requireText: !headers.every(isColumnCode) });
        continue;
      }
      const provenance = { file: source.path, line: event.line, row: event.row };
      if (event.kind === 'row' && firstRow) {
        firstRow = false;
        const second = secondHeaderRow(headers, event.cells, []);
        if (second !== null) {
          const merged = uniqueHeaders(second.headers);
          const map = Object.fromEntries(
            Object.entries(options.map).map(([field, column]) => {
              const index = headers.indexOf(column);
              return [field, index === -1 ? column : (merged[index] ?? column)];
            }),
          );
          mapping = mapColumns({ file: source.path }, merged, map);
          yield {
            kind: 'warning',
            message:
              second.holds === 'question texts'
                ? `line ${event.line} holds the question texts under the column codes; read as the header, not as answers`
                : `line ${event.line} holds the answer labels under the questions (such as ${listHeaders(second.examples)}); read as the header, not as answers`,
            provenance,
          };
          continue;
        }
      }
      if (mapping !== null && mapping.fields.text === undefined) mapping = mapColumns({ file: source.path }, headers, options.map);
      if (event.kind === 'error') {
        yield rejectedTableRow(event, provenance);
        continue;
      }
      if (mapping === null) continue;
      const draft = draftFromRow(rowObject(mapping.headers, event.cells), mapping, provenance);
      yield {
        kind: 'record',
        draft:
          draft.sourceId === null ? { ...draft, sourceId: ids.sourceIdFor(draft.author ?? null, draft.text, draft.date ?? null) } : draft,
      };
    }
  },
};
