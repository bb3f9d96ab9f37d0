import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

/**
 * Spreading an array into a call (`list.push(...items)`, `Math.max(...values)`) passes one
 * argument per item, and past about 130,000 items that is "Maximum call stack size exceeded":
 * a 200,000-keyword theme or a folder of 200,000 files crashed that way. In the layers that read
 * input (files, folders, codebooks, the store) these are the only spreads, all of arrays small by
 * construction (a few turns, two candidates, the rows searched for a header);
 * every other list is pushed in a loop.
 */
const INPUT_LAYERS = ['src/adapters', 'src/codebook', 'src/ingest', 'src/source', 'src/store'];

const BOUNDED_SPREADS = new Map<string, number>([
  ['src/adapters/readers/caption-cues.ts', 1],
  ['src/adapters/readers/email-message.ts', 1],
  ['src/adapters/readers/header-row.ts', 1],
  ['src/adapters/readers/speaker-turns.ts', 2],
  ['src/adapters/readers/workbook-sheets.ts', 1],
]);

const ARGUMENT_SPREAD = /\b(?:push|unshift|max|min|fromCharCode|fromCodePoint|concat)\(\.\.\./g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('no call in the input layers takes one argument per item of a list that input can make long', () => {
  test('array spreads into calls are only the known, bounded ones', () => {
    const found = new Map<string, number>();
    for (const path of INPUT_LAYERS.flatMap((layer) => sourceFiles(join(PROJECT_ROOT, layer)))) {
      const count = readFileSync(path, 'utf8').match(ARGUMENT_SPREAD)?.length ?? 0;
      if (count > 0) found.set(relative(PROJECT_ROOT, path), count);
    }
    expect(Object.fromEntries([...found].sort())).toEqual(Object.fromEntries([...BOUNDED_SPREADS].sort()));
  });
});
