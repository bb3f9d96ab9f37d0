/**
 * Parses the date formats exports use into ISO 8601 UTC, or returns null when the value is empty
 * or cannot be read unambiguously. Accepts ISO 8601 (with or without zone; no zone means UTC),
 * RFC 2822 (`Tue, 21 Jan 2014 09:00:00 +0000`), Twitter's `Wed Oct 10 20:19:24 +0000 2018`,
 * Unix epoch seconds or milliseconds, and `YYYY-MM-DD HH:MM:SS` (UTC), also with ` UTC` / ` GMT`
 * after it (R) or a `+HH:MM` offset (pandas).
 */
export function toIsoDate(value: unknown): string | null {
  if (typeof value === 'string') {
    const plain = plainIsoDate(value);
    if (plain !== null) return plain;
  }
  return parseDate(value);
}

/** {@link toIsoDate} read the general way, through the patterns and `Date.parse`. */
export function parseDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return fromEpoch(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || /^(na|n\/a|null|none|-)$/i.test(text)) return null;
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const isoNoZone = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/.exec(text);
  if (isoNoZone) return fromMillis(Date.parse(`${isoNoZone[1]}T${isoNoZone[2]}Z`));
  const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(?:UTC|GMT|Z|([+-]\d{2}:?\d{2}))$/.exec(text);
  if (spaced) {
    const zone = spaced[3]?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') ?? 'Z';
    return fromMillis(Date.parse(`${spaced[1]}T${spaced[2]}${zone}`));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return fromMillis(Date.parse(`${text}T00:00:00Z`));
  const twitter = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}) (\d{4})$/.exec(text);
  if (twitter) return fromMillis(Date.parse(`${twitter[2]} ${twitter[1]} ${twitter[5]} ${twitter[3]} ${twitter[4]}`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) || /^\w{3}, \d{1,2} \w{3} \d{4}/.test(text) || /^\d{1,2} \w{3} \d{4}/.test(text)) {
    return fromMillis(Date.parse(text));
  }
  return null;
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  return fromMillis(value > 1e11 ? value : value * 1000);
}

/** The instant as ISO 8601, or null when it is no time a date can hold (NaN, or beyond ±275,760 years). */
function fromMillis(millis: number): string | null {
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the two digits of `text` at `at`, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - DIGIT_ZERO;
  const units = text.charCodeAt(at + 1) - DIGIT_ZERO;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/** Whether a UTF-16 code unit is an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= DIGIT_ZERO && code <= DIGIT_NINE;
}

/**
 * The ISO form of the commonest layout, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM:SS`
 * (UTC, no fraction), read from its digits when every field is in range: what {@link parseDate}
 * gives, without a pattern, `Date.parse` or a `Date`. Null for anything else, which goes the general way.
 */
function plainIsoDate(text: string): string | null {
  const { length } = text;
  if (length !== 10 && length !== 16 && length !== 19) return null;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  for (let at = 0; at < 4; at += 1) if (!isDigit(text.charCodeAt(at))) return null;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(text.slice(0, 4)), month)) return null;
  const date = text.slice(0, 10);
  if (length === 10) return `${date}T00:00:00.000Z`;
  const separator = text.charCodeAt(10);
  if ((separator !== 0x54 && separator !== 0x20) || text.charCodeAt(13) !== 0x3a) return null;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  if (length === 16) return `${date}T${text.slice(11, 16)}:00.000Z`;
  if (text.charCodeAt(16) !== 0x3a) return null;
  const second = twoDigits(text, 17);
  if (second < 0 || second > 59) return null;
  return `${date}T${text.slice(11, 19)}.000Z`;
}

/** Days in a month (1-12) of a year of the proleptic Gregorian calendar, as `Date` counts them. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] ?? 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
