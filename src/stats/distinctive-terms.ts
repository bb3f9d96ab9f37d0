import { normaliseText, type Token } from '../text/normalise.js';
import { PHRASAL_PARTICLES, PHRASE_MODIFIERS, STOPWORDS } from './stopwords.js';
import { WrittenForms } from './written-forms.js';

/** A word or two-word phrase of a record: its key (the stems, space-separated) and how it was written. */
export interface RecordTerm {
  /** The Porter stems of its words joined by one space: what two spellings of one term share. */
  key: string;
  /** The words as the normaliser reads them (lower case), joined by one space. */
  written: string;
}

/** True when a word is worth offering as a term: not a function word, not only digits, two letters or more. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !isNumberWord(word);
}

/** True when a word is all digits (never a term, alone or in a phrase). */
export function isNumberWord(word: string): boolean {
  return /^\p{N}+$/u.test(word);
}

/** True when a function word changes what the content word after it means (see {@link PHRASE_MODIFIERS}). */
export function isPhraseModifier(word: string): boolean {
  return PHRASE_MODIFIERS.has(word);
}

/** True when a function word makes a phrasal verb with the content word before it (see {@link PHRASAL_PARTICLES}). */
export function isPhrasalParticle(word: string): boolean {
  return PHRASAL_PARTICLES.has(word);
}

/**
 * True when two neighbouring words are offered as a two-word phrase: two content words, a
 * negation, degree word or want before a content word (`not listened`, `more staff`), or a content
 * word before a phrasal verb's particle (`looked after`, `cut off`).
 */
export function formsPhrase(first: string, second: string): boolean {
  if (isContentWord(first)) return isContentWord(second) || isPhrasalParticle(second);
  return isPhraseModifier(first) && isContentWord(second);
}

/**
 * The distinct words and two-word phrases of a text, through the one normaliser (src/text/normalise.ts),
 * so they are spelled as codebook keywords are matched: content words alone, and the two-word
 * phrases {@link formsPhrase} accepts. Each term once, in the order it first occurs.
 */
export function termsOf(text: string): RecordTerm[] {
  return termsOfTokens(normaliseText(text).tokens);
}

/** {@link termsOf} for a text's tokens, read already. */
export function termsOfTokens(tokens: readonly Token[]): RecordTerm[] {
  const seen = new Map<string, RecordTerm>();
  const add = (key: string, written: string): void => {
    if (!seen.has(key)) seen.set(key, { key, written });
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === undefined) continue;
    if (isContentWord(token.word)) add(token.stem, token.word);
    const next = tokens[index + 1];
    if (next === undefined) continue;
    if (formsPhrase(token.word, next.word)) add(`${token.stem} ${next.stem}`, `${token.word} ${next.word}`);
  }
  return [...seen.values()];
}

/** The most distinct terms a tally keeps before it drops the rarest (see {@link TermTally}). */
export const TERM_TALLY_LIMIT = 200_000;

/**
 * How many records of one group hold each term (a record counts once per term). Memory is bounded:
 * when more than `limit` distinct terms are held, the rarest are dropped (every term held by one
 * record, then by two, and so on, until at most half the limit is left), as lossy counting does.
 * A dropped term that comes back starts again from one, so on a corpus with a long tail the counts
 * of rare terms are lower bounds; terms common enough to stand out are never dropped, and below
 * the limit every count is exact.
 */
export class TermTally {
  /** Records added. */
  records = 0;
  /**
   * Per term key, in the order first counted: the records holding it, and how most of them write
   * it (one candidate form and its votes, the Boyer–Moore majority vote of {@link WrittenForms}).
   * One entry a key, so that counting a term looks its key up once, not five times in three maps.
   */
  private readonly terms = new Map<string, TalliedTerm>();

  constructor(private readonly limit: number = TERM_TALLY_LIMIT) {}

  /** Counts one record's terms (from {@link termsOf}). */
  add(terms: readonly RecordTerm[]): void {
    this.records += 1;
    for (const term of terms) {
      const held = this.terms.get(term.key);
      if (held === undefined) {
        this.terms.set(term.key, { count: 1, form: term.written, votes: 1 });
        continue;
      }
      held.count += 1;
      if (held.form === term.written) held.votes += 1;
      else if (held.votes === 0) {
        held.form = term.written;
        held.votes = 1;
      } else held.votes -= 1;
    }
    if (this.terms.size > this.limit) this.dropRarest();
  }

