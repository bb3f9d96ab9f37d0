import { readFile } from 'node:fs/promises';
import { StoreError } from '../errors.js';
import { describeFsError } from '../source/fs-errors.js';
import { TOOL_VERSION } from '../tool-version.js';
import { writeFileAtomically } from './atomic-write.js';

/**
 * The store layout this tlap writes and reads. It counts changes to the files of a store
 * (records.jsonl, rejected.jsonl, sources.jsonl), never changes to text cleaning or matching:
 * records hold the person's text, so a new normaliser or matcher reads an old store as it is.
 */
export const STORE_SCHEMA = 1;

/** The contents of a store's manifest.json. */
export interface StoreManifest {
  /** The store layout version ({@link STORE_SCHEMA} when this tlap wrote it). */
  schema: number;
  /** The tlap that wrote the manifest, as `tlap 0.1.0`. */
  writtenBy: string;
}

/**
 * Reads a store's manifest: null when there is none (a store from before manifests, or a new
 * one). Throws StoreError when it is damaged (`STORE_DAMAGED`) or from a newer tlap
 * (`STORE_TOO_NEW`): such a store is neither read nor written, so its counts never mislead.
 */
export async function readStoreManifest(manifestPath: string, storeDir: string): Promise<StoreManifest | null> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(`${manifestPath}: cannot read the store manifest (${describeFsError(error)})`, {
      cause: error,
      code: 'STORE_UNREADABLE',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const schema = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['schema'] : undefined;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    throw new StoreError(`${manifestPath}: not a tlap store manifest (no whole "schema" number); the store was damaged or edited by hand`, {
      hint: 'restore manifest.json, or delete the store and ingest again',
      code: 'STORE_DAMAGED',
    });
  }
  const writtenBy = (value as Record<string, unknown>)['written_by'];
  if (schema > STORE_SCHEMA) {
    const by = typeof writtenBy === 'string' ? ` by ${writtenBy}` : '';
    throw new StoreError(
      `${storeDir}: this store was written${by} in store schema ${schema}; tlap ${TOOL_VERSION} reads schema ${STORE_SCHEMA} and older, so it leaves the store untouched`,
      { hint: 'upgrade tlap to read this store', code: 'STORE_TOO_NEW' },
    );
  }
  return { schema, writtenBy: typeof writtenBy === 'string' ? writtenBy : 'unknown' };
}

/** Writes the manifest of the current schema, atomically (a reader sees the old file or the new one). */
export async function writeStoreManifest(manifestPath: string): Promise<void> {
  const text = `${JSON.stringify({ schema: STORE_SCHEMA, written_by: `tlap ${TOOL_VERSION}` })}\n`;
  await writeFileAtomically(
    manifestPath,
    (async function* () {
      yield text;
    })(),
  );
}
