import type { Codebook } from '../codebook/codebook.js';
import { readFile } from 'node:fs/promises';
import { InputError, SelectionError, StoreError, UnknownNameError } from '../errors.js';
import type { FeedbackRecord } from '../record/record.js';
import { parseRecordLine, readStoreLineBatches, readStoreRecords, storePaths } from '../store/record-store.js';
import { ThemeReportBuilder } from '../report/build-theme-report.js';
import { disclosureRuleOf } from '../report/disclosure-control.js';
import { keyFindings } from '../report/key-findings.js';
import { renderJsonReport } from '../report/json-report.js';
import { parseJsonReport, themeChanges } from '../report/report-diff.js';
import { findReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/report-formats.js';
import { createRedactor } from '../report/publication-redactor.js';
import { withholdingWords } from '../report/withheld-words.js';
import { publishedSourceGlob } from '../report/published-file-names.js';
import { preloadPersonNames } from '../privacy/person-names.js';
import type { TextRedactor } from '../report/text-redactor.js';
import { NO_ANSWER_KEY, type ThemeReport } from '../report/theme-report.js';
import { RespondentGroupReader } from '../report/respondent-group-reader.js';
import { VoiceTally } from '../report/voice-tally.js';
import { WordNumbering } from '../stats/numbered-terms.js';
import { normaliseText } from '../text/normalise.js';
import { TOOL_VERSION } from '../tool-version.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import { addStoreInParallel, themedStoreRecordsInParallel } from './themed-store-records.js';
import { chooseThemeWorkers, WorkerLink, type ThemeWorkers } from './theme-workers.js';

/** A themed record with its words' numbers in text order, when they were asked for. */
interface ThemedWords {
  themed: ThemedRecord;
  wordIds: Int32Array | null;
  /** The record's line in the store, when read from one on this thread. */
  line?: number;
}
import { recordSelector, selectsEverything, type RecordSelection } from './record-selection.js';
import { grownArray } from '../grown-array.js';
import { PublicationConsentReader } from '../privacy/publication-consent.js';

/** Where a theme run takes its records: a store folder, or any async iterable of records. */
export type RecordSource = { storeDir: string; records?: never } | { records: AsyncIterable<FeedbackRecord>; storeDir?: never };

/** How to theme and report, whatever the records come from. */
export interface ThemeOutputSettings {
  /** The loaded codebook. */
  codebook: Codebook;
  /** Output format name, one of {@link REPORT_FORMATS} (md, html, json, csv); default md. */
  format?: string;
  /** Show authors with quotes and in the CSV (default false: reports are published). */
  includeAuthors?: boolean;
  /** Show the export's own ids (`source_id`): for the analyst only, the output is then not fit to publish. */
  includeSourceIds?: boolean;
  /** Redacts personal data from published text (default: as the codebook's `redact:` says). */
  redact?: TextRedactor;
  /** Report on these records only; the report says which. */
  selection?: RecordSelection;
  /**
   * Break themes down by respondent group: text (any case) of the closed question whose answers
   * are the groups, in place of the codebook's `report.groups`; the report says it was set for this
   * run. Left out, the codebook's setting holds.
   */
  groups?: string;
  /** An earlier JSON report (its path): the report then says what changed since. */
  earlierReport?: string;
  /**
   * Keep each theme's record ids in the report's trace (what `tlap diff` compares; only the JSON
   * report prints them). They grow with the store, so by default they are kept only for the json
   * format or with an earlier report.
   */
  traceRecordIds?: boolean;
  /** Called with each warning about the run (nothing is printed here); the report is written all the same. */
  onWarning?: (warning: ThemeRunWarning) => void;
  /** Called after each record, for progress. */
  onRecord?: (count: number) => void;
  /**
   * Worker threads that read and match a store's records while this thread builds the report from
   * what they find: 0 for none; by default one per core but one (one on two cores, up to three,
   * none on one core) for stores of 16 MiB or more. The report is the same either way.
   */
  threads?: number;
  /**
   * Worker threads already started for the store ({@link ThemeWorkers.start}, before the codebook
   * was loaded, so that they start meanwhile): used instead of starting `threads` of them, and
   * closed by the run.
   */
  workers?: ThemeWorkers;
}

/**
 * A warning of a theme run: `QUOTE_EXCLUDE_UNMATCHED` when entries of the codebook's
 * `quotes: exclude:` name no record reported on (`ids` lists them, for the analyst's eyes only).
 */
export interface ThemeRunWarning {
  /**
   * `QUOTE_EXCLUDE_UNMATCHED`: `quotes.exclude` entries that name no record (`ids`);
   * `GROUPS_QUESTION_UNMATCHED`: no record answers a question holding `report.groups` or the run's {@link ThemeOutputSettings.groups} (no group breakdown);
   * `GROUPS_QUESTION_AMBIGUOUS`: several questions hold it (`ids`: the questions; each record is grouped by the first it answers).
   */
  code: 'QUOTE_EXCLUDE_UNMATCHED' | 'GROUPS_QUESTION_UNMATCHED' | 'GROUPS_QUESTION_AMBIGUOUS';
  message: string;
  ids: string[];
}

/** What `tlap themes` needs: the records (a store folder or an iterable) and how to report them. */
export type ThemeOutputOptions = RecordSource & ThemeOutputSettings;

/** The report format of this name; an UnknownNameError listing the names when there is none. */
function reportFormatNamed(name: string): ReportFormat {
  const format = findReportFormat(name);
  if (format !== undefined) return format;
  const known = REPORT_FORMATS.map((entry) => entry.name);
  throw new UnknownNameError('reportFormat', name, known, `unknown report format "${name}"`, `use one of: ${known.join(', ')}`);
}

/**
 * Renders a built report in a document format (md, html, json) by name. A row format (csv) has
 * one row per record, so it comes from {@link themeOutput}, not from a report.
 */
export async function renderReport(report: ThemeReport, formatName: string): Promise<string> {
  const format = reportFormatNamed(formatName);
  if (format.kind !== 'document') {
    const documents = REPORT_FORMATS.filter((entry) => entry.kind === 'document').map((entry) => entry.name);
    throw new UnknownNameError(
      'reportFormat',
      formatName,
      documents,
      `${formatName} has one row per record, so it is rendered from records (themeOutput), not from a report`,
      `render a report as one of: ${documents.join(', ')}`,
    );
  }
  const render = await format.load();
  return render(report);
}

/** The records of a run: the iterable given, or the store's records (a StoreError when it holds none). */
function recordsOf(source: RecordSource): AsyncIterable<FeedbackRecord> {
  return source.records ?? storeRecordsOrFail(source.storeDir);
}

/** {@link recordsOf}, each with its line in the store when read from one. */
async function* numberedRecordsOf(source: RecordSource): AsyncIterable<{ record: FeedbackRecord; line?: number }> {
  if (source.records !== undefined) {
    for await (const record of source.records) yield { record };
    return;
  }
  const file = storePaths(source.storeDir).records;
  let any = false;
  for await (const batch of readStoreLineBatches(source.storeDir)) {
    for (const { text, line } of batch) {
      any = true;
      yield { record: parseRecordLine(text, file, line), line };
    }
  }
  if (!any) throw emptyStoreError(source.storeDir);
}

/** The records that the selection keeps, counting those left out. */
async function* selectedRecords(
  options: ThemeOutputOptions,
  counts: { store: number; undated: number; out: number },
): AsyncIterable<FeedbackRecord> {
  const selection = options.selection ?? {};
  const select = selectsEverything(selection) ? null : recordSelector(selection);
  for await (const record of recordsOf(options)) {
    counts.store += 1;
    const verdict = select === null ? 'in' : select(record);
    if (verdict === 'in') yield record;
    else if (verdict === 'undated') counts.undated += 1;
    else counts.out += 1;
  }
}

/**
 * The records the selection keeps, with their themes, counting those left out. A store's records
 * are matched on worker threads when it is large enough (the selection is then applied after
 * matching, on this thread, so the result is the same).
 */
async function* selectedThemedRecords(
  options: ThemeOutputOptions,
  counts: { store: number; undated: number; out: number },
): AsyncIterable<ThemedRecord> {
  for await (const { themed } of selectedThemedWords(options, counts, null)) yield themed;
}

/**
 * The worker threads a run on a store reads with: those started for it ({@link ThemeOutputSettings.workers}),
 * else as many as {@link chooseThemeWorkers} says, started now. None for records given as an iterable.
 */
async function themeWorkerLinks(options: ThemeOutputOptions): Promise<WorkerLink[]> {
  if (options.records !== undefined) return [];
  if (options.workers !== undefined) return options.workers.take();
  const count = await chooseThemeWorkers(options.storeDir, options.threads);
  return Array.from({ length: count }, () => new WorkerLink());
}

/**
 * {@link selectedThemedRecords}, each with its words numbered by `builder` (when given) from the
 * tokens it was matched on, when matched on this thread (a report from a store read on worker
 * threads goes through {@link addStoreInParallel} instead).
 */
async function* selectedThemedWords(
  options: ThemeOutputOptions,
  counts: { store: number; undated: number; out: number },
  builder: ThemeReportBuilder | null,
  pool: readonly WorkerLink[] | null = null,
): AsyncIterable<ThemedWords> {
  const selection = options.selection ?? {};
  const select = selectsEverything(selection) ? null : recordSelector(selection);
  const keep = (record: FeedbackRecord): boolean => {
    counts.store += 1;
    const verdict = select === null ? 'in' : select(record);
    if (verdict === 'undated') counts.undated += 1;
    else if (verdict !== 'in') counts.out += 1;
    return verdict === 'in';
  };
  const workers = pool ?? (await themeWorkerLinks(options));
  const numberWord = builder === null ? null : (word: string, stem: string): number => builder.numberWord(word, stem);
  if (options.records !== undefined || workers.length === 0) {
    const assigner = new ThemeAssigner(options.codebook);
    for await (const { record, line } of numberedRecordsOf(options)) {
      if (!keep(record)) continue;
      if (numberWord === null) yield { themed: assigner.assign(record), wordIds: null };
      else yield { ...assigner.assignNumbered(record, numberWord), ...(line === undefined ? {} : { line }) };
    }
    return;
  }
  let any = false;
  for await (const themed of themedStoreRecordsInParallel(options.storeDir, options.codebook, workers)) {
    any = true;
    if (keep(themed.record)) yield { themed, wordIds: null };
  }
  if (!any) throw emptyStoreError(options.storeDir);
}

function emptyStoreError(storeDir: string): StoreError {
  return new StoreError(`${storeDir}: the store holds no records, so there is nothing to report`, { code: 'EMPTY_STORE' });
}

function emptySelection(): SelectionError {
  return new SelectionError('the selection holds no record: no record in the store is in it', { code: 'EMPTY_SELECTION' });
}

/**
 * The themes over the records (or the selected part of them) as a report, built in one streaming
 * pass; from a store, a second read finds quotes for the words standing out in the unthemed
 * records (records given as an iterable are read once, so those words then come without quotes).
 * With a selection that keeps no record, a usage error (`EMPTY_SELECTION`).
 */
export async function buildThemeReport(given: ThemeOutputOptions): Promise<ThemeReport> {
  const options = withRunSettings(given);
  const traceRecordIds = options.traceRecordIds ?? ((options.format ?? 'md') === 'json' || options.earlierReport !== undefined);
  const builder = new ThemeReportBuilder(options.codebook, {
    redact: options.redact ?? createRedactor(options.codebook),
    includeAuthors: options.includeAuthors === true,
    includeSourceIds: options.includeSourceIds === true,
    toolVersion: TOOL_VERSION,
    disclosure: disclosureRuleOf(options.codebook.publish),
    traceRecordIds,
  });
  const counts = { store: 0, undated: 0, out: 0 };
  let count = 0;
  const selection = options.selection ?? {};
  const selecting = !selectsEverything(selection);
  // A bad date is a usage error here, before any worker starts, not an error inside one.
  if (selecting) recordSelector(selection);
  const workers = await themeWorkerLinks(options);
  if (options.records === undefined) {
    const any = await addStoreInParallel(options.storeDir, options.codebook, workers, builder, {
      selection,
      traceRecordIds,
      counts,
      onRecord: (added) => {
        count = added;
        options.onRecord?.(added);
      },
      ...(options.redact === undefined && options.codebook.redaction.kinds.has('name') ? { warmUp: preloadPersonNames } : {}),
    });
    if (!any) throw emptyStoreError(options.storeDir);
  } else {
    for await (const { themed, wordIds, line } of selectedThemedWords(options, counts, builder, [])) {
      if (wordIds === null) builder.add(themed);
      else builder.add(themed, wordIds, line);
      count += 1;
      options.onRecord?.(count);
    }
  }
  if (selecting && count === 0) throw emptySelection();
  let report = builder.finish();
  const unmatched = [...new Set(builder.unmatchedQuoteExclusions())];
  if (unmatched.length > 0) {
    options.onWarning?.({
      code: 'QUOTE_EXCLUDE_UNMATCHED',
      message: `${options.codebook.file}: quotes.exclude: ${unmatched.length === 1 ? '1 entry names' : `${unmatched.length} entries name`} no record reported on, so nothing was excluded for ${unmatched.length === 1 ? 'it' : 'them'}: ${unmatched.join(', ')}`,
      ids: unmatched,
    });
  }
  const groupWarning = groupsWarning(options.codebook, builder.groupQuestions(), given.groups !== undefined);
  if (groupWarning !== null) options.onWarning?.(groupWarning);
  if (given.groups !== undefined && report.groups !== null) {
    report = { ...report, groups: { ...report.groups, from: 'run', replaced: given.codebook.report.groups } };
  }
  if (selecting) {
    report = {
      ...report,
      selection: {
        since: selection.since ?? null,
        until: selection.until ?? null,
        channels: [...(selection.channels ?? [])],
        source: selection.source === undefined ? null : publishedSourceGlob(selection.source),
        question: selection.question ?? null,
        storeRecords: counts.store,
        undatedLeftOut: counts.undated,
        leftOut: counts.undated + counts.out,
      },
    };
  }
  if (options.earlierReport !== undefined) {
    const file = options.earlierReport;
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new InputError(`cannot read the earlier report ${file}: ${(error as Error).message}`, { cause: error });
    });
    const earlier = parseJsonReport(text, file);
    const now = parseJsonReport(renderJsonReport(report), 'this report');
    report = { ...report, changes: themeChanges(earlier, now) };
  }
  return { ...report, keyFindings: keyFindings(report) };
}

