import type { Codebook } from '../codebook/codebook.js';
import { StoreError, UnknownNameError } from '../errors.js';
import type { FeedbackRecord } from '../record/record.js';
import { readStoreRecords } from '../store/record-store.js';
import { ThemeReportBuilder } from '../report/build-theme-report.js';
import { findReportFormat, REPORT_FORMATS } from '../report/report-formats.js';
import type { TextRedactor } from '../report/text-redactor.js';
import type { ThemeReport } from '../report/theme-report.js';
import { TOOL_VERSION } from '../tool-version.js';
import { ThemeAssigner } from '../themes/assign-themes.js';

/** What `tlap themes` needs. */
export interface ThemeOutputOptions {
  /** The store folder. */
  storeDir: string;
  /** The loaded codebook. */
  codebook: Codebook;
  /** Output format name (md, json, csv). */
  format: string;
  /** Show authors with quotes and in the CSV. */
  includeAuthors: boolean;
  /** Show the export's own ids (`source_id`): for the analyst only, the output is then not fit to publish. */
  includeSourceIds?: boolean;
  /** Redacts personal data from published text. */
  redact: TextRedactor;
  /** Called after each record, for progress. */
  onRecord?: (count: number) => void;
}

/** The themes over a store as a report (for md/json), built in one streaming pass. */
export async function buildThemeReport(options: ThemeOutputOptions): Promise<ThemeReport> {
  const assigner = new ThemeAssigner(options.codebook);
  const builder = new ThemeReportBuilder(options.codebook, {
    redact: options.redact,
    includeAuthors: options.includeAuthors,
    includeSourceIds: options.includeSourceIds === true,
    toolVersion: TOOL_VERSION,
  });
  let count = 0;
  for await (const record of storeRecordsOrFail(options.storeDir)) {
    builder.add(assigner.assign(record));
    count += 1;
    options.onRecord?.(count);
  }
  return builder.finish();
}

/**
 * The output of `tlap themes` in the chosen format, as chunks of text: one chunk for a document
 * format, one per record (after the header) for a row format. Nothing is written here.
 */
export async function* themeOutput(options: ThemeOutputOptions): AsyncIterable<string> {
  const format = findReportFormat(options.format);
  if (format === undefined) {
    const known = REPORT_FORMATS.map((entry) => entry.name);
    throw new UnknownNameError(
      'reportFormat',
      options.format,
      known,
      `unknown report format "${options.format}"`,
      `use one of: ${known.join(', ')}`,
    );
  }
  if (format.kind === 'document') {
    const render = await format.load();
    yield render(await buildThemeReport(options));
    return;
  }
  const renderers = await format.load();
  const assigner = new ThemeAssigner(options.codebook);
  const rowOptions = {
    redact: options.redact,
    includeAuthors: options.includeAuthors,
    includeSourceIds: options.includeSourceIds === true,
  };
  let count = 0;
  for await (const record of storeRecordsOrFail(options.storeDir)) {
    if (count === 0) yield renderers.header(options.codebook, rowOptions);
    yield renderers.row(assigner.assign(record), options.codebook, rowOptions);
    count += 1;
    options.onRecord?.(count);
  }
}

/**
 * The store's records; throws a StoreError (`EMPTY_STORE`, exit 2) before yielding anything when
 * the store holds none, so an empty store never becomes a published report of zeros.
 */
export async function* storeRecordsOrFail(storeDir: string): AsyncIterable<FeedbackRecord> {
  let any = false;
  for await (const record of readStoreRecords(storeDir)) {
    any = true;
    yield record;
  }
  if (!any) throw new StoreError(`${storeDir}: the store holds no records, so there is nothing to report`, { code: 'EMPTY_STORE' });
}
