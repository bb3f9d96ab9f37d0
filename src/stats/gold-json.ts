import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { GoldEntry, GoldFile, GoldProblem } from './gold-coding.js';

/**
 * The fields a coded record's key is read from, in order: a `source_id` matches records by their
 * source id; ThemeFinder's `response_id`, by the respondent of a consultation's answer
 * (`meta.respondent`, as the themefinder reader keeps it); an `id`, by their tlap id.
 */
const KEY_FIELDS = [
  ['source_id', 'source_id'],
  ['response_id', 'respondent'],
  ['id', 'id'],
] as const;

/** The fields a coded record's themes are read from: `themes` (tlap's JSON), or ThemeFinder's `labels`. */
const THEME_FIELDS = ['themes', 'labels'] as const;

/** The fields holding what the record says, shown beside a disagreement. */
const TEXT_FIELDS = ['text', 'response'] as const;

/** Whether a decoded gold file is JSON rather than a table: its first character past white space opens an object or an array. */
export function isJsonGold(text: string): boolean {
  return /^\ufeff?\s*[[{]/u.test(text);
}

/**
 * Parses human coding written as JSON: JSON Lines of one object per coded record (ThemeFinder's
 * `mapping.jsonl`: `{"response_id": 1001, "labels": ["A", "D"], "stances": […]}`), or a JSON array
 * of such objects. Each object's key is its `source_id` or `response_id` (matched against the
 * records' source ids) or its `id` (tlap ids), the first of these the file's first object has; its
 * themes, `themes` or `labels`: an array of names, or names joined by `;`. A line that is not a
 * JSON object, or an object without the key or the themes, is a problem on that line and left out,
 * as is a key coded twice. A file whose first object has no key is an {@link InputError}.
 */
export function parseGoldJson(text: string, file: string): GoldFile {
  const objects = jsonObjects(text.replace(/^\ufeff/u, ''), file);
  const first = objects.find((item): item is { value: Record<string, unknown>; line: number } => item.value !== null);
  const keyField = first === undefined ? undefined : KEY_FIELDS.find(([field]) => first.value[field] !== undefined);
  if (first === undefined || keyField === undefined) {
    throw new InputError(`the first coded record has no ${KEY_FIELDS.map(([field]) => field).join(', ')} field`, {
      location: { file, line: first?.line ?? 1 },
      hint: 'a JSON gold file holds one object per record, such as {"source_id": "r1", "themes": ["carers"]} or ThemeFinder\'s {"response_id": 1001, "labels": ["A"]}',
      code: 'GOLD_MISSING_COLUMN',
    });
  }
  const [field, keyColumn] = keyField;
  const entries: GoldEntry[] = [];
  const problems: GoldProblem[] = [];
  const texts = new Map<string, string>();
  const firstLine = new Map<string, number>();
  for (const { value, line, problem } of objects) {
    if (value === null) {
      problems.push({ file, line, message: problem });
      continue;
    }
    const key = scalarText(value[field]);
    if (key === null || key === '') {
      problems.push({ file, line, message: `no ${field} in this record` });
      continue;
    }
    const themes = themeNames(value);
    if (themes === null) {
      problems.push({ file, line, message: `no ${THEME_FIELDS.join(' or ')} in this record: give its themes as a list, [] for none` });
      continue;
    }
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({ file, line, message: `${field} ${key} is already coded on line ${earlier}; this record is left out` });
      continue;
    }
    firstLine.set(key, line);
    const said = TEXT_FIELDS.map((name) => value[name]).find((item): item is string => typeof item === 'string' && item.trim() !== '');
    if (said !== undefined) texts.set(key, said);
    entries.push({ key, themes, line });
  }
  return { keyColumn, entries, problems, markColumns: [], themesColumn: true, sample: null, texts };
}

/** A JSON file's coded records in order, each with the line it starts on; an item that is no object carries why instead. */
function jsonObjects(
  text: string,
  file: string,
): ({ value: Record<string, unknown>; line: number; problem?: never } | { value: null; line: number; problem: string })[] {
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InputError(`not readable JSON (${error instanceof Error ? error.message : String(error)})`, {
        location: { file, line: 1 },
        hint: 'a JSON gold file is an array of objects, or JSON Lines: one object per line',
        code: 'GOLD_NOT_JSON',
      });
    }
    const lines = arrayItemLines(text);
    return (parsed as unknown[]).map((item, index) => objectOrProblem(item, lines[index] ?? 1));
  }
  return text.split(/\r\n|\r|\n/u).flatMap((written, index) => {
    if (written.trim() === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(written);
    } catch {
      return [
        {
          value: null,
          line: index + 1,
          problem: 'not a JSON object: each line of a JSON Lines gold file holds one record; this line is left out',
        },
      ];
    }
    return [objectOrProblem(parsed, index + 1)];
  });
}

