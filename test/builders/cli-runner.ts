import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import type { OutputStream } from '../../src/cli/cli-io.js';

/** How {@link runCli} runs tlap. */
export interface RunCliOptions {
  /** The working directory. */
  cwd: string;
  /** Standard input, for `tlap ingest -`. */
  stdin?: string | Buffer;
  /** Environment variables (none by default, so the host's NO_COLOR / FORCE_COLOR do not leak in). */
  env?: Record<string, string | undefined>;
  /** Pretend stdout and stderr are terminals. */
  tty?: boolean;
  /** Stdout's reader goes away (EPIPE) after this many bytes, as `tlap … | head -c N` does. */
  stdoutClosesAfter?: number;
  /** Records themed between two progress lines (the CLI's own interval unless given). */
  progressEvery?: number;
}

/** What one CLI run produced. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** An in-memory Writable that collects what is written to it, with an optional isTTY flag. */
function memoryStream(tty: boolean, closesAfter = Infinity): { stream: OutputStream; text: () => string } {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream: OutputStream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (length >= closesAfter) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        return;
      }
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      length += bytes.length;
      callback();
    },
  });
  if (tty) stream.isTTY = true;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs tlap in-process with `run(argv, io)` from src/cli/main.ts and collects its output. */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<CliResult> {
  return runCliWith(run, argv, options);
}

/** Runs tlap in-process with the given `run(argv, io)` (the sources' or a build's) and collects its output. */
export async function runCliWith(runTlap: typeof run, argv: readonly string[], options: RunCliOptions): Promise<CliResult> {
  const stdout = memoryStream(options.tty === true, options.stdoutClosesAfter);
  const stderr = memoryStream(options.tty === true);
  const exitCode = await runTlap(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(options.stdin)]) }),
    cwd: options.cwd,
    env: options.env ?? {},
    ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
  });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}
