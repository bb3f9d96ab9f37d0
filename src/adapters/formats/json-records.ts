import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
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
    return readJsonRecords(source, options.map);
  },
};

async function* readJsonRecords(source: InputSource, map: Readonly<Record<string, string>>): AsyncIterable<AdapterItem> {
  const elements: AsyncIterable<JsonElement> =
    looksLikeJsonLines(source.headText) || source.extension === '.jsonl' || source.extension === '.ndjson'
      ? jsonLines(source)
      : jsonArrayElements(source.path, source.text());
  let mapping: ColumnMapping | null = null;
  let row = 0;
  for await (const element of elements) {
    row += 1;
    const provenance = { file: source.path, line: element.line, row };
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    const value = element.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield {
        kind: 'rejected',
        code: 'NOT_AN_OBJECT',
        message: 'expected a JSON object',
        provenance,
        excerpt: JSON.stringify(value).slice(0, 200),
      };
      continue;
    }
    const object = value as Record<string, unknown>;
    mapping ??= mapColumns({ file: source.path }, Object.keys(object), map);
    const keys = Object.keys(object);
    const objectMapping = keys.every((key) => mapping?.headers.includes(key))
      ? mapping
      : { ...mapping, headers: keys, metaColumns: keys.filter((key) => !Object.values(mapping?.fields ?? {}).includes(key)) };
    yield { kind: 'record', draft: draftFromRow(object, objectMapping, provenance) };
  }
}
