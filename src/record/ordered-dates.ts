import { daysInMonth, isDigit } from './dates.js';

/**
 * The order of day, month and year in a date written with numbers alone: `02/01/2024` is
 * 2 January in `day-month-year` (UK and most of the world), 1 February in `month-day-year` (US);
 * `year-month-day` reads a two-digit year first (`24/01/02`).
 */
export type DateOrder = 'day-month-year' | 'month-day-year' | 'year-month-day';

/** Every {@link DateOrder}. */
export const DATE_ORDERS: readonly DateOrder[] = ['day-month-year', 'month-day-year', 'year-month-day'];

/** What one value says about the order of its column: one order, either of day/month and month/day, or nothing. */
export type DateOrderEvidence = 'day-month-year' | 'month-day-year' | 'either';

/**
 * Two-digit years up to this one are in the 2000s (`24` is 2024), later ones in the 1900s (`69`
 * is 1969): the pivot of POSIX `strptime` and Python's `%y`.
 */
export const TWO_DIGIT_YEAR_PIVOT = 68;

/** The longest text read as a date here: the longest layout, with room for spaces, is under half of it. */
const MAX_DATE_CHARS = 64;

const NUMERIC_DATE =
  /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:(?:\s+|T|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?)?(?:\s*(?:(?:utc|gmt)\s*([+-]\d{1,2}(?::?\d{2})?)?|z|([+-]\d{2}:?\d{2})))?$/i;

const MONTH_NAME =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const TIME_OF_DAY =
  '(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?:\\s*([ap])\\.?m\\.?)?)?(?:\\s*(?:(?:utc|gmt)\\s*([+-]\\d{1,2}(?::?\\d{2})?)?|z|([+-]\\d{2}:?\\d{2})))?$';

/** `2 January 2024`, `2nd Jan 2024`, `02-Jan-24`, with a weekday before and a time after. */
const DAY_MONTH_NAME = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(${MONTH_NAME})\\.?,?[\\s-]+(\\d{4}|\\d{2})${TIME_OF_DAY}`,
  'i',
);

/** `January 2, 2024`, `Jan 2nd 2024 10:15 AM`, with a weekday before. */
const MONTH_NAME_DAY = new RegExp(`^${WEEKDAY}(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_OF_DAY}`, 'i');

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isDigitAt(text: string, at: number): boolean {
  return isDigit(text.charCodeAt(at));
}

function isDateSeparatorAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x2f || code === 0x2e || code === 0x2d;
}

/**
 * True when `text` may be a date written with numbers whose reading depends on the order (one
 * or two digits, then `/`, `.` or `-`): a check of its first characters, cheap enough for every
 * cell of a date column. `2024-01-02` and `2024/01/02` are false: the year first is no question.
 */
export function mayNeedDateOrder(text: string): boolean {
  if (startsWithDayOrMonth(text)) return true;
  if (isDigitAt(text, 0)) return false;
  const trimmed = text.trimStart();
  return trimmed.length !== text.length && startsWithDayOrMonth(trimmed);
}

function startsWithDayOrMonth(text: string): boolean {
  if (!isDigitAt(text, 0)) return false;
  if (isDateSeparatorAt(text, 1)) return true;
  return isDigitAt(text, 1) && isDateSeparatorAt(text, 2);
}

/** A date and time of day, each field in range. */
interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A time of day, and the offset from UTC it was written in (minutes east: `GMT+1` is 60). */
type TimeOfDay = Omit<DateFields, 'year' | 'month' | 'day'> & { offsetMinutes: number };

/** The most hours a time zone is ahead of or behind UTC. */
const MAX_OFFSET_HOURS = 14;

/** Minutes east of UTC of an offset written after a time (`+1`, `+01:00`, `-0500`, `+5:30`); 0 for none, null when out of range. */
function offsetMinutesOf(text: string | undefined): number | null {
  if (text === undefined) return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.length <= 2 ? digits : digits.slice(0, -2));
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
  if (hours > MAX_OFFSET_HOURS || minutes > 59) return null;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** The time of day of a match, from its hour, minute, second, fraction, am/pm and offset groups; null when out of range. */
function timeOfDay(
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  fraction: string | undefined,
  meridiem: string | undefined,
  offset: string | undefined,
): TimeOfDay | null {
  const offsetMinutes = offsetMinutesOf(offset);
  if (offsetMinutes === null) return null;
  if (hourText === undefined) return { hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes };
  let hour = Number(hourText);
  const minute = Number(minuteText ?? '0');
  const second = Number(secondText ?? '0');
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second, millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')), offsetMinutes };
}

/** A year written with two digits, in the century {@link TWO_DIGIT_YEAR_PIVOT} puts it in. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year <= TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoOf(fields: DateFields): string {
  const { year, month, day, hour, minute, second, millisecond } = fields;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}Z`;
}

