import { join } from 'node:path';

/** The files of a store folder. */
export interface StorePaths {
  /** The folder. */
  dir: string;
  /** One record per line, in ingest order. */
  records: string;
  /** One rejected item per line, with its reason code and where it was. */
  rejected: string;
  /** Present while an ingest writes to the store. */
  lock: string;
  /** The store's schema version (see store-manifest.ts). */
  manifest: string;
  /** One line per (record, file) sighting: every file that held each record. */
  sources: string;
  /** What records.jsonl looked like when tlap last wrote it (see records-seal.ts). */
  seal: string;
}

/** The paths of the store in `dir`. */
export function storePaths(dir: string): StorePaths {
  return {
    dir,
    records: join(dir, 'records.jsonl'),
    rejected: join(dir, 'rejected.jsonl'),
    lock: join(dir, 'lock'),
    manifest: join(dir, 'manifest.json'),
    sources: join(dir, 'sources.jsonl'),
    seal: join(dir, 'records.seal.json'),
  };
}
