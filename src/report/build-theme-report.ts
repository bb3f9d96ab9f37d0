import type { Codebook } from '../codebook/codebook.js';
import { CHANNELS, type Channel, type FeedbackRecord } from '../record/record.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import { QUOTE_MAX_CHARS, type ChannelCount, type MatchedWords, type Quote, type ThemeReport, type ThemeSummary } from './theme-report.js';
import type { TextRedactor } from './text-redactor.js';

/** How many quotes per theme, and unthemed samples. */
const QUOTES_PER_THEME = 3;
const UNTHEMED_SAMPLE = 5;

/** Quote lengths that read well in a summary. */
const GOOD_QUOTE_MIN = 40;
const GOOD_QUOTE_MAX = 400;

/** Options for building a report. */
export interface BuildReportOptions {
  /** Redacts personal data from every quote. */
  redact: TextRedactor;
  /** Print authors with quotes. */
  includeAuthors: boolean;
  /** Print the export's own ids with quotes (not fit to publish). */
  includeSourceIds?: boolean;
  /** The tool version for the methods section. */
  toolVersion: string;
}

interface QuoteCandidate {
  record: FeedbackRecord;
  tier: number;
  distinctKeywords: number;
}

interface ThemeTally {
  count: number;
  byChannel: Map<Channel, number>;
  /** Hits by keyword, and under each keyword by the words as written. */
  words: Map<string, Map<string, number>>;
  candidates: QuoteCandidate[];
}

/**
 * Builds a {@link ThemeReport} from themed records streamed through {@link add}, keeping only
 * counts and the few candidate quotes (never all records). Choices are deterministic: quote
 * candidates are ranked by a total order that ends with the record id.
 */
export class ThemeReportBuilder {
  private total = 0;
  private unthemed = 0;
  private undated = 0;
  private from: string | null = null;
  private to: string | null = null;
  private readonly byChannel = new Map<Channel, number>();
  private readonly tallies = new Map<string, ThemeTally>();
  private unthemedCandidates: FeedbackRecord[] = [];
  private readonly ancestors: ReadonlyMap<string, readonly string[]>;

  constructor(
    private readonly codebook: Codebook,
    private readonly options: BuildReportOptions,
  ) {
    for (const theme of codebook.themes) {
      this.tallies.set(theme.id, { count: 0, byChannel: new Map(), words: new Map(), candidates: [] });
    }
    this.ancestors = ancestorsOf(codebook);
  }

  /** Adds one themed record. */
  add(themed: ThemedRecord): void {
    const { record } = themed;
    this.total += 1;
    increment(this.byChannel, record.channel);
    if (record.date === null) this.undated += 1;
    else {
      if (this.from === null || record.date < this.from) this.from = record.date;
      if (this.to === null || record.date > this.to) this.to = record.date;
    }
    if (themed.themeIds.length === 0) {
      this.unthemed += 1;
      this.unthemedCandidates = keepFirst([...this.unthemedCandidates, record], UNTHEMED_SAMPLE, (a, b) => compareIds(a.id, b.id));
      return;
    }
    const counted = new Set(themed.themeIds.flatMap((themeId) => [themeId, ...(this.ancestors.get(themeId) ?? [])]));
    for (const themeId of counted) {
      const tally = this.tallies.get(themeId);
      if (tally === undefined) continue;
      tally.count += 1;
      increment(tally.byChannel, record.channel);
    }
    for (const themeId of themed.themeIds) {
      const tally = this.tallies.get(themeId);
      if (tally === undefined) continue;
      const hits = themed.evidence.find((evidence) => evidence.themeId === themeId)?.hits ?? [];
      for (const hit of hits) {
        let forms = tally.words.get(hit.keyword);
        if (forms === undefined) {
          forms = new Map();
          tally.words.set(hit.keyword, forms);
        }
        increment(forms, hit.words.replace(/\s+/g, ' ').toLowerCase());
      }
      const candidate: QuoteCandidate = {
        record,
        tier: record.text.length >= GOOD_QUOTE_MIN && record.text.length <= GOOD_QUOTE_MAX ? 0 : 1,
        distinctKeywords: new Set(hits.map((hit) => hit.keyword)).size,
      };
      tally.candidates = keepFirst([...tally.candidates, candidate], QUOTES_PER_THEME, compareCandidates);
    }
  }

