import { toIsoDate } from '../../record/dates.js';
import { redactPersonalData } from '../../privacy/personal-data.js';
import { consentQuestionKind } from '../../privacy/publication-consent.js';
import { REDACTION_TOKENS } from '../../privacy/personal-data-kinds.js';
import type { RedactionPolicy } from '../../privacy/redaction-policy.js';
import { isWordPlaceholder } from './word-placeholders.js';

/**
 * What a table column holds, judged from its cells:
 * - `free-text`: people's own words (long, varied or one long answer repeated, with lower-case letters);
 * - `likert`: agreement / satisfaction scales, yes / no, true / false;
 * - `number`, `date`, `identifier`: values, timestamps, codes and ids;
 * - `choice`: a few short values repeated (categories, places, tick-box answers, a closed question's options);
 * - `short-text`: short varied values that are not sentences (names, titles, organisations, single words);
 * - `email`: e-mail addresses (and the `anonymous` a form writes for a respondent it did not identify);
 * - `phone`: phone numbers (`07700 900123`, `+44 7700 900123`, `+34 662 22 79 31`);
 * - `empty`: nothing but blanks and sentinels in the rows looked at.
 */
export type ColumnKind =
  'free-text' | 'likert' | 'number' | 'date' | 'identifier' | 'choice' | 'short-text' | 'email' | 'phone' | 'ip-address' | 'empty';

/** One column's content, measured over the first rows of a table. */
export interface ColumnProfile {
  /** The column's header. */
  header: string;
  /** What it holds. */
  kind: ColumnKind;
  /** Non-empty, non-sentinel cells among the rows looked at. */
  filled: number;
  /** Mean number of words in those cells. */
  meanWords: number;
  /** Distinct values / filled cells (1 when every value differs). */
  distinctShare: number;
}

/** How many data rows a table's columns are judged from; the rest of the table is streamed. */
export const PROFILE_ROWS = 200;

const SENTINEL_VALUES = new Set([
  'na',
  'n/a',
  'n.a.',
  '#n/a',
  'null',
  'nan',
  'nil',
  '-9',
  '-99',
  '-999',
  '-0',
  '.',
  '-',
  '--',
  '#name?',
  '#value!',
  '#ref!',
  '#div/0!',
  '#num!',
  '#null!',
]);

/** A rule of dashes, equals signs or underscores (`---`, `:---:`, `===`): a Markdown or plain-text table's line under its header, or a blank drawn. */
const RULE_CELL = /^:?[-=_–—]{3,}:?$/;

/**
 * True for a cell that stands for "no answer" in exported tables rather than being one: `NA`,
 * `N/A`, `NULL`, `NaN`, the SPSS-style codes `-9`, `-99`, `-0`, a lone `.` or `-`, a rule of
 * dashes (`---`, as a Markdown table's delimiter row gives each cell when the table is read as
 * a `|`-separated file), Excel error values (`#N/A`, `#NAME?`…), and the placeholder of a Word
 * form's field left empty (`Click or tap here to enter text.`), copied in with the form. Words
 * people write, like `None` or `Nothing`, are answers.
 */
export function isSentinelValue(cell: string): boolean {
  const trimmed = cell.trim();
  return SENTINEL_VALUES.has(trimmed.toLowerCase()) || RULE_CELL.test(trimmed) || isWordPlaceholder(trimmed);
}

