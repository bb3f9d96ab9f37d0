import type { AdapterItem, FilterRule, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { invalidJsonItem, jsonArrayElements } from '../readers/json-elements.js';
import { commentMeta, commentText, commenterName, notAnObject } from '../readers/blog-comment-fields.js';
import { ReadablePrefix } from '../readers/readable-prefix.js';

/** The `commenterHex` Commento gives comments left without signing in. */
const ANONYMOUS_COMMENTER = 'anonymous';

/** The `parentHex` of a top-level comment. */
const ROOT_PARENT = 'root';

/** What Commento's moderation `state` values mean, apart from `approved`. */
const STATE_RULES: Readonly<Record<string, FilterRule>> = {
  unapproved: 'unapproved',
  flagged: 'spam',
};

/** What a comment needs of its commenter: the name to show, and the e-mail address to keep out of the text. */
interface Commenter {
  name: string | null;
  email: string | null;
}

/**
 * Commento's data export (JSON): `comments` with their page, Markdown body, moderation state and
 * `parentHex` thread link, and `commenters` with names. Deleted, unapproved and flagged (spam)
 * comments are filtered. Commenters' e-mail addresses are never stored.
 */
export const commentoJsonAdapter: FormatAdapter = {
  name: 'commento-json',
  description: 'Commento comments export (JSON with comments and commenters)',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.json'],
  signature: 'a JSON object whose "comments" carry "commentHex" and "commenterHex"',
  sniff(input) {
    const head = input.headText;
    if (!head.trimStart().startsWith('{')) return 0;
    if (/"commentHex"\s*:/.test(head) && /"(commenterHex|parentHex)"\s*:/.test(head)) return 0.9;
    return 0;
  },
  read(source) {
    return readCommento(source);
  },
};

/**
 * Reads the file twice, both times streaming: first the `commenters` (names are small), which the
 * export writes after the comments; then the `comments`, in order. A file cut short gives the
 * comments before the cut (without their commenters' names when those were cut off), then its
 * rejection.
 */
async function* readCommento(source: InputSource): AsyncIterable<AdapterItem> {
  const commenters = new Map<string, Commenter>();
  const prefix = new ReadablePrefix();
  for await (const element of prefix.of(jsonArrayElements(source.path, source.text(), { member: 'commenters', optional: true }))) {
    if (element.kind !== 'value' || !isObject(element.value)) continue;
    const hex = stringField(element.value, 'commenterHex');
    if (hex === null) continue;
    commenters.set(hex, { name: stringField(element.value, 'name'), email: stringField(element.value, 'email') });
  }
  for await (const element of jsonArrayElements(source.path, source.text(), { member: 'comments' })) {
    const provenance: Provenance = { file: source.path, line: element.line, part: `comments[${element.index ?? 0}]` };
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    if (!isObject(element.value)) {
      yield notAnObject('expected a comment object', element.value, provenance);
      continue;
    }
    yield commentItem(element.value, commenters, provenance);
  }
  prefix.throwBreak();
}

function commentItem(comment: Record<string, unknown>, commenters: ReadonlyMap<string, Commenter>, provenance: Provenance): AdapterItem {
  const sourceId = stringField(comment, 'commentHex');
  const idField = sourceId === null ? {} : { sourceId };
  if (comment['deleted'] === true) return { kind: 'filtered', rule: 'deleted', provenance, ...idField };
  const state = (stringField(comment, 'state') ?? 'approved').toLowerCase();
  if (state !== 'approved') {
    const rule = STATE_RULES[state];
    return rule === undefined
      ? { kind: 'filtered', rule: 'unapproved', provenance, ...idField, detail: `state "${state}"` }
      : { kind: 'filtered', rule, provenance, ...idField };
  }

  const commenterHex = stringField(comment, 'commenterHex');
  const commenter = commenterHex === null || commenterHex === ANONYMOUS_COMMENTER ? undefined : commenters.get(commenterHex);
  const known = commenter?.email === null || commenter?.email === undefined ? [] : [commenter.email];
  const html = stringField(comment, 'html');
  const parentHex = stringField(comment, 'parentHex');
  const domain = stringField(comment, 'domain');
  const path = stringField(comment, 'url');
  const pageUrl = domain === null || path === null ? null : `https://${domain}${path.startsWith('/') ? '' : '/'}${path}`;
  return {
    kind: 'record',
    draft: {
      sourceId,
      author: commenterName(commenter?.name ?? null, known),
      date: toIsoDate(stringField(comment, 'creationDate')),
      text: html === null ? commentText(stringField(comment, 'markdown'), 'markdown', known) : commentText(html, 'html', known),
      url: pageUrl,
      inReplyTo: parentHex === null || parentHex === ROOT_PARENT ? null : parentHex,
      meta: commentMeta(null, pageUrl),
      provenance,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A field's value as a non-empty trimmed string, or null. */
function stringField(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
