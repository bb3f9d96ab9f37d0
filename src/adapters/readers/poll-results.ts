import { simplifyColumnName } from './column-names.js';

/** Column names (simplified) naming the poll or slide a row's answer is to that only a poll or presentation tool writes. */
const POLL_ONLY_QUESTION_COLUMNS: readonly string[] = [
  'pollquestion',
  'slidequestion',
  'polltitle',
  'slidetitle',
  'poll',
  'pollname',
  'slide',
];

/**
 * Column names (simplified) naming the poll or slide each row's answer is to: Slido's `Poll` and
 * `Poll question`, a Mentimeter export's `Slide` or `Question` ({@link POLL_ONLY_QUESTION_COLUMNS}
 * and the `question` columns a survey's long format writes too).
 */
const POLL_QUESTION_COLUMNS: readonly string[] = [...POLL_ONLY_QUESTION_COLUMNS, 'question', 'questiontext', 'questiontitle'];

/** Column names (simplified) of the option, word or answer a row gives: `Option`, `Answer`, `Response`, `Word`. */
const ANSWER_COLUMNS: readonly string[] = [
  'option',
  'options',
  'answeroption',
  'choice',
  'answer',
  'answers',
  'response',
  'responses',
  'word',
  'words',
  'answertext',
  'responsetext',
];

/** Column names (simplified) of how many people chose an option or sent a word: `Votes`, `Count`, `Percentage`. */
const COUNT_COLUMNS: readonly string[] = [
  'votes',
  'vote',
  'votecount',
  'numberofvotes',
  'count',
  'responsecount',
  'numberofresponses',
  'percentage',
  'percent',
];

/** Column names (simplified) of the kind of poll or slide a row is from: `Poll type`, `Question type`. */
const TYPE_COLUMNS: readonly string[] = ['polltype', 'questiontype', 'slidetype', 'type'];

/** Column names (simplified) of who answered, in a poll's answers export: `Participant`, `Author`, `Name`. */
const PARTICIPANT_COLUMNS: readonly string[] = [
  'participant',
  'participantname',
  'author',
  'authorname',
  'name',
  'user',
  'username',
  'votername',
];

/** Kinds of poll or slide whose answers are people's own words: open text, word cloud, open ended, Q&A. */
const OPEN_POLL_TYPE = /open|text|word|q\s*&\s*a|question|idea|comment|free/i;

/** The columns of a poll or presentation tool's results table (Slido's poll export, a Mentimeter slide's sheet). */
export interface PollColumns {
  /**
   * `tally`: one row per option or word with how many chose or sent it (closed results, never
   * records unless the poll type says the options are people's words); `answers`: one row per
   * answer a participant gave.
   */
  kind: 'tally' | 'answers';
  /** The option, word or answer of each row. */
  answer: string;
  /** The column naming the poll or slide each row is from, when the table has one. */
  question?: string;
  /** The column of votes or counts, when the table has one. */
  count?: string;
  /** The column naming the kind of poll (`Multiple choice`, `Open text`, `Word cloud`), when the table has one. */
  type?: string;
  /** The column naming who answered, when the table has one. */
  participant?: string;
}

function columnNamed(headers: readonly string[], simplified: readonly string[], names: readonly string[]): string | undefined {
  for (const name of names) {
    const index = simplified.indexOf(name);
    if (index !== -1) return headers[index];
  }
  return undefined;
}

/**
 * The columns of a poll tool's results table, recognised by its header, or undefined for any other
 * table. A table with an option or answer column beside a votes or count column (`Option,Votes`,
 * `Poll,Question,Option,Votes,Percentage`, `Word,Count`) is a tally of a poll's results; a table
 * with an answer column beside a column only poll tools write (`Poll`, `Poll question`, `Slide`)
 * or beside a poll type column is one answer a row. A survey's long format (`question` beside
 * `answer`, no poll columns) is neither.
 */
export function pollColumns(headers: readonly string[]): PollColumns | undefined {
  const simplified = headers.map((header) => (header.trim() === '%' ? 'percentage' : simplifyColumnName(header)));
  const answer = columnNamed(headers, simplified, ANSWER_COLUMNS);
  if (answer === undefined) return undefined;
  const count = columnNamed(headers, simplified, COUNT_COLUMNS);
  const type = columnNamed(headers, simplified, TYPE_COLUMNS);
  const pollOnly = columnNamed(headers, simplified, POLL_ONLY_QUESTION_COLUMNS);
  const question = pollOnly ?? columnNamed(headers, simplified, POLL_QUESTION_COLUMNS);
  const participant = columnNamed(headers, simplified, PARTICIPANT_COLUMNS);
  const columns = (kind: PollColumns['kind']): PollColumns => ({
    kind,
    answer,
    ...(question === undefined ? {} : { question }),
    ...(count === undefined ? {} : { count }),
    ...(type === undefined ? {} : { type }),
    ...(participant === undefined ? {} : { participant }),
  });
  if (count !== undefined && participant === undefined) return columns('tally');
  if (pollOnly !== undefined || (type !== undefined && question !== undefined)) return columns('answers');
  return undefined;
}

/**
 * True for a poll type whose answers are people's own words (`Open text`, `Word cloud`,
 * `Open ended`, `Q&A`); false for closed ones (`Multiple choice`, `Rating`, `Quiz`, `Ranking`).
 */
export function isOpenPollType(type: string): boolean {
  return OPEN_POLL_TYPE.test(type) && !/multiple|choice|quiz|rating|rank|scale/i.test(type);
}

/** True for an answer column of words people sent (`Word`, `Words`): a word cloud's, whose tally is of people's own words. */
export function isWordColumn(header: string): boolean {
  const name = simplifyColumnName(header);
  return name === 'word' || name === 'words';
}

/**
 * True for a cell that names the answers below it rather than being one (`Responses`, `Answers`,
 * `Option`): the heading a sheet per slide writes under the slide's question.
 */
export function isAnswerHeading(cell: string): boolean {
  return ANSWER_COLUMNS.includes(simplifyColumnName(cell));
}
