import { InputError, type InputLocation } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import { authorForId, dateForId, type Channel, type JsonValue, type Provenance } from '../../record/record.js';
import { contentSourceId } from '../../record/record-id.js';
import type { AdapterItem, AdapterOptions } from '../format-adapter.js';
import {
  isOfficialReplyColumn,
  machineTranslationCopies,
  postColumns,
  postText,
  isSectionColumn,
  isSubjectColumn,
  liveQuestionColumns,
  QUESTION_COLUMNS,
  columnKeyed,
  draftFromRow,
  hasTextColumnName,
  listHeaders,
  mapColumns,
  rowObject,
  simplifyColumnName,
  type ColumnMapping,
} from './column-mapping.js';
import {
  isContactColumn,
  isNameQuestion,
  isOrganisationQuestion,
  isOtherPersonNameColumn,
  isPersonalDetailsColumn,
  isPostcodeColumn,
} from './contact-columns.js';
import { postcodeDistrict } from '../../privacy/postcode-district.js';
import { withoutAddresses } from './email-addresses.js';
import { knownColumnName } from './column-names.js';
import { bilingualLabels } from '../../privacy/bilingual-labels.js';
import { delimitedTableOptions, readDelimitedTable, rejectedTableRow, uniqueHeaders } from './delimited-table.js';
import { isClosedQuestionHeader, isSentinelValue, profileColumns, PROFILE_ROWS, type ColumnProfile } from './free-text-columns.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { tableFurnitureItem, tableFurnitureOf } from './summary-row.js';
import { DateOrderLookahead, TableDateColumn } from './table-dates.js';
import { isImportIdRow, secondHeaderRow, secondHeaderWarning, sideBlockColumns, titleRowsWarning } from './header-row.js';
import { datedByReport, reportStartDate, type ReportDate } from './report-header.js';
import { GroupFill } from './group-columns.js';
import { consentQuestionKind } from '../../privacy/publication-consent.js';
import { isPersonTitleColumn } from './person-titles.js';
import { authorProfileColumn, profileLinkKind, withdrawal, withdrawalColumns, type WithdrawalColumns } from './post-status.js';
import { isAnswerHeading, isOpenPollType, isWordColumn, pollColumns, type PollColumns } from './poll-results.js';

/** The most text held back while the columns are judged: fewer rows are looked at when they are very long. */
const PROFILE_CHARS = 4 * 1024 * 1024;

/** One event of a table being read, from a delimited file or a worksheet. */
export type TableItem =
  | {
      kind: 'header';
      headers: string[];
      provenance: Provenance;
      /** The title rows skipped above the header, each with where it is (`line 4`, `row 4 of sheet "Q&A"`). */
      titles?: { cells: string[]; place: string }[];
    }
  | {
      kind: 'row';
      cells: string[];
      provenance: Provenance;
      /** By column (0-based): the value of a workbook's merged range from a row above that covers the (empty) cell. */
      mergedAbove?: ReadonlyMap<number, string>;
    }
  | Extract<AdapterItem, { kind: 'rejected' | 'warning' }>;

/**
 * How a table is turned into records:
 * - `survey`: one record per non-empty answer in each free-text question column;
 * - `auto`: like `survey` when the table looks like a survey export, else one record per row
 *   with one text column, exactly as the generic `csv` adapter does.
 */
export type TableMode = 'survey' | 'auto';

/** How {@link tableItems} reads one table. */
export interface TableReading {
  /** The file, and the sheet as the part of it (`sheet "Responses"`), as named in messages. */
  location: InputLocation;
  mode: TableMode;
  /**
   * A sheet after a workbook's first: its name is part of the ids of rows without a respondent id,
   * so that two sheets' rows are never taken for each other. The first sheet's rows, like a delimited
   * file's, are keyed without it, so that the same export saved as CSV and as a workbook gives the
   * same ids.
   */
  laterSheet?: string;
}

/**
 * Column names (simplified) that hold a respondent's id in survey exports, and mark a table as one;
 * in Welsh too (`ID Ymateb`, `Rhif ymateb`, `ID Ymatebydd`: response id, response number, respondent id).
 */
const SURVEY_RESPONDENT_COLUMNS = [
  'idymateb',
  'rhifymateb',
  'idymatebydd',
  'rhifymatebydd',
  'responseid',
  'respondentid',
  'respondent',
  'respondentno',
  'respondentnumber',
  'responseno',
  'responsenumber',
  'participantid',
  'participant',
  'submissionid',
];

/**
 * Further column names accepted as the respondent id when present; ODK's and KoboToolbox's
 * submission id too (`meta-instanceID` in ODK Central's CSV, `meta/instanceID`, `instanceID`).
 */
const OTHER_RESPONDENT_COLUMNS = ['id', 'uuid', 'uid', 'recordid', 'userid', 'userno', 'uniqueid', 'metainstanceid', 'instanceid'];

