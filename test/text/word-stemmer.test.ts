import { describe, expect, it } from '@jest/globals';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { createWordStemmer, stemWord } from '../../src/text/word-stemmer.js';

describe('stemWord', () => {
  it('gives the Porter stem', () => {
    expect(['carers', 'budgets', 'involvement', 'co'].map(stemWord)).toEqual(['carer', 'budget', 'involv', 'co']);
  });

  it('gives the Porter stem of every word, new or met again, across many generations of its memo', () => {
    const stem = createWordStemmer(50);
    const everyday = ['carers', 'respite', 'funding', 'listened', 'communities'];
    const words = Array.from({ length: 1000 }, (_, index) => [
      `respite${index.toString(36)}ing`,
      ...(index % 7 === 0 ? everyday : []),
    ]).flat();
    const wrong = [...words, 'respite0ing', 'respiterring'].filter((word) => stem(word) !== PorterStemmer.stem(word));
    expect(wrong).toEqual([]);
  });
});
