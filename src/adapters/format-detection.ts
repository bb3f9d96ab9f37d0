import type { FormatAdapter, SniffInput } from './format-adapter.js';

/** The lowest sniff score that counts as recognising a file whose extension no adapter claims. */
export const SNIFF_THRESHOLD = 0.5;

/** Why detection chose an adapter, for `--verbose` and the ingest summary. */
export type DetectionReason = 'format-flag' | 'extension' | 'content';

/** The chosen adapter and why; or null when nothing fits. */
export interface Detection {
  adapter: FormatAdapter;
  reason: DetectionReason;
}

/**
 * Picks the adapter for a file: the `--format` name if given; else the adapters claiming the
 * extension (the best sniff among them when several do, and when none recognises the content the
 * last of them, the generic reader, whose error then says what is wrong); else the best sniff
 * among all adapters.
 */
export function detectFormat(adapters: readonly FormatAdapter[], input: SniffInput, formatFlag?: string): Detection | null {
  if (formatFlag !== undefined) {
    const adapter = adapters.find((candidate) => candidate.name === formatFlag);
    return adapter === undefined ? null : { adapter, reason: 'format-flag' };
  }
  const byExtension = adapters.filter((candidate) => candidate.extensions.includes(input.extension));
  if (byExtension.length === 1 && byExtension[0] !== undefined) return { adapter: byExtension[0], reason: 'extension' };
  if (byExtension.length > 1) {
    const best = bestSniff(byExtension, input, 0) ?? byExtension[byExtension.length - 1];
    return best === undefined ? null : { adapter: best, reason: 'extension' };
  }
  const best = bestSniff(adapters, input, SNIFF_THRESHOLD);
  return best === null ? null : { adapter: best, reason: 'content' };
}

function bestSniff(adapters: readonly FormatAdapter[], input: SniffInput, threshold: number): FormatAdapter | null {
  let best: FormatAdapter | null = null;
  let bestScore = threshold;
  for (const adapter of adapters) {
    const score = adapter.sniff(input);
    if (score > bestScore) {
      best = adapter;
      bestScore = score;
    }
  }
  return best;
}
