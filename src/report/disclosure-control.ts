import type { PublishPolicy } from '../codebook/codebook.js';
import { listedInWords } from '../text/listed-in-words.js';

/**
 * The small-number rule for published counts (statistical disclosure control, as ONS and DHSC
 * apply it to consultation figures).
 *
 * - `minCount`: a cell of a breakdown (a theme split by channel, question, source or month; a
 *   co-occurrence cell; a diff cell) that counts 1 to `minCount - 1` records is not shown: it is
 *   published as "fewer than `minCount`". Zero stays zero (nobody is described by it).
 * - `roundTo`: when set, every shown cell is rounded to the nearest multiple (halves up); a
 *   cell that would round to 0 but is not 0 is suppressed instead.
 *
 * Headline totals (a theme's records, the store's records) are shown exactly.
 */
export interface DisclosureRule {
  /** Cells from 1 to `minCount - 1` are suppressed. 1 turns suppression off. */
  minCount: number;
  /** Shown cells are rounded to a multiple of this, or shown exactly when null. */
  roundTo: number | null;
  /**
   * The words for shares in the key findings (`publish: quantifiers:`); none when the codebook
   * does not declare them, and the findings give numbers only.
   */
  quantifiers?: Quantifiers;
}

/**
 * The rule of a codebook's `publish:` section (`min_count`, `round_to`, `quantifiers`), as the
 * report applies it.
 */
export function disclosureRuleOf(publish: PublishPolicy): DisclosureRule {
  if (publish.quantifiers === null) return { minCount: publish.minCount, roundTo: publish.roundTo };
  const { aFew, some, many, most } = publish.quantifiers;
  return { minCount: publish.minCount, roundTo: publish.roundTo, quantifiers: { 'a few': aFew, some, many, most } };
}

/**
 * A breakdown of counts keyed by name, protected as a partition of its total
 * ({@link protectBreakdown}), for views that hold counts as a list of entries.
 */
export function protectEntries<K>(entries: readonly { key: K; count: number }[], rule: DisclosureRule): { key: K; cell: ProtectedCell }[] {
  const cells = protectBreakdown(
    entries.map((entry) => entry.count),
    rule,
  );
  return entries.map((entry, index) => ({ key: entry.key, cell: cells[index] ?? protectCell(entry.count, rule) }));
}

/** The rule when the codebook's `publish:` section says nothing: cells under 5 suppressed, no rounding. */
export const DEFAULT_DISCLOSURE_RULE: DisclosureRule = Object.freeze({ minCount: 5, roundTo: null });

/**
 * One protected cell:
 * - `shown`: `value` may be published (rounded when the rule rounds);
 * - `suppressed`: publish "fewer than `below`"; `reason` is `small` for a cell under the minimum
 *   and `secondary` for a cell hidden only so that a small one cannot be worked out by subtraction
 *   (its true value may be larger than `below`; it is then published as "suppressed").
 */
export type ProtectedCell =
  | { kind: 'shown'; value: number }
  | { kind: 'suppressed'; reason: 'small'; below: number }
  | { kind: 'suppressed'; reason: 'secondary'; below: number };

/**
 * Protects the cells of one breakdown whose total is published (a theme's records split by
 * channel: the theme's total is on the page, so the cells must not give a small one away).
 *
 * Primary suppression hides every cell from 1 to `minCount - 1`. Secondary suppression then
 * makes sure no suppressed cell can be recovered by subtracting the shown cells from the
 * published total: when exactly one cell of the breakdown is suppressed and the cells add up to
 * the total (`partition`, the default), the smallest other non-zero cell (the first one on a tie)
 * is suppressed too. When the only non-zero cell is the small one, it equals the headline total,
 * which is shown by design; that is left as it is.
 *
 * Cells that overlap (themes, where one record can be in several) are not a partition: pass
 * `partition: false` and only primary suppression applies.
 *
 * Pure and deterministic; the result has one entry per input cell, in the same order.
 *
 * @param cells the exact counts, in display order.
 * @param rule the small-number rule (the codebook's `publish:` section).
 * @param options `partition: false` when the cells need not add up to a published total.
 */
export function protectBreakdown(
  cells: readonly number[],
  rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE,
  options: { partition?: boolean } = {},
): ProtectedCell[] {
  const result = cells.map((value) => protectCell(value, rule));
  if (options.partition === false) return result;
  hideSecondCell(cells, result, rule);
  return result;
}

