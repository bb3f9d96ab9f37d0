import { decodeHtmlEntities } from './html-entities.js';

/**
 * Characters a reader never sees but that split or disguise what they do see: zero-width space,
 * non-joiner and joiner, the left-to-right and right-to-left marks (U+200B–U+200F), the bidi
 * embeddings and overrides (U+202A–U+202E), the bidi isolates (U+2066–U+2069), the soft hyphen
 * (U+00AD), the word joiner and invisible operators (U+2060–U+2064), the Mongolian vowel
 * separator (U+180E) and the byte order mark used as a zero-width no-break space (U+FEFF).
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Characters that show as blank or as nothing and that NFKC leaves: the combining grapheme joiner
 * (U+034F), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the Khmer inherent vowels
 * (U+17B4, U+17B5), removed as {@link INVISIBLE} is; and the line and paragraph separators
 * (U+2028, U+2029), which end a line as a line break does.
 */
const UNSEEN = /[\u034f\u115f\u1160\u3164\uffa0\u17b4\u17b5]/g;
const LINE_SEPARATOR = /[\u2028\u2029]/g;
/** A keycap digit (`7️⃣`: the digit, a variation selector, the enclosing keycap), or a digit with a variation selector after it. */
const KEYCAP = /([0-9#*])[\ufe00-\ufe0f]?\u20e3|([0-9])[\ufe00-\ufe0f]/g;
/** A decimal digit of another script that NFKC leaves as it is (`٠٧٧٠٠` Arabic-Indic, `۰۷۷` Persian, `०७७` Devanagari). */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;

/**
 * The value of a decimal digit of any script: Unicode gives each script's ten digits as a run of
 * code points from its zero (runs of several scripts' digits stand side by side, each of ten).
 */
function digitValue(digit: string): string {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (start > code - 40 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

/** Tags that end a line or block: replaced by a line break so the words either side stay apart. */
const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|hr|pre|section|article|header|footer)\b[^<>]{0,500}>/gi;
/** Any other tag (inline markup such as `<b>`, `<span>`): removed, joining what it split. */
const TAG = /<\/?[a-z][a-z0-9-]{0,30}(?:\s[^<>]{0,500})?\/?>|<!--[\s\S]{0,2000}?-->/gi;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** How many rounds of entity decoding are undone (`&amp;#64;` is two). */
const DECODE_ROUNDS = 4;

/**
 * The text exactly as a reader of a published report will see it, made plain so that personal
 * data cannot hide in its spelling: HTML character references decoded (`&#64;` → `@`,
 * `&nbsp;` → space; double-encoded `&amp;#64;` too, up to {@link DECODE_ROUNDS} rounds), tags
 * removed (block tags become a line break, inline tags vanish, so `<b>07700</b> 900123` reads
 * `07700 900123`), Unicode NFKC normalisation (full-width `０７７００` → `07700`, `＠` → `@`,
 * non-breaking spaces → spaces), invisible and bidirectional control characters removed
 * (see {@link INVISIBLE}, {@link UNSEEN}), and digits of other scripts and keycap digits written
 * as ASCII digits (`٠٧٧٠٠` and `0️⃣7️⃣` as `07700` and `07`), so a number cannot hide in them. Redaction runs on this text, and this text (redacted) is what every
 * report format prints, so what was checked is what is published.
 *
 * Pure; time linear in the text's length for each of the bounded rounds.
 */
export function publishableText(text: string): string {
  let current = text.replace(INVISIBLE, '');
  for (let round = 0; round < DECODE_ROUNDS; round += 1) {
    const next = plainOnce(current);
    if (next === current) break;
    current = next;
  }
  return withPlainDigits(current.normalize('NFKC').replace(INVISIBLE, ''));
}

/** The text with its unseen characters removed and every digit written as an ASCII digit (`٠٧٧` → `077`, `7️⃣` → `7`). */
function withPlainDigits(text: string): string {
  let plain = text.replace(UNSEEN, '').replace(LINE_SEPARATOR, '\n').replace(KEYCAP, '$1$2');
  if (/[^\u0000-\u065f]/u.test(plain)) plain = plain.replace(OTHER_DIGIT, digitValue);
  return plain;
}

function plainOnce(text: string): string {
  let plain = text;
  if (plain.includes('&') && ENTITY.test(plain)) plain = decodeHtmlEntities(plain);
  if (plain.includes('<')) plain = plain.replace(BLOCK_TAG, '\n').replace(TAG, '');
  return plain.normalize('NFKC').replace(INVISIBLE, '');
}
