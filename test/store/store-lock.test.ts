import { describe, expect, test } from '@jest/globals';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireStoreLock } from '../../src/store/store-lock.js';
import { withTempDir } from '../builders/temp-dir.js';

/** A PID that is alive and not this process's: the process that started the tests. */
const OTHER_LIVE_PID = process.ppid;

describe('acquireStoreLock', () => {
  test('writes the PID into the lock as it creates it, and leaves no other file behind', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lock');
      const lock = await acquireStoreLock(path);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ pid: process.pid, since: expect.any(String) });
      expect(await readdir(dir)).toEqual(['lock']);
      await lock.release();
      expect(await readdir(dir)).toEqual([]);
    });
  });

  test('waits for a lock that another tlap has created but not yet written, and is refused when it names a live process', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lock');
      await writeFile(path, '');
      const taking = acquireStoreLock(path);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await writeFile(path, `${JSON.stringify({ pid: OTHER_LIVE_PID })}\n`);
      await expect(taking).rejects.toThrow(`store is locked by PID ${OTHER_LIVE_PID}`);
    });
  });

  test('takes over a lock left empty long ago (a crash between creating and writing it)', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lock');
      await writeFile(path, '');
      const longAgo = new Date(Date.now() - 60_000);
      await utimes(path, longAgo, longAgo);
      const lock = await acquireStoreLock(path);
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid });
      await lock.release();
    });
  });

  test('refuses a lock a live process holds, naming it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lock');
      await writeFile(path, `${JSON.stringify({ pid: OTHER_LIVE_PID })}\n`);
      await expect(acquireStoreLock(path)).rejects.toThrow(`store is locked by PID ${OTHER_LIVE_PID} (lock file ${path})`);
    });
  });
});
