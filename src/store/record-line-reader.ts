/**
 * The fields of a record line before `meta`, in the order the store writes them, each `,"key":`
 * (the first `{"key":`), and whether it may be null.
 */
const LEADING_FIELDS: readonly { key: string; opening: string; nullable: boolean }[] = [
  ['id', false],
  ['sourceId', false],
  ['channel', false],
  ['format', false],
  ['author', true],
  ['date', true],
  ['text', false],
  ['url', true],
  ['inReplyTo', true],
].map(([key, nullable], index) => ({
  key: String(key),
  opening: `${index === 0 ? '{' : ','}"${String(key)}":`,
  nullable: nullable === true,
}));

/**
 * Per leading field, whether it must be a string of its own when V8 would cut it as a slice: the
 * report keeps ids and the like long, and they must not keep their lines alive. The text and the
 * date are kept only with their record (the date also as the earliest or latest, one line each).
 */
const OWN_STRING: readonly boolean[] = LEADING_FIELDS.map(({ key }) => key !== 'text' && key !== 'date');

/**
 * The longest string V8 copies when it is cut out of another (longer ones refer to the string they
 * were cut from, and keep it alive).
 */
const SHORT_STRING = 12;

const META_OPENING = ',"meta":';
const PROVENANCE_OPENING = ',"provenance":';
const CLOSING_BRACE = 0x7d;
const QUOTE = 0x22;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** Digits of the longest whole number read by hand (every such number is exact in a double). */
const MAX_DIGITS = 15;
const CONTROL = /[\u0000-\u001f]/;
const CONTROL_OR_ESCAPE = /[\u0000-\u001f\\]/;

/**
 * What `JSON.parse(line)` gives for a record line, read without parsing it whole when it is laid
 * out as the store writes it: the leading fields' strings cut out of the line (by one regular
 * expression when none has an escape or a control character; a string with an escape is given to
 * JSON.parse alone, and so is any field but the text and the date longer than V8 copies when
 * cutting: see {@link OWN_STRING}), then a provenance of a file and line or row numbers read by hand
 * (its file the same string as the line before's when they agree) with only the `meta` value
 * parsed, or else the tail (`meta`, `provenance`) parsed. Anything else (other keys or key order,
 * white space, numbers, a control character) goes to JSON.parse, so a line the store did not write,
 * or one from a later tlap with more fields, reads as JSON.parse reads it; an invalid line throws
 * as JSON.parse does. Property tests hold the two together.
 */
export function readRecordLine(line: string): unknown {
  return leanRecord(line) ?? JSON.parse(line);
}

/** A string of a line without escapes or control characters, as a capture. */
const PLAIN_STRING = '([^"\\\\\\u0000-\\u001f]*)';
/** {@link PLAIN_STRING}, or null. */
const PLAIN_OR_NULL = `(?:"${PLAIN_STRING}"|null)`;

/**
 * {@link LEADING_FIELDS} and `,"meta":` as the store writes them when none of the strings has an
 * escape or a control character (nearly every line): the strings captured.
 */
const PLAIN_LEADING_FIELDS = new RegExp(
  LEADING_FIELDS.map(({ opening, nullable }) => `${escapeForRegExp(opening)}${nullable ? PLAIN_OR_NULL : `"${PLAIN_STRING}"`}`).join('') +
    escapeForRegExp(META_OPENING),
  'y',
);

function escapeForRegExp(text: string): string {
  return text.replace(/[{}]/g, '\\$&');
}

function leanRecord(line: string): Record<string, unknown> | null {
  PLAIN_LEADING_FIELDS.lastIndex = 0;
  const plain = PLAIN_LEADING_FIELDS.exec(line);
  const values = plain === null ? escapedLeadingFields(line) : plainLeadingFields(plain);
  if (values === null) return null;
  const at = plain === null ? leadingEnd : PLAIN_LEADING_FIELDS.lastIndex - META_OPENING.length;
  try {
    const metaAt = at + META_OPENING.length;
    const provenanceAt = line.indexOf(PROVENANCE_OPENING, metaAt);
    const provenance = provenanceAt > metaAt ? plainProvenance(line, provenanceAt + PROVENANCE_OPENING.length) : null;
    if (provenance !== null) {
      const meta: unknown =
        provenanceAt === metaAt + 2 && line.startsWith('{}', metaAt) ? {} : JSON.parse(line.slice(metaAt, provenanceAt));
      return record(values, meta, provenance);
    }
    const tail: unknown = JSON.parse(`{${line.slice(at + 1)}`);
    if (typeof tail !== 'object' || tail === null) return null;
    const keys = Object.keys(tail);
    if (keys.length !== 2 || keys[0] !== 'meta' || keys[1] !== 'provenance') return null;
    const { meta, provenance: parsed } = tail as { meta: unknown; provenance: unknown };
    return record(values, meta, parsed);
  } catch {
    return null;
  }
}

/** The leading fields' values from a match of {@link PLAIN_LEADING_FIELDS}. */
function plainLeadingFields(match: RegExpExecArray): (string | null)[] {
  const values: (string | null)[] = [];
  for (let index = 1; index <= LEADING_FIELDS.length; index += 1) {
    const value = match[index] ?? null;
    const kept = value !== null && OWN_STRING[index - 1] === true && value.length > SHORT_STRING;
    values.push(kept ? (JSON.parse(`"${value}"`) as string) : value);
  }
  return values;
}

