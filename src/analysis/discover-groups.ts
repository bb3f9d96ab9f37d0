import { DEFAULT_REDACTION_POLICY } from '../privacy/redaction-policy.js';
import { createRedactor } from '../report/publication-redactor.js';
import type { TextRedactor } from '../report/text-redactor.js';
import { scoreTerm, TERM_TALLY_LIMIT, termsOf, termsOfTokens, type RecordTerm } from '../stats/distinctive-terms.js';
import { WrittenForms } from '../stats/written-forms.js';
import { normaliseText, type Token } from '../text/normalise.js';
import { grownArray } from '../grown-array.js';

/** How examples are redacted when no codebook says: as a published report's quotes are under the default policy. */
const DEFAULT_EXAMPLE_REDACTOR = createRedactor({ redaction: DEFAULT_REDACTION_POLICY });

/** A group of terms that occur together, proposed as a theme, with records that show it. */
export interface TermGroup {
  /** A proposed theme id (from the first term). */
  id: string;
  /** The terms as written, the seed first: the keywords to start from. */
  terms: string[];
  /** The seed as a label: capitalised, or in capitals when records write it so (`WKU`, `GP`). */
  label: string;
  /** Records holding the seed term. */
  records: number;
  /**
   * Up to three records holding most of the group's terms: the tlap id (which `tlap explain`
   * takes), the export's own id, and the text with its personal data redacted as a published
   * report redacts it, since a starter codebook is meant to be kept, shared and committed.
   */
  examples: { id: string; source_id: string; text: string }[];
}

/** A record as the grouping sees it. */
export interface GroupingRecord {
  id: string;
  sourceId: string;
  text: string;
  terms: readonly RecordTerm[];
  /**
   * False for a record a report never quotes (its respondent declined publication, or
   * `quotes: exclude:` names it): it counts in the groups but is never an example. Default true.
   */
  quotable?: boolean;
}

/** Options of {@link groupCooccurringTerms}. */
export interface GroupingOptions {
  /** At most this many groups (default 10). */
  maxGroups?: number;
  /** At most this many terms per group (default 6). */
  termsPerGroup?: number;
  /** A seed term may be held by at most this share of the records (default 0.5: not a word everyone writes). */
  maxShare?: number;
  /** Stems of the words of the questions the records answer (see {@link questionTerms}): the consultation's own subject, never a seed. */
  subjectTerms?: ReadonlySet<string>;
  /** How example texts are redacted: the codebook's policy when there is one (default: the default policy). */
  redact?: TextRedactor;
}

/** A seed is skipped when more than this share of its records already belong to earlier groups of several terms. */
const COVERED_SHARE = 0.5;
/** A seed is skipped when more than this share of its records hold one earlier group's lone seed: it would repeat it. */
const REPEATED_SHARE = 0.8;
/**
 * A seed is a name, not a theme, when records write it with a capital inside a sentence (see
 * {@link SeedCasing}) at least this share of the times they write it there with a capital or in
 * lower case, and write it there at least as often as first in a sentence (`Green` of `Bowling
 * Green`, a town, a ward, a person; not `Nothing`, which opens most answers it is in and is
 * capitalised inside a few run-on ones). An acronym (`WKU`, `GP`) is neither, and a record whose
 * writer capitalises most words inside sentences (`Absolutely Nothing To Improve`) is no evidence.
 */
const NAME_SHARE = 0.8;
/** How many of a seed's records are read to tell how it is written (see {@link NAME_SHARE}). */
const CASE_SAMPLE = 200;
/** A term joins a seed's group only when its z-score among the seed's records is at least this. */
const MIN_Z = 2;
/** Examples are cut to this many characters. */
const EXAMPLE_LENGTH = 240;

