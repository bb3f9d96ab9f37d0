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
/** A word's packed facts: its stem number above these bits, {@link CONTENT} and {@link NUMBER} in them. */
const KIND_BITS = 2;

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
  /** Per word, its stem number and kind in one number (see {@link KIND_BITS}), so that a tally reads one array per word. */
  private facts = new Int32Array(1024);

  /** The number of a word (lower case, as the normaliser gives it) whose Porter stem is `stem`. */
  number(word: string, stem: string): number {
    const known = this.numbers.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    if (id === this.facts.length) this.facts = grownArray(this.facts, id * 2);
    let stemId = this.stemNumbers.get(stem);
    if (stemId === undefined) {
      stemId = this.stems.length;
      this.stems.push(stem);
      this.stemNumbers.set(stem, stemId);
    }
    this.numbers.set(word, id);
    this.words.push(word);
    this.facts[id] = (stemId << KIND_BITS) | (isContentWord(word) ? CONTENT : 0) | (isNumberWord(word) ? NUMBER : 0);
    return id;
  }

  /** The stem number of this stem, when a word with it was numbered. */
  stemNumberOf(stem: string): number | undefined {
    return this.stemNumbers.get(stem);
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

  /** Whether the word with this number may stand as a term alone (see {@link isContentWord}). */
  isContent(id: number): boolean {
    return ((this.facts[id] ?? 0) & CONTENT) !== 0;
  }

  /** Whether the word with this number is all digits. */
  isNumber(id: number): boolean {
    return ((this.facts[id] ?? 0) & NUMBER) !== 0;
  }

  /**
   * Every numbered word's stem number and kind, packed (valid until the next new word): what
   * {@link NumberedTermTally.add} reads, one number per word.
   */
  packedFacts(): Int32Array {
    return this.facts;
  }
}

const ALONE = -1;

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
    if (((kinds | nextKinds) & CONTENT) !== 0 && ((kinds | nextKinds) & NUMBER) === 0) visit(kinds >> KIND_BITS, nextKinds >> KIND_BITS);
    kinds = nextKinds;
  }
}

