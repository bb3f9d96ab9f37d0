import { InputError, type InputLocation } from '../../errors.js';
import { isChannel, type JsonValue, type RecordDraft, type Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { isAnonymousValue, isSentinelValue } from './free-text-columns.js';
import { MAPPED_FIELDS, type MappedField } from './mapped-fields.js';
import type { TableDateColumn } from './table-dates.js';
import { columnPath, knownColumnName, simplifyColumnName } from './column-names.js';
import { isNameQuestion, isPersonalDetailsColumn, isPostcodeColumn } from './contact-columns.js';
import { postcodeDistrict } from '../../privacy/postcode-district.js';
import { authorName, withoutAddresses } from './email-addresses.js';
import { ConsentQuestionKinds } from '../../privacy/publication-consent.js';

export { MAPPED_FIELDS, type MappedField } from './mapped-fields.js';
export { simplifyColumnName } from './column-names.js';

/** Column names recognised for each field, compared after lower-casing and dropping all but letters and digits. */
const FIELD_COLUMNS: Record<MappedField, readonly string[]> = {
  text: [
    'text',
    'fulltext',
    'body',
    'comment',
    'comments',
    'commenttext',
    'message',
    'content',
    'response',
    'responsetext',
    'answer',
    'feedback',
    'tweet',
    'tweettext',
    'note',
    'notes',
    'post',
    'reply',
    'freetext',
  ],
  author: [
    'author',
    'authorname',
    'name',
    'fromuser',
    'username',
    'user',
    'screenname',
    'userscreenname',
    'handle',
    'from',
    'sender',
    'commenter',
    'respondent',
    'respondentname',
    'speaker',
    'login',
    'loginname',
    'loginscreenname',
  ],
  date: [
    'date',
    'createdat',
    'created',
    'timestamp',
    'time',
    'datetime',
    'submitted',
    'submittedat',
    'submittedon',
    'submissiondate',
    'submissiontime',
    'completedat',
    'completedon',
    'datecompleted',
    'postedat',
    'sentat',
    'publishedat',
    'commentdate',
    'responsedate',
    'completiontime',
    'enddate',
    'recordeddate',
    'datesubmitted',
    'submitteddatetime',
    'submitdate',
    'ended',
    'createdtime',
    'questiontime',
    'timeasked',
    'askedat',
    'askedtime',
    'respondedat',
    'dateofcontribution',
    'contributiondate',
    'answeredon',
  ],
  id: ['id', 'idstr', 'responseid', 'commentid', 'tweetid', 'messageid', 'uid', 'uuid', 'recordid', 'submissionid'],
  channel: ['channel', 'source'],
  url: ['url', 'link', 'permalink', 'statusurl', 'href'],
  inReplyTo: ['inreplyto', 'inreplytostatusidstr', 'inreplytostatusid', 'parentid', 'parent', 'replyto'],
};

/** The field each recognised column name fills (see {@link FIELD_COLUMNS}). */
const FIELD_OF_NAME: ReadonlyMap<string, MappedField> = new Map(
  (Object.entries(FIELD_COLUMNS) as [MappedField, readonly string[]][])
    .flatMap(([field, names]) => names.map((name) => [name, field] as const))
    .reverse(),
);

/**
 * A column's name (simplified) as the record fields know it: a recognised name of the whole
 * header, or of the label the fields know in a header of two languages (`Dyddiad / Date` is
 * `date`, `Sylwadau | Comments` is `comments`), else the whole header's simplified name.
 */
function fieldColumnName(header: string): string {
  return (
    knownColumnName(
      header,
      (name) => FIELD_OF_NAME.has(name),
      (first, second) => FIELD_OF_NAME.get(first) === FIELD_OF_NAME.get(second),
    ) ?? simplifyColumnName(header)
  );
}

/**
 * The language a translated field is given in, at the end of its column's path, as Decidim and
 * other participation platforms export each translation of a field (`body/en`, `title/ca`,
 * `body/machine_translations/es`): the column is matched by the field's name without it (`author/id`
 * is an id, not Indonesian).
 */
const LOCALE_SUFFIX = /\/(?:machine_translations\/)?(?!id$)[a-z]{2}(?:[-_][A-Za-z]{2,4})?$/;

/** A time zone named at the end of a date column's simplified name (`Submit Date (UTC)`): the name is matched without it. */
const TIME_ZONE_SUFFIX = /(?:utc|gmt)$/;

/** True when a column is named as the feedback text (`text`, `comment`, `message`…), so the table is read one record per row. */
export function hasTextColumnName(headers: readonly string[]): boolean {
  return headers.some((header) => FIELD_COLUMNS.text.includes(fieldColumnName(header)));
}

/** Column names (simplified) of a question column: a long-format survey's question, or a live Q&A's attendee question. */
export const QUESTION_COLUMNS: readonly string[] = ['question', 'questiontext', 'questiontitle'];

/**
 * Column names (simplified) naming who asked each question in a live Q&A export: Zoom webinars'
 * `Asker Name`, `Asked by`, a Q&A tool's `Author`.
 */
const ASKER_COLUMNS: readonly string[] = ['askername', 'asker', 'askedby', 'questioner', 'author', 'authorname'];

/** The columns of a live Q&A export: the question each row asks, and who asked it. */
export interface LiveQuestionColumns {
  question: string;
  asker: string;
}

/**
 * The question and asker columns of a live Q&A export (a webinar's questions, one per row: Zoom's
 * `#, Question, Asker Name, Asker Email, Answer(s)`): a `Question` column beside a column naming
 * who asked it. There the question is the attendee's own words, the record's text, and an answer
 * column holds the organisers' reply, kept in `meta`; such a table is no long-format survey,
 * whose `question` column names the question each row's answer is to. Undefined for other tables.
 */
export function liveQuestionColumns(headers: readonly string[]): LiveQuestionColumns | undefined {
  const simplified = headers.map(simplifyColumnName);
  const question = headers.find((_, index) => QUESTION_COLUMNS.includes(simplified[index] ?? ''));
  const askerName = ASKER_COLUMNS.find((name) => simplified.includes(name));
  const asker = askerName === undefined ? undefined : headers[simplified.indexOf(askerName)];
  return question === undefined || asker === undefined ? undefined : { question, asker };
}

/**
 * Column names (simplified, a language suffix dropped) of a post's title: Decidim's `title`
 * (`title/en`), an idea's `Idea title`, the heading a Padlet post's writer gave it (`Subject`).
 */
const POST_TITLE_COLUMNS: readonly string[] = ['title', 'posttitle', 'proposaltitle', 'ideatitle', 'suggestiontitle', 'subject'];

/** Column names (simplified, a language suffix dropped) of a post's body under its title: Decidim's `body` (`body/en`), an idea's `Description`. */
const POST_BODY_COLUMNS: readonly string[] = ['body', 'description', 'postbody', 'proposalbody', 'ideabody', 'ideadescription', 'details'];

/**
 * Column names (simplified, a language suffix dropped) of the organisation's reply to a post,
 * whatever stands beside them: `Official answer`, `Official feedback`, `Admin response`.
 */
const OFFICIAL_REPLY_COLUMNS: readonly string[] = [
  'officialanswer',
  'officialresponse',
  'officialfeedback',
  'officialreply',
  'adminanswer',
  'adminresponse',
  'adminreply',
  'moderatorresponse',
  'councilresponse',
];

/** Column names (simplified, a language suffix dropped) that are the organisation's reply when they stand beside a post's title and body: Decidim's `answer` (`answer/en`). */
const POST_REPLY_COLUMNS: readonly string[] = ['answer', 'response', 'reply'];

/** A column's name without the language a translated field is given in (`body/en` → `body`), as {@link LOCALE_SUFFIX} finds it. */
function splitLocale(header: string): { base: string; locale: string } {
  const match = LOCALE_SUFFIX.exec(header);
  return match === null ? { base: header, locale: '' } : { base: header.slice(0, match.index), locale: match[0] };
}

/** The part of a translated field's column that says a machine made the translation: `body/machine_translations/es`. */
const MACHINE_TRANSLATION = /\/machine_translations\/[a-z]{2}(?:[-_][A-Za-z]{2,4})?$/;

/**
 * The machine translations among the columns (Decidim's `body/machine_translations/es`) of a field
 * whose own words are in another of them (`body/en`): copies of those words in another language,
 * made by a translation service, never the public's words nor an answer of their own.
 */
export function machineTranslationCopies(headers: readonly string[]): Set<string> {
  const originals = new Set(headers.filter((header) => !MACHINE_TRANSLATION.test(header)).map((header) => splitLocale(header).base));
  return new Set(headers.filter((header) => MACHINE_TRANSLATION.test(header) && originals.has(splitLocale(header).base)));
}

/** A post's title column and the body column written under it, in one language. */
export interface PostColumns {
  title: string;
  body: string;
}

/**
 * The title and body columns of posts (Decidim's proposals and debates, an ideas board's ideas):
 * a title column and a body column of the same language (`title/en` beside `body/en`), among the
 * given columns. A post is one text, its title and then its body, never two answers.
 */
export function postColumns(headers: readonly string[]): PostColumns[] {
  const bodies = new Map<string, string>();
  for (const header of headers) {
    const { base, locale } = splitLocale(header);
    if (POST_BODY_COLUMNS.includes(simplifyColumnName(base)) && !bodies.has(locale)) bodies.set(locale, header);
  }
  const pairs: PostColumns[] = [];
  for (const header of headers) {
    const { base, locale } = splitLocale(header);
    const body = bodies.get(locale);
    if (body !== undefined && POST_TITLE_COLUMNS.includes(simplifyColumnName(base))) {
      pairs.push({ title: header, body });
      bodies.delete(locale);
    }
  }
  return pairs;
}

/**
 * True for a column holding the organisation's reply to a post, not the public's words: an
 * official answer by its name (`Official feedback`), or, in a table of posts (`posts` true:
 * titles beside bodies, see {@link postColumns}), an `answer` or `response` column (Decidim's
 * `answer/en`, the council's answer to a proposal).
 */
export function isOfficialReplyColumn(header: string, posts: boolean): boolean {
  const name = simplifyColumnName(splitLocale(header).base);
  return OFFICIAL_REPLY_COLUMNS.includes(name) || (posts && POST_REPLY_COLUMNS.includes(name));
}

/** Column names (simplified) of the part of a wall or board a post was put in: Padlet's `Section`. */
const SECTION_COLUMNS: readonly string[] = ['section', 'sectionname', 'sectiontitle'];

/**
 * True for a column naming the section of a wall or board a post was put in (Padlet's `Section`,
 * whose values are the prompts a facilitator wrote as column headings): kept as `meta.section`,
 * the post's heading as in event notes, and never read as anyone's words.
 */
export function isSectionColumn(header: string): boolean {
  return SECTION_COLUMNS.includes(simplifyColumnName(header));
}

/**
 * True for a column holding the heading its writer gave a post (Padlet's `Subject`): the post's
 * words when its body is empty, as on a wall where people write only a heading, and otherwise a
 * heading kept in `meta`, never a second answer of the same post.
 */
export function isSubjectColumn(header: string): boolean {
  return simplifyColumnName(header) === 'subject';
}

/** Which column fills which record field, for one table. */
export interface ColumnMapping {
  /** Every column of the table, in order. */
  headers: readonly string[];
  /** Column name for each field found. */
  fields: Partial<Record<MappedField, string>>;
  /** The other columns, kept in `meta` under their own names (contact details and map coordinates left out, see {@link isPersonalDetailsColumn}). */
  metaColumns: string[];
  /**
   * The column of the title written above the text when the text is a post's body (`Title` or
   * `Subject` beside `Body`, see {@link postColumns}): the record's text is the title, then the body.
   */
  postTitle?: string;
}

/** Options for {@link mapColumns}. */
export interface MapColumnsOptions {
  /** Whether a table without a text column is an error (default true). */
  requireText?: boolean;
  /** Columns never mapped by their name (for example a respondent id column already chosen). */
  exclude?: readonly string[];
  /**
   * Columns that are dotted paths into nested objects (`from.name`): mapped only when no other
   * column fills the field, by {@link nestedColumnFor}.
   */
  nestedColumns?: ReadonlySet<string>;
}

/**
 * Maps a table's columns to record fields: `--map` first, then the recognised names, then for the
 * author a name field inside a form's groups (`personal-name`, `group_abc/respondent_name`).
 * Throws an error naming the file and listing the headers when no text column can be found
 * (unless `requireText` is false) or a `--map` column does not exist.
 */
export function mapColumns(
  location: InputLocation,
  headers: readonly string[],
  overrides: Readonly<Record<string, string>>,
  options: MapColumnsOptions = {},
): ColumnMapping {
  const fields: Partial<Record<MappedField, string>> = {};
  for (const [field, column] of Object.entries(overrides)) {
    if (!(MAPPED_FIELDS as readonly string[]).includes(field)) continue;
    if (!headers.includes(column)) {
      throw new InputError(`no column "${column}" to map to ${field} (columns: ${listHeaders(headers)})`, {
        location,
        hint: 'column names are case-sensitive; copy one from the list',
        code: 'MAPPED_COLUMN_MISSING',
      });
    }
    fields[field as MappedField] = column;
  }
  const live = fields.text === undefined ? liveQuestionColumns(headers) : undefined;
  if (live !== undefined) {
    fields.text = live.question;
    fields.author ??= live.asker;
  }
  const nested = options.nestedColumns;
  const simplified = headers.map((header) => (nested?.has(header) === true ? '' : fieldColumnName(header)));
  const withoutZone = simplified.map((name) => name.replace(TIME_ZONE_SUFFIX, ''));
  const withoutLocale = headers.map((header, index) =>
    LOCALE_SUFFIX.test(header) && simplified[index] !== '' ? simplifyColumnName(header.replace(LOCALE_SUFFIX, '')) : '',
  );
  for (const field of MAPPED_FIELDS) {
    if (fields[field] !== undefined) continue;
    for (const candidate of FIELD_COLUMNS[field]) {
      let index = simplified.indexOf(candidate);
      if (index === -1 && field === 'date') index = withoutZone.indexOf(candidate);
      if (index === -1) index = withoutLocale.indexOf(candidate);
      const header = headers[index];
      if (index !== -1 && header !== undefined && !Object.values(fields).includes(header) && !options.exclude?.includes(header)) {
        fields[field] = header;
        break;
      }
    }
  }
  if (fields.author === undefined) {
    const taken = new Set(Object.values(fields));
    const grouped = headers.find(
      (header) =>
        nested?.has(header) !== true &&
        !taken.has(header) &&
        options.exclude?.includes(header) !== true &&
        columnPath(header) !== undefined &&
        isNameQuestion(header),
    );
    if (grouped !== undefined) fields.author = grouped;
  }
  if (nested !== undefined && nested.size > 0) {
    for (const field of MAPPED_FIELDS) {
      if (fields[field] !== undefined) continue;
      const free = [...nested].filter((path) => !Object.values(fields).includes(path) && !options.exclude?.includes(path));
      const column = nestedColumnFor(field, free);
      if (column !== null) fields[field] = column;
    }
  }
  if (fields.text === undefined && options.requireText !== false) throw noTextColumnError(location, headers);
  const used = new Set(Object.values(fields));
  const postTitle = overrides['text'] === undefined ? postTitleColumn(headers, fields.text, used) : undefined;
  if (postTitle !== undefined) used.add(postTitle);
  const mapping: ColumnMapping = {
    headers,
    fields,
    metaColumns: headers.filter((header) => !used.has(header) && header !== '' && !isPersonalDetailsColumn(header)),
  };
  if (postTitle !== undefined) mapping.postTitle = postTitle;
  return mapping;
}

/** The title column written above a text column that is a post's body (`Subject` over Padlet's `Body`), among the columns no field took. */
function postTitleColumn(headers: readonly string[], text: string | undefined, used: ReadonlySet<string>): string | undefined {
  if (text === undefined) return undefined;
  const candidates = headers.filter((header) => header === text || (!used.has(header) && !isPersonalDetailsColumn(header)));
  return postColumns(candidates).find((pair) => pair.body === text)?.title;
}

/** The error for a table or JSON file with no column holding the feedback, listing the columns it has. */
export function noTextColumnError(location: InputLocation, headers: readonly string[]): InputError {
  return new InputError(`no text column found (columns: ${listHeaders(headers)})`, {
    location,
    hint: 'map the column that holds the feedback to the text field',
    code: 'NO_TEXT_COLUMN',
  });
}

/**
 * Objects whose `name` (and whose other fields) describe a person, not the record: `from.name`
 * is an author, `user.created_at` is not the record's date.
 */
const PERSON_OBJECTS = new Set([...FIELD_COLUMNS.author, 'creator', 'owner', 'actor', 'poster', 'profile', 'person', 'member']);

/** The fields a nested column may fill by its last segment alone (`snippet.publishedAt` → date). */
const LEAF_FIELDS: ReadonlySet<MappedField> = new Set(['text', 'author', 'date']);

/**
 * The dotted path (`from.name`, `parent.id`, `snippet.publishedAt`) that fills a field when no
 * top-level column does, or null: first a path whose whole name is one of the field's names
 * (`parent.id` → `parentid` → inReplyTo); then, for text, author and date, a path whose last
 * segment is (`from.name` when `from` is a person; `snippet.publishedAt`; a `message` not inside a
 * person object). Names are tried in the field's order; a name that fits several paths takes the
 * shallowest, and none when two are equally shallow.
 */
export function nestedColumnFor(field: MappedField, paths: readonly string[]): string | null {
  const segmented = paths.map((path) => ({ path, segments: path.split('.').map(simplifyColumnName) }));
  const byWhole = (candidate: string) => segmented.filter(({ segments }) => segments.join('') === candidate);
  const byLeaf = (candidate: string) =>
    segmented.filter(({ segments }) => {
      if (segments[segments.length - 1] !== candidate) return false;
      const parents = segments.slice(0, -1);
      if (field === 'author') return candidate !== 'name' || PERSON_OBJECTS.has(parents[parents.length - 1] ?? '');
      return !parents.some((segment) => PERSON_OBJECTS.has(segment));
    });
  for (const candidate of FIELD_COLUMNS[field]) {
    const whole = byWhole(candidate);
    const matches = whole.length === 0 && LEAF_FIELDS.has(field) ? byLeaf(candidate) : whole;
    let shallowest: { path: string; depth: number } | null = null;
    let tied = false;
    for (const { path, segments } of matches) {
      if (shallowest === null || segments.length < shallowest.depth) {
        shallowest = { path, depth: segments.length };
        tied = false;
      } else if (segments.length === shallowest.depth) {
        tied = true;
      }
    }
    if (shallowest !== null && !tied) return shallowest.path;
  }
  return null;
}

/** The headers as a quoted, comma-separated list for messages (the first 30). */
export function listHeaders(headers: readonly string[]): string {
  const shown = headers
    .slice(0, 30)
    .map((header) => JSON.stringify(header))
    .join(', ');
  return headers.length > 30 ? `${shown}, …` : shown || 'none';
}

/** Reads a cell as a string, or null when it is empty. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.trim() === '' ? null : text;
}

/**
 * An empty object keyed by column names taken from the input, with no prototype: a column named
 * `__proto__`, `constructor` or `toString` is an ordinary key, never an inherited value.
 */
export function columnKeyed<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Pairs a row's cells with the table's headers. */
export function rowObject(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const row = columnKeyed<string>();
  headers.forEach((header, index) => {
    const cell = cells[index];
    if (cell !== undefined) row[header] = cell;
  });
  return row;
}

const consentQuestions = new ConsentQuestionKinds();

/**
 * True for a column asking leave to publish the response (`May we publish your response?`),
 * whose blank cells are kept: a question left blank gives no leave.
 */
function asksLeaveToPublish(column: string): boolean {
  return consentQuestions.kindOf(column) === 'permission';
}

/** How many column names {@link postcodeColumns} remembers before it starts afresh. */
const POSTCODE_COLUMNS_KEPT = 1024;

/** {@link isPostcodeColumn}, remembered per column name: each row asks it of every column it keeps in `meta`. */
const postcodeColumns = {
  known: new Map<string, boolean>(),
  holds(column: string): boolean {
    let holds = this.known.get(column);
    if (holds === undefined) {
      holds = isPostcodeColumn(column);
      if (this.known.size >= POSTCODE_COLUMNS_KEPT) this.known.clear();
      this.known.set(column, holds);
    }
    return holds;
  },
};

/**
 * Turns one table row into a record draft through a column mapping. A date {@link toIsoDate}
 * cannot read is read by the table's `dates` column, if given; the draft's id is then made
 * without it (`idDate` null), as it was before such dates were read, and when the column gave only
 * a time of day, read on the day of the report's event, `meta.dateFrom` says so. The author is never an
 * e-mail address (see {@link authorName}); a cell that says only that the respondent was not
 * identified (`anonymous`, as Microsoft Forms writes it) gives no author. No value in `meta`
 * holds an e-mail address (see {@link withoutAddresses}); the mapping's `metaColumns` hold no
 * contact detail or map pin (see {@link isPersonalDetailsColumn}), and a postcode is kept as its district alone, any other
 * value in a postcode column not at all (see {@link postcodeDistrict}). A post's title (the mapping's
 * `postTitle`: Padlet's `Subject`, a `Title` beside a `Body`) is written above its body, as
 * {@link postText}; a row whose text is empty but whose `Subject` holds words (a Padlet post with
 * only a heading) takes the subject as its text.
 */
export function draftFromRow(
  row: Readonly<Record<string, unknown>>,
  mapping: ColumnMapping,
  provenance: Provenance,
  dates?: TableDateColumn,
): RecordDraft {
  const value = (field: MappedField): string | null => {
    const column = mapping.fields[field];
    return column === undefined || !Object.hasOwn(row, column) ? null : cellText(row[column]);
  };
  const meta = columnKeyed<JsonValue>();
  for (const column of mapping.metaColumns) {
    const cell = Object.hasOwn(row, column) ? row[column] : undefined;
    if (cell === undefined || cell === null || (cell === '' && !asksLeaveToPublish(column))) continue;
    const kept = postcodeColumns.holds(column)
      ? typeof cell === 'string'
        ? postcodeDistrict(cell)
        : null
      : typeof cell === 'string'
        ? withoutAddresses(cell)
        : cell;
    if (kept !== null) meta[isSectionColumn(column) ? 'section' : column] = toJsonValue(kept);
  }
  const channelName = value('channel');
  const dateText = value('date');
  const readDate = toIsoDate(dateText);
  const date = readDate ?? (dateText === null || dates === undefined ? null : dates.read(dateText, provenance));
  const dateFrom = readDate === null && date !== null ? dates?.dateFrom(provenance) : undefined;
  if (dateFrom !== undefined) meta['dateFrom'] = dateFrom;
  const channel = channelName === null ? null : channelName.toLowerCase();
  keepUnread(meta, mapping.fields.date, date === null ? dateText : null);
  keepUnread(meta, mapping.fields.channel, channel !== null && !isChannel(channel) ? channelName : null);
  const author = value('author');
  const named = author === null || isAnonymousValue(author) ? null : authorName(author);
  const titleCell = mapping.postTitle !== undefined && Object.hasOwn(row, mapping.postTitle) ? cellText(row[mapping.postTitle]) : null;
  const title = titleCell !== null && FORM_OF_ADDRESS.test(titleCell) ? null : titleCell;
  let text = postText(value('text') ?? '', title);
  const subject = text.trim() === '' ? mapping.metaColumns.find(isSubjectColumn) : undefined;
  if (subject !== undefined && typeof meta[subject] === 'string') {
    text = meta[subject];
    delete meta[subject];
  }
  const draft: RecordDraft = {
    sourceId: value('id'),
    author: named,
    date,
    text,
    url: value('url'),
    inReplyTo: value('inReplyTo'),
    meta,
    provenance,
  };
  if (date !== readDate) draft.idDate = readDate;
  if (named !== author) draft.idAuthor = author;
  if (channel !== null && isChannel(channel)) draft.channel = channel;
  return draft;
}

/** A person's title (`Mrs`, `Dr.`), as a contact form's `Title` column holds it: never a post's title. */
const FORM_OF_ADDRESS = /^\s*(?:mr|mrs|ms|miss|mx|dr|prof|professor|rev|revd|sir|dame|lord|lady)\.?\s*$/iu;

/** A post's words: its title, a blank line, then its body (`Title\n\nBody`), or whichever of the two it has. */
export function postText(body: string, title: string | null): string {
  const heading = title?.trim() ?? '';
  if (heading === '') return body;
  return body.trim() === '' ? heading : `${heading}\n\n${body}`;
}

/** Keeps a mapped cell that could not be read as its field (a date like `01-01-13`, a channel like `Mkg`) in meta under its column. */
function keepUnread(meta: Record<string, JsonValue>, column: string | undefined, raw: string | null): void {
  if (column === undefined || raw === null || isSentinelValue(raw)) return;
  meta[column] = raw;
}

/** Converts a parsed value into JSON that survives a round trip (dates as ISO strings). */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const result = columnKeyed<JsonValue>();
    for (const [key, inner] of Object.entries(value)) result[key] = toJsonValue(inner);
    return result;
  }
  return String(value);
}