/**
 * Secondary suppression of a partition whose cells are protected one by one: when exactly one
 * cell is hidden, hides the smallest other non-zero shown cell (the first one on a tie), in place.
 */
function hideSecondCell(cells: readonly number[], result: ProtectedCell[], rule: DisclosureRule): void {
  const suppressed = result.filter((cell) => cell.kind === 'suppressed').length;
  if (suppressed !== 1) return;
  let partner = -1;
  cells.forEach((value, index) => {
    const cell = result[index];
    if (cell === undefined || cell.kind !== 'shown' || value === 0) return;
    const best = partner === -1 ? undefined : cells[partner];
    if (best === undefined || value < best) partner = index;
  });
  if (partner !== -1) result[partner] = { kind: 'suppressed', reason: 'secondary', below: rule.minCount };
}

/** One row of a table of records and the distinct voices that sent them, as {@link protectReach} publishes it. */
export interface ProtectedReach<K> {
  key: K;
  records: ProtectedCell;
  voices: ProtectedCell;
}

/**
 * Protects a table of records and the distinct voices that sent them, row by row (all records and
 * voices by channel). The records column is protected exactly as {@link protectEntries} protects
 * it alone. The voices column is a partition of the published voices total too: its small cells
 * are hidden, and so is every row's voices whose records are hidden (a row's voices are at least 1
 * and at most its records, so a shown voice count would bound the hidden records count); when that
 * leaves a single hidden voice cell, one more is hidden, as {@link protectBreakdown} does. Hidden
 * voices beside shown records give nothing away: records only bound voices from above.
 */
export function protectReach<K>(
  rows: readonly { key: K; count: number; voices: number }[],
  rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE,
): ProtectedReach<K>[] {
  const records = protectBreakdown(
    rows.map((row) => row.count),
    rule,
  );
  const voices = protectVoices(
    records,
    rows.map((row) => row.voices),
    rule,
  );
  return rows.map((row, index) => ({
    key: row.key,
    records: records[index] ?? protectCell(row.count, rule),
    voices: voices[index] ?? protectCell(row.voices, rule),
  }));
}

/**
 * Protects the distinct voices beside a partition's protected records, row by row (the voices of
 * each respondent group beside its records), as {@link protectReach} protects its voices column:
 * small cells hidden, every row's voices hidden where its records are, and one more where that
 * leaves a single hidden voice cell.
 *
 * @param records the rows' records, already protected.
 * @param voices the rows' exact voices, in the same order.
 */
export function protectVoices(
  records: readonly ProtectedCell[],
  voices: readonly number[],
  rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE,
): ProtectedCell[] {
  const result = voices.map((value, index): ProtectedCell => {
    const cell = protectCell(value, rule);
    return cell.kind === 'shown' && records[index]?.kind === 'suppressed'
      ? { kind: 'suppressed', reason: 'secondary', below: rule.minCount }
      : cell;
  });
  hideSecondCell(voices, result, rule);
  return result;
}

/**
 * Protects one count on its own (primary suppression and rounding only): a cell shown alone,
 * such as how many people sent one campaign.
 */
export function protectCell(value: number, rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE): ProtectedCell {
  if (value > 0 && value < rule.minCount) return { kind: 'suppressed', reason: 'small', below: rule.minCount };
  if (rule.roundTo === null || rule.roundTo <= 1) return { kind: 'shown', value };
  const rounded = Math.floor(value / rule.roundTo + 0.5) * rule.roundTo;
  if (rounded === 0 && value > 0) return { kind: 'suppressed', reason: 'small', below: Math.max(rule.minCount, rule.roundTo) };
  return { kind: 'shown', value: rounded };
}

/** A protected cell in words: `12`, `fewer than 5`, or `suppressed` (a secondary suppression). */
export function describeCell(cell: ProtectedCell): string {
  if (cell.kind === 'shown') return String(cell.value);
  return cell.reason === 'small' ? `fewer than ${cell.below}` : 'suppressed';
}

/**
 * A protected cell as JSON: the number when shown, else `{ "suppressed": "small", "fewer_than": 5 }`
 * or `{ "suppressed": "secondary" }`, so no machine-readable view carries the hidden value.
 */