function objectOrProblem(
  item: unknown,
  line: number,
): { value: Record<string, unknown>; line: number } | { value: null; line: number; problem: string } {
  return typeof item === 'object' && item !== null && !Array.isArray(item)
    ? { value: item as Record<string, unknown>, line }
    : { value: null, line, problem: 'not a JSON object: each coded record is an object with its key and themes; this item is left out' };
}

/** The line each top-level item of a JSON array starts on, found by a scan that skips strings and counts depth. */
function arrayItemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectingItem = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\n') line += 1;
    if (inString) {
      if (char === '\\') at += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') continue;
    if (depth === 1 && expectingItem && char !== ']') {
      lines.push(line);
      expectingItem = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth === 1) expectingItem = true;
    } else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 1) expectingItem = true;
  }
  return lines;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A record's theme names: an array of names (each trimmed), or names joined by `;`; null when it has neither field. */
function themeNames(value: Record<string, unknown>): string[] | null {
  const field = THEME_FIELDS.find((name) => value[name] !== undefined && value[name] !== null);
  if (field === undefined) return null;
  const written = value[field];
  const names = Array.isArray(written) ? written.map(scalarText) : typeof written === 'string' ? written.split(';') : [null];
  if (names.some((name) => name === null)) return null;
  return [...new Set(names.map((name) => (name ?? '').trim()).filter((name) => name !== ''))];
}

/**
 * The topics a ThemeFinder mapping names by id, read from the `themes.json` ThemeFinder writes
 * beside it (`[{"topic_id": "A", "topic_label": "Complete Ban Support", …}]`): by topic id, its
 * label, so that a codebook whose themes carry those labels is scored against the mapping. Null
 * when there is no such file beside `goldPath`, or it holds no topics; a `themes.json` that is
 * not readable JSON is an {@link InputError} naming it.
 */
/** The ThemeFinder question part a gold file is in (`…/question_part_2/mapping.jsonl`), or null. */
export function questionPartOf(goldPath: string): string | null {
  const folder = basename(dirname(goldPath));
  return /^question_part_\d+$/iu.test(folder) ? folder : null;
}

export async function readThemeFinderTopics(
  goldPath: string,
  goldDisplayPath: string,
): Promise<{ labels: Map<string, string>; file: string } | null> {
  const path = join(dirname(goldPath), 'themes.json');
  const file = join(dirname(goldDisplayPath), 'themes.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch (error) {
    throw new InputError(
      `the topics beside the gold file are not readable JSON (${error instanceof Error ? error.message : String(error)})`,
      {
        location: { file, line: 1 },
        hint: 'this is the themes.json ThemeFinder writes beside its mapping: restore it, or move the mapping to a folder of its own',
        code: 'GOLD_NOT_JSON',
      },
    );
  }
  const labels = new Map<string, string>();
  for (const topic of Array.isArray(parsed) ? parsed : []) {
    if (typeof topic !== 'object' || topic === null) continue;
    const { topic_id: id, topic_label: label } = topic as Record<string, unknown>;
    const key = scalarText(id);
    if (key !== null && key !== '' && typeof label === 'string' && label.trim() !== '' && !labels.has(key)) labels.set(key, label.trim());
  }
  return labels.size === 0 ? null : { labels, file };
}
