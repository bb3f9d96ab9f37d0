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
    const { slots } = this;
    const mask = slots.length - 1;
    let slot = (hash >>> 0) & mask;
    for (;;) {
      const held = slots[slot] ?? 0;
      if (held === 0) {
        slots[slot] = hash;
        this.used += 1;
        return true;
      }
      if (held === hash) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.used = 0;
    for (const hash of old) if (hash !== 0) this.add(hash);
  }
}

/** A key's 53-bit hash (cyrb53), never 0: what {@link DistinctCounter} holds. */
export function hashKey(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash === 0 ? 1 : hash;
}
