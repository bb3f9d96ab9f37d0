import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { describeFsError } from '../source/fs-errors.js';
import { SINGLE_BYTE_ENCODING_NAMES } from '../source/mac-roman.js';
import { decodeTextFile, describeUndecodable, isUndecodable } from '../source/text-file.js';
import type { Codebook } from './codebook.js';
import { sortIssues, type CodebookIssue } from './codebook-issue.js';
import { compileCodebook } from './compile-codebook.js';
import { parseCodebookText } from './parse-codebook.js';
import { validateCodebook } from './validate-codebook.js';

/** A codebook, or the errors that stop it loading; warnings either way. */
export interface CodebookLoad {
  /** The compiled codebook; null when there are errors. */
  codebook: Codebook | null;
  /** Problems that stop the codebook loading, in file order. */
  errors: CodebookIssue[];
  /** Problems worth a look that do not stop it (redundant keywords, a word in two themes). */
  warnings: CodebookIssue[];
}

/**
 * Parses, validates and compiles codebook text (see {@link parseCodebookText},
 * {@link validateCodebook}, {@link compileCodebook}). Never throws for bad input.
 */
export function loadCodebookText(text: string, file: string): CodebookLoad {
  const parsed = parseCodebookText(text, file);
  if (parsed.document === null) return { codebook: null, errors: parsed.issues, warnings: [] };
  const validated = validateCodebook(parsed.document, file);
  if (validated.spec === null) return { codebook: null, errors: validated.issues, warnings: [] };
  const compiled = compileCodebook(validated.spec);
  return { codebook: compiled.codebook, errors: [], warnings: compiled.issues };
}

/**
 * Reads a codebook file and loads it with {@link loadCodebookText}. `displayPath` (default:
 * `diskPath`) is the path as the user gave it, used in issues and as {@link Codebook.file}. A file
 * that cannot be read is one error at 1:1. Never throws for bad input.
 */
export async function loadCodebook(diskPath: string, displayPath: string = diskPath): Promise<CodebookLoad> {
  let bytes: Buffer;
  try {
    bytes = await readFile(diskPath);
  } catch (error) {
    return {
      codebook: null,
      errors: [
        {
          severity: 'error',
          file: displayPath,
          line: 1,
          col: 1,
          message: `cannot read the codebook (${describeFsError(error)})`,
          hint: 'create themes.yaml (see README, "The codebook") or name another codebook file',
          code: 'CODEBOOK_UNREADABLE',
        },
      ],
      warnings: [],
    };
  }
  const decoded = decodeTextFile(bytes);
  if (isUndecodable(decoded)) {
    return {
      codebook: null,
      errors: [
        {
          severity: 'error',
          file: displayPath,
          line: decoded.line,
          col: 1,
          message: `the codebook cannot be read as text: ${describeUndecodable(decoded)}`,
          hint: 'save the codebook as UTF-8 (in Notepad: Save as, Encoding UTF-8)',
          code: 'CODEBOOK_NOT_TEXT',
        },
      ],
      warnings: [],
    };
  }
  const loaded = loadCodebookText(decoded.text, displayPath);
  if (decoded.firstNonUtf8Line === null) return loaded;
  const warning: CodebookIssue = {
    severity: 'warning',
    file: displayPath,
    line: decoded.firstNonUtf8Line,
    col: 1,
    message: `the codebook is not all UTF-8: ${linesReadAs(decoded.nonUtf8Lines)} ${
      decoded.encoding === 'windows-1252' ? 'Windows-1252 (what Notepad calls "ANSI")' : SINGLE_BYTE_ENCODING_NAMES.macintosh
    }, the first of them here`,
    hint: 'save the codebook as UTF-8 so that every editor and tlap read the same words',
  };
  return { ...loaded, warnings: sortIssues([warning, ...loaded.warnings]) };
}

function linesReadAs(count: number): string {
  return count === 1 ? '1 line was read as' : `${count} lines were read as`;
}

/**
 * A codebook file's text, decoded as {@link loadCodebook} decodes it (UTF-8, UTF-16 by its byte
 * order mark, else Windows-1252), for a caller that rewrites the file keeping its layout.
 * A file that cannot be read or decoded is an {@link InputError} naming it.
 */
export async function readCodebookText(diskPath: string, displayPath: string = diskPath): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(diskPath);
  } catch (error) {
    throw new InputError(`cannot read the codebook (${describeFsError(error)})`, { location: { file: displayPath } });
  }
  const decoded = decodeTextFile(bytes);
  if (isUndecodable(decoded)) {
    throw new InputError(`the codebook cannot be read as text: ${describeUndecodable(decoded)}`, {
      location: { file: displayPath, line: decoded.line },
      hint: 'save the codebook as UTF-8',
    });
  }
  return decoded.text;
}
