import type { SourcePosition } from './codebook.js';

/** A YAML scalar as written, with where it stands. */
export interface RawScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  position: SourcePosition;
}

/** A YAML sequence, with where it starts. */
export interface RawList {
  kind: 'list';
  items: RawNode[];
  position: SourcePosition;
}

/** One `key: value` of a YAML mapping. */
export interface RawEntry {
  key: string;
  keyPosition: SourcePosition;
  value: RawNode;
}

/** A YAML mapping, with where it starts. */
export interface RawMap {
  kind: 'map';
  entries: RawEntry[];
  position: SourcePosition;
}

/** A node of the codebook as written, before any of it is typed or checked. */
export type RawNode = RawScalar | RawList | RawMap;

/** themes.yaml as parsed: the root node (null when the file holds no document at all). */
export interface RawCodebookDocument {
  /** The file, as given. */
  file: string;
  /** The document's root node, or null for an empty file. */
  root: RawNode | null;
}

/** The keys allowed at the top of themes.yaml. */
export const CODEBOOK_KEYS = ['version', 'title', 'redact', 'unit', 'assign', 'publish', 'quotes', 'report', 'themes'] as const;

/** The keys allowed in a theme. */
export const THEME_KEYS = [
  'id',
  'label',
  'description',
  'keywords',
  'exact',
  'near',
  'exclude',
  'parent',
  'otherwise',
  'min_hits',
  'examples',
] as const;

/** The value of `key` in a mapping, if present. */
export function entryOf(map: RawMap, key: string): RawEntry | undefined {
  return map.entries.find((entry) => entry.key === key);
}

/** A raw node as plain data (what YAML's toJSON gives), for checks that read plain values. */
export function plainValue(node: RawNode): unknown {
  const stack: { node: RawNode; set: (value: unknown) => void }[] = [];
  let result: unknown = null;
  stack.push({ node, set: (value) => (result = value) });
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    const current = next.node;
    if (current.kind === 'scalar') next.set(current.value);
    else if (current.kind === 'list') {
      const items: unknown[] = new Array<unknown>(current.items.length).fill(null);
      next.set(items);
      current.items.forEach((item, index) => stack.push({ node: item, set: (value) => (items[index] = value) }));
    } else {
      const object: Record<string, unknown> = {};
      next.set(object);
      for (const entry of current.entries) stack.push({ node: entry.value, set: (value) => (object[entry.key] = value) });
    }
  }
  return result;
}
