import { averagedF1, emptyConfusion, type ConfusionCounts } from './agreement-scores.js';
import { BOOTSTRAP_SEED, seededRandom } from './seeded-random.js';

/** One record coded twice: the labels (indices) the predicted coding gives it and those the gold gives it. */
export interface CodedPair {
  predicted: readonly number[];
  gold: readonly number[];
}

/** A 95% percentile interval of macro- and micro-F1. */
export interface F1Intervals {
  macro: [number, number];
  micro: [number, number];
}

/** How many resamples {@link bootstrapF1Intervals} draws unless told otherwise. */
export const BOOTSTRAP_RESAMPLES = 1000;

/** The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}

/**
 * Percentile bootstrap 95% intervals of macro- and micro-F1: `resamples` times, draw as many
 * records as there are, with replacement (a seeded generator, {@link BOOTSTRAP_SEED} by default,
 * so the interval is the same on every run), score the draw, and take the 2.5th and 97.5th
 * percentiles of the scores.
 */
export function bootstrapF1Intervals(
  pairs: readonly CodedPair[],
  labelCount: number,
  options: { resamples?: number; seed?: number } = {},
): F1Intervals {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const random = seededRandom(options.seed ?? BOOTSTRAP_SEED);
  const macros: number[] = [];
  const micros: number[] = [];
  if (pairs.length === 0) return { macro: [0, 0], micro: [0, 0] };
  for (let draw = 0; draw < resamples; draw += 1) {
    const tables: ConfusionCounts[] = Array.from({ length: labelCount }, emptyConfusion);
    for (let pick = 0; pick < pairs.length; pick += 1) {
      const pair = pairs[Math.floor(random() * pairs.length)];
      if (pair !== undefined) tally(tables, pair);
    }
    const { macro, micro } = averagedF1(tables);
    macros.push(macro);
    micros.push(micro);
  }
  macros.sort((a, b) => a - b);
  micros.sort((a, b) => a - b);
  return {
    macro: [quantile(macros, 0.025), quantile(macros, 0.975)],
    micro: [quantile(micros, 0.025), quantile(micros, 0.975)],
  };
}

function tally(tables: ConfusionCounts[], pair: CodedPair): void {
  for (const label of pair.predicted) {
    const table = tables[label];
    if (table === undefined) continue;
    if (pair.gold.includes(label)) table.truePositives += 1;
    else table.falsePositives += 1;
  }
  for (const label of pair.gold) {
    const table = tables[label];
    if (table !== undefined && !pair.predicted.includes(label)) table.falseNegatives += 1;
  }
}
