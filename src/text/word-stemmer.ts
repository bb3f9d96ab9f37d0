import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/**
 * How many stems one generation of the memo holds. The memo keeps two generations: words used in
 * the last one are carried into the next, so everyday words stay memoised however long the corpus,
 * while the long tail of names, typos and rare words is dropped with the old generation. Memory
 * stays bounded at two generations (about 5 MB).
 */
export const STEM_CACHE_LIMIT = 20_000;

/** A memoised Porter stemmer whose memo holds at most two generations of `limit` words. */
export function createWordStemmer(limit: number): (word: string) => string {
  let recent = new Map<string, string>();
  let older = new Map<string, string>();
  return (word) => {
    const cached = recent.get(word);
    if (cached !== undefined) return cached;
    const stem = older.get(word) ?? PorterStemmer.stem(word);
    if (recent.size >= limit) {
      older = recent;
      recent = new Map();
    }
    recent.set(word, stem);
    return stem;
  };
}

/** The Porter stem of a lower-case word (natural's PorterStemmer), memoised: the stemmer matching uses. */
export const stemWord: (word: string) => string = createWordStemmer(STEM_CACHE_LIMIT);
