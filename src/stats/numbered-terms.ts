import {
  isContentWord,
  isPhrasalParticle,
  isPhraseModifier,
  scoreTerm,
  TERM_TALLY_LIMIT,
  type DistinctiveTerm,
  type DistinctiveTermOptions,
} from './distinctive-terms.js';
import { grownArray } from '../grown-array.js';

const CONTENT = 1;
/** A phrase modifier: a word that makes a phrase with the content word after it. */
const BEFORE_CONTENT = 2;
/** A phrasal verb's particle: a word that makes a phrase with the content word before it. */
const AFTER_CONTENT = 4;
/** A word's packed facts: its stem number above these bits, {@link CONTENT}, {@link BEFORE_CONTENT} and {@link AFTER_CONTENT} in them. */
const KIND_BITS = 3;

/** A per-process seed for {@link StringNumbers}' hashes, so that no input can be made to collide in it on purpose. */
const STRING_HASH_SEED = (Math.random() * 0x100000000) | 0;

/**
 * Strings numbered from 0 in the order first given, found through an open-addressed table of
 * their numbers and hashes: cheaper than a Map for strings that arrive as new objects (a worker's
 * words, cloned into this thread), whose hash a Map computes and then looks up through its chains.
 */
class StringNumbers {
  readonly strings: string[] = [];
  /** Per slot, a string's number plus one (0: empty). */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);

  /** The number of `text`: its own when it was given before, else the next. */
  number(text: string): number {
    const hash = stringHash(text);
    const { slots, hashes, strings } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const held = slots[slot] ?? 0;
      if (held === 0) break;
      if (hashes[slot] === hash && strings[held - 1] === text) return held - 1;
      slot = (slot + 1) & mask;
    }
    const id = strings.length;
    strings.push(text);
    slots[slot] = id + 1;
    hashes[slot] = hash;
    if (strings.length * 2 > slots.length) this.grow();
    return id;
  }

  /** The number of `text`, when it was given. */
  numberOf(text: string): number | undefined {
    const hash = stringHash(text);
    const { slots, hashes, strings } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot] ?? 0;
      if (held === 0) return undefined;
      if (hashes[slot] === hash && strings[held - 1] === text) return held - 1;
    }
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    for (let from = 0; from < oldSlots.length; from += 1) {
      const held = oldSlots[from] ?? 0;
      if (held === 0) continue;
      const hash = oldHashes[from] ?? 0;
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = held;
      hashes[slot] = hash;
    }
  }
}

/** A seeded 32-bit hash of a string's UTF-16 code units (each mixed in as MurmurHash2 mixes a word). */
function stringHash(text: string): number {
  let hash = STRING_HASH_SEED ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    let unit = Math.imul(text.charCodeAt(index), 0x5bd1e995);
    unit ^= unit >>> 24;
    hash = Math.imul(hash, 0x5bd1e995) ^ Math.imul(unit, 0x5bd1e995);
  }
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x5bd1e995);
  return hash ^ (hash >>> 15);
}

/**
 * Numbers the distinct words of a run, each with the number of its stem and what {@link termsOf}
 * asks of it (a content word? half of a phrase?), so that terms are counted by number instead of by
 * string keys built per record. Words are numbered from 0 in the order first seen.
 */
export class WordNumbering {
  private readonly wordNumbers = new StringNumbers();
  private readonly stemNumbers = new StringNumbers();
  private readonly words = this.wordNumbers.strings;
  private readonly stems = this.stemNumbers.strings;
  /** Per word, its stem number and kind in one number (see {@link KIND_BITS}), so that a tally reads one array per word. */
  private facts = new Int32Array(1024);

  /** The number of a word (lower case, as the normaliser gives it) whose Porter stem is `stem`. */
  number(word: string, stem: string): number {
    const known = this.words.length;
    const id = this.wordNumbers.number(word);
    if (id < known) return id;
    if (id === this.facts.length) this.facts = grownArray(this.facts, id * 2);
    const stemId = this.stemNumbers.number(stem);
    this.facts[id] =
      (stemId << KIND_BITS) |
      (isContentWord(word) ? CONTENT : 0) |
      (isPhraseModifier(word) ? BEFORE_CONTENT : 0) |
      (isPhrasalParticle(word) ? AFTER_CONTENT : 0);
    return id;
  }

