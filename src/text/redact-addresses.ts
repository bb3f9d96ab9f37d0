import { redactPersonalData } from '../privacy/personal-data.js';
import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';
import type { RedactionPolicy } from '../privacy/redaction-policy.js';

/** What an e-mail address is replaced with in stored text: the same token the published report uses. */
export const EMAIL_PLACEHOLDER = REDACTION_TOKENS.email;

/** What a known address (such as the commenter's IP address) is replaced with in stored text. */
export const ADDRESS_PLACEHOLDER = '[address]';

/** E-mail addresses only: the one recogniser tlap has, restricted to that kind. */
const EMAIL_ONLY: RedactionPolicy = { kinds: new Set(['email']), keepHandles: [] };

function replaceEmails(text: string, replacement: string): { text: string; found: number } {
  if (!text.includes('@') && !/\[at\]|\(at\)/i.test(text)) return { text, found: 0 };
  const result = redactPersonalData(text, EMAIL_ONLY);
  const found = result.counts.email ?? 0;
  return {
    text: found === 0 || replacement === EMAIL_PLACEHOLDER ? result.text : result.text.split(EMAIL_PLACEHOLDER).join(replacement),
    found,
  };
}

/** True when a text holds something shaped like an e-mail address. */
export function containsEmailAddress(text: string): boolean {
  return replaceEmails(text, EMAIL_PLACEHOLDER).found > 0;
}

/**
 * Removes contact details from a text before it is stored: every e-mail address, and each of the
 * `known` strings (the author's own e-mail or IP address as the export records them), matched
 * case-insensitively. Words around them are kept.
 */
export function redactAddresses(text: string, known: readonly string[] = []): string {
  let redacted = replaceEmails(text, EMAIL_PLACEHOLDER).text;
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
  let rest = replaceEmails(name, ' ').text.replace(/[<(\[]\s*[>)\]]/g, ' ');
  for (const address of known) rest = replaceKnown(rest, address, ' ');
  rest = rest
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
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
