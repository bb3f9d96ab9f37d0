import type { Codebook, ExcludeRule, NearRule, PhraseRule, WordTest } from '../codebook/codebook.js';
import { normaliseText, type AsciiWordTable, type Token, type WordRun } from '../text/normalise.js';
import type { KeywordHit, ThemeEvidence, VetoedHit } from './match-evidence.js';
import { grownArray } from '../grown-array.js';

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
 * A text's hits that count (no vetoed ones), as {@link ThemeMatcher.matchRunHits} writes them: per
 * theme (codebook index) its hits in text order, each as its keyword (the rule as written) and its
 * offsets in the text, in flat arrays used again from text to text, with no object per hit.
 */
export class ThemeHits {
  /** Per hit, its keyword as written in the codebook. */
  readonly keywords: string[] = [];
  /** Per hit, its start and end offsets in the text. */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Hits held. */
  count = 0;
  /** Per theme, its first hit's index plus one (0: no hits), its hits being consecutive. */
  private readonly firstOf: Int32Array;
  private readonly countOf: Int32Array;
  /** The themes with hits, in the order their hits were added (the first {@link themeCount}). */
  readonly themes: Int32Array;
  themeCount = 0;

  constructor(themeCount: number) {
    this.firstOf = new Int32Array(themeCount);
    this.countOf = new Int32Array(themeCount);
    this.themes = new Int32Array(themeCount);
  }

  /** The index of a theme's first hit (hits of a theme are consecutive). */
  firstHitOf(theme: number): number {
    return (this.firstOf[theme] ?? 0) - 1;
  }

  /** How many hits a theme has. */
  hitsOf(theme: number): number {
    return this.countOf[theme] ?? 0;
  }

  /** Adds a hit of a theme (a theme's hits are added one after another, in text order). */
  add(theme: number, keyword: string, start: number, end: number): void {
    const at = this.count;
    if (at >= this.starts.length) {
      this.starts = grownArray(this.starts, at * 2);
      this.ends = grownArray(this.ends, at * 2);
    }
    this.keywords[at] = keyword;
    this.starts[at] = start;
    this.ends[at] = end;
    this.count = at + 1;
    if ((this.countOf[theme] ?? 0) === 0) {
      this.firstOf[theme] = at + 1;
      this.themes[this.themeCount++] = theme;
    }
    this.countOf[theme] = (this.countOf[theme] ?? 0) + 1;
  }

  /** Forgets the hits of the text before. */
  clear(): void {
    for (let index = 0; index < this.themeCount; index += 1) {
      const theme = this.themes[index] ?? 0;
      this.firstOf[theme] = 0;
      this.countOf[theme] = 0;
    }
    this.themeCount = 0;
    this.count = 0;
  }
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
  /**
   * Per slot, where its phrase occurs in the text being matched: the first
   * {@link occurrenceCounts}[slot] entries, objects reused from text to text (a text's evidence
   * keeps none of them).
   */
  private readonly occurrences: Occurrence[][] = [];
  private readonly occurrenceCounts: Int32Array;
  /** The slots with occurrences in the text being matched: the first {@link touchedCount}. */
  private readonly touchedSlots: Int32Array;
  private touchedCount = 0;
  /** Each theme's evidence when it has no hits, shared by every text (frozen, so never changed). */
  private readonly noEvidence: ThemeEvidence[];

  constructor(codebook: Pick<Codebook, 'themes'>) {
    this.themes = codebook.themes;
    this.touchedTheme = new Uint8Array(codebook.themes.length);
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
    this.occurrences = Array.from({ length: slots }, () => []);
    this.occurrenceCounts = new Int32Array(slots);
    this.touchedSlots = new Int32Array(slots);
    this.touchedThemes = new Int32Array(codebook.themes.length);
  }

  /** Notes that the phrase of a slot occurs at token indexes [from, to). */
  private addOccurrence(slot: number, from: number, to: number): void {
    const count = this.occurrenceCounts[slot] ?? 0;
    if (count === 0) this.touchedSlots[this.touchedCount++] = slot;
    const list = this.occurrences[slot];
    if (list === undefined) return;
    const held = list[count];
    if (held === undefined) list.push({ from, to });
    else {
      held.from = from;
      held.to = to;
    }
    this.occurrenceCounts[slot] = count + 1;
  }

  /** Forgets the occurrences of the text matched. */
  private clearOccurrences(): void {
    for (let index = 0; index < this.touchedCount; index += 1) this.occurrenceCounts[this.touchedSlots[index] ?? 0] = 0;
    this.touchedCount = 0;
  }