const LIKERT_VALUES = new Set(
  [
    'strongly agree',
    'agree',
    'tend to agree',
    'somewhat agree',
    'neither agree nor disagree',
    'neither agree or disagree',
    'neutral',
    'tend to disagree',
    'somewhat disagree',
    'disagree',
    'strongly disagree',
    'agree strongly',
    'disagree strongly',
    'very satisfied',
    'satisfied',
    'fairly satisfied',
    'neither satisfied nor dissatisfied',
    'fairly dissatisfied',
    'dissatisfied',
    'very dissatisfied',
    'very good',
    'good',
    'fair',
    'poor',
    'very poor',
    'excellent',
    'average',
    'extremely likely',
    'very likely',
    'likely',
    'unlikely',
    'very unlikely',
    'extremely unlikely',
    'always',
    'often',
    'usually',
    'sometimes',
    'rarely',
    'never',
    'strongly support',
    'support',
    'oppose',
    'strongly oppose',
    'yes',
    'no',
    'y',
    'n',
    'maybe',
    'true',
    'false',
    "don't know",
    'dont know',
    'do not know',
    'not sure',
    'unsure',
    'prefer not to say',
    'not applicable',
  ].map((value) => value.replace(/[’']/g, "'")),
);

/** True for an answer on an agreement, satisfaction, likelihood or frequency scale, or yes / no. */
export function isLikertValue(cell: string): boolean {
  return LIKERT_VALUES.has(cell.trim().toLowerCase().replace(/[’']/g, "'").replace(/[.!]$/, '').replace(/\s+/g, ' '));
}

function isNumberValue(cell: string): boolean {
  return /^[-+(]?[£$€]?\s?\d[\d\s.,']*(%|[eE][-+]?\d+)?\)?$/.test(cell);
}

const DATE_WORDS =
  /\b(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(am|pm|utc|gmt|bst)\b|\d+(st|nd|rd|th)?|(?<=\d)[tz]|[\s:/.,\-+()]/gi;

/** True for a date or time in any of the common spellings (`21 Mar 2012`, `Tue Feb 13 12:58:16 WIB 2018`, `01-01-13`). */
function isDateValue(cell: string): boolean {
  if (toIsoDate(cell) !== null) return true;
  const digitGroups = cell.match(/\d+/g)?.length ?? 0;
  if (digitGroups < 2) return false;
  const rest = cell.replace(/\b[A-Z]{2,5}\b/g, '').replace(DATE_WORDS, '');
  return rest === '';
}

function isIdentifierValue(cell: string): boolean {
  return (
    /^[A-Za-z]{0,6}[-_#]?\d[\d-]*$/.test(cell) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cell) ||
    /^[0-9a-f]{16,}$/i.test(cell)
  );
}

function wordCount(cell: string): number {
  return cell.split(/\s+/).filter((word) => word !== '').length;
}

const EMAIL_ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** UK numbers only: the recogniser the report redacts with, restricted to that kind. */
const PHONE_ONLY: RedactionPolicy = { kinds: new Set(['phone']), keepHandles: [] };

/** Cells longer than this are never a phone number alone (`+44 (0) 7700 900 123` is 20), so comments are not scanned for one. */
const MAX_PHONE_CHARS = 32;

/** A number written with its country code (`+34 662 22 79 31`): 8 to 15 digits after the `+`. */
const INTERNATIONAL_PHONE = /^\+(?=(?:[^\d]*\d){8,15}[^\d]*$)\d[\d\s().\u2010\u2011-]*\d$/;

/**
 * True for a phone number alone in a cell: a UK number as the report redacts it, or any number
 * written with `+` and its country code; also after the apostrophe that keeps a spreadsheet from
 * reading it as a number (Typeform writes `'+447700900123`).
 */
export function isPhoneValue(cell: string): boolean {
  const value = cell.trim().replace(/^'/, '');
  if (value.length > MAX_PHONE_CHARS) return false;
  return INTERNATIONAL_PHONE.test(value) || redactPersonalData(value, PHONE_ONLY).text === REDACTION_TOKENS.phone;
}

const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
/** An IPv6 address: hex groups joined by colons, shortened with `::` or written with six groups or more (a time, `10:15:30`, has three). */
const IPV6 = /^(?=.*::|(?:[^:]*:){5})[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;

/** True for an IP address alone in a cell (`192.0.2.10`, `2001:db8::1`), as survey tools log where a response came from. */
export function isIpAddressValue(cell: string): boolean {
  const value = cell.trim();
  return IPV4.test(value) || IPV6.test(value);
}

/** Values forms write in place of a respondent's name or address when they did not record who answered. */
const ANONYMOUS_VALUES = new Set([
  'anonymous',
  'anon',
  'anonymous user',
  'anonymous respondent',
  'anonymous attendee',
  'anonymous participant',
]);

/** True for an e-mail address alone in a cell (`asha@example.org`, `mailto:` or angle brackets allowed). */
export function isEmailValue(cell: string): boolean {
  return EMAIL_ADDRESS.test(
    cell
      .trim()
      .replace(/^mailto:/i, '')
      .replace(/^<(.*)>$/, '$1'),
  );
}

/** True for the word a form writes for a respondent it did not identify (`anonymous`, as Microsoft Forms writes it). */
export function isAnonymousValue(cell: string): boolean {
  return ANONYMOUS_VALUES.has(cell.trim().toLowerCase());
}

/** Words that may be lower-case inside a proper name (`Friends of the Earth`, `Age UK Leeds & District`). */
const NAME_JOINING_WORDS = new Set([
  'of',
  'and',
  'the',
  'for',
  'in',
  'on',
  'at',
  'de',
  'la',
  'le',
  'von',
  'van',
  'du',
  'da',
  '&',
  '-',
  '–',
]);

/**
 * True for a proper name (a person's or an organisation's): at most six words, each capitalised
 * (or an acronym, or a joining word like `of`), at least one written as a name (`Carers`, not
 * `CARERS`), and no sentence punctuation: `Carers Network North`, `NHS Leeds`, `Friends of the
 * Earth`. A sentence (`Keep it open`) or an answer shouted in capitals is not one.
 */
export function isProperName(cell: string): boolean {
  const value = cell.trim();
  if (/[.!?]$/.test(value)) return false;
  const words = value.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || words.length > CLOSED_ANSWER_WORDS) return false;
  let named = false;
  for (const word of words) {
    const bare = word.replace(/^[("']+|[)"',:]+$/g, '');
    if (NAME_JOINING_WORDS.has(bare.toLowerCase()) && !/^\p{Lu}/u.test(bare)) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(bare)) return false;
    if (/^\p{Lu}[\p{Ll}'’.-]/u.test(bare)) named = true;
  }
  return named;
}

/** Separators between the options a respondent ticked in one cell: Microsoft Forms' `A;B;`, Google Forms' `A, B`. */
const MULTIPLE_CHOICE_SEPARATORS = [';', ', '];

/**
 * True for a tick-box question's answers written into one cell, as Microsoft Forms (`Day
 * centre;Home care;`) and Google Forms (`Day centre, Home care`) export a question that takes
 * several answers: split at the separator, the options are a closed set (see
 * {@link isClosedAnswerSet}) and some cell holds more than one of them or ends with the separator.
 */
function isMultipleChoiceSet(header: string, values: readonly string[]): boolean {
  for (const separator of MULTIPLE_CHOICE_SEPARATORS) {
    const counts = new Map<string, number>();
    let options = 0;
    let joined = false;
    for (const value of values) {
      const parts = value
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== '');
      if (parts.length > 1 || value.trimEnd().endsWith(separator.trim())) joined = true;
      for (const part of parts) {
        const key = part.toLowerCase().replace(/\s+/g, ' ');
        counts.set(key, (counts.get(key) ?? 0) + 1);
        options += 1;
      }
    }
    if (joined && counts.size > 0 && isClosedAnswerSet(header, counts, options)) return true;
  }
  return false;
}

/** Words at or below which a value may be a closed answer (a tick-box option, a sector, a respondent type). */
const CLOSED_ANSWER_WORDS = 6;

/** Characters at or below which a value may be a closed answer. */
const CLOSED_ANSWER_CHARS = 60;

/** How many distinct options a closed question offers at most. */
const CLOSED_ANSWER_OPTIONS = 12;

/** A repeated value at least this many words (and {@link SENTENCE_CHARS} characters) long is a sentence people sent, not an option. */
const SENTENCE_WORDS = 10;

/** See {@link SENTENCE_WORDS}. */
const SENTENCE_CHARS = 50;

/** Headers of closed questions: respondent type, sector, role, "which of these best describes…". */
const CLOSED_QUESTION_HEADER =
  /\b(type|sector|category|capacity|role|organi[sz]ation type|which of (the|these)|best describes?|are you (responding|an?|the)|responding as|on behalf of)\b/i;

/**
 * True for the header of a closed question: about who is responding (`Respondent type`, `Sector`,
 * `Which of these best describes you?`), or about publishing the response (`May we publish your
 * response?`), whose options are never anyone's feedback.
 */
export function isClosedQuestionHeader(header: string): boolean {
  return CLOSED_QUESTION_HEADER.test(header) || consentQuestionKind(header) !== null;
}

function isShortOption(value: string): boolean {
  return value.length <= CLOSED_ANSWER_CHARS && wordCount(value) <= CLOSED_ANSWER_WORDS && !/[.!?]$/.test(value);
}

/**
 * True for a closed question's answers: a small set of short values (no sentence punctuation),
 * repeated on average at least twice each, or under a header that names a closed question
 * (`Respondent type`, `Sector`, `Which of these best describes you?`).
 */
function isClosedAnswerSet(header: string, counts: ReadonlyMap<string, number>, filled: number): boolean {
  if (counts.size > CLOSED_ANSWER_OPTIONS) return false;
  for (const value of counts.keys()) if (!isShortOption(value)) return false;
  return filled >= counts.size * 2 || isClosedQuestionHeader(header);
}

/**
 * True for free text where one long answer is repeated by many respondents (a campaign, a
 * template letter): the most frequent value is a sentence of {@link SENTENCE_WORDS}+ words, and it
 * is either the only repeated value or stands among many answers given once.
 */
function isRepeatedCampaign(counts: ReadonlyMap<string, number>, filled: number): boolean {
  let top = '';
  let topCount = 0;
  let repeatedValues = 0;
  let repeatedCells = 0;
  for (const [value, count] of counts) {
    if (count > topCount) {
      top = value;
      topCount = count;
    }
    if (count > 1) {
      repeatedValues += 1;
      repeatedCells += count;
    }
  }
  if (topCount < 2 || wordCount(top) < SENTENCE_WORDS || top.length < SENTENCE_CHARS) return false;
  const singles = filled - repeatedCells;
  return repeatedValues === 1 || singles >= filled * 0.2;
}

/**
 * Classifies one column from its cells (the sample's values of that column). A question on
 * publishing the response is a `choice` whatever its answers, so that a refusal written out at
 * length is never read as feedback. Free text is
 * people's own words: three or more words on average, with lower-case letters, and either mostly
 * distinct or one long answer repeated (a campaign, see {@link isRepeatedCampaign}); a closed
 * question's small set of short options is a `choice` even when it has several words
 * (see {@link isClosedAnswerSet}).
 */
export function profileColumn(header: string, cells: readonly string[]): ColumnProfile {
  const values = cells.map((cell) => cell.trim()).filter((cell) => cell !== '' && !isSentinelValue(cell));
  const filled = values.length;
  if (filled === 0) return { header, kind: 'empty', filled, meanWords: 0, distinctShare: 0 };
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = value.toLowerCase().replace(/\s+/g, ' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const distinct = counts.size;
  const distinctShare = distinct / filled;
  const meanWords = values.reduce((sum, value) => sum + wordCount(value), 0) / filled;
  const share = (test: (value: string) => boolean): number => values.filter(test).length / filled;
  const profile = (kind: ColumnKind): ColumnProfile => ({ header, kind, filled, meanWords, distinctShare });
  if (consentQuestionKind(header) !== null) return profile('choice');
  if (share(isPhoneValue) >= 0.8) return profile('phone');
  if (share(isIpAddressValue) >= 0.8) return profile('ip-address');
  if (share(isNumberValue) >= 0.8) return profile('number');
  if (share(isDateValue) >= 0.8) return profile('date');
  if (share(isLikertValue) >= 0.8) return profile('likert');
  if (share(isIdentifierValue) >= 0.8) return profile('identifier');
  if (share((value) => isEmailValue(value) || isAnonymousValue(value)) >= 0.8 && values.some(isEmailValue)) return profile('email');
  if (share(isProperName) >= 0.8) return profile(distinct <= Math.max(10, filled * 0.5) ? 'choice' : 'short-text');
  if (isMultipleChoiceSet(header, values)) return profile('choice');
  const lowerCase = share((value) => /[\p{Ll}\p{Lo}]/u.test(value));
  const closed = isClosedAnswerSet(header, counts, filled);
  if (!closed && meanWords >= 3 && lowerCase >= 0.3 && (distinctShare >= 0.5 || isRepeatedCampaign(counts, filled))) {
    return profile('free-text');
  }
  if (distinct <= Math.max(10, filled * 0.5)) return profile('choice');
  return profile('short-text');
}

/** Classifies every column of a table from a sample of its rows (cells in header order). */
export function profileColumns(headers: readonly string[], rows: readonly (readonly string[])[]): ColumnProfile[] {
  return headers.map((header, index) =>
    profileColumn(
      header,
      rows.map((cells) => cells[index] ?? ''),
    ),
  );
}
