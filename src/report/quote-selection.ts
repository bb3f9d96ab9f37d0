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

/**
 * Candidates held per theme and channel while their printed text is not yet known: past this,
 * the best-ranked of them are published until the rest can be let go. The more are held, the more
 * of them are put out of reach by better ones before anything is known of their text, and never
 * redacted: at 400,000 records, 2,486 texts were redacted holding 16, 1,731 holding 64 (and
 * 1,647 holding 256, where identical texts met in a pool begin to cost as much as they save).
 */
export const HELD_PER_CHANNEL = 8 * QUOTE_POOL_PER_CHANNEL;

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

/** A candidate held by a {@link QuotePool}: its printed text is null until it is needed. */
interface HeldCandidate extends QuoteCandidate {
  published: PublishedQuoteText | null;
  textKey: string;
  authorKey: string;
}

/**
 * A candidate as a pool holds it, every field written in one order by one literal, so that all
 * held candidates share a hidden class (a spread of the offered object gave them several, and
 * the pool's hot loops read their fields through megamorphic lookups).
 */
function heldCandidate(candidate: QuoteCandidate): HeldCandidate {
  return {
    record: candidate.record,
    tier: candidate.tier,
    distinctKeywords: candidate.distinctKeywords,
    published: null,
    textKey: quoteTextKey(candidate.record.text),
    authorKey: quoteAuthorKey(candidate.record),
  };
}

/** A channel's candidates in a {@link QuotePool}. */
interface ChannelCandidates {
  /** In match order ({@link compareByMatch}). */
  held: HeldCandidate[];
  /** The {@link QUOTE_POOL_PER_CHANNEL}th clean one of them, when there are that many: a candidate it beats in match order can be turned down unread. */
  bar: HeldCandidate | null;
}

/**
 * A theme's best quote candidates, per channel, kept while records stream past: in the end the
 * {@link QUOTE_POOL_PER_CHANNEL} first of each channel's by {@link compareCandidates}, identical
 * texts counted once (the best of them). A candidate is redacted only when its place depends on
 * it: candidates are held in match order with their printed text unknown, and one is let go as
 * soon as that many candidates beat it whatever their texts turn out to be; when more than
 * {@link HELD_PER_CHANNEL} are held, the best-ranked are published first. The result does not
 * depend on the order records arrive in.
 */
export class QuotePool {
  private readonly byChannel = new Map<Channel, ChannelCandidates>();

  /**
   * @param publish gives a record's printed text; called only when needed, perhaps later, while {@link finalists} are read.
   * @param heldPerChannel how many candidates of a channel are held before the best-ranked are published (at least {@link QUOTE_POOL_PER_CHANNEL}).
   */
  constructor(
    private readonly publish: (record: FeedbackRecord) => PublishedQuoteText,
    private readonly heldPerChannel: number = HELD_PER_CHANNEL,
  ) {}

  /** Offers a candidate. */
  offer(candidate: QuoteCandidate): void {
    const channel = candidate.record.channel;
    if (!this.mightKeep(channel, candidate.tier, candidate.distinctKeywords, candidate.record.id)) return;
    let pool = this.byChannel.get(channel);
    if (pool === undefined) {
      pool = { held: [], bar: null };
      this.byChannel.set(channel, pool);
    }
    const { held } = pool;
    const entry = heldCandidate(candidate);
    const twin = held.findIndex((other) => other.textKey === entry.textKey);
    const twinEntry = held[twin];
    if (twinEntry !== undefined) {
      const worse = compareCandidates(this.published(entry), this.published(twinEntry)) >= 0;
      if (worse) {
        this.letGo(pool);
        return;
      }
      held.splice(twin, 1);
    }
    let at = held.length;
    while (at > 0 && compareByMatch(entry, held[at - 1] ?? entry) < 0) at -= 1;
    held.splice(at, 0, entry);
    this.letGo(pool);
    this.publishUntilHeld(pool, this.heldPerChannel);
  }

  /**
   * False when {@link offer} would turn down a candidate with these ranks without looking at its
   * text ({@link QUOTE_POOL_PER_CHANNEL} clean candidates held rank higher), so that a record need
   * not be read to be offered.
   */
  mightKeep(channel: Channel, tier: number, distinctKeywords: number, id: string): boolean {
    const bar = this.byChannel.get(channel)?.bar;
    if (bar === undefined || bar === null) return true;
    return (tier - bar.tier || bar.distinctKeywords - distinctKeywords || compareCodeUnits(id, bar.record.id)) <= 0;
  }

  /**
   * The kept candidates that `keep` allows, best first (identical texts from different channels
   * kept once), published only as far as they are read: a theme's quotes are chosen from the first
   * few, so the rest need not be redacted. Read it once the pool has been offered every candidate.
   */
  finalists(keep: (record: FeedbackRecord) => boolean): QuoteFinalists {
    const channels: ChannelCursor[] = [];
    for (const [channel, pool] of this.byChannel) {
      this.letGo(pool);
      channels.push({ channel, held: pool.held, next: 0, kept: 0, head: null, tainted: [], lastCleanAt: -1 });
    }
    return new QuoteFinalists(channels, (entry) => this.published(entry), keep);
  }

