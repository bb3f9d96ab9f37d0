import { describe, expect, test } from '@jest/globals';
import { GuardedAlternation, type GuardedPattern } from '../src/guarded-alternation.js';

/** What a match is, as compared here: where it starts, what it covers, and which alternative made it. */
function described(match: RegExpExecArray): string {
  const groups = Object.entries(match.groups ?? {}).filter(([, value]) => value !== undefined);
  return `${match.index}:${match[0]}:${groups.map(([name]) => name).join(',')}`;
}

function matchesOf(alternation: GuardedAlternation, text: string): string[] {
  return [...alternation.matches(text)].map(described);
}

function combinedMatchesOf(alternation: GuardedAlternation, text: string): string[] {
  return [...text.matchAll(alternation.combined())].map(described);
}

const NUMBER: GuardedPattern = { source: '(?<number>\\d+(?:\\.\\d+)?)', guard: /\d/u };
const MONEY: GuardedPattern = { source: '(?<money>£\\d+)', guard: /£/u };
const WORD_AFTER_NUMBER: GuardedPattern = { source: '(?<=\\d )(?<counted>\\p{L}+)', guard: /\d /u };
const SHOUT: GuardedPattern = { source: '(?<shout>\\p{Lu}{2,})', guard: /\p{Lu}\p{Lu}/u };

describe('GuardedAlternation', () => {
  const alternation = new GuardedAlternation([MONEY, NUMBER, WORD_AFTER_NUMBER, SHOUT], 'u');

  test.each([
    ['the leftmost match first, whichever alternative makes it', 'AND 12 then £5'],
    ['at one place, the alternative listed first', '£5 and 5'],
    ['a match hides what overlaps it (the number inside £12)', 'pay £12.50 now'],
    ['a lookbehind sees the text before where the search goes on', '12 carers and 3 NURSES'],
    ['no match at all', 'nothing here'],
    ['a text of one alternative only', 'NHS and TLAP'],
    ['astral characters around matches', '😀12😀 𝐀𝐁 SW'],
  ])('%s: the matches of the plain alternation', (_, text) => {
    expect(matchesOf(alternation, text)).toEqual(combinedMatchesOf(alternation, text));
  });

  test('finds what the plain alternation finds, in its order', () => {
    expect(matchesOf(alternation, 'AND 12 then £5')).toEqual(['0:AND:shout', '4:12:number', '7:then:counted', '12:£5:money']);
  });

  test('runs an alternative only on a text that passes its guard', () => {
    const unsound = new GuardedAlternation([{ source: '(?<number>\\d+)', guard: /#/u }], 'u');
    expect(matchesOf(unsound, 'room 12')).toEqual([]);
    expect(matchesOf(unsound, 'room #12')).toEqual(['6:12:number']);
  });

  test('moves on past an empty match as matchAll does, by a whole astral character in Unicode mode', () => {
    const empty = new GuardedAlternation([{ source: '(?<gap>(?=😀))', guard: /😀/u }], 'u');
    expect(matchesOf(empty, 'a😀😀b')).toEqual(combinedMatchesOf(empty, 'a😀😀b'));
  });

  test('moves past an empty match by a whole astral character in the v mode too', () => {
    const empty = new GuardedAlternation([{ source: '(?<gap>(?=😀))', guard: new RegExp('😀', 'v') }], 'v');
    expect(matchesOf(empty, 'a😀😀b')).toEqual(combinedMatchesOf(empty, 'a😀😀b'));
  });

  test('keeps the flags it was given and adds the global flag', () => {
    expect(new GuardedAlternation([NUMBER], 'iu').combined().flags).toBe('giu');
  });
});
