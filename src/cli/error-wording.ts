import type { WarningCode } from '../adapters/format-adapter.js';
import { TlapError, UnknownNameError } from '../errors.js';
import type { IngestWarning } from '../ingest/ingest-summary.js';

/** What the terminal shows for an error: its message lines and an optional hint. */
export interface ErrorWording {
  message: string;
  hint: string | undefined;
}

/** The flag that sets each option the library names in an {@link UnknownNameError}. */
const FLAG_OF_OPTION: Readonly<Record<UnknownNameError['option'], string>> = {
  format: '--format',
  encoding: '--encoding',
  reportFormat: '--format',
};

/** Hints in the words of the command line, by error code, for errors the library words without flags. */
const FLAG_HINTS: Readonly<Record<string, string>> = {
  NO_INPUT: 'name export files or folders: tlap ingest exports/',
  NO_STORE: 'run tlap ingest first, or name the store with --store DIR',
  STORE_NOT_WRITABLE: 'name a folder you may write to with --store DIR',
  CODEBOOK_UNREADABLE:
    'create themes.yaml (see README, "The codebook"), draft one from the records with tlap gaps --discover > themes.yaml, or name one with --themes FILE',
  UNKNOWN_FORMAT_NAME: 'see tlap formats',
  WORKER_OUT_OF_MEMORY: 'run again with --threads 0 (one thread, no worker memory limit)',
};

/**
 * The message and hint the CLI prints for an error: the library's own words, except where an
 * error code says the fix is a flag, which only the CLI names.
 */
export function wordForCli(error: TlapError): ErrorWording {
  const hint = (error.code === undefined ? undefined : FLAG_HINTS[error.code]) ?? error.hint;
  if (error instanceof UnknownNameError && error.option !== 'reportFormat') {
    const flag = `${FLAG_OF_OPTION[error.option]} ${error.value}`;
    const known = error.known.length === 0 ? '' : ` (known formats: ${error.known.join(', ')})`;
    return { message: `${flag}: no such ${error.option === 'format' ? 'format' : 'encoding'}${known}`, hint };
  }
  return { message: error.message, hint };
}

/** What to do about each warning the library codes, in flags. */
const WARNING_FLAG_HINTS: Readonly<Record<WarningCode, string>> = {
  TITLE_ROWS_SKIPPED: 'use --skip-rows N to choose the header yourself',
  HIDDEN_SHEET_SKIPPED: 'name it with --sheet to read it',
  ENCODING_FALLBACK:
    'every other line was read as UTF-8, as a file pasted together from several programs needs; only if the whole file is in one other encoding, name it with --encoding',
  DATE_ORDER_ASSUMED: 'if they are month first, use --date-order mdy',
  DATE_ORDER_CONTRADICTED: 'choose the order with --date-order dmy, mdy or ymd',
  DOCUMENT_TEXT_SKIPPED: 'if its own text is feedback too (notes with a few comments), add --document-text',
  TRACKED_CHANGES_ACCEPTED: 'if it is a draft sent back with suggested edits, add --reviewed-draft to read its edits instead',
};

/** A warning of an ingest as the CLI prints it: the library's words, then the flag that acts on it. */
export function wordWarningForCli(warning: IngestWarning): string {
  return warning.code === undefined ? warning.message : `${warning.message}; ${WARNING_FLAG_HINTS[warning.code]}`;
}

/** What to do about rejections whose fix is a flag of `tlap ingest`, by reason code. */
const REJECTION_FLAG_HINTS: Readonly<Partial<Record<string, string>>> = {
  NO_TEXT_COLUMN: 'name the column that holds the feedback with --map text=COLUMN',
  UNKNOWN_FORMAT: 'give the format with --format NAME (see tlap formats)',
};

/** The hint the CLI prints under a rejection with this code, or undefined when no flag helps. */
export function rejectionHintForCli(code: string): string | undefined {
  return REJECTION_FLAG_HINTS[code];
}
