import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { runCliWith, type CliResult, type RunCliOptions } from './cli-runner.js';

type Run = typeof import('../../src/cli/main.js').run;

/** The built CLI (dist/, which jest's global set-up compiles before the suites), run in this process. */
export interface BuiltCli {
  /** Runs `tlap ARGV…` with dist/cli/main.js's `run`, as bin/tlap.js does, collecting its output. */
  run(argv: readonly string[], options: RunCliOptions): Promise<CliResult>;
}

/**
 * Loads `run` from dist/cli/main.js: the compiled modules, with the worker scripts that only a
 * build has (src/ run under jest has no .js files to start a worker from).
 */
export async function loadBuiltCli(): Promise<BuiltCli> {
  const main = (await import(pathToFileURL(join(PROJECT_ROOT, 'dist', 'cli', 'main.js')).href)) as { run: Run };
  return { run: (argv, options) => runCliWith(main.run, argv, options) };
}
