import { grownArray } from '../grown-array.js';
import { decodeHtmlEntity, HTML_ENTITY } from './html-entities.js';
import { porterStem, stemWord } from './word-stemmer.js';

/**
 * The version of the tokeniser and stemmer: bumped whenever a change to either could change which
 * words a text has, and so which themes it gets. Stored with results so that they can be compared.
 */
export const NORMALISATION_VERSION = 2;

/** One word of a text after normalisation, with where it stands. */
export interface Token {
  /** The word as matched: lower-case, NFKC, possessive and other apostrophes dropped. */
  word: string;
  /** Its Porter stem. */
  stem: string;
  /** Offset of the word's first character in the text as given (a JavaScript string index). */
  start: number;
  /** Offset just past the word's last character in the text as given: `text.slice(start, end)` is the word as written. */
  end: number;
}

/** A text ready for matching: its words, located in the text as given. */
export interface NormalisedText {
  /** The words, in order. */
  tokens: Token[];
}

const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const URL_START = /https?:\/\/|www\./i;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const MENTION = /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_]+/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/gu;
const CHARACTER_WITH_MARKS = /\P{M}\p{M}*|\p{M}+/gu;
const MAPPING_NEEDED = /[<&@#]/;
const ASCII = /^[\x00-\x7f]*$/;
const QUOTES_AND_DASHES = /^[\x00-\x7f\u2018-\u201f\u2032\u2013\u2014]*$/;

/**
 * A prepared text with, for each of its UTF-16 units, the range of the original text it came from.
 * `null` maps mean the prepared text is the original, unit for unit.
 */
interface MappedText {
  text: string;
  starts: number[] | null;
  ends: number[] | null;
}

/** Builds a mapped text piece by piece. */
class MappedTextBuilder {
  private readonly parts: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  constructor(private readonly source: MappedText) {}

  private startOf(index: number): number {
    return this.source.starts === null ? index : (this.source.starts[index] ?? index);
  }

  private endOf(index: number): number {
    return this.source.ends === null ? index + 1 : (this.source.ends[index] ?? index + 1);
  }

  /** Copies units [from, to) of the source with their origins. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    for (let index = from; index < to; index += 1) {
      this.starts.push(this.startOf(index));
      this.ends.push(this.endOf(index));
    }
  }

  /** Emits `text` as coming from source units [from, to) (an empty range: inserted at `from`). */
  emit(text: string, from: number, to: number): void {
    if (text === '') return;
    this.parts.push(text);
    const start = from < this.source.text.length ? this.startOf(from) : this.endOf(from - 1);
    const end = to > from ? this.endOf(to - 1) : start;
    for (let index = 0; index < text.length; index += 1) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Emits `text` of the same length as source units [from, from + text.length), unit for unit. */
  emitInPlace(text: string, from: number): void {
    this.parts.push(text);
    for (let index = 0; index < text.length; index += 1) {
      this.starts.push(this.startOf(from + index));
      this.ends.push(this.endOf(from + index));
    }
  }

  build(): MappedText {
    return { text: this.parts.join(''), starts: this.starts, ends: this.ends };
  }
}

/** Replaces each match of `pattern` in a mapped text; a replacement of the same length maps unit for unit. */
function replaceMapped(
  source: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray, builder: MappedTextBuilder) => void,
): MappedText {
  pattern.lastIndex = 0;
  const first = pattern.exec(source.text);
  if (first === null) return source;
  const builder = new MappedTextBuilder(source);
  let last = 0;
  for (let match: RegExpExecArray | null = first; match !== null; match = pattern.exec(source.text)) {
    builder.copy(last, match.index);
    replace(match, builder);
    last = match.index + match[0].length;
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  builder.copy(last, source.text.length);
  return builder.build();
}

/**
 * HTML comments (each `<!--` to the next `-->`) replaced by one space, found with `indexOf`: a
 * pattern looked for the end again from every `<!--` that no `-->` follows, so a text of 100,000
 * of them took 22 s to theme.
 */
function replaceComments(source: MappedText): MappedText {
  const text = source.text;
  let start = text.indexOf('<!--');
  let end = start === -1 ? -1 : text.indexOf('-->', start + 4);
  if (end === -1) return source;
  const builder = new MappedTextBuilder(source);
  let last = 0;
  while (end !== -1) {
    builder.copy(last, start);
    builder.emit(' ', start, end + 3);
    last = end + 3;
    start = text.indexOf('<!--', last);
    end = start === -1 ? -1 : text.indexOf('-->', start + 4);
  }
  builder.copy(last, text.length);
  return builder.build();
}

function replaceWith(text: string | ((whole: string) => string)): (match: RegExpExecArray, builder: MappedTextBuilder) => void {
  return (match, builder) => {
    const replacement = typeof text === 'string' ? text : text(match[0]);
    if (replacement.length === match[0].length) builder.emitInPlace(replacement, match.index);
    else builder.emit(replacement, match.index, match.index + match[0].length);
  };
}

/** NFKC, one character (with its combining marks) at a time, so every unit keeps its origin. */
function normaliseMapped(source: MappedText): MappedText {
  if (source.text.normalize('NFKC') === source.text) return source;
  return replaceMapped(
    source,
    CHARACTER_WITH_MARKS,
    replaceWith((character) => character.normalize('NFKC')),
  );
}

/** Curly quotes made straight: one unit for one, so every offset stays where it was. */
function straightenQuotes(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/** `#UnpaidCarers` → ` Unpaid Carers`: the `#` and each `_` become a space, a space goes in at each lower-to-upper step. */
function splitHashtag(match: RegExpExecArray, builder: MappedTextBuilder): void {
  const body = (match[1] ?? '').replace(/_/g, ' ');
  const boundaries = new Set([...body.matchAll(CAMEL_BOUNDARY)].map((boundary) => boundary.index));
  const bodyStart = match.index + 1;
  builder.emitInPlace(' ', match.index);
  for (let index = 0; index < body.length; index += 1) {
    if (boundaries.has(index)) builder.emit(' ', bodyStart + index, bodyStart + index);
    builder.emitInPlace(body[index] ?? ' ', bodyStart + index);
  }
}

/**
 * The text matching reads, with the origin of each of its units: NFKC, HTML tags dropped and
 * entities decoded, curly quotes straightened, URLs, e-mail addresses and @mentions each replaced by
 * one space, hashtags split into their words. A text with none of these is its own preparation.
 */
function prepareMapped(text: string): MappedText {
  if (!MAPPING_NEEDED.test(text) && !URL_START.test(text) && (ASCII.test(text) || text.normalize('NFKC') === text)) {
    return { text: straightenQuotes(text), starts: null, ends: null };
  }
  let prepared = normaliseMapped({ text, starts: null, ends: null });
  if (prepared.text.includes('<') || prepared.text.includes('&')) {
    prepared = replaceMapped(replaceComments(prepared), TAG, replaceWith(' '));
    prepared = replaceMapped(prepared, HTML_ENTITY, replaceWith(decodeHtmlEntity));
    prepared = normaliseMapped(prepared);
  }
  prepared = { ...prepared, text: straightenQuotes(prepared.text) };
  prepared = replaceMapped(prepared, URL, replaceWith(' '));
  if (prepared.text.includes('@')) {
    prepared = replaceMapped(prepared, EMAIL, replaceWith(' '));
    prepared = replaceMapped(prepared, MENTION, replaceWith(' '));
  }
  if (prepared.text.includes('#')) prepared = replaceMapped(prepared, HASHTAG, splitHashtag);
  return prepared;
}

/** Prepares a text for matching: what {@link normaliseText} reads its words from (see prepareMapped). */
export function prepareText(text: string): string {
  return prepareMapped(text).text;
}

/**
 * The one normalisation for both sides of matching: codebook keywords and record text.
 * Lower-cases, splits into words at whitespace, punctuation, hyphens and slashes, drops the
 * possessive `'s` / `s'` and other apostrophes, and stems each word with Porter. Each word's
 * offsets point into `text` itself, whatever preparing it changed.
 */
export function normaliseText(text: string): NormalisedText {
  const blanked = plainText(text);
  return { tokens: blanked === null ? generalTokens(text) : asciiTokens(blanked.text, asciiWords, blanked.breaks) };
}

/**
 * {@link blankAscii} for a text of ASCII, curly quotes and dashes (as typed by word processors and
 * phones): NFKC leaves those as they are and straightening the quotes keeps every offset, so such a
 * text is read by the ASCII scan too, the dashes standing between words as in the general path.
 */
function plainText(text: string): BlankedAscii | null {
  if (ASCII.test(text)) return blankAscii(text);
  return QUOTES_AND_DASHES.test(text) ? blankAscii(straightenQuotes(text)) : null;
}

/** The words of any text by the general path: preparing with offsets kept, then the Unicode {@link WORD} pattern. */
function generalTokens(text: string): Token[] {
  const prepared = prepareMapped(text);
  const tokens: Token[] = [];
  for (const match of prepared.text.matchAll(WORD)) {
    const word = dropApostrophes(match[0].toLowerCase());
    if (word === '') continue;
    const from = match.index;
    const to = from + match[0].length;
    const start = prepared.starts === null ? from : (prepared.starts[from] ?? from);
    const end = prepared.ends === null ? to : (prepared.ends[to - 1] ?? to);
    tokens.push({ word, stem: stemWord(word), start, end });
  }
  return tokens;
}

/** An ASCII text with what preparing would drop blanked out, unit for unit, and where hashtags split into words. */
interface BlankedAscii {
  text: string;
  /** Offsets where a hashtag's words split at a lower-to-upper step (`#UnpaidCarers` at `C`), ascending; null when none. */
  breaks: number[] | null;
}

/**
 * What preparing makes of an ASCII text without tags, entities or URLs, as offsets into the text
 * itself: e-mail addresses and @mentions blanked, a hashtag's `#` and `_` blanked, and the points
 * where its words split. The same patterns as {@link prepareMapped}, applied in the same order; a
 * blank keeps its unit, so every word stays where it was (its neighbours see a space either way).
 * Null when the text needs the general path.
 */
function blankAscii(text: string): BlankedAscii | null {
  if (!MAPPING_NEEDED.test(text)) return URL_START.test(text) ? null : { text, breaks: null };
  if (text.includes('<') || text.includes('&') || URL_START.test(text)) return null;
  let blanked = text;
  if (blanked.includes('@')) {
    blanked = blankMatches(blanked, EMAIL);
    blanked = blankMatches(blanked, MENTION);
  }
  if (!blanked.includes('#')) return { text: blanked, breaks: null };
  let breaks: number[] | null = null;
  let result = '';
  let last = 0;
  HASHTAG.lastIndex = 0;
  for (let match = HASHTAG.exec(blanked); match !== null; match = HASHTAG.exec(blanked)) {
    const body = match[1] ?? '';
    const bodyStart = match.index + 1;
    result += `${blanked.slice(last, match.index)} ${body.replace(/_/g, ' ')}`;
    last = bodyStart + body.length;
    for (let index = 1; index < body.length; index += 1) {
      if (isAsciiLower(body.charCodeAt(index - 1)) && isAsciiUpper(body.charCodeAt(index))) (breaks ??= []).push(bodyStart + index);
    }
  }
  return { text: result + blanked.slice(last), breaks };
}

function blankMatches(text: string, pattern: RegExp): string {
  pattern.lastIndex = 0;
  let result = '';
  let last = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    result += `${text.slice(last, match.index)}${' '.repeat(match[0].length)}`;
    last = match.index + match[0].length;
  }
  return last === 0 ? text : result + text.slice(last);
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isAsciiUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

const APOSTROPHE = 39;

function isAsciiWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The most words {@link AsciiWordTable} holds before it starts afresh (about 10 MB). */
export const ASCII_WORD_TABLE_LIMIT = 100_000;

/** Slots a word table starts with: it doubles as words come, so that loading tlap allocates 16 KB, not 2 MB. */
const INITIAL_WORD_SLOTS = 2048;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Units of a word table's slot: the key's hash, its entry + 1 (negated when its word is empty; 0: an empty slot), where its key starts in the pool. */
const SLOT_UNITS = 3;

/** Units before a key's own in a word table's pool: its length, low 16 bits then high. */
const KEY_HEAD = 2;

/**
 * The words texts have met, each an entry numbered from 0, found again from a text's own characters
 * (hashed lower-cased as they are scanned) without slicing, lower-casing, dropping apostrophes or
 * stemming once more. Keyed by the word as written, lower-cased, apostrophes and all. Bounded: a text
 * that finds it holding `limit` words or more empties it first and it fills again, under a new
 * {@link generation} (entry numbers are reused, so whoever keeps anything by entry number checks the
 * generation). Within one text, entries stay valid. Being a memo of stems itself, it stems a new
 * word with {@link porterStem} directly: most words it meets only once, and {@link stemWord}'s memo
 * would cost each of them a lookup and an insert for nothing.
 */
export class AsciiWordTable {
  /**
   * Open addressing, {@link SLOT_UNITS} units a slot. A probe reads the slot and the key in
   * {@link pool} (its length in two units, low then high, then its units), so that finding a word touches two places in memory,
   * not the slot, an array of keys and a string.
   */
  private slots: Int32Array;
  private pool = new Uint16Array(INITIAL_WORD_SLOTS * 8);
  private poolUsed = 0;
  private readonly words: string[] = [];
  private readonly stems: string[] = [];
  /** Bumped each time the table starts afresh. */
  generation = 0;

  constructor(private readonly limit: number = ASCII_WORD_TABLE_LIMIT) {
    this.slots = new Int32Array(SLOT_UNITS * INITIAL_WORD_SLOTS);
  }

  /** How many entries the table holds. */
  get size(): number {
    return this.words.length;
  }

  /** Starts afresh when full; called before each text, so that no text sees its entries renumbered. */
  beginText(): void {
    if (this.words.length < this.limit) return;
    this.slots.fill(0);
    this.poolUsed = 0;
    this.words.length = 0;
    this.stems.length = 0;
    this.generation += 1;
  }

  /** The word (as {@link Token.word}) of an entry. */
  wordOf(entry: number): string {
    return this.words[entry] ?? '';
  }

  /** The Porter stem of an entry's word. */
  stemOf(entry: number): string {
    return this.stems[entry] ?? '';
  }

  /** The entry for units [start, end) of `text`, whose lower-cased units hash to `hash`; -1 when its word is empty. */
  entry(text: string, start: number, end: number, hash: number): number {
    const { slots, pool } = this;
    const slotCount = slots.length / SLOT_UNITS;
    const mask = slotCount - 1;
    let at = (hash & mask) * SLOT_UNITS;
    for (let held = slots[at + 1] ?? 0; held !== 0; held = slots[at + 1] ?? 0) {
      if (slots[at] === hash && sameLowerAscii(text, start, end, pool, slots[at + 2] ?? 0)) return held < 0 ? -1 : held - 1;
      at = at + SLOT_UNITS === slots.length ? 0 : at + SLOT_UNITS;
    }
    const key = text.slice(start, end).toLowerCase();
    const word = dropApostrophes(key);
    this.words.push(word);
    this.stems.push(word === '' ? '' : porterStem(word));
    const entry = this.words.length - 1;
    slots[at] = hash;
    slots[at + 1] = word === '' ? -(entry + 1) : entry + 1;
    slots[at + 2] = this.poolKey(key);
    if (this.words.length * 2 > slotCount) this.grow();
    return word === '' ? -1 : entry;
  }

  /** Puts a key in the pool and returns where it starts. */
  private poolKey(key: string): number {
    const start = this.poolUsed;
    const end = start + KEY_HEAD + key.length;
    if (end > this.pool.length) this.pool = grownArray(this.pool, Math.max(this.pool.length * 2, end));
    const { pool } = this;
    pool[start] = key.length & 0xffff;
    pool[start + 1] = key.length >>> 16;
    for (let index = 0; index < key.length; index += 1) pool[start + KEY_HEAD + index] = key.charCodeAt(index);
    this.poolUsed = end;
    return start;
  }

  /** The entry of a word as the general path gives it (lower case, no apostrophes); -1 for the empty word. */
  entryOfWord(word: string): number {
    if (word === '') return -1;
    let hash = FNV_OFFSET;
    for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ lowerAscii(word.charCodeAt(index)), FNV_PRIME);
    return this.entry(word, 0, word.length, hash);
  }

  /** The token for units [start, end) of `text`, whose lower-cased units hash to `hash`; null when the word is empty. */
  token(text: string, start: number, end: number, hash: number): Token | null {
    const entry = this.entry(text, start, end, hash);
    return entry === -1 ? null : { word: this.wordOf(entry), stem: this.stemOf(entry), start, end };
  }

  /** Doubles the slots when the table passes half full. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT_UNITS - 1;
    for (let from = 0; from < old.length; from += SLOT_UNITS) {
      if ((old[from + 1] ?? 0) === 0) continue;
      const hash = old[from] ?? 0;
      let at = (hash & mask) * SLOT_UNITS;
      while ((slots[at + 1] ?? 0) !== 0) at = at + SLOT_UNITS === slots.length ? 0 : at + SLOT_UNITS;
      slots[at] = hash;
      slots[at + 1] = old[from + 1] ?? 0;
      slots[at + 2] = old[from + 2] ?? 0;
    }
    this.slots = slots;
  }
}

/**
 * Whether units [start, end) of `text`, lower-cased as ASCII, are the key at `keyAt` in `pool`
 * (keys are lower case, so a text in lower case matches unit for unit).
 */
function sameLowerAscii(text: string, start: number, end: number, pool: Uint16Array, keyAt: number): boolean {
  if ((pool[keyAt] ?? 0) + (pool[keyAt + 1] ?? 0) * 0x10000 !== end - start) return false;
  const offset = keyAt + KEY_HEAD - start;
  for (let index = start; index < end; index += 1) if (lowerAscii(text.charCodeAt(index)) !== pool[offset + index]) return false;
  return true;
}

/** The word table every text is read with (see {@link WordRun}). */
export const asciiWords = new AsciiWordTable();

/**
 * A text's words as entries of a word table, with where each stands in the text: the tokens of
 * {@link normaliseText} without an object per word. Reused from text to text.
 */
export class WordRun {
  /** How many words. */
  count = 0;
  /** Each word's entry in {@link table}. */
  entries = new Int32Array(64);
  /** Each word's start offset in the text. */
  starts = new Int32Array(64);
  /** Each word's end offset in the text. */
  ends = new Int32Array(64);
  /** The table's generation the entries belong to. */
  generation = 0;

  constructor(readonly table: AsciiWordTable = asciiWords) {}

  /** Empties the run for a new text. */
  begin(): void {
    this.table.beginText();
    this.generation = this.table.generation;
    this.count = 0;
  }

  /** Adds a word. */
  push(entry: number, start: number, end: number): void {
    if (this.count === this.entries.length) {
      const length = this.entries.length * 2;
      this.entries = grownArray(this.entries, length);
      this.starts = grownArray(this.starts, length);
      this.ends = grownArray(this.ends, length);
    }
    this.entries[this.count] = entry;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count += 1;
  }

  /** Where word `index` starts in the text. */
  startOf(index: number): number {
    return this.starts[index] ?? 0;
  }

  /** Where word `index` ends in the text. */
  endOf(index: number): number {
    return this.ends[index] ?? 0;
  }

  /** The words as tokens. */
  tokens(): Token[] {
    const tokens: Token[] = new Array<Token>(this.count);
    for (let index = 0; index < this.count; index += 1) {
      const entry = this.entries[index] ?? 0;
      tokens[index] = {
        word: this.table.wordOf(entry),
        stem: this.table.stemOf(entry),
        start: this.starts[index] ?? 0,
        end: this.ends[index] ?? 0,
      };
    }
    return tokens;
  }
}

/** The run {@link asciiTokens} reads into with the shared table: its tokens are copied out before it returns, so one run serves every call. */
const sharedAsciiRun = new WordRun(asciiWords);

/**
 * Reads the words of any text into `run`: the words {@link normaliseText} finds, at the same
 * offsets. Most texts take one pass ({@link scanPlain}); ASCII texts it gives up on are prepared
 * first, then scanned ({@link scanAscii}), others go by the general path.
 */
export function readWords(text: string, run: WordRun): void {
  run.begin();
  if (scanPlain(text, run)) return;
  run.count = 0;
  const blanked = plainText(text);
  if (blanked !== null) {
    scanAscii(blanked.text, blanked.breaks, run);
    return;
  }
  for (const token of generalTokens(text)) {
    const entry = run.table.entryOfWord(token.word);
    if (entry !== -1) run.push(entry, token.start, token.end);
  }
}

/**
 * The words of an ASCII text that preparing leaves as it is, found by one scan instead of the
 * Unicode {@link WORD} pattern, each looked up in a table of words met before: the same words at the
 * same offsets (a property test holds the two together).
 */
export function asciiTokens(text: string, table: AsciiWordTable = asciiWords, breaks: readonly number[] | null = null): Token[] {
  const run = table === asciiWords ? sharedAsciiRun : new WordRun(table);
  run.begin();
  scanAscii(text, breaks, run);
  return run.tokens();
}

/**
 * Ends the word of an ASCII text that starts at `start` and has been read up to `index` (its
 * letters so far hashing to `hash`): through any apostrophes joining more letters to it, as the
 * word pattern does; then adds it to `run` when its table knows it. Returns where the word ends.
 */
function endWord(text: string, start: number, index: number, hash: number, run: WordRun): number {
  const length = text.length;
  let end = index;
  let wordHash = hash;
  while (end < length && text.charCodeAt(end) === APOSTROPHE) {
    wordHash = Math.imul(wordHash ^ APOSTROPHE, FNV_PRIME);
    end += 1;
    let lower = LOWER_WORD_UNIT[text.charCodeAt(end)] ?? 0;
    while (end < length && lower !== 0) {
      wordHash = Math.imul(wordHash ^ lower, FNV_PRIME);
      end += 1;
      lower = LOWER_WORD_UNIT[text.charCodeAt(end)] ?? 0;
    }
    if (text.charCodeAt(end - 1) === APOSTROPHE) break;
  }
  const entry = run.table.entry(text, start, end, wordHash);
  if (entry !== -1) run.push(entry, start, end);
  return end;
}

/** Scans an ASCII text (see {@link blankAscii}) word by word into `run`, a word also ending at each of `breaks`. */
function scanAscii(text: string, breaks: readonly number[] | null, run: WordRun): void {
  const length = text.length;
  let nextBreak = 0;
  let breakAt = breaks?.[0] ?? length + 1;
  let index = 0;
  while (index < length) {
    let lower = LOWER_WORD_UNIT[text.charCodeAt(index)] ?? 0;
    if (lower === 0) {
      index += 1;
      continue;
    }
    const start = index;
    while (breakAt <= start) breakAt = breaks?.[(nextBreak += 1)] ?? length + 1;
    let hash = FNV_OFFSET;
    do {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      index += 1;
    } while (index < length && index !== breakAt && (lower = LOWER_WORD_UNIT[text.charCodeAt(index)] ?? 0) !== 0);
    index = endWord(text, start, index, hash, run);
  }
}

/**
 * {@link scanAscii} for a text as given, reading in the same pass what {@link plainText} would
 * prepare in it: @mentions are skipped and hashtags split where their words do, as
 * {@link blankAscii} does. False (the run holding some of the words) as soon as the text may need
 * more than that: a unit outside ASCII, `<` or `&`, a possible URL (`://`, `www.`) or e-mail
 * address (an `@` after a unit an address's local part may hold: every address has one). A
 * property test holds it to the general path.
 */
function scanPlain(text: string, run: WordRun): boolean {
  const length = text.length;
  /** Offsets below it are in a hashtag's body: a word there also ends at a lower-to-upper step. */
  let hashtagEnd = 0;
  /** The offset just past the last @mention, which preparing blanks out. */
  let mentionEnd = -1;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    let lower = LOWER_WORD_UNIT[code] ?? 0;
    if (lower === 0) {
      if (code >= 128) return false;
      const kind = PLAIN_SEPARATOR[code] ?? 0;
      index += 1;
      if (kind === 0) continue;
      if (kind === STOP) return false;
      if (kind === COLON) {
        if (text.charCodeAt(index) === SLASH && text.charCodeAt(index + 1) === SLASH) return false;
      } else if (kind === DOT) {
        if (
          index >= 4 &&
          (text.charCodeAt(index - 2) | 32) === W &&
          (text.charCodeAt(index - 3) | 32) === W &&
          (text.charCodeAt(index - 4) | 32) === W
        ) {
          return false;
        }
      } else if (kind === AT) {
        const before = index >= 2 ? text.charCodeAt(index - 2) : 0;
        if ((UNIT_CLASSES[before] ?? 0) & EMAIL_LOCAL_UNIT) return false;
        if (before === AT_SIGN) continue;
        let end = index;
        while (end < length && (UNIT_CLASSES[text.charCodeAt(end)] ?? 0) & NAME_UNIT) end += 1;
        if (end > index) index = mentionEnd = end;
      } else {
        const blankBefore = index < 2 || index - 1 === mentionEnd;
        if (!blankBefore && (UNIT_CLASSES[text.charCodeAt(index - 2)] ?? 0) & NAME_UNIT) continue;
        let end = index;
        while (end < length && (UNIT_CLASSES[text.charCodeAt(end)] ?? 0) & NAME_UNIT) end += 1;
        hashtagEnd = end;
      }
      continue;
    }
    const start = index;
    let hash = FNV_OFFSET;
    do {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      index += 1;
    } while (
      index < length &&
      (lower = LOWER_WORD_UNIT[text.charCodeAt(index)] ?? 0) !== 0 &&
      !(index < hashtagEnd && isAsciiUpper(text.charCodeAt(index)) && isAsciiLower(text.charCodeAt(index - 1)))
    );
    index = endWord(text, start, index, hash, run);
  }
  return true;
}

const SLASH = 47;
const AT_SIGN = 64;
const W = 119;

/** What {@link scanPlain} does at an ASCII unit that is not a word unit: nothing, give up, or look closer. */
const STOP = 1;
const COLON = 2;
const DOT = 3;
const AT = 4;
const HASH = 5;
const PLAIN_SEPARATOR = Uint8Array.from({ length: 128 }, (_, code) => {
  const unit = String.fromCharCode(code);
  if (unit === '<' || unit === '&') return STOP;
  return { ':': COLON, '.': DOT, '@': AT, '#': HASH }[unit] ?? 0;
});

/** A unit an e-mail address's local part may hold (as {@link EMAIL} reads ASCII). */
const EMAIL_LOCAL_UNIT = 1;
/** A unit of an @mention's or hashtag's name (as {@link MENTION} and {@link HASHTAG} read ASCII). */
const NAME_UNIT = 2;
const UNIT_CLASSES = Uint8Array.from({ length: 128 }, (_, code) => {
  const unit = String.fromCharCode(code);
  const name = isAsciiWordUnit(code) || unit === '_';
  return (name || '.%+-'.includes(unit) ? EMAIL_LOCAL_UNIT : 0) | (name ? NAME_UNIT : 0);
});

/** Each ASCII unit lower-cased when it is a letter or digit (a word unit), 0 when not. */
const LOWER_WORD_UNIT = Uint8Array.from({ length: 128 }, (_, code) => (isAsciiWordUnit(code) ? lowerAscii(code) : 0));

function dropApostrophes(raw: string): string {
  if (!raw.includes("'")) return raw;
  let word = raw;
  if (word.endsWith("'s")) word = word.slice(0, -2);
  else if (word.endsWith("'")) word = word.slice(0, -1);
  return word.replace(/'/g, '');
}
