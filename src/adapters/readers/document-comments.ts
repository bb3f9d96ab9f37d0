import { shortenText } from '../../text/shortened-text.js';
import { contentSourceId } from '../../record/record-id.js';
import type { JsonValue } from '../../record/record.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import { counted } from '../../counted.js';
import type { AdapterItem } from '../format-adapter.js';
import { RepeatedTextIds } from './repeated-text-ids.js';

/** The most of the commented passage kept in `meta.commentedText`. */
export const MAX_COMMENTED_CHARS = 300;

/** One comment in a word-processor document (Word, OpenDocument), as its reviewer wrote it. */
export interface DocumentComment {
  /** The id its anchors in the document carry (Word's `w:id`, OpenDocument's `office:name`). */
  id: string;
  author: string | null;
  /** ISO 8601 in UTC: the UTC date newer Words keep apart, else the comment's own date. */
  date: string | null;
  text: string;
  /** How a reply names the comment it answers (Word: the `w14:paraId` of its last paragraph). */
  threadId: string | null;
  /** The {@link threadId} of the comment it replies to. */
  parentThreadId: string | null;
  /** Marked done (resolved). */
  resolved: boolean;
  /** Where in the document it is, before its number in provenance (`page 2`), for a document with pages. */
  place?: string;
}

/** Where a comment is anchored: the words it is attached to and the headings above them. */
export interface CommentAnchor {
  /** The commented words as the document now says them, at most {@link MAX_COMMENTED_CHARS}. */
  text: string;
  /** The heading path above them, as `meta.section` is written; '' before any heading. */
  section: string;
}

/**
 * How much of a commented passage is read before its range is closed early: enough for the
 * {@link MAX_COMMENTED_CHARS} kept, so that ranges left open (a damaged or hostile document) cost a
 * bounded amount each, never the rest of the document each.
 */
const RANGE_READ_LIMIT = 4 * MAX_COMMENTED_CHARS;

/**
 * The comment ranges open while a document is walked in order, each gathering the words it covers
 * until it ends or has read {@link RANGE_READ_LIMIT} characters, and the anchors of those that
 * ended (the first anchor given for an id is kept).
 */
export class CommentRanges {
  /** Where each comment is anchored, by its id. */
  readonly anchors = new Map<string, CommentAnchor>();
  private readonly open = new Map<string, { parts: string[]; taken: number; section: string }>();

  /** Opens the range of comment `id`, under the heading path `section`. */
  start(id: string, section: string): void {
    this.open.set(id, { parts: [], taken: 0, section });
  }

  /** True while the range of comment `id` is open. */
  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /** Adds words to every open range. */
  take(words: string): void {
    for (const [id, range] of this.open) {
      range.parts.push(words);
      range.taken += Math.max(words.length, 1);
      if (range.taken > RANGE_READ_LIMIT) this.end(id);
    }
  }

  /** Closes the range of comment `id`: its words, shortened, become its anchor. */
  end(id: string): void {
    const range = this.open.get(id);
    if (range === undefined) return;
    this.open.delete(id);
    if (!this.anchors.has(id)) {
      this.anchors.set(id, { text: shortenText(range.parts.join(''), MAX_COMMENTED_CHARS), section: range.section });
    }
  }

  /** Closes every range still open, at the end of the document. */
  endAll(): void {
    for (const id of [...this.open.keys()]) this.end(id);
  }
}

/**
 * The records of a document's comments: one per comment, by its reviewer, with the words it
 * is attached to (`meta.commentedText`) and the headings above them (`meta.section`); a reply
 * names the comment it answers in `inReplyTo`, and a resolved comment says so (`meta.resolved`).
 * Provenance is `comment N`, in the order the document lists them.
 */
export function* commentRecords(
  file: string,
  comments: readonly DocumentComment[],
  anchors: ReadonlyMap<string, CommentAnchor>,
): Iterable<AdapterItem> {
  const ids = new RepeatedTextIds();
  const sourceIds = comments.map(
    (comment) =>
      ids.sourceIdFor(comment.author, comment.text, comment.date) ??
      contentSourceId(comment.author, comment.date, cleanRecordText(comment.text)),
  );
  const byParaId = new Map<string, string>();
  for (const [index, comment] of comments.entries()) if (comment.threadId !== null) byParaId.set(comment.threadId, sourceIds[index] ?? '');
  for (const [index, comment] of comments.entries()) {
    const anchor = anchors.get(comment.id);
    const meta: Record<string, JsonValue> = {};
    if (anchor !== undefined && anchor.section !== '') meta['section'] = anchor.section;
    if (anchor !== undefined && anchor.text !== '') meta['commentedText'] = anchor.text;
    if (comment.resolved) meta['resolved'] = true;
    const inReplyTo = comment.parentThreadId === null ? null : (byParaId.get(comment.parentThreadId) ?? null);
    yield {
      kind: 'record',
      draft: {
        sourceId: sourceIds[index] ?? null,
        channel: 'other',
        author: comment.author,
        date: comment.date,
        text: comment.text,
        inReplyTo,
        meta,
        provenance: { file, part: comment.place === undefined ? `comment ${index + 1}` : `${comment.place}, comment ${index + 1}` },
      },
    };
  }
}

/**
 * The one warning on a document read as a reviewed draft: its comments and suggested edits (tracked
 * changes) were read, its own text (the draft they are on) was not.
 */
export function reviewedDraftWarning(
  file: string,
  comments: readonly DocumentComment[],
  part: string,
  edits: readonly { author: string | null }[] = [],
): AdapterItem {
  const reviewers = new Set([...comments, ...edits].map((note) => note.author ?? '')).size;
  const kinds = [comments.length > 0 ? 'comments' : '', edits.length > 0 ? 'tracked changes' : ''].filter((kind) => kind !== '');
  const counts = [
    comments.length > 0 ? counted(comments.length, 'comment') : '',
    edits.length > 0 ? counted(edits.length, 'suggested edit') : '',
  ].filter((count) => count !== '');
  return {
    kind: 'warning',
    code: 'DOCUMENT_TEXT_SKIPPED',
    message: `read as a draft with reviewers' ${kinds.join(' and ')}: ${counts.join(' and ')} by ${counted(reviewers, 'reviewer')} read; the document's own text, the draft they ${edits.length > 0 ? 'are on' : 'comment on'}, is not read`,
    provenance: { file, part },
  };
}
