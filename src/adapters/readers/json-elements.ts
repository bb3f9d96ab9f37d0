import { InputError } from '../../errors.js';
import type { Provenance } from '../../record/record.js';
import type { AdapterItem } from '../format-adapter.js';
import { isOverlong, OVERLONG_EXCERPT_CHARS, WHOLE_FILE_LIMIT, type InputSource } from '../../source/input-source.js';

/**
 * One element of a streamed JSON array, or one line of JSON Lines. `index` is an array element's
 * 0-based place in its array: a minified array puts every element on line 1.
 */
export type JsonElement =
  | { kind: 'value'; value: unknown; line: number; index?: number }
  | { kind: 'invalid'; code?: 'JSON_TOO_DEEP' | 'JSON_TOO_LARGE'; message: string; line: number; excerpt: string; index?: number };

/**
 * The rejected item every JSON reader gives for an element that does not parse: the parser's
 * message, where the element starts, and an excerpt of it.
 */
export function invalidJsonItem(element: Extract<JsonElement, { kind: 'invalid' }>, provenance: Provenance): AdapterItem {
  return { kind: 'rejected', code: element.code ?? 'INVALID_JSON', message: element.message, provenance, excerpt: element.excerpt };
}

/**
 * The items of a JSON file or JSON Lines read value by value ({@link jsonFileValues}): a value that
 * does not parse is an {@link invalidJsonItem}; an array is read member by member (its part
 * `[index]`), anything else as one value; `itemsOf` gives the items of one value at its provenance.
 */
export async function* jsonValueItems(
  source: InputSource,
  itemsOf: (value: unknown, provenance: Provenance) => Iterable<AdapterItem>,
): AsyncIterable<AdapterItem> {
  for await (const element of jsonFileValues(source)) {
    const provenance = jsonElementProvenance(source.path, element);
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    if (Array.isArray(element.value)) {
      for (const [index, value] of element.value.entries())
        yield* itemsOf(value, { ...provenance, part: partWithin(provenance.part, `[${index}]`) });
    } else {
      yield* itemsOf(element.value, provenance);
    }
  }
}

/** Where an element is: its line, and for an element of a streamed array its place in it (`[3]`). */
export function jsonElementProvenance(file: string, element: JsonElement): Provenance {
  return element.index === undefined ? { file, line: element.line } : { file, line: element.line, part: `[${element.index}]` };
}

/** A part of the file inside another (`[2]` and `statuses[0]` give `[2].statuses[0]`; `[2]` and `[0]`, `[2][0]`). */
export function partWithin(outer: string | undefined, inner: string): string {
  if (outer === undefined || outer === '') return inner;
  return inner.startsWith('[') ? `${outer}${inner}` : `${outer}.${inner}`;
}

/** The largest single array element or JSON Lines line read: 16 Mi characters. Larger ones are rejected alone, never held whole. */
export const MAX_JSON_ELEMENT_CHARS = 16 * 1024 * 1024;

/** A number written with more characters than this is kept as its text: a double could not hold it. */
export const MAX_NUMBER_CHARS = 64;

function tooLargeElement(chars: number, line: number, excerpt: string): JsonElement {
  return {
    kind: 'invalid',
    code: 'JSON_TOO_LARGE',
    message: `JSON value of ${chars.toLocaleString('en-GB')} characters, over the ${MAX_JSON_ELEMENT_CHARS.toLocaleString('en-GB')} one record may hold; skipped`,
    line,
    excerpt: excerpt.trim().slice(0, OVERLONG_EXCERPT_CHARS),
  };
}

/** Which array {@link jsonArrayElements} streams, when not the first one in the text. */
export interface JsonArrayTarget {
  /** Stream the array that is the value of this member of the root object (`"comments": [...]`). */
  member: string;
  /** When the root object has no such array: true yields nothing, false (the default) throws. */
  optional?: boolean;
}

/**
 * Streams the elements of the first top-level JSON array in a text, skipping anything before its
 * `[` (such as X's `window.YTD.tweets.part0 = ` wrapper); or, given a `target`, the elements of the
 * array held by one member of the root object, skipping the members before it. Each element is
 * parsed on its own, so a broken element is one `invalid` item and the rest still read; an element
 * over {@link MAX_JSON_ELEMENT_CHARS} is scanned past without being held and is one `invalid`
 * item (`JSON_TOO_LARGE`). Throws an
 * error with file:line:col when the array is never closed (a truncated file) or there is no array.
 */
