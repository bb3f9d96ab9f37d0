import type { Codebook } from '../codebook/codebook.js';
import type { ThemedRecord } from '../themes/assign-themes.js';
import { renderCsvHeader, renderCsvRow, type CsvRowOptions } from './csv-rows.js';
import { renderJsonReport } from './json-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import type { ThemeReport } from './theme-report.js';

/** An output format that renders the whole report at once: `(report) => string`. */
export interface DocumentFormat {
  kind: 'document';
  /** The `--format` name. */
  name: string;
  /** One line for `--help`. */
  description: string;
  render(report: ThemeReport): string;
}

/** An output format with one row per record, rendered row by row so it streams. */
export interface RowsFormat {
  kind: 'rows';
  name: string;
  description: string;
  header(codebook: Codebook): string;
  row(themed: ThemedRecord, codebook: Codebook, options: CsvRowOptions): string;
}

/** One of the report formats. */
export type ReportFormat = DocumentFormat | RowsFormat;

/** Every report format, by `--format` name. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  { kind: 'document', name: 'md', description: 'markdown summary for publication', render: renderMarkdownReport },
  { kind: 'document', name: 'json', description: 'the summary as JSON', render: renderJsonReport },
  { kind: 'rows', name: 'csv', description: 'one row per record with its themes, for spreadsheets', header: renderCsvHeader, row: renderCsvRow },
];

/** Finds a report format by name. */
export function findReportFormat(name: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((format) => format.name === name);
}
