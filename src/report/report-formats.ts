import type { Codebook } from '../codebook/codebook.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import type { CsvRowOptions } from './csv-rows.js';
import type { ThemeReport } from './theme-report.js';

/** A pure renderer of a whole report. */
export type ReportRenderer = (report: ThemeReport) => string;

/** The pure renderers of a row format: a header, then one row per record. */
export interface RowRenderers {
  header(codebook: Codebook, options: Pick<CsvRowOptions, 'includeSourceIds' | 'groups'>): string;
  row(themed: ThemedRecord, codebook: Codebook, options: CsvRowOptions): string;
}

/** An output format that renders the whole report at once. */
export interface DocumentFormat {
  kind: 'document';
  /** The `--format` name. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Loads the renderer (renderers import their libraries only when used). */
  load(): Promise<ReportRenderer>;
}

/** An output format with one row per record, rendered row by row so it streams. */
export interface RowsFormat {
  kind: 'rows';
  name: string;
  description: string;
  load(): Promise<RowRenderers>;
}

/** One of the report formats. */
export type ReportFormat = DocumentFormat | RowsFormat;

/** Every report format, by `--format` name: the one list the CLI and the themes run use. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    kind: 'document',
    name: 'md',
    description: 'markdown summary for publication',
    load: async () => (await import('./markdown-report.js')).renderMarkdownReport,
  },
  {
    kind: 'document',
    name: 'html',
    description: 'the markdown summary as one self-contained, sanitised HTML page with charts',
    load: async () => {
      const [{ renderMarkdownReport }, { markdownToHtml }, { reportCharts }] = await Promise.all([
        import('./markdown-report.js'),
        import('./markdown-to-html.js'),
        import('./charts/report-charts.js'),
      ]);
      return (report) => markdownToHtml(renderMarkdownReport(report), { title: report.title, figures: reportCharts(report) });
    },
  },
  {
    kind: 'document',
    name: 'json',
    description: 'the summary as JSON',
    load: async () => (await import('./json-report.js')).renderJsonReport,
  },
  {
    kind: 'rows',
    name: 'csv',
    description: 'one row per record with its themes, for spreadsheets',
    load: async () => {
      const { renderCsvHeader, renderCsvRow } = await import('./csv-rows.js');
      return { header: renderCsvHeader, row: renderCsvRow };
    },
  },
];

/** Finds a report format by name. */
export function findReportFormat(name: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((format) => format.name === name);
}
