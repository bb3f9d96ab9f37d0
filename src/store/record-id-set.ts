/** Record ids as {@link makeRecordId} writes them: 20 lower-case hex digits (80 bits of sha256). */
const HEX_ID_LENGTH = 20;

/** Per character code below 128, its value as a lower-case hex digit, or -1. */
const HEX_DIGIT_VALUES = Int8Array.from({ length: 128 }, (_, code) => {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
});

/** How many numbers {@link readHexId} writes: an id's first 32 bits, its next 32 and its last 16. */
export const HEX_ID_PARTS = 3;

/**
 * Reads an id of 20 lower-case hex digits (as {@link makeRecordId} writes them) into `parts`: its
 * first 32 bits, next 32 and last 16, by character code (no pattern, no slices). False, leaving
 * `parts` unspecified, for an id of any other shape.
 */
export function readHexId(id: string, parts: Uint32Array): boolean {
  if (id.length !== HEX_ID_LENGTH) return false;
  let high = 0;
  let middle = 0;
  let low = 0;
  for (let index = 0; index < HEX_ID_LENGTH; index += 1) {
    const code = id.charCodeAt(index);
    const digit = code < 128 ? (HEX_DIGIT_VALUES[code] ?? -1) : -1;
    if (digit < 0) return false;
    if (index < 8) high = high * 16 + digit;
    else if (index < 16) middle = middle * 16 + digit;
    else low = low * 16 + digit;
  }
  parts[0] = high;
  parts[1] = middle;
  parts[2] = low;
  return true;
}

/** The parts of the last id a {@link RecordIdSet} read. */
const idParts = new Uint32Array(HEX_ID_PARTS);

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
    if (!readHexId(id, idParts)) return this.others.has(id);
    return this.findRead() >= 0;
  }

  /** The mark `id` was added with (0 when none was given), or undefined when the set does not hold it. */
  markOf(id: string): number | undefined {
    if (!readHexId(id, idParts)) return this.others.get(id);
    const slot = this.findRead();
    return slot < 0 ? undefined : (this.marks?.[slot] ?? 0);
  }

  /**
   * The tag `id` was added with (0 when none was given), or undefined when the set does not hold it
   * or holds it in its other-shaped ids (which keep no tag).
   */
  tagOf(id: string): number | undefined {
    if (!readHexId(id, idParts)) return undefined;
    return this.tagAt(this.findRead());
  }

  private tagAt(slot: number): number | undefined {
    return slot < 0 ? undefined : (this.used[slot] ?? 1) - 1;
  }

  /**
   * Adds `id` with a 32-bit `mark` and a `tag` (0 to {@link MAX_TAG}); adding one already there
   * changes nothing (its first mark and tag stay).
   */
  add(id: string, mark = 0, tag = 0): this {
    this.addAndTagOf(id, mark, tag);
    return this;
  }

  /** {@link add}, returning what {@link tagOf} then says of `id` (with one reading of the id). */
  addAndTagOf(id: string, mark = 0, tag = 0): number | undefined {
    if (!readHexId(id, idParts)) {
      if (!this.others.has(id)) this.others.set(Buffer.from(id, 'utf8').toString('utf8'), mark >>> 0);
      return undefined;
    }
    const found = this.findRead();
    if (found >= 0) return this.tagAt(found);
    const high = idParts[0] ?? 0;
    const middle = idParts[1] ?? 0;
    const low = idParts[2] ?? 0;
    if ((this.hexCount + 1) / this.capacity > MAX_LOAD) this.grow();
    const used = Math.min(Math.max(0, tag), MAX_TAG) + 1;
    this.insert(high, middle, low, mark >>> 0, used);
    this.hexCount += 1;
    return used - 1;
  }

  /** Changes the mark of an `id` the set holds (its tag stays); false, changing nothing, when the set does not hold it. */
  setMark(id: string, mark: number): boolean {
    if (!readHexId(id, idParts)) {
      if (!this.others.has(id)) return false;
      this.others.set(id, mark >>> 0);
      return true;
    }
    const slot = this.findRead();
    if (slot < 0) return false;
    if (mark !== 0) this.marks ??= new Uint32Array(this.capacity);
    if (this.marks !== null) this.marks[slot] = mark >>> 0;
    return true;
  }

  /** {@link find} for the id last read into {@link idParts}. */
  private findRead(): number {
    return this.find(idParts[0] ?? 0, idParts[1] ?? 0, idParts[2] ?? 0);
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
