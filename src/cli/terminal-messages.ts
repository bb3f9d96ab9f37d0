import { Chalk, type ChalkInstance } from 'chalk';
import { TlapError } from '../errors.js';
import type { CliIo, OutputStream } from './cli-io.js';
import { wordForCli } from './error-wording.js';

/**
 * Whether output on `stream` (stderr unless named) gets colour: only on a terminal, never with
 * NO_COLOR set (non-empty), TERM=dumb or --no-color; FORCE_COLOR (non-zero) turns it on. chalk
 * does not honour NO_COLOR itself.
 */
export function useColour(io: CliIo, colourFlag: boolean, stream: OutputStream = io.stderr): boolean {
  const { env } = io;
  if (!colourFlag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '' && env['FORCE_COLOR'] !== '0') return true;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

/** Writes messages to stderr: errors, warnings, notes and a progress line that only a terminal sees. */
export class TerminalMessages {
  private readonly chalk: ChalkInstance;
  private progressShown = false;

  constructor(
    private readonly io: CliIo,
    options: { colour: boolean; verbose: boolean },
  ) {
    this.chalk = new Chalk({ level: options.colour ? 1 : 0 });
    this.verbose = options.verbose;
  }

  /** Whether stack traces and details are shown. */
  readonly verbose: boolean;

  private write(text: string): void {
    this.clearProgress();
    this.io.stderr.write(`${text}\n`);
  }

  /** A line of information. */
  note(text: string): void {
    this.write(text);
  }

  /** A warning: something lost nothing but deserves a look. */
  warn(text: string): void {
    this.write(`${this.chalk.yellow('warning')}: ${text}`);
  }

  /** An error that ends the command: one line, its hint, and the stack only when verbose. */
  error(error: unknown): void {
    if (error instanceof TlapError) {
      const { message, hint } = wordForCli(error);
      const [first, ...rest] = message.split('\n');
      this.write(`${this.chalk.red('error')}: ${first ?? ''}`);
      for (const line of rest) this.write(`${this.chalk.red('error')}: ${line}`);
      if (hint !== undefined) this.write(`${this.chalk.dim('hint')}: ${hint}`);
      if (this.verbose && error.stack !== undefined) this.write(error.stack);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.write(`${this.chalk.red('error')}: ${message}`);
    if (this.verbose && error instanceof Error && error.stack !== undefined) this.write(error.stack);
    else this.write(`${this.chalk.dim('hint')}: this is a bug in tlap; run again with --verbose and report the stack trace`);
  }

  /** Overwrites the progress line; shown only when stderr is a terminal. */
  progress(text: string): void {
    if (this.io.stderr.isTTY !== true) return;
    this.io.stderr.write(`\r\u001b[2K${this.chalk.dim(text)}`);
    this.progressShown = true;
  }

  /** Removes the progress line, if one is shown. */
  clearProgress(): void {
    if (!this.progressShown) return;
    this.io.stderr.write('\r\u001b[2K');
    this.progressShown = false;
  }

  /** Colours a count that signals trouble when it is not zero. */
  highlight(text: string, bad: boolean): string {
    return bad ? this.chalk.yellow(text) : text;
  }
}