  /** The finished report. */
  finish(): ThemeReport {
    const redactions: Record<string, number> = {};
    const quote = (record: FeedbackRecord): Quote => {
      const redacted = this.options.redact(record.text);
      for (const [kind, count] of Object.entries(redacted.counts)) {
        if (count !== undefined && count > 0) redactions[kind] = (redactions[kind] ?? 0) + count;
      }
      return {
        id: record.id,
        sourceId: this.options.includeSourceIds === true ? record.sourceId : null,
        channel: record.channel,
        date: record.date,
        context: recordContext(record, this.options.redact),
        author: this.options.includeAuthors && record.author !== null ? this.options.redact(record.author).text : null,
        text: shorten(redacted.text, QUOTE_MAX_CHARS),
      };
    };
    const themes: (ThemeSummary & { order: number })[] = this.codebook.themes.map((theme, order) => {
      const tally: ThemeTally = this.tallies.get(theme.id) ?? { count: 0, byChannel: new Map(), words: new Map(), candidates: [] };
      return {
        order,
        id: theme.id,
        label: theme.label,
        description: theme.description,
        parent: theme.parent,
        count: tally.count,
        share: this.total === 0 ? 0 : tally.count / this.total,
        byChannel: channelCounts(tally.byChannel),
        topWords: [...tally.words.values()]
          .map(commonestForm)
          .sort((a, b) => b.count - a.count || compareIds(a.words, b.words))
          .slice(0, 5),
        quotes: tally.candidates.map((candidate) => quote(candidate.record)),
      };
    });
    themes.sort((a, b) => b.count - a.count || a.order - b.order);
    return {
      title: this.codebook.title,
      toolVersion: this.options.toolVersion,
      codebook: {
        file: this.codebook.file,
        fingerprint: this.codebook.fingerprint,
        themeCount: this.codebook.themes.length,
        keywordCount: this.codebook.themes.reduce((sum, theme) => sum + theme.rules.length, 0),
      },
      recordsTotal: this.total,
      unthemed: this.unthemed,
      byChannel: channelCounts(this.byChannel),
      dateRange: this.from === null || this.to === null ? null : { from: this.from, to: this.to },
      undated: this.undated,
      themes: themes.map(({ order: _order, ...theme }) => theme),
      unthemedSample: this.unthemedCandidates.map(quote),
      redactions: Object.fromEntries(Object.entries(redactions).sort(([a], [b]) => compareIds(a, b))),
      includeAuthors: this.options.includeAuthors,
      includeSourceIds: this.options.includeSourceIds === true,
    };
  }
}

/**
 * Each theme's ancestors, nearest first, for the roll-up: a record in a child counts once in each
 * ancestor. Walked without recursion; the codebook validator has refused cycles.
 */
function ancestorsOf(codebook: Codebook): Map<string, string[]> {
  const parentOf = new Map(codebook.themes.map((theme) => [theme.id, theme.parent]));
  const result = new Map<string, string[]>();
  for (const theme of codebook.themes) {
    const chain: string[] = [];
    let parent = theme.parent;
    while (parent !== null && !chain.includes(parent) && chain.length < codebook.themes.length) {
      chain.push(parent);
      parent = parentOf.get(parent) ?? null;
    }
    result.set(theme.id, chain);
  }
  return result;
}

/** One keyword's hits: its total, shown in the form people wrote most often (ties alphabetical). */
function commonestForm(forms: ReadonlyMap<string, number>): MatchedWords {
  let words = '';
  let best = -1;
  let count = 0;
  for (const [form, times] of forms) {
    count += times;
    if (times > best || (times === best && compareIds(form, words) < 0)) {
      words = form;
      best = times;
    }
  }
  return { words, count };
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function channelCounts(map: ReadonlyMap<Channel, number>): ChannelCount[] {
  return CHANNELS.filter((channel) => (map.get(channel) ?? 0) > 0).map((channel) => ({ channel, count: map.get(channel) ?? 0 }));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareCandidates(a: QuoteCandidate, b: QuoteCandidate): number {
  return a.tier - b.tier || b.distinctKeywords - a.distinctKeywords || compareIds(a.record.id, b.record.id);
}

function keepFirst<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  return items.sort(compare).slice(0, limit);
}

/** Where a record's context is kept by the adapters, most telling first. */
const CONTEXT_FIELDS = ['question', 'postTitle', 'title', 'section', 'topic', 'subject'] as const;

/** The question or title a record answers, redacted and shortened, or null. */
function recordContext(record: FeedbackRecord, redact: TextRedactor): string | null {
  for (const field of CONTEXT_FIELDS) {
    const value = record.meta[field];
    if (typeof value === 'string' && value.trim() !== '') return shorten(redact(value).text, CONTEXT_MAX_CHARS);
  }
  return null;
}

/** The longest question or title printed with a quote. */
const CONTEXT_MAX_CHARS = 120;

/** Shortens text to at most `max` characters at a word boundary, ending with `…` when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
