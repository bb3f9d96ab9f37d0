import { createRequire } from 'node:module';
import type PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

let naturalStemmer: typeof PorterStemmer | null = null;

/**
 * natural's Porter stemmer, loaded on first use: only words with characters other than `a`–`z`
 * and digits need it, and a text of such words alone may never come (it costs a few milliseconds
 * of every thread's start).
 */
function naturalStem(word: string): string {
  naturalStemmer ??= createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer.js') as typeof PorterStemmer;
  return naturalStemmer.stem(word);
}

/**
 * How many stems one generation of the memo holds. The memo keeps two generations: words used in
 * the last one are carried into the next, so everyday words stay memoised however long the corpus,
 * while the long tail of names, typos and rare words is dropped with the old generation. Memory
 * stays bounded at two generations (about 5 MB).
 */
export const STEM_CACHE_LIMIT = 20_000;

/** A memoised Porter stemmer whose memo holds at most two generations of `limit` words. */
export function createWordStemmer(limit: number): (word: string) => string {
  let recent = new Map<string, string>();
  let older = new Map<string, string>();
  return (word) => {
    const cached = recent.get(word);
    if (cached !== undefined) return cached;
    const stem = older.get(word) ?? porterStem(word);
    if (recent.size >= limit) {
      older = recent;
      recent = new Map();
    }
    recent.set(word, stem);
    return stem;
  };
}

/** The Porter stem of a lower-case word (natural's PorterStemmer, as {@link porterStem} gives it), memoised: the stemmer matching uses. */
export const stemWord: (word: string) => string = createWordStemmer(STEM_CACHE_LIMIT);

/**
 * natural's Porter stemmer (the stemmer tlap's matching is defined by) without its regular
 * expressions: the same steps, each written out the way natural's patterns and replacements
 * behave, quirks included (a `y` after consonants counts as a consonant and a vowel, so a word's
 * measure can be a half; step 2 tests each suffix on the word as it came, and replaces it in the
 * word as changed so far). Words of `a`–`z` and digits only; any other word goes to natural itself.
 * A property test holds the two together on words of every shape.
 */
export function porterStem(word: string): string {
  if (word.length > LONGEST_WORD || !PLAIN_WORD.test(word)) return naturalStem(word);
  if (word.length < 3) return word;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(word))))))));
}

const PLAIN_WORD = /^[a-z0-9]*$/;

const A = 97;
const E = 101;
const I = 105;
const O = 111;
const U = 117;
const Y = 121;

function isVowel(code: number): boolean {
  return code === A || code === E || code === I || code === O || code === U;
}

const CONSONANT = 1;
const VOWEL = 2;

/** The longest word stemmed here (its groups fit {@link groups}); longer ones go to natural. */
const LONGEST_WORD = 60;

/** The symbols of natural's `categorizeGroups` (C and V) for the last word grouped, {@link groupsLength} of them. */
const groups = new Uint8Array(LONGEST_WORD + 8);
let groupsLength = 0;

/**
 * natural's `categorizeGroups`: a run of consonants followed by `y` becomes `CV`, then each run of
 * vowels `V`, then each run of anything but `V` one `C` (so a `y` group next to vowels gives `VV`).
 */
function groupsOf(word: string): void {
  let length = 0;
  /** What the last symbol came from: 0 none, a consonant group, a vowel run of the word, or the V of a `y` group. */
  let last = 0;
  let index = 0;
  while (index < word.length) {
    const code = word.charCodeAt(index);
    if (isVowel(code)) {
      if (last !== RAW_VOWELS) groups[length++] = VOWEL;
      last = RAW_VOWELS;
      index += 1;
      continue;
    }
    let end = index + 1;
    if (code !== Y) while (end < word.length && !isVowel(word.charCodeAt(end)) && word.charCodeAt(end) !== Y) end += 1;
    if (last !== CONSONANTS) groups[length++] = CONSONANT;
    last = CONSONANTS;
    if (code !== Y && end < word.length && word.charCodeAt(end) === Y) {
      groups[length++] = VOWEL;
      last = Y_VOWEL;
      end += 1;
    }
    index = end;
  }
  groupsLength = length;
}

const RAW_VOWELS = 1;
const CONSONANTS = 2;
const Y_VOWEL = 3;

/** natural's `measure`: the groups less a leading C and a trailing V, halved; -1 for the empty word. */
function measure(word: string | null): number {
  if (word === null || word === '') return -1;
  groupsOf(word);
  let from = 0;
  let to = groupsLength;
  if (to > 0 && groups[0] === CONSONANT) from = 1;
  if (to > from && groups[to - 1] === VOWEL) to -= 1;
  return (to - from) / 2;
}

