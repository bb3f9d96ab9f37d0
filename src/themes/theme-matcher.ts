import type { Codebook, ExcludeRule, NearRule, PhraseRule, WordTest } from '../codebook/codebook.js';
import { normaliseText, type Token } from '../text/normalise.js';
import type { KeywordHit, ThemeEvidence, VetoedHit } from './match-evidence.js';

/** Where a phrase occurs: token indexes [from, to). */
interface Occurrence {
  from: number;
  to: number;
}

/** A phrase of the codebook, indexed: the theme it belongs to and its slot for occurrences. */
interface IndexedPhrase {
  themeIndex: number;
  rule: PhraseRule;
  /** Where this phrase's occurrences are collected while matching one text. */
  slot: number;
}

/** A hit before it is checked against exclusions: its token span and the rule that made it. */
interface CandidateHit {
  from: number;
  to: number;
  rule: PhraseRule | NearRule;
}

/** The slots of a theme's rules: one per phrase, one per part of a near rule, one per exclusion. */
interface ThemeSlots {
  rules: (number | number[])[];
  excludes: number[];
}

/**
 * Matches text against a codebook and returns the evidence: for every theme, the hits that count
 * and the hits an exclusion vetoed, each located in the text as given. Built once per codebook:
 * phrases are indexed by their first word, so matching costs one lookup per word plus the few
 * candidate phrases there.
 */
export class ThemeMatcher {
  private readonly byStem = new Map<string, IndexedPhrase[]>();
  private readonly byExact = new Map<string, IndexedPhrase[]>();
  private readonly byPrefix: IndexedPhrase[] = [];
  private readonly themes: Codebook['themes'];
  private readonly themeSlots: ThemeSlots[];
  private readonly occurrences: (Occurrence[] | undefined)[] = [];
  /** Each theme's evidence when it has no hits, shared by every text (frozen, so never changed). */
  private readonly noEvidence: ThemeEvidence[];

  constructor(codebook: Pick<Codebook, 'themes'>) {
    this.themes = codebook.themes;
    this.noEvidence = codebook.themes.map(
      (theme) => Object.freeze({ themeId: theme.id, hits: Object.freeze([]), vetoed: Object.freeze([]) }) as unknown as ThemeEvidence,
    );
    let slots = 0;
    const add = (themeIndex: number, rule: PhraseRule): number => {
      const slot = slots;
      slots += 1;
      this.add({ themeIndex, rule, slot });
      return slot;
    };
    this.themeSlots = codebook.themes.map((theme, themeIndex) => ({
      rules: theme.rules.map((rule) => (rule.kind === 'phrase' ? add(themeIndex, rule) : rule.all.map((part) => add(themeIndex, part)))),
      excludes: theme.excludes.map((rule) => add(themeIndex, rule.kind === 'phrase' ? rule : rule.phrase)),
    }));
  }

  private add(entry: IndexedPhrase): void {
    const first = entry.rule.words[0];
    if (first === undefined) return;
    if (first.kind === 'prefix') {
      this.byPrefix.push(entry);
      return;
    }
    const index = first.kind === 'stem' ? this.byStem : this.byExact;
    const key = first.kind === 'stem' ? first.stem : first.word;
    const list = index.get(key);
    if (list === undefined) index.set(key, [entry]);
    else list.push(entry);
  }

  /** The evidence for every theme, in codebook order (themes without hits have empty lists). */
  match(text: string): ThemeEvidence[] {
    return this.matchTokens(text, normaliseText(text).tokens);
  }

  /**
   * The evidence for every theme among some of a text's tokens (a sentence, say): `tokens` must be
   * consecutive tokens of `text`, as {@link normaliseText} gives them.
   */
  matchTokens(text: string, tokens: readonly Token[]): ThemeEvidence[] {
    const touched: number[] = [];
    const touchedThemes = new Set<number>();
    const record = (entry: IndexedPhrase, occurrence: Occurrence): void => {
      const list = this.occurrences[entry.slot];
      if (list === undefined) {
        this.occurrences[entry.slot] = [occurrence];
        touched.push(entry.slot);
      } else list.push(occurrence);
      touchedThemes.add(entry.themeIndex);
    };
    try {
      const hasExact = this.byExact.size > 0;
      for (let index = 0; index < tokens.length; index += 1) {
        const token = tokens[index];
        if (token === undefined) continue;
        this.tryAll(this.byStem.get(token.stem), tokens, index, record);
        if (hasExact) this.tryAll(this.byExact.get(token.word), tokens, index, record);
        if (this.byPrefix.length > 0) this.tryAll(this.byPrefix, tokens, index, record);
      }
      return this.themes.map((theme, themeIndex) =>
        touchedThemes.has(themeIndex)
          ? this.evidenceOfTheme(text, tokens, themeIndex)
          : (this.noEvidence[themeIndex] ?? noEvidenceOf(theme.id)),
      );
    } finally {
      for (const slot of touched) this.occurrences[slot] = undefined;
    }
  }

