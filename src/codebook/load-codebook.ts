import { readFile } from 'node:fs/promises';
import { describeFsError } from '../source/fs-errors.js';
import type { Codebook } from './codebook.js';
import type { CodebookIssue } from './codebook-issue.js';
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
  let text: string;
  try {
    text = await readFile(diskPath, 'utf8');
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
  return loadCodebookText(text, displayPath);
}
