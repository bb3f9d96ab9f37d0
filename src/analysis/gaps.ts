import { createRedactor } from '../report/publication-redactor.js';
import type { Codebook } from '../codebook/codebook.js';
import type { Channel, FeedbackRecord } from '../record/record.js';
import { PublicationConsentReader } from '../privacy/publication-consent.js';
import { distinctiveTerms, TermTally, termsOf } from '../stats/distinctive-terms.js';
import { normaliseText } from '../text/normalise.js';
import { otherwiseThemeIds, type CodedRecord } from './coded-record.js';
import {
  groupCooccurringTerms,
  questionTerms,
  starterCodebookYaml,
  TermIndex,
  type GroupingRecord,
  type TermGroup,
} from './discover-groups.js';
import { rounded } from './evaluation.js';
import { formatCount } from '../report/number-format.js';

/** A word or phrase over-represented in unthemed records. */
export interface GapTerm {
  term: string;
  /** Unthemed records holding it. */
  unthemed: number;
  /** Themed records holding it. */
  themed: number;
  /** Log-odds ratio (unthemed vs themed) with an informative Dirichlet prior, and its z-score, which ranks. */
  log_odds: number;
  z: number;
  /** Unthemed records holding it, per channel. */
  by_channel: Partial<Record<Channel, number>>;
  /** Keyword-in-context lines from up to three unthemed records, each named by tlap id (what `explain` takes) and source id. */
  contexts: { id: string; source_id: string; line: string }[];
}

/** What `tlap gaps` reports. */
export interface GapsReport {
  records: number;
  /** Records with no theme, or only `otherwise` themes. */
  unthemed: number;
  terms: GapTerm[];
  /** Groups of co-occurring gap terms, each a candidate theme. */
  groups: TermGroup[];
  /** The groups as YAML theme entries to paste under `themes:`. */
  stub: string;
}

/** What `tlap gaps --discover` reports. */
export interface DiscoverReport {
  records: number;
  groups: TermGroup[];
  /** A starter codebook in YAML. */
  codebook: string;
}

/** An unthemed record as {@link findGaps} holds it until the gap terms are known: its words are read again then, not held as terms. */
interface UnthemedRecord extends Omit<GroupingRecord, 'terms'> {
  channel: Channel;
}

/** Characters of context each side of a term. */
const CONTEXT = 40;

/** Options of the gap and discover analyses. */
export interface GapsOptions {
  /** At most this many terms (default 25). */
  limit?: number;
  /** At most this many groups (default 5 for gaps, 10 for discover). */
  groups?: number;
}

/**
 * The words and two-word phrases most over-represented in unthemed records against themed ones
 * (see distinctiveTerms), each with keyword-in-context lines and its split by channel, and groups
 * of them as a YAML stub. One pass; keeps only the unthemed records' terms in memory.
 */
export async function findGaps(
  codebook: Codebook,
  coded: AsyncIterable<CodedRecord> | Iterable<CodedRecord>,
  options: GapsOptions = {},
): Promise<GapsReport> {
  const otherwise = otherwiseThemeIds(codebook);
  const unthemedTally = new TermTally();
  const themedTally = new TermTally();
  const unthemed: UnthemedRecord[] = [];
  const quotable = quotableRecords(codebook);
  let records = 0;
  for await (const item of coded) {
    records += 1;
    const terms = termsOf(item.record.text);
    if (item.themeIds.every((id) => otherwise.has(id))) {
      unthemedTally.add(terms);
      const { id, sourceId, text, channel } = item.record;
      unthemed.push({ id, sourceId, text, channel, quotable: quotable(item.record) });
    } else themedTally.add(terms);
  }
  const top = distinctiveTerms(unthemedTally, themedTally, { minCount: 2, limit: options.limit ?? 25 });
  const topTerms = new Map(top.map((term) => [term.key, { key: term.key, written: term.term }]));
  const holdersOf = new Map(top.map((term) => [term.key, [] as UnthemedRecord[]]));
  const withTopTerms = unthemed.map((record) => {
    const held = { ...record, terms: termsOf(record.text).flatMap((term) => topTerms.get(term.key) ?? []) };
    for (const term of held.terms) holdersOf.get(term.key)?.push(held);
    return held;
  });
  const unthemedCount = unthemed.length;
  // Each record is held once more in withTopTerms; the first copies can go.
  unthemed.length = 0;
  const terms = top.map((term): GapTerm => {
    const holders = holdersOf.get(term.key) ?? [];
    const byChannel: Partial<Record<Channel, number>> = {};
    for (const record of holders) byChannel[record.channel] = (byChannel[record.channel] ?? 0) + 1;
    return {
      term: term.term,
      unthemed: term.inTarget,
      themed: term.inReference,
      log_odds: rounded(term.logOdds),
      z: rounded(term.z),
      by_channel: byChannel,
      contexts: holders
        .slice(0, 3)
        .map((record) => ({ id: record.id, source_id: record.sourceId, line: keywordInContext(record.text, term.key) })),
    };
  });
  const groups = groupCooccurringTerms(withTopTerms, { maxGroups: options.groups ?? 5, maxShare: 1, redact: createRedactor(codebook) });
  const stub = starterCodebookYaml(groups, '')
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .join('\n')
    .trimEnd();
  return { records, unthemed: unthemedCount, terms, groups, stub: stub === '' ? '' : `${stub}\n` };
}

