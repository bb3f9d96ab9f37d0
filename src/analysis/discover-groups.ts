import { DEFAULT_REDACTION_POLICY } from '../privacy/redaction-policy.js';
import { createRedactor } from '../report/publication-redactor.js';
import type { TextRedactor } from '../report/text-redactor.js';
import { scoreTerm, TermTally, termsOf, type RecordTerm } from '../stats/distinctive-terms.js';

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
  const maxGroups = options.maxGroups ?? 10;
  const termsPerGroup = options.termsPerGroup ?? 6;
  const all = new TermTally();
  for (const record of records) all.add(record.terms);
  const numbered = new NumberedTerms(records, all);
  const minRecords = Math.max(3, Math.ceil(records.length * 0.005));
  const maxRecords = Math.max(minRecords, Math.floor(records.length * (options.maxShare ?? 0.5)));
  const seedIds = numbered.ids.filter((id) => {
    const key = numbered.keys[id] ?? ' ';
    const count = numbered.counts[id] ?? 0;
    return count >= minRecords && count <= maxRecords && !key.includes(' ') && options.subjectTerms?.has(key) !== true;
  });
  const postings = numbered.postings(seedIds);
  const candidates = seedIds
    .map((id) => {
      const key = numbered.keys[id] ?? '';
      const holders = postings.get(id) ?? [];
      const joining = gathered(key, numbered.cooccurring(id, evenlySpread(holders)), termsPerGroup, new Set());
      return { id, key, count: numbered.counts[id] ?? 0, holders, strength: joining.reduce((sum, term) => sum + term.z, 0) };
    })
    .sort((a, b) => b.strength - a.strength || b.count - a.count || (a.key < b.key ? -1 : 1));
  const covered = new Array<boolean>(records.length).fill(false);
  const singletons: Set<number>[] = [];
  const used = new Set<string>();
  const ids = new Set<string>();
  const groups: TermGroup[] = [];
  for (const { id: seedId, key: seed, holders } of candidates) {
    if (groups.length >= maxGroups) break;
    if (used.has(seed)) continue;
    if (holders.filter((index) => covered[index]).length > holders.length * COVERED_SHARE) continue;
    if (singletons.some((earlier) => holders.filter((index) => earlier.has(index)).length > holders.length * REPEATED_SHARE)) continue;
    const keys = [seed, ...gathered(seed, numbered.cooccurring(seedId, holders), termsPerGroup, used).map((term) => term.key)];
    for (const key of keys) used.add(key);
    if (keys.length > 1) for (const index of holders) covered[index] = true;
    else singletons.push(new Set(holders));
    const terms = keys.map((key) => all.written.get(key) ?? key);
    const id = uniqueId(terms[0] ?? seed, ids);
    groups.push({
      id,
      terms,
      records: holders.length,
      examples: examplesOf(records, holders, new Set(keys), options.redact ?? DEFAULT_EXAMPLE_REDACTOR),
    });
  }
  return groups;
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

/**
 * The records' terms by number, for scoring many seeds quickly: each key the whole-corpus tally
 * still holds numbered once, each record's terms as the numbers of those keys.
 */
class NumberedTerms {
  /** Each number's key. */
  readonly keys: string[] = [];
  /** Each number's records, as the tally counts them. */
  readonly counts: number[] = [];
  /** Every number, ascending. */
  readonly ids: number[] = [];
  private readonly byRecord: Int32Array[];
  /** Each record's count of terms, the dropped ones too: what a group's total is made of. */
  private readonly lengths: number[];
  private readonly total: number;
  private readonly inTarget: Int32Array;

  constructor(records: readonly GroupingRecord[], all: TermTally) {
    const numberOf = new Map<string, number>();
    for (const [key, count] of all.counts) {
      numberOf.set(key, this.keys.length);
      this.ids.push(this.keys.length);
      this.keys.push(key);
      this.counts.push(count);
    }
    this.byRecord = records.map((record) => {
      const numbers: number[] = [];
      for (const term of record.terms) {
        const number = numberOf.get(term.key);
        if (number !== undefined) numbers.push(number);
      }
      return Int32Array.from(numbers);
    });
    this.lengths = records.map((record) => record.terms.length);
    this.total = all.total();
    this.inTarget = new Int32Array(this.keys.length);
  }

  /** The records (by index, ascending) holding each of these numbers. */
  postings(numbers: readonly number[]): Map<number, number[]> {
    const lists = new Map(numbers.map((number) => [number, [] as number[]]));
    this.byRecord.forEach((terms, index) => {
      for (const number of terms) lists.get(number)?.push(index);
    });
    return lists;
  }

  /**
   * The terms over-represented in these records of a seed against all the others (z ≥ {@link MIN_Z},
   * as {@link distinctiveTerms} scores them), most distinctive first, the seed left out.
   */
  cooccurring(seed: number, holders: readonly number[]): { key: string; z: number }[] {
    const touched: number[] = [];
    let targetTotal = 0;
    for (const index of holders) {
      targetTotal += this.lengths[index] ?? 0;
      for (const number of this.byRecord[index] ?? []) {
        if (this.inTarget[number] === 0) touched.push(number);
        this.inTarget[number] = (this.inTarget[number] ?? 0) + 1;
      }
    }
    const minCount = holders.length < 30 ? 2 : 3;
    const found: { key: string; z: number }[] = [];
    for (const number of touched) {
      const count = this.inTarget[number] ?? 0;
      this.inTarget[number] = 0;
      if (count < minCount || number === seed) continue;
      const scored = scoreTerm(count, (this.counts[number] ?? count) - count, targetTotal, this.total - targetTotal, 1);
      if (scored !== null && scored.z >= MIN_Z) found.push({ key: this.keys[number] ?? '', z: scored.z });
    }
    return found.sort((a, b) => b.z - a.z || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
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

function examplesOf(
  records: readonly GroupingRecord[],
  holders: readonly number[],
  keys: ReadonlySet<string>,
  redact: TextRedactor,
): TermGroup['examples'] {
  return holders
    .flatMap((index) => {
      const record = records[index];
      if (record === undefined || record.quotable === false) return [];
      const shared = record.terms.filter((term) => keys.has(term.key)).length;
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
