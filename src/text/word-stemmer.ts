import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';

const cache = new Map<string, string>();

/** The most stems kept in memory; a corpus rarely has more distinct words. */
const CACHE_LIMIT = 500_000;

/** The Porter stem of a lower-case word (natural's PorterStemmer), memoised. */
export function stemWord(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = PorterStemmer.stem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
