import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';

const cache = new Map<string, string>();

/**
 * The most stems kept in memory. Enough for the everyday words that make up most of any text;
 * the long tail of names, typos and rare words would otherwise grow the cache (and the heap)
 * with the corpus, so when it is full it starts again and rare words are stemmed again.
 */
export const STEM_CACHE_LIMIT = 50_000;

/** The Porter stem of a lower-case word (natural's PorterStemmer), memoised. */
export function stemWord(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = PorterStemmer.stem(word);
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