  /** A slot's occurrences in the text being matched, as a list of their own (for near rules). */
  private occurrencesOf(slot: number): Occurrence[] {
    return (this.occurrences[slot] ?? []).slice(0, this.occurrenceCounts[slot] ?? 0);
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

  /** Phrases by the first word they can start at, per word-table entry: 0 not looked at, 1 none, k + 2 {@link startLists}[k]. */
  private startsAt = new Int32Array(0);
  private readonly startLists: IndexedPhrase[][] = [];
  private startsTable: AsciiWordTable | null = null;
  private startsGeneration = -1;
  private readonly touchedTheme: Uint8Array;
  /** The themes touched in the text being matched by {@link matchRun}: the first {@link touchedThemeCount}. */
  private readonly touchedThemes: Int32Array;
  private touchedThemeCount = 0;

  /** The evidence for every theme, in codebook order (themes without hits have empty lists). */
  match(text: string): ThemeEvidence[] {
    return this.matchTokens(text, normaliseText(text).tokens);
  }

  /**
   * The evidence for every theme among some of a text's tokens (a sentence, say): `tokens` must be
   * consecutive tokens of `text`, as {@link normaliseText} gives them.
   */
  matchTokens(text: string, tokens: readonly Token[]): ThemeEvidence[] {
    const touchedThemes = new Set<number>();
    const record = (entry: IndexedPhrase, occurrence: Occurrence): void => {
      this.addOccurrence(entry.slot, occurrence.from, occurrence.to);
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
      const offsets = tokenOffsets(tokens);
      return this.themes.map((theme, themeIndex) =>
        touchedThemes.has(themeIndex)
          ? this.evidenceOfTheme(text, offsets, themeIndex)
          : (this.noEvidence[themeIndex] ?? noEvidenceOf(theme.id)),
      );
    } finally {
      this.clearOccurrences();
    }
  }

  /**
   * {@link matchTokens} for a text read into a {@link WordRun} (all its words): the same evidence,
   * found by one array lookup per word for the phrases that can start there, phrases compared by
   * word-table entry instead of by string in maps, and no object per word.
   */
  matchRun(text: string, run: WordRun): ThemeEvidence[] {
    try {
      this.collectRun(run);
      const evidence = this.noEvidence.slice();
      for (let touched = 0; touched < this.touchedThemeCount; touched += 1) {
        const themeIndex = this.touchedThemes[touched] ?? 0;
        evidence[themeIndex] = this.evidenceOfTheme(text, run, themeIndex);
      }
      return evidence;
    } finally {
      this.forgetRun();
    }
  }

  /**
   * {@link matchRun}'s hits that count (not those vetoed), written into `into` theme by theme
   * rather than made into evidence objects: the same hits in the same order.
   */
  matchRunHits(run: WordRun, into: ThemeHits): void {
    into.clear();
    try {
      this.collectRun(run);
      for (let touched = 0; touched < this.touchedThemeCount; touched += 1) this.hitsOfTheme(run, this.touchedThemes[touched] ?? 0, into);
    } finally {
      this.forgetRun();
    }
  }

  /** Notes where each phrase occurs among the run's words, and the themes they touch. */
  private collectRun(run: WordRun): void {
    this.useTable(run);
    const { entries, count } = run;
    const { touchedThemes } = this;
    for (let index = 0; index < count; index += 1) {
      const entry = entries[index] ?? 0;
      let starts = this.startsAt[entry] ?? 0;
      if (starts === 0) starts = this.lookUpStarts(run.table, entry);
      if (starts === 1) continue;
      const phrases = this.startLists[starts - 2] ?? [];
      for (let at = 0; at < phrases.length; at += 1) {
        const phrase = phrases[at];
        if (phrase === undefined) continue;
        const { words } = phrase.rule;
        if (words.length > 1 && !wordsMatchRunAt(words, run, index)) continue;
        this.addOccurrence(phrase.slot, index, index + words.length);
        if (this.touchedTheme[phrase.themeIndex] === 0) {
          this.touchedTheme[phrase.themeIndex] = 1;
          touchedThemes[this.touchedThemeCount++] = phrase.themeIndex;
        }
      }
    }
  }

  /** Forgets what {@link collectRun} noted. */
  private forgetRun(): void {
    this.clearOccurrences();
    for (let touched = 0; touched < this.touchedThemeCount; touched += 1) this.touchedTheme[this.touchedThemes[touched] ?? 0] = 0;
    this.touchedThemeCount = 0;
  }

  /** Forgets what was looked up by entry when the run's table starts afresh (or is another table). */
  private useTable(run: WordRun): void {
    if (this.startsTable === run.table && this.startsGeneration === run.generation && this.startsAt.length >= run.table.size) return;
    if (this.startsTable !== run.table || this.startsGeneration !== run.generation) {
      this.startsAt = new Int32Array(Math.max(1024, run.table.size * 2));
      this.startLists.length = 0;
      this.startsTable = run.table;
      this.startsGeneration = run.generation;
      return;
    }
    this.startsAt = grownArray(this.startsAt, Math.max(run.table.size * 2, this.startsAt.length * 2));
  }

  /** The phrases whose first word an entry's word passes, noted for the entry: 1 when none, else their list's index + 2. */
  private lookUpStarts(table: AsciiWordTable, entry: number): number {
    const word = table.wordOf(entry);
    const byStem = this.byStem.get(table.stemOf(entry));
    const byExact = this.byExact.size > 0 ? this.byExact.get(word) : undefined;
    const startsWith = (phrase: IndexedPhrase): boolean => {
      const first = phrase.rule.words[0];
      return first?.kind === 'prefix' && word.startsWith(first.prefix);
    };
    if (byStem === undefined && byExact === undefined && !this.byPrefix.some(startsWith)) {
      this.startsAt[entry] = 1;
      return 1;
    }
    const phrases = [...(byStem ?? []), ...(byExact ?? []), ...this.byPrefix.filter(startsWith)];
    let starts = 1;
    if (phrases.length > 0) {
      this.startLists.push(phrases);
      starts = this.startLists.length + 1;
    }
    this.startsAt[entry] = starts;
    return starts;
  }

  /**
   * The candidate hits of the theme being read, reused from theme to theme and text to text: the
   * first {@link candidateCount} are this theme's. A text's evidence keeps none of them.
   */
  private readonly candidates: CandidateHit[] = [];
  private candidateCount = 0;

  private addCandidate(from: number, to: number, rule: PhraseRule | NearRule): void {
    const held = this.candidates[this.candidateCount];
    if (held === undefined) this.candidates.push({ from, to, rule });
    else {
      held.from = from;
      held.to = to;
      held.rule = rule;
    }
    this.candidateCount += 1;
  }

  /** Puts the candidates in {@link byPlace} order, keeping the order of equal ones (a stable insertion sort: there are a few). */
  private sortCandidates(): void {
    const { candidates } = this;
    for (let index = 1; index < this.candidateCount; index += 1) {
      const here = candidates[index];
      if (here === undefined) continue;
      let at = index;
      for (let before = candidates[at - 1]; before !== undefined && byPlace(before, here) > 0; before = candidates[at - 1]) {
        candidates[at] = before;
        at -= 1;
      }
      candidates[at] = here;
    }
  }

  private evidenceOfTheme(text: string, tokens: TokenOffsets, themeIndex: number): ThemeEvidence {
    const theme = this.themes[themeIndex];
    const slots = this.themeSlots[themeIndex];
    if (theme === undefined || slots === undefined) return { themeId: '', hits: [], vetoed: [] };
    const count = this.candidatesOf(theme, slots);
    if (count === 0) return this.noEvidence[themeIndex] ?? noEvidenceOf(theme.id);
    const { candidates } = this;
    if (theme.excludes.length === 0) {
      const first = candidates[0];
      if (count === 1 && first !== undefined) return { themeId: theme.id, hits: [evidenceOf(text, tokens, first)], vetoed: NO_VETOES };
      const hits: KeywordHit[] = [];
      for (let index = 0; index < count; index += 1) {
        const candidate = candidates[index];
        if (candidate !== undefined) hits.push(evidenceOf(text, tokens, candidate));
      }
      return { themeId: theme.id, hits, vetoed: NO_VETOES };
    }
    const hits: KeywordHit[] = [];
    const vetoed: VetoedHit[] = [];
    for (let index = 0; index < count; index += 1) {
      const candidate = candidates[index];
      if (candidate === undefined) continue;
      const hit = evidenceOf(text, tokens, candidate);
      const veto = this.vetoOf(theme.excludes, slots.excludes, candidate);
      if (veto === undefined) hits.push(hit);
      else {
        const { keyword, position, words, start, end } = hit;
        vetoed.push({ keyword, position, words, start, end, by: veto.source, byPosition: veto.position });
      }
    }
    return { themeId: theme.id, hits, vetoed };
  }

  /** {@link evidenceOfTheme}'s hits (not those vetoed), added to `into` for the theme. */
  private hitsOfTheme(tokens: TokenOffsets, themeIndex: number, into: ThemeHits): void {
    const theme = this.themes[themeIndex];
    const slots = this.themeSlots[themeIndex];
    if (theme === undefined || slots === undefined) return;
    const count = this.candidatesOf(theme, slots);
    const { candidates } = this;
    const vetoing = theme.excludes.length > 0;
    for (let index = 0; index < count; index += 1) {
      const candidate = candidates[index];
      if (candidate === undefined || (vetoing && this.vetoOf(theme.excludes, slots.excludes, candidate) !== undefined)) continue;
      into.add(themeIndex, candidate.rule.source, tokens.startOf(candidate.from), tokens.endOf(candidate.to - 1));
    }
  }

  /** Gathers a theme's candidate hits from the occurrences noted, in {@link byPlace} order; returns how many. */
  private candidatesOf(theme: Codebook['themes'][number], slots: ThemeSlots): number {
    this.candidateCount = 0;
    const { rules } = theme;
    for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex += 1) {
      const rule = rules[ruleIndex];
      const slot = slots.rules[ruleIndex] ?? [];
      if (rule === undefined) continue;
      if (rule.kind === 'phrase') {
        if (typeof slot !== 'number') continue;
        const occurrences = this.occurrences[slot];
        const occurring = this.occurrenceCounts[slot] ?? 0;
        for (let index = 0; index < occurring; index += 1) {
          const occurrence = occurrences?.[index];
          if (occurrence !== undefined) this.addCandidate(occurrence.from, occurrence.to, rule);
        }
      } else {
        const partSlots = typeof slot === 'number' ? [slot] : slot;
        if (partSlots.some((part) => (this.occurrenceCounts[part] ?? 0) === 0)) continue;
        const parts = partSlots.map((part) => this.occurrencesOf(part));
        for (const { from, to } of nearOccurrences(parts, rule.within)) this.addCandidate(from, to, rule);
      }
    }
    if (this.candidateCount > 1) this.sortCandidates();
    return this.candidateCount;
  }

