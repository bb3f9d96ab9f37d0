import { DEFAULT_REDACTION_POLICY } from '../privacy/redaction-policy.js';
import { createRedactor } from '../report/publication-redactor.js';
import type { TextRedactor } from '../report/text-redactor.js';
import { scoreTerm, TERM_TALLY_LIMIT, termsOf, type RecordTerm } from '../stats/distinctive-terms.js';
import { WrittenForms } from '../stats/written-forms.js';

/** How examples are redacted when no codebook says: as a published report's quotes are under the default policy. */
const DEFAULT_EXAMPLE_REDACTOR = createRedactor({ redaction: DEFAULT_REDACTION_POLICY });

/** A group of terms that occur together, proposed as a theme, with records that show it. */
export interface TermGroup {
  /** A proposed theme id (from the first term). */
  id: string;
  /** The terms as written, the seed first: the keywords to start from. */
  terms: string[];
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
 * shut out the themes after it (`addiction`, `sponsorship`), nor is one group repeated.
 */
export function groupCooccurringTerms(records: readonly GroupingRecord[], options: GroupingOptions = {}): TermGroup[] {
  const index = new TermIndex();
  for (const record of records) index.add(record, record.terms);
  return index.groups(options);
}

/** A record as a {@link TermIndex} holds it: its terms by number. */
interface IndexedRecord {
  id: string;
  sourceId: string;
  text: string;
  quotable: boolean;
  /** The numbers of its distinct terms (a number whose key was dropped as rare stays, and is skipped). */
  terms: Int32Array;
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
  private readonly records: IndexedRecord[] = [];
  private scratch = new Int32Array(0);

  /** How many records were added. */
  get size(): number {
    return this.records.length;
  }

  /** Adds a record with its terms (from {@link termsOf}). */
  add(record: Omit<GroupingRecord, 'terms'>, terms: readonly RecordTerm[]): void {
    const numbers = new Int32Array(terms.length);
    terms.forEach((term, at) => {
      let number = this.numberOf.get(term.key);
      if (number === undefined) {
        number = this.keys.length;
        this.numberOf.set(term.key, number);
        this.keys.push(term.key);
        this.counts.push(0);
      }
      this.counts[number] = (this.counts[number] ?? 0) + 1;
      numbers[at] = number;
    });
    this.records.push({ id: record.id, sourceId: record.sourceId, text: record.text, quotable: record.quotable !== false, terms: numbers });
    if (this.numberOf.size > TERM_TALLY_LIMIT) this.dropRarest();
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
    const minRecords = Math.max(3, Math.ceil(this.records.length * 0.005));
    const maxRecords = Math.max(minRecords, Math.floor(this.records.length * (options.maxShare ?? 0.5)));
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
    const covered = new Array<boolean>(this.records.length).fill(false);
    const singletons: Set<number>[] = [];
    const used = new Set<string>();
    const chosen: { keys: string[]; holders: number[] }[] = [];
    for (const { number, key: seed, holders } of candidates) {
      if (chosen.length >= maxGroups) break;
      if (used.has(seed)) continue;
      if (holders.filter((index) => covered[index]).length > holders.length * COVERED_SHARE) continue;
      if (singletons.some((earlier) => holders.filter((index) => earlier.has(index)).length > holders.length * REPEATED_SHARE)) continue;
      const keys = [seed, ...gathered(seed, this.cooccurring(number, holders, total), termsPerGroup, used).map((term) => term.key)];
      for (const key of keys) used.add(key);
      if (keys.length > 1) for (const index of holders) covered[index] = true;
      else singletons.push(new Set(holders));
      chosen.push({ keys, holders });
    }
    const written = this.writtenForms(new Set(chosen.flatMap((group) => group.keys)));
    const ids = new Set<string>();
    return chosen.map(({ keys, holders }) => {
      const terms = keys.map((key) => written.get(key) ?? key);
      const numbers = new Set(keys.map((key) => this.numberOf.get(key) ?? -1));
      return {
        id: uniqueId(terms[0] ?? keys[0] ?? '', ids),
        terms,
        records: holders.length,
        examples: this.examples(holders, numbers, options.redact ?? DEFAULT_EXAMPLE_REDACTOR),
      };
    });
  }

  /** The records (by index, ascending) holding each of these numbers. */
  private postings(numbers: readonly number[]): Map<number, number[]> {
    const lists = new Map(numbers.map((number) => [number, [] as number[]]));
    this.records.forEach((record, index) => {
      for (const number of record.terms) lists.get(number)?.push(index);
    });
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
    for (const index of holders) {
      const terms = this.records[index]?.terms ?? new Int32Array(0);
      targetTotal += terms.length;
      for (const number of terms) {
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

  /** How most records write each of these keys ({@link WrittenForms}), read again from the texts of the records holding one. */
  private writtenForms(keys: ReadonlySet<string>): WrittenForms {
    const numbers = new Set([...keys].map((key) => this.numberOf.get(key) ?? -1));
    const written = new WrittenForms();
    for (const record of this.records) {
      if (!record.terms.some((number) => numbers.has(number))) continue;
      for (const term of termsOf(record.text)) if (keys.has(term.key)) written.note(term.key, term.written);
    }
    return written;
  }

  /** Up to three quotable records of a group: texts of a good length first, then those holding more of its terms, then by source id. */
  private examples(holders: readonly number[], numbers: ReadonlySet<number>, redact: TextRedactor): TermGroup['examples'] {
    return holders
      .flatMap((index) => {
        const record = this.records[index];
        if (record === undefined || !record.quotable) return [];
        const shared = record.terms.filter((number) => numbers.has(number)).length;
        return [{ record, shared, fits: record.text.length >= 40 && record.text.length <= 400 }];
      })
      .sort(
        (a, b) =>
          Number(b.fits) - Number(a.fits) ||
          b.shared - a.shared ||
          (a.record.sourceId < b.record.sourceId ? -1 : a.record.sourceId > b.record.sourceId ? 1 : 0),
      )
      .slice(0, 3)
      .map(({ record }) => ({ id: record.id, source_id: record.sourceId, text: shorten(redact(record.text).text) }));
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

/** Up to {@link RANKING_SAMPLE} of the indices, evenly spread, in order. */
function evenlySpread(indices: readonly number[]): number[] {
  if (indices.length <= RANKING_SAMPLE) return [...indices];
  return Array.from({ length: RANKING_SAMPLE }, (_unused, at) => indices[Math.floor((at * indices.length) / RANKING_SAMPLE)] ?? 0);
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
    lines.push(`    label: ${JSON.stringify(capitalise(group.terms[0] ?? group.id))}`);
    lines.push(`    keywords: [${group.terms.map((term) => JSON.stringify(term)).join(', ')}]`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
