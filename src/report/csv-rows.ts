import { stringify } from 'csv-stringify/sync';
import type { Codebook } from '../codebook/codebook.js';
import { isNameKeyword } from '../privacy/person-names.js';
import type { FeedbackRecord } from '../record/record.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import { rawRecordContext, recordContext } from './record-context.js';
import { withheldWords, wordsPattern } from './withheld-words.js';
import type { TextRedactor } from './text-redactor.js';

/** Options for the per-record CSV. */
export interface CsvRowOptions {
  /** Redacts personal data from each text. */
  redact: TextRedactor;
  /** Fill the author column (empty otherwise). */
  includeAuthors: boolean;
  /** Add the `source_id` column: the export's own id, for the analyst only (not fit to publish). */
  includeSourceIds?: boolean;
  /** The number of the campaign the record belongs to, as the report numbers campaigns (1: the biggest), or null. */
  campaign?: number | null;
  /** The respondent did not agree to publication: the text cell says so instead of holding their words. */
  withheld?: boolean;
  /** The report has respondent groups (`report.groups`, or the run's own setting): add the `group` column. */
  groups?: boolean;
  /** With {@link groups}: the record's answer to the group question as written (it is redacted here), or null for none. */
  group?: string | null;
}

/** The text cell of a record whose respondent did not agree to publication. */
export const WITHHELD_TEXT = '[not published: the respondent did not agree to publication]';

/**
 * Rows end in `\n`; a cell holding a carriage return is quoted too (csv-stringify quotes only
 * for the record delimiter), since readers split rows on a bare `\r` as well.
 */
const CSV_OPTIONS = { eof: true, record_delimiter: 'unix', escape_formulas: true, quoted_match: /\r/ } as const;

/**
 * The CSV header: `id, channel, author, date, context` (the question or post title, as quotes
 * are labelled), `themes`, `campaign` (the number of the record's campaign, as the report numbers
 * them, or empty), with `groups` a `group` column (the record's respondent group, redacted as the
 * report prints it; empty for no answer), one 0/1 column per theme id in codebook order, then
 * `text`; with `includeSourceIds`, `source_id` after `id`. Records are identified by
 * tlap's own id: the export's ids (Message-IDs holding addresses, tweet ids leading to their
 * author, survey ids built from answers) are left out of published output. Starts with a UTF-8
 * BOM so spreadsheets read the encoding right.
 */
export function renderCsvHeader(codebook: Codebook, options: Pick<CsvRowOptions, 'includeSourceIds' | 'groups'> = {}): string {
  const ids = options.includeSourceIds === true ? ['id', 'source_id'] : ['id'];
  const group = options.groups === true ? ['group'] : [];
  return `\ufeff${stringify([[...ids, 'channel', 'author', 'date', 'context', 'themes', 'campaign', ...group, ...codebook.themes.map((theme) => theme.id), 'text']], CSV_OPTIONS)}`;
}

/**
 * One CSV row for a themed record; cells that a spreadsheet would run as a formula are
 * prefixed with `'`. A pure function, so rows stream without holding the store.
 */
export function renderCsvRow(themed: ThemedRecord, codebook: Codebook, options: CsvRowOptions): string {
  const { record } = themed;
  const inTheme = new Set(themed.themeIds);
  return stringify(
    [
      [
        ...(options.includeSourceIds === true ? [record.id, record.sourceId] : [record.id]),
        record.channel,
        options.includeAuthors && record.author !== null ? options.redact(record.author, { names: false }).text : '',
        record.date ?? '',
        contextOf(record, options.redact),
        themed.themeIds.join(';'),
        options.campaign === undefined || options.campaign === null ? '' : String(options.campaign),
        ...(options.groups === true
          ? [options.group === undefined || options.group === null ? '' : publishedOnce(options.group, options.redact)]
          : []),
        ...codebook.themes.map((theme) => (inTheme.has(theme.id) ? '1' : '0')),
        options.withheld === true ? WITHHELD_TEXT : withoutNameKeywords(options.redact(record.text).text, codebook),
      ],
    ],
    CSV_OPTIONS,
  );
}

/** The pattern of each codebook's keywords that name a person, made once per codebook. */
const nameKeywordPatterns = new WeakMap<Codebook, RegExp | null>();

/**
 * The keywords of `codebook` that name a person the name lexicons list (`sarah`, `nurse patel`;
 * see isNameKeyword), as one pattern over their words, or null when names are not redacted or no
 * keyword is one. Only keywords of plain words are taken.
 */
function nameKeywordPattern(codebook: Codebook): RegExp | null {
  const known = nameKeywordPatterns.get(codebook);
  if (known !== undefined) return known;
  const names = codebook.redaction.kinds.has('name')
    ? codebook.themes.flatMap((theme) =>
        theme.rules
          .map((rule) => rule.source.trim())
          .filter((source) => /^[\p{L}\p{M}'’ -]+$/u.test(source) && isNameKeyword(source, codebook.keepNames)),
      )
    : [];
  const pattern = wordsPattern(names);
  nameKeywordPatterns.set(codebook, pattern);
  return pattern;
}

/**
 * A record's redacted text with the words of the codebook's keywords that name a person withheld
 * where redaction left them (`the day centre worker sarah`), as the report's quotes withhold them.
 */
function withoutNameKeywords(text: string, codebook: Codebook): string {
  return withheldWords(text, nameKeywordPattern(codebook)).text;
}

/** Redacted contexts by redactor: rows repeat a handful of questions and titles, so each is redacted once. */
const contexts = new WeakMap<TextRedactor, Map<string, string>>();
const CONTEXTS_KEPT = 1000;

/** Redacted group answers by redactor: rows repeat a handful of answers, so each is redacted once. */
const groupAnswers = new WeakMap<TextRedactor, Map<string, string>>();

function contextOf(record: FeedbackRecord, redact: TextRedactor): string {
  const raw = rawRecordContext(record);
  if (raw === null) return '';
  return remembered(contexts, redact, raw, () => recordContext(record, redact) ?? '');
}

/** A group answer as the report prints it: redacted, each distinct one once. */
function publishedOnce(answer: string, redact: TextRedactor): string {
  return remembered(groupAnswers, redact, answer, () => redact(answer).text);
}

function remembered(memo: WeakMap<TextRedactor, Map<string, string>>, redact: TextRedactor, raw: string, publish: () => string): string {
  let known = memo.get(redact);
  if (known === undefined) {
    known = new Map();
    memo.set(redact, known);
  }
  const cached = known.get(raw);
  if (cached !== undefined) return cached;
  const value = publish();
  if (known.size >= CONTEXTS_KEPT) known.clear();
  known.set(raw, value);
  return value;
}
