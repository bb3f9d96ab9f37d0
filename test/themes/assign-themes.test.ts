import { describe, expect, test } from '@jest/globals';
import { splitSentences } from '../../src/text/sentences.js';
import { ThemeMatcher } from '../../src/themes/theme-matcher.js';
import { makeCodebook, type CodebookSettings, type ThemeSpec } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';

function themesOf(themes: readonly ThemeSpec[], text: string, settings: CodebookSettings = {}): string[] {
  return makeThemedRecord(makeCodebook(themes, settings), { text }).themeIds;
}

describe('exact: terms are case-folded, not stemmed', () => {
  test.each([
    ['community', true],
    ['Community', true],
    ["the community's hall", true],
    ['communities', false],
    ['communication', false],
  ])('exact community in %j → %s', (text, expected) => {
    expect(themesOf([{ id: 'c', exact: ['community'] }], text)).toEqual(expected ? ['c'] : []);
  });

  test('the stemmed keyword catches communication; the exact term does not', () => {
    expect(themesOf([{ id: 'c', keywords: ['community'] }], 'poor communication')).toEqual(['c']);
    expect(themesOf([{ id: 'c', exact: ['community'] }], 'poor communication')).toEqual([]);
  });
});

describe('near: all the words within n words, in any order', () => {
  const theme: ThemeSpec = { id: 'listening', near: [{ all: ['listen', 'staff'], within: 3 }] };
  test.each([
    ['staff listened', true],
    ['the staff did listen', true],
    ['listening to ward staff', true],
    ['listening to the ward staff', false],
    ['staff were busy and nobody would listen', false],
    ['staff only', false],
  ])('%j → %s', (text, expected) => {
    expect(themesOf([theme], text)).toEqual(expected ? ['listening'] : []);
  });

  test('its evidence spans from the first word to the last, as written', () => {
    const text = 'The Staff did LISTEN to us';
    const [evidence] = new ThemeMatcher(makeCodebook([theme])).match(text);
    expect(evidence?.hits).toEqual([
      { keyword: 'listen + staff within 3', position: { line: 6, col: 9 }, words: 'Staff did LISTEN', start: 4, end: 20 },
    ]);
  });
});

describe('exclude near: vetoes hits within n words of it', () => {
  const theme: ThemeSpec = { id: 'food', keywords: ['food'], exclude: [{ near: 'nothing', within: 2 }] };
  test.each([
    ['nothing wrong with the food', true],
    ['the food was nothing special', false],
    ['nothing about food', false],
    ['good food', true],
  ])('%j → themed %s', (text, expected) => {
    expect(themesOf([theme], text)).toEqual(expected ? ['food'] : []);
  });

  test('the vetoed hit names the exclude as the evidence', () => {
    const [evidence] = new ThemeMatcher(makeCodebook([theme])).match('nothing about food');
    expect(evidence?.vetoed.map((hit) => [hit.words, hit.by])).toEqual([['food', 'near nothing within 2']]);
  });
});

describe('min_hits and otherwise', () => {
  test('min_hits: 2 needs two hits', () => {
    const theme: ThemeSpec = { id: 'staff', keywords: ['nurse', 'doctor'], min_hits: 2 };
    expect(themesOf([theme], 'the nurse was kind')).toEqual([]);
    expect(themesOf([theme], 'the nurse and the doctor')).toEqual(['staff']);
  });

  test('an otherwise theme without rules takes every record no other theme matched', () => {
    const themes: ThemeSpec[] = [
      { id: 'food', keywords: ['food'] },
      { id: 'other', otherwise: true },
    ];
    expect(themesOf(themes, 'the food was cold')).toEqual(['food']);
    expect(themesOf(themes, 'the car park was full')).toEqual(['other']);
  });

  test('an otherwise theme with rules needs them, and only when nothing else matched', () => {
    const themes: ThemeSpec[] = [
      { id: 'food', keywords: ['food'] },
      { id: 'praise', keywords: ['good'], otherwise: true },
    ];
    expect(themesOf(themes, 'good food')).toEqual(['food']);
    expect(themesOf(themes, 'all good')).toEqual(['praise']);
    expect(themesOf(themes, 'the car park')).toEqual([]);
  });
});

describe('unit: sentence and assign: single', () => {
  const themes: ThemeSpec[] = [
    { id: 'food', keywords: ['food'] },
    { id: 'staff', keywords: ['staff'], near: [{ all: ['kind', 'nurse'], within: 4 }] },
    { id: 'parking', keywords: ['parking'] },
  ];

  test('sentences: a near never spans two sentences', () => {
    expect(themesOf([themes[1] ?? { id: 'x' }], 'The nurse was great. Kind people.', { unit: 'sentence' })).toEqual([]);
    expect(themesOf([themes[1] ?? { id: 'x' }], 'The nurse was great. Kind people.')).toEqual(['staff']);
  });

  test('single: the first sentence with a hit decides, and in it the earliest hit', () => {
    const text = 'Parking was hard!\nThe food and the staff were good.';
    expect(themesOf(themes, text)).toEqual(['food', 'staff', 'parking']);
    expect(themesOf(themes, text, { assign: 'single', unit: 'sentence' })).toEqual(['parking']);
    expect(themesOf(themes, 'The staff and the food. Parking too.', { assign: 'single', unit: 'sentence' })).toEqual(['staff']);
    expect(themesOf(themes, 'Nothing here. Really nothing.', { assign: 'single', unit: 'sentence' })).toEqual([]);
  });

  test('sentence evidence keeps offsets into the whole text', () => {
    const text = 'Fine. The food was cold.';
    const themed = makeThemedRecord(makeCodebook(themes, { unit: 'sentence' }), { text });
    const hit = themed.evidence[0]?.hits[0];
    expect(hit === undefined ? null : text.slice(hit.start, hit.end)).toBe('food');
  });
});

describe('splitSentences', () => {
  test.each([
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    ['Line one\nline two', ['Line one', 'line two']],
    ['Dr.Smith 3.5 mg... ok', ['Dr.Smith 3.5 mg...', 'ok']],
    ['  \n\n  ', []],
  ])('%j', (text, expected) => {
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual(expected);
  });
});
