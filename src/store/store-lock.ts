import { link, open, readFile, stat, unlink, writeFile } from 'node:fs/promises';
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

/** How long a lock file without a PID may be one still being written (by a tlap that creates it before writing it). */
const UNWRITTEN_LOCK_GRACE_MS = 2000;
const UNWRITTEN_LOCK_POLL_MS = 25;

/**
 * Creates the lock file holding `content`, whole from the moment it exists: the content is written
 * to a file of this process's own, which is then hard-linked to the lock's name (the link fails if
 * the lock exists). Where the file system cannot link, the lock is created exclusively and then
 * written. True when the lock was taken, false when it exists.
 */
async function createLockFile(path: string, content: string): Promise<boolean> {
  const own = `${path}.${process.pid}.${Date.now().toString(36)}`;
  try {
    await writeFile(own, content, { flag: 'wx' });
    try {
      await link(own, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    } finally {
      await unlink(own).catch(() => undefined);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(content);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StoreError(`${path}: cannot create the store lock (${(error as Error).message})`, { cause: error });
  }
}

/**
 * The PID a lock file names, or null when it names none: waits while the file is young and empty
 * (another tlap may have created it and not yet written its PID), so a lock being taken is never
 * mistaken for one left behind.
 */
async function lockHolder(path: string): Promise<number | null> {
  for (;;) {
    const holder = await readFile(path, 'utf8').catch(() => null);
    if (holder === null) return null;
    const pid = Number((/"pid":\s*(\d+)/.exec(holder) ?? [])[1]);
    if (Number.isInteger(pid) && pid > 0) return pid;
    const age = await stat(path).then(
      (info) => Date.now() - info.mtimeMs,
      () => Infinity,
    );
    if (holder.trim() !== '' || age > UNWRITTEN_LOCK_GRACE_MS) return null;
    await new Promise((resolve) => setTimeout(resolve, UNWRITTEN_LOCK_POLL_MS));
  }
}

/**
 * Takes the store's lock file (holding the PID from the moment it exists). A lock left by a
 * process that no longer runs (a crash, `kill -9`) is stale and taken over; a live one is refused
 * with a message naming the lock file and the PID.
 */
export async function acquireStoreLock(path: string): Promise<StoreLock> {
  if (HELD_LOCKS.has(path)) {
    throw new StoreError(`store is locked by PID ${process.pid} (lock file ${path}): an ingest in this process is writing to it`, {
      hint: 'wait for it to finish before starting another',
      code: 'STORE_LOCKED',
    });
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createLockFile(path, `${JSON.stringify({ pid: process.pid })}\n`)) {
      HELD_LOCKS.add(path);
      return {
        path,
        release: async () => {
          HELD_LOCKS.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    }
    const pid = await lockHolder(path);
    if (pid !== null && pid !== process.pid && processIsAlive(pid)) {
      throw new StoreError(`store is locked by PID ${pid} (lock file ${path}): another tlap ingest is writing to it`, {
        hint: 'wait for it to finish; if no tlap is running, delete the lock file',
        code: 'STORE_LOCKED',
      });
    }
    await unlink(path).catch(() => undefined);
  }
  throw new StoreError(`${path}: cannot take the store lock`, { hint: 'delete the lock file if no tlap is running' });
}
