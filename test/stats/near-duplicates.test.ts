import { describe, expect, test } from '@jest/globals';
import {
  CAMPAIGN_MIN_WORDS,
  NearDuplicateGroups,
  SKETCH_BINS,
  sketchSimilarity,
  sketchWords,
  wordHash,
} from '../../src/stats/near-duplicates.js';
import { normaliseText } from '../../src/text/normalise.js';

const words = (text: string): number[] => normaliseText(text).tokens.map((token) => wordHash(token.word));

const sketchOf = (text: string): Uint8Array => {
  const sketch = new Uint8Array(SKETCH_BINS);
  const hashes = words(text);
  sketchWords(hashes, hashes.length, sketch, 0);
  return sketch;
};

/** A fixed pseudo-random index below `size` for each seed (an integer hash), so the test needs no randomness. */
function randomIndex(seed: number, size: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % size;
}

const LETTER =
  'Please protect respite care in the new budget. Unpaid carers save the council millions every year and without regular breaks we will burn out and our loved ones will end up in hospital.';

describe('NearDuplicateGroups', () => {
  test('exact copies, a changed word, a greeting and punctuation join one group; a different text on the topic does not', () => {
    const groups = new NearDuplicateGroups();
    const members = [
      LETTER,
      LETTER,
      LETTER.replace('protect', 'keep'),
      `Dear Councillor, ${LETTER}`,
      LETTER.replace(/[.,]/g, '!').toUpperCase(),
      'Respite care has been cut twice in two years and I have not had a single night off since my son came home from hospital.',
    ].map((text) => groups.add(words(text)));
    const roots = members.map((member) => groups.rootOf(member));
    expect(roots.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(roots[5]).toBe(5);
  });

  test(`texts under ${CAMPAIGN_MIN_WORDS} words are never grouped, even exact repeats`, () => {
    const groups = new NearDuplicateGroups();
    expect(groups.add(words('No comment'))).toBe(-1);
    expect(groups.add(words('No comment'))).toBe(-1);
    expect(groups.add(words('I agree with the proposal to keep it open'))).toBe(-1);
    expect(groups.size).toBe(0);
  });

  test('the same texts in the same order give the same groups (deterministic), across table growth', () => {
    const vocabulary = LETTER.split(' ').concat('minibus lunch club library day centre staff transport meals activities'.split(' '));
    const texts = Array.from({ length: 3000 }, (_, index) =>
      index % 3 === 0
        ? LETTER
        : Array.from({ length: 14 }, (_, position) => vocabulary[randomIndex(index * 14 + position, vocabulary.length)]).join(' '),
    );
    const run = (): number[] => {
      const groups = new NearDuplicateGroups();
      return texts.map((text) => groups.rootOf(groups.add(words(text))));
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first.filter((_, index) => index % 3 === 0))).toEqual(new Set([0]));
    expect(new Set(first.filter((_, index) => index % 3 !== 0)).size).toBeGreaterThan(1900);
  });

  test('copies of a text tens of thousands of texts apart join one group, whichever page of the tables each lands on', () => {
    const vocabulary = Array.from({ length: 5000 }, (_, index) => wordHash(`word${index}`));
    const letter = words(LETTER);
    const copiesAt = new Set([7, 16_383, 16_384, 20_000, 39_000]);
    const groups = new NearDuplicateGroups();
    const members = Array.from({ length: 40_000 }, (_, index) =>
      groups.add(
        copiesAt.has(index)
          ? letter
          : Array.from({ length: 12 }, (_, position) => vocabulary[randomIndex(index * 12 + position, vocabulary.length)] ?? 0),
      ),
    );
    const copies = [...copiesAt].map((index) => members[index] ?? -1);
    expect(copies.map((member) => groups.rootOf(member))).toEqual(copies.map(() => 7));
    expect(groups.sizeOfGroup(7)).toBe(copiesAt.size);
  });

  test('sketch similarity estimates the Jaccard similarity of word pairs', () => {
    const other = 'The day centre is where my dad sees his friends, please keep it open for people like him who have nowhere else to go.';
    expect(sketchSimilarity(sketchOf(LETTER), sketchOf(LETTER))).toBe(1);
    expect(sketchSimilarity(sketchOf(LETTER), sketchOf(other))).toBeLessThan(0.3);
  });
});
