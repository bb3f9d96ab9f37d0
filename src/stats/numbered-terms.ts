import {
  isContentWord,
  isNumberWord,
  scoreTerm,
  TERM_TALLY_LIMIT,
  type DistinctiveTerm,
  type DistinctiveTermOptions,
} from './distinctive-terms.js';
import { grownArray } from '../grown-array.js';

const CONTENT = 1;
const NUMBER = 2;

/**
 * Numbers the distinct words of a run, each with the number of its stem and what {@link termsOf}
 * asks of it (a content word? all digits?), so that terms are counted by number instead of by
 * string keys built per record. Words are numbered from 0 in the order first seen.
 */
export class WordNumbering {
  private readonly numbers = new Map<string, number>();
  private readonly stemNumbers = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly stems: string[] = [];
  private stemOfWord = new Int32Array(1024);
  private kinds = new Uint8Array(1024);

  /** The number of a word (lower case, as the normaliser gives it) whose Porter stem is `stem`. */
  number(word: string, stem: string): number {
    const known = this.numbers.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    if (id === this.kinds.length) {
      this.stemOfWord = grownArray(this.stemOfWord, id * 2);
      this.kinds = grownArray(this.kinds, id * 2);
    }
    let stemId = this.stemNumbers.get(stem);
    if (stemId === undefined) {
      stemId = this.stems.length;
      this.stems.push(stem);
      this.stemNumbers.set(stem, stemId);
    }
    this.numbers.set(word, id);
    this.words.push(word);
    this.stemOfWord[id] = stemId;
    this.kinds[id] = (isContentWord(word) ? CONTENT : 0) | (isNumberWord(word) ? NUMBER : 0);
    return id;
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
    return this.stemOfWord[id] ?? -1;
  }

  /** Whether the word with this number may stand as a term alone (see {@link isContentWord}). */
  isContent(id: number): boolean {
    return ((this.kinds[id] ?? 0) & CONTENT) !== 0;
  }

  /** Whether the word with this number is all digits. */
  isNumber(id: number): boolean {
    return ((this.kinds[id] ?? 0) & NUMBER) !== 0;
  }
}

const EMPTY = -1;
const ALONE = -1;

/**
 * {@link TermTally} for words numbered by a {@link WordNumbering}: the same counts, the same
 * written forms and the same dropping of the rarest terms past `limit`, kept in typed arrays
 * instead of maps keyed by strings: one-word terms in arrays indexed by their stem number, two-word
 * terms in an open-addressed table keyed by the stem numbers of their words. A term is counted
 * once per record by remembering the last record that counted it.
 */
export class NumberedTermTally {
  /** Records added. */
  records = 0;
  private size = 0;
  private capacity = 16;
  private first = new Int32Array(this.capacity).fill(EMPTY);
  private second = new Int32Array(this.capacity);
  private counts = new Int32Array(this.capacity);
  private writtenFirst = new Int32Array(this.capacity);
  private writtenSecond = new Int32Array(this.capacity);
  private lastRecord = new Int32Array(this.capacity);
  /** One-word terms by stem number: records holding it (0: not held), its written word, the last record that counted it. */
  private singleCounts = new Int32Array(1024);
  private singleWritten = new Int32Array(1024);
  private singleLastRecord = new Int32Array(1024);
  private singles = 0;

  constructor(
    readonly words: WordNumbering,
    private readonly limit: number = TERM_TALLY_LIMIT,
  ) {}

  /** Counts the terms of one record, given the numbers of its words in text order. */
  add(wordIds: ArrayLike<number>): void {
    this.records += 1;
    const record = this.records;
    const { words } = this;
    for (let index = 0; index < wordIds.length; index += 1) {
      const word = wordIds[index] ?? 0;
      const content = words.isContent(word);
      if (content) this.countSingle(words.stemOf(word), word, record);
      if (index + 1 >= wordIds.length) continue;
      const next = wordIds[index + 1] ?? 0;
      if (!content && !words.isContent(next)) continue;
      if (words.isNumber(word) || words.isNumber(next)) continue;
      this.count(words.stemOf(word), words.stemOf(next), word, next, record);
    }
    if (this.size + this.singles > this.limit) this.dropRarest();
  }

  /** Distinct terms held. */
  get termCount(): number {
    return this.size + this.singles;
  }

  /** Records holding the term of these stem numbers (`second` -1 for a one-word term); 0 when not held. */
  countOf(first: number, second: number): number {
    if (second === ALONE) return this.singleCounts[first] ?? 0;
    const slot = this.find(first, second);
    return this.first[slot] === EMPTY ? 0 : (this.counts[slot] ?? 0);
  }

  /** The sum of the counts: the group's size in term occurrences. */
  total(): number {
    let sum = 0;
    for (let slot = 0; slot < this.capacity; slot += 1) if (this.first[slot] !== EMPTY) sum += this.counts[slot] ?? 0;
    for (const count of this.singleCounts) sum += count;
    return sum;
  }

  /** Calls `visit` with each held term: its stem numbers, its count, and the word numbers it was first written with. */
  forEach(visit: (first: number, second: number, count: number, writtenFirst: number, writtenSecond: number) => void): void {
    for (let stem = 0; stem < this.singleCounts.length; stem += 1) {
      const count = this.singleCounts[stem] ?? 0;
      if (count > 0) visit(stem, ALONE, count, this.singleWritten[stem] ?? 0, ALONE);
    }
    for (let slot = 0; slot < this.capacity; slot += 1) {
      const first = this.first[slot] ?? EMPTY;
      if (first === EMPTY) continue;
      visit(first, this.second[slot] ?? ALONE, this.counts[slot] ?? 0, this.writtenFirst[slot] ?? 0, this.writtenSecond[slot] ?? ALONE);
    }
  }

