import type { Codebook, KeywordPattern, TermPattern } from '../codebook/codebook.js';
import { normaliseText, type Token } from '../text/normalise.js';

/** Why a record belongs to a theme: one keyword hit, with its evidence. */
export interface ThemeMatch {
  /** The theme's id. */
  themeId: string;
  /** The keyword or phrase as written in the codebook. */
  keyword: string;
  /** The words of the record that matched, as written (lower case, spaces collapsed): `day-centre`, `carers'`. */
  matched: string;
  /** Index of the first matched word among the record's words. */
  wordIndex: number;
  /** Number of words matched. */
  wordCount: number;
}

interface IndexedPattern {
  themeId: string;
  pattern: KeywordPattern;
  exclude: boolean;
}

/**
 * Matches record text against a codebook. Built once per codebook: patterns are indexed by their
 * first term, so matching costs one lookup per word plus the few candidate patterns there.
 */
export class ThemeMatcher {
  private readonly byFirstStem = new Map<string, IndexedPattern[]>();
  private readonly prefixFirst: IndexedPattern[] = [];

  constructor(codebook: Codebook) {
    for (const theme of codebook.themes) {
      for (const pattern of theme.keywords) this.add({ themeId: theme.id, pattern, exclude: false });
      for (const pattern of theme.exclude) this.add({ themeId: theme.id, pattern, exclude: true });
    }
  }

  private add(entry: IndexedPattern): void {
    const first = entry.pattern.terms[0];
    if (first === undefined) return;
    if (first.kind === 'prefix') {
      this.prefixFirst.push(entry);
      return;
    }
    const list = this.byFirstStem.get(first.stem);
    if (list === undefined) this.byFirstStem.set(first.stem, [entry]);
    else list.push(entry);
  }

  /**
   * Every keyword hit in a text, in text order, after exclusions: a keyword hit that lies inside
   * the span of one of its theme's `exclude` phrases does not count.
   */
  match(text: string): ThemeMatch[] {
    const { prepared, tokens } = normaliseText(text);
    const hits: ThemeMatch[] = [];
    const excluded: { themeId: string; from: number; to: number }[] = [];
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index];
      if (token === undefined) continue;
      const candidates = this.byFirstStem.get(token.stem);
      if (candidates !== undefined) this.tryAll(candidates, prepared, tokens, index, hits, excluded);
      if (this.prefixFirst.length > 0) this.tryAll(this.prefixFirst, prepared, tokens, index, hits, excluded);
    }
    if (excluded.length === 0) return hits;
    return hits.filter(
      (hit) =>
        !excluded.some((span) => span.themeId === hit.themeId && hit.wordIndex >= span.from && hit.wordIndex + hit.wordCount <= span.to),
    );
  }

  private tryAll(
    candidates: readonly IndexedPattern[],
    prepared: string,
    tokens: readonly Token[],
    index: number,
    hits: ThemeMatch[],
    excluded: { themeId: string; from: number; to: number }[],
  ): void {
    for (const candidate of candidates) {
      const { terms } = candidate.pattern;
      if (!termsMatchAt(terms, tokens, index)) continue;
      if (candidate.exclude) {
        excluded.push({ themeId: candidate.themeId, from: index, to: index + terms.length });
        continue;
      }
      hits.push({
        themeId: candidate.themeId,
        keyword: candidate.pattern.source,
        matched: writtenWords(prepared, tokens, index, terms.length),
        wordIndex: index,
        wordCount: terms.length,
      });
    }
  }
}

/** The words from `index` for `count` tokens as the text writes them, lower-cased, spaces collapsed. */
function writtenWords(prepared: string, tokens: readonly Token[], index: number, count: number): string {
  const first = tokens[index];
  const last = tokens[index + count - 1];
  if (first === undefined || last === undefined) return '';
  return prepared.slice(first.start, last.end).replace(/\s+/g, ' ').toLowerCase();
}

function termsMatchAt(terms: readonly TermPattern[], tokens: readonly Token[], index: number): boolean {
  if (index + terms.length > tokens.length) return false;
  for (let offset = 0; offset < terms.length; offset += 1) {
    const term = terms[offset];
    const token = tokens[index + offset];
    if (term === undefined || token === undefined) return false;
    if (term.kind === 'stem' ? token.stem !== term.stem : !token.word.startsWith(term.prefix)) return false;
  }
  return true;
}
