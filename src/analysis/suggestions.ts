import type { Codebook } from '../codebook/codebook.js';
import { f1Of } from '../stats/agreement-scores.js';
import { seededRandom, BOOTSTRAP_SEED } from '../stats/seeded-random.js';
import { WrittenForms } from '../stats/written-forms.js';
import { keywordsOfTheme } from './coded-record.js';
import { rounded, type EvaluatedRecord } from './evaluation.js';

/** One change to the codebook, with what it does on the gold. */
export interface Suggestion {
  theme: string;
  action: 'add' | 'drop';
  /** The keyword or two-word phrase to add, or the keyword to drop, as it would be written. */
  keyword: string;
  /** For `add`: the share of gold records holding the term that the gold puts in the theme; for `drop`: the keyword's precision. */
  precision: number;
  /** Gold records holding the term (`add`) or hit by the keyword (`drop`). */
  support: number;
  /** The change in the theme's F1 on the whole gold when this change is made after the ones above it. */
  delta_f1: number;
}

/** How the suggestions were chosen, and what choosing them this way is worth on records they were not drawn from. */
export interface SuggestionMethod {
  /** Folds of the cross-validation. */
  folds: number;
  /** A change is suggested only when it was chosen in at least this many folds' training records. */
  min_folds: number;
  /** Macro-F1 over the held-out folds (each scored with the changes chosen without it): [before, after]. */
  cross_validated_macro_f1: [number, number];
}

/** Suggestions and how they were chosen. */
export interface SuggestionResult {
  suggestions: Suggestion[];
  method: SuggestionMethod;
}

/** Cross-validation folds. */
export const SUGGESTION_FOLDS = 5;
/** At most this many changes per theme. */
const MAX_CHANGES_PER_THEME = 8;
/** A term is a candidate only when at least this many training records of the theme hold it. */
const MIN_THEME_RECORDS = 5;
/**
 * A term is a candidate only when the share of its training records that are the theme's is at
 * least this many times the theme's share of all training records: a term nearly every record
 * holds (`gambling` in a consultation on gambling adverts) says nothing of any theme, however
 * much recall adding it buys a theme whose keywords miss.
 */
const MIN_LIFT = 1.5;
/**
 * A keyword is a candidate to drop only when it hits at least this many training records (as a
 * term to add must be held by {@link MIN_THEME_RECORDS} of the theme's): a keyword judged on one
 * or two records is dropped for the coding's accidents as often as for its own.
 */
const MIN_DROP_HITS = MIN_THEME_RECORDS;
/** A change must raise the theme's F1 on the training records by more than this. */
const MIN_GAIN = 0.002;

type Change = { action: 'add'; key: string; keyword: string } | { action: 'drop'; keyword: string };

const changeId = (change: Change): string => `${change.action}\u0000${change.action === 'add' ? change.key : change.keyword}`;

interface ThemeState {
  predicted: boolean[];
  addedCover: boolean[];
  dropped: Set<string>;
}

/**
 * Suggests keywords to add (words and two-word phrases of the gold's records) and keywords to drop,
 * per theme, ranked by the change in the theme's F1. Chosen to generalise, not to memorise:
 *
 * 1. the gold records are shuffled with a seeded generator ({@link BOOTSTRAP_SEED}) and dealt into
 *    {@link SUGGESTION_FOLDS} folds;
 * 2. for each fold, changes are chosen greedily on the other folds (each step takes the change that
 *    raises the theme's F1 most, until none raises it by more than 0.002, at most 8 per theme),
 *    and the fold itself is scored before and after them;
 * 3. a change is suggested only when it was chosen in a majority of the folds; those are ordered
 *    by a last greedy pass over all the gold records, which gives each its `delta_f1`.
 */
export function suggestChanges(codebook: Codebook, records: readonly EvaluatedRecord[]): SuggestionResult {
  const postings = new Map<string, number[]>();
  const written = new WrittenForms();
  records.forEach((record, index) => {
    for (const term of record.terms) {
      const list = postings.get(term.key) ?? [];
      postings.set(term.key, list);
      list.push(index);
      written.note(term.key, term.written);
    }
  });
  const taken = keysOfOtherThemes(codebook);
  const folds = dealFolds(records.length);
  const minFolds = Math.floor(SUGGESTION_FOLDS / 2) + 1;
  const suggestions: Suggestion[] = [];
  const heldOut: { before: number; after: number }[] = [];
  for (const theme of codebook.themes) {
    const chosenCount = new Map<string, number>();
    const cells = { before: { tp: 0, fp: 0, fn: 0 }, after: { tp: 0, fp: 0, fn: 0 } };
    for (let fold = 0; fold < SUGGESTION_FOLDS; fold += 1) {
      const training = folds.map((value) => value !== fold);
      const chosen = greedyChanges(theme.id, keywordsOfTheme(theme), records, training, postings, written, null, taken.get(theme.id));
      for (const step of chosen) chosenCount.set(changeId(step.change), (chosenCount.get(changeId(step.change)) ?? 0) + 1);
      const testing = folds.map((value) => value === fold);
      const state = initialState(theme.id, records);
      addCells(cells.before, theme.id, records, testing, state.predicted);
      for (const step of chosen) applyChange(state, step.change, theme.id, records, postings);
      addCells(cells.after, theme.id, records, testing, state.predicted);
    }
    const stable = new Set([...chosenCount].filter(([, count]) => count >= minFolds).map(([id]) => id));
    const final = greedyChanges(theme.id, keywordsOfTheme(theme), records, null, postings, written, stable, taken.get(theme.id));
    for (const step of final) suggestions.push(describe(theme.id, step.change, step.gain, records, postings));
    heldOut.push({
      before: f1Of(cells.before.tp, cells.before.fp, cells.before.fn),
      after: f1Of(cells.after.tp, cells.after.fp, cells.after.fn),
    });
  }
  const used = heldOut.filter((_, index) => {
    const id = codebook.themes[index]?.id ?? '';
    return records.some((record) => record.gold.has(id) || record.predicted.has(id));
  });
  const mean = (values: readonly number[]): number =>
    values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    suggestions,
    method: {
      folds: SUGGESTION_FOLDS,
      min_folds: minFolds,
      cross_validated_macro_f1: [rounded(mean(used.map((entry) => entry.before))), rounded(mean(used.map((entry) => entry.after)))],
    },
  };
}