  /** The first of a theme's exclusions (their occurrences in `slots`) that vetoes a candidate hit; undefined when none does. */
  private vetoOf(excludes: readonly ExcludeRule[], slots: readonly number[], candidate: CandidateHit): ExcludeRule | undefined {
    for (let index = 0; index < excludes.length; index += 1) {
      const rule = excludes[index];
      const slot = slots[index] ?? -1;
      const occurrences = this.occurrences[slot];
      const occurring = this.occurrenceCounts[slot] ?? 0;
      if (rule === undefined || occurrences === undefined) continue;
      for (let at = 0; at < occurring; at += 1) {
        const occurrence = occurrences[at];
        if (occurrence !== undefined && vetoesHit(rule, occurrence, candidate)) return rule;
      }
    }
    return undefined;
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

function byPlace(a: CandidateHit, b: CandidateHit): number {
  return a.from - b.from || a.to - b.to;
}

/** The vetoed hits of a theme without exclusions, shared by every text (frozen, so never changed). */
const NO_VETOES = Object.freeze([]) as unknown as VetoedHit[];

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
function nearOccurrences(parts: readonly (readonly Occurrence[])[], within: number): Occurrence[] {
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

/** Where a text's words stand: their start and end offsets by index. */
interface TokenOffsets {
  startOf(index: number): number;
  endOf(index: number): number;
}

function tokenOffsets(tokens: readonly Token[]): TokenOffsets {
  return {
    startOf: (index) => tokens[index]?.start ?? 0,
    endOf: (index) => tokens[index]?.end ?? 0,
  };
}

function evidenceOf(text: string, tokens: TokenOffsets, candidate: CandidateHit): KeywordHit {
  const start = tokens.startOf(candidate.from);
  const end = tokens.endOf(candidate.to - 1);
  return { keyword: candidate.rule.source, position: candidate.rule.position, words: text.slice(start, end), start, end };
}

/** {@link wordsMatchAt} for a run, past the first word (which chose the phrase). */
function wordsMatchRunAt(words: readonly WordTest[], run: WordRun, index: number): boolean {
  if (index + words.length > run.count) return false;
  const { table, entries } = run;
  for (let offset = 1; offset < words.length; offset += 1) {
    const test = words[offset];
    const entry = entries[index + offset] ?? 0;
    if (test === undefined) return false;
    if (
      test.kind === 'stem'
        ? table.stemOf(entry) !== test.stem
        : test.kind === 'exact'
          ? table.wordOf(entry) !== test.word
          : !table.wordOf(entry).startsWith(test.prefix)
    ) {
      return false;
    }
  }
  return true;
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
