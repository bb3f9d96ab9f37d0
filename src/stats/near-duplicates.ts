/**
 * Groups of near-identical texts (campaigns, template letters, a text pasted by many people),
 * found in one streaming pass with bounded work per text and a few bytes per text held.
 *
 * "Near" means a Jaccard similarity of at least {@link NEAR_JACCARD} between the sets of word
 * {@link SHINGLE_WORDS}-grams of the two texts (words as src/text/normalise.ts gives them). Each
 * text of at least {@link CAMPAIGN_MIN_WORDS} words gets a MinHash sketch of
 * {@link SKETCH_BINS} values made by one-permutation hashing (every shingle hashed once, kept as the
 * minimum of one of the bins; empty bins filled from the next full one, Shrivastava and Li 2014),
 * so a text costs O(words). Locality-sensitive hashing over {@link BANDS} bands of
 * {@link BAND_ROWS} values finds candidates (texts that share a whole band); a candidate joins
 * when at least {@link NEAR_JACCARD} of the two sketches' values agree (the MinHash estimate of
 * their Jaccard similarity) and their lengths allow it (a set can only be that similar to one at
 * least 0.8 times its size). Groups are closed under joining (union-find), so a chain of small
 * edits stays one campaign. Everything is deterministic: fixed seeds, store order.
 *
 * Memory: the sketch (one byte a value), a union-find parent and the band table's slots, all in
 * typed arrays, about 80 bytes per text long enough to be sketched (measured); nothing per shingle.
 */

/** Words per shingle: pairs of neighbouring words (a changed word changes two shingles). */
export const SHINGLE_WORDS = 2;

/**
 * Texts with fewer words are never grouped, not even when repeated exactly: "Yes", "No comment"
 * and "I agree with the proposal" said by many people are agreement, not a campaign. Ten words is
 * also the length at which the survey reader takes a repeated answer for a campaign rather than a
 * closed choice (src/adapters/readers/free-text-columns.ts).
 */
export const CAMPAIGN_MIN_WORDS = 10;

/** The Jaccard similarity of shingle sets from which two texts are the same campaign. */
export const NEAR_JACCARD = 0.8;

/** MinHash values per text, kept as one byte each (b-bit MinHash, Li and König 2010). */
export const SKETCH_BINS = 32;

/** Values per LSH band: two texts are compared when all the values of one band agree. */
export const BAND_ROWS = 4;

/**
 * LSH bands, over the first 16 values: a pair with Jaccard 0.8 shares a band with probability
 * 1 - (1 - 0.8^4)^4 ≈ 0.88, one at 0.9 with 0.99 (and a campaign needs only a chain of them).
 */
export const BANDS = 4;
/** A band table entry is `member * BANDS + band`: the band in its low bits. */
const BAND_BITS = 2;
const BAND_MASK = BANDS - 1;

/**
 * Sketch values that must agree for two texts to join: 26 of 32 (0.8, less the 1 in 256 that one-byte
 * values of different shingles agree by chance).
 */
const AGREEING_BINS = Math.ceil((NEAR_JACCARD + (1 - NEAR_JACCARD) / 256) * SKETCH_BINS);

/**
 * The most texts filed under one band's values: a new text sharing them is checked against these
 * and, when none is near enough, not filed there (its other bands still are), so a common phrase
 * never grows a run of the table that every later text must walk.
 */
const CANDIDATES_PER_BAND = 4;

const EMPTY_BIN = 0xffffffff;
/** A shingle's hash gives its bin (top 5 bits: 32 bins) and its value within the bin (the other 27). */
const BIN_SHIFT = 27;
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const BIN_MASK = SKETCH_BINS - 1;
/** Sketch values per 32-bit word, per sketch and per band (a band is a whole number of words). */
const QUADS_PER_SKETCH = SKETCH_BINS / 4;
const INITIAL_TEXTS = 1024;
/** Numbers per slot of the band table: the entry (plus one) and its band hash. */
const SLOT_FIELDS = 2;

function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A word's 32-bit hash (FNV-1a), never 0, as {@link NearDuplicateGroups.add} takes words. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) h = Math.imul(h ^ word.charCodeAt(index), 0x01000193);
  return h >>> 0 || 1;
}

const sketchBins = new Uint32Array(SKETCH_BINS);

/**
 * Writes the MinHash sketch of a text ({@link SKETCH_BINS} one-byte values) into `out` from
 * `offset`, from its words as {@link wordHash}es (the first `length` of `words`, at least two).
 * It depends on the words alone, so it can be made wherever the text is read.
 */