  private dropRarest(): void {
    for (let floor = 1; this.terms.size > this.limit / 2; floor += 1) {
      for (const [key, { count }] of this.terms) if (count <= floor) this.terms.delete(key);
    }
  }

  /** How many distinct terms are held. */
  get size(): number {
    return this.terms.size;
  }

  /** Records holding the term of this key (0 when it is not held). */
  countOf(key: string): number {
    return this.terms.get(key)?.count ?? 0;
  }

  /** How most records write the term of this key (see {@link WrittenForms}), when it is held. */
  formOf(key: string): string | undefined {
    return this.terms.get(key)?.form;
  }

  /** Each held term's key, record count and written form, in the order first counted. */
  *entries(): IterableIterator<[key: string, count: number, form: string]> {
    for (const [key, { count, form }] of this.terms) yield [key, count, form];
  }

  /** The sum of the counts: the group's size in term occurrences. */
  total(): number {
    let sum = 0;
    for (const { count } of this.terms.values()) sum += count;
    return sum;
  }
}

/** What a {@link TermTally} holds of a term. */
interface TalliedTerm {
  count: number;
  form: string;
  votes: number;
}

/** A term that one group of records uses more than another, with the evidence. */
export interface DistinctiveTerm {
  /** Stem key (see {@link RecordTerm.key}). */
  key: string;
  /** The term as most of the target group's records write it. */
  term: string;
  /** Records of the target group holding it. */
  inTarget: number;
  /** Records of the reference group holding it. */
  inReference: number;
  /** The log-odds ratio of the term in target vs reference, shrunk by the prior. */
  logOdds: number;
  /** The log-odds ratio divided by its standard deviation: how sure the difference is. Ranks the terms. */
  z: number;
}

/** Options of {@link distinctiveTerms}. */
export interface DistinctiveTermOptions {
  /** A term must be in at least this many target records (default 3). */
  minCount?: number;
  /** At most this many terms (default all). */
  limit?: number;
  /** Strength of the prior, as a multiple of the pooled counts (default 1). */
  priorScale?: number;
}

/**
 * Terms over-represented in `target` compared with `reference`, most distinctive first: the
 * log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and Quinn (2008, "Fightin'
 * Words", eq. 16, 19–20). The prior of each term is its pooled count in both groups (times
 * `priorScale`), so rare terms are shrunk towards no difference:
 *
 *   δ = log((yT+α)/(nT+α0−yT−α)) − log((yR+α)/(nR+α0−yR−α)),  σ² ≈ 1/(yT+α) + 1/(yR+α),  z = δ/σ
 *
 * where y is the term's record count in a group and n the group's total. Only terms with z > 0
 * are returned, ties broken by key, so the order is deterministic.
 */
export function distinctiveTerms(target: TermTally, reference: TermTally, options: DistinctiveTermOptions = {}): DistinctiveTerm[] {
  const minCount = options.minCount ?? 3;
  const scale = options.priorScale ?? 1;
  const targetTotal = target.total();
  const referenceTotal = reference.total();
  const found: DistinctiveTerm[] = [];
  for (const [key, inTarget, form] of target.entries()) {
    if (inTarget < minCount) continue;
    const inReference = reference.countOf(key);
    const scored = scoreTerm(inTarget, inReference, targetTotal, referenceTotal, scale);
    if (scored === null) continue;
    found.push({ key, term: form, inTarget, inReference, ...scored });
  }
  found.sort((a, b) => b.z - a.z || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return options.limit === undefined ? found : found.slice(0, options.limit);
}

/** A term's log-odds and z (see {@link distinctiveTerms}), or null when z is not above 0. */
export function scoreTerm(
  inTarget: number,
  inReference: number,
  targetTotal: number,
  referenceTotal: number,
  scale: number,
): { logOdds: number; z: number } | null {
  const priorTotal = (targetTotal + referenceTotal) * scale;
  const prior = (inTarget + inReference) * scale;
  const logOdds =
    Math.log((inTarget + prior) / (targetTotal + priorTotal - inTarget - prior)) -
    Math.log((inReference + prior) / (referenceTotal + priorTotal - inReference - prior));
  const z = logOdds / Math.sqrt(1 / (inTarget + prior) + 1 / (inReference + prior));
  return z > 0 ? { logOdds, z } : null;
}
