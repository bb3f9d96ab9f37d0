import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { authorForId, dateForId, type Provenance } from '../../record/record.js';
import {
  delimitedTableOptions,
  looksLikeDelimitedTable,
  readDelimitedTable,
  rejectedTableRow,
  uniqueHeaders,
  type TableEvent,
} from '../readers/delimited-table.js';
import { HEAD_BYTES } from '../../source/input-source.js';
import { draftFromRow, mapColumns, rowObject, type ColumnMapping } from '../readers/column-mapping.js';
import { isColumnCode, secondHeaderRow, secondHeaderWarning, titleRowsWarning } from '../readers/header-row.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { tableFurnitureItem } from '../readers/summary-row.js';
import { DateOrderLookahead, TableDateColumn } from '../readers/table-dates.js';
import { datedByReport, reportStartDate, type ReportDate } from '../readers/report-header.js';
import { GroupFill, namesGroupColumn } from '../readers/group-columns.js';
import { PROFILE_ROWS } from '../readers/free-text-columns.js';

/** Any comma-, semicolon- or tab-separated table with one feedback text column. */
export const csvTableAdapter: FormatAdapter = {
  name: 'csv',
  description: 'Any CSV/TSV table with a text column (delimiter sniffed; columns mapped by name or named by hand)',
  channel: 'other',
  extensions: ['.csv', '.tsv', '.tab', '.xls'],
  signature: 'a header row split by , ; tab or | into the same number of fields as the next lines',
  sniff(input) {
    if (input.extension === '.csv' || input.extension === '.tsv' || input.extension === '.tab') return 0.1;
    if (/^\s*[[{]/.test(input.headText)) return 0;
    return looksLikeDelimitedTable(input.headText, input.extension, input.headBytes.length < HEAD_BYTES) ? 0.55 : 0;
  },
  async *read(source, options) {
    let mapping: ColumnMapping | null = null;
    let headers: string[] = [];
    let firstRow = true;
    const ids = new RepeatedTextIds();
    const tableOptions = delimitedTableOptions(options);
    let dates: TableDateColumn | undefined;
    let lookahead: DateOrderLookahead<HeldEvent> | undefined;
    let dateIndex = -1;
    let report: ReportDate | null = null;
    let groupFill: GroupFill | undefined;
    let groupHeaders: readonly string[] | undefined;
    let groupKeep: ReadonlySet<string> = new Set();
    let sample: HeldEvent[] = [];
    let sampleRows = 0;
    let sampleChars = 0;

    function itemOf(event: HeldEvent['event'], provenance: Provenance): AdapterItem | null {
      if (event.kind === 'error') return rejectedTableRow(event, provenance);
      if (mapping === null) return null;
      const row = rowObject(mapping.headers, event.cells);
      const dateColumn = mapping.fields.date;
      const ownDate = dateColumn === undefined ? '' : (row[dateColumn] ?? '').trim();
      const draft = datedByReport(draftFromRow(row, mapping, provenance, dates), ownDate === '' ? report : null);
      const furniture = tableFurnitureItem(event.cells, mapping.headers, provenance, draft.sourceId);
      if (furniture !== null) return furniture;
      return {
        kind: 'record',
        draft: draft.sourceId === null ? { ...draft, sourceId: ids.sourceIdFor(authorForId(draft), draft.text, dateForId(draft)) } : draft,
      };
    }

    function* release(held: readonly HeldEvent[]): Iterable<AdapterItem> {
      for (const { event, provenance } of held) {
        const item = itemOf(event, provenance);
        if (item !== null) yield item;
      }
    }

    /** A row with its group cells filled, read (or held while the date column's order is open). */
    function* grouped({ event: read, provenance }: HeldEvent): Iterable<AdapterItem> {
      const event = read.kind === 'row' && groupFill !== undefined ? { ...read, cells: groupFill.fill(read) } : read;
      const dateColumn = mapping?.fields.date;
      if (mapping !== null && dateColumn !== undefined && dates?.column !== dateColumn) {
        dates = new TableDateColumn(dateColumn, { file: source.path }, options.dateOrder, report);
        lookahead = new DateOrderLookahead(dates, heldChars);
        dateIndex = mapping.headers.indexOf(dateColumn);
      }
      const dateText = lookahead !== undefined && event.kind === 'row' ? event.cells[dateIndex] : null;
      if (lookahead === undefined || !lookahead.takes(dateText)) {
        const item = itemOf(event, provenance);
        if (item !== null) yield item;
        return;
      }
      lookahead.hold({ event, provenance }, dateText, provenance);
      yield* release(lookahead.release());
    }

    /**
     * The rows read ahead to judge the group columns: the columns are judged on them (a value
     * that comes back is an answer, never filled, not even in the first rows), then they go on.
     */
    function* releaseSample(): Iterable<AdapterItem> {
      const held = sample;
      sample = [];
      sampleRows = 0;
      sampleChars = 0;
      const rows = held.flatMap(({ event }) => (event.kind === 'row' ? [event] : []));
      groupFill = new GroupFill(groupHeaders ?? [], groupKeep, rows);
      for (const item of held) yield* grouped(item);
    }

    try {
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
          report = reportStartDate(
            event.titleRows ?? [],
            (event.titleLines ?? []).map((line) => `line ${line}`),
            options.dateOrder,
          );
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
              message: secondHeaderWarning(second, `line ${event.line}`),
              provenance,
            };
            continue;
          }
        }
        if (mapping !== null && mapping.fields.text === undefined) mapping = mapColumns({ file: source.path }, headers, options.map);
        if (mapping !== null && groupHeaders !== mapping.headers) {
          if (sample.length > 0) yield* releaseSample();
          groupHeaders = mapping.headers;
          groupKeep = new Set([mapping.fields.text ?? '']);
          groupFill = namesGroupColumn(groupHeaders, groupKeep) ? undefined : new GroupFill(groupHeaders, groupKeep);
        }
        if (mapping === null || groupFill !== undefined) {
          yield* grouped({ event, provenance });
          continue;
        }
        sample.push({ event, provenance });
        sampleRows += 1;
        sampleChars += heldChars({ event, provenance });
        if (sampleRows >= PROFILE_ROWS || sampleChars >= SAMPLE_CHARS) yield* releaseSample();
      }
    } catch (error) {
      if (sample.length > 0) yield* releaseSample();
      if (lookahead !== undefined) yield* release(lookahead.drain());
      throw error;
    }
    if (sample.length > 0) yield* releaseSample();
    if (lookahead !== undefined) yield* release(lookahead.drain());
    if (dates !== undefined) yield* dates.warnings();
  },
};

/** The most text read ahead to judge a table's group columns. */
const SAMPLE_CHARS = 4 * 1024 * 1024;

/** A row (or broken record) of the table, with where it is. */
interface HeldEvent {
  event: Exclude<TableEvent, { kind: 'header' }>;
  provenance: Provenance;
}

function heldChars({ event }: HeldEvent): number {
  if (event.kind !== 'row') return 0;
  let chars = 0;
  for (const cell of event.cells) chars += cell.length;
  return chars;
}
