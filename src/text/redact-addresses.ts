/** What an e-mail address is replaced with in stored text. */
export const EMAIL_PLACEHOLDER = '[email removed]';

/** What a known address (such as the commenter's IP address) is replaced with in stored text. */
export const ADDRESS_PLACEHOLDER = '[address removed]';

const EMAIL_ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;

/** True when a text holds something shaped like an e-mail address. */
export function containsEmailAddress(text: string): boolean {
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
  let redacted = text.replace(EMAIL_ADDRESS, EMAIL_PLACEHOLDER);
  for (const address of known) {
    const value = address.trim();
    if (value.length < 3) continue;
    redacted = redacted.replace(new RegExp(escapeRegExp(value), 'gi'), ADDRESS_PLACEHOLDER);
  }
  return redacted;
}

/**
 * The display name to store for a person: trimmed, with e-mail addresses (and the brackets
 * around them, as in `Ann <ann@example.org>`) and the `known` addresses taken out; null when
 * nothing else is left.
 */
export function redactedName(name: string | null | undefined, known: readonly string[] = []): string | null {
  if (name === null || name === undefined) return null;
  let rest = name.replace(new RegExp(`[<(\\[]?\\s*(?:${EMAIL_ADDRESS.source})\\s*[>)\\]]?`, 'gi'), ' ');
  for (const address of known) {
    const value = address.trim();
    if (value.length >= 3) rest = rest.replace(new RegExp(escapeRegExp(value), 'gi'), ' ');
  }
  rest = rest.replace(/\s+/g, ' ').trim().replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
