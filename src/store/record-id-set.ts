/** Record ids as {@link makeRecordId} writes them: 20 lower-case hex digits (80 bits of sha256). */
const HEX_ID = /^[0-9a-f]{20}$/;

const INITIAL_CAPACITY = 1024;

/** The largest tag an id can carry. */
export const MAX_TAG = 0xfffe;

/** Grow when more than this share of slots is taken, so probes stay short. */
const MAX_LOAD = 0.7;

/**
 * The set of record ids a store holds, in about 15 bytes per id: each 20-hex-digit id is kept as
 * 80 bits in typed arrays (open addressing, linear probing) instead of as a string in a Set, which
 * costs about 200 bytes an id once V8's string and hash-table overheads are counted. Ids of any
 * other shape (from an older or hand-made store) go to an ordinary Set beside it, so every id is
 * kept exactly; they are copied first, because an id cut from a store line by a regex would keep the
 * whole line in memory. Each id may carry a 32-bit mark (the store keeps its record's text
 * fingerprint there), 4 bytes more per slot once any id has a mark.
 */
export class RecordIdSet {
  private capacity = INITIAL_CAPACITY;
  private high = new Uint32Array(INITIAL_CAPACITY);
  private middle = new Uint32Array(INITIAL_CAPACITY);
  private low = new Uint16Array(INITIAL_CAPACITY);
  /** 0 for an empty slot, else the id's tag + 1. */
  private used = new Uint16Array(INITIAL_CAPACITY);
  private marks: Uint32Array | null = null;
  private hexCount = 0;
  private readonly others = new Map<string, number>();

  /** How many distinct ids the set holds. */
  get size(): number {
    return this.hexCount + this.others.size;
  }

  /** True when the set holds `id`. */
  has(id: string): boolean {
    if (!HEX_ID.test(id)) return this.others.has(id);
    const high = parseInt(id.slice(0, 8), 16) >>> 0;
    const middle = parseInt(id.slice(8, 16), 16) >>> 0;
    const low = parseInt(id.slice(16, 20), 16);
    return this.find(high, middle, low) >= 0;
  }

  /** The mark `id` was added with (0 when none was given), or undefined when the set does not hold it. */
  markOf(id: string): number | undefined {
    if (!HEX_ID.test(id)) return this.others.get(id);
    const slot = this.find(parseInt(id.slice(0, 8), 16) >>> 0, parseInt(id.slice(8, 16), 16) >>> 0, parseInt(id.slice(16, 20), 16));
    return slot < 0 ? undefined : (this.marks?.[slot] ?? 0);
  }

  /**
   * The tag `id` was added with (0 when none was given), or undefined when the set does not hold it
   * or holds it in its other-shaped ids (which keep no tag).
   */
  tagOf(id: string): number | undefined {
    if (!HEX_ID.test(id)) return undefined;
    const slot = this.find(parseInt(id.slice(0, 8), 16) >>> 0, parseInt(id.slice(8, 16), 16) >>> 0, parseInt(id.slice(16, 20), 16));
    return slot < 0 ? undefined : (this.used[slot] ?? 1) - 1;
  }

  /**
   * Adds `id` with a 32-bit `mark` and a `tag` (0 to {@link MAX_TAG}); adding one already there
   * changes nothing (its first mark and tag stay).
   */
  add(id: string, mark = 0, tag = 0): this {
    if (!HEX_ID.test(id)) {
      if (!this.others.has(id)) this.others.set(Buffer.from(id, 'utf8').toString('utf8'), mark >>> 0);
      return this;
    }
    const high = parseInt(id.slice(0, 8), 16) >>> 0;
    const middle = parseInt(id.slice(8, 16), 16) >>> 0;
    const low = parseInt(id.slice(16, 20), 16);
    if (this.find(high, middle, low) >= 0) return this;
    if ((this.hexCount + 1) / this.capacity > MAX_LOAD) this.grow();
    this.insert(high, middle, low, mark >>> 0, Math.min(Math.max(0, tag), MAX_TAG) + 1);
    this.hexCount += 1;
    return this;
  }

  /** The slot holding the id, or -1. The first 32 bits of a sha256 prefix are already uniform, so they index directly. */
  private find(high: number, middle: number, low: number): number {
    const mask = this.capacity - 1;
    for (let slot = (high ^ middle) & mask; ; slot = (slot + 1) & mask) {
      if (this.used[slot] === 0) return -1;
      if (this.high[slot] === high && this.middle[slot] === middle && this.low[slot] === low) return slot;
    }
  }

  private insert(high: number, middle: number, low: number, mark: number, used: number): void {
    const mask = this.capacity - 1;
    let slot = (high ^ middle) & mask;
    while (this.used[slot] !== 0) slot = (slot + 1) & mask;
    this.high[slot] = high;
    this.middle[slot] = middle;
    this.low[slot] = low;
    if (mark !== 0) {
      this.marks ??= new Uint32Array(this.capacity);
      this.marks[slot] = mark;
    }
    this.used[slot] = used;
  }

  private grow(): void {
    const { high, middle, low, used, marks, capacity } = this;
    this.capacity = capacity * 2;
    this.high = new Uint32Array(this.capacity);
    this.middle = new Uint32Array(this.capacity);
    this.low = new Uint16Array(this.capacity);
    this.used = new Uint16Array(this.capacity);
    this.marks = null;
    for (let slot = 0; slot < capacity; slot += 1) {
      const taken = used[slot] ?? 0;
      if (taken !== 0) this.insert(high[slot] ?? 0, middle[slot] ?? 0, low[slot] ?? 0, marks?.[slot] ?? 0, taken);
    }
  }
}