export function cellToJson(cell: ProtectedCell): number | { suppressed: 'small'; fewer_than: number } | { suppressed: 'secondary' } {
  if (cell.kind === 'shown') return cell.value;
  return cell.reason === 'small' ? { suppressed: 'small', fewer_than: cell.below } : { suppressed: 'secondary' };
}

/** The rule in one sentence, for a report's methods section. */
export function describeDisclosureRule(rule: DisclosureRule, options: { groups?: boolean } = {}): string {
  const parts: string[] = [];
  const dimensions =
    options.groups === true ? 'channel, question, source, respondent group or month' : 'channel, question, source or month';
  if (rule.minCount > 1) {
    parts.push(
      `counts of 1 to ${rule.minCount - 1} in a table (by ${dimensions}, themes raised together, words that stand out) are shown as "fewer than ${rule.minCount}", and one more cell is hidden ("suppressed") where a small count could otherwise be worked out from a total or a parent theme`,
    );
  }
  if (rule.roundTo !== null && rule.roundTo > 1) parts.push(`those counts are rounded to the nearest ${rule.roundTo}`);
  if (parts.length === 0) return 'Small numbers: every count is shown exactly.';
  return `Small numbers: ${parts.join('; ')}. Theme totals are shown exactly.`;
}

/**
 * The rule as the reader needs it before the first table, in plain words: why some counts are
 * not shown and what "fewer than 5", "suppressed" and "—" mean; null when the rule hides and
 * rounds nothing.
 */
export function smallNumbersNote(rule: DisclosureRule): string | null {
  const hides = rule.minCount > 1;
  const rounds = rule.roundTo !== null && rule.roundTo > 1;
  if (!hides && !rounds) return null;
  const parts: string[] = [];
  if (hides) {
    parts.push(
      `To protect the people who gave feedback, the tables show a count of 1 to ${rule.minCount - 1} as “fewer than ${rule.minCount}”, and show “suppressed” where a count is hidden so that a small one cannot be worked out from the others; a share is “—” when its count is hidden.`,
    );
  }
  if (rounds) parts.push(`${hides ? 'Other counts' : 'Counts'} in the tables are rounded to the nearest ${rule.roundTo}.`);
  parts.push('Each theme’s total is shown exactly.');
  return parts.join(' ');
}

/**
 * Plain-language words for a share of the feedback, each with the smallest share it needs
 * (declared in `publish: quantifiers:`), e.g. `{ 'a few': 0, some: 0.1, many: 0.3, most: 0.5 }`.
 */
export type Quantifiers = Readonly<Record<string, number>>;

/** The thresholds {@link quantify} uses when given none (the codebook's defaults for `publish: quantifiers:`). */
export const DEFAULT_QUANTIFIERS: Quantifiers = Object.freeze({ 'a few': 0, some: 0.1, many: 0.3, most: 0.5 });

/**
 * The word for a share (0 to 1): the quantifier with the highest threshold the share reaches, or
 * null for a share of 0 or when no threshold is reached.
 */
export function quantify(share: number, quantifiers: Quantifiers = DEFAULT_QUANTIFIERS): string | null {
  if (share <= 0) return null;
  let best: { word: string; threshold: number } | null = null;
  for (const [word, threshold] of Object.entries(quantifiers)) {
    if (share >= threshold && (best === null || threshold > best.threshold)) best = { word, threshold };
  }
  return best === null ? null : best.word;
}

function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/**
 * What each word for a share means, for a report's methods section: `“a few” means under 10% of
 * the records, “some” 10% to under 30%, “many” 30% to under 50% and “most” 50% or more`; a word
 * no share can reach (a threshold above 100%) is left out, and null when none is left.
 */
export function describeQuantifiers(quantifiers: Quantifiers): string | null {
  const words = Object.entries(quantifiers)
    .filter(([, threshold]) => threshold <= 1)
    .sort((a, b) => a[1] - b[1]);
  const parts = words.map(([word, from], index) => {
    const next = words[index + 1]?.[1];
    const range =
      next === undefined ? `${percent(from)} or more` : from <= 0 ? `under ${percent(next)}` : `${percent(from)} to under ${percent(next)}`;
    return index === 0 ? `“${word}” means ${range} of the records` : `“${word}” ${range}`;
  });
  if (parts.length === 0) return null;
  return `Words for shares in the key findings: ${listedInWords(parts)}.`;
}