  private evidenceOfTheme(text: string, tokens: readonly Token[], themeIndex: number): ThemeEvidence {
    const theme = this.themes[themeIndex];
    const slots = this.themeSlots[themeIndex];
    if (theme === undefined || slots === undefined) return { themeId: '', hits: [], vetoed: [] };
    const occurrencesAt = (slot: number): Occurrence[] => this.occurrences[slot] ?? [];
    const candidates: CandidateHit[] = [];
    theme.rules.forEach((rule, ruleIndex) => {
      const slot = slots.rules[ruleIndex] ?? [];
      if (rule.kind === 'phrase') {
        for (const occurrence of typeof slot === 'number' ? occurrencesAt(slot) : []) candidates.push({ ...occurrence, rule });
      } else {
        const parts = (typeof slot === 'number' ? [slot] : slot).map(occurrencesAt);
        for (const occurrence of nearOccurrences(parts, rule.within)) candidates.push({ ...occurrence, rule });
      }
    });
    if (candidates.length === 0) return this.noEvidence[themeIndex] ?? noEvidenceOf(theme.id);
    candidates.sort((a, b) => a.from - b.from || a.to - b.to);
    const vetoes = theme.excludes.map((rule, ruleIndex) => ({ rule, occurrences: occurrencesAt(slots.excludes[ruleIndex] ?? -1) }));
    const hits: KeywordHit[] = [];
    const vetoed: VetoedHit[] = [];
    for (const candidate of candidates) {
      const hit = evidenceOf(text, tokens, candidate);
      const veto = vetoes.find(({ rule, occurrences }) => occurrences.some((occurrence) => vetoesHit(rule, occurrence, candidate)));
      if (veto === undefined) hits.push(hit);
      else vetoed.push({ ...hit, by: veto.rule.source, byPosition: veto.rule.position });
    }
    return { themeId: theme.id, hits, vetoed };
  }

  private tryAll(
    candidates: readonly IndexedPhrase[] | undefined,
    tokens: readonly Token[],
    index: number,
    record: (entry: IndexedPhrase, occurrence: Occurrence) => void,
  ): void {
    if (candidates === undefined) return;
    for (const candidate of candidates) {
      const { words } = candidate.rule;
      if (wordsMatchAt(words, tokens, index)) record(candidate, { from: index, to: index + words.length });
    }
  }
}

function noEvidenceOf(themeId: string): ThemeEvidence {
  return { themeId, hits: [], vetoed: [] };
}

/** Whether an exclusion vetoes a hit: a phrase when the hit lies inside it, a near exclusion when the hit is within reach. */
function vetoesHit(rule: ExcludeRule, occurrence: Occurrence, hit: CandidateHit): boolean {
  if (rule.kind === 'phrase') return hit.from >= occurrence.from && hit.to <= occurrence.to;
  const gap = hit.from >= occurrence.to ? hit.from - (occurrence.to - 1) : occurrence.from >= hit.to ? occurrence.from - (hit.to - 1) : 0;
  return gap <= rule.within;
}

/**
 * Where every part occurs with all of them within `within` words: the first word of the last part
 * at most `within` words after the first word of the first. Windows do not overlap; each is the
 * earliest one from the leftmost occurrence that can start it.
 */
function nearOccurrences(parts: readonly Occurrence[][], within: number): Occurrence[] {
  if (parts.some((occurrences) => occurrences.length === 0)) return [];
  const anchors = parts.flat().sort((a, b) => a.from - b.from);
  const result: Occurrence[] = [];
  let after = -1;
  for (const anchor of anchors) {
    if (anchor.from <= after) continue;
    let to = anchor.to;
    let complete = true;
    for (const occurrences of parts) {
      const inWindow = occurrences.find((occurrence) => occurrence.from >= anchor.from && occurrence.from <= anchor.from + within);
      if (inWindow === undefined) {
        complete = false;
        break;
      }
      to = Math.max(to, inWindow.to);
    }
    if (!complete) continue;
    result.push({ from: anchor.from, to });
    after = to - 1;
  }
  return result;
}

function evidenceOf(text: string, tokens: readonly Token[], candidate: CandidateHit): KeywordHit {
  const start = tokens[candidate.from]?.start ?? 0;
  const end = tokens[candidate.to - 1]?.end ?? start;
  return { keyword: candidate.rule.source, position: candidate.rule.position, words: text.slice(start, end), start, end };
}

function wordsMatchAt(words: readonly WordTest[], tokens: readonly Token[], index: number): boolean {
  if (index + words.length > tokens.length) return false;
  for (let offset = 0; offset < words.length; offset += 1) {
    const test = words[offset];
    const token = tokens[index + offset];
    if (test === undefined || token === undefined) return false;
    if (
      test.kind === 'stem'
        ? token.stem !== test.stem
        : test.kind === 'exact'
          ? token.word !== test.word
          : !token.word.startsWith(test.prefix)
    ) {
      return false;
    }
  }
  return true;
}