/** Column names (simplified, a trailing `utc` or `gmt` dropped) of the time a form was submitted: `Timestamp`, `Completion time`, `Submit Date (UTC)`. */
const SUBMISSION_TIME_COLUMNS = [
  'timestamp',
  'submitted',
  'submittedat',
  'submittedon',
  'submitdate',
  'datesubmitted',
  'submissiondate',
  'submissiontime',
  'submitteddatetime',
  'completiontime',
  'completedat',
  'completedon',
  'datecompleted',
  'enddate',
  'ended',
  'recordeddate',
  'answeredon',
];

/** What a header row and its sample say about a table. */
interface SurveyPlan {
  kind: 'survey';
  headers: readonly string[];
  /** The free-text question columns: one record per non-empty answer. */
  questions: string[];
  /** By the body column of a post, its title column: the post's text is its title, then its body (see {@link postColumns}). */
  postTitles: ReadonlyMap<string, string>;
  respondent: string | undefined;
  /**
   * True when the respondent column was found by one label of a header in two languages (`ID
   * Ymateb / Response ID`, see {@link knownColumnName}), which earlier versions of tlap did not
   * read: its answers' ids then name the ids those versions gave them too.
   */
  respondentByLabel: boolean;
  /** The long-format question column, whose value names the question of each row. */
  questionColumn: string | undefined;
  /** The other answers kept in `meta.answers`. */
  answers: string[];
  /** Those of {@link answers} that name a section (Padlet's `Section`), found once for the table. */
  sections: string[];
  /**
   * Those of {@link answers} that ask leave to publish (`May we publish your response?`): kept
   * even when blank, since a question left blank gives no leave.
   */
  permissions: ReadonlySet<string>;
  /**
   * The link to each post's author's profile (Decidim's `author/url`): never kept in `meta`; the
   * record's `url` when the table has no link to the post itself, and, when it is no person's (the
   * organisation's, a meeting's), the record has no author.
   */
  authorProfile: string | undefined;
  /** In a table of posts, the columns that say a post was withdrawn (see {@link withdrawal}). */
  withdrawal: WithdrawalColumns | undefined;
  /** Author, date, url, channel and reply columns. */
  mapping: ColumnMapping;
}

interface SinglePlan {
  kind: 'single';
  mapping: ColumnMapping;
}

/** A poll or presentation tool's results table (see {@link pollColumns}). */
interface PollPlan {
  kind: 'poll';
  columns: PollColumns;
  /** The poll's or slide's question for rows that name none: the title row above the table, or the header of a one-column sheet. */
  question: string | undefined;
  /** The answer column as text, the participant as author, the date; the rest kept in `meta` (the question column aside). */
  mapping: ColumnMapping;
  /**
   * `survey` for a table the survey rules would read (see {@link looksLikeSurvey}), as a delimited
   * file of it is read by `survey-csv`; undefined for the reading format's own channel.
   */
  channel: Channel | undefined;
}

type TablePlan = SurveyPlan | SinglePlan | PollPlan;

/**
 * The respondent id column of a survey export: one of {@link SURVEY_RESPONDENT_COLUMNS}, or a first
 * column headed `#` (Typeform's response id).
 */
function respondentColumn(headers: readonly string[]): string | undefined {
  return findColumn(headers, SURVEY_RESPONDENT_COLUMNS) ?? (headers[0]?.trim() === '#' ? headers[0] : undefined);
}

function findColumn(headers: readonly string[], names: readonly string[]): string | undefined {
  const simplified = headers.map((header) => knownColumnName(header, (name) => names.includes(name)));
  for (const name of names) {
    const index = simplified.indexOf(name);
    if (index !== -1) return headers[index];
  }
  return undefined;
}

function isSubmissionTimeColumn(header: string): boolean {
  return knownColumnName(header, (name) => SUBMISSION_TIME_COLUMNS.includes(name.replace(/(?:utc|gmt)$/, ''))) !== undefined;
}

function isQuestionColumn(header: string): boolean {
  return knownColumnName(header, (name) => QUESTION_COLUMNS.includes(name)) !== undefined;
}

function isQuestionLikeHeader(header: string): boolean {
  return /\?\s*$/.test(header) || /^(q|question)\s*\d+/i.test(header) || /\bQ\d+\b/.test(header);
}

/** Words of a header that asks people for their words (`Please tell us your views`, `Comments/Suggestions`, Welsh `Sylwadau`). */
const PROMPT_WORDS =
  /\b(?:views?|comments?|feedback|suggestions?|thoughts|opinions?|ideas?|experiences?|concerns?|tell us|sylwadau|barn|syniadau)\b/iu;

/** True for the header of a column that asks for people's own words: a question, or a prompt such as `Your views`. */
function isPromptHeader(header: string): boolean {
  return isQuestionLikeHeader(header) || PROMPT_WORDS.test(header);
}

/**
 * True when a table looks like a survey or consultation export: two or more free-text columns, or
 * one with a survey signature beside it (a `Response ID` / `Respondent` column, an agreement or
 * satisfaction scale column, a closed question about the respondent such as `Respondent type`, a
 * long-format `question` column, or two or more question headers), or one that no column is named
 * as the text of beside a form's own columns (a form's single question, `Any comments about the
 * proposal?`, beside an e-mail column or a submission time such as `Timestamp`) or under a header
 * that asks for it (`Please tell us your views`, `Comments/Suggestions`, `Anything else?`).
 */
