import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';
import { compareCodeUnits } from './code-unit-order.js';

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
