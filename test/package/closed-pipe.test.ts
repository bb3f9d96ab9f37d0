import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

interface ShimRun {
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs bin/tlap.js (on the dist/ that jest's global set-up builds) as a shell pipe into a reader
 * that has already gone, as `tlap … | head -1` is once head has its line.
 */
async function runIntoClosedPipe(argv: readonly string[]): Promise<ShimRun> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'tlap.js'), ...argv], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  return { exitCode, stderr };
}

describe('a reader of standard output that goes away', () => {
  test.each([[['--help']], [['formats']]])('tlap %j stops quietly with 0, without a stack trace', async (argv) => {
    const { exitCode, stderr } = await runIntoClosedPipe(argv);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
  });
});
