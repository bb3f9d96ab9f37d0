import { decodeHtmlEntities } from './html-entities.js';

/**
 * Characters a reader never sees but that split or disguise what they do see: zero-width space,
 * non-joiner and joiner, the left-to-right and right-to-left marks (U+200B–U+200F), the bidi
 * embeddings and overrides (U+202A–U+202E), the bidi isolates (U+2066–U+2069), the soft hyphen
 * (U+00AD), the word joiner and invisible operators (U+2060–U+2064), the Mongolian vowel
 * separator (U+180E) and the byte order mark used as a zero-width no-break space (U+FEFF).
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

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
 * non-breaking spaces → spaces) and invisible and bidirectional control characters removed
 * (see {@link INVISIBLE}). Redaction runs on this text, and this text (redacted) is what every
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
  return current.normalize('NFKC').replace(INVISIBLE, '');
}

function plainOnce(text: string): string {
  let plain = text;
  if (plain.includes('&') && ENTITY.test(plain)) plain = decodeHtmlEntities(plain);
  if (plain.includes('<')) plain = plain.replace(BLOCK_TAG, '\n').replace(TAG, '');
  return plain.normalize('NFKC').replace(INVISIBLE, '');
}
