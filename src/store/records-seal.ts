import { readFile, stat, unlink } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { writeFileAtomically } from './atomic-write.js';
import type { StorePaths } from './store-paths.js';

/** The fields of a seal, each as a string (the numbers are 64-bit). */
const SEAL_FIELDS = ['size', 'mtimeNs', 'ctimeNs', 'ino', 'dev'] as const;

/**
 * What tlap saw of a store's records.jsonl when it last finished writing it: its size, times of
 * change (in nanoseconds) and file identity. While the file still matches, every line in it is one
 * tlap wrote, each record's id made from its channel and source id, so a reader need not check the
 * ids again (a sha256 a line). Any change made since, by hand, by a copy or by a write that failed,
 * changes the file's size, its change time or its identity, and the ids are checked line by line
 * as before.
 */
type RecordsSeal = Record<(typeof SEAL_FIELDS)[number], string>;

function sealOf(stats: BigIntStats): RecordsSeal {
  return {
    size: String(stats.size),
    mtimeNs: String(stats.mtimeNs),
    ctimeNs: String(stats.ctimeNs),
    ino: String(stats.ino),
    dev: String(stats.dev),
  };
}

/** True when `written` (a seal as read back) is the seal of records.jsonl as it is now (`now`). */
function matchesSeal(written: unknown, now: RecordsSeal): boolean {
  if (written === null || typeof written !== 'object') return false;
  const fields = written as Record<string, unknown>;
  return SEAL_FIELDS.every((field) => fields[field] === now[field]);
}

/**
 * Records records.jsonl as it is now, once tlap has written and checked all of it (the store's
 * writer holds the lock). A seal that cannot be written is left out: the next reader checks
 * every id, which is slower, never wrong.
 */
export async function sealRecords(paths: StorePaths): Promise<void> {
  try {
    const seal = sealOf(await stat(paths.records, { bigint: true }));
    await writeFileAtomically(
      paths.seal,
      (async function* () {
        yield `${JSON.stringify(seal)}\n`;
      })(),
    );
  } catch {
    await unsealRecords(paths);
  }
}

/** Removes the seal, before records.jsonl is written to (a write cut short must not look sealed). */
export async function unsealRecords(paths: StorePaths): Promise<void> {
  await unlink(paths.seal).catch(() => undefined);
}

/**
 * True when records.jsonl is still as tlap last left it ({@link sealRecords}): its ids need no
 * check. False when there is no seal, it cannot be read, or the file has changed since.
 */
export async function recordsSealed(paths: StorePaths): Promise<boolean> {
  try {
    const [text, stats] = await Promise.all([readFile(paths.seal, 'utf8'), stat(paths.records, { bigint: true })]);
    return matchesSeal(JSON.parse(text), sealOf(stats));
  } catch {
    return false;
  }
}
