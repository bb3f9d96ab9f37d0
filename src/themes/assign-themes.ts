import type { Codebook } from '../codebook/codebook.js';
import { grownArray } from '../grown-array.js';
import type { FeedbackRecord } from '../record/record.js';
import { normaliseText, readWords, WordRun, type Token } from '../text/normalise.js';
import { splitSentences } from '../text/sentences.js';
import type { ThemeEvidence } from './match-evidence.js';
import { ThemeHits, ThemeMatcher } from './theme-matcher.js';
import type { ThemedRecord } from './themed-record.js';

/** Numbers a word with this stem in the numbering of whoever counts the words (a report builder). */
export type NumberWord = (word: string, stem: string) => number;

/** Runs shorter than this many words have their view of the word-number scratch array kept. */
const SCRATCH_VIEWS = 4096;

/** What a coding unit (the record, or one sentence) contributes: its evidence and the themes it earns. */
interface UnitResult {
  evidence: ThemeEvidence[];
  themeIndexes: number[];
}

/**
 * Assigns themes to records under the codebook's rules; build once per codebook. A theme is earned
 * by a coding unit (the record, or each sentence with `unit: sentence`) with at least `min_hits`
 * hits that no exclusion vetoed; `otherwise` themes only by records that earn no other theme. With
 * `assign: single` a record gets one theme: the first sentence that earns any decides, and within
 * it the theme whose first hit comes first (codebook order on a tie).
 */
export class ThemeAssigner {
  private readonly matcher: ThemeMatcher;
  private readonly run = new WordRun();
  private scratch = new Int32Array(256);
  /** The numbers `numberWord` gave the run's word-table entries (each + 1; 0 when not asked yet), for one table generation. */
  private numbered: { numberWord: NumberWord; generation: number; numbers: Int32Array } | null = null;

  constructor(private readonly codebook: Codebook) {
    this.matcher = new ThemeMatcher(codebook);
    this.hits = new ThemeHits(codebook.themes.length);
    this.chosen = new Int32Array(codebook.themes.length);
    this.chosenViews = Array.from({ length: codebook.themes.length + 1 }, (_unused, length) => this.chosen.subarray(0, length));
  }

  /**
   * The generation of the word table that the last record's words were read with: the words
   * numbered by {@link assignNumbered} are asked for once per generation.
   */
  get wordGeneration(): number {
    return this.run.generation;
  }

  /** The themes of one record, with the evidence. */
  assign(record: FeedbackRecord): ThemedRecord {
    const { themeIds, evidence } = this.assignRun(record.text);
    return { record, themeIds, evidence };
  }

  /**
   * The themes of one record, and its words ({@link normaliseText}'s tokens, in text order) as
   * `numberWord` numbers them, for callers that count words too: each distinct word is numbered
   * once (until the word table starts afresh), in the order first met, and the text is read once.
   */
  assignNumbered(record: FeedbackRecord, numberWord: NumberWord): { themed: ThemedRecord; wordIds: Int32Array } {
    const { themeIds, evidence } = this.assignRun(record.text);
    return { themed: { record, themeIds, evidence }, wordIds: this.numberRun(numberWord, null) };
  }

  /**
   * {@link assignNumbered} with the word numbers in an array the assigner reuses, valid until its
   * next call: for callers that copy them at once (a theme worker packing them into its answer), so
   * that no record costs an array of its own.
   */
  assignNumberedBriefly(record: FeedbackRecord, numberWord: NumberWord): { themed: ThemedRecord; wordIds: Int32Array } {
    const { themeIds, evidence } = this.assignRun(record.text);
    return { themed: { record, themeIds, evidence }, wordIds: this.numberRun(numberWord, this.scratchView()) };
  }

  /** A view of the start of {@link scratch} as long as the run. */
  private scratchView(): Int32Array {
    const { count } = this.run;
    if (this.scratch.length < count) {
      this.scratch = new Int32Array(count * 2);
      this.scratchViews.length = 0;
    }
    let view = this.scratchViews[count];
    if (view === undefined) {
      view = this.scratch.subarray(0, count);
      if (count < SCRATCH_VIEWS) this.scratchViews[count] = view;
    }
    return view;
  }