export function looksLikeSurvey(headers: readonly string[], profiles: readonly ColumnProfile[]): boolean {
  if (liveQuestionColumns(headers) !== undefined) return false;
  const freeText = profiles.filter((profile) => isQuestionText(profile)).length;
  if (freeText >= 2) return true;
  if (freeText === 0) return false;
  return (
    respondentColumn(headers) !== undefined ||
    profiles.some((profile) => profile.kind === 'likert') ||
    profiles.some((profile) => profile.kind === 'choice' && isClosedQuestionHeader(profile.header)) ||
    headers.some(isQuestionColumn) ||
    headers.filter(isQuestionLikeHeader).length >= 2 ||
    (!hasTextColumnName(headers) &&
      (hasFormColumns(headers, profiles) || profiles.some((profile) => isQuestionText(profile) && isPromptHeader(profile.header))))
  );
}

/**
 * True when a table has a column that forms' exports add beside the answers: contact details or a
 * submission time. A plain `id` is not one: many tables that are no form have one.
 */
function hasFormColumns(headers: readonly string[], profiles: readonly ColumnProfile[]): boolean {
  return (
    headers.some(isContactColumn) ||
    profiles.some(
      (profile) =>
        profile.kind === 'email' ||
        profile.kind === 'phone' ||
        profile.kind === 'ip-address' ||
        (profile.kind === 'date' && isSubmissionTimeColumn(profile.header)),
    )
  );
}

/**
 * Columns a quiz adds for its marking, which hold the form owner's words and marks, not the
 * respondent's: Microsoft Forms' `Total points`, `Quiz feedback`, `Grade posted time`, and per
 * question `Points - <question>`, `Feedback - <question>`.
 */
const GRADING_COLUMNS = ['totalpoints', 'quizfeedback', 'gradepostedtime'];

function isGradingColumn(header: string): boolean {
  return GRADING_COLUMNS.includes(simplifyColumnName(header)) || /^(?:points|feedback)\s+-\s+\S/i.test(header.trim());
}

/** True for a column of people's own words: free text, and not contact details, a postcode, an organisation's name or a quiz's marking. */
function isQuestionText(profile: ColumnProfile): boolean {
  return (
    profile.kind === 'free-text' &&
    !isPersonalDetailsColumn(profile.header) &&
    !isPostcodeColumn(profile.header) &&
    !isOrganisationQuestion(profile.header) &&
    !isGradingColumn(profile.header) &&
    !isSectionColumn(profile.header) &&
    !isSubjectColumn(profile.header)
  );
}

/**
 * True for a column whose values may be posts' titles: words that differ from row to row (free
 * text, short text, or a few values each different and of two words or more), never a closed set
 * such as a person's title (`Mr`, `Ms`). A column of job titles (`Care Manager`, `Social Worker`)
 * may pass, and is told apart by its values (see {@link isPersonTitleColumn}).
 */
function isPostTitleLike(profile: ColumnProfile): boolean {
  if (profile.kind === 'free-text' || profile.kind === 'short-text') return true;
  return profile.kind === 'choice' && profile.distinctShare === 1 && profile.meanWords >= 2;
}

/**
 * The respondent's name column of a survey without an author column by name, or whose author
 * column by name is an account's (`username`, the enumerator's login in a KoboToolbox export): a
 * question asking for the name (`Your name`, `What is your name?`, `respondent_fullname`) that is
 * not itself the free text.
 */
function nameQuestionColumn(headers: readonly string[], profiles: readonly ColumnProfile[]): string | undefined {
  return headers.find((header, index) => isNameQuestion(header) && profiles[index]?.kind !== 'free-text');
}

/** The one text cell of the last title row above a table (a slide's question above its results), or undefined. */
function titleQuestion(titles: readonly (readonly string[])[]): string | undefined {
  const last = titles[titles.length - 1];
  const filled = (last ?? []).map((cell) => cell.trim()).filter((cell) => cell !== '');
  const [only] = filled;
  return filled.length === 1 && only !== undefined && /\p{L}/u.test(only) ? only : undefined;
}

/**
 * The plan for a poll or presentation tool's results table, or undefined for other tables (and
 * whenever `--map` names the text column): a table {@link pollColumns} recognises, a table of one
 * answer column (`Responses`) under a title row holding the slide's question, or a one-column
 * sheet headed by the slide's question whose first row is `Responses`. A tally that names no poll
 * (no question or type column, no title row above it: `Response,Votes`) may be an ideas board's
 * posts with their votes, and is left to the generic rules.
 */
