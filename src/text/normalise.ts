import { decodeHtmlEntities } from './html-entities.js';
import { stemWord } from './word-stemmer.js';

/** One word of a text after normalisation, with where it stands. */
export interface Token {
  /** The word as matched: lower-case, NFKC, possessive and other apostrophes dropped. */
  word: string;
  /** Its Porter stem. */
  stem: string;
  /** Offset of the word's first character in the prepared text. */
  start: number;
  /** Offset just past the word's last character in the prepared text. */
  end: number;
}

/** A text ready for matching: the prepared text and its tokens. */
export interface NormalisedText {
  /**
   * The text the offsets refer to: NFKC, HTML tags dropped and entities decoded, curly quotes
   * straightened, URLs, e-mail addresses and @mentions each replaced by one space, hashtags split
   * into their words. Its length differs from the original text's, so offsets index only this text.
   */
  prepared: string;
  /** The words, in order. */
  tokens: Token[];
}

const TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const MENTION = /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_]+/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?/gu;

/** Splits a CamelCase hashtag body into words: `UnpaidCarers` → `Unpaid Carers`. */
function hashtagWords(body: string): string {
  return body.replace(/_/g, ' ').replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ');
}

/** Prepares a text for matching (see {@link NormalisedText.prepared}); token offsets refer to its result. */
export function prepareText(text: string): string {
  let prepared = text.normalize('NFKC');
  if (prepared.includes('<') || prepared.includes('&')) {
    prepared = decodeHtmlEntities(prepared.replace(TAG, ' ')).normalize('NFKC');
  }
  prepared = prepared
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(URL, ' ');
  if (prepared.includes('@')) prepared = prepared.replace(EMAIL, ' ').replace(MENTION, ' ');
  if (prepared.includes('#')) prepared = prepared.replace(HASHTAG, (_whole, body: string) => ` ${hashtagWords(body)}`);
  return prepared;
}

/**
 * The one normalisation for both sides of matching: codebook keywords and record text.
 * Lower-cases, splits into words at whitespace, punctuation, hyphens and slashes, drops the
 * possessive `'s` / `s'` and other apostrophes, and stems each word with Porter.
 */
export function normaliseText(text: string): NormalisedText {
  const prepared = prepareText(text);
  const tokens: Token[] = [];
  for (const match of prepared.matchAll(WORD)) {
    const raw = match[0].toLowerCase();
    const start = match.index;
    const word = dropApostrophes(raw);
    if (word === '') continue;
    tokens.push({ word, stem: stemWord(word), start, end: start + match[0].length });
  }
  return { prepared, tokens };
}

function dropApostrophes(raw: string): string {
  let word = raw;
  if (word.endsWith("'s")) word = word.slice(0, -2);
  else if (word.endsWith("'")) word = word.slice(0, -1);
  return word.replace(/'/g, '');
}
