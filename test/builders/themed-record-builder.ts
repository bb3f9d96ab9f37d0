import type { Codebook } from '../../src/codebook/codebook.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import type { ThemedRecord } from '../../src/themes/themed-record.js';
import { makeRecord, type RecordOverrides } from './record-builder.js';

/** A record (see makeRecord) themed by the real ThemeAssigner against `codebook`, with its real evidence. */
export function makeThemedRecord(codebook: Codebook, overrides: RecordOverrides = {}): ThemedRecord {
  return new ThemeAssigner(codebook).assign(makeRecord(overrides));
}
