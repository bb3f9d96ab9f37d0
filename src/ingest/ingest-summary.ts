import type { WarningCode } from '../adapters/format-adapter.js';
import type { Provenance } from '../record/record.js';
import type { RejectionCode } from '../rejection-code.js';

/** One rejected item or file, as the summary lists it. */
export interface Rejection {
  code: RejectionCode;
  message: string;
  provenance: Provenance;
  /** What to do about it, when the reader said (a file refused as a whole: save it again without a password…). */
  hint?: string;
}

/** A warning of an ingest: where (`file:line: `) and what, and a code when an option would act on it. */
export interface IngestWarning {
  message: string;
  code?: WarningCode;
}

/** What happened to one input file. */
export interface FileSummary {
  /** The file as given (or found in a folder). */
  file: string;
  /** The format it was read as, or null when it could not be read at all. */
  format: string | null;
  read: number;
  added: number;
  duplicates: number;
  filtered: number;
  rejected: number;
  /**
   * Stored records this file's copies changed, counted among its `duplicates` (see
   * {@link IngestSummary.updated}); known once the store is written, 0 until then.
   */
  updated: number;
}

/**
 * The account of one ingest. Every item read is exactly one of added, duplicate, filtered or
 * rejected: `read === added + duplicates + filtered + rejected` always holds.
 */
export interface IngestSummary {
  /** Input files read (including ones that failed as a whole). */
  files: number;
  /** Items read: records, filtered and rejected items, plus one per file that could not be read. */
  read: number;
  /** New records appended to the store. */
  added: number;
  /** Records already in the store (or seen earlier in this run), not appended again. */
  duplicates: number;
  /** Items deliberately not stored, by a documented rule. */
  filtered: number;
  /**
   * Stored records changed by another copy of them read in this run, rewritten in their place
   * (counted among `duplicates` too): a platform's post read with other words (edited since), whose
   * words edited last (by `meta.editedAt`), else read last, the record takes; a copy from a file earlier in name order, which the record
   * becomes; or one that gives an answer its hashtag-panel question.
   */
  updated: number;
  /** Items (or whole files) that could not be read; listed in the store's rejected.jsonl. */
  rejected: number;
  /** Filtered counts by rule. */
  filteredByRule: Record<string, number>;
  /** Rejected counts by reason code. */
  rejectedByCode: Partial<Record<RejectionCode, number>>;
  /** The first rejections, for the terminal (all of them are in rejected.jsonl). */
  rejections: Rejection[];
  /** Files in ingested folders that no format recognised: listed, not read. */
  skipped: string[];
  /** Files in ingested folders named README, LICENSE, CHANGELOG, SOURCES…: documentation beside the exports, listed, not read. */
  notFeedback: string[];
  /** Things the analyst should know that lost nothing (encoding fallbacks, repaired store lines). */
  warnings: IngestWarning[];
  /** Per-file counts, in the order read. */
  perFile: FileSummary[];
  /** True when `--strict` stopped the run at the first rejection. */
  stoppedEarly: boolean;
}

/** An empty summary. */
export function emptySummary(): IngestSummary {
  return {
    files: 0,
    read: 0,
    added: 0,
    duplicates: 0,
    filtered: 0,
    updated: 0,
    rejected: 0,
    filteredByRule: {},
    rejectedByCode: {},
    rejections: [],
    skipped: [],
    notFeedback: [],
    warnings: [],
    perFile: [],
    stoppedEarly: false,
  };
}