function pollPlan(
  reading: TableReading,
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  map: Readonly<Record<string, string>>,
  titles: readonly (readonly string[])[],
): PollPlan | undefined {
  if (map['text'] !== undefined) return undefined;
  const named = headers.filter((header) => header.trim() !== '');
  const [onlyHeader] = named;
  const firstCell = (sample[0] ?? []).find((cell) => cell.trim() !== '') ?? '';
  let columns = pollColumns(headers);
  let question = titleQuestion(titles);
  if (columns === undefined && named.length === 1 && onlyHeader !== undefined) {
    if (isAnswerHeading(onlyHeader) && question !== undefined) columns = { kind: 'answers', answer: onlyHeader };
    else if (isAnswerHeading(firstCell) && /\p{L}/u.test(onlyHeader)) {
      columns = { kind: 'answers', answer: onlyHeader };
      question = onlyHeader.trim();
    }
  }
  if (columns === undefined) return undefined;
  if (columns.kind === 'tally' && columns.question === undefined && columns.type === undefined && question === undefined) return undefined;
  const fields: Record<string, string> = { ...map, text: columns.answer };
  if (columns.participant !== undefined && map['author'] === undefined) fields['author'] = columns.participant;
  const mapping = mapColumns(reading.location, headers, fields);
  return {
    kind: 'poll',
    columns,
    question,
    channel: reading.mode === 'auto' && looksLikeSurvey(headers, profileColumns(headers, sample)) ? 'survey' : undefined,
    mapping: { ...mapping, metaColumns: mapping.metaColumns.filter((header) => header !== columns.question) },
  };
}

function planTable(
  reading: TableReading,
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  map: Readonly<Record<string, string>>,
  titles: readonly (readonly string[])[] = [],
): TablePlan {
  const poll = pollPlan(reading, headers, sample, map, titles);
  if (poll !== undefined) return poll;
  const side = sideBlockColumns(headers, sample);
  const profiles = profileColumns(headers, sample).map((profile) =>
    side.has(profile.header) ? { header: profile.header, kind: 'empty' as const, filled: 0, meanWords: 0, distinctShare: 0 } : profile,
  );
  const addresses = new Set(
    profiles
      .filter((profile) => profile.kind === 'email' || profile.kind === 'phone' || profile.kind === 'ip-address')
      .map((profile) => profile.header),
  );
  const live = map['text'] === undefined && liveQuestionColumns(headers) !== undefined;
  if (live || (reading.mode === 'auto' && !looksLikeSurvey(headers, profiles))) {
    const mapping = mapColumns(reading.location, headers, map);
    return {
      kind: 'single',
      mapping: { ...mapping, metaColumns: mapping.metaColumns.filter((header) => !addresses.has(header) && !side.has(header)) },
    };
  }
  const named = map['id'] === undefined ? respondentColumn(headers) : undefined;
  const mapping = mapColumns(reading.location, headers, map, { requireText: false, exclude: named === undefined ? [] : [named] });
  const respondent = named ?? mapping.fields.id ?? findColumn(headers, OTHER_RESPONDENT_COLUMNS);
  if (mapping.fields.author === undefined || (map['author'] === undefined && isOtherPersonNameColumn(mapping.fields.author))) {
    const author = nameQuestionColumn(headers, profiles);
    if (author !== undefined && author !== respondent) mapping.fields.author = author;
  }
  const fieldColumns = new Set<string>();
  for (const [field, column] of Object.entries(mapping.fields)) if (field !== 'text' && field !== 'id') fieldColumns.add(column);
  const authorProfile = map['url'] === undefined ? authorProfileColumn(headers.filter((header) => !fieldColumns.has(header))) : undefined;
  if (authorProfile !== undefined) fieldColumns.add(authorProfile);
  const names = new Set(headers.filter((header, index) => isNameQuestion(header) && profiles[index]?.kind !== 'free-text'));
  const reserved = (header: string): boolean =>
    header === respondent ||
    fieldColumns.has(header) ||
    isPersonalDetailsColumn(header) ||
    names.has(header) ||
    addresses.has(header) ||
    side.has(header);
  const freeText = profiles.filter((profile) => isQuestionText(profile) && !reserved(profile.header)).map((profile) => profile.header);
  const answerText = freeText.filter((header) => !isQuestionColumn(header));
  let questions = map['text'] !== undefined ? [map['text']] : answerText.length > 0 ? answerText : freeText;
  if (questions.length === 0 && mapping.fields.text !== undefined && !reserved(mapping.fields.text)) questions = [mapping.fields.text];
  if (questions.length === 0) {
    throw new InputError(`no free-text column found (columns: ${listHeaders(headers)})`, {
      location: reading.location,
      hint: 'map the column that holds the answers to the text field',
    });
  }
  const columnValues = (header: string): string[] => {
    const index = headers.indexOf(header);
    return sample.map((cells) => cells[index] ?? '');
  };
  const wordy = profiles.filter(
    (profile) => isPostTitleLike(profile) && !reserved(profile.header) && !isPersonTitleColumn(columnValues(profile.header)),
  );
  const posts =
    map['text'] === undefined ? postColumns(wordy.map((profile) => profile.header)).filter((pair) => questions.includes(pair.body)) : [];
  const postTitles = new Map(posts.map((pair) => [pair.body, pair.title]));
  const titleColumns = new Set(postTitles.values());
  const replies = questions.filter((header) => map['text'] !== header && isOfficialReplyColumn(header, posts.length > 0));
  const copies = machineTranslationCopies(headers);
  const ownWords = questions.filter((header) => !titleColumns.has(header) && !replies.includes(header) && !copies.has(header));
  if (ownWords.length > 0) questions = ownWords;
  const questionColumn = questions.length === 1 ? headers.find((header) => header !== questions[0] && isQuestionColumn(header)) : undefined;
  const answers = headers.filter(
    (header) =>
      !questions.includes(header) && !titleColumns.has(header) && !copies.has(header) && !reserved(header) && header !== questionColumn,
  );
  const fields = Object.fromEntries(Object.entries(mapping.fields).filter(([field]) => field !== 'text' && field !== 'id'));
  const sections = answers.filter(isSectionColumn);
  const permissions = new Set(answers.filter((header) => consentQuestionKind(header) === 'permission'));
  return {
    kind: 'survey',
    headers,
    questions,
    postTitles,
    respondent,
    respondentByLabel: respondent !== undefined && map['id'] === undefined && bilingualLabels(respondent) !== undefined,
    questionColumn,
    answers,
    sections,
    permissions,
    authorProfile,
    withdrawal: posts.length > 0 ? withdrawalColumns(headers) : undefined,
    mapping: { headers, fields, metaColumns: [] },
  };
}