  private find(first: number, second: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 2, 0x85ebca6b)) & mask;
    for (;;) {
      const held = this.first[slot] ?? EMPTY;
      if (held === EMPTY || (held === first && this.second[slot] === second)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private countSingle(stem: number, written: number, record: number): void {
    if (stem >= this.singleCounts.length) {
      const length = Math.max(stem + 1, this.singleCounts.length * 2);
      this.singleCounts = grownArray(this.singleCounts, length);
      this.singleWritten = grownArray(this.singleWritten, length);
      this.singleLastRecord = grownArray(this.singleLastRecord, length);
    }
    const count = this.singleCounts[stem] ?? 0;
    if (count > 0) {
      if (this.singleLastRecord[stem] === record) return;
      this.singleLastRecord[stem] = record;
      this.singleCounts[stem] = count + 1;
      return;
    }
    this.singleCounts[stem] = 1;
    this.singleWritten[stem] = written;
    this.singleLastRecord[stem] = record;
    this.singles += 1;
  }

  private count(first: number, second: number, writtenFirst: number, writtenSecond: number, record: number): void {
    const slot = this.find(first, second);
    if (this.first[slot] !== EMPTY) {
      if (this.lastRecord[slot] === record) return;
      this.lastRecord[slot] = record;
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
      return;
    }
    this.first[slot] = first;
    this.second[slot] = second;
    this.counts[slot] = 1;
    this.writtenFirst[slot] = writtenFirst;
    this.writtenSecond[slot] = writtenSecond;
    this.lastRecord[slot] = record;
    this.size += 1;
    if (this.size * 5 > this.capacity * 4) this.rehash(this.capacity * 2, 0);
  }

  /** Drops every term held by one record, then by two, and so on, until at most half the limit is left. */
  private dropRarest(): void {
    const byCount: number[] = [];
    for (let slot = 0; slot < this.capacity; slot += 1) {
      if (this.first[slot] === EMPTY) continue;
      const count = this.counts[slot] ?? 0;
      byCount[count] = (byCount[count] ?? 0) + 1;
    }
    const { singleCounts } = this;
    for (const count of singleCounts) if (count > 0) byCount[count] = (byCount[count] ?? 0) + 1;
    let floor = 0;
    let left = this.size + this.singles;
    while (left > this.limit / 2) {
      floor += 1;
      left -= byCount[floor] ?? 0;
    }
    this.rehash(this.capacity, floor);
    for (let stem = 0; stem < singleCounts.length; stem += 1) {
      const count = singleCounts[stem] ?? 0;
      if (count === 0 || count > floor) continue;
      singleCounts[stem] = 0;
      this.singles -= 1;
    }
  }

  /** Moves the terms held more than `floor` times into a table of `capacity` slots. */
  private rehash(capacity: number, floor: number): void {
    const { first, second, counts, writtenFirst, writtenSecond, lastRecord } = this;
    const oldCapacity = this.capacity;
    this.capacity = capacity;
    this.first = new Int32Array(capacity).fill(EMPTY);
    this.second = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    this.writtenFirst = new Int32Array(capacity);
    this.writtenSecond = new Int32Array(capacity);
    this.lastRecord = new Int32Array(capacity);
    this.size = 0;
    for (let slot = 0; slot < oldCapacity; slot += 1) {
      const held = first[slot] ?? EMPTY;
      if (held === EMPTY || (counts[slot] ?? 0) <= floor) continue;
      const to = this.find(held, second[slot] ?? ALONE);
      this.first[to] = held;
      this.second[to] = second[slot] ?? ALONE;
      this.counts[to] = counts[slot] ?? 0;
      this.writtenFirst[to] = writtenFirst[slot] ?? 0;
      this.writtenSecond[to] = writtenSecond[slot] ?? ALONE;
      this.lastRecord[to] = lastRecord[slot] ?? 0;
      this.size += 1;
    }
  }
}

/**
 * {@link distinctiveTerms} for two numbered tallies over one {@link WordNumbering}: the same terms,
 * scores and order; string keys are built only for the terms that qualify.
 */
export function distinctiveNumberedTerms(
  target: NumberedTermTally,
  reference: NumberedTermTally,
  options: DistinctiveTermOptions = {},
): DistinctiveTerm[] {
  const minCount = options.minCount ?? 3;
  const scale = options.priorScale ?? 1;
  const targetTotal = target.total();
  const referenceTotal = reference.total();
  const { words } = target;
  const found: DistinctiveTerm[] = [];
  target.forEach((first, second, inTarget, writtenFirst, writtenSecond) => {
    if (inTarget < minCount) return;
    const inReference = reference.countOf(first, second);
    const scored = scoreTerm(inTarget, inReference, targetTotal, referenceTotal, scale);
    if (scored === null) return;
    const key = second === ALONE ? words.stem(first) : `${words.stem(first)} ${words.stem(second)}`;
    const term = writtenSecond === ALONE ? words.word(writtenFirst) : `${words.word(writtenFirst)} ${words.word(writtenSecond)}`;
    found.push({ key, term, inTarget, inReference, ...scored });
  });
  found.sort((a, b) => b.z - a.z || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return options.limit === undefined ? found : found.slice(0, options.limit);
}
