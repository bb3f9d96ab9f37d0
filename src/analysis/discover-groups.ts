import { DEFAULT_REDACTION_POLICY } from '../privacy/redaction-policy.js';
import { createRedactor } from '../report/publication-redactor.js';
import type { TextRedactor } from '../report/text-redactor.js';
import { distinctiveTerms, TermTally, type RecordTerm } from '../stats/distinctive-terms.js';

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
  /** How example texts are redacted: the codebook's policy when there is one (default: the default policy). */
  redact?: TextRedactor;
}

/** A seed is skipped when more than this share of its records already belong to earlier groups. */
const COVERED_SHARE = 0.5;
/** A term joins a seed's group only when its z-score among the seed's records is at least this. */
const MIN_Z = 2;
/** Examples are cut to this many characters. */
const EXAMPLE_LENGTH = 240;

/**
 * Groups of distinctive, co-occurring terms, for a starter codebook. Deterministic: seeds are the
 * terms held by the most records (at least 3 and 0.5% of them, at most half), ties by key; each
 * seed not already mostly covered gathers the terms most over-represented in its records against
 * the rest (log-odds with an informative prior, z ≥ 2), leaving out a term whose words run inside
 * one already gathered or hold it (`very friendly` beside `friendly`: as keywords of one theme it
 * would match nothing more), and its records are then covered.
 */
export function groupCooccurringTerms(records: readonly GroupingRecord[], options: GroupingOptions = {}): TermGroup[] {
  const maxGroups = options.maxGroups ?? 10;
  const termsPerGroup = options.termsPerGroup ?? 6;
  const all = new TermTally();
  const postings = new Map<string, number[]>();
  records.forEach((record, index) => {
    all.add(record.terms);
    for (const term of record.terms) {
      const list = postings.get(term.key) ?? [];
      postings.set(term.key, list);
      list.push(index);
    }
  });
  const minRecords = Math.max(3, Math.ceil(records.length * 0.005));
  const maxRecords = Math.max(minRecords, Math.floor(records.length * (options.maxShare ?? 0.5)));
  const seeds = [...all.counts]
    .filter(([key, count]) => count >= minRecords && count <= maxRecords && !key.includes(' '))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key]) => key);
  const covered = new Array<boolean>(records.length).fill(false);
  const used = new Set<string>();
  const ids = new Set<string>();
  const groups: TermGroup[] = [];
  for (const seed of seeds) {
    if (groups.length >= maxGroups) break;
    if (used.has(seed)) continue;
    const holders = postings.get(seed) ?? [];
    if (holders.filter((index) => covered[index]).length > holders.length * COVERED_SHARE) continue;
    const target = new TermTally();
    for (const index of holders) target.add(records[index]?.terms ?? []);
    const rest = new TermTally();
    rest.records = all.records - target.records;
    for (const [key, count] of all.counts) {
      const remaining = count - (target.counts.get(key) ?? 0);
      if (remaining > 0) rest.counts.set(key, remaining);
    }
    const keys = [seed];
    for (const term of distinctiveTerms(target, rest, { minCount: holders.length < 30 ? 2 : 3 })) {
      if (keys.length >= termsPerGroup) break;
      if (term.z >= MIN_Z && !used.has(term.key) && !keys.some((key) => overlaps(key, term.key))) keys.push(term.key);
    }
    for (const key of keys) used.add(key);
    for (const index of holders) covered[index] = true;
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
