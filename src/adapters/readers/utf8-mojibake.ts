import { asString } from './json-fields.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Undoes text whose UTF-8 bytes were each written as one character (`\u00e2\u0080\u0099` for
 * `’`), as Facebook's "Download Your Information" JSON writes every string. Only a string made
 * entirely of code points up to U+00FF, with at least one above U+007F, whose bytes form valid
 * UTF-8 is decoded; anything else (plain ASCII, real Latin-1 such as `café`, text already
 * decoded) is returned unchanged.
 */
export function undoUtf8AsLatin1(text: string): string {
  let high = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0xff) return text;
    if (code > 0x7f) high = true;
  }
  if (!high) return text;
  try {
    return STRICT_UTF8.decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}

/**
 * A string of Meta's "Download Your Information" JSON (Facebook's, Instagram's), its characters
 * mended as {@link undoUtf8AsLatin1} does; null when the value is no string.
 */
export function downloadedMetaString(value: unknown): string | null {
  const text = asString(value);
  return text === null ? null : undoUtf8AsLatin1(text);
}
