/** What an e-mail address is replaced with in stored text. */
export const EMAIL_PLACEHOLDER = '[email removed]';

/** What a known address (such as the commenter's IP address) is replaced with in stored text. */
export const ADDRESS_PLACEHOLDER = '[address removed]';

const EMAIL_ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;

const BRACKETED_EMAIL_ADDRESS = new RegExp(`[<(\\[]?\\s*(?:${EMAIL_ADDRESS.source})\\s*[>)\\]]?`, 'gi');

/** True when a text holds something shaped like an e-mail address. */
export function containsEmailAddress(text: string): boolean {
  if (!text.includes('@')) return false;
  EMAIL_ADDRESS.lastIndex = 0;
  const found = EMAIL_ADDRESS.test(text);
  EMAIL_ADDRESS.lastIndex = 0;
  return found;
}

/**
 * Removes contact details from a text before it is stored: every e-mail address, and each of the
 * `known` strings (the author's own e-mail or IP address as the export records them), matched
 * case-insensitively. Words around them are kept.
 */
export function redactAddresses(text: string, known: readonly string[] = []): string {
  let redacted = text.includes('@') ? text.replace(EMAIL_ADDRESS, EMAIL_PLACEHOLDER) : text;
  for (const address of known) redacted = replaceKnown(redacted, address, ADDRESS_PLACEHOLDER);
  return redacted;
}

/**
 * The display name to store for a person: trimmed, with e-mail addresses (and the brackets
 * around them, as in `Ann <ann@example.org>`) and the `known` addresses taken out; null when
 * nothing else is left.
 */
export function redactedName(name: string | null | undefined, known: readonly string[] = []): string | null {
  if (name === null || name === undefined) return null;
  let rest = name.includes('@') ? name.replace(BRACKETED_EMAIL_ADDRESS, ' ') : name;
  for (const address of known) rest = replaceKnown(rest, address, ' ');
  rest = rest.replace(/\s+/g, ' ').trim().replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : null;
}

/** Replaces every case-insensitive occurrence of a known address (ignored when shorter than 3 characters). */
function replaceKnown(text: string, address: string, replacement: string): string {
  const value = address.trim().toLowerCase();
  if (value.length < 3) return text;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return replaceKnownSlowly(text, value, replacement);
  if (!lower.includes(value)) return text;
  const parts: string[] = [];
  let start = 0;
  for (let at = lower.indexOf(value); at !== -1; at = lower.indexOf(value, start)) {
    parts.push(text.slice(start, at), replacement);
    start = at + value.length;
  }
  parts.push(text.slice(start));
  return parts.join('');
}

/** The same, for the rare text whose lower-case form has another length (so indexes do not line up). */
function replaceKnownSlowly(text: string, value: string, replacement: string): string {
  return text.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), replacement);
}
