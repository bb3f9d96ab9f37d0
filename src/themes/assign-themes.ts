import type { Codebook } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import { ThemeMatcher, type ThemeMatch } from './theme-matcher.js';

/** A record with the themes it belongs to and the evidence. */
export interface ThemedRecord {
  record: FeedbackRecord;
  /** Theme ids in codebook order; empty when the record is unthemed. */
  themeIds: string[];
  /** Every keyword hit, in text order. */
  matches: ThemeMatch[];
}

/** Assigns themes to records; build once per codebook. */
export class ThemeAssigner {
  private readonly matcher: ThemeMatcher;
  private readonly order: Map<string, number>;

  constructor(codebook: Codebook) {
    this.matcher = new ThemeMatcher(codebook);
    this.order = new Map(codebook.themes.map((theme, index) => [theme.id, index]));
  }

  /** The themes of one record: every theme with at least one keyword hit that no exclusion vetoed. */
  assign(record: FeedbackRecord): ThemedRecord {
    const matches = this.matcher.match(record.text);
    const ids = [...new Set(matches.map((match) => match.themeId))];
    ids.sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    return { record, themeIds: ids, matches };
  }
}