  /** The stem number of this stem, when a word with it was numbered. */
  stemNumberOf(stem: string): number | undefined {
    return this.stemNumbers.numberOf(stem);
  }

  /** How many distinct stems the numbered words have. */
  get stemCount(): number {
    return this.stems.length;
  }

  /** How many words are numbered. */
  get size(): number {
    return this.words.length;
  }

  /** The word with this number. */
  word(id: number): string {
    return this.words[id] ?? '';
  }

  /** The stem with this stem number. */
  stem(stemId: number): string {
    return this.stems[stemId] ?? '';
  }

  /** The stem number of the word with this number. */
  stemOf(id: number): number {
    return id < this.words.length ? (this.facts[id] ?? 0) >> KIND_BITS : -1;
  }

  /**
   * Every numbered word's stem number and kind, packed (valid until the next new word): what
   * {@link NumberedTermTally.add} reads, one number per word.
   */
  packedFacts(): Int32Array {
    return this.facts;
  }
}

/**
 * The words of another numbering (a worker thread's) as a {@link WordNumbering} numbers them: per
 * word, by its number there, its packed facts here (what a tally reads for every word) and its
 * number here (read only when a term is first written with it).
 */
export class WordMapping {
  private facts = new Int32Array(1024);
  private ours = new Int32Array(1024);
  private count = 0;

  constructor(readonly words: WordNumbering) {}

  /** Maps the other numbering's next word (numbered from 0 in order), spelled `word` with stem `stem`. */
  adopt(word: string, stem: string): void {
    const id = this.words.number(word, stem);
    if (this.count === this.facts.length) {
      this.facts = grownArray(this.facts, this.count * 2);
      this.ours = grownArray(this.ours, this.count * 2);
    }
    this.facts[this.count] = this.words.packedFacts()[id] ?? 0;
    this.ours[this.count] = id;
    this.count += 1;
  }

  /** Words mapped. */
  get size(): number {
    return this.count;
  }

  /** The number here of the other numbering's word `id`. */
  ourNumber(id: number): number {
    return this.ours[id] ?? 0;
  }

  /** Per word of the other numbering, its packed facts here (valid until the next {@link adopt}). */
  packedFacts(): Int32Array {
    return this.facts;
  }

  /** Per word of the other numbering, its number here (valid until the next {@link adopt}). */
  ourNumbers(): Int32Array {
    return this.ours;
  }
}

/**
 * A record's words in text order: `ids[start .. end)`, numbered by the tally's {@link WordNumbering}
 * when `mapping` is null, else by the other numbering `mapping` maps.
 */
export interface WordRun {
  ids: ArrayLike<number>;
  start: number;
  end: number;
  mapping: WordMapping | null;
}

const ALONE = -1;

/** Whether two neighbours make a term, given their kinds: as {@link formsPhrase} decides for their words. */
function isPairTerm(firstKinds: number, secondKinds: number): boolean {
  return (firstKinds & CONTENT) !== 0
    ? (secondKinds & (CONTENT | AFTER_CONTENT)) !== 0
    : (firstKinds & BEFORE_CONTENT) !== 0 && (secondKinds & CONTENT) !== 0;
}

/**
 * Calls `visit` with the stem numbers of each term of a record's numbered words, in text order, as
 * {@link termsOf} finds them in its text (`second` -1 for a one-word term): content words alone,
 * and pairs of neighbours holding a content word and no number. A term may be visited more than once.
 */
export function visitNumberedTerms(
  words: WordNumbering,
  wordIds: ArrayLike<number>,
  length: number,
  visit: (first: number, second: number) => void,
): void {
  const facts = words.packedFacts();
  let kinds = facts[wordIds[0] ?? 0] ?? 0;
  for (let index = 0; index < length; index += 1) {
    if ((kinds & CONTENT) !== 0) visit(kinds >> KIND_BITS, ALONE);
    if (index + 1 >= length) break;
    const nextKinds = facts[wordIds[index + 1] ?? 0] ?? 0;
    if (isPairTerm(kinds, nextKinds)) visit(kinds >> KIND_BITS, nextKinds >> KIND_BITS);
    kinds = nextKinds;
  }
}

