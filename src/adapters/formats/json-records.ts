import { notAnObject } from '../readers/blog-comment-fields.js';
import { InputError } from '../../errors.js';
import type { Provenance, RecordDraft } from '../../record/record.js';
import { htmlToPlainText } from '../../text/html-to-plain-text.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import {
  draftFromRow,
  MAPPED_FIELDS,
  mapColumns,
  noTextColumnError,
  type ColumnMapping,
  type MappedField,
} from '../readers/column-mapping.js';
import {
  invalidJsonItem,
  jsonArrayElements,
  type JsonElement,
  jsonLines,
  looksLikeJsonLines,
  readsAsJsonLines,
  wholeJsonValue,
} from '../readers/json-elements.js';
import { isPersonalDetailsColumn } from '../readers/contact-columns.js';
import { asObject, type JsonObject } from '../readers/json-fields.js';
import { flattenRecord, isScalar, type FlatRecord } from '../readers/json-nested-fields.js';
import { chooseRecordMember, recordArrayMember, RootArrayScan } from '../readers/json-pages.js';
import { DateOrderLookahead, TableDateColumn } from '../readers/table-dates.js';

/** A root object's member that starts with an array of objects, as the head of a file shows it. */
const WRAPPED_ARRAY = /^\s*\{[\s\S]*?"[^"\\]{1,256}"\s*:\s*\[\s*[{\]]/;

/**
 * A JSON array of objects, JSON Lines with one object per line, or API responses that wrap their
 * records in a member of the root object (`{"data": [...], "paging": {...}}`), one response or one
 * per line. Each object is one record; objects inside it are read as dotted paths (`from.name`).
 */
export const jsonRecordsAdapter: FormatAdapter = {
  name: 'json',
  description:
    'A JSON array of objects, JSON Lines, or API responses wrapping an array (data, items, results, value…); fields mapped like table columns, nested ones as dotted paths',
  channel: 'other',
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: 'starts with [ followed by {, one JSON object per line, or an object with a member holding an array of objects',
  sniff(input) {
    const claimed = this.extensions.includes(input.extension);
    const head = input.headText.trimStart();
    if (
      (head.startsWith('[') && head.slice(1).trimStart().startsWith('{')) ||
      looksLikeJsonLines(input.headText) ||
      WRAPPED_ARRAY.test(head)
    )
      return claimed ? 0.1 : 0.55;
    return 0;
  },
  read(source, options) {
    return readJsonRecords(source, options);
  },
};

/**
 * Reads the file's values ({@link jsonValuesOf}), each drafted through the file's mapping. While
 * the order of the date column's day/month dates is open, records are held back until one shows
 * it (as table rows are), so every record's date is read in the column's order.
 */
async function* readJsonRecords(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const records = new JsonRecordMapper(source.path, options.map);
  const { elements, pages } = await jsonValuesOf(source, records.overrides);
  let dates: TableDateColumn | undefined;
  let lookahead: DateOrderLookahead<JsonUnit> | undefined;
  const itemOf = (unit: JsonUnit): AdapterItem => (unit.kind === 'item' ? unit.item : records.record(unit, dates));
  try {
    for await (const element of elements) {
      for (const unit of records.units(element, { file: source.path, line: element.line }, pages)) {
        if (unit.kind === 'record' && dates === undefined) {
          const dateColumn = records.mappingFor(unit).fields.date;
          if (dateColumn !== undefined) {
            dates = new TableDateColumn(dateColumn, { file: source.path }, options.dateOrder);
            lookahead = new DateOrderLookahead(dates, textChars);
          }
        }
        const dateValue = unit.kind !== 'record' || dates === undefined ? null : unit.flat.row[dates.column];
        const dateText = typeof dateValue === 'string' ? dateValue : null;
        if (lookahead === undefined || !lookahead.takes(dateText)) {
          yield itemOf(unit);
          continue;
        }
        lookahead.hold(unit, dateText, unit.provenance);
        for (const released of lookahead.release()) yield itemOf(released);
      }
    }
  } catch (error) {
    if (lookahead !== undefined) for (const released of lookahead.drain()) yield itemOf(released);
    throw error;
  }
  if (lookahead !== undefined) for (const released of lookahead.drain()) yield itemOf(released);
  if (dates !== undefined) yield* dates.warnings();
}

/**
 * The values of a file, and whether one that is an API page (no text of its own, a member holding
 * an array of objects) gives that array's elements as its records: a root array is streamed, JSON
 * Lines are read line by line (both may hold pages); a document whose root is an object streams
 * the array of the member that holds its records ({@link rootLayout}), or is one record when it has
 * text of its own. Throws `NOT_FEEDBACK` for a root object that wraps nothing.
 */