/** Where the last {@link escapedLeadingFields} read ended: the index of `,"meta":`. */
let leadingEnd = 0;

/** The leading fields' values of a line with escapes, its end in {@link leadingEnd}; null when they are not laid out as the store writes them. */
function escapedLeadingFields(line: string): (string | null)[] | null {
  if (CONTROL.test(line)) return null;
  const escapes = line.includes('\\');
  const values: (string | null)[] = [];
  let at = 0;
  try {
    for (const { opening, nullable } of LEADING_FIELDS) {
      if (!line.startsWith(opening, at)) return null;
      at += opening.length;
      if (line.charCodeAt(at) === QUOTE) {
        const end = escapes ? stringEnd(line, at) : line.indexOf('"', at + 1);
        if (end === -1) return null;
        const escaped = escapes && line.slice(at, end).includes('\\');
        const kept = OWN_STRING[values.length] === true && end - at - 1 > SHORT_STRING;
        values.push(escaped || kept ? (JSON.parse(line.slice(at, end + 1)) as string) : line.slice(at + 1, end));
        at = end + 1;
      } else if (nullable && line.startsWith('null', at)) {
        values.push(null);
        at += 4;
      } else return null;
    }
  } catch {
    return null;
  }
  if (!line.startsWith(META_OPENING, at)) return null;
  leadingEnd = at;
  return values;
}

function record(values: readonly (string | null)[], meta: unknown, provenance: unknown): Record<string, unknown> {
  return {
    id: values[0],
    sourceId: values[1],
    channel: values[2],
    format: values[3],
    author: values[4],
    date: values[5],
    text: values[6],
    url: values[7],
    inReplyTo: values[8],
    meta,
    provenance,
  };
}

const FILE_OPENING = '{"file":"';
const LINE_OPENING = ',"line":';
const ROW_OPENING = ',"row":';

/** The file of the last provenance read: lines from one file repeat it, and get the same string. */
let lastFile = '';

/**
 * The provenance that opens at `at` and ends the line when it is a file (without escapes or
 * control characters) and a line and/or row number, in that order (`{"file":"…","line":2,"row":1}`;
 * numbers whole, unsigned and of at most {@link MAX_DIGITS} digits), as JSON.parse reads it; null
 * for anything else.
 */
function plainProvenance(line: string, at: number): Record<string, unknown> | null {
  if (!line.startsWith(FILE_OPENING, at)) return null;
  const fileAt = at + FILE_OPENING.length;
  let file = lastFile;
  let next = fileAt + file.length;
  if (line.charCodeAt(next) !== QUOTE || !line.startsWith(file, fileAt)) {
    next = line.indexOf('"', fileAt);
    if (next === -1) return null;
    file = line.slice(fileAt, next);
    if (CONTROL_OR_ESCAPE.test(file)) return null;
    if (file.length > SHORT_STRING) file = JSON.parse(`"${file}"`) as string;
    lastFile = file;
  }
  const lineNumber = numberFieldAt(line, next + 1, LINE_OPENING);
  if (lineNumber === MALFORMED_NUMBER) return null;
  const row = numberFieldAt(line, numberEnd, ROW_OPENING);
  if (row === MALFORMED_NUMBER) return null;
  next = numberEnd;
  if (next !== line.length - 2 || line.charCodeAt(next) !== CLOSING_BRACE || line.charCodeAt(next + 1) !== CLOSING_BRACE) return null;
  if (lineNumber === -1) return row === -1 ? { file } : { file, row };
  return row === -1 ? { file, line: lineNumber } : { file, line: lineNumber, row };
}

/** Where the last {@link wholeNumberAt} read ended. */
let numberEnd = 0;

/**
 * The whole number written at `at` as JSON writes it (no sign, no leading zero, at most
 * {@link MAX_DIGITS} digits), its end in {@link numberEnd}; -1 when there is none.
 */
/** What {@link numberFieldAt} gives for a field that is there without a whole number. */
const MALFORMED_NUMBER = -2;

/**
 * A whole-number field written `opening` then the number at `at`: the number, or -1 when the line
 * has no `opening` there, or {@link MALFORMED_NUMBER}; where it ends (or `at`, for none) in
 * {@link numberEnd}.
 */
function numberFieldAt(line: string, at: number, opening: string): number {
  numberEnd = at;
  if (!line.startsWith(opening, at)) return -1;
  const value = wholeNumberAt(line, at + opening.length);
  return value === -1 ? MALFORMED_NUMBER : value;
}

function wholeNumberAt(line: string, at: number): number {
  let end = at;
  let value = 0;
  for (let code = line.charCodeAt(end); code >= DIGIT_0 && code <= DIGIT_9; code = line.charCodeAt(end)) {
    value = value * 10 + (code - DIGIT_0);
    end += 1;
  }
  if (end === at || end - at > MAX_DIGITS || (line.charCodeAt(at) === DIGIT_0 && end > at + 1)) return -1;
  numberEnd = end;
  return value;
}

/** The index of the quote closing the string that opens at `open`; -1 when it is not closed. */
function stringEnd(line: string, open: number): number {
  let close = line.indexOf('"', open + 1);
  let escape = line.indexOf('\\', open + 1);
  while (escape !== -1 && close !== -1 && escape < close) {
    const after = escape + 2;
    if (after > close) close = line.indexOf('"', after);
    escape = line.indexOf('\\', after);
  }
  return close;
}