  /**
   * Publishes the pool's best-ranked candidates whose text is unknown, letting go of those they
   * put out of reach, until no more than `most` are held or every text held is known.
   */
  private publishUntilHeld(pool: ChannelCandidates, most: number): void {
    while (pool.held.length > most) {
      const unknown = pool.held.find((entry) => entry.published === null);
      if (unknown === undefined) return;
      this.published(unknown);
      this.letGo(pool);
    }
  }

  /** The candidate with its printed text, published now if it was not yet. */
  private published(entry: HeldCandidate): PooledCandidate {
    entry.published ??= this.publish(entry.record);
    return entry as PooledCandidate;
  }

  /**
   * Lets go of every held candidate that {@link QUOTE_POOL_PER_CHANNEL} others beat whatever the
   * unknown texts turn out to be: clean ones ahead of it in match order beat any; tainted ones
   * ahead of it beat a tainted one, and so does every clean one. Then finds the channel's bar.
   */
  private letGo(pool: ChannelCandidates): void {
    const { held } = pool;
    let clean = 0;
    for (const entry of held) if (entry.published !== null && !entry.published.tainted) clean += 1;
    let cleanBefore = 0;
    let taintedBefore = 0;
    let kept = 0;
    for (const entry of held) {
      const tainted = entry.published?.tainted === true;
      const beaten = tainted ? clean + taintedBefore : cleanBefore;
      if (entry.published !== null) {
        if (tainted) taintedBefore += 1;
        else cleanBefore += 1;
      }
      if (beaten < QUOTE_POOL_PER_CHANNEL) held[kept++] = entry;
    }
    held.length = kept;
    pool.bar = null;
    let cleanSeen = 0;
    for (const entry of held) {
      if (entry.published === null || entry.published.tainted) continue;
      cleanSeen += 1;
      if (cleanSeen === QUOTE_POOL_PER_CHANNEL) pool.bar = entry;
    }
  }
}

/** Where {@link QuoteFinalists} has read one channel of a pool to. */
interface ChannelCursor {
  channel: Channel;
  /** The channel's held candidates, in match order. */
  held: readonly HeldCandidate[];
  /** The next of them to read. */
  next: number;
  /**
   * The channel's candidates kept so far, at most {@link QUOTE_POOL_PER_CHANNEL}: the clean ones
   * read, then (once every channel's clean ones are placed) those holding a token placed.
   */
  kept: number;
  /** The next clean candidate, read and not yet placed; null when none is read (or none is left: see {@link next}). */
  head: PooledCandidate | null;
  /** The candidates holding a redaction token read so far, in match order. */
  tainted: PooledCandidate[];
  /** Where the channel's last clean candidate placed stands in the list; -1 before any. */
  lastCleanAt: number;
}

/**
 * A pool's kept candidates in the full order ({@link compareCandidates}), identical texts once
 * (the best of them), those `keep` refuses left out after that, made as it is read. Each channel keeps its first {@link QUOTE_POOL_PER_CHANNEL} clean
 * candidates in match order, or when it has fewer, as many more of those holding a token; clean
 * ones come first, so they are merged across channels in match order, each channel's read (and
 * published) only up to its next clean one, and the others follow once every channel is read.
 */
export class QuoteFinalists {
  private readonly list: PooledCandidate[] = [];
  private readonly texts = new Set<string>();
  private cleanDone = false;
  private taintedDone = false;

  constructor(
    private readonly channels: readonly ChannelCursor[],
    private readonly published: (entry: HeldCandidate) => PooledCandidate,
    private readonly keep: (record: FeedbackRecord) => boolean,
  ) {}

  /** The candidate at `index` of the list, or undefined past its end. */
  at(index: number): PooledCandidate | undefined {
    while (this.list.length <= index && !this.taintedDone) this.step();
    return this.list[index];
  }

  /** The whole list. */
  all(): PooledCandidate[] {
    while (!this.taintedDone) this.step();
    return [...this.list];
  }

  /** The channels the pool holds candidates of. */
  channelsHeld(): Channel[] {
    return this.channels.map((cursor) => cursor.channel);
  }

  /**
   * True when the list holds no clean candidate of `channel` at `index` or after. False when that
   * is not known yet: reading further tells.
   */
  noCleanFrom(channel: Channel, index: number): boolean {
    if (this.cleanDone) return this.channels.every((cursor) => cursor.channel !== channel || cursor.lastCleanAt < index);
    const cursor = this.channels.find((each) => each.channel === channel);
    return cursor === undefined || (this.exhausted(cursor) && cursor.lastCleanAt < index);
  }

