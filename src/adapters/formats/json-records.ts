import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import type { Provenance } from '../../record/record.js';
import { DateOrderLookahead, TableDateColumn } from '../readers/table-dates.js';
import type { InputSource } from '../../source/input-source.js';
import { draftFromRow, mapColumns, type ColumnMapping } from '../readers/column-mapping.js';
import { invalidJsonItem, jsonArrayElements, type JsonElement, jsonLines, looksLikeJsonLines } from '../readers/json-elements.js';

/** A JSON array of objects, or JSON Lines with one object per line, each object one record. */
export const jsonRecordsAdapter: FormatAdapter = {
  name: 'json',
  description: 'A JSON array of objects or JSON Lines (one object per line), fields mapped like table columns',
  channel: 'other',
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: 'starts with [ followed by {, or one JSON object per line',
  sniff(input) {
    const claimed = this.extensions.includes(input.extension);
    const head = input.headText.trimStart();
    if ((head.startsWith('[') && head.slice(1).trimStart().startsWith('{')) || looksLikeJsonLines(input.headText))
      return claimed ? 0.1 : 0.55;
    return 0;
  },
  read(source, options) {
    return readJsonRecords(source, options);
  },
};

async function* readJsonRecords(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const { map } = options;
  const elements: AsyncIterable<JsonElement> =
    looksLikeJsonLines(source.headText) || source.extension === '.jsonl' || source.extension === '.ndjson'
      ? jsonLines(source)
      : jsonArrayElements(source.path, source.text());
  let mapping: ColumnMapping | null = null;
  let dates: TableDateColumn | undefined;
  let lookahead: DateOrderLookahead<HeldElement> | undefined;
  let row = 0;

  function itemOf({ element, provenance }: HeldElement): AdapterItem {
    if (element.kind === 'invalid') return invalidJsonItem(element, provenance);
    const value = element.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return {
        kind: 'rejected',
        code: 'NOT_AN_OBJECT',
        message: 'expected a JSON object',
        provenance,
        excerpt: JSON.stringify(value).slice(0, 200),
      };
    }
    const object = value as Record<string, unknown>;
    mapping ??= mapColumns({ file: source.path }, Object.keys(object), map);
    const keys = Object.keys(object);
    const objectMapping = keys.every((key) => mapping?.headers.includes(key))
      ? mapping
      : { ...mapping, headers: keys, metaColumns: keys.filter((key) => !Object.values(mapping?.fields ?? {}).includes(key)) };
    return { kind: 'record', draft: draftFromRow(object, objectMapping, provenance, dates) };
  }

  try {
    for await (const element of elements) {
      row += 1;
      const held = { element, provenance: { file: source.path, line: element.line, row } };
      const object = element.kind === 'value' && isObject(element.value) ? element.value : null;
      if (object !== null && dates === undefined) {
        mapping ??= mapColumns({ file: source.path }, Object.keys(object), map);
        const dateColumn = mapping.fields.date;
        if (dateColumn !== undefined) {
          dates = new TableDateColumn(dateColumn, { file: source.path }, options.dateOrder);
          lookahead = new DateOrderLookahead(dates, textChars);
        }
      }
      const dateValue = object === null || dates === undefined ? null : object[dates.column];
      const dateText = typeof dateValue === 'string' ? dateValue : null;
      if (lookahead === undefined || !lookahead.takes(dateText)) {
        yield itemOf(held);
        continue;
      }
      lookahead.hold(held, dateText, held.provenance);
      for (const released of lookahead.release()) yield itemOf(released);
    }
  } catch (error) {
    if (lookahead !== undefined) for (const released of lookahead.drain()) yield itemOf(released);
    throw error;
  }
  if (lookahead !== undefined) for (const released of lookahead.drain()) yield itemOf(released);
  if (dates !== undefined) yield* dates.warnings();
}

/** An element of the file, with where it is. */
interface HeldElement {
  element: JsonElement;
  provenance: Provenance;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** About how much text an element holds: its text-like string fields. */
function textChars({ element }: HeldElement): number {
  if (element.kind !== 'value' || !isObject(element.value)) return 0;
  let chars = 0;
  for (const value of Object.values(element.value)) if (typeof value === 'string') chars += value.length;
  return chars;
}
