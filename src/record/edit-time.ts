import type { FeedbackRecord } from './record.js';

/** When the export says the post was last edited (`meta.editedAt`, ISO 8601 UTC), or undefined when it does not. */
export function editedAtOf(record: FeedbackRecord): string | undefined {
  const editedAt = record.meta['editedAt'];
  return typeof editedAt === 'string' ? editedAt : undefined;
}

/**
 * True when a copy of a platform's post read with other words than the kept record is an earlier
 * version of it, by the edit times the exports give (`meta.editedAt`, written the one way, so the
 * strings compare as times): the kept record says when it was edited and the copy says an earlier
 * time or none (a copy without one is from before the edit, or from an export that does not say;
 * the kept words are known to be an edit). When the kept record says nothing, or the copy's time is
 * the same or later, the copy's words are the newer, as when neither says: the words read last win.
 */
export function isEarlierEdit(copyEditedAt: string | undefined, keptEditedAt: string | undefined): boolean {
  return isLaterEdit(keptEditedAt, copyEditedAt);
}

/**
 * True when `editedAt` is an edit time later than `kept`, or one where `kept` gives none: the time a
 * record or a copy of it should keep (`meta.editedAt`, written the one way, so the strings compare
 * as times).
 */
export function isLaterEdit(editedAt: string | undefined, kept: string | undefined): editedAt is string {
  return editedAt !== undefined && (kept === undefined || kept < editedAt);
}
