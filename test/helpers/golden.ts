import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from '@jest/globals';

/** True when the run was started with `npm run test:update`, which rewrites golden files. */
export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

/**
 * Compares `actual` with the golden file at `path`. Under `npm run test:update` the file is
 * (re)written instead; otherwise a missing golden file fails the test, so goldens change only on purpose.
 */
export function expectGolden(path: string, actual: string): void {
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${path} is missing; create it with npm run test:update and review it`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/**
 * Checks that a generated fixture input on disk is exactly `bytes` (what its builder makes now).
 * Under `npm run test:update` the file is (re)written instead of compared.
 */
export function expectGoldenBytes(path: string, bytes: Buffer): void {
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  expect(existsSync(path)).toBe(true);
  expect(readFileSync(path).equals(bytes)).toBe(true);
}
