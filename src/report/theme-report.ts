import type { Channel } from '../record/record.js';

/** A count for one channel. */
export interface ChannelCount {
  channel: Channel;
  count: number;
}

/** A quotation from a record, ready to publish: personal data already redacted. */
export interface Quote {
  /** tlap's id of the record (to find it in the store): never the export's own id. */
  id: string;
  /**
   * The export's own id (a Message-ID, tweet id, survey response id), only when the report was
   * asked for it (`--ids`, for the analyst's private use: such output is not fit to publish); else null.
   */
  sourceId: string | null;
  channel: Channel;
  /** The record's date (ISO), or null. */
  date: string | null;
  /**
   * What the words answer, redacted: the survey question, the blog post's title, the event
   * notes' section or the e-mail's subject; null when the record has none.
   */
  context: string | null;
  /** The author, only when the report was asked to include authors; else null. */
  author: string | null;
  /** The words, redacted and shortened to at most {@link QUOTE_MAX_CHARS} characters at a word boundary. */
  text: string;
}

/** The longest quote printed. */
export const QUOTE_MAX_CHARS = 400;

/** A keyword's hits: how often it matched, shown in the form people wrote most often. */
export interface MatchedWords {
  /** The words as people wrote them most often for this keyword (`carers` for keyword `carer`). */
  words: string;
  /** Hits of the keyword in all its forms. */
  count: number;
}

/** What the report says about one theme. */
export interface ThemeSummary {
  id: string;
  label: string;
  description: string;
  /** The theme this one rolls up into (`parent:`), or null. */
  parent: string | null;
  /** Records in this theme; a theme with children counts each record of theirs once too. */
  count: number;
  /** count / all records (0 when there are none). */
  share: number;
  /** Its records by channel, in channel order, channels with none left out. */
  byChannel: ChannelCount[];
  /** The keywords that matched most, in their commonest written form, most first (ties alphabetical), at most five. */
  topWords: MatchedWords[];
  /** Up to three representative quotes, chosen deterministically. */
  quotes: Quote[];
}

/**
 * Everything a renderer needs, and nothing personal that should not be published. Renderers are
 * pure functions of this value; the same store and codebook give the same report, byte for byte.
 */
export interface ThemeReport {
  title: string;
  toolVersion: string;
  codebook: {
    file: string;
    fingerprint: string;
    themeCount: number;
    keywordCount: number;
  };
  recordsTotal: number;
  unthemed: number;
  byChannel: ChannelCount[];
  /** Earliest and latest record dates (ISO), or null when no record has a date. */
  dateRange: { from: string; to: string } | null;
  /** Records without a date. */
  undated: number;
  /** Themes by count (most first), ties in codebook order. */
  themes: ThemeSummary[];
  /** Up to five unthemed records, chosen deterministically. */
  unthemedSample: Quote[];
  /** How many items of personal data were redacted from the quotes, by kind. */
  redactions: Record<string, number>;
  /** True when quotes carry their authors (`--authors`). */
  includeAuthors: boolean;
  /** True when quotes carry the export's own ids (`--ids`): the report is then not fit to publish. */
  includeSourceIds: boolean;
}
