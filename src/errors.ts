import { ExitCode } from './exit-codes.js';

/**
 * An error tlap expects and knows how to explain: printed as one line (plus an optional hint),
 * with the stack trace only under `--verbose`. Anything else is a bug and is shown in full.
 */
export class TlapError extends Error {
  /** The exit code the CLI returns when this error ends a command. */
  readonly exitCode: ExitCode;
  /** One sentence telling the user how to fix the problem, printed after the message. */
  readonly hint: string | undefined;
  /** A stable upper-case code for the problem (`BINARY_FILE`, `UNKNOWN_FORMAT`…), where one applies. */
  readonly code: string | undefined;

  constructor(message: string, options: { exitCode?: ExitCode; hint?: string; cause?: unknown; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? ExitCode.CouldNotRun;
    this.hint = options.hint;
    this.code = options.code;
  }
}

/** The command line was wrong: an unknown flag, a missing argument, a bad flag value. */
export class UsageError extends TlapError {}

/** An input file could not be read or understood as a whole (named in the message). */
export class InputError extends TlapError {}

/** The store could not be opened, locked or written. */
export class StoreError extends TlapError {}

/** The codebook (themes.yaml) has problems; the message lists every one of them. */
export class CodebookError extends TlapError {}

/** A `--check` found that the file on disk is not what would be written. */
export class StaleOutputError extends TlapError {
  constructor(message: string, hint?: string) {
    super(message, hint === undefined ? { exitCode: ExitCode.Findings } : { exitCode: ExitCode.Findings, hint });
  }
}