async function jsonValuesOf(
  source: InputSource,
  map: Readonly<Record<string, string>>,
): Promise<{ elements: AsyncIterable<JsonElement>; pages: boolean }> {
  const jsonLinesFile = readsAsJsonLines(source);
  if (jsonLinesFile) return { elements: jsonLines(source), pages: true };
  if (!source.headText.trimStart().startsWith('{')) return { elements: jsonArrayElements(source.path, source.text()), pages: true };
  const root = await rootLayout(source, map);
  if (root === 'own-text') return { elements: oneValue(source), pages: false };
  if (root === null) {
    throw new InputError(`holds a single JSON object, not an array of records or JSON Lines (one object per line)`, {
      location: { file: source.path },
      hint: 'this is not a feedback export; name its format if it is one',
      code: 'NOT_FEEDBACK',
    });
  }
  return { elements: jsonArrayElements(source.path, source.text(), { member: root }), pages: false };
}

async function* oneValue(source: InputSource): AsyncIterable<JsonElement> {
  yield await wholeJsonValue(source);
}

/** One thing read: an item already made (a rejection), or a record, flattened, waiting to be drafted. */
type JsonUnit =
  | { kind: 'item'; item: AdapterItem; provenance: Provenance }
  | { kind: 'record'; flat: FlatRecord; object: JsonObject; provenance: Provenance };

/** About how much text a unit holds: its string fields. */
function textChars(unit: JsonUnit): number {
  if (unit.kind !== 'record') return 0;
  let chars = 0;
  for (const column of unit.flat.columns) {
    const value = unit.flat.row[column];
    if (typeof value === 'string') chars += value.length;
  }
  return chars;
}

/**
 * What a file whose root is an object holds: `own-text` when the object has a text field of its own
 * (one record), else the member holding its records, decided from the head when it can be and else
 * by scanning the whole file; null when it wraps no array of objects.
 */
async function rootLayout(source: InputSource, map: Readonly<Record<string, string>>): Promise<string | 'own-text' | null> {
  let scan = new RootArrayScan();
  scan.feed(source.headText);
  if (!scan.complete && !scan.notAnObject && chooseRecordMember(scan.members, false) === null) {
    scan = new RootArrayScan();
    for await (const chunk of source.text()) if (scan.feed(chunk)) break;
  }
  const textColumn = map['text'];
  const ownText =
    textColumn === undefined
      ? mapColumns({ file: source.path }, scan.otherMembers, {}, { requireText: false }).fields.text !== undefined
      : scan.otherMembers.includes(textColumn) || scan.otherMembers.includes(textColumn.split('.')[0] ?? '');
  return ownText ? 'own-text' : chooseRecordMember(scan.members, true);
}

/** How many times a file's mapping is looked at again for fields its first record lacked. */
const MAX_REMAPS = 32;

/**
 * An element that marks a body written as HTML, as APIs give post and comment bodies (Mastodon's
 * `content`, WordPress' `content.rendered`, Discourse's `cooked`): a paragraph, line break, link,
 * emphasis, list or quote tag. `a < b`, `<3` or an entity alone do not.
 */
const HTML_BODY_ELEMENT = /<(?:p|br|div|span|a|em|strong|b|i|u|ul|ol|li|blockquote|h[1-6])(?:\s[^<>]*)?\/?>/i;

/** A draft whose text is an HTML body, with that body as plain text (links keep their words, `&amp;` is `&`). */
function plainBody(draft: RecordDraft): RecordDraft {
  return HTML_BODY_ELEMENT.test(draft.text) ? { ...draft, text: htmlToPlainText(draft.text) } : draft;
}

/** Turns JSON values into items: pages opened, objects flattened, fields mapped from the first record as table columns are. */
class JsonRecordMapper {
  private mapping: ColumnMapping | null = null;
  private readonly known = new Set<string>();
  private readonly firstColumns = new Set<string>();
  private remaps = 0;
  private row = 0;

  constructor(
    private readonly file: string,
    /** The `--map` overrides. */
    readonly overrides: Readonly<Record<string, string>>,
  ) {}

  /** The units of one array element or line; `pages` says whether an API page there gives its records. */
  units(element: JsonElement, at: Provenance, pages: boolean): JsonUnit[] {
    if (element.kind === 'invalid') {
      this.row += 1;
      const provenance = { ...at, row: this.row };
      return [{ kind: 'item', item: invalidJsonItem(element, provenance), provenance }];
    }
    const object = asObject(element.value);
    const candidate = pages && object !== null ? recordArrayMember(object) : null;
    const member = candidate !== null && object !== null && !this.hasOwnText(object) ? candidate : null;
    if (object === null || member === null) return [this.unit(element.value, at)];
    const wrapped = object[member];
    if (!Array.isArray(wrapped)) return [];
    return wrapped.map((value: unknown, index) => this.unit(value, { ...at, part: `${member}[${index}]` }));
  }