export async function* jsonArrayElements(
  file: string,
  chunks: AsyncIterable<string>,
  target?: JsonArrayTarget,
): AsyncIterable<JsonElement> {
  const seek = target === undefined ? firstArraySeeker() : memberArraySeeker(target.member);
  let absent = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let column = 0;
  let started = false;
  let finished = false;
  let element: string[] = [];
  let elementLength = 0;
  let oversized: string | null = null;
  let elementStart = 0;
  let elementLine = 1;
  let inElement = false;
  let firstCharacter = -1;
  let elementIndex = 0;

  for await (const chunk of chunks) {
    if (finished || absent) break;
    elementStart = 0;
    for (let index = 0; index < chunk.length; index += 1) {
      const character = chunk.charCodeAt(index);
      if (character === 10) {
        line += 1;
        column = 0;
      } else {
        column += 1;
      }
      if (!started) {
        if (firstCharacter === -1 && character > 32) firstCharacter = character;
        const found = seek(character);
        if (found === 'array') {
          started = true;
          depth = 1;
        } else if (found === 'absent') {
          absent = true;
          break;
        }
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (character === 92) escaped = true;
        else if (character === 34) inString = false;
        continue;
      }
      if (character === 34) {
        inString = true;
        if (depth === 1 && !inElement) beginElement(index);
        continue;
      }
      if (character === 91 || character === 123) {
        if (depth === 1 && !inElement) beginElement(index);
        depth += 1;
        continue;
      }
      if (character === 93 || character === 125) {
        depth -= 1;
        if (depth === 0) {
          if (inElement) yield finishElement(chunk, index);
          finished = true;
          break;
        }
        continue;
      }
      if (depth === 1) {
        if (character === 44) {
          if (inElement) yield finishElement(chunk, index);
        } else if (character > 32 && !inElement) {
          beginElement(index);
        }
      }
    }
    if (inElement && !finished) {
      const piece = chunk.slice(elementStart);
      elementLength += piece.length;
      if (oversized === null) {
        element.push(piece);
        if (elementLength > MAX_JSON_ELEMENT_CHARS) {
          oversized = element.join('').slice(0, OVERLONG_EXCERPT_CHARS);
          element = [];
        }
      }
    }
  }
  if (!started) {
    if (target === undefined && firstCharacter === 123) {
      throw new InputError(`holds a single JSON object, not an array of records or JSON Lines (one object per line)`, {
        location: { file },
        hint: 'this is not a feedback export; name its format if it is one',
        code: 'NOT_FEEDBACK',
      });
    }
    if (target === undefined)
      throw new InputError(`no JSON array found`, { location: { file }, hint: 'name its format instead of detecting it' });
    if (target.optional === true) return;
    throw new InputError(`no "${target.member}" array found in the JSON object`, {
      location: { file },
      hint: 'check that this is the complete export',
    });
  }
  if (!finished) {
    throw new InputError(`JSON ends before the array is closed (is the file truncated?)`, {
      location: { file, line, col: column + 1 },
      code: 'JSON_TRUNCATED',
    });
  }

  function beginElement(index: number): void {
    inElement = true;
    element = [];
    elementLength = 0;
    oversized = null;
    elementStart = index;
    elementLine = line;
  }

  function finishElement(chunk: string, endIndex: number): JsonElement {
    inElement = false;
    const index = elementIndex;
    elementIndex += 1;
    if (oversized !== null) {
      return { ...tooLargeElement(elementLength + endIndex - elementStart, elementLine, oversized), index };
    }
    element.push(chunk.slice(elementStart, endIndex));
    const text = element.join('');
    element = [];
    return { ...parseElement(text, elementLine), index };
  }
}

/** Looks at the characters before the streamed array, one at a time: `array` at its opening `[`. */
type ArraySeeker = (character: number) => 'array' | 'absent' | 'more';

function firstArraySeeker(): ArraySeeker {
  return (character) => (character === 91 ? 'array' : 'more');
}

/** Finds `"member": [` among the members of the root object, skipping nested values and strings. */
function memberArraySeeker(member: string): ArraySeeker {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let key: string[] = [];
  let lastKey: string | null = null;
  let afterColon = false;
  return (character) => {
    if (inString) {
      if (escaped) escaped = false;
      else if (character === 92) escaped = true;
      else if (character === 34) {
        inString = false;
        if (depth === 1 && !afterColon) lastKey = key.join('');
      } else if (depth === 1 && !afterColon && key.length <= member.length) key.push(String.fromCharCode(character));
      return 'more';
    }
    if (character <= 32) return 'more';
    if (depth === 0) {
      if (character === 123) {
        depth = 1;
        return 'more';
      }
      return 'absent';
    }
    if (character === 34) {
      inString = true;
      key = [];
      return 'more';
    }
    if (depth === 1) {
      if (character === 58) {
        afterColon = true;
        return 'more';
      }
      if (character === 44) {
        afterColon = false;
        lastKey = null;
        return 'more';
      }
      if (character === 91 && afterColon && lastKey === member) return 'array';
    }
    if (character === 91 || character === 123) depth += 1;
    else if (character === 93 || character === 125) {
      depth -= 1;
      if (depth === 0) return 'absent';
    }
    return 'more';
  };
}