/** A record as {@link discoverThemes} reads it: a stored record, or any text with ids (and its `meta`, for consent to publish). */
export interface DiscoveredRecord {
  id: string;
  sourceId: string;
  text: string;
  meta?: FeedbackRecord['meta'];
}

/**
 * Whether a report under `codebook` may quote a record: `quotes: exclude:` does not name it and,
 * unless `quotes.consent` is `ignore`, its respondent did not decline publication.
 */
function quotableRecords(codebook: Codebook): (record: FeedbackRecord) => boolean {
  const excluded = new Set(codebook.quotes.exclude);
  const consent = codebook.quotes.consent === 'respect' ? new PublicationConsentReader() : null;
  return (record) =>
    !excluded.has(record.id) && !excluded.has(record.sourceId) && (consent === null || consent.consentOf(record) !== 'declined');
}

/**
 * A starter codebook from the records alone: groups of distinctive co-occurring terms with
 * example records (see groupCooccurringTerms). Deterministic for a given store.
 */
export async function discoverThemes(
  records: AsyncIterable<DiscoveredRecord> | Iterable<DiscoveredRecord>,
  options: GapsOptions = {},
): Promise<DiscoverReport> {
  const index = new TermIndex();
  const consent = new PublicationConsentReader();
  const questions = new Set<string>();
  for await (const record of records) {
    const question = record.meta?.['question'];
    if (typeof question === 'string') questions.add(question);
    const quotable = consent.consentOf({ meta: record.meta ?? {}, text: record.text }) !== 'declined';
    index.add({ id: record.id, sourceId: record.sourceId, text: record.text, quotable }, termsOf(record.text));
  }
  const groups = index.groups({ maxGroups: options.groups ?? 10, subjectTerms: questionTerms(questions) });
  const heading = `A starter codebook that tlap proposed from ${formatCount(index.size)} records.\nEach theme is a group of terms that occur together; rename, merge, split and add examples before use.`;
  return { records: index.size, groups, codebook: starterCodebookYaml(groups, heading) };
}

/** The first place a term (a stem key) occurs in a text, with up to 40 characters each side, on one line. */
export function keywordInContext(text: string, key: string): string {
  const { tokens } = normaliseText(text);
  const stems = key.split(' ');
  for (let index = 0; index + stems.length <= tokens.length; index += 1) {
    if (!stems.every((stem, offset) => tokens[index + offset]?.stem === stem)) continue;
    const first = tokens[index];
    const last = tokens[index + stems.length - 1];
    if (first === undefined || last === undefined) break;
    const before = text.slice(Math.max(0, first.start - CONTEXT), first.start);
    const after = text.slice(last.end, last.end + CONTEXT);
    const flat = (part: string): string => part.replace(/\s+/g, ' ');
    return `${first.start > CONTEXT ? '…' : ''}${flat(before)}[${flat(text.slice(first.start, last.end))}]${flat(after)}${last.end + CONTEXT < text.length ? '…' : ''}`;
  }
  return text.replace(/\s+/g, ' ').slice(0, 2 * CONTEXT);
}
