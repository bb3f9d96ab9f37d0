import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';
import type { Channel, FeedbackRecord } from '../record/record.js';
import { compareCodeUnits } from './code-unit-order.js';
import { ADDRESS_PLACEHOLDER } from '../text/redact-addresses.js';

/** A record that could be quoted for a theme, ranked by what the matcher saw in it. */
export interface QuoteCandidate {
  record: FeedbackRecord;
  /** 0 for a text of a good length for a summary (40 to 400 characters), else 1. */
  tier: number;
  /** How many of the theme's keywords it matched. */
  distinctKeywords: number;
}

/** A record's words as a quote would print them: redacted and shortened. */
export interface PublishedQuoteText {
  text: string;
  /** What the redactor replaced, by kind. */
  counts: Partial<Record<string, number>>;
  /** True when the printed text holds a redaction token (`[email]`, `[name]`, …). */
  tainted: boolean;
}

/** A candidate in a pool: its printed text and the keys that make two candidates one. */
export interface PooledCandidate extends QuoteCandidate {
  published: PublishedQuoteText;
  /** Identical texts (compared without case, spacing or punctuation) share it: one campaign, one slot. */
  textKey: string;
  /** The author (or, with no known author, the record itself): one quote per author per theme. */
  authorKey: string;
}

/** Candidates kept per theme and channel: enough to leave a slot to another theme, author or channel. */
export const QUOTE_POOL_PER_CHANNEL = 8;

const TOKENS = [...Object.values(REDACTION_TOKENS), ADDRESS_PLACEHOLDER];

/** True when published text holds a token that stands for removed personal data. */
export function holdsRedactionToken(text: string): boolean {
  return TOKENS.some((token) => text.includes(token));
}

/** The key under which identical texts are one candidate: letters and digits only, lower case. */
export function quoteTextKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whose words these are for the one-quote-per-author rule; a record with no real author stands alone. */
export function quoteAuthorKey(record: FeedbackRecord): string {
  const author = record.author?.trim().toLowerCase() ?? '';
  if (author === '' || holdsRedactionToken(author.replace(/[^\p{L}\p{N}[\] ]/gu, ''))) return `record:${record.id}`;
  return `author:${author}`;
}

/** The order before redaction: good length first, then more of the theme's keywords, then record id. */
export function compareByMatch(a: QuoteCandidate, b: QuoteCandidate): number {
  return a.tier - b.tier || b.distinctKeywords - a.distinctKeywords || compareCodeUnits(a.record.id, b.record.id);
}

/** The full order of a theme's candidates: clean before those holding a redaction token, then {@link compareByMatch}. */
export function compareCandidates(a: PooledCandidate, b: PooledCandidate): number {
  return Number(a.published.tainted) - Number(b.published.tainted) || compareByMatch(a, b);
}

/**
 * A theme's best quote candidates, per channel, kept while records stream past. A candidate is
 * redacted only when it could enter the pool, so a theme whose best candidates are clean costs
 * few redactions. Identical texts keep one candidate (the best). The result does not depend on
 * the order records arrive in.
 */
export class QuotePool {
  private readonly byChannel = new Map<Channel, PooledCandidate[]>();

  /**
   * Offers a candidate; `publish` gives its printed text (called only when needed).
   */
  offer(candidate: QuoteCandidate, publish: (record: FeedbackRecord) => PublishedQuoteText): void {
    const channel = candidate.record.channel;
    if (!this.mightKeep(channel, candidate.tier, candidate.distinctKeywords, candidate.record.id)) return;
    const kept = this.byChannel.get(channel) ?? [];
    const pooled: PooledCandidate = {
      ...candidate,
      published: publish(candidate.record),
      textKey: quoteTextKey(candidate.record.text),
      authorKey: quoteAuthorKey(candidate.record),
    };
    const twin = kept.findIndex((entry) => entry.textKey === pooled.textKey);
    const twinEntry = kept[twin];
    if (twinEntry !== undefined) {
      if (compareCandidates(pooled, twinEntry) >= 0) return;
      kept.splice(twin, 1);
    }
    kept.push(pooled);
    kept.sort(compareCandidates);
    if (kept.length > QUOTE_POOL_PER_CHANNEL) kept.length = QUOTE_POOL_PER_CHANNEL;
    this.byChannel.set(channel, kept);
  }

