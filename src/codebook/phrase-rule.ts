import { normaliseText } from '../text/normalise.js';
import type { PhraseRule, SourcePosition, WordTest } from './codebook.js';

/** The shortest prefix a `word*` wildcard may have, so that it cannot match nearly every word. */
export const MIN_PREFIX = 3;

/** How the words of an entry are compared with a text's words. */
export type WordMatching = 'stem' | 'exact';

/** A phrase rule, or why the entry cannot be one. */
export type CompiledPhrase = { rule: PhraseRule } | { problem: string; hint: string };

/**
 * Compiles one keyword, phrase or exact term with the same normaliser as record text. Words are
 * compared by Porter stem (`stem`) or as written, case-folded (`exact`). A word ending in `*` is a
 * prefix wildcard matched against one word, so no entry can make matching slow.
 */
export function compilePhrase(source: string, position: SourcePosition, matching: WordMatching): CompiledPhrase {
  const words: WordTest[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece.endsWith('*')) {
      const body = piece.slice(0, -1);
      const tokens = normaliseText(body).tokens;
      const last = tokens[tokens.length - 1];
      if (body.includes('*') || last === undefined || last.end !== body.trimEnd().length) {
        return { problem: 'has a * that is not at the end of a word', hint: 'a wildcard may only end a word: personalis*' };
      }
      for (const token of tokens.slice(0, -1)) words.push(wordTest(token.word, token.stem, matching));
      if (last.word.length < MIN_PREFIX) {
        return {
          problem: `has a wildcard prefix shorter than ${MIN_PREFIX} letters`,
          hint: 'lengthen the prefix so it does not match almost every word',
        };
      }
      words.push({ kind: 'prefix', prefix: last.word });
      continue;
    }
    if (piece.includes('*')) return { problem: 'has a * inside a word', hint: 'a wildcard may only end a word: personalis*' };
    for (const token of normaliseText(piece).tokens) words.push(wordTest(token.word, token.stem, matching));
  }
  if (words.length === 0) {
    return { problem: 'has no words to match', hint: 'URLs, e-mail addresses, @mentions and punctuation never match; use words' };
  }
  return { rule: { kind: 'phrase', source: source.trim(), position, words } };
}

function wordTest(word: string, stem: string, matching: WordMatching): WordTest {
  return matching === 'stem' ? { kind: 'stem', stem } : { kind: 'exact', word };
}

/** A key that is equal for two phrases exactly when they match the same words. */
export function phraseSignature(rule: Pick<PhraseRule, 'words'>): string {
  return rule.words
    .map((test) => (test.kind === 'stem' ? `s:${test.stem}` : test.kind === 'exact' ? `e:${test.word}` : `p:${test.prefix}`))
    .join(' ');
}