export function sketchWords(words: ArrayLike<number>, length: number, out: Uint8Array, offset: number): void {
  const bins = sketchBins;
  bins.fill(EMPTY_BIN);
  let previous = words[0] ?? 0;
  for (let index = 1; index < length; index += 1) {
    const next = words[index] ?? 0;
    const shingle = mix32(Math.imul(previous, 0x9e3779b1) ^ next);
    previous = next;
    const bin = shingle >>> BIN_SHIFT;
    const value = shingle & VALUE_MASK;
    if (value < (bins[bin] ?? EMPTY_BIN)) bins[bin] = value;
  }
  for (let bin = 0; bin < SKETCH_BINS; bin += 1) {
    let value = bins[bin] ?? EMPTY_BIN;
    for (let step = 1; value === EMPTY_BIN && step < SKETCH_BINS; step += 1) {
      const next = bins[(bin + step) & BIN_MASK] ?? EMPTY_BIN;
      if (next !== EMPTY_BIN) value = next + Math.imul(step, 0x9e3779b9);
    }
    out[offset + bin] = value === EMPTY_BIN ? 0 : value & 0xff;
  }
}

/** Members per page of {@link NearDuplicateGroups}' tables (a page's sketches take 512 KB). */
const PAGE_BITS = 14;
const PAGE_MEMBERS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_MEMBERS - 1;

/**
 * What is held per member, for {@link PAGE_MEMBERS} members at a time: tables that grow by a page
 * and are never copied, so that a run of a million texts does not hold an old and a new copy of
 * 30 MB of sketches while it grows, nor leave the old copies as holes in the C heap.
 */
interface MemberPage {
  sketches: Uint8Array;
  /** The sketches four values at a time, to compare them a word at a time. */
  quads: Uint32Array;
  parent: Int32Array;
  /** Per group root, its members. */
  sizes: Int32Array;
  /** Shingles per member: two sets with Jaccard similarity J have sizes within a factor J of each other. */
  shingleCounts: Uint16Array;
}

function newMemberPage(): MemberPage {
  const sketches = new Uint8Array(PAGE_MEMBERS * SKETCH_BINS);
  return {
    sketches,
    quads: new Uint32Array(sketches.buffer),
    parent: new Int32Array(PAGE_MEMBERS),
    sizes: new Int32Array(PAGE_MEMBERS),
    shingleCounts: new Uint16Array(PAGE_MEMBERS),
  };
}

const NO_PAGE: MemberPage = {
  sketches: new Uint8Array(0),
  quads: new Uint32Array(0),
  parent: new Int32Array(0),
  sizes: new Int32Array(0),
  shingleCounts: new Uint16Array(0),
};

/**
 * Near-duplicate groups over texts added one at a time. {@link add} returns the text's member
 * number (or -1 for a text too short to be grouped); {@link rootOf} names its group.
 */
export class NearDuplicateGroups {
  private readonly pages: MemberPage[] = [];
  private members = 0;
  /**
   * Open addressing over `member * BANDS + band`, two numbers a slot: the entry plus one (0 for an
   * empty slot) and its band hash. The hash is a bijection of the band's values (for a given band),
   * so a probe tells a match without reading the other member's sketch, and growing needs no sketch.
   */
  private slots = new Int32Array(INITIAL_TEXTS * 2 * SLOT_FIELDS);
  private filled = 0;
  private readonly scratch = new Uint8Array(SKETCH_BINS);

  private pageOf(member: number): MemberPage {
    return this.pages[member >>> PAGE_BITS] ?? NO_PAGE;
  }

  /** Texts sketched so far (those long enough). */
  get size(): number {
    return this.members;
  }

  /**
   * Adds a text by its words, each as its {@link wordHash} (the first `length` of `words`); returns
   * its member number, or -1 when it is too short to be grouped.
   */
  add(words: ArrayLike<number>, length = words.length): number {
    if (length < CAMPAIGN_MIN_WORDS) return -1;
    sketchWords(words, length, this.scratch, 0);
    return this.addSketch(this.scratch, 0, length);
  }

  /**
   * Adds a text by its sketch ({@link sketchWords}: {@link SKETCH_BINS} bytes of `sketch` from
   * `offset`) and its word count; the same as {@link add} with its words, so that a text can be
   * sketched elsewhere (on another thread) and filed here in order.
   */
  addSketch(sketch: Uint8Array, offset: number, length: number): number {
    if (length < CAMPAIGN_MIN_WORDS) return -1;
    const member = this.members;
    if ((member & PAGE_MASK) === 0) this.pages.push(newMemberPage());
    const page = this.pageOf(member);
    const at = member & PAGE_MASK;
    page.sketches.set(sketch.subarray(offset, offset + SKETCH_BINS), at * SKETCH_BINS);
    page.parent[at] = member;
    page.sizes[at] = 1;
    page.shingleCounts[at] = Math.min(0xffff, length - SHINGLE_WORDS + 1);
    this.members += 1;
    for (let band = 0; band < BANDS; band += 1) this.fileBand(member, band);
    return member;
  }

  /** The group's representative member: the first member added of those joined with this one. */
  rootOf(member: number): number {
    let current = member;
    for (;;) {
      const page = this.pageOf(current);
      const parent = page.parent[current & PAGE_MASK] ?? current;
      if (parent === current) return current;
      const grandparent = this.pageOf(parent).parent[parent & PAGE_MASK] ?? parent;
      page.parent[current & PAGE_MASK] = grandparent;
      current = grandparent;
    }
  }

