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

/** What a lock file holds and the PID it names (null when it names none, or is gone: `content` null). */
interface LockHolding {
  pid: number | null;
  content: string | null;
}

/**
 * What a lock file holds and the PID it names: waits while the file is young and empty (another
 * tlap may have created it and not yet written its PID), so a lock being taken is never mistaken
 * for one left behind.
 */
async function lockHolding(path: string): Promise<LockHolding> {
  for (;;) {
    const content = await readFile(path, 'utf8').catch(() => null);
    if (content === null) return { pid: null, content };
    const pid = Number((/"pid":\s*(\d+)/.exec(content) ?? [])[1]);
    if (Number.isInteger(pid) && pid > 0) return { pid, content };
    const age = await stat(path).then(
      (info) => Date.now() - info.mtimeMs,
      () => Infinity,
    );
    if (content.trim() !== '' || age > UNWRITTEN_LOCK_GRACE_MS) return { pid: null, content };
    await new Promise((resolve) => setTimeout(resolve, UNWRITTEN_LOCK_POLL_MS));
  }
}

/** How long to wait for another tlap's takeover of a stale lock (a few file operations) before judging it left behind too. */
const TAKEOVER_WAIT_MS = 2000;

/**
 * Removes the lock file when it still holds `stale` (what this process read and judged left
 * behind), under a second lock file, `<lock>.takeover`, so that of several tlaps that find the
 * same stale lock at once only one removes it: the others wait for that takeover, then find the
 * new holder's lock and are refused. Without it, a tlap that read the stale lock a moment late
 * would delete the lock just taken by another, and both would write to the store.
 */
async function removeStaleLock(path: string, stale: string): Promise<void> {
  const guard = `${path}.takeover`;
  const startedAt = Date.now();
  for (;;) {
    if (await createLockFile(guard, lockContent())) {
      try {
        const now = await readFile(path, 'utf8').catch(() => null);
        if (now === stale) await unlink(path).catch(() => undefined);
      } finally {
        await unlink(guard).catch(() => undefined);
      }
      return;
    }
    const guardHolder = (await lockHolding(guard)).pid;
    const guardLeftBehind = guardHolder === null || (guardHolder !== process.pid && !processIsAlive(guardHolder));
    if (guardLeftBehind || Date.now() - startedAt > TAKEOVER_WAIT_MS) {
      await unlink(guard).catch(() => undefined);
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, UNWRITTEN_LOCK_POLL_MS));
    const now = await readFile(path, 'utf8').catch(() => null);
    if (now !== stale) return;
  }
}

/** What a lock file holds: the holder's PID, and when it took the lock (so that two locks by one PID differ). */
function lockContent(): string {
  return `${JSON.stringify({ pid: process.pid, since: new Date().toISOString() })}\n`;
}

/**
 * Takes the store's lock file (holding the PID from the moment it exists). A lock left by a
 * process that no longer runs (a crash, `kill -9`) is stale and taken over, by one tlap only when
 * several find it at once; a live one is refused with a message naming the lock file and the PID.
 */
export async function acquireStoreLock(path: string): Promise<StoreLock> {
  if (HELD_LOCKS.has(path)) {
    throw new StoreError(`store is locked by PID ${process.pid} (lock file ${path}): an ingest in this process is writing to it`, {
      hint: 'wait for it to finish before starting another',
      code: 'STORE_LOCKED',
    });
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createLockFile(path, lockContent())) {
      HELD_LOCKS.add(path);
      return {
        path,
        release: async () => {
          HELD_LOCKS.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    }
    const { pid, content } = await lockHolding(path);
    if (pid !== null && pid !== process.pid && processIsAlive(pid)) {
      throw new StoreError(`store is locked by PID ${pid} (lock file ${path}): another tlap ingest is writing to it`, {
        hint: 'wait for it to finish; if no tlap is running, delete the lock file',
        code: 'STORE_LOCKED',
      });
    }
    if (content !== null) await removeStaleLock(path, content);
  }
  throw new StoreError(`${path}: cannot take the store lock`, { hint: 'delete the lock file if no tlap is running' });
}