  /** Views of the start of {@link scratch} by their length, made once each (a view per record cost an allocation). */
  private readonly scratchViews: (Int32Array | undefined)[] = [];

  /**
   * Whether {@link assignHitsBriefly} can assign this codebook's themes: it matches whole records,
   * not sentences.
   */
  get assignsHits(): boolean {
    return this.codebook.unit !== 'sentence';
  }

  /**
   * {@link assignNumberedBriefly} without evidence objects, for a codebook that matches whole
   * records ({@link assignsHits}): the codebook indices of the record's themes (those
   * {@link assignNumbered} gives, ascending), their hits that count, and the word numbers, all
   * reused by the next call.
   */
  assignHitsBriefly(record: FeedbackRecord, numberWord: NumberWord): { themes: Int32Array; hits: ThemeHits; wordIds: Int32Array } {
    readWords(record.text, this.run);
    this.matcher.matchRunHits(this.run, this.hits);
    return { themes: this.decideHits(), hits: this.hits, wordIds: this.numberRun(numberWord, this.scratchView()) };
  }

  private readonly hits: ThemeHits;
  /** The themes {@link decideHits} chose, and views of its start by length (made once each). */
  private readonly chosen: Int32Array;
  private readonly chosenViews: Int32Array[];

  /** {@link decide} for one unit, from {@link hits}. */
  private decideHits(): Int32Array {
    const { hits, chosen } = this;
    const { themes } = this.codebook;
    const single = this.codebook.assign === 'single';
    let count = 0;
    let earliest = -1;
    let earliestStart = Infinity;
    for (let index = 0; index < themes.length; index += 1) {
      const theme = themes[index];
      const hitCount = hits.hitsOf(index);
      if (theme === undefined || theme.otherwise || hitCount === 0 || hitCount < theme.minHits) continue;
      if (!single) chosen[count++] = index;
      else {
        const start = hits.starts[hits.firstHitOf(index)] ?? Infinity;
        if (start < earliestStart) {
          earliest = index;
          earliestStart = start;
        }
      }
    }
    if (earliest >= 0) chosen[count++] = earliest;
    if (count === 0) {
      for (let index = 0; index < themes.length; index += 1) {
        const theme = themes[index];
        if (theme === undefined || !theme.otherwise) continue;
        const hitCount = hits.hitsOf(index);
        if (theme.rules.length === 0 || (hitCount >= theme.minHits && hitCount > 0)) chosen[count++] = index;
        if (single && count > 0) break;
      }
    }
    return this.chosenViews[count] ?? chosen.subarray(0, count);
  }

  private assignRun(text: string): Omit<ThemedRecord, 'record'> {
    readWords(text, this.run);
    if (this.codebook.unit === 'sentence') return this.assignTokens(text, this.run.tokens());
    return this.decide([this.unit(this.matcher.matchRun(text, this.run))]);
  }

  /** The numbers of the run's words, in `into` (a view the length of the run) or a new array when null. */
  private numberRun(numberWord: NumberWord, into: Int32Array | null): Int32Array {
    const { run } = this;
    let numbered = this.numbered;
    if (numbered === null || numbered.numberWord !== numberWord || numbered.generation !== run.generation) {
      numbered = { numberWord, generation: run.generation, numbers: new Int32Array(Math.max(1024, run.table.size * 2)) };
      this.numbered = numbered;
    }
    if (numbered.numbers.length < run.table.size) numbered.numbers = grownArray(numbered.numbers, run.table.size * 2);
    const { numbers } = numbered;
    const wordIds = into ?? new Int32Array(run.count);
    for (let index = 0; index < run.count; index += 1) {
      const entry = run.entries[index] ?? 0;
      let id = (numbers[entry] ?? 0) - 1;
      if (id === -1) {
        id = numberWord(run.table.wordOf(entry), run.table.stemOf(entry));
        numbers[entry] = id + 1;
      }
      wordIds[index] = id;
    }
    return wordIds;
  }

  /**
   * The themes of one record with the words they were matched on ({@link normaliseText}'s tokens of
   * its text), for callers that count words too and need not read the text again.
   */
  assignWithTokens(record: FeedbackRecord): { themed: ThemedRecord; tokens: Token[] } {
    const { tokens } = normaliseText(record.text);
    return { themed: { record, ...this.assignTokens(record.text, tokens) }, tokens };
  }