/** The report's date for a row without a date of its own (no date column, or an empty cell in it), else null. */
function reportDateFor(row: Readonly<Record<string, string>>, mapping: ColumnMapping, report: ReportDate | null): ReportDate | null {
  const column = mapping.fields.date;
  return column === undefined || (row[column] ?? '').trim() === '' ? report : null;
}

function* surveyRowItems(
  plan: SurveyPlan,
  cells: readonly string[],
  provenance: Provenance,
  position: TableRowPosition,
  dates: TableDateColumn | undefined,
  report: ReportDate | null,
): Iterable<AdapterItem> {
  const row = rowObject(plan.headers, cells);
  const furniture = tableFurnitureOf(cells, plan.headers);
  const respondent = plan.respondent === undefined ? '' : (row[plan.respondent] ?? '').trim();
  const withdrawn = plan.withdrawal === undefined ? null : withdrawal(row, plan.withdrawal);
  if (withdrawn !== null && furniture === null) {
    const question = plan.questions[0] ?? '';
    yield {
      kind: 'filtered',
      rule: 'withdrawn',
      provenance,
      ...(respondent === '' ? {} : { sourceId: `${respondent}:${question}` }),
      detail: `withdrawn by its author (${withdrawn})`,
    };
    return;
  }
  const profileLink = plan.authorProfile === undefined ? '' : (row[plan.authorProfile] ?? '').trim();
  const profile = profileLinkKind(profileLink);
  const answers = columnKeyed<JsonValue>();
  for (const column of plan.answers) {
    const cell = (row[column] ?? '').trim();
    const value = isPostcodeColumn(column) ? (cell === '' ? cell : postcodeDistrict(cell)) : withoutAddresses(cell);
    if (value !== null && (value !== '' || plan.permissions.has(column))) answers[column] = value;
  }
  let answered = false;
  for (const column of plan.questions) {
    const answer = postAnswer(row, plan.postTitles.get(column), column);
    if (answer.trim() === '') continue;
    answered = true;
    const sourceQuestion = plan.questionColumn === undefined ? '' : (row[plan.questionColumn] ?? '').trim();
    const question = sourceQuestion === '' ? column : sourceQuestion;
    const ids =
      respondent === ''
        ? answerIds(position, provenance, question, answer)
        : respondentAnswerIds(plan, respondent, question, () => answerIds(position, provenance, question, answer));
    const { sourceId } = ids;
    if (furniture !== null) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, sourceId, detail: furniture };
      continue;
    }
    if (isSentinelValue(answer)) {
      yield {
        kind: 'filtered',
        rule: 'sentinel-value',
        provenance,
        sourceId,
        detail: `${JSON.stringify(answer.trim())} in column ${JSON.stringify(column)}`,
      };
      continue;
    }
    const read = datedByReport(
      draftFromRow(row, { ...plan.mapping, fields: { ...plan.mapping.fields, text: column } }, provenance, dates),
      reportDateFor(row, plan.mapping, report),
    );
    const draft =
      profile === 'not-a-person'
        ? { ...read, author: null }
        : profile === 'person' && (read.url ?? null) === null
          ? { ...read, url: profileLink }
          : read;
    const { dateFrom, ...rowMeta } = draft.meta ?? {};
    const meta: Record<string, JsonValue> = { question };
    if (dateFrom !== undefined) meta['dateFrom'] = dateFrom;
    if (respondent !== '') meta['respondent'] = respondent;
    const otherAnswers = { ...answers, ...rowMeta };
    const section = plan.sections.find((header) => otherAnswers[header] !== undefined);
    if (section !== undefined) {
      meta['section'] = otherAnswers[section] ?? null;
      delete otherAnswers[section];
    }
    meta['answers'] = otherAnswers;
    yield {
      kind: 'record',
      draft: { ...draft, ...ids, text: answer, channel: draft.channel ?? 'survey', meta },
    };
  }
  if (!answered) {
    const question = plan.questionColumn === undefined ? '' : (row[plan.questionColumn] ?? '').trim();
    yield unansweredRow(furniture, respondent === '' ? null : `${respondent}:${question}`, provenance);
  }
}