/**
 * The elements of the JSON array that starts at offset `from` of a file's whole text (where a key
 * was found in it), as {@link jsonArrayElements} gives them, each line counted in the whole file.
 */
export async function* jsonArrayElementsFrom(file: string, text: string, from: number): AsyncIterable<JsonElement> {
  const linesBefore = newlinesBefore(text, from);
  for await (const element of jsonArrayElements(file, onlyChunk(text.slice(from)))) yield { ...element, line: element.line + linesBefore };
}

/** How many line feeds come before offset `end` of `text`. */
export function newlinesBefore(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

async function* onlyChunk(text: string): AsyncIterable<string> {
  yield text;
}

/** How deeply a JSON value may nest (arrays and objects): deeper values are refused, never walked. */
export const MAX_JSON_DEPTH = 256;

/** The deepest nesting of arrays and objects in a JSON text, found without parsing it (strings skipped). */
export function jsonNestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 92) index += 1;
      else if (character === 34) inString = false;
    } else if (character === 34) {
      inString = true;
    } else if (character === 91 || character === 123) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (character === 93 || character === 125) {
      depth -= 1;
    }
  }
  return deepest;
}

/** How a JSON text is parsed beyond JSON.parse. */
export interface JsonParseOptions {
  /**
   * An integer beyond 2^53 (a snowflake id such as a tweet's, written as a bare number) becomes a
   * string of its digits, exact, not a rounded double.
   */
  exactIntegers?: boolean;
}

function parseElement(text: string, line: number, options: JsonParseOptions = {}): JsonElement {
  if (text.length > MAX_JSON_ELEMENT_CHARS) return tooLargeElement(text.length, line, text.slice(0, OVERLONG_EXCERPT_CHARS));
  if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      kind: 'invalid',
      code: 'JSON_TOO_DEEP',
      message: `JSON nested more than ${MAX_JSON_DEPTH} levels deep; refused`,
      line,
      excerpt: text.trim().slice(0, 200),
    };
  }
  try {
    return { kind: 'value', value: parseKeepingLongNumbers(text, options), line };
  } catch (error) {
    return { kind: 'invalid', message: jsonErrorMessage(error), line, excerpt: text.trim().slice(0, 200) };
  }
}

/**
 * JSON.parse, except that a number written with more than {@link MAX_NUMBER_CHARS} characters
 * becomes a string of its digits rather than `Infinity` or a rounded double (and, with
 * `exactIntegers`, so does an integer beyond 2^53).
 */
export function parseKeepingLongNumbers(text: string, options: JsonParseOptions = {}): unknown {
  const exactIntegers = options.exactIntegers === true;
  if (!(exactIntegers ? UNSAFE_INTEGER_RUN : LONG_NUMBER_RUN).test(text)) return JSON.parse(text);
  const spans = longNumberSpans(text, exactIntegers);
  if (spans.length === 0) return JSON.parse(text);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(at, start), '"', text.slice(start, end), '"');
    at = end;
  }
  parts.push(text.slice(at));
  return JSON.parse(parts.join(''));
}

const LONG_NUMBER_RUN = new RegExp(`[-+.eE0-9]{${MAX_NUMBER_CHARS + 1}}`);
/** Digits enough to be an integer beyond 2^53 (which has 16). */
const UNSAFE_INTEGER_RUN = /\d{16}/;
const INTEGER_LITERAL = /^-?\d+$/;

function isUnsafeInteger(literal: string): boolean {
  return INTEGER_LITERAL.test(literal) && !Number.isSafeInteger(Number(literal));
}

