import { contentSourceId } from '../../record/record-id.js';
import { cleanRecordText } from '../../text/clean-record-text.js';

/**
 * Source ids for items without ids of their own, one file at a time. The first time an author's
 * text occurs it gets null, so the pipeline gives it the usual content hash; a repeat of the same
 * words by the same author in the same file (a second "Okay." in a meeting, the same bullet under
 * two headings) gets that hash with `#2`, `#3`… so it is stored as its own record rather than
 * taken for the first one. Reading the file again gives the same ids.
 */
export class RepeatedTextIds {
  private readonly seen = new Map<string, number>();

  /** The `sourceId` for this author's text: null on its first occurrence in the file. */
  sourceIdFor(author: string | null, text: string): string | null {
    const cleaned = cleanRecordText(text);
    if (cleaned === '') return null;
    const hash = contentSourceId(author, null, cleaned);
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return count === 1 ? null : `${hash}#${count}`;
  }
}
