import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileReadResult } from './read-fixture.js';
import { PROJECT_ROOT } from './read-fixture.js';

/** The input file of one fixture case, as text. */
export function fixtureInput(format: string, caseName: string, inputName = 'input.xml'): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures', 'adapters', format, caseName, inputName), 'utf8');
}

/** The path of one fixture case's input file. */
export function fixtureInputPath(format: string, caseName: string, inputName = 'input.xml'): string {
  return join(PROJECT_ROOT, 'fixtures', 'adapters', format, caseName, inputName);
}

/** How many items were accounted for: records, filtered and rejected (warnings are not items). */
export function accountedItems(result: FileReadResult): number {
  return result.items.filter((item) => item.kind !== 'warning').length;
}

/** How many times a pattern occurs in a text. */
export function occurrences(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))].length;
}
