import { columnKeyed } from './column-mapping.js';
import { asObject, type JsonObject } from './json-fields.js';

/** How many levels of objects inside a record are opened into dotted paths; deeper objects stay whole, under their path. */
export const MAX_FLATTENED_DEPTH = 8;

/** How many dotted paths one record is opened into; once reached, further objects stay whole, under their path. */
export const MAX_FLATTENED_PATHS = 1000;

/** A JSON record with the objects inside it opened into dotted paths. */
export interface FlatRecord {
  /** Every value by its column: top-level keys as they are, nested values by their path (`from.name`). */
  row: Readonly<Record<string, unknown>>;
  /** The columns, in the record's order. */
  columns: string[];
  /** The columns that are paths into nested objects. */
  nested: ReadonlySet<string>;
}

const NO_NESTED: ReadonlySet<string> = new Set();

/**
 * The object a list of named values stands for, or null for any other value: an array of objects
 * each holding a `name` (a string, each one once) and a `value`, and nothing else, as form and
 * engagement tools' APIs give a response's answers (Commonplace's comments:
 * `"fields": [{"name": "anyOtherComments", "value": "…"}]`): `{"anyOtherComments": "…"}`.
 */
export function namedValues(value: unknown): JsonObject | null {
  if (!Array.isArray(value) || value.length === 0 || !isNamedValue(value[0])) return null;
  const object = columnKeyed<unknown>();
  for (const element of value) {
    if (!isNamedValue(element) || Object.hasOwn(object, element.name)) return null;
    object[element.name] = element.value;
  }
  return object;
}

function isNamedValue(element: unknown): element is { name: string; value: unknown } {
  const object = asObject(element);
  if (object === null || typeof object['name'] !== 'string' || object['name'] === '' || !Object.hasOwn(object, 'value')) return false;
  for (const key in object) if (key !== 'name' && key !== 'value') return false;
  return true;
}

/**
 * Opens the objects inside a JSON record into dotted paths, depth first and in order:
 * `{"from": {"name": "Ann"}}` gives the column `from.name`. Arrays are values, never opened,
 * except a list of named values (see {@link namedValues}), opened as the object it stands for:
 * `{"fields": [{"name": "anyOtherComments", "value": "…"}]}` gives `fields.anyOtherComments`.
 * Bounded: objects deeper than {@link MAX_FLATTENED_DEPTH} levels, or met once
 * {@link MAX_FLATTENED_PATHS} paths are made, stay whole under their path. When a path is also a
 * key of its own (`"from.name"` beside `from`), the first one met is kept.
 */
export function flattenRecord(record: JsonObject): FlatRecord {
  let flat = true;
  for (const key in record) {
    const value = record[key];
    if (
      value !== null &&
      typeof value === 'object' &&
      (!Array.isArray(value) || namedValues(value) !== null) &&
      Object.hasOwn(record, key)
    ) {
      flat = false;
      break;
    }
  }
  if (flat) return { row: record, columns: Object.keys(record), nested: NO_NESTED };
  const row = columnKeyed<unknown>();
  const columns: string[] = [];
  const nested = new Set<string>();
  const stack: { prefix: string; entries: [string, unknown][]; next: number; depth: number }[] = [
    { prefix: '', entries: Object.entries(record), next: 0, depth: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) break;
    const entry = frame.entries[frame.next];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    frame.next += 1;
    const [key, value] = entry;
    const path = frame.prefix === '' ? key : `${frame.prefix}.${key}`;
    const object = asObject(value) ?? namedValues(value);
    const entries = object === null ? [] : Object.entries(object);
    if (entries.length > 0 && frame.depth < MAX_FLATTENED_DEPTH && columns.length + entries.length <= MAX_FLATTENED_PATHS) {
      stack.push({ prefix: path, entries, next: 0, depth: frame.depth + 1 });
      continue;
    }
    if (Object.hasOwn(row, path)) continue;
    row[path] = value;
    columns.push(path);
    if (frame.depth > 0) nested.add(path);
  }
  return { row, columns, nested };
}

/** True for a value a record field can hold: a string, number or boolean (null counts as empty). */
export function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object';
}