/**
 * The fields of a two-word term's slot in {@link NumberedTermTally}'s table that a lookup reads,
 * side by side in 16 bytes (four slots to a cache line); the words it was first written with are
 * kept apart ({@link WRITTEN_FIELDS} per slot), read only when a term is added or listed.
 */
const FIRST = 0;
const SECOND = 1;
const COUNT = 2;
const LAST_RECORD = 3;
const PAIR_FIELDS = 4;
const WRITTEN_FIRST = 0;
const WRITTEN_SECOND = 1;
const WRITTEN_FIELDS = 2;
/** The fields of a one-word term's entry, by stem number (its written word is kept apart). */
const SINGLE_COUNT = 0;
const SINGLE_LAST_RECORD = 1;
const SINGLE_FIELDS = 2;

/** Past this many slots, a growing table of two-word terms is grown to its full size at once. */
const FULL_FROM = 8192;

/** Counts below this are tallied in an array when the rarest terms are dropped. */
const DROP_HISTOGRAM = 65_536;

/**
 * {@link TermTally} for words numbered by a {@link WordNumbering}: the same counts, the same
 * written forms and the same dropping of the rarest terms past `limit`, kept in typed arrays
 * instead of maps keyed by strings: one-word terms in an array indexed by their stem number, two-word
 * terms in an open-addressed table keyed by the stem numbers of their words (a slot's first stem
 * is held plus one, so that 0 marks an empty slot). A term is counted once per record by
 * remembering the last record that counted it.
 */
export class NumberedTermTally {
  /** Records added. */
  records = 0;
  private size = 0;
  private capacity = 16;
  private pairs = new Int32Array(this.capacity * PAIR_FIELDS);
  private pairsWritten = new Int32Array(this.capacity * WRITTEN_FIELDS);
  /** Per stem number: records holding it (0: not held) and the last record that counted it. */
  private singleTerms = new Int32Array(1024 * SINGLE_FIELDS);
  /** Per stem number: the word it was first written with. */
  private singlesWritten = new Int32Array(1024);
  private singles = 0;
  private readonly run: WordRun = { ids: [], start: 0, end: 0, mapping: null };
  /** Terms per count, as {@link dropFloor} tallies them. */
  private byCount: Int32Array | null = null;

  /**
   * @param limit the most terms held before the rarest are dropped.
   * @param dropHistogram counts below this are tallied in an array when the rarest are dropped (a
   * floor above it is found by sorting the higher counts).
   */
  constructor(
    readonly words: WordNumbering,
    private readonly limit: number = TERM_TALLY_LIMIT,
    private readonly dropHistogram: number = DROP_HISTOGRAM,
  ) {}

  /** Counts the terms of one record, given the numbers of its words in text order. */
  add(wordIds: ArrayLike<number>): void {
    const { run } = this;
    run.ids = wordIds;
    run.end = wordIds.length;
    this.addRun(run);
    run.ids = [];
  }

  /** {@link add} for a record's words given as a {@link WordRun}. */
  addRun(run: WordRun): void {
    this.records += 1;
    const record = this.records;
    const { ids, start, end, mapping } = run;
    const facts = mapping === null ? this.words.packedFacts() : mapping.packedFacts();
    const ours = mapping === null ? null : mapping.ourNumbers();
    if (start < end) {
      let word = ids[start] ?? 0;
      let kinds = facts[word] ?? 0;
      for (let index = start + 1; ; index += 1) {
        if ((kinds & CONTENT) !== 0) this.countSingle(kinds >> KIND_BITS, word, record, ours);
        if (index >= end) break;
        const next = ids[index] ?? 0;
        const nextKinds = facts[next] ?? 0;
        if (isPairTerm(kinds, nextKinds)) {
          this.count(kinds >> KIND_BITS, nextKinds >> KIND_BITS, word, next, record, ours);
        }
        word = next;
        kinds = nextKinds;
      }
    }
    if (this.size + this.singles > this.limit) this.dropRarest();
  }

  /** Distinct terms held. */
  get termCount(): number {
    return this.size + this.singles;
  }

