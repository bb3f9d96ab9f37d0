import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { withTempDir } from '../builders/temp-dir.js';

const BUILT_STORE_LOCK = pathToFileURL(join(PROJECT_ROOT, 'dist', 'store', 'store-lock.js')).href;
const CONTENDERS = 6;
const HOLD_MS = 300;

/** A PID that names no running process: one of a process that has exited. */
function deadPid(): number {
  const exited = spawnSync(process.execPath, ['-e', '0']);
  if (exited.pid === undefined) throw new Error('could not start a process to take a PID from');
  return exited.pid;
}

/** What a contender did: held the lock from `from` to `to` (ms since the epoch), or was refused. */
type Outcome = { held: true; from: number; to: number } | { held: false; message: string };

/**
 * Starts a process (the built library) that waits until `startAt`, takes the lock, holds it for
 * {@link HOLD_MS} and releases it, and tells what happened.
 */
function contend(lockPath: string, startAt: number): Promise<Outcome> {
  const script = `
    const { acquireStoreLock } = await import(${JSON.stringify(BUILT_STORE_LOCK)});
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ${startAt} - Date.now())));
    try {
      const lock = await acquireStoreLock(${JSON.stringify(lockPath)});
      const from = Date.now();
      await new Promise((resolve) => setTimeout(resolve, ${HOLD_MS}));
      const to = Date.now();
      await lock.release();
      process.stdout.write(JSON.stringify({ held: true, from, to }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ held: false, message: error.message }));
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(output) as Outcome));
  });
}

describe('acquireStoreLock with several tlaps at once', () => {
  test.each([1, 2, 3])(
    'of %i: when several find the same stale lock at once, one takes it over and no two hold it at the same time',
    async () => {
      await withTempDir(async (dir) => {
        const lockPath = join(dir, 'lock');
        await writeFile(lockPath, `${JSON.stringify({ pid: deadPid() })}\n`);
        const startAt = Date.now() + 1500;
        const outcomes = await Promise.all(Array.from({ length: CONTENDERS }, () => contend(lockPath, startAt)));
        const holdings = outcomes.flatMap((outcome) => (outcome.held ? [outcome] : [])).sort((a, b) => a.from - b.from);
        expect(holdings.length).toBeGreaterThanOrEqual(1);
        for (let index = 1; index < holdings.length; index += 1) {
          expect(holdings[index]?.from).toBeGreaterThanOrEqual(holdings[index - 1]?.to ?? Infinity);
        }
        for (const outcome of outcomes) if (!outcome.held) expect(outcome.message).toMatch(/^store is locked by PID \d+ \(lock file /);
        expect(await readdir(dir)).toEqual([]);
      });
    },
    20_000,
  );
});
