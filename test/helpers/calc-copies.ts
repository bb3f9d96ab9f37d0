import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { ReadFileOptions } from '../../src/ingest/read-input-file.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from './read-fixture.js';

/** What a record says, whatever file format it was read from: its provenance and format left out. */
export function recordSays(record: FeedbackRecord): unknown {
  return {
    sourceId: record.sourceId,
    channel: record.channel,
    author: record.author,
    date: record.date,
    text: record.text,
    meta: record.meta,
  };
}

/** The messages of a read's warnings, in order. */
export function warningMessages(result: FileReadResult): string[] {
  return result.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : []));
}

/**
 * Checks that a copy of the xlsx fixture case `name` (fixtures/adapters/xlsx/<name>) saved in
 * another format, at `copyPath`, is read as that format and gives what the xlsx gives: the same
 * error, records (as {@link recordSays}), counts and warnings, both read with `options`.
 */
export async function expectReadAsItsXlsxCase(
  copyPath: string,
  name: string,
  format: string,
  options: Partial<ReadFileOptions> = {},
): Promise<FileReadResult> {
  const fromCopy = await readFileItems(copyPath, { displayPath: 'table', ...options });
  const fromXlsx = await readFileItems(join(PROJECT_ROOT, 'fixtures/adapters/xlsx', name, 'input.xlsx'), {
    displayPath: 'table',
    ...options,
  });
  expect(fromCopy.format).toBe(format);
  expect(fromCopy.error).toBe(fromXlsx.error);
  expect(recordsOf(fromCopy).map(recordSays)).toEqual(recordsOf(fromXlsx).map(recordSays));
  expect(countItems(fromCopy)).toEqual(countItems(fromXlsx));
  expect(warningMessages(fromCopy)).toEqual(warningMessages(fromXlsx));
  return fromCopy;
}
