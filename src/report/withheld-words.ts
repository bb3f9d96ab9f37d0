import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';
import { compareCodeUnits } from './code-unit-order.js';
import type { TextRedactor } from './text-redactor.js';

/**
 * One pattern matching any of `words` as written (any letter case, any spacing between their
 * words, never inside a longer word), longest first; null when there are none. What a report and
 * its CSV withhold from published text: the hits of keywords that name a person.
 */
export function wordsPattern(words: Iterable<string>): RegExp | null {
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length || compareCodeUnits(a, b))
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+'));
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/** A published text with every match of `pattern` ({@link wordsPattern}) withheld as `[name]`, and how many were. */
export function withheldWords(text: string, pattern: RegExp | null): { text: string; withheld: number } {
  if (pattern === null) return { text, withheld: 0 };
  let withheld = 0;
  const replaced = text.replace(pattern, () => {
    withheld += 1;
    return REDACTION_TOKENS.name;
  });
  return { text: replaced, withheld };
}

/**
 * `redact`, then every word of `words` withheld as `[name]` (counted as names) in a text whose
 * names are redacted: the redactor under which a CSV of a store prints what its report prints,
 * given the words that report withholds as names (its `trace.nameWords`), which only the
 * whole store shows (`kaelynn`, a name no lexicon lists, once some answer wrote it as a name). An
 * author printed with `--authors` (`names: false`) is left as `redact` leaves it.
 */
export function withholdingWords(redact: TextRedactor, words: Iterable<string>): TextRedactor {
  const pattern = wordsPattern(words);
  if (pattern === null) return redact;
  return (text, options) => {
    const redacted = redact(text, options);
    if (options?.names === false) return redacted;
    const kept = withheldWords(redacted.text, pattern);
    if (kept.withheld === 0) return redacted;
    return { text: kept.text, counts: { ...redacted.counts, name: (redacted.counts['name'] ?? 0) + kept.withheld } };
  };
}