/**
 * Per theme, the terms (stems joined by spaces, as termsOf keys them) that other themes' keywords
 * match: adding one, or a phrase holding one, would put the same words in two themes, which the
 * codebook loader warns about on every run.
 */
function keysOfOtherThemes(codebook: Codebook): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const theme of codebook.themes)
    for (const rule of theme.rules) {
      if (rule.kind !== 'phrase' || !rule.words.every((word) => word.kind === 'stem')) continue;
      const key = rule.words.flatMap((word) => (word.kind === 'stem' ? [word.stem] : [])).join(' ');
      const set = owners.get(key) ?? new Set<string>();
      owners.set(key, set);
      set.add(theme.id);
    }
  return new Map(
    codebook.themes.map((theme) => [
      theme.id,
      new Set([...owners].filter(([, themes]) => [...themes].some((id) => id !== theme.id)).map(([key]) => key)),
    ]),
  );
}

/** Deals record indices into folds: a seeded shuffle, then round robin, so the split is the same on every run. */
function dealFolds(count: number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  const random = seededRandom(BOOTSTRAP_SEED);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  const folds = new Array<number>(count).fill(0);
  order.forEach((recordIndex, position) => {
    folds[recordIndex] = position % SUGGESTION_FOLDS;
  });
  return folds;
}

function initialState(themeId: string, records: readonly EvaluatedRecord[]): ThemeState {
  return {
    predicted: records.map((record) => record.predicted.has(themeId)),
    addedCover: records.map(() => false),
    dropped: new Set(),
  };
}

function addCells(
  cells: { tp: number; fp: number; fn: number },
  themeId: string,
  records: readonly EvaluatedRecord[],
  mask: readonly boolean[],
  predicted: readonly boolean[],
): void {
  records.forEach((record, index) => {
    if (!mask[index]) return;
    const gold = record.gold.has(themeId);
    if (predicted[index] && gold) cells.tp += 1;
    else if (predicted[index]) cells.fp += 1;
    else if (gold) cells.fn += 1;
  });
}

/** True when a record's hits for the theme all come from dropped keywords. */
function onlyDropped(record: EvaluatedRecord, themeId: string, dropped: ReadonlySet<string>): boolean {
  const keywords = record.keywords.get(themeId);
  if (keywords === undefined || keywords.size === 0) return false;
  for (const keyword of keywords) if (!dropped.has(keyword)) return false;
  return true;
}

function applyChange(
  state: ThemeState,
  change: Change,
  themeId: string,
  records: readonly EvaluatedRecord[],
  postings: ReadonlyMap<string, number[]>,
): void {
  if (change.action === 'add') {
    for (const index of postings.get(change.key) ?? []) {
      state.predicted[index] = true;
      state.addedCover[index] = true;
    }
    return;
  }
  state.dropped.add(change.keyword);
  records.forEach((record, index) => {
    if (state.predicted[index] && !state.addedCover[index] && onlyDropped(record, themeId, state.dropped)) state.predicted[index] = false;
  });
}

