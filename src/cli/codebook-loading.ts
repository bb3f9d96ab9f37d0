import { resolve } from 'node:path';
import type { Codebook } from '../codebook/codebook.js';
import { formatCodebookIssue } from '../codebook/codebook-issue.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import { CodebookError } from '../errors.js';
import type { CliIo } from './cli-io.js';
import type { TerminalMessages } from './terminal-messages.js';

/**
 * Loads the codebook named by `--themes`: warnings go to stderr as `warning: themes.yaml:L:C: …`,
 * errors end the command as one CodebookError (exit 2) listing every one. A file that cannot be
 * read is said alone (its hint, by its code, is worded with the flags in error-wording.ts), as is
 * one whose bytes are no text, with the library's hint to save it as UTF-8.
 */
export async function loadCodebookForCli(io: CliIo, messages: TerminalMessages, themesFlag: string): Promise<Codebook> {
  const load = await loadCodebook(resolve(io.cwd, themesFlag), themesFlag);
  const unreadable = load.errors.find((issue) => issue.code === 'CODEBOOK_UNREADABLE');
  if (unreadable !== undefined) {
    throw new CodebookError(`${themesFlag}: ${unreadable.message}`, { code: 'CODEBOOK_UNREADABLE' });
  }
  const notText = load.errors.find((issue) => issue.code === 'CODEBOOK_NOT_TEXT');
  if (notText !== undefined) {
    throw new CodebookError(`${themesFlag}:${notText.line}: ${notText.message}`, { hint: notText.hint, code: 'CODEBOOK_NOT_TEXT' });
  }
  if (load.codebook === null || load.errors.length > 0) {
    throw new CodebookError(load.errors.map(formatCodebookIssue).join('\n'), {
      hint: `fix ${load.errors.length === 1 ? 'this problem' : `these ${load.errors.length} problems`} in ${themesFlag}`,
    });
  }
  for (const warning of load.warnings) messages.warn(formatCodebookIssue(warning));
  return load.codebook;
}
