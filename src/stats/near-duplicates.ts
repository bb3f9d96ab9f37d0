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
 * Memory, all in typed arrays and nothing per shingle: per text long enough to be sketched, its
 * union-find parent, or for a group's first member the group's size (4 bytes); per text filed
 * under a band, its sketch (one byte a value), shingle count and member number (38 bytes), and 4
 * bytes per band filed in the band table (a slot of 32 bits, the table at most 70% full). A text
 * that joins a group, or finds enough members filed already, under every band is never compared
 * with again, so it keeps no sketch: at a million texts about half are filed, and the whole takes
 * about 34 bytes per text sketched (31.6 MB at a million records).
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
const QUADS_PER_BAND = BAND_ROWS / 4;
/** Slots of the band table to start with (a power of two). */
const INITIAL_SLOTS = 2048;
/** The band table grows (doubles) once more than 7 in 10 of its slots are filled. */
const MOST_FILLED_TENTHS = 7;
/**
 * Bits of a band table entry (`filed * BANDS + band`, plus one) beyond the table's index bits: a
 * table of 2^k slots holds at most 0.7 * 2^k entries, so their numbers stay under 2^(k + 2).
 */
const ENTRY_EXTRA_BITS = 2;

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

/** Entries per page of {@link NearDuplicateGroups}' tables (a page of sketches takes 512 KB). */
const PAGE_BITS = 14;
const PAGE_MEMBERS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_MEMBERS - 1;

/**
 * What is held of a member filed under a band (the only ones a later text is compared with; about
 * half of them at a million texts), {@link PAGE_MEMBERS} at a time, by the order they were first filed.
 */
interface FiledPage {
  /** The sketches four values at a time, to compare them a word at a time. */
  quads: Uint32Array;
  /** Shingles per filed member: two sets with Jaccard similarity J have sizes within a factor J of each other. */
  shingleCounts: Uint16Array;
  /** The member number of each. */
  members: Int32Array;
}

const NO_GROUP_PAGE = new Int32Array(0);
const NO_FILED_PAGE: FiledPage = { quads: new Uint32Array(0), shingleCounts: new Uint16Array(0), members: new Int32Array(0) };

/** The share of two sketches' ({@link sketchWords}) values that agree: the MinHash estimate of the Jaccard similarity of their texts' shingles. */
export function sketchSimilarity(a: Uint8Array, b: Uint8Array): number {
  let same = 0;
  for (let bin = 0; bin < SKETCH_BINS; bin += 1) if (a[bin] === b[bin]) same += 1;
  return same / SKETCH_BINS;
}

/** How many of two sketches' values are equal, four at a time (a byte of the XOR is 0 where they are). */
function agreeingValues(quadsA: Uint32Array, first: number, quadsB: Uint32Array, second: number): number {
  let same = 0;
  for (let quad = 0; quad < QUADS_PER_SKETCH; quad += 1) {
    const differ = (quadsA[first + quad] ?? 0) ^ (quadsB[second + quad] ?? 0);
    const zeroBytes = ~(((differ & 0x7f7f7f7f) + 0x7f7f7f7f) | differ | 0x7f7f7f7f);
    same += Math.imul((zeroBytes >>> 7) & 0x01010101, 0x01010101) >>> 24;
  }
  return same;
}

/**
 * Near-duplicate groups over texts added one at a time. {@link add} returns the text's member
 * number (or -1 for a text too short to be grouped); {@link rootOf} names its group.
 */
export class NearDuplicateGroups {
  /**
   * The union-find of every member, {@link PAGE_MEMBERS} members a page: a member's parent, or for
   * a group's root minus the group's size. Pages are added as members come and never copied, so
   * that a run of a million texts does not hold an old and a new copy while it grows, nor leave
   * the old copies as holes in the C heap.
   */
  private readonly groupPages: Int32Array[] = [];
  private readonly filedPages: FiledPage[] = [];
  private members = 0;
  private filedMembers = 0;
  /**
   * Open addressing, by the band hash, over `filed * BANDS + band` (`filed` a member's number
   * among those filed): a slot holds the entry plus one (0 for an empty slot) in its low
   * {@link entryBits} and, above them, the top {@link tagBits} of its band hash, so that a probe
   * passes over nearly every other band's entry without reading that member's sketch; an entry
   * whose tag matches is a candidate once its band's values (read from its sketch) are the text's.
   */
  private slots = new Uint32Array(INITIAL_SLOTS);
  private filled = 0;
  private entryBits = 0;
  private tagBits = 0;
  /** The text being added: its sketch (also four values at a time), shingles, and number among those filed (-1: not yet). */
  private readonly sketch = new Uint8Array(SKETCH_BINS);
  private readonly quads = new Uint32Array(this.sketch.buffer);
  private shingles = 0;
  private filedAs = -1;