function greedyChanges(
  themeId: string,
  keywords: readonly string[],
  records: readonly EvaluatedRecord[],
  training: readonly boolean[] | null,
  postings: ReadonlyMap<string, number[]>,
  written: WrittenForms,
  allowed: ReadonlySet<string> | null,
  elsewhere: ReadonlySet<string> = new Set(),
): { change: Change; gain: number }[] {
  const inTraining = (index: number): boolean => training === null || training[index] === true;
  const state = initialState(themeId, records);
  const cells = { tp: 0, fp: 0, fn: 0 };
  addCells(cells, themeId, records, training ?? records.map(() => true), state.predicted);
  const keywordKeys = new Set(keywords.map((keyword) => keyword.toLowerCase()));
  let trainingRecords = 0;
  let trainingInTheme = 0;
  records.forEach((record, index) => {
    if (!inTraining(index)) return;
    trainingRecords += 1;
    if (record.gold.has(themeId)) trainingInTheme += 1;
  });
  const candidates: Change[] = [];
  for (const [key, list] of postings) {
    let inTheme = 0;
    let held = 0;
    for (const index of list) {
      if (!inTraining(index)) continue;
      held += 1;
      if (records[index]?.gold.has(themeId)) inTheme += 1;
    }
    const keyword = written.get(key) ?? key;
    if (
      inTheme < MIN_THEME_RECORDS ||
      inTheme * trainingRecords < MIN_LIFT * trainingInTheme * held ||
      keywordKeys.has(keyword) ||
      [...elsewhere].some((other) => ` ${key} `.includes(` ${other} `))
    )
      continue;
    const change: Change = { action: 'add', key, keyword };
    if (allowed === null || allowed.has(changeId(change))) candidates.push(change);
  }
  const hitsOf = new Map<string, number>();
  records.forEach((record, index) => {
    if (!inTraining(index)) return;
    for (const keyword of record.keywords.get(themeId) ?? []) hitsOf.set(keyword, (hitsOf.get(keyword) ?? 0) + 1);
  });
  for (const keyword of keywords) {
    if ((hitsOf.get(keyword) ?? 0) < MIN_DROP_HITS) continue;
    const change: Change = { action: 'drop', keyword };
    if (allowed === null || allowed.has(changeId(change))) candidates.push(change);
  }
  candidates.sort((a, b) => (changeId(a) < changeId(b) ? -1 : 1));
  const chosen: { change: Change; gain: number }[] = [];
  const used = new Set<string>();
  while (chosen.length < MAX_CHANGES_PER_THEME) {
    const current = f1Of(cells.tp, cells.fp, cells.fn);
    let best: { change: Change; gain: number; delta: { tp: number; fp: number; fn: number } } | null = null;
    for (const change of candidates) {
      if (used.has(changeId(change))) continue;
      const delta = effectOf(change, state, themeId, records, postings, inTraining);
      const gain = f1Of(cells.tp + delta.tp, cells.fp + delta.fp, cells.fn + delta.fn) - current;
      if (gain > MIN_GAIN && (best === null || preferred(change, gain, best, postings))) best = { change, gain, delta };
    }
    if (best === null) break;
    used.add(changeId(best.change));
    cells.tp += best.delta.tp;
    cells.fp += best.delta.fp;
    cells.fn += best.delta.fn;
    applyChange(state, best.change, themeId, records, postings);
    chosen.push({ change: best.change, gain: best.gain });
  }
  return chosen;
}

/**
 * True when a change beats the best so far: a larger gain; on a tie, the term held by more records
 * (it generalises), then one word before a phrase, then the order of the candidates (by key).
 */
function preferred(change: Change, gain: number, best: { change: Change; gain: number }, postings: ReadonlyMap<string, number[]>): boolean {
  if (gain > best.gain + 1e-9) return true;
  if (gain < best.gain - 1e-9) return false;
  const support = (entry: Change): number => (entry.action === 'add' ? (postings.get(entry.key)?.length ?? 0) : 0);
  if (support(change) !== support(best.change)) return support(change) > support(best.change);
  const words = (entry: Change): number => entry.keyword.split(' ').length;
  return words(change) < words(best.change);
}

function effectOf(
  change: Change,
  state: ThemeState,
  themeId: string,
  records: readonly EvaluatedRecord[],
  postings: ReadonlyMap<string, number[]>,
  inTraining: (index: number) => boolean,
): { tp: number; fp: number; fn: number } {
  const delta = { tp: 0, fp: 0, fn: 0 };
  if (change.action === 'add') {
    for (const index of postings.get(change.key) ?? []) {
      if (!inTraining(index) || state.predicted[index]) continue;
      if (records[index]?.gold.has(themeId)) {
        delta.tp += 1;
        delta.fn -= 1;
      } else delta.fp += 1;
    }
    return delta;
  }
  const dropped = new Set([...state.dropped, change.keyword]);
  records.forEach((record, index) => {
    if (!inTraining(index) || !state.predicted[index] || state.addedCover[index] || !onlyDropped(record, themeId, dropped)) return;
    if (record.gold.has(themeId)) {
      delta.tp -= 1;
      delta.fn += 1;
    } else delta.fp -= 1;
  });
  return delta;
}

function describe(
  themeId: string,
  change: Change,
  gain: number,
  records: readonly EvaluatedRecord[],
  postings: ReadonlyMap<string, number[]>,
): Suggestion {
  let support = 0;
  let right = 0;
  if (change.action === 'add') {
    for (const index of postings.get(change.key) ?? []) {
      support += 1;
      if (records[index]?.gold.has(themeId)) right += 1;
    }
  } else {
    for (const record of records) {
      if (!record.keywords.get(themeId)?.has(change.keyword)) continue;
      support += 1;
      if (record.gold.has(themeId)) right += 1;
    }
  }
  return {
    theme: themeId,
    action: change.action,
    keyword: change.keyword,
    precision: rounded(support === 0 ? 0 : right / support),
    support,
    delta_f1: rounded(gain),
  };
}
