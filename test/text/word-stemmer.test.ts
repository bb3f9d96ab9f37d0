import { describe, expect, it } from '@jest/globals';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { STEM_CACHE_LIMIT, stemWord } from '../../src/text/word-stemmer.js';

describe('stemWord', () => {
  it('gives the Porter stem', () => {
    expect(['carers', 'budgets', 'involvement', 'co'].map(stemWord)).toEqual(['carer', 'budget', 'involv', 'co']);
  });

  it('still gives the Porter stem after more distinct words than the cache holds', () => {
    const words = Array.from({ length: STEM_CACHE_LIMIT + 10 }, (_value, index) => `respite${index.toString(36)}ing`);
    for (const word of words) stemWord(word);
    for (const word of [...words.slice(0, 5), ...words.slice(-5), 'carers']) expect(stemWord(word)).toBe(PorterStemmer.stem(word));
  });
});