/**
 * Groups of distinctive, co-occurring terms, for a starter codebook. Deterministic. Seeds are
 * single words held by at least 3 records and 0.5% of them and at most half, never a word of the
 * questions the records answer (`subjectTerms`: every answer to "Should gambling adverts be
 * banned?" is about gambling adverts, so neither is a theme). Each seed gathers the terms most
 * over-represented in its records against the rest (log-odds with an informative prior, z ≥ 2),
 * leaving out a term whose words run inside one already gathered or hold it (`very friendly`
 * beside `friendly`: as keywords of one theme it would match nothing more). Seeds are taken
 * strongest group first (the sum of the z-scores of the terms that would join it; then by
 * records, then key), so a word that is about something (`waited`, with `long`) comes before
 * one written whatever the topic (`good`, `nothing`). A seed is skipped when more than half of
 * its records are in earlier groups of several terms, or more than 80% hold an earlier lone
 * seed: a common word standing alone (`ads`, in 44 of 100 answers on gambling adverts) does not
 * shut out the themes after it (`addiction`, `sponsorship`), nor is one group repeated. Nor is a
 * seed a word that records write as a name, with a capital inside their sentences (`Green` of
 * `Bowling Green`: a place, a ward, a person is what feedback is about, not a theme of it); it
 * may still join another seed's group.
 */
export function groupCooccurringTerms(records: readonly GroupingRecord[], options: GroupingOptions = {}): TermGroup[] {
  const index = new TermIndex();
  for (const record of records) index.add(record, record.terms);
  return index.groups(options);
}

/**
 * How often a seed is written first in its sentence, and inside one with a capital, in capitals, or
 * in lower case; a first word with a capital that a capitalised word follows (`Bowling Green
 * needs…`, `Dr Okafor was…`) counts as written with a capital inside a sentence, as a name.
 */
interface SeedCasing {
  first: number;
  capitalised: number;
  capitals: number;
  lower: number;
  /** Of all the times the sampled records write it, how many, and how many as the first part of a hyphenated word (`co` of `co-production`). */
  written: number;
  prefixed: number;
}

/**
 * Whether records write a seed mostly as the first part of a hyphenated word (`co` of
 * `co-production`, `re` of `re-ablement`): as a keyword it would match every such word
 * (`co-op`, `co-ordinator`), so it is no seed; the word after it may be.
 */
function isHyphenatedPrefix({ written, prefixed }: Pick<SeedCasing, 'written' | 'prefixed'>): boolean {
  return prefixed >= 3 && prefixed >= written * NAME_SHARE;
}

/** Whether the token at `at` is joined by a hyphen to the word after it. */
function isPrefixAt(text: string, tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  return token !== undefined && HYPHEN.test(text.charAt(token.end)) && tokens[at + 1]?.start === token.end + 1;
}

/** Whether records write a seed as a name (see {@link NAME_SHARE}). */
function isWrittenAsName({ first, capitalised, capitals, lower }: SeedCasing): boolean {
  return capitalised >= 3 && capitalised >= (capitalised + lower) * NAME_SHARE && capitalised + capitals + lower >= first;
}

/** How a word inside a sentence is written: with a capital then lower case, in capitals, in lower case, or none of these (`2nd`). */
function caseOf(written: string): 'capitalised' | 'capitals' | 'lower' | null {
  const letters = written.replace(POSSESSIVE_ENDING, '');
  if (letters.length > 1 && !LOWER_CASE_LETTER.test(letters) && UPPER_CASE_LETTER.test(letters)) return 'capitals';
  if (UPPER_CASE_LETTER.test(letters.charAt(0))) return 'capitalised';
  if (LOWER_CASE_LETTER.test(letters.charAt(0))) return 'lower';
  return null;
}

/**
 * Records with their words and phrases numbered, added one at a time, for {@link groupCooccurringTerms}:
 * a record holds its terms as numbers, so memory grows with the records and not with how their
 * words are written. At most {@link TERM_TALLY_LIMIT} distinct terms are counted at once: past
 * that the rarest are dropped (those held by one record, then two…, until half the limit is
 * left), as a `TermTally` does, so a term's count is a lower bound once it was dropped and
 * a dropped term is never scored.
 */