  /** How many members the group of this root ({@link rootOf}) has. */
  sizeOfGroup(root: number): number {
    return this.pageOf(root).sizes[root & PAGE_MASK] ?? 0;
  }

  /** The share of sketch values two members agree on: the MinHash estimate of their shingles' Jaccard similarity. */
  similarity(a: number, b: number): number {
    return this.agreeing(a, b) / SKETCH_BINS;
  }

  /** How many of two members' sketch values are equal, four at a time (a byte of the XOR is 0 where they are). */
  private agreeing(a: number, b: number): number {
    const quadsA = this.pageOf(a).quads;
    const quadsB = this.pageOf(b).quads;
    const first = (a & PAGE_MASK) * QUADS_PER_SKETCH;
    const second = (b & PAGE_MASK) * QUADS_PER_SKETCH;
    let same = 0;
    for (let quad = 0; quad < QUADS_PER_SKETCH; quad += 1) {
      const differ = (quadsA[first + quad] ?? 0) ^ (quadsB[second + quad] ?? 0);
      const zeroBytes = ~(((differ & 0x7f7f7f7f) + 0x7f7f7f7f) | differ | 0x7f7f7f7f);
      same += Math.imul((zeroBytes >>> 7) & 0x01010101, 0x01010101) >>> 24;
    }
    return same;
  }

  private bandHash(member: number, band: number): number {
    const base = (member & PAGE_MASK) * SKETCH_BINS + band * BAND_ROWS;
    const { sketches } = this.pageOf(member);
    const packed =
      (sketches[base] ?? 0) | ((sketches[base + 1] ?? 0) << 8) | ((sketches[base + 2] ?? 0) << 16) | ((sketches[base + 3] ?? 0) << 24);
    return mix32(packed ^ Math.imul(band + 1, 0x85ebca6b));
  }

  /**
   * Looks for earlier members sharing this band: the first that agrees closely enough is joined
   * and the member is not filed (the earlier one stands for both); otherwise it is filed, unless
   * {@link CANDIDATES_PER_BAND} members with these values are filed already.
   */
  private fileBand(member: number, band: number): void {
    const { slots } = this;
    const mask = slots.length / SLOT_FIELDS - 1;
    const hash = this.bandHash(member, band) | 0;
    let slot = hash & mask;
    let checked = 0;
    for (;;) {
      const at = slot * SLOT_FIELDS;
      const held = slots[at] ?? 0;
      if (held === 0) break;
      if (slots[at + 1] === hash && ((held - 1) & BAND_MASK) === band) {
        const other = (held - 1) >>> BAND_BITS;
        if (this.sizesAllow(member, other) && this.agreeing(member, other) >= AGREEING_BINS) {
          this.union(member, other);
          return;
        }
        checked += 1;
        if (checked >= CANDIDATES_PER_BAND) return;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot * SLOT_FIELDS] = member * BANDS + band + 1;
    slots[slot * SLOT_FIELDS + 1] = hash;
    this.filled += 1;
    if (this.filled * 10 > (slots.length / SLOT_FIELDS) * 7) this.growSlots();
  }

  /** False when the two texts' lengths alone rule out a Jaccard similarity of {@link NEAR_JACCARD}. */
  private sizesAllow(a: number, b: number): boolean {
    const first = this.pageOf(a).shingleCounts[a & PAGE_MASK] ?? 0;
    const second = this.pageOf(b).shingleCounts[b & PAGE_MASK] ?? 0;
    return Math.min(first, second) >= NEAR_JACCARD * Math.max(first, second);
  }

  private union(a: number, b: number): void {
    const rootA = this.rootOf(a);
    const rootB = this.rootOf(b);
    if (rootA === rootB) return;
    const pageA = this.pageOf(rootA);
    const pageB = this.pageOf(rootB);
    const joined = (pageA.sizes[rootA & PAGE_MASK] ?? 0) + (pageB.sizes[rootB & PAGE_MASK] ?? 0);
    if (rootA < rootB) {
      pageB.parent[rootB & PAGE_MASK] = rootA;
      pageA.sizes[rootA & PAGE_MASK] = joined;
    } else {
      pageA.parent[rootA & PAGE_MASK] = rootB;
      pageB.sizes[rootB & PAGE_MASK] = joined;
    }
  }

  private growSlots(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT_FIELDS - 1;
    for (let from = 0; from < old.length; from += SLOT_FIELDS) {
      const held = old[from] ?? 0;
      if (held === 0) continue;
      const hash = old[from + 1] ?? 0;
      let slot = hash & mask;
      while ((slots[slot * SLOT_FIELDS] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[slot * SLOT_FIELDS] = held;
      slots[slot * SLOT_FIELDS + 1] = hash;
    }
    this.slots = slots;
  }
}
