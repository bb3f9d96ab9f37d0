import type { FeedbackRecord } from '../record/record.js';
import type { ThemeEvidence } from './match-evidence.js';

/** A record with the themes it belongs to and the evidence for every theme of the codebook. */
export interface ThemedRecord {
  record: FeedbackRecord;
  /** Theme ids; in codebook order (with `assign: single`, at most one); empty when the record is unthemed. */
  themeIds: string[];
  /** One entry per codebook theme, in codebook order: its hits and vetoed hits in this record. */
  evidence: ThemeEvidence[];
}