export class TermIndex {
  private readonly numberOf = new Map<string, number>();
  /** Each number's key ('' once dropped). */
  private readonly keys: string[] = [];
  /** Records holding each number (0 once dropped). */
  private readonly counts: number[] = [];
  /** Per record, in the order added: its ids, its text and whether it may be quoted. */
  private readonly ids: string[] = [];
  private readonly sourceIds: string[] = [];
  private readonly texts: string[] = [];
  private quotable = new Uint8Array(1024);
  /**
   * The numbers of each record's distinct terms, all records' one after another (a number whose key
   * was dropped as rare stays, and is skipped): record `r`'s run from `termStarts[r]` to
   * `termStarts[r + 1]`. One pool, not an array per record, which cost more than the numbers it held.
   */
  private termPool = new Int32Array(16_384);
  private termStarts = new Int32Array(1024);
  private scratch = new Int32Array(0);

  /** How many records were added. */
  get size(): number {
    return this.texts.length;
  }

  /** Adds a record with its terms (from {@link termsOf}). */
  add(record: Omit<GroupingRecord, 'terms'>, terms: readonly RecordTerm[]): void {
    const index = this.texts.length;
    if (index + 2 > this.termStarts.length) {
      this.termStarts = grownArray(this.termStarts, this.termStarts.length * 2);
      this.quotable = grownArray(this.quotable, this.quotable.length * 2);
    }
    const start = this.termStarts[index] ?? 0;
    if (start + terms.length > this.termPool.length) {
      this.termPool = grownArray(this.termPool, Math.max(this.termPool.length * 2, start + terms.length));
    }
    const pool = this.termPool;
    terms.forEach((term, at) => {
      let number = this.numberOf.get(term.key);
      if (number === undefined) {
        number = this.keys.length;
        this.numberOf.set(term.key, number);
        this.keys.push(term.key);
        this.counts.push(0);
      }
      this.counts[number] = (this.counts[number] ?? 0) + 1;
      pool[start + at] = number;
    });
    this.termStarts[index + 1] = start + terms.length;
    this.quotable[index] = record.quotable === false ? 0 : 1;
    this.ids.push(record.id);
    this.sourceIds.push(record.sourceId);
    this.texts.push(record.text);
    if (this.numberOf.size > TERM_TALLY_LIMIT) this.dropRarest();
  }

  /** The numbers of a record's terms, as a view of the pool (valid until the next {@link add}). */
  private termsAt(index: number): Int32Array {
    return this.termPool.subarray(this.termStarts[index] ?? 0, this.termStarts[index + 1] ?? 0);
  }

  private dropRarest(): void {
    for (let floor = 1; this.numberOf.size > TERM_TALLY_LIMIT / 2; floor += 1) {
      for (const [key, number] of this.numberOf) {
        if ((this.counts[number] ?? 0) > floor) continue;
        this.numberOf.delete(key);
        this.keys[number] = '';
        this.counts[number] = 0;
      }
    }
  }