/**
 * The settings given for this run applied to the codebook it reads with (the workers are sent the
 * same): {@link ThemeOutputSettings.groups} in place of `report.groups`.
 */
function withRunSettings(options: ThemeOutputOptions): ThemeOutputOptions {
  if (options.groups === undefined) return options;
  return { ...options, codebook: { ...options.codebook, report: { ...options.codebook.report, groups: options.groups } } };
}

/**
 * The warning for respondent groups that matched no question, or several, among the records
 * reported on; null when they matched one or none are asked for. `forRun`: asked for this run,
 * not by the codebook's `report.groups`.
 */
function groupsWarning(codebook: Codebook, questions: readonly string[], forRun: boolean): ThemeRunWarning | null {
  const asked = codebook.report.groups;
  if (asked === null || questions.length === 1) return null;
  const setting = forRun ? 'respondent groups asked for this report' : `${codebook.file}: report.groups`;
  if (questions.length === 0) {
    return {
      code: 'GROUPS_QUESTION_UNMATCHED',
      message: `${setting}: no record reported on answers a question containing "${asked}", so the report has no breakdown by respondent group`,
      ids: [],
    };
  }
  return {
    code: 'GROUPS_QUESTION_AMBIGUOUS',
    message: `${setting}: ${questions.length} questions contain "${asked}"; each record is grouped by its answer to the first of them it answers (write more of the question to pick one): ${questions.map((question) => `"${question}"`).join(', ')}`,
    ids: [...questions],
  };
}