/** The three numbers of a numeric date and its time, as written. */
interface NumericDate {
  first: string;
  second: string;
  third: string;
  time: TimeOfDay;
}

function numericDate(text: string): NumericDate | null {
  if (text.length > MAX_DATE_CHARS * 4) return null;
  const trimmed = text.trim();
  if (trimmed.length > MAX_DATE_CHARS) return null;
  const match = NUMERIC_DATE.exec(trimmed);
  if (match === null) return null;
  const [, first = '', , second = '', third = '', hour, minute, secondsText, fraction, meridiem, zoneOffset, bareOffset] = match;
  if (first.length === 4 ? third.length > 2 : first.length > 2 || third.length === 3) return null;
  const time = timeOfDay(hour, minute, secondsText, fraction, meridiem, zoneOffset ?? bareOffset);
  return time === null ? null : { first, second, third, time };
}

/** The ISO form (UTC) of year, month and day numbers with a time, or null when they are no calendar date. */
function isoIfValid(year: number, month: number, day: number, time: TimeOfDay): string | null {
  if (!isCalendarDate(year, month, day)) return null;
  const { offsetMinutes, ...clock } = time;
  if (offsetMinutes === 0) return isoOf({ year, month, day, ...clock });
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(clock.hour, clock.minute - offsetMinutes, clock.second, clock.millisecond);
  return utc.toISOString();
}

/** A numeric date read in one order; null when it is no calendar date that way. */
function numericInOrder(date: NumericDate, order: DateOrder): string | null {
  const { first, second, third, time } = date;
  if (first.length === 4) return isoIfValid(Number(first), Number(second), Number(third), time);
  if (order === 'year-month-day') {
    return first.length === 2 && third.length <= 2 ? isoIfValid(fullYear(first), Number(second), Number(third), time) : null;
  }
  if (third.length === 1) return null;
  const year = fullYear(third);
  return order === 'day-month-year'
    ? isoIfValid(year, Number(second), Number(first), time)
    : isoIfValid(year, Number(first), Number(second), time);
}

/** A date with the month as a word, in either place: no order to choose. */
function monthNameDate(text: string): string | null {
  if (text.length > MAX_DATE_CHARS * 4) return null;
  const trimmed = text.trim();
  if (trimmed.length > MAX_DATE_CHARS) return null;
  const dayFirst = DAY_MONTH_NAME.exec(trimmed);
  const monthFirst = dayFirst === null ? MONTH_NAME_DAY.exec(trimmed) : null;
  const match = dayFirst ?? monthFirst;
  if (match === null) return null;
  const [, a = '', b = '', yearText = '', hour, minute, secondsText, fraction, meridiem, zoneOffset, bareOffset] = match;
  const [dayText, monthName] = dayFirst === null ? [b, a] : [a, b];
  const month = MONTH_PREFIXES.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const time = timeOfDay(hour, minute, secondsText, fraction, meridiem, zoneOffset ?? bareOffset);
  return time === null ? null : isoIfValid(fullYear(yearText), month, Number(dayText), time);
}

/**
 * Reads the date layouts that {@link toIsoDate} leaves unread, as ISO 8601 UTC (no zone means
 * UTC), or null: numbers in `order` (`02/01/2024`, `2.1.24`, `02-01-2024 14:30:00`,
 * `1/2/2024 2:30 PM`, separators `/`, `.` or `-`, a time with optional seconds, fraction, AM/PM
 * and `UTC`/`GMT`/`Z` or an offset, `GMT+1` as Google Forms writes British Summer Time,
 * `+01:00`, `UTC-5`), the year first whatever the order (`2024/1/2`), and the month as a word
 * (`2 January 2024`, `2nd Jan 2024`, `January 2, 2024 10:15 AM`). A value that is no calendar
 * date in that order (`31/02/2024`, month 13), or longer than 64 characters once trimmed, is null.
 */
export function readDateInOrder(text: string, order: DateOrder): string | null {
  const numeric = numericDate(text);
  if (numeric !== null) return numericInOrder(numeric, order);
  return monthNameDate(text);
}

/**
 * What a value says about the order of its column: `day-month-year` when only day first makes it a
 * date (`13/01/2024`), `month-day-year` when only month first does (`01/13/2024`), `either` when
 * both do (`02/01/2024`); null when it is not a numeric date read with day and month in either
 * order (the year first, a month name, not a date at all).
 */
export function dateOrderEvidence(text: string): DateOrderEvidence | null {
  const numeric = numericDate(text);
  if (numeric === null || numeric.first.length === 4) return null;
  const dayFirst = numericInOrder(numeric, 'day-month-year') !== null;
  const monthFirst = numericInOrder(numeric, 'month-day-year') !== null;
  if (dayFirst && monthFirst) return 'either';
  if (dayFirst) return 'day-month-year';
  return monthFirst ? 'month-day-year' : null;
}
