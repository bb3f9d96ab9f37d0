import type { JsonValue, Provenance } from '../../record/record.js';
import type { AdapterItem } from '../format-adapter.js';
import { htmlToPlainText, looksLikeHtml } from '../../text/html-to-plain-text.js';
import { markdownToPlainText } from '../../text/markdown-to-plain-text.js';
import { redactAddresses, redactedName } from '../../text/redact-addresses.js';

/**
 * How a comment system stores a comment body: `html`; `autop-html`, HTML whose own newlines are
 * line breaks (WordPress); `markdown`; or `text`.
 */
export type CommentBodyMarkup = 'html' | 'autop-html' | 'markdown' | 'text';

/** The page (post, thread) comments were left on: what comment records show of it. */
export interface CommentPage {
  /** The page's title, or null when the export does not give it. */
  title: string | null;
  /** The page's address, or null. */
  link: string | null;
}

/**
 * The commenter's own words from a comment body: markup converted to plain text, quoted
 * `<blockquote>`s left out, and e-mail addresses plus the commenter's `known` addresses (their
 * e-mail and IP address as the export records them) redacted.
 */
export function commentText(body: string | null, markup: CommentBodyMarkup, known: readonly string[]): string {
  if (body === null) return '';
  let text: string;
  if (markup === 'markdown') text = markdownToPlainText(body, { dropQuotes: true });
  else if (markup === 'text') text = body;
  else text = htmlToPlainText(body, { dropQuotes: true, keepSourceNewlines: markup === 'autop-html' });
  return redactAddresses(text, known);
}

/**
 * The commenter's display name: HTML entities decoded where the system stored them encoded,
 * contact details redacted; null when empty or when it is nothing but an address.
 */
export function commenterName(name: string | null, known: readonly string[]): string | null {
  if (name === null) return null;
  return redactedName(looksLikeHtml(name) ? htmlToPlainText(name) : name, known);
}

/** The `meta` of a comment record: the post it was left on, with absent values left out. */
export function commentMeta(postTitle: string | null | undefined, postUrl: string | null | undefined): Record<string, JsonValue> {
  const meta: Record<string, JsonValue> = {};
  if (postTitle !== null && postTitle !== undefined && postTitle.trim() !== '') meta['postTitle'] = postTitle.trim();
  if (postUrl !== null && postUrl !== undefined && postUrl.trim() !== '') meta['postUrl'] = postUrl.trim();
  return meta;
}

/** The rejection of an element of a comment export that is not a comment (`NOT_A_COMMENT`), with its start as the excerpt. */
export function notAComment(message: string, value: unknown, provenance: Provenance): AdapterItem {
  return { kind: 'rejected', code: 'NOT_A_COMMENT', message, provenance, excerpt: JSON.stringify(value ?? null).slice(0, 200) };
}

/** The rejection of a JSON item that should be an object (a comment, a message, a row) and is something else, with its excerpt. */
export function notAnObject(message: string, value: unknown, provenance: Provenance): AdapterItem {
  return { kind: 'rejected', code: 'NOT_AN_OBJECT', message, provenance, excerpt: JSON.stringify(value ?? null).slice(0, 200) };
}