/** Whether the groups of the word hold a V among their first `length` symbols. */
function hasVowelGroup(word: string, dropLast: boolean): boolean {
  groupsOf(word);
  const end = dropLast ? groupsLength - 1 : groupsLength;
  for (let index = 0; index < end; index += 1) if (groups[index] === VOWEL) return true;
  return false;
}

/**
 * natural's `categorizeChars` (one C or V per letter, a consonant followed by `y` giving `CV`),
 * units [from, from + count) of it, as a string.
 */
function charsOf(word: string, from: number, count: number): string {
  const symbols: string[] = [];
  let index = 0;
  while (index < word.length) {
    const code = word.charCodeAt(index);
    if (!isVowel(code) && code !== Y && index + 1 < word.length && word.charCodeAt(index + 1) === Y) {
      symbols.push('C', 'V');
      index += 2;
      continue;
    }
    symbols.push(isVowel(code) ? 'V' : 'C');
    index += 1;
  }
  return symbols.slice(from, from + count).join('');
}

/** `String.prototype.substr(start, count)` with a negative start, as natural uses it. */
function fromEnd(length: number, back: number): number {
  return Math.max(length - back, 0);
}

function step1a(word: string): string {
  if (word.endsWith('sses') || word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('s') && word.charCodeAt(word.length - 2) !== 115 && word.length > 2) return word.slice(0, -1);
  return word;
}

function step1b(word: string): string {
  if (word.endsWith('eed')) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
  const cut = word.endsWith('ed') ? 2 : word.endsWith('ing') ? 3 : 0;
  if (cut === 0) return word;
  const stem = word.slice(0, -cut);
  if (stem === '') return word;
  return step1bAfterCut(stem) ?? word;
}

/** What natural's step 1b does with a word whose `ed` or `ing` was cut off; null when it keeps the whole word. */
function step1bAfterCut(word: string): string | null {
  if (!hasVowelGroup(word, false)) return null;
  if (word.endsWith('at') || word.endsWith('bl') || word.endsWith('iz')) return `${word}e`;
  const last = word.charCodeAt(word.length - 1);
  if (word.length >= 2 && last === word.charCodeAt(word.length - 2) && !isVowel(last) && last !== 108 && last !== 115 && last !== 122) {
    return word.slice(0, -1);
  }
  if (measure(word) === 1 && charsOf(word, fromEnd(word.length, 3), 3) === 'CVC' && last !== 119 && last !== 120 && last !== Y) {
    return `${word}e`;
  }
  return word;
}

function step1c(word: string): string {
  if (word.endsWith('y') && hasVowelGroup(word, true)) return `${word.slice(0, -1)}i`;
  return word;
}

type Replacements = readonly (readonly [string, string])[];

const STEP2: Replacements = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: Replacements = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

/**
 * natural's `replacePatterns` with a measure of 0: each suffix the word as it came ends with, and
 * whose removal leaves a measure above 0, is replaced in the word as changed so far (when that
 * still ends with it and the replacement leaves something).
 */
function replaceSuffixes(word: string, replacements: Replacements): string {
  let replaced = word;
  for (const [suffix, replacement] of replacements) {
    if (!word.endsWith(suffix) || measure(word.slice(0, word.length - suffix.length)) <= 0) continue;
    if (!replaced.endsWith(suffix)) continue;
    const next = replaced.slice(0, replaced.length - suffix.length) + replacement;
    if (next !== '') replaced = next;
  }
  return replaced === '' ? word : replaced;
}

function step2(word: string): string {
  return replaceSuffixes(word, STEP2);
}

function step3(word: string): string {
  return replaceSuffixes(word, STEP3);
}

const STEP4_SUFFIXES = new Set([
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
]);
const STEP4_LONGEST = 5;

function step4(word: string): string {
  for (let at = Math.max(1, word.length - STEP4_LONGEST); at < word.length; at += 1) {
    if (!STEP4_SUFFIXES.has(word.slice(at))) continue;
    const stem = word.slice(0, at);
    if (measure(stem) > 1) return stem;
    break;
  }
  if (word.length >= 5 && word.endsWith('ion')) {
    const before = word.charCodeAt(word.length - 4);
    if (before === 115 || before === 116) {
      const stem = word.slice(0, -3);
      if (measure(stem) > 1) return stem;
    }
  }
  return word;
}

function step5a(word: string): string {
  const withoutE = word.endsWith('e') ? word.slice(0, -1) : word;
  const m = measure(withoutE);
  if (m > 1) return withoutE;
  if (m !== 1) return word;
  const cvc = charsOf(word, fromEnd(word.length, 4), 3) === 'CVC';
  const beforeLast = word.charCodeAt(word.length - 2);
  const notWxy = word.length >= 2 && beforeLast !== 119 && beforeLast !== 120 && beforeLast !== Y;
  return cvc && notWxy ? word : withoutE;
}

function step5b(word: string): string {
  if (measure(word) > 1 && word.endsWith('ll')) return word.slice(0, -1);
  return word;
}
