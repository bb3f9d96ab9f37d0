import { describe, expect, test } from '@jest/globals';
import { KeptUnthemedWords } from '../../src/report/kept-unthemed-words.js';
import { makeRecord } from '../builders/record-builder.js';

const HEX_IDS = (['survey', 'email', 'twitter'] as const).map((channel, index) => makeRecord({ sourceId: `k${index}`, channel }).id);
const IDS = [...HEX_IDS, 'Old-Style-Id', '00000000000000000000', 'ffffffffffffffffffff', 'fffffffffffffffffff'];
const WORDS = [[], [0], [127, 128, 16_383, 16_384, 2 ** 21, 2 ** 31 - 1], [5, 5, 5, 300, 0]];

function keptAll(): KeptUnthemedWords {
  const kept = new KeptUnthemedWords();
  IDS.forEach((id, index) => kept.keep(id, 10 + index, WORDS[index % WORDS.length] ?? []));
  return kept;
}

describe('KeptUnthemedWords', () => {
  test('gives back each record as kept: its id (20 hex digits or any other), line and words', () => {
    const kept = keptAll();
    let into: Int32Array = new Int32Array(1);
    const back = IDS.map((_id, index) => {
      const { words, length } = kept.wordsOf(index, into);
      into = words;
      return { id: kept.idOf(index), line: kept.lineOf(index), words: Array.from(words.subarray(0, length)) };
    });
    expect(back).toEqual(IDS.map((id, index) => ({ id, line: 10 + index, words: WORDS[index % WORDS.length] })));
  });

  test('orders records by id as comparing the id strings by code unit does', () => {
    const kept = keptAll();
    const indexes = IDS.map((_id, index) => index);
    const byKept = [...indexes].sort((a, b) => kept.compareIds(a, b)).map((index) => IDS[index]);
    expect(byKept).toEqual([...IDS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test('keeps thousands of records, growing its tables', () => {
    const kept = new KeptUnthemedWords();
    for (let index = 0; index < 5000; index += 1) kept.keep(index.toString(16).padStart(20, '0'), index + 1, [index, index * 1000]);
    const { words, length } = kept.wordsOf(4321, new Int32Array(0));
    expect([kept.count, kept.idOf(4321), kept.lineOf(4321), Array.from(words.subarray(0, length))]).toEqual([
      5000,
      (4321).toString(16).padStart(20, '0'),
      4322,
      [4321, 4321000],
    ]);
  });
});