  /**
   * False when {@link offer} would turn down a candidate with these ranks without looking at its
   * text (the channel's pool is full of clean candidates that rank higher), so that a record need
   * not be read to be offered.
   */
  mightKeep(channel: Channel, tier: number, distinctKeywords: number, id: string): boolean {
    const kept = this.byChannel.get(channel);
    if (kept === undefined || kept.length < QUOTE_POOL_PER_CHANNEL) return true;
    const worst = kept[kept.length - 1];
    if (worst === undefined || worst.published.tainted) return true;
    return (
      (tier - worst.tier || worst.distinctKeywords - distinctKeywords || (id < worst.record.id ? -1 : id > worst.record.id ? 1 : 0)) <= 0
    );
  }

  /** Every kept candidate, best first; identical texts from different channels kept once. */
  candidates(): PooledCandidate[] {
    const all = [...this.byChannel.values()].flat().sort(compareCandidates);
    const seen = new Set<string>();
    return all.filter((entry) => {
      if (seen.has(entry.textKey)) return false;
      seen.add(entry.textKey);
      return true;
    });
  }
}

/**
 * Chooses each theme's quotes, greedily, theme by theme in the order given (the report's: most
 * records first, ties in codebook order). Each next quote of a theme is the best of the first
 * non-empty class of its remaining candidates:
 * 1. clean and not quoted under an earlier theme;
 * 2. clean, though quoted under an earlier theme;
 * 3. holding a redaction token, not quoted yet;
 * 4. holding a redaction token and quoted already.
 * Within the class it comes from the channel quoted least so far in this theme (ties: the
 * channel whose best candidate ranks higher), and is that channel's best candidate. A theme
 * never quotes one author twice, nor the same text twice.
 */
export function allocateQuotes(
  themes: readonly { id: string; candidates: readonly PooledCandidate[] }[],
  perTheme: number,
): Map<string, PooledCandidate[]> {
  const quoted = new Set<string>();
  const result = new Map<string, PooledCandidate[]>();
  for (const theme of themes) {
    const chosen: PooledCandidate[] = [];
    const authors = new Set<string>();
    const texts = new Set<string>();
    const perChannel = new Map<Channel, number>();
    let remaining = [...theme.candidates];
    while (chosen.length < perTheme) {
      remaining = remaining.filter((entry) => !authors.has(entry.authorKey) && !texts.has(entry.textKey));
      if (remaining.length === 0) break;
      const classOf = (entry: PooledCandidate): number =>
        (entry.published.tainted ? 2 : 0) + (quoted.has(`id:${entry.record.id}`) || quoted.has(`text:${entry.textKey}`) ? 1 : 0);
      const best = Math.min(...remaining.map(classOf));
      const inClass = remaining.filter((entry) => classOf(entry) === best);
      const fewest = Math.min(...inClass.map((entry) => perChannel.get(entry.record.channel) ?? 0));
      const next = inClass.find((entry) => (perChannel.get(entry.record.channel) ?? 0) === fewest);
      if (next === undefined) break;
      chosen.push(next);
      authors.add(next.authorKey);
      texts.add(next.textKey);
      perChannel.set(next.record.channel, (perChannel.get(next.record.channel) ?? 0) + 1);
    }
    for (const entry of chosen) {
      quoted.add(`id:${entry.record.id}`);
      quoted.add(`text:${entry.textKey}`);
    }
    result.set(theme.id, chosen);
  }
  return result;
}
