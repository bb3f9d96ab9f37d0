import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** A command-line flag such as `--format` (not an HTML comment's `-->` nor a `---` rule). */
const FLAG = /(?<![-\w<!])--[a-z][a-z-]*/;

/** A flag given to V8 itself (`v8.setFlagsFromString`), which is no message and no flag of tlap's. */
const V8_FLAG = /\bsetFlagsFromString\(/;

function libraryFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return relative(SRC, path) === 'cli' ? [] : libraryFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The code of a file without its comments (TSDoc may speak of the CLI; messages may not). */
function withoutComments(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => line.replace(/^\s*\/\/.*$/, ''));
}

describe('the library never words a message as a command-line flag', () => {
  test('no string outside src/cli names a flag (the CLI maps error and warning codes to flags)', () => {
    const offending = libraryFiles(SRC).flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8')).flatMap((line, index) =>
        /['"`]/.test(line) && FLAG.test(line) && !V8_FLAG.test(line) ? [`${relative(SRC, file)}:${index + 1}: ${line.trim()}`] : [],
      ),
    );
    expect(offending).toEqual([]);
  });
});
