/** An e-mail address anywhere in a text. */
const EMAIL_ADDRESS = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;

const HOLDS_EMAIL_ADDRESS = new RegExp(EMAIL_ADDRESS.source);

/** Replaces every e-mail address with `[address]`. */
export function maskAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, '[address]');
}

/**
 * A sender's display name with any address, `mailto:`, empty brackets and stray punctuation
 * taken out; null when nothing is left (the "name" was only an address).
 */
export function senderDisplayName(value: string): string | null {
  const name = value
    .replace(EMAIL_ADDRESS, '')
    .replace(/[<([]\s*[>)\]]/g, '')
    .replace(/\bmailto:/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"',;:-]+|[\s"',;:-]+$/g, '');
  return name === '' ? null : name;
}

/**
 * An author as a table or JSON export gives it, never an address: `Jo Bloggs <jo@example.org>`
 * is `Jo Bloggs`, an address alone no author, and a name without an address (a handle such as
 * `@carer1` too) is kept as written.
 */
export function authorName(value: string): string | null {
  return value.includes('@') && HOLDS_EMAIL_ADDRESS.test(value) ? senderDisplayName(value) : value;
}

/**
 * A value kept beside a record (in `meta`) without the e-mail addresses in it: null when it is
 * only an address, the text with each address masked as `[address]` when it holds one among other
 * words, else the value as written.
 */
export function withoutAddresses(value: string): string | null {
  if (!value.includes('@') || !HOLDS_EMAIL_ADDRESS.test(value)) return value;
  return senderDisplayName(value) === null ? null : maskAddresses(value);
}