/** A row's words in a question column, after the post's title when the column is a post's body (see {@link postText}). */
function postAnswer(row: Readonly<Record<string, string>>, titleColumn: string | undefined, column: string): string {
  return postText(row[column] ?? '', titleColumn === undefined ? null : (row[titleColumn] ?? null));
}

/** Where a row of answers stands in its table, for the ids of tables without a respondent id. */
interface TableRowPosition {
  /** '' for a delimited file or a workbook's first sheet, else the sheet's name (see {@link TableReading.laterSheet}). */
  sheet: string;
  /** The row's number among the table's rows of answers, from 1 (title, header and blank rows not counted). */
  row: number;
}

/** An answer's `sourceId`, with the ones earlier versions of tlap gave it when they differ. */
interface AnswerIds {
  sourceId: string;
  formerSourceIds?: readonly string[];
}

/**
 * The ids of a respondent's answer: `<respondent>:<question>`, and when the respondent column was
 * found by one label of a bilingual header ({@link SurveyPlan.respondentByLabel}), the ids of an
 * answer in a table without one (`withoutRespondent`), as earlier versions of tlap gave it.
 */
function respondentAnswerIds(plan: SurveyPlan, respondent: string, question: string, withoutRespondent: () => AnswerIds): AnswerIds {
  const sourceId = `${respondent}:${question}`;
  if (!plan.respondentByLabel) return { sourceId };
  const former = withoutRespondent();
  return { sourceId, formerSourceIds: [former.sourceId, ...(former.formerSourceIds ?? [])] };
}

/**
 * The ids of an answer in a table without a respondent id: `sourceId` a hash of where its row
 * stands, its question and the answer, the same for the same export saved as CSV or as a workbook;
 * and, when it differs, the hash tlap made before (keyed by the sheet's name and the row's number
 * in its file or sheet), so that a store holding the answer under it holds this answer.
 */
function answerIds(position: TableRowPosition, provenance: Provenance, question: string, answer: string): AnswerIds {
  const key = [position.sheet, question, String(position.row), answer].join('\u0000');
  const formerKey = [provenance.part ?? '', question, String(provenance.row ?? provenance.line ?? ''), answer].join('\u0000');
  const sourceId = contentSourceId(null, null, key);
  return formerKey === key ? { sourceId } : { sourceId, formerSourceIds: [contentSourceId(null, null, formerKey)] };
}

/**
 * The one item of a row that answers no free-text question: table furniture (a totals row), or a
 * response with every free-text answer blank, filtered `empty-text` so that it is counted as read.
 * (A survey's row of blank cells is no response, and no item.)
 */
function unansweredRow(furniture: string | null, sourceId: string | null, provenance: Provenance): AdapterItem {
  return {
    kind: 'filtered',
    rule: furniture === null ? 'empty-text' : 'not-feedback',
    provenance,
    ...(sourceId === null ? {} : { sourceId }),
    detail: furniture ?? 'no answer to any free-text question',
  };
}

/**
 * The item of one row of a poll's results: a record of a participant's words (an answer to an open
 * poll or slide, a word sent to a word cloud), with the poll's question in `meta.question`; or a
 * filtered item for a closed poll's tally or answer (`not-feedback`), a heading row, or an empty answer.
 */
function* pollRowItems(
  plan: PollPlan,
  cells: readonly string[],
  provenance: Provenance,
  position: TableRowPosition,
  dates: TableDateColumn | undefined,
  report: ReportDate | null,
): Iterable<AdapterItem> {
  const { columns, mapping } = plan;
  const row = rowObject(mapping.headers, cells);
  const answer = (row[columns.answer] ?? '').trim();
  const named = columns.question === undefined ? '' : (row[columns.question] ?? '').trim();
  const question = named === '' ? plan.question : named;
  const ids = answerIds(position, provenance, question ?? '', answer);
  const { sourceId } = ids;
  const furniture = tableFurnitureOf(cells, mapping.headers);
  const type = columns.type === undefined ? '' : (row[columns.type] ?? '').trim();
  const filtered = (rule: 'not-feedback' | 'empty-text' | 'sentinel-value', detail: string): AdapterItem => ({
    kind: 'filtered',
    rule,
    provenance,
    sourceId,
    detail,
  });
  if (furniture !== null) {
    yield filtered('not-feedback', furniture);
    return;
  }
  if (answer === '') {
    yield filtered('empty-text', `no answer in column ${JSON.stringify(columns.answer)}`);
    return;
  }
  if (isAnswerHeading(answer) && cells.filter((cell) => cell.trim() !== '').length === 1) {
    yield filtered('not-feedback', 'the heading of the answers below it');
    return;
  }
  const open = type === '' ? columns.kind === 'answers' || isWordColumn(columns.answer) : isOpenPollType(type);
  if (!open) {
    const kind = type === '' ? 'a closed poll' : `a ${JSON.stringify(type)} poll`;
    yield filtered('not-feedback', columns.kind === 'tally' ? `poll result: the votes for one option of ${kind}` : `an answer to ${kind}`);
    return;
  }
  if (isSentinelValue(answer)) {
    yield filtered('sentinel-value', `${JSON.stringify(answer)} in column ${JSON.stringify(columns.answer)}`);
    return;
  }
  const draft = datedByReport(draftFromRow(row, mapping, provenance, dates), reportDateFor(row, mapping, report));
  const meta: Record<string, JsonValue> = question === undefined ? {} : { question };
  yield {
    kind: 'record',
    draft: {
      ...draft,
      ...ids,
      ...(plan.channel === undefined || draft.channel !== undefined ? {} : { channel: plan.channel }),
      meta: { ...meta, ...draft.meta },
    },
  };
}