/**
 * The output of `tlap themes` in the chosen format, as chunks of text: one chunk for a document
 * format, one per record (after the header) for a row format. Nothing is written here.
 */
export async function* themeOutput(given: ThemeOutputOptions): AsyncIterable<string> {
  const format = reportFormatNamed(given.format ?? 'md');
  if (format.kind === 'document') {
    const render = await format.load();
    yield render(await buildThemeReport(given));
    return;
  }
  const options = withRunSettings(given);
  const renderers = await format.load();
  if (!selectsEverything(options.selection ?? {}) && options.records === undefined) {
    let any = false;
    for await (const record of selectedRecords(options, { store: 0, undated: 0, out: 0 })) {
      any = record !== undefined;
      if (any) break;
    }
    if (!any) throw emptySelection();
  }
  const asked = options.codebook.report.groups;
  const groups = asked === null ? null : new RespondentGroupReader(asked);
  const rowOptions = {
    redact: options.redact ?? (await rowRedactor(options)),
    includeAuthors: options.includeAuthors === true,
    includeSourceIds: options.includeSourceIds === true,
    groups: groups !== null,
  };
  const campaignOfRow = options.records === undefined ? await campaignsByRow(options) : () => null;
  const consent = new PublicationConsentReader();
  const respectConsent = options.codebook.quotes.consent === 'respect';
  let count = 0;
  for await (const themed of selectedThemedRecords(options, { store: 0, undated: 0, out: 0 })) {
    if (count === 0) yield renderers.header(options.codebook, rowOptions);
    const withheld = respectConsent && consent.consentOf(themed.record) === 'declined';
    const group = groups?.groupOf(themed.record) ?? NO_ANSWER_KEY;
    yield renderers.row(themed, options.codebook, {
      ...rowOptions,
      campaign: campaignOfRow(count),
      withheld,
      group: group === NO_ANSWER_KEY ? null : group,
    });
    count += 1;
    options.onRecord?.(count);
  }
  if (count === 0 && !selectsEverything(options.selection ?? {})) throw emptySelection();
}

