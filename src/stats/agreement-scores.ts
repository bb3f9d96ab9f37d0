/** How two codings of the same records agree on one label: the four cells of the 2×2 table. */
export interface ConfusionCounts {
  /** Records both codings put in the label. */
  truePositives: number;
  /** Records only the predicted coding put in the label. */
  falsePositives: number;
  /** Records only the reference (gold) coding put in the label. */
  falseNegatives: number;
  /** Records neither coding put in the label. */
  trueNegatives: number;
}

/** Precision, recall, F1 and Cohen's kappa of one label. */
export interface AgreementScores {
  /** tp / (tp + fp); 0 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 0 when the gold has none. */
  recall: number;
  /** 2·tp / (2·tp + fp + fn); 0 when neither coding has any. */
  f1: number;
  /**
   * Cohen's kappa of the two codings as yes/no judgements over every record: (po − pe) / (1 − pe).
   * When chance agreement is total (pe = 1: both codings say the same thing of every record) it is
   * 1 if they agree everywhere and 0 otherwise; 0 over no records at all, as every other score is.
   */
  kappa: number;
  /** Records in the label in the gold (tp + fn). */
  support: number;
}

/** An empty table, to count into. */
export function emptyConfusion(): ConfusionCounts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
}

/** Adds one record's outcome for a label to a table. */
export function countOutcome(counts: ConfusionCounts, predicted: boolean, gold: boolean): void {
  if (predicted && gold) counts.truePositives += 1;
  else if (predicted) counts.falsePositives += 1;
  else if (gold) counts.falseNegatives += 1;
  else counts.trueNegatives += 1;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** F1 from the three cells that define it; 0 when neither coding has any. */
export function f1Of(truePositives: number, falsePositives: number, falseNegatives: number): number {
  return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
}

/** The scores of one label from its table. */
export function agreementScores(counts: ConfusionCounts): AgreementScores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn } = counts;
  const total = tp + fp + fn + tn;
  const observed = total === 0 ? 0 : (tp + tn) / total;
  const chance = total === 0 ? 1 : ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (total * total);
  const kappa = chance >= 1 ? (observed >= 1 ? 1 : 0) : (observed - chance) / (1 - chance);
  return {
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: f1Of(tp, fp, fn),
    kappa,
    support: tp + fn,
  };
}

/**
 * Macro- and micro-averaged F1 over labels. Macro averages the F1 of the labels that either coding
 * uses (a label with no gold and no predicted record is left out); micro pools the cells of every
 * label first. Both are 0 when no label is used.
 */
export function averagedF1(tables: readonly ConfusionCounts[]): { macro: number; micro: number } {
  let sum = 0;
  let used = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const table of tables) {
    tp += table.truePositives;
    fp += table.falsePositives;
    fn += table.falseNegatives;
    if (table.truePositives + table.falsePositives + table.falseNegatives === 0) continue;
    sum += f1Of(table.truePositives, table.falsePositives, table.falseNegatives);
    used += 1;
  }
  return { macro: used === 0 ? 0 : sum / used, micro: f1Of(tp, fp, fn) };
}