  /** Records holding the term of these stem numbers (`second` -1 for a one-word term); 0 when not held. */
  countOf(first: number, second: number): number {
    if (second === ALONE) return this.singleTerms[first * SINGLE_FIELDS + SINGLE_COUNT] ?? 0;
    const at = this.find(first, second) * PAIR_FIELDS;
    return this.pairs[at + FIRST] === 0 ? 0 : (this.pairs[at + COUNT] ?? 0);
  }

  /** The sum of the counts: the group's size in term occurrences. */
  total(): number {
    let sum = 0;
    const { pairs, singleTerms } = this;
    for (let at = 0; at < pairs.length; at += PAIR_FIELDS) if (pairs[at + FIRST] !== 0) sum += pairs[at + COUNT] ?? 0;
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) sum += singleTerms[at + SINGLE_COUNT] ?? 0;
    return sum;
  }

  /** Calls `visit` with each held term: its stem numbers, its count, and the word numbers it was first written with. */
  forEach(visit: (first: number, second: number, count: number, writtenFirst: number, writtenSecond: number) => void): void {
    const { pairs, pairsWritten, singleTerms, singlesWritten } = this;
    for (let stem = 0; stem * SINGLE_FIELDS < singleTerms.length; stem += 1) {
      const count = singleTerms[stem * SINGLE_FIELDS + SINGLE_COUNT] ?? 0;
      if (count > 0) visit(stem, ALONE, count, singlesWritten[stem] ?? 0, ALONE);
    }
    for (let slot = 0; slot < this.capacity; slot += 1) {
      const at = slot * PAIR_FIELDS;
      const first = pairs[at + FIRST] ?? 0;
      if (first === 0) continue;
      const written = slot * WRITTEN_FIELDS;
      visit(
        first - 1,
        pairs[at + SECOND] ?? ALONE,
        pairs[at + COUNT] ?? 0,
        pairsWritten[written + WRITTEN_FIRST] ?? 0,
        pairsWritten[written + WRITTEN_SECOND] ?? ALONE,
      );
    }
  }

  /** The slot holding this term, or the empty slot where it would go. */
  private find(first: number, second: number): number {
    const mask = this.capacity - 1;
    const held = first + 1;
    const { pairs } = this;
    const hash = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 2, 0x85ebca6b);
    let slot = hash & mask;
    for (;;) {
      const at = slot * PAIR_FIELDS;
      const there = pairs[at + FIRST] ?? 0;
      if (there === 0 || (there === held && pairs[at + SECOND] === second)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private countSingle(stem: number, written: number, record: number, ours: Int32Array | null): void {
    const at = stem * SINGLE_FIELDS;
    if (at >= this.singleTerms.length) this.growSingles(stem);
    const terms = this.singleTerms;
    const count = terms[at + SINGLE_COUNT] ?? 0;
    if (count > 0) {
      if (terms[at + SINGLE_LAST_RECORD] === record) return;
      terms[at + SINGLE_LAST_RECORD] = record;
      terms[at + SINGLE_COUNT] = count + 1;
      return;
    }
    terms[at + SINGLE_COUNT] = 1;
    terms[at + SINGLE_LAST_RECORD] = record;
    this.singlesWritten[stem] = ours === null ? written : (ours[written] ?? 0);
    this.singles += 1;
  }

  private growSingles(stem: number): void {
    const stems = Math.max(stem + 1, (this.singleTerms.length / SINGLE_FIELDS) * 2);
    this.singleTerms = grownArray(this.singleTerms, stems * SINGLE_FIELDS);
    this.singlesWritten = grownArray(this.singlesWritten, stems);
  }

  private count(first: number, second: number, writtenFirst: number, writtenSecond: number, record: number, ours: Int32Array | null): void {
    const slot = this.find(first, second);
    const at = slot * PAIR_FIELDS;
    const { pairs } = this;
    if (pairs[at + FIRST] !== 0) {
      if (pairs[at + LAST_RECORD] === record) return;
      pairs[at + LAST_RECORD] = record;
      pairs[at + COUNT] = (pairs[at + COUNT] ?? 0) + 1;
      return;
    }
    pairs[at + FIRST] = first + 1;
    pairs[at + SECOND] = second;
    pairs[at + COUNT] = 1;
    pairs[at + LAST_RECORD] = record;
    const written = slot * WRITTEN_FIELDS;
    this.pairsWritten[written + WRITTEN_FIRST] = ours === null ? writtenFirst : (ours[writtenFirst] ?? 0);
    this.pairsWritten[written + WRITTEN_SECOND] = ours === null ? writtenSecond : (ours[writtenSecond] ?? 0);
    this.size += 1;
    if (this.size * 5 > this.capacity * 4) this.grow();
  }

  /**
   * Moves the table to one twice as large; past {@link FULL_FROM} slots, straight to one that holds
   * `limit` terms (a table that large is likely to fill, and each move of a large table costs a
   * fresh allocation, whose pages are slow to touch the first time).
   */
  private grow(): void {
    let full = this.capacity * 2;
    if (this.capacity >= FULL_FROM) while (full * 4 < this.limit * 5) full *= 2;
    this.rehash(full);
  }

  /** Drops every term held by one record, then by two, and so on, until at most half the limit is left. */
  private dropRarest(): void {
    const floor = this.dropFloor();
    this.dropPairs(floor);
    const { singleTerms } = this;
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) {
      const count = singleTerms[at + SINGLE_COUNT] ?? 0;
      if (count === 0 || count > floor) continue;
      singleTerms[at + SINGLE_COUNT] = 0;
      this.singles -= 1;
    }
  }

  /** The highest count {@link dropRarest} drops: the least that leaves at most half the limit. */
  private dropFloor(): number {
    const histogram = this.dropHistogram;
    const byCount = (this.byCount ??= new Int32Array(histogram));
    byCount.fill(0);
    const { pairs, singleTerms } = this;
    for (let at = 0; at < pairs.length; at += PAIR_FIELDS) {
      if (pairs[at + FIRST] === 0) continue;
      const count = pairs[at + COUNT] ?? 0;
      if (count < histogram) byCount[count] = (byCount[count] ?? 0) + 1;
    }
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) {
      const count = singleTerms[at + SINGLE_COUNT] ?? 0;
      if (count > 0 && count < histogram) byCount[count] = (byCount[count] ?? 0) + 1;
    }
    let floor = 0;
    let left = this.size + this.singles;
    while (left > this.limit / 2) {
      floor += 1;
      if (floor === histogram) return this.highDropFloor(left);
      left -= byCount[floor] ?? 0;
    }
    return floor;
  }

  /**
   * {@link dropFloor} when more than half the limit are terms held {@link dropHistogram} times or
   * more (`left` of them): found from their counts, sorted.
   */
  private highDropFloor(left: number): number {
    const high = new Float64Array(left);
    let found = 0;
    const { pairs, singleTerms } = this;
    for (let at = 0; at < pairs.length; at += PAIR_FIELDS) {
      const count = pairs[at + COUNT] ?? 0;
      if (pairs[at + FIRST] !== 0 && count >= this.dropHistogram) high[found++] = count;
    }
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) {
      const count = singleTerms[at + SINGLE_COUNT] ?? 0;
      if (count >= this.dropHistogram) high[found++] = count;
    }
    high.sort();
    return high[left - Math.floor(this.limit / 2) - 1] ?? 0;
  }

  /**
   * Empties the slots of two-word terms held `floor` times or fewer, in place, then moves each term
   * left to the first free slot from its home, slot by slot round the table from a slot that was
   * free before: a term only ever moves back along the run of slots it was found through, so every
   * term stays reachable from its home.
   */
  private dropPairs(floor: number): void {
    const { pairs, pairsWritten, capacity } = this;
    const mask = capacity - 1;
    let free = 0;
    while (pairs[free * PAIR_FIELDS + FIRST] !== 0) free += 1;
    for (let at = 0; at < pairs.length; at += PAIR_FIELDS) {
      if (pairs[at + FIRST] === 0 || (pairs[at + COUNT] ?? 0) > floor) continue;
      pairs[at + FIRST] = 0;
      this.size -= 1;
    }
    for (let step = 1; step <= capacity; step += 1) {
      const slot = (free + step) & mask;
      const at = slot * PAIR_FIELDS;
      const held = pairs[at + FIRST] ?? 0;
      if (held === 0) continue;
      pairs[at + FIRST] = 0;
      const second = pairs[at + SECOND] ?? ALONE;
      const home = this.find(held - 1, second);
      const to = home * PAIR_FIELDS;
      pairs[to + FIRST] = held;
      if (home === slot) continue;
      pairs[to + SECOND] = second;
      pairs[to + COUNT] = pairs[at + COUNT] ?? 0;
      pairs[to + LAST_RECORD] = pairs[at + LAST_RECORD] ?? 0;
      pairsWritten[home * WRITTEN_FIELDS + WRITTEN_FIRST] = pairsWritten[slot * WRITTEN_FIELDS + WRITTEN_FIRST] ?? 0;
      pairsWritten[home * WRITTEN_FIELDS + WRITTEN_SECOND] = pairsWritten[slot * WRITTEN_FIELDS + WRITTEN_SECOND] ?? 0;
    }
  }

  /** Moves every term into a table of `capacity` slots. */
  private rehash(capacity: number): void {
    const old = this.pairs;
    const oldWritten = this.pairsWritten;
    const oldCapacity = this.capacity;
    this.capacity = capacity;
    this.pairs = new Int32Array(capacity * PAIR_FIELDS);
    this.pairsWritten = new Int32Array(capacity * WRITTEN_FIELDS);
    const { pairs, pairsWritten } = this;
    for (let from = 0; from < oldCapacity; from += 1) {
      const at = from * PAIR_FIELDS;
      const held = old[at + FIRST] ?? 0;
      if (held === 0) continue;
      const second = old[at + SECOND] ?? ALONE;
      const slot = this.find(held - 1, second);
      const to = slot * PAIR_FIELDS;
      pairs[to + FIRST] = held;
      pairs[to + SECOND] = second;
      pairs[to + COUNT] = old[at + COUNT] ?? 0;
      pairs[to + LAST_RECORD] = old[at + LAST_RECORD] ?? 0;
      pairsWritten[slot * WRITTEN_FIELDS + WRITTEN_FIRST] = oldWritten[from * WRITTEN_FIELDS + WRITTEN_FIRST] ?? 0;
      pairsWritten[slot * WRITTEN_FIELDS + WRITTEN_SECOND] = oldWritten[from * WRITTEN_FIELDS + WRITTEN_SECOND] ?? 0;
    }
  }
}

