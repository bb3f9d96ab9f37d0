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
 * last of them, the generic reader, whose error then says what is wrong); for a generic text
 * extension (`.txt`) whose claimers do not recognise the content, the best sniff among all
 * adapters comes first; with no claimer, the best sniff among all adapters.
 */
export function detectFormat(adapters: readonly FormatAdapter[], input: SniffInput, formatFlag?: string): Detection | null {
  if (formatFlag !== undefined) {
    const adapter = adapters.find((candidate) => candidate.name === formatFlag);
    return adapter === undefined ? null : { adapter, reason: 'format-flag' };
  }
  const byExtension = adapters.filter((candidate) => candidate.extensions.includes(input.extension));
  if (byExtension.length === 1 && byExtension[0] !== undefined && !GENERIC_EXTENSIONS.has(input.extension)) {
    return { adapter: byExtension[0], reason: 'extension' };
  }
  if (byExtension.length > 0) {
    const claimed = bestSniff(byExtension, input, 0);
    if (claimed !== null && claimed.score >= SNIFF_THRESHOLD) return { adapter: claimed.adapter, reason: 'extension' };
    if (GENERIC_EXTENSIONS.has(input.extension)) {
      const byContent = bestSniff(adapters, input, SNIFF_THRESHOLD);
      if (byContent !== null) return { adapter: byContent.adapter, reason: 'content' };
    }
    const fallback = claimed?.adapter ?? byExtension[byExtension.length - 1];
    return fallback === undefined ? null : { adapter: fallback, reason: 'extension' };
  }
  const best = bestSniff(adapters, input, SNIFF_THRESHOLD);
  return best === null ? null : { adapter: best.adapter, reason: 'content' };
}

/**
 * Extensions that say only "text": a file named `.txt` (`responses.csv.txt`, a table saved by a
 * mail client or a download) is read by whatever its content is, and by the text formats only
 * when nothing else recognises it.
 */
const GENERIC_EXTENSIONS = new Set(['.txt', '.text', '']);

function bestSniff(
  adapters: readonly FormatAdapter[],
  input: SniffInput,
  threshold: number,
): { adapter: FormatAdapter; score: number } | null {
  let best: { adapter: FormatAdapter; score: number } | null = null;
  let bestScore = threshold;
  for (const adapter of adapters) {
    const score = adapter.sniff(input);
    if (score > bestScore) {
      best = { adapter, score };
      bestScore = score;
    }
  }
  return best;
}