  /** The groups the records hold (see {@link groupCooccurringTerms}). */
  groups(options: GroupingOptions = {}): TermGroup[] {
    const maxGroups = options.maxGroups ?? 10;
    const termsPerGroup = options.termsPerGroup ?? 6;
    const total = this.counts.reduce((sum, count) => sum + count, 0);
    this.scratch = new Int32Array(this.keys.length);
    const minRecords = Math.max(3, Math.ceil(this.size * 0.005));
    const maxRecords = Math.max(minRecords, Math.floor(this.size * (options.maxShare ?? 0.5)));
    const seedNumbers = [...this.numberOf.values()].filter((number) => {
      const key = this.keys[number] ?? ' ';
      const count = this.counts[number] ?? 0;
      return count >= minRecords && count <= maxRecords && !key.includes(' ') && options.subjectTerms?.has(key) !== true;
    });
    const postings = this.postings(seedNumbers);
    const candidates = seedNumbers
      .map((number) => {
        const key = this.keys[number] ?? '';
        const holders = postings.get(number) ?? [];
        const joining = gathered(key, this.cooccurring(number, evenlySpread(holders), total), termsPerGroup, new Set());
        return { number, key, count: this.counts[number] ?? 0, holders, strength: joining.reduce((sum, term) => sum + term.z, 0) };
      })
      .sort((a, b) => b.strength - a.strength || b.count - a.count || (a.key < b.key ? -1 : 1));
    const covered = new Array<boolean>(this.size).fill(false);
    const singletons: Set<number>[] = [];
    const used = new Set<string>();
    const chosen: { keys: string[]; holders: number[]; inCapitals: boolean }[] = [];
    for (const { number, key: seed, holders } of candidates) {
      if (chosen.length >= maxGroups) break;
      if (used.has(seed)) continue;
      if (holders.filter((index) => covered[index]).length > holders.length * COVERED_SHARE) continue;
      if (singletons.some((earlier) => holders.filter((index) => earlier.has(index)).length > holders.length * REPEATED_SHARE)) continue;
      const casing = this.howWritten(seed, holders);
      if (isWrittenAsName(casing) || isHyphenatedPrefix(casing)) continue;
      const keys = [seed, ...gathered(seed, this.cooccurring(number, holders, total), termsPerGroup, used).map((term) => term.key)];
      for (const key of keys) used.add(key);
      if (keys.length > 1) for (const index of holders) covered[index] = true;
      else singletons.push(new Set(holders));
      chosen.push({ keys, holders, inCapitals: casing.capitals > casing.capitalised + casing.lower });
    }
    const { forms: written, prefixes } = this.writtenForms(new Set(chosen.flatMap((group) => group.keys)));
    const ids = new Set<string>();
    return chosen.map(({ keys: found, holders, inCapitals }) => {
      const keys = found.filter((key, at) => at === 0 || !prefixes.has(key));
      const terms = keys.map((key) => written.get(key) ?? key);
      const numbers = new Set(keys.map((key) => this.numberOf.get(key) ?? -1));
      const seed = terms[0] ?? keys[0] ?? '';
      return {
        id: uniqueId(seed, ids),
        terms,
        label: inCapitals ? seed.toUpperCase() : capitalise(seed),
        records: holders.length,
        examples: this.examples(holders, numbers, options.redact ?? DEFAULT_EXAMPLE_REDACTOR),
      };
    });
  }

  /** The records (by index, ascending) holding each of these numbers. */
  private postings(numbers: readonly number[]): Map<number, number[]> {
    const lists = new Map(numbers.map((number) => [number, [] as number[]]));
    const { termPool, termStarts } = this;
    for (let index = 0; index < this.size; index += 1) {
      const end = termStarts[index + 1] ?? 0;
      for (let at = termStarts[index] ?? 0; at < end; at += 1) lists.get(termPool[at] ?? -1)?.push(index);
    }
    return lists;
  }