/**
 * The redactor for a row format's rows: the codebook's, and under a codebook that redacts names,
 * also withholding the words the report of the same records withholds as names
 * ({@link withholdingWords}). A row is written as its record is read, and only the whole store
 * shows that a keyword no lexicon lists is a name (`kaelynn`), so that report is built first: one
 * more pass over the store, only when names are redacted. Records given as an iterable are read
 * once, so their rows are redacted by the codebook's redactor alone.
 */
async function rowRedactor(options: ThemeOutputOptions): Promise<TextRedactor> {
  const redact = createRedactor(options.codebook);
  if (options.records !== undefined || !options.codebook.redaction.kinds.has('name')) return redact;
  const { earlierReport: _earlier, onRecord: _progress, onWarning: _warned, ...report } = options;
  const built = await buildThemeReport({ ...report, format: 'json', traceRecordIds: false });
  return withholdingWords(redact, built.trace.nameWords);
}

/**
 * The campaign number (as the report numbers them) of each selected record by its place in the
 * selection, from a first read of the store: a record's campaign is only known once all are read,
 * and rows stream. Holds 4 bytes per record beside the voice tally.
 */
async function campaignsByRow(options: ThemeOutputOptions): Promise<(row: number) => number | null> {
  const numbering = new WordNumbering();
  const tally = new VoiceTally(0, (id) => numbering.word(id));
  let members = new Int32Array(1024);
  let rows = 0;
  for await (const record of selectedRecords(options, { store: 0, undated: 0, out: 0 })) {
    const { tokens } = normaliseText(record.text);
    const ids = new Int32Array(tokens.length);
    tokens.forEach((token, index) => {
      ids[index] = numbering.number(token.word, token.stem);
    });
    if (rows === members.length) members = grownArray(members, rows * 2);
    members[rows] = tally.add(record, ids, []);
    rows += 1;
  }
  const counts = tally.finish();
  return (row) => {
    const campaign = counts.campaignOf(members[row] ?? -1);
    return campaign < 0 ? null : campaign + 1;
  };
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
  if (!any) throw emptyStoreError(storeDir);
}
