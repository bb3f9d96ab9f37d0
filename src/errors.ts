import { ExitCode } from './exit-codes.js';
import type { RejectionCode } from './rejection-code.js';

/** What every {@link TlapError} may carry besides its message. */
export interface TlapErrorOptions {
  /** The exit code the CLI returns; {@link ExitCode.CouldNotRun} unless given. */
  exitCode?: ExitCode;
  /** How to fix the problem, in words that name no command-line flag. */
  hint?: string;
  /** The error this one wraps. */
  cause?: unknown;
  /** A stable upper-case code for the problem. */
  code?: string;
}

/**
 * An error tlap expects and knows how to explain: printed as one line (plus an optional hint),
 * with the stack trace only under `--verbose`. Anything else is a bug and is shown in full.
 * The library never words a message or hint as a command-line flag: the CLI adds flag hints from
 * the {@link TlapError.code} and the structured fields of each subclass.
 */
export class TlapError extends Error {
  /** The exit code the CLI returns when this error ends a command. */
  readonly exitCode: ExitCode;
  /** One sentence telling the user how to fix the problem, printed after the message. */
  readonly hint: string | undefined;
  /** A stable upper-case code for the problem (`BINARY_FILE`, `UNKNOWN_FORMAT`…), where one applies. */
  readonly code: string | undefined;

  constructor(message: string, options: TlapErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? ExitCode.CouldNotRun;
    this.hint = options.hint;
    this.code = options.code;
  }
}

/** The command line was wrong: an unknown flag, a missing argument, a bad flag value. Only the CLI throws it. */
export class UsageError extends TlapError {}

/** The records a run was asked to report on are described wrongly (a bad date or glob) or are none. */
export class SelectionError extends TlapError {}

/** The library options that name something from a list: an input format, a text encoding, a report format. */
export type NamedOption = 'format' | 'encoding' | 'reportFormat';

/** The code of an {@link UnknownNameError}, one per {@link NamedOption}. */
export type UnknownNameCode = 'UNKNOWN_FORMAT_NAME' | 'UNKNOWN_ENCODING' | 'UNKNOWN_REPORT_FORMAT';

const UNKNOWN_NAME_CODES: Readonly<Record<NamedOption, UnknownNameCode>> = {
  format: 'UNKNOWN_FORMAT_NAME',
  encoding: 'UNKNOWN_ENCODING',
  reportFormat: 'UNKNOWN_REPORT_FORMAT',
};

/** An option named something tlap does not know: a format, an encoding or a report format. */
export class UnknownNameError extends TlapError {
  declare readonly code: UnknownNameCode;
  /** Which option held the name. */
  readonly option: NamedOption;
  /** The name as given. */
  readonly value: string;
  /** The names the option accepts (empty when there are too many to list, as for encodings). */
  readonly known: readonly string[];

  constructor(option: NamedOption, value: string, known: readonly string[], message: string, hint?: string) {
    super(message, { code: UNKNOWN_NAME_CODES[option], ...(hint === undefined ? {} : { hint }) });
    this.option = option;
    this.value = value;
    this.known = known;
  }
}

/** Where in an input a problem is: the file as the user named it, and the 1-based line and column when known. */
export interface InputLocation {
  file: string;
  line?: number;
  col?: number;
  /** A part of the file that has no line, such as a workbook's sheet (`sheet "Responses"`). */
  part?: string;
}

/** `file`, `file:line`, `file:line:col`, each followed by `: part` when there is a part. */
export function formatInputLocation(location: InputLocation): string {
  const line = location.line === undefined ? '' : `:${location.line}${location.col === undefined ? '' : `:${location.col}`}`;
  return `${location.file}${line}${location.part === undefined ? '' : `: ${location.part}`}`;
}

/**
 * The code of an {@link InputError}: a reason to reject the file, an input that is not there at
 * all, or a code of the reader that threw it (a gold file's `GOLD_NOT_CSV`…).
 */
export type InputErrorCode = RejectionCode | 'NO_SUCH_FILE' | 'NO_INPUT' | 'NO_STDIN' | (string & {});

/**
 * An input file could not be read or understood as a whole. Its {@link InputError.location} says
 * where; {@link InputError.reason} says what, without the location; `message` joins the two.
 */
export class InputError extends TlapError {
  declare readonly code: InputErrorCode | undefined;
  /** Where the problem is, when it is in a file. */
  readonly location: InputLocation | undefined;
  /** What is wrong, without the location. */
  readonly reason: string;

  constructor(reason: string, options: Omit<TlapErrorOptions, 'code'> & { location?: InputLocation; code?: InputErrorCode } = {}) {
    const { location, ...rest } = options;
    super(location === undefined ? reason : `${formatInputLocation(location)}: ${reason}`, rest);
    this.location = location;
    this.reason = reason;
  }
}

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
