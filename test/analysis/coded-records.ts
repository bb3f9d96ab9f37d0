import type { Codebook } from '../../src/codebook/codebook.js';
import { codedRecordOf, type CodedRecord } from '../../src/analysis/coded-record.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import { makeRecord, type RecordOverrides } from '../builders/record-builder.js';

/** Records (see makeRecord) coded by the real matcher against `codebook`, as the analysis commands read them. */
export function codeRecords(codebook: Codebook, records: readonly RecordOverrides[]): CodedRecord[] {
  const assigner = new ThemeAssigner(codebook);
  return records.map((overrides) => codedRecordOf(assigner.assign(makeRecord(overrides))));
}
