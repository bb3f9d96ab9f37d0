/**
 * tlap as a library: read feedback exports into records, keep them in a store, load a codebook,
 * match text against it with evidence, and build and render the themed report. The CLI is built
 * on exactly these. This file only re-exports: each name is documented where it is defined.
 *
 * @packageDocumentation
 */

export { TOOL_VERSION } from './tool-version.js';
export { ExitCode } from './exit-codes.js';
export {
  TlapError,
  InputError,
  StoreError,
  CodebookError,
  UnknownNameError,
  SelectionError,
  formatInputLocation,
  type InputLocation,
  type InputErrorCode,
  type NamedOption,
  type TlapErrorOptions,
  type UnknownNameCode,
} from './errors.js';
export { REJECTION_CODES, isRejectionCode, type RejectionCode } from './rejection-code.js';

export { CHANNELS, isChannel, type Channel, type FeedbackRecord, type JsonValue, type Provenance } from './record/record.js';
export { DATE_ORDERS, type DateOrder } from './record/ordered-dates.js';

export type { FilterRule, WarningCode } from './adapters/format-adapter.js';
export { ADAPTERS, adapterNames } from './adapters/registry.js';

export { readStoreRecords, RecordStore, storePaths, type RejectedEntry, type StorePaths } from './store/record-store.js';

export { readExports, ExportReading, type ExportItem, type ReadExportsOptions, type RejectedItem } from './ingest/read-exports.js';
export { ingest, type IngestOptions, type IngestProgress } from './ingest/ingest.js';
export type { FileSummary, IngestSummary, IngestWarning, Rejection } from './ingest/ingest-summary.js';

export { loadCodebook, loadCodebookText, type CodebookLoad } from './codebook/load-codebook.js';
export { formatCodebookIssue, type CodebookIssue } from './codebook/codebook-issue.js';
export type { Codebook, Theme } from './codebook/codebook.js';

export { ThemeMatcher } from './themes/theme-matcher.js';
export { ThemeAssigner } from './themes/assign-themes.js';
export type { CodebookPosition, KeywordHit, ThemeEvidence, VetoedHit } from './themes/match-evidence.js';
export type { ThemedRecord } from './themes/themed-record.js';

export {
  Explainer,
  explanationJsonLine,
  findStoreRecords,
  renderExplanation,
  PLAIN_STYLE,
  type Explanation,
  type ExplanationStyle,
  type FoundRecords,
} from './analysis/explain.js';
export { checkCodebookExamples, describeExampleFailure, type ExampleFailure, type ExampleResults } from './analysis/codebook-examples.js';
export { parseGoldFile, readGoldFile, type GoldEntry, type GoldFile, type GoldProblem } from './stats/gold-file.js';
export { parseGoldJson } from './stats/gold-json.js';
export { compareCoders, type CoderAgreement, type CoderDisagreement, type ThemeAgreement } from './analysis/coder-agreement.js';
export {
  drawCodingSample,
  drawStoreSample,
  renderCodingSheet,
  DEFAULT_SAMPLE_SEED,
  DEFAULT_SAMPLE_SIZE,
  type CodingSample,
  type CodingSampleOptions,
} from './run/coding-sample.js';

export { REPORT_FORMATS, findReportFormat, type ReportFormat } from './report/report-formats.js';
export { createRedactor } from './report/publication-redactor.js';
export { withholdingWords } from './report/withheld-words.js';
export type { TextRedactor } from './report/text-redactor.js';
export type {
  Breakdown,
  BreakdownCell,
  BreakdownDimension,
  CoOccurrence,
  KeyFinding,
  Quote,
  QuoteExclusions,
  ReportSelection,
  ThemeReport,
  ThemeSummary,
  UnthemedTerm,
} from './report/theme-report.js';
export { parseJsonReport, renderReportDiff, type JsonReportView } from './report/report-diff.js';
export { recordSelector, type RecordSelection } from './run/record-selection.js';

export {
  buildThemeReport,
  renderReport,
  themeOutput,
  type RecordSource,
  type ThemeOutputOptions,
  type ThemeOutputSettings,
  type ThemeRunWarning,
} from './run/theme-output.js';