/**
 * {@link distinctiveTerms} for two numbered tallies over one {@link WordNumbering}: the same terms,
 * scores and order; string keys are built only for the terms that qualify, and with a `limit`
 * only for those that could be among the first `limit` (the best so far are kept in order, and a
 * term scoring below the last of them is passed over).
 */
export function distinctiveNumberedTerms(
  target: NumberedTermTally,
  reference: NumberedTermTally,
  options: DistinctiveTermOptions = {},
): DistinctiveTerm[] {
  const minCount = options.minCount ?? 3;
  const scale = options.priorScale ?? 1;
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity;
  const targetTotal = target.total();
  const referenceTotal = reference.total();
  const { words } = target;
  const found: DistinctiveTerm[] = [];
  target.forEach((first, second, inTarget, writtenFirst, writtenSecond) => {
    if (inTarget < minCount) return;
    const inReference = reference.countOf(first, second);
    const scored = scoreTerm(inTarget, inReference, targetTotal, referenceTotal, scale);
    if (scored === null) return;
    const last = found.length >= limit ? found[found.length - 1] : undefined;
    if (last !== undefined && scored.z < last.z) return;
    const key = second === ALONE ? words.stem(first) : `${words.stem(first)} ${words.stem(second)}`;
    if (last !== undefined && scored.z === last.z && key > last.key) return;
    const term = writtenSecond === ALONE ? words.word(writtenFirst) : `${words.word(writtenFirst)} ${words.word(writtenSecond)}`;
    const entry = { key, term, inTarget, inReference, ...scored };
    if (limit === Infinity) {
      found.push(entry);
      return;
    }
    let at = found.length;
    while (at > 0 && compareDistinctive(entry, found[at - 1] ?? entry) < 0) at -= 1;
    found.splice(at, 0, entry);
    if (found.length > limit) found.pop();
  });
  if (limit !== Infinity) return found;
  found.sort(compareDistinctive);
  return options.limit === undefined ? found : found.slice(0, options.limit);
}

/** The order of distinctive terms: most distinctive first, ties by key. */
function compareDistinctive(a: DistinctiveTerm, b: DistinctiveTerm): number {
  return b.z - a.z || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