  /** True when an object has a text field of its own (at any depth), so it is a record even if it holds arrays of objects. */
  private hasOwnText(object: JsonObject): boolean {
    const textColumn = this.mapping?.fields.text ?? this.overrides['text'];
    if (textColumn !== undefined && Object.hasOwn(object, textColumn) && isScalar(object[textColumn])) return true;
    const flat = flattenRecord(object);
    if (textColumn !== undefined) return Object.hasOwn(flat.row, textColumn);
    const scalars = flat.columns.filter((column) => isScalar(flat.row[column]));
    return mapColumns({ file: this.file }, scalars, {}, { requireText: false, nestedColumns: flat.nested }).fields.text !== undefined;
  }

  private unit(value: unknown, at: Provenance): JsonUnit {
    this.row += 1;
    const provenance = { ...at, row: this.row };
    const object = asObject(value);
    if (object === null) {
      const item: AdapterItem = notAnObject('expected a JSON object', value, provenance);
      return { kind: 'item', item, provenance };
    }
    return { kind: 'record', flat: flattenRecord(object), object, provenance };
  }

  /** A record's item: drafted through the file's mapping, a mapped field holding an array or object left in meta. */
  record(unit: Extract<JsonUnit, { kind: 'record' }>, dates: TableDateColumn | undefined): AdapterItem {
    const { flat } = unit;
    const mapping = this.mappingFor(unit);
    if (this.fitsFirstRecord(flat, mapping))
      return { kind: 'record', draft: plainBody(draftFromRow(flat.row, mapping, unit.provenance, dates)) };
    const fields: Partial<Record<MappedField, string>> = { ...mapping.fields };
    const metaColumns: string[] = [];
    const used = new Set<string>();
    for (const [field, column] of Object.entries(mapping.fields) as [MappedField, string][]) {
      if (isScalar(flat.row[column])) used.add(column);
      else delete fields[field];
    }
    for (const column of flat.columns) if (!used.has(column) && !isPersonalDetailsColumn(column)) metaColumns.push(column);
    return {
      kind: 'record',
      draft: plainBody(draftFromRow(flat.row, { headers: flat.columns, fields, metaColumns }, unit.provenance, dates)),
    };
  }

  /** True when a record has only the first record's columns, and scalars in the mapped ones: the file's mapping serves it as it is. */
  private fitsFirstRecord(flat: FlatRecord, mapping: ColumnMapping): boolean {
    for (const column of Object.values(mapping.fields)) if (!isScalar(flat.row[column])) return false;
    for (const column of flat.columns) if (!this.firstColumns.has(column)) return false;
    return true;
  }

  /** The file's mapping, made from its first record (refused there when it has no text field), and filled in when later records bring fields the first lacked. */
  mappingFor({ flat, object }: { flat: FlatRecord; object: JsonObject }): ColumnMapping {
    if (this.mapping === null) {
      const exclude = flat.columns.filter((column) => !isScalar(flat.row[column]));
      const mapping = mapColumns({ file: this.file }, flat.columns, this.overrides, {
        requireText: false,
        exclude,
        nestedColumns: flat.nested,
      });
      if (mapping.fields.text === undefined) throw noTextColumnError({ file: this.file }, Object.keys(object));
      this.mapping = mapping;
      for (const column of flat.columns) {
        this.known.add(column);
        this.firstColumns.add(column);
      }
      return mapping;
    }
    const mapping = this.mapping;
    if (this.remaps >= MAX_REMAPS || Object.keys(mapping.fields).length === MAPPED_FIELDS.length) return mapping;
    const fresh = flat.columns.filter((column) => !this.known.has(column));
    if (fresh.length === 0) return mapping;
    this.remaps += 1;
    for (const column of fresh) this.known.add(column);
    const taken = Object.values(mapping.fields);
    const exclude = [...taken, ...flat.columns.filter((column) => this.firstColumns.has(column) || !isScalar(flat.row[column]))];
    const more = mapColumns({ file: this.file }, flat.columns, {}, { requireText: false, exclude, nestedColumns: flat.nested });
    for (const [field, column] of Object.entries(more.fields) as [MappedField, string][]) mapping.fields[field] ??= column;
    return mapping;
  }
}
