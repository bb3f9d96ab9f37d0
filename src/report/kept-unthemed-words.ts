import { grownArray } from '../grown-array.js';
import { HEX_ID_PARTS, readHexId } from '../store/record-id-set.js';

/** Record ids as makeRecordId writes them (20 lower-case hex digits) are kept as 10 bytes, high first. */
const ID_BYTES = 10;

/** The parts of the id being kept ({@link readHexId}). */
const idParts = new Uint32Array(HEX_ID_PARTS);

/**
 * The words of the unthemed records, kept (by number, 1 to 3 bytes a word) from the one read of a
 * store with each record's id and store line, so that the records holding the terms that stand
 * out in them, known only once every record is read, are found without reading the store again.
 * About 60 bytes a record: ids of 20 hex digits as 10 bytes (any other id as a string beside them),
 * the line, and where its words start.
 */
export class KeptUnthemedWords {
  /** Records kept. */
  count = 0;
  private ids = new Uint8Array(1024 * ID_BYTES);
  private readonly otherIds = new Map<number, string>();
  private lines = new Uint32Array(1024);
  /** Per record, where its words start in {@link words}; one more entry ends the last. */
  private starts = new Uint32Array(1025);
  private words = new Uint8Array(16 * 1024);
  private used = 0;

  /** Keeps a record: its id, its store line (1-based) and its words by number, in text order. */
  keep(id: string, line: number, wordIds: ArrayLike<number>): void {
    const index = this.count;
    if (index + 1 >= this.lines.length) {
      const capacity = this.lines.length * 2;
      this.lines = grownArray(this.lines, capacity);
      this.starts = grownArray(this.starts, capacity + 1);
      this.ids = grownArray(this.ids, capacity * ID_BYTES);
    }
    if (readHexId(id, idParts)) {
      const at = index * ID_BYTES;
      const high = idParts[0] ?? 0;
      const middle = idParts[1] ?? 0;
      const low = idParts[2] ?? 0;
      for (let byte = 0; byte < 4; byte += 1) {
        this.ids[at + byte] = high >>> (24 - byte * 8);
        this.ids[at + 4 + byte] = middle >>> (24 - byte * 8);
      }
      this.ids[at + 8] = low >>> 8;
      this.ids[at + 9] = low;
    } else {
      this.otherIds.set(index, id);
    }
    this.lines[index] = line;
    if (this.used + wordIds.length * 5 > this.words.length) {
      this.words = grownArray(this.words, Math.max(this.words.length * 2, this.used + wordIds.length * 5));
    }
    let used = this.used;
    const { words } = this;
    for (let at = 0; at < wordIds.length; at += 1) {
      let value = wordIds[at] ?? 0;
      while (value >= 0x80) {
        words[used] = (value & 0x7f) | 0x80;
        used += 1;
        value >>>= 7;
      }
      words[used] = value;
      used += 1;
    }
    this.used = used;
    this.count = index + 1;
    this.starts[index + 1] = used;
  }

  /** The store line of the `index`th record kept. */
  lineOf(index: number): number {
    return this.lines[index] ?? 0;
  }

  /** The id of the `index`th record kept. */
  idOf(index: number): string {
    const other = this.otherIds.get(index);
    if (other !== undefined) return other;
    const at = index * ID_BYTES;
    let id = '';
    for (let byte = 0; byte < ID_BYTES; byte += 1) id += (this.ids[at + byte] ?? 0).toString(16).padStart(2, '0');
    return id;
  }

  /** Orders two records kept by id, as comparing the id strings by code unit does. */
  compareIds(a: number, b: number): number {
    if (this.otherIds.size > 0 && (this.otherIds.has(a) || this.otherIds.has(b))) {
      const first = this.idOf(a);
      const second = this.idOf(b);
      return first < second ? -1 : first > second ? 1 : 0;
    }
    const { ids } = this;
    for (let at = a * ID_BYTES, other = b * ID_BYTES, end = at + ID_BYTES; at < end; at += 1, other += 1) {
      const difference = (ids[at] ?? 0) - (ids[other] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  }

  /**
   * The words of the `index`th record kept, decoded into `into`, or into a larger array when it is
   * too short (pass the one returned last time); returns the array and how many words it holds.
   */
  wordsOf(index: number, into: Int32Array): { words: Int32Array; length: number } {
    const start = this.starts[index] ?? 0;
    const end = this.starts[index + 1] ?? 0;
    const words = into.length >= end - start ? into : new Int32Array(Math.max(end - start, into.length * 2));
    let length = 0;
    const bytes = this.words;
    for (let at = start; at < end;) {
      let value = 0;
      let shift = 0;
      let byte = bytes[at] ?? 0;
      at += 1;
      while (byte >= 0x80) {
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        byte = bytes[at] ?? 0;
        at += 1;
      }
      words[length] = value + byte * 2 ** shift;
      length += 1;
    }
    return { words, length };
  }
}