  /**
   * @param mostTagBits the most bits of a band hash kept in a band table slot (32 keeps all the
   * bits there is room for; 0 keeps none, so that every probe reads the other sketch: how a test
   * holds the tags to the band values).
   */
  constructor(private readonly mostTagBits = 32) {
    this.sizeSlots(INITIAL_SLOTS);
  }

  private sizeSlots(slots: number): void {
    const indexBits = 31 - Math.clz32(slots);
    this.entryBits = Math.min(32, indexBits + ENTRY_EXTRA_BITS);
    this.tagBits = Math.min(this.mostTagBits, 32 - this.entryBits);
  }

  /** The tag of a band hash kept in its slot: its top {@link tagBits}. */
  private tagOf(hash: number): number {
    return this.tagBits === 0 ? 0 : hash >>> (32 - this.tagBits);
  }

  private groupPageOf(member: number): Int32Array {
    return this.groupPages[member >>> PAGE_BITS] ?? NO_GROUP_PAGE;
  }

  private filedPageOf(filed: number): FiledPage {
    return this.filedPages[filed >>> PAGE_BITS] ?? NO_FILED_PAGE;
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
    sketchWords(words, length, this.sketch, 0);
    return this.addSketch(this.sketch, 0, length);
  }

  /**
   * Adds a text by its sketch ({@link sketchWords}: {@link SKETCH_BINS} bytes of `sketch` from
   * `offset`) and its word count; the same as {@link add} with its words, so that a text can be
   * sketched elsewhere (on another thread) and filed here in order.
   */
  addSketch(sketch: Uint8Array, offset: number, length: number): number {
    if (length < CAMPAIGN_MIN_WORDS) return -1;
    const member = this.members;
    if ((member & PAGE_MASK) === 0) this.groupPages.push(new Int32Array(PAGE_MEMBERS));
    this.groupPageOf(member)[member & PAGE_MASK] = -1;
    this.members += 1;
    if (sketch !== this.sketch) for (let bin = 0; bin < SKETCH_BINS; bin += 1) this.sketch[bin] = sketch[offset + bin] ?? 0;
    this.shingles = Math.min(0xffff, length - SHINGLE_WORDS + 1);
    this.filedAs = -1;
    for (let band = 0; band < BANDS; band += 1) this.fileBand(member, band);
    return member;
  }

  /** The group's representative member: the first member added of those joined with this one. */
  rootOf(member: number): number {
    let current = member;
    for (;;) {
      const page = this.groupPageOf(current);
      const parent = page[current & PAGE_MASK] ?? -1;
      if (parent < 0) return current;
      const grandparent = this.groupPageOf(parent)[parent & PAGE_MASK] ?? -1;
      if (grandparent < 0) return parent;
      page[current & PAGE_MASK] = grandparent;
      current = grandparent;
    }
  }

  /** How many members the group of this root ({@link rootOf}) has. */
  sizeOfGroup(root: number): number {
    const held = this.groupPageOf(root)[root & PAGE_MASK] ?? 0;
    return held < 0 ? -held : 0;
  }

