const INITIAL_SLOTS = 16;

/**
 * How many distinct keys were added, holding each as a 53-bit hash in a flat open-addressing
 * table (8 bytes a slot, at most half full): a million distinct authors cost 16 MB at most, not a
 * string and a Map entry each. Two different keys count as one only if their 53-bit hashes are
 * equal (about one chance in 10^4 among 10^6 keys).
 */
export class DistinctCounter {
  private slots = new Float64Array(INITIAL_SLOTS);
  private used = 0;

  /** Distinct keys added so far. */
  get size(): number {
    return this.used;
  }

  /** Adds a key by its hash ({@link hashKey}); true when it was not there yet. */
  add(hash: number): boolean {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    const slot = slotOf(this.slots, hash);
    if (this.slots[slot] === hash) return false;
    this.slots[slot] = hash;
    this.used += 1;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.used = 0;
    for (const hash of old) if (hash !== 0) this.add(hash);
  }
}

/** The slot of an open-addressing table of hashes (0: empty) that holds `hash`, or the empty one where it would go. */
function slotOf(slots: Float64Array, hash: number): number {
  const mask = slots.length - 1;
  let slot = (hash >>> 0) & mask;
  for (let held = slots[slot] ?? 0; held !== 0 && held !== hash; held = slots[slot] ?? 0) slot = (slot + 1) & mask;
  return slot;
}

/** The most tags a {@link TaggedDistinctCounter} keeps as bits of a key's slot. */
export const SLOT_TAGS = 32;

/**
 * {@link DistinctCounter} for keys that come with tags (a voice with the themes of each of its
 * records): how many distinct keys were added, and per tag how many distinct keys came with it.
 * With up to {@link SLOT_TAGS} tags, one table holds each key's hash and, as bits, the tags it has
 * come with, so that a key and all its tags are counted with one lookup (and one table grows)
 * instead of one per tag; with more, each tag has a {@link DistinctCounter} of its own. Beside its
 * tags, each addition may name one of up to {@link SLOT_TAGS} kinds (the channel of a voice's
 * record), held as bits of the same slot: per kind, how many distinct keys came with it. Two keys
 * count as one exactly when a {@link DistinctCounter} would count them as one.
 */
export class TaggedDistinctCounter {
  private slots = new Float64Array(INITIAL_SLOTS);
  private tagSets = new Int32Array(INITIAL_SLOTS);
  private used = 0;
  private readonly perTag: Int32Array;
  /** With more than {@link SLOT_TAGS} tags: a counter per tag. */
  private readonly tagCounters: DistinctCounter[] | null;
  /** Per slot, the kinds its key has come with, as bits (empty when there are no kinds). */
  private kindSets: Int32Array;
  private readonly perKind: Int32Array;

  /**
   * @param tagCount tags are numbered 0 to tagCount - 1.
   * @param kindCount kinds are numbered 0 to kindCount - 1, at most {@link SLOT_TAGS}.
   */
  constructor(tagCount: number, kindCount = 0) {
    if (!(kindCount >= 0 && kindCount <= SLOT_TAGS))
      throw new RangeError(`TaggedDistinctCounter: ${kindCount} kinds, at most ${SLOT_TAGS}`);
    this.perTag = new Int32Array(tagCount);
    this.tagCounters = tagCount > SLOT_TAGS ? Array.from({ length: tagCount }, () => new DistinctCounter()) : null;
    this.perKind = new Int32Array(kindCount);
    this.kindSets = new Int32Array(kindCount > 0 ? INITIAL_SLOTS : 0);
  }

  /** Distinct keys added so far. */
  get size(): number {
    return this.used;
  }

  /** Distinct keys added with this tag so far. */
  sizeOf(tag: number): number {
    return this.tagCounters === null ? (this.perTag[tag] ?? 0) : (this.tagCounters[tag]?.size ?? 0);
  }

  /** Distinct keys added with this kind so far. */
  sizeOfKind(kind: number): number {
    return this.perKind[kind] ?? 0;
  }

  /**
   * Adds a key by its hash ({@link hashKey}) with these tags and of this kind (tags other than 0
   * to tagCount - 1, and kinds other than 0 to kindCount - 1, are ignored).
   */
  add(hash: number, tags: readonly number[], kind = -1): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    const slot = slotOf(this.slots, hash);
    if (this.slots[slot] !== hash) {
      this.slots[slot] = hash;
      this.used += 1;
    }
    if (kind >= 0 && kind < this.perKind.length) {
      const kinds = this.kindSets[slot] ?? 0;
      const bit = 1 << kind;
      if ((kinds & bit) === 0) {
        this.kindSets[slot] = kinds | bit;
        this.perKind[kind] = (this.perKind[kind] ?? 0) + 1;
      }
    }
    if (tags.length === 0) return;
    if (this.tagCounters !== null) {
      for (const tag of tags) this.tagCounters[tag]?.add(hash);
      return;
    }
    let tagSet = this.tagSets[slot] ?? 0;
    for (const tag of tags) {
      const bit = 1 << tag;
      if (tag < 0 || tag >= this.perTag.length || (tagSet & bit) !== 0) continue;
      tagSet |= bit;
      this.perTag[tag] = (this.perTag[tag] ?? 0) + 1;
    }
    this.tagSets[slot] = tagSet;
  }

  private grow(): void {
    const old = this.slots;
    const oldTagSets = this.tagSets;
    const oldKindSets = this.kindSets;
    this.slots = new Float64Array(old.length * 2);
    this.tagSets = new Int32Array(this.tagCounters === null ? old.length * 2 : 0);
    this.kindSets = new Int32Array(oldKindSets.length > 0 ? old.length * 2 : 0);
    const { slots, tagSets, kindSets } = this;
    for (let from = 0; from < old.length; from += 1) {
      const hash = old[from] ?? 0;
      if (hash === 0) continue;
      const slot = slotOf(slots, hash);
      slots[slot] = hash;
      if (tagSets.length > 0) tagSets[slot] = oldTagSets[from] ?? 0;
      if (kindSets.length > 0) kindSets[slot] = oldKindSets[from] ?? 0;
    }
  }
}

const HASH_SEED_1 = 0xdeadbeef;
const HASH_SEED_2 = 0x41c6ce57;

function finalHash(h1: number, h2: number): number {
  const m1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const m2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(m1 ^ (m1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & m2) + (m1 >>> 0);
  return hash === 0 ? 1 : hash;
}

/**
 * {@link hashKey} of a key given in pieces (texts and code units) as they come, with no string
 * joined for it: after {@link start}, `text(a)`, `unit(0)`, `text(b)`, {@link hash} is
 * `hashKey(a + '\u0000' + b)`.
 */
export class KeyHasher {
  private h1 = HASH_SEED_1;
  private h2 = HASH_SEED_2;

  /** Begins a new key. */
  start(): void {
    this.h1 = HASH_SEED_1;
    this.h2 = HASH_SEED_2;
  }

  /** Adds one UTF-16 code unit. */
  unit(code: number): void {
    this.h1 = Math.imul(this.h1 ^ code, 2654435761);
    this.h2 = Math.imul(this.h2 ^ code, 1597334677);
  }

  /** Adds a text's code units. */
  text(text: string): void {
    let { h1, h2 } = this;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The hash of the key given since {@link start}. */
  hash(): number {
    return finalHash(this.h1, this.h2);
  }
}

const keyHasher = new KeyHasher();

/** A key's 53-bit hash (cyrb53), never 0: what {@link DistinctCounter} holds. */
export function hashKey(key: string): number {
  keyHasher.start();
  keyHasher.text(key);
  return keyHasher.hash();
}