  private exhausted(cursor: ChannelCursor): boolean {
    return cursor.head === null && (cursor.next >= cursor.held.length || cursor.kept >= QUOTE_POOL_PER_CHANNEL);
  }

  /** Reads a channel up to its next clean candidate (publishing what it reads), when it has none read. */
  private readHead(cursor: ChannelCursor): void {
    while (cursor.head === null && cursor.next < cursor.held.length && cursor.kept < QUOTE_POOL_PER_CHANNEL) {
      const entry = cursor.held[cursor.next] as HeldCandidate;
      cursor.next += 1;
      const candidate = this.published(entry);
      if (candidate.published.tainted) cursor.tainted.push(candidate);
      else {
        cursor.kept += 1;
        cursor.head = candidate;
      }
    }
  }

  /** Places the next candidate in order (or finds there is none). */
  private step(): void {
    if (!this.cleanDone) {
      let best: ChannelCursor | null = null;
      for (const cursor of this.channels) {
        this.readHead(cursor);
        if (cursor.head !== null && (best === null || compareByMatch(cursor.head, best.head as PooledCandidate) < 0)) best = cursor;
      }
      if (best === null) {
        this.cleanDone = true;
        return;
      }
      const candidate = best.head as PooledCandidate;
      best.head = null;
      if (this.place(candidate)) best.lastCleanAt = this.list.length - 1;
      return;
    }
    let best: ChannelCursor | null = null;
    for (const cursor of this.channels) {
      if (cursor.kept >= QUOTE_POOL_PER_CHANNEL || cursor.tainted.length === 0) continue;
      const head = cursor.tainted[0] as PooledCandidate;
      if (best === null || compareByMatch(head, best.tainted[0] as PooledCandidate) < 0) best = cursor;
    }
    if (best === null) {
      this.taintedDone = true;
      return;
    }
    const candidate = best.tainted.shift() as PooledCandidate;
    best.kept += 1;
    this.place(candidate);
  }

  /** Adds a candidate to the list unless an earlier one has its text or `keep` refuses it; whether it was added. */
  private place(candidate: PooledCandidate): boolean {
    if (this.texts.has(candidate.textKey)) return false;
    this.texts.add(candidate.textKey);
    if (!this.keep(candidate.record)) return false;
    this.list.push(candidate);
    return true;
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
  themes: readonly { id: string; candidates: QuoteFinalists }[],
  perTheme: number,
): Map<string, PooledCandidate[]> {
  const quoted = new Set<string>();
  const result = new Map<string, PooledCandidate[]>();
  for (const theme of themes) {
    const chosen: PooledCandidate[] = [];
    const authors = new Set<string>();
    const texts = new Set<string>();
    const perChannel = new Map<Channel, number>();
    const open = (entry: PooledCandidate): boolean => !authors.has(entry.authorKey) && !texts.has(entry.textKey);
    const classOf = (entry: PooledCandidate): number =>
      (entry.published.tainted ? 2 : 0) + (quoted.has(`id:${entry.record.id}`) || quoted.has(`text:${entry.textKey}`) ? 1 : 0);
    while (chosen.length < perTheme) {
      const next = nextQuote(theme.candidates, open, classOf, (channel) => perChannel.get(channel) ?? 0);
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

/**
 * The next quote of a theme, as {@link allocateQuotes} says, read no further down its candidates
 * than the choice needs: of the open candidates, those of the best class; of those, the ones
 * from the channels quoted least; of those, the first. When the best class is clean and not
 * quoted yet, the reading stops once a channel quoted least among those that have such a
 * candidate, or may still have one further down, has shown one.
 */
function nextQuote(
  list: QuoteFinalists,
  open: (entry: PooledCandidate) => boolean,
  classOf: (entry: PooledCandidate) => number,
  quotesFrom: (channel: Channel) => number,
): PooledCandidate | undefined {
  let best = Infinity;
  for (let index = 0, entry = list.at(0); entry !== undefined && best > 0; index += 1, entry = list.at(index)) {
    if (open(entry)) best = Math.min(best, classOf(entry));
  }
  if (best === Infinity) return undefined;
  const firstOf = new Map<Channel, PooledCandidate>();
  const channels = list.channelsHeld();
  for (let index = 0; ; index += 1) {
    const entry = list.at(index);
    if (entry !== undefined && !firstOf.has(entry.record.channel) && open(entry) && classOf(entry) === best) {
      firstOf.set(entry.record.channel, entry);
    }
    if (entry !== undefined && best !== 0) continue;
    let fewest = Infinity;
    for (const channel of channels) {
      if (firstOf.has(channel) || (entry !== undefined && !list.noCleanFrom(channel, index + 1)))
        fewest = Math.min(fewest, quotesFrom(channel));
    }
    for (const [channel, first] of firstOf) if (quotesFrom(channel) === fewest) return first;
    if (entry === undefined) return undefined;
  }
}
