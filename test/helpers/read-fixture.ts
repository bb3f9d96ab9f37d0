import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openInputFile, type FileItem, type ReadFileOptions } from '../../src/ingest/read-input-file.js';
import { InputError } from '../../src/errors.js';

/** The project's root folder. */
export const PROJECT_ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

/** The folder of shared real exports beside the project, or null when it is absent. */
export const REALDATA_ROOT: string | null = existsSync(join(PROJECT_ROOT, '../shared/realdata'))
  ? join(PROJECT_ROOT, '../shared/realdata')
  : null;

/** One fixture case folder: fixtures/<area>/<group>/<case>/. */
export interface FixtureCase {
  /** `<group>/<case>`, used as the test name. */
  name: string;
  /** Absolute folder path. */
  dir: string;
  /** The input file's name inside the folder (the file whose name starts with `input`). */
  inputName: string;
  /** Options from the folder's options.json, if any. */
  options: Partial<ReadFileOptions>;
}

/** Lists the case folders under fixtures/<area>/, each holding an `input*` file. */
export function listFixtureCases(area: string): FixtureCase[] {
  const root = join(PROJECT_ROOT, 'fixtures', area);
  if (!existsSync(root)) return [];
  const cases: FixtureCase[] = [];
  for (const group of readdirSync(root, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const entry of readdirSync(join(root, group.name), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(root, group.name, entry.name);
      const inputName = readdirSync(dir).find((file) => file.startsWith('input'));
      if (inputName === undefined) continue;
      const optionsPath = join(dir, 'options.json');
      const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Partial<ReadFileOptions>) : {};
      cases.push({ name: relative(root, dir), dir, inputName, options });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

/** Everything reading one file produced, or the error that stopped it. */
export interface FileReadResult {
  format: string | null;
  items: FileItem[];
  error: string | null;
}

/** Reads a file with the ingest reader and collects every item (or the file-level error). */
export async function readFileItems(diskPath: string, options: Partial<ReadFileOptions> = {}): Promise<FileReadResult> {
  const items: FileItem[] = [];
  let format: string | null = null;
  try {
    const opened = await openInputFile(diskPath, { map: {}, ...options });
    format = opened.format;
    for await (const item of opened.items) items.push(item);
    return { format, items, error: null };
  } catch (error) {
    return { format, items, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The records among the items. */
export function recordsOf(result: FileReadResult) {
  return result.items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));
}

/** Counts items by kind (and filtered by rule). */
export function countItems(result: FileReadResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of result.items) {
    const key = item.kind === 'filtered' ? `filtered:${item.rule}` : item.kind === 'rejected' ? `rejected:${item.code}` : item.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Reads a file the way ingest does and returns the InputError that stops it (message and hint); fails when none does. */
export async function inputErrorOf(
  diskPath: string,
  displayPath: string,
  options: Partial<ReadFileOptions> = {},
): Promise<{ message: string; hint: string | undefined }> {
  try {
    const opened = await openInputFile(diskPath, { map: {}, displayPath, ...options });
    for await (const item of opened.items) void item;
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error(`${displayPath} was read without an error`);
}
