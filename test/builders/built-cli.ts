import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const run = promisify(execFile);

/** What a run of the built CLI in a child process gave. */
export interface BuiltCliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A private build of src/ and a way to run its CLI in a child process, as users run it. */
export interface BuiltCli {
  /** Runs `tlap ARGV…` from the private build. */
  run(argv: readonly string[]): Promise<BuiltCliResult>;
  /** Deletes the private build. */
  remove(): Promise<void>;
}

/**
 * Compiles src/ into a folder of its own beside dist/ (so packages resolve from node_modules and
 * the version is read from package.json as in dist/), never into dist/ itself, which other test
 * files build and read at the same time.
 */
export async function buildPrivateCli(): Promise<BuiltCli> {
  const outDir = join(PROJECT_ROOT, `.test-build-${process.pid}-${Math.random().toString(36).slice(2)}`);
  await mkdir(outDir, { recursive: true });
  await run(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.json'), '--outDir', outDir],
    {
      cwd: PROJECT_ROOT,
    },
  );
  const entry = `
    import { run } from ${JSON.stringify(join(outDir, 'cli/main.js'))};
    process.exitCode = await run(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: { NO_COLOR: '1' } });
  `;
  return {
    run: async (argv) => {
      try {
        const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', entry, '--', ...argv], {
          cwd: PROJECT_ROOT,
          maxBuffer: 64 * 1024 * 1024,
        });
        return { exitCode: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { exitCode: typeof failed.code === 'number' ? failed.code : 2, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
      }
    },
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}