function* singleRowItems(
  mapping: ColumnMapping,
  cells: readonly string[],
  provenance: Provenance,
  ids: RepeatedTextIds,
  dates: TableDateColumn | undefined,
  report: ReportDate | null,
): Iterable<AdapterItem> {
  const row = rowObject(mapping.headers, cells);
  const draft = datedByReport(draftFromRow(row, mapping, provenance, dates), reportDateFor(row, mapping, report));
  const furniture = tableFurnitureItem(cells, mapping.headers, provenance, draft.sourceId);
  if (furniture !== null) {
    yield furniture;
    return;
  }
  if (isSentinelValue(draft.text)) {
    yield {
      kind: 'filtered',
      rule: 'sentinel-value',
      provenance,
      ...(draft.sourceId === null ? {} : { sourceId: draft.sourceId }),
      detail: `${JSON.stringify(draft.text.trim())} in column ${JSON.stringify(mapping.fields.text ?? '')}`,
    };
    return;
  }
  yield {
    kind: 'record',
    draft: draft.sourceId === null ? { ...draft, sourceId: ids.sourceIdFor(authorForId(draft), draft.text, dateForId(draft)) } : draft,
  };
}

/**
 * Turns a table (header, rows, and the reader's own rejected rows and warnings) into adapter
 * items. The columns are judged by their content from the first {@link PROFILE_ROWS} rows (or
 * 4 MiB of text, whichever comes first), which are held back; the rest is streamed.
 *
 * In survey mode each free-text column is a question, and every non-empty answer is a record
 * (channel `survey`) with `meta.question` (the column header, or in a long-format table the row's
 * `question` value), `meta.respondent` and `meta.answers` (the respondent's other, non-free-text
 * answers; contact details left out). Its `sourceId` is `<respondent>:<question>`, or a hash of
 * sheet, question, row and answer when the table has no respondent id. Answers that are
 * sentinels (`NA`, `-9`…) are filtered as `sentinel-value`. Throws an InputError naming the table
 * when it has no text column.
 */
