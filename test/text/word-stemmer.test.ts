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
    for (let index = 0; index < 1000; index += 1) {
      const rare = `respite${index.toString(36)}ing`;
      expect(stem(rare)).toBe(PorterStemmer.stem(rare));
      if (index % 7 === 0) for (const word of everyday) expect(stem(word)).toBe(PorterStemmer.stem(word));
    }
    for (const word of ['respite0ing', 'respiterring']) expect(stem(word)).toBe(PorterStemmer.stem(word));
  });
});