  /**
   * The terms over-represented in these records of a seed against all the others (z ≥ {@link MIN_Z},
   * as `distinctiveTerms` scores them), most distinctive first, the seed left out.
   */
  private cooccurring(seed: number, holders: readonly number[], total: number): { key: string; z: number }[] {
    const inTarget = this.scratch;
    const touched: number[] = [];
    let targetTotal = 0;
    const { termPool, termStarts } = this;
    for (const index of holders) {
      const start = termStarts[index] ?? 0;
      const end = termStarts[index + 1] ?? 0;
      targetTotal += end - start;
      for (let at = start; at < end; at += 1) {
        const number = termPool[at] ?? 0;
        if (inTarget[number] === 0) touched.push(number);
        inTarget[number] = (inTarget[number] ?? 0) + 1;
      }
    }
    const minCount = holders.length < 30 ? 2 : 3;
    const found: { key: string; z: number }[] = [];
    for (const number of touched) {
      const count = inTarget[number] ?? 0;
      inTarget[number] = 0;
      const inAll = this.counts[number] ?? 0;
      if (count < minCount || number === seed || inAll === 0) continue;
      const scored = scoreTerm(count, inAll - count, targetTotal, total - targetTotal, 1);
      if (scored !== null && scored.z >= MIN_Z) found.push({ key: this.keys[number] ?? '', z: scored.z });
    }
    return found.sort((a, b) => b.z - a.z || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * How a sample of these records write the seed inside a sentence (its first word left out, as
   * any word is capitalised there): with a capital then lower case, in capitals, or in lower case,
   * a record whose other words inside sentences are mostly capitalised left out; and how often,
   * of all the times they write it, as the first part of a hyphenated word.
   */
  private howWritten(seed: string, holders: readonly number[]): SeedCasing {
    const casing = { first: 0, capitalised: 0, capitals: 0, lower: 0, written: 0, prefixed: 0 };
    for (const index of evenlySpread(holders, CASE_SAMPLE)) {
      const text = this.texts[index] ?? '';
      const tokens = normaliseText(text).tokens;
      const kinds = tokens.map((token) => (opensSentence(text, token.start) ? 'first' : caseOf(text.slice(token.start, token.end))));
      const inText = { first: 0, capitalised: 0, capitals: 0, lower: 0 };
      let otherCapitalised = 0;
      let otherLower = 0;
      tokens.forEach((token, at) => {
        const kind = kinds[at] ?? null;
        if (token.stem !== seed) {
          if (kind === 'capitalised') otherCapitalised += 1;
          else if (kind === 'lower') otherLower += 1;
          return;
        }
        casing.written += 1;
        if (isPrefixAt(text, tokens, at)) casing.prefixed += 1;
        if (kind === 'first') {
          const opensName = kinds[at + 1] === 'capitalised' && UPPER_CASE_LETTER.test(text.charAt(token.start));
          inText[opensName ? 'capitalised' : 'first'] += 1;
        } else if (kind !== null) {
          inText[kind] += 1;
        }
      });
      if (otherCapitalised + otherLower < 2 || otherCapitalised > otherLower) continue;
      for (const kind of ['first', 'capitalised', 'capitals', 'lower'] as const) casing[kind] += inText[kind];
    }
    return casing;
  }

  /**
   * How most records write each of these keys ({@link WrittenForms}), and which of the one-word
   * keys they write mostly as the first part of a hyphenated word (see {@link isHyphenatedPrefix}),
   * read again from the texts of the records holding one.
   */
  private writtenForms(keys: ReadonlySet<string>): { forms: WrittenForms; prefixes: Set<string> } {
    const numbers = new Set([...keys].map((key) => this.numberOf.get(key) ?? -1));
    const forms = new WrittenForms();
    const counts = new Map<string, { written: number; prefixed: number }>();
    for (let index = 0; index < this.size; index += 1) {
      if (!this.termsAt(index).some((number) => numbers.has(number))) continue;
      const text = this.texts[index] ?? '';
      const { tokens } = normaliseText(text);
      for (const term of termsOfTokens(tokens)) if (keys.has(term.key)) forms.note(term.key, term.written);
      tokens.forEach((token, at) => {
        if (!keys.has(token.stem)) return;
        const count = counts.get(token.stem) ?? { written: 0, prefixed: 0 };
        count.written += 1;
        if (isPrefixAt(text, tokens, at)) count.prefixed += 1;
        counts.set(token.stem, count);
      });
    }
    const prefixes = new Set([...counts].filter(([, count]) => isHyphenatedPrefix(count)).map(([key]) => key));
    return { forms, prefixes };
  }

  /** Up to three quotable records of a group: texts of a good length first, then those holding more of its terms, then by source id. */
  private examples(holders: readonly number[], numbers: ReadonlySet<number>, redact: TextRedactor): TermGroup['examples'] {
    return holders
      .flatMap((index) => {
        if (this.quotable[index] !== 1) return [];
        const length = (this.texts[index] ?? '').length;
        const shared = this.termsAt(index).filter((number) => numbers.has(number)).length;
        return [{ index, sourceId: this.sourceIds[index] ?? '', shared, fits: length >= 40 && length <= 400 }];
      })
      .sort(
        (a, b) =>
          Number(b.fits) - Number(a.fits) || b.shared - a.shared || (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0),
      )
      .slice(0, 3)
      .map(({ index, sourceId }) => ({
        id: this.ids[index] ?? '',
        source_id: sourceId,
        text: shorten(redact(this.texts[index] ?? '').text),
      }));
  }
}

/**
 * The terms that join a seed's group, most distinctive first: up to `termsPerGroup` with the seed,
 * none already `used` by an earlier group, none whose words run inside the seed's or another
 * joined term's or hold them.
 */
function gathered<Term extends { key: string }>(
  seed: string,
  cooccurring: readonly Term[],
  termsPerGroup: number,
  used: ReadonlySet<string>,
): Term[] {
  const joined: Term[] = [];
  for (const term of cooccurring) {
    if (joined.length + 1 >= termsPerGroup) break;
    if (!used.has(term.key) && !overlaps(seed, term.key) && !joined.some((other) => overlaps(other.key, term.key))) joined.push(term);
  }
  return joined;
}

/** At most this many of a seed's records, evenly spread, are read to rank it (see {@link groupCooccurringTerms}). */
const RANKING_SAMPLE = 2000;

/** Up to `most` of the indices, evenly spread, in order. */
function evenlySpread(indices: readonly number[], most = RANKING_SAMPLE): number[] {
  if (indices.length <= most) return [...indices];
  return Array.from({ length: most }, (_unused, at) => indices[Math.floor((at * indices.length) / most)] ?? 0);
}

const HYPHEN = /^[-‐‑]$/u;
const POSSESSIVE_ENDING = /['’]\p{Ll}*$/u;
const LOWER_CASE_LETTER = /\p{Ll}/u;
const UPPER_CASE_LETTER = /\p{Lu}/u;

/** Sentence openers, bullets and brackets a sentence's first word may stand after. */
const BEFORE_FIRST_WORD = /[\s"'“‘(\[*•\-–—]/u;

/** Whether the word at `start` is the first of its sentence, line or text (and so capitalised whatever it is). */
function opensSentence(text: string, start: number): boolean {
  let at = start - 1;
  while (at >= 0 && BEFORE_FIRST_WORD.test(text.charAt(at)) && text.charAt(at) !== '\n') at -= 1;
  return at < 0 || '.!?:;\n'.includes(text.charAt(at));
}

/** The stems of the content words of the questions asked (`meta.question`), for {@link GroupingOptions.subjectTerms}. */
export function questionTerms(questions: Iterable<string>): Set<string> {
  const terms = new Set<string>();
  for (const question of questions) for (const term of termsOf(question)) if (!term.key.includes(' ')) terms.add(term.key);
  return terms;
}

/**
 * Whether one term's words run inside the other's (`friendly` in `very friendly`): the longer then
 * matches only where the shorter does, so as keywords of one theme it would add nothing.
 */
function overlaps(a: string, b: string): boolean {
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

function uniqueId(term: string, taken: Set<string>): string {
  const base =
    term
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'theme';
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXAMPLE_LENGTH ? flat : `${flat.slice(0, EXAMPLE_LENGTH - 1)}…`;
}

/**
 * The groups as a starter codebook (schema version 1): one theme per group, its terms as
 * keywords, its records and examples in comments above it. Valid YAML that tlap reads as is.
 */
export function starterCodebookYaml(groups: readonly TermGroup[], heading: string): string {
  const lines = [
    ...heading.split('\n').map((line) => `# ${line}`.trimEnd()),
    'version: 1',
    'title: Starter codebook (review every theme before use)',
    'themes:',
  ];
  for (const group of groups) {
    lines.push(`  # ${group.records} records hold "${group.terms[0] ?? ''}". For example:`);
    for (const example of group.examples) lines.push(`  #   ${example.id}: ${example.text}`);
    lines.push(`  - id: ${group.id}`);
    lines.push(`    label: ${JSON.stringify(group.label)}`);
    lines.push(`    keywords: [${group.terms.map((term) => JSON.stringify(term)).join(', ')}]`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