/** Where the numbers longer than {@link MAX_NUMBER_CHARS} are, outside strings: [start, end) pairs. */
function longNumberSpans(text: string, exactIntegers: boolean): [number, number][] {
  const spans: [number, number][] = [];
  let inString = false;
  let numberStart = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const character = index < text.length ? text.charCodeAt(index) : 32;
    if (inString) {
      if (character === 92) index += 1;
      else if (character === 34) inString = false;
      continue;
    }
    const numeric =
      (character >= 48 && character <= 57) ||
      character === 45 ||
      character === 43 ||
      character === 46 ||
      character === 101 ||
      character === 69;
    if (numberStart === -1) {
      if (character === 34) inString = true;
      else if (numeric) numberStart = index;
    } else if (!numeric) {
      if (
        index - numberStart > MAX_NUMBER_CHARS ||
        (exactIntegers && index - numberStart >= 16 && isUnsafeInteger(text.slice(numberStart, index)))
      )
        spans.push([numberStart, index]);
      numberStart = -1;
      if (character === 34) inString = true;
    }
  }
  return spans;
}

/**
 * Streams JSON Lines: one value per non-blank line; a line that does not parse is one `invalid`
 * item, and so is a line over {@link MAX_JSON_ELEMENT_CHARS}, never held whole.
 */
export async function* jsonLines(source: Pick<InputSource, 'lines'>, options: JsonParseOptions = {}): AsyncIterable<JsonElement> {
  for await (const item of source.lines(MAX_JSON_ELEMENT_CHARS)) {
    if (isOverlong(item)) {
      yield tooLargeElement(item.chars, item.line, item.excerpt);
      continue;
    }
    if (item.text.trim() === '') continue;
    yield parseElement(item.text, item.line, options);
  }
}

/** Node's JSON.parse message without the position noise, for one-line diagnostics. */
export function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}`;
}

/** Says whether the head of a file starts like JSON Lines (one object per line), rather than one JSON document. */
export function looksLikeJsonLines(headText: string): boolean {
  const lines = headText.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return false;
  const first = lines[0]?.trim() ?? '';
  if (!first.startsWith('{')) return false;
  if (lines.length === 1) {
    try {
      JSON.parse(first);
      return true;
    } catch {
      return false;
    }
  }
  return first.endsWith('}') && (lines[1]?.trim().startsWith('{') ?? false);
}

/**
 * Says whether a file is read as JSON Lines: its head looks like them, its extension says so, or
 * it starts with an object on a line longer than the head (a long JSON Lines line, or a whole
 * document on one line: either way each line is one value).
 */
export function readsAsJsonLines(source: Pick<InputSource, 'headText' | 'extension'>): boolean {
  if (looksLikeJsonLines(source.headText) || source.extension === '.jsonl' || source.extension === '.ndjson') return true;
  return source.headText.trimStart().startsWith('{') && !source.headText.includes('\n');
}

/**
 * Streams the JSON values of a file whatever its layout: the elements of a top-level array
 * (streamed), one pretty-printed object (its first line is a lone `{`; read whole, up to
 * `wholeLimit` bytes, and yielded as one value), or else JSON Lines. Throws an InputError with
 * file:line:col when a single-object file does not parse.
 */
export async function* jsonFileValues(source: InputSource, wholeLimit = WHOLE_FILE_LIMIT): AsyncIterable<JsonElement> {
  const head = source.headText.trimStart();
  if (head.startsWith('[')) {
    yield* jsonArrayElements(source.path, source.text());
    return;
  }
  const firstLine = head.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine !== '{') {
    yield* jsonLines(source);
    return;
  }
  yield await wholeJsonValue(source, wholeLimit);
}

/**
 * A file read whole (up to `wholeLimit` bytes) as one JSON value, with the line it starts on.
 * Throws an InputError with file:line:col when it does not parse, and `JSON_TOO_DEEP` when it
 * nests more than {@link MAX_JSON_DEPTH} levels.
 */
export async function wholeJsonValue(source: InputSource, wholeLimit = WHOLE_FILE_LIMIT): Promise<JsonElement> {
  const text = await source.readText(wholeLimit);
  const leadingLines = countLines(text.slice(0, text.length - text.trimStart().length));
  if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new InputError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep; refused`, {
      location: { file: source.path, line: leadingLines + 1 },
      code: 'JSON_TOO_DEEP',
    });
  }
  try {
    return { kind: 'value', value: parseKeepingLongNumbers(text), line: leadingLines + 1 };
  } catch (error) {
    const atPosition = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    const offset = atPosition?.[1] === undefined ? null : Number(atPosition[1]);
    const where = offset === null ? {} : { line: countLines(text.slice(0, offset)) + 1, col: offset - text.lastIndexOf('\n', offset - 1) };
    throw new InputError(jsonErrorMessage(error), { location: { file: source.path, ...where }, cause: error });
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
