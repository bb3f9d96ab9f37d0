import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { storePaths } from '../../src/store/record-store.js';
import { ExitCode } from '../../src/exit-codes.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { withTempDir } from '../builders/temp-dir.js';

const TLAP = join(PROJECT_ROOT, 'bin', 'tlap.js');

/** Rows in the generated corpus: about 7 MB of records, written in 1 MB batches, so each kill lands between many writes. */
const CORPUS_ROWS = 30_000;

/**
 * How far into the run each kill comes, as a share of the uninterrupted store's records file: a
 * point in the data rather than in time, so the kill lands mid-run on a fast machine and a slow one.
 */
const KILL_AT = [0.25, 0.6];

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * A process that opens a store with the built library (taking its lock, as an ingest does) and
 * keeps it open until killed: ingest refuses named pipes, so a slow pipe can no longer hold one open.
 */
function startLockHolder(storeDir: string, cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  const library = join(PROJECT_ROOT, 'dist', 'store', 'record-store.js');
  const script = `const { RecordStore } = await import(${JSON.stringify(library)}); await RecordStore.open(${JSON.stringify(storeDir)}); setInterval(() => {}, 1000);`;
  return startProcess(['--input-type=module', '-e', script], cwd);
}

function startTlap(args: string[], cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  return startProcess([TLAP, ...args], cwd);
}

function startProcess(args: string[], cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, exit };
}

async function runTlap(args: string[], cwd: string): Promise<Exit> {
  return startTlap(args, cwd).exit;
}

/** Resolves when `ready()` holds, or when the process ends first; polls every 10 ms. */
async function waitUntil(ready: () => boolean, exited: Promise<Exit>, limitMs: number): Promise<void> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const started = Date.now();
  while (!done && !ready() && Date.now() - started < limitMs) await new Promise((resolve) => setTimeout(resolve, 10));
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

describe('crash safety (the built CLI, killed with SIGKILL)', () => {
  test('an ingest killed mid-run and run again leaves exactly the store of an uninterrupted run', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'corpus.csv'), csvExport(csvRows(CORPUS_ROWS)));
      const reference = await runTlap(['ingest', 'corpus.csv', '--store', 'reference'], dir);
      expect(reference.code).toBe(ExitCode.Ok);

      const fullSize = sizeOf(join(dir, 'reference', 'records.jsonl'));
      const crashed = storePaths(join(dir, 'crashed'));
      for (const share of KILL_AT) {
        const running = startTlap(['ingest', 'corpus.csv', '--store', 'crashed'], dir);
        await waitUntil(() => sizeOf(crashed.records) >= fullSize * share, running.exit, 30_000);
        running.child.kill('SIGKILL');
        const killed = await running.exit;
        expect(killed.signal).toBe('SIGKILL');
        expect(sizeOf(crashed.records)).toBeLessThan(fullSize);
      }
      const finished = await runTlap(['ingest', 'corpus.csv', '--store', 'crashed'], dir);
      expect(finished.code).toBe(ExitCode.Ok);
      expect(existsSync(crashed.lock)).toBe(false);

      const expected = await readFile(join(dir, 'reference', 'records.jsonl'));
      const actual = await readFile(crashed.records);
      expect(actual.length).toBe(expected.length);
      expect(actual.equals(expected)).toBe(true);
      expect(
        expected
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      ).toHaveLength(CORPUS_ROWS);
    });
  }, 180_000);

  test('a second ingest into a store being written exits 2 naming the lock and its PID; once the first is gone, ingest works', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'other.csv'), csvExport(csvRows(3)));
      const paths = storePaths(join(dir, 'store'));

      const first = startLockHolder('store', dir);
      await waitUntil(() => existsSync(paths.lock), first.exit, 30_000);
      expect(existsSync(paths.lock)).toBe(true);

      const second = await runTlap(['ingest', 'other.csv', '--store', 'store'], dir);
      expect(second.code).toBe(ExitCode.CouldNotRun);
      expect(second.stderr).toContain(`store is locked by PID ${first.child.pid ?? 'unknown'}`);
      expect(second.stderr).toContain(paths.lock);
      expect(second.stderr).not.toMatch(/^ {4}at /m);

      first.child.kill('SIGKILL');
      await first.exit;
      const third = await runTlap(['ingest', 'other.csv', '--store', 'store'], dir);
      expect(third.code).toBe(ExitCode.Ok);
      expect((await readFile(paths.records, 'utf8')).split('\n').filter((line) => line !== '')).toHaveLength(3);
    });
  }, 60_000);
});
