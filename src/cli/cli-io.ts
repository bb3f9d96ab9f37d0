import type { Readable, Writable } from 'node:stream';

/** A stream the CLI writes to, with the TTY flag Node sets on terminals. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number };

/** Everything the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIo {
  /** Data: reports, JSON summaries, format lists. */
  stdout: OutputStream;
  /** Messages: summaries, warnings, errors, progress. */
  stderr: OutputStream;
  /** Input for `tlap ingest -`. */
  stdin?: Readable;
  /** The working directory relative paths start from. */
  cwd: string;
  /** Environment variables (NO_COLOR, FORCE_COLOR, TERM). */
  env: Readonly<Record<string, string | undefined>>;
  /** Records themed between two progress lines on a terminal (5,000 unless given). */
  progressEvery?: number;
}