export async function* tableItems(
  table: AsyncIterable<TableItem>,
  options: AdapterOptions,
  reading: TableReading,
): AsyncIterable<AdapterItem> {
  let headers: string[] | null = null;
  let plan: TablePlan | null = null;
  let held: TableItem[] = [];
  let heldRows = 0;
  let heldChars = 0;
  const rowIds = new RepeatedTextIds();
  let dates: TableDateColumn | undefined;
  let lookahead: DateOrderLookahead<TableItem> | undefined;
  let dateIndex = -1;
  let report: ReportDate | null = null;
  let groups: GroupFill | null = null;
  let titleRows: string[][] = [];
  /** Rows of answers emitted so far: a row's number among them is its place in the ids of tables without a respondent id. */
  let dataRows = 0;

  function* emit(item: TableItem, current: TablePlan): Iterable<AdapterItem> {
    if (item.kind === 'header') return;
    if (item.kind !== 'row') {
      yield item;
      return;
    }
    if (current.kind === 'single') {
      yield* singleRowItems(current.mapping, item.cells, item.provenance, rowIds, dates, report);
      return;
    }
    if (item.cells.some((cell) => cell.trim() !== '')) dataRows += 1;
    const position = { sheet: reading.laterSheet ?? '', row: dataRows };
    yield* current.kind === 'poll'
      ? pollRowItems(current, item.cells, item.provenance, position, dates, report)
      : surveyRowItems(current, item.cells, item.provenance, position, dates, report);
  }

  /** Emits an item, or holds it back while the date column's order is open (see {@link DateOrderLookahead}). */
  function* pass(read: TableItem, current: TablePlan): Iterable<AdapterItem> {
    if (read.kind === 'row' && current.kind === 'survey' && read.cells.every((cell) => cell.trim() === '')) return;
    const item = read.kind === 'row' && groups !== null ? { ...read, cells: groups.fill(read) } : read;
    const dateText = item.kind === 'row' ? item.cells[dateIndex] : null;
    if (lookahead === undefined || !lookahead.takes(dateText)) {
      yield* emit(item, current);
      return;
    }
    lookahead.hold(item, dateText, item.provenance);
    for (const released of lookahead.release()) yield* emit(released, current);
  }

  /** The plan for the columns, the reading of its date column, and the columns filled down under group headings. */
  function planned(columns: readonly string[]): TablePlan {
    const made = makePlan(columns);
    const text = made.kind === 'survey' ? made.questions : [made.mapping.fields.text ?? ''];
    const sample = held.flatMap((item) => (item.kind === 'row' ? [item] : []));
    groups = new GroupFill(made.mapping.headers, new Set(text), sample);
    const dateColumn = made.mapping.fields.date;
    if (dateColumn !== undefined) {
      dates = new TableDateColumn(dateColumn, reading.location, options.dateOrder, report);
      lookahead = new DateOrderLookahead(dates, (item) => (item.kind === 'row' ? rowChars(item.cells) : 0));
      dateIndex = made.mapping.headers.indexOf(dateColumn);
    }
    return made;
  }

  function* finish(current: TablePlan): Iterable<AdapterItem> {
    if (lookahead !== undefined) for (const released of lookahead.drain()) yield* emit(released, current);
    if (dates !== undefined) yield* dates.warnings();
  }

  let map = options.map;

  function makePlan(columns: readonly string[]): TablePlan {
    const sample = held.flatMap((item) => (item.kind === 'row' ? [item.cells] : []));
    return planTable(reading, columns, sample, map, titleRows);
  }

  /**
   * When the first row is a second header row (the question texts under a header of column codes,
   * or SurveyMonkey's answer labels under the questions), takes it (and a Qualtrics ImportId row
   * after it) as part of the header, and says so.
   */
  function* takeQuestionRow(columns: string[]): Iterable<AdapterItem> {
    const rows = held.filter((item): item is Extract<TableItem, { kind: 'row' }> => item.kind === 'row');
    const first = rows[0];
    const second =
      first === undefined
        ? null
        : secondHeaderRow(
            columns,
            first.cells,
            rows.slice(1, 21).map((item) => item.cells),
          );
    if (first === undefined || second === null) return;
    const merged = uniqueHeaders(second.headers);
    const skipped = new Set<TableItem>([first]);
    const next = rows[1];
    if (next !== undefined && isImportIdRow(next.cells)) skipped.add(next);
    held = held.filter((item) => !skipped.has(item));
    heldRows -= skipped.size;
    map = Object.fromEntries(
      Object.entries(map).map(([field, column]) => {
        const index = columns.indexOf(column);
        return [field, index === -1 ? column : (merged[index] ?? column)];
      }),
    );
    headers = merged;
    const where = first.provenance.line === undefined ? `row ${first.provenance.row ?? 1}` : `line ${first.provenance.line}`;
    yield {
      kind: 'warning',
      message: secondHeaderWarning(second, where),
      provenance: first.provenance,
    };
  }

  try {
    for await (const item of table) {
      if (item.kind === 'header') {
        headers = item.headers;
        const titles = item.titles ?? [];
        titleRows = titles.map((title) => title.cells);
        report = reportStartDate(
          titles.map((title) => title.cells),
          titles.map((title) => title.place),
          options.dateOrder,
        );
        continue;
      }
      if (plan !== null) {
        yield* pass(item, plan);
        continue;
      }
      if (headers === null) {
        if (item.kind !== 'row') yield item;
        continue;
      }
      held.push(item);
      if (item.kind === 'row') {
        heldRows += 1;
        for (const cell of item.cells) heldChars += cell.length;
      }
      if (heldRows >= PROFILE_ROWS || heldChars >= PROFILE_CHARS) {
        yield* takeQuestionRow(headers);
        plan = planned(headers);
        for (const heldItem of held) yield* pass(heldItem, plan);
        held = [];
      }
    }
  } catch (error) {
    if (plan !== null && lookahead !== undefined) for (const released of lookahead.drain()) yield* emit(released, plan);
    throw error;
  }
  if (plan === null && headers !== null && heldRows > 0) {
    yield* takeQuestionRow(headers);
    plan = planned(headers);
    for (const heldItem of held) yield* pass(heldItem, plan);
  }
  if (plan !== null) yield* finish(plan);
}

function rowChars(cells: readonly string[]): number {
  let chars = 0;
  for (const cell of cells) chars += cell.length;
  return chars;
}

/**
 * Reads a delimited file as {@link TableItem}s: detected title rows become a warning, broken
 * records rejected items (with their codes), and every row carries its line and data row.
 */
export async function* delimitedTableItems(source: InputSource, options: AdapterOptions): AsyncIterable<TableItem> {
  const tableOptions = delimitedTableOptions(options);
  for await (const event of readDelimitedTable(source, tableOptions)) {
    if (event.kind === 'header') {
      const provenance = { file: source.path, line: event.line };
      if (event.titleRows !== undefined)
        yield { kind: 'warning', code: 'TITLE_ROWS_SKIPPED', message: titleRowsWarning(event.titleRows, `line ${event.line}`), provenance };
      const lines = event.titleLines ?? [];
      const titles = (event.titleRows ?? []).map((cells, index) => ({ cells, place: `line ${lines[index] ?? '?'}` }));
      yield titles.length > 0
        ? { kind: 'header', headers: event.headers, provenance, titles }
        : { kind: 'header', headers: event.headers, provenance };
      continue;
    }
    const provenance = { file: source.path, line: event.line, row: event.row };
    if (event.kind === 'error') {
      yield rejectedTableRow(event, provenance);
      continue;
    }
    yield { kind: 'row', cells: event.cells, provenance };
  }
}
