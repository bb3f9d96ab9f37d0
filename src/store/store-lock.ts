import { open, readFile, unlink } from 'node:fs/promises';
import { StoreError } from '../errors.js';

/** A held lock on a store; release it when the write is done. */
export interface StoreLock {
  /** The lock file's path. */
  path: string;
  /** Removes the lock file. */
  release(): Promise<void>;
}

/** Locks this process holds, so a second writer in the same process is refused too. */
const HELD_LOCKS = new Set<string>();

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the store's lock file (created exclusively, holding the PID). A lock left by a process
 * that no longer runs (a crash, `kill -9`) is stale and taken over; a live one is refused with a
 * message naming the lock file and the PID.
 */
export async function acquireStoreLock(path: string): Promise<StoreLock> {
  if (HELD_LOCKS.has(path)) {
    throw new StoreError(`store is locked by PID ${process.pid} (lock file ${path}): an ingest in this process is writing to it`, {
      hint: 'wait for it to finish before starting another',
      code: 'STORE_LOCKED',
    });
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${JSON.stringify({ pid: process.pid })}\n`);
      await handle.close();
      HELD_LOCKS.add(path);
      return {
        path,
        release: async () => {
          HELD_LOCKS.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(`${path}: cannot create the store lock (${(error as Error).message})`, { cause: error });
      }
    }
    const holder = await readFile(path, 'utf8').catch(() => '');
    const pid = Number((/"pid":\s*(\d+)/.exec(holder) ?? [])[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid)) {
      throw new StoreError(`store is locked by PID ${pid} (lock file ${path}): another tlap ingest is writing to it`, {
        hint: 'wait for it to finish; if no tlap is running, delete the lock file',
        code: 'STORE_LOCKED',
      });
    }
    await unlink(path).catch(() => undefined);
  }
  throw new StoreError(`${path}: cannot take the store lock`, { hint: 'delete the lock file if no tlap is running' });
}