  /** The themes of any text, as if it were a record's, with the evidence. */
  assignText(text: string): Omit<ThemedRecord, 'record'> {
    return this.assignRun(text);
  }

  private assignTokens(text: string, tokens: readonly Token[]): Omit<ThemedRecord, 'record'> {
    return this.decide(
      this.codebook.unit === 'sentence' ? this.sentenceUnits(text, tokens) : [this.unit(this.matcher.matchTokens(text, tokens))],
    );
  }

  /** The themes the units earn together, with their evidence. */
  private decide(units: readonly UnitResult[]): Omit<ThemedRecord, 'record'> {
    const evidence = units.length === 1 && units[0] !== undefined ? units[0].evidence : mergeEvidence(this.codebook, units);
    let chosen: number[];
    if (this.codebook.assign === 'single') {
      const deciding = units.find((unit) => unit.themeIndexes.length > 0);
      const first = deciding === undefined ? undefined : earliestTheme(deciding);
      chosen = first === undefined ? [] : [first];
    } else if (units.length === 1) {
      chosen = units[0]?.themeIndexes ?? [];
    } else {
      chosen = [...new Set(units.flatMap((unit) => unit.themeIndexes))].sort((a, b) => a - b);
    }
    if (chosen.length === 0) chosen = this.otherwiseThemes(units);
    return { themeIds: chosen.map((index) => this.codebook.themes[index]?.id ?? ''), evidence };
  }

  private sentenceUnits(text: string, tokens: readonly Token[]): UnitResult[] {
    const units: UnitResult[] = [];
    let next = 0;
    for (const sentence of splitSentences(text)) {
      const inSentence: Token[] = [];
      while (next < tokens.length && (tokens[next]?.start ?? 0) < sentence.end) {
        const token = tokens[next];
        if (token !== undefined && token.start >= sentence.start) inSentence.push(token);
        next += 1;
      }
      if (inSentence.length > 0) units.push(this.unit(this.matcher.matchTokens(text, inSentence)));
    }
    return units.length > 0 ? units : [this.unit(this.matcher.matchTokens(text, []))];
  }

  /** The themes a unit earns on its own hits; `otherwise` themes are settled for the record. */
  private unit(evidence: ThemeEvidence[]): UnitResult {
    const themeIndexes: number[] = [];
    this.codebook.themes.forEach((theme, index) => {
      if (theme.otherwise) return;
      const hits = evidence[index]?.hits.length ?? 0;
      if (hits > 0 && hits >= theme.minHits) themeIndexes.push(index);
    });
    return { evidence, themeIndexes };
  }

  /** When nothing else matched: the `otherwise` themes whose own rules are met (or that have none). */
  private otherwiseThemes(units: readonly UnitResult[]): number[] {
    const chosen: number[] = [];
    this.codebook.themes.forEach((theme, index) => {
      if (!theme.otherwise) return;
      if (theme.rules.length === 0) {
        chosen.push(index);
        return;
      }
      if (units.some((unit) => (unit.evidence[index]?.hits.length ?? 0) >= theme.minHits && (unit.evidence[index]?.hits.length ?? 0) > 0)) {
        chosen.push(index);
      }
    });
    return this.codebook.assign === 'single' ? chosen.slice(0, 1) : chosen;
  }
}

/** The theme of a unit whose first hit comes first in the text; codebook order on a tie. */
function earliestTheme(unit: UnitResult): number | undefined {
  let best: number | undefined;
  let bestStart = Infinity;
  for (const index of unit.themeIndexes) {
    const start = unit.evidence[index]?.hits[0]?.start ?? Infinity;
    if (start < bestStart) {
      best = index;
      bestStart = start;
    }
  }
  return best;
}

/** The evidence of several units as one list per theme, in text order. */
function mergeEvidence(codebook: Codebook, units: readonly UnitResult[]): ThemeEvidence[] {
  return codebook.themes.map((theme, index) => ({
    themeId: theme.id,
    hits: units.flatMap((unit) => unit.evidence[index]?.hits ?? []),
    vetoed: units.flatMap((unit) => unit.evidence[index]?.vetoed ?? []),
  }));
}