/** The fields of a two-word term's slot in {@link NumberedTermTally}'s table, side by side so that a lookup touches one cache line. */
const FIRST = 0;
const SECOND = 1;
const COUNT = 2;
const LAST_RECORD = 3;
const WRITTEN_FIRST = 4;
const WRITTEN_SECOND = 5;
const PAIR_FIELDS = 6;
/** The fields of a one-word term's entry, by stem number. */
const SINGLE_COUNT = 0;
const SINGLE_LAST_RECORD = 1;
const SINGLE_WRITTEN = 2;
const SINGLE_FIELDS = 3;

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
  /** Per stem number: records holding it (0: not held), the last record that counted it, its written word. */
  private singleTerms = new Int32Array(1024 * SINGLE_FIELDS);
  private singles = 0;

  constructor(
    readonly words: WordNumbering,
    private readonly limit: number = TERM_TALLY_LIMIT,
  ) {}

  /** Counts the terms of one record, given the numbers of its words in text order. */
  add(wordIds: ArrayLike<number>): void {
    this.records += 1;
    const record = this.records;
    const facts = this.words.packedFacts();
    const length = wordIds.length;
    let word = wordIds[0] ?? 0;
    let kinds = facts[word] ?? 0;
    for (let index = 0; index < length; index += 1) {
      if ((kinds & CONTENT) !== 0) this.countSingle(kinds >> KIND_BITS, word, record);
      if (index + 1 >= length) break;
      const next = wordIds[index + 1] ?? 0;
      const nextKinds = facts[next] ?? 0;
      if (((kinds | nextKinds) & CONTENT) !== 0 && ((kinds | nextKinds) & NUMBER) === 0) {
        this.count(kinds >> KIND_BITS, nextKinds >> KIND_BITS, word, next, record);
      }
      word = next;
      kinds = nextKinds;
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
    const at = this.find(first, second);
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
    const { pairs, singleTerms } = this;
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) {
      const count = singleTerms[at + SINGLE_COUNT] ?? 0;
      if (count > 0) visit(at / SINGLE_FIELDS, ALONE, count, singleTerms[at + SINGLE_WRITTEN] ?? 0, ALONE);
    }
    for (let at = 0; at < pairs.length; at += PAIR_FIELDS) {
      const first = pairs[at + FIRST] ?? 0;
      if (first === 0) continue;
      visit(
        first - 1,
        pairs[at + SECOND] ?? ALONE,
        pairs[at + COUNT] ?? 0,
        pairs[at + WRITTEN_FIRST] ?? 0,
        pairs[at + WRITTEN_SECOND] ?? ALONE,
      );
    }
  }

  /** The index in {@link pairs} of the slot holding this term, or of the empty slot where it would go. */
  private find(first: number, second: number): number {
    const mask = this.capacity - 1;
    const held = first + 1;
    const { pairs } = this;
    let hash = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 2, 0x85ebca6b);
    let slot = hash & mask;
    for (;;) {
      const at = slot * PAIR_FIELDS;
      const there = pairs[at + FIRST] ?? 0;
      if (there === 0 || (there === held && pairs[at + SECOND] === second)) return at;
      slot = (slot + 1) & mask;
    }
  }

  private countSingle(stem: number, written: number, record: number): void {
    const at = stem * SINGLE_FIELDS;
    if (at >= this.singleTerms.length) {
      this.singleTerms = grownArray(this.singleTerms, Math.max(at + SINGLE_FIELDS, this.singleTerms.length * 2));
    }
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
    terms[at + SINGLE_WRITTEN] = written;
    this.singles += 1;
  }

  private count(first: number, second: number, writtenFirst: number, writtenSecond: number, record: number): void {
    const at = this.find(first, second);
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
    pairs[at + WRITTEN_FIRST] = writtenFirst;
    pairs[at + WRITTEN_SECOND] = writtenSecond;
    this.size += 1;
    if (this.size * 5 > this.capacity * 4) this.rehash(this.capacity * 2, 0);
  }

  /** Drops every term held by one record, then by two, and so on, until at most half the limit is left. */
  private dropRarest(): void {
    const byCount: number[] = [];
    const { pairs, singleTerms } = this;
    for (let at = 0; at < pairs.length; at += PAIR_FIELDS) {
      if (pairs[at + FIRST] === 0) continue;
      const count = pairs[at + COUNT] ?? 0;
      byCount[count] = (byCount[count] ?? 0) + 1;
    }
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) {
      const count = singleTerms[at + SINGLE_COUNT] ?? 0;
      if (count > 0) byCount[count] = (byCount[count] ?? 0) + 1;
    }
    let floor = 0;
    let left = this.size + this.singles;
    while (left > this.limit / 2) {
      floor += 1;
      left -= byCount[floor] ?? 0;
    }
    this.rehash(this.capacity, floor);
    for (let at = 0; at < singleTerms.length; at += SINGLE_FIELDS) {
      const count = singleTerms[at + SINGLE_COUNT] ?? 0;
      if (count === 0 || count > floor) continue;
      singleTerms[at + SINGLE_COUNT] = 0;
      this.singles -= 1;
    }
  }

  /** Moves the terms held more than `floor` times into a table of `capacity` slots. */
  private rehash(capacity: number, floor: number): void {
    const old = this.pairs;
    this.capacity = capacity;
    this.pairs = new Int32Array(capacity * PAIR_FIELDS);
    this.size = 0;
    for (let from = 0; from < old.length; from += PAIR_FIELDS) {
      const held = old[from + FIRST] ?? 0;
      if (held === 0 || (old[from + COUNT] ?? 0) <= floor) continue;
      const to = this.find(held - 1, old[from + SECOND] ?? ALONE);
      for (let field = 0; field < PAIR_FIELDS; field += 1) this.pairs[to + field] = old[from + field] ?? 0;
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
