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

/** The index of `text` among {@link LEADING_FIELDS}. */
const TEXT_FIELD = 6;

/**
 * The longest string V8 copies when it is cut out of another (longer ones refer to the string they
 * were cut from, and keep it alive).
 */
const SHORT_STRING = 12;

const META_OPENING = ',"meta":';
const EMPTY_META_OPENING = ',"meta":{},"provenance":';
const CLOSING_BRACE = 0x7d;
const QUOTE = 0x22;
const CONTROL = /[\u0000-\u001f]/;

/**
 * What `JSON.parse(line)` gives for a record line, read without parsing it whole when it is laid
 * out as the store writes it: the leading fields' strings cut out of the line (a string with an
 * escape is given to JSON.parse alone, and so is any field but the text longer than V8 copies when
 * cutting: the report keeps ids, dates and the like long, and they must not keep their lines
 * alive), and only the tail (`meta`, `provenance`) parsed. Anything
 * else (other keys or key order, white space, numbers, a control character) goes to JSON.parse, so
 * a line the store did not write, or one from a later tlap with more fields, reads as JSON.parse
 * reads it; an invalid line throws as JSON.parse does. A fuzz test holds the two together.
 */
export function readRecordLine(line: string): unknown {
  return leanRecord(line) ?? JSON.parse(line);
}

function leanRecord(line: string): Record<string, unknown> | null {
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
        const kept = values.length !== TEXT_FIELD && end - at - 1 > SHORT_STRING;
        values.push(escaped || kept ? (JSON.parse(line.slice(at, end + 1)) as string) : line.slice(at + 1, end));
        at = end + 1;
      } else if (nullable && line.startsWith('null', at)) {
        values.push(null);
        at += 4;
      } else return null;
    }
    if (line.startsWith(EMPTY_META_OPENING, at) && line.charCodeAt(line.length - 1) === CLOSING_BRACE) {
      const provenance: unknown = JSON.parse(line.slice(at + EMPTY_META_OPENING.length, -1));
      return record(values, {}, provenance);
    }
    if (!line.startsWith(META_OPENING, at)) return null;
    const tail: unknown = JSON.parse(`{${line.slice(at + 1)}`);
    if (typeof tail !== 'object' || tail === null) return null;
    const keys = Object.keys(tail);
    if (keys.length !== 2 || keys[0] !== 'meta' || keys[1] !== 'provenance') return null;
    const { meta, provenance } = tail as { meta: unknown; provenance: unknown };
    return record(values, meta, provenance);
  } catch {
    return null;
  }
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
