import { contentSourceId } from '../../record/record-id.js';
import { cleanRecordText } from '../../text/clean-record-text.js';

const INITIAL_SLOTS = 1024;

/**
 * Source ids for items without ids of their own, one file at a time. The first time an author's
 * text (on a date, when the item has one) occurs it gets null, so the pipeline gives it the usual
 * content hash; a repeat of the same words by the same author in the same file (a second "Okay."
 * in a meeting, the same bullet under two headings, one campaign answer in many rows of a table)
 * gets that hash with `#2`, `#3`… so it is stored as its own record rather than taken for the
 * first one. Reading the file again gives the same ids, so a file ingested twice still adds nothing.
 *
 * Occurrences are counted by 64 bits of the content hash in flat typed arrays (about 24 bytes per
 * distinct text), so a table of a million rows without ids costs megabytes, not a string per row.
 */
export class RepeatedTextIds {
  private high = new Uint32Array(INITIAL_SLOTS);
  private low = new Uint32Array(INITIAL_SLOTS);
  private counts = new Uint32Array(INITIAL_SLOTS);
  private used = 0;

  /** The `sourceId` for this author's text: null on its first occurrence in the file. */
  sourceIdFor(author: string | null, text: string, date: string | null = null): string | null {
    const cleaned = cleanRecordText(text);
    if (cleaned === '') return null;
    const hash = contentSourceId(author, date, cleaned);
    const digits = hash.slice(hash.indexOf(':') + 1);
    const count = this.increment(parseInt(digits.slice(0, 8), 16) >>> 0, parseInt(digits.slice(8, 16), 16) >>> 0);
    return count === 1 ? null : `${hash}#${count}`;
  }

  private increment(high: number, low: number): number {
    if ((this.used + 1) * 2 > this.counts.length) this.grow();
    const mask = this.counts.length - 1;
    let slot = low & mask;
    for (;;) {
      const count = this.counts[slot] ?? 0;
      if (count === 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.counts[slot] = 1;
        this.used += 1;
        return 1;
      }
      if (this.high[slot] === high && this.low[slot] === low) {
        this.counts[slot] = count + 1;
        return count + 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { high, low, counts } = this;
    const size = counts.length * 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.counts = new Uint32Array(size);
    const mask = size - 1;
    for (let index = 0; index < counts.length; index += 1) {
      const count = counts[index] ?? 0;
      if (count === 0) continue;
      const lowBits = low[index] ?? 0;
      let slot = lowBits & mask;
      while ((this.counts[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.high[slot] = high[index] ?? 0;
      this.low[slot] = lowBits;
      this.counts[slot] = count;
    }
  }
}