  /**
   * Looks for earlier members sharing this band: the first that agrees closely enough is joined
   * and the member is not filed (the earlier one stands for both); otherwise it is filed, unless
   * {@link CANDIDATES_PER_BAND} members with these values are filed already. A member whose tag
   * matches is read once, its band's values first, in the cache line that holds the rest of its
   * sketch; its length only when they are the text's.
   */
  private fileBand(member: number, band: number): void {
    const { slots, entryBits } = this;
    const mask = slots.length - 1;
    const values = this.quads[band * QUADS_PER_BAND] ?? 0;
    const hash = bandHash(values, band);
    const tag = this.tagOf(hash);
    const entryMask = entryBits === 32 ? 0xffffffff : (1 << entryBits) - 1;
    let slot = hash & mask;
    let sameValues = 0;
    for (;;) {
      const held = slots[slot] ?? 0;
      if (held === 0) break;
      const entry = (held & entryMask) - 1;
      if ((entry & BAND_MASK) === band && held >>> entryBits === tag) {
        const other = entry >>> BAND_BITS;
        const page = this.filedPageOf(other);
        const at = other & PAGE_MASK;
        const sketchAt = at * QUADS_PER_SKETCH;
        if (page.quads[sketchAt + band * QUADS_PER_BAND] === values) {
          if (this.sizesAllow(page.shingleCounts[at] ?? 0) && agreeingValues(this.quads, 0, page.quads, sketchAt) >= AGREEING_BINS) {
            this.union(member, page.members[at] ?? member);
            return;
          }
          sameValues += 1;
          if (sameValues >= CANDIDATES_PER_BAND) return;
        }
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = ((tag << entryBits) | (this.filed(member) * BANDS + band + 1)) >>> 0;
    this.filled += 1;
    if (this.filled * 10 > slots.length * MOST_FILLED_TENTHS) this.growSlots();
  }

  /** The text being added's number among the filed members, keeping what a later text compares with it the first time. */
  private filed(member: number): number {
    if (this.filedAs >= 0) return this.filedAs;
    const filed = this.filedMembers;
    if ((filed & PAGE_MASK) === 0) {
      this.filedPages.push({
        quads: new Uint32Array(PAGE_MEMBERS * QUADS_PER_SKETCH),
        shingleCounts: new Uint16Array(PAGE_MEMBERS),
        members: new Int32Array(PAGE_MEMBERS),
      });
    }
    const page = this.filedPageOf(filed);
    const at = filed & PAGE_MASK;
    for (let quad = 0; quad < QUADS_PER_SKETCH; quad += 1) page.quads[at * QUADS_PER_SKETCH + quad] = this.quads[quad] ?? 0;
    page.shingleCounts[at] = this.shingles;
    page.members[at] = member;
    this.filedMembers += 1;
    this.filedAs = filed;
    return filed;
  }

  /** False when the lengths of the text being added and one of `shingles` alone rule out a Jaccard similarity of {@link NEAR_JACCARD}. */
  private sizesAllow(shingles: number): boolean {
    return Math.min(this.shingles, shingles) >= NEAR_JACCARD * Math.max(this.shingles, shingles);
  }

  private union(a: number, b: number): void {
    const rootA = this.rootOf(a);
    const rootB = this.rootOf(b);
    if (rootA === rootB) return;
    const pageA = this.groupPageOf(rootA);
    const pageB = this.groupPageOf(rootB);
    const joined = (pageA[rootA & PAGE_MASK] ?? 0) + (pageB[rootB & PAGE_MASK] ?? 0);
    if (rootA < rootB) {
      pageB[rootB & PAGE_MASK] = rootA;
      pageA[rootA & PAGE_MASK] = joined;
    } else {
      pageA[rootA & PAGE_MASK] = rootB;
      pageB[rootB & PAGE_MASK] = joined;
    }
  }

  /**
   * Doubles the band table. Entries are filed in the order of their numbers (`filed * BANDS +
   * band`), so they are put back in that order: the table is then the one that filing them into a
   * table of this size from the start would have made, so the members filed under the same band
   * values keep the order they were filed in. A slot keeps only part of its band hash, so the hash
   * is made again from the member's sketch, read page by page in that order.
   */
  private growSlots(): void {
    const filedBands = this.filedBands();
    const slots = new Uint32Array(this.slots.length * 2);
    this.sizeSlots(slots.length);
    const { entryBits, filedMembers } = this;
    const mask = slots.length - 1;
    for (let first = 0; first < filedMembers; first += PAGE_MEMBERS) {
      const { quads } = this.filedPageOf(first);
      const last = Math.min(PAGE_MEMBERS, filedMembers - first);
      for (let at = 0; at < last; at += 1) {
        const filed = first + at;
        const bands = (filedBands[filed >>> 1] ?? 0) >>> ((filed & 1) * BANDS);
        for (let band = 0; band < BANDS; band += 1) {
          if ((bands & (1 << band)) === 0) continue;
          const hash = bandHash(quads[at * QUADS_PER_SKETCH + band * QUADS_PER_BAND] ?? 0, band);
          let slot = hash & mask;
          while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
          slots[slot] = ((this.tagOf(hash) << entryBits) | (filed * BANDS + band + 1)) >>> 0;
        }
      }
    }
    this.slots = slots;
  }

  /** The bands each filed member is filed under, a bit per band, two members a byte (the first in the low half). */
  private filedBands(): Uint8Array {
    const { slots } = this;
    const entryMask = this.entryBits === 32 ? 0xffffffff : (1 << this.entryBits) - 1;
    const filedBands = new Uint8Array((this.filedMembers + 1) >>> 1);
    for (let slot = 0; slot < slots.length; slot += 1) {
      const held = slots[slot] ?? 0;
      if (held === 0) continue;
      const entry = (held & entryMask) - 1;
      const filed = entry >>> BAND_BITS;
      filedBands[filed >>> 1] = (filedBands[filed >>> 1] ?? 0) | (1 << ((entry & BAND_MASK) + (filed & 1) * BANDS));
    }
    return filedBands;
  }
}

/** The hash of a band's values (four of them, packed in a word): a bijection of them, different per band. */
function bandHash(values: number, band: number): number {
  return mix32(values ^ Math.imul(band + 1, 0x85ebca6b));
}
