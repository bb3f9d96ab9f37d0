import { describe, expect, test } from '@jest/globals';
import { ThemeMatcher } from '../../src/themes/theme-matcher.js';
import { makeCodebook, type ThemeSpec } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';

/** The keywords that hit `text` for a one-theme codebook with these keywords and exclusions. */
function hitsFor(keywords: string[], text: string, exclude?: string[]): string[] {
  const theme: ThemeSpec = { id: 't', keywords, ...(exclude === undefined ? {} : { exclude }) };
  return new ThemeMatcher(makeCodebook([theme])).match(text).flatMap((evidence) => evidence.hits.map((hit) => hit.keyword));
}

describe('matching rules: keyword | text | matches?', () => {
  test.each([
    ['NFKC: full-width letters', 'carer', 'ＣＡＲＥＲＳ need a break', true],
    ['lower case', 'carer', 'CARERS need a break', true],
    ['curly quotes are straightened', 'carer', 'the carer\u2019s view', true],
    ['HTML tags dropped and entities decoded', 'respite', '<p>carers&amp;respite</p>', true],
    ['HTML tag names never match', 'strong', '<strong>carers</strong>', false],
    ['an @mention never matches', 'carer', 'thanks @carer', false],
    ['a URL never matches', 'carer', 'see https://carer.org', false],
    ['an e-mail address never matches', 'carer', 'write to carer@x.org', false],
    ['a hashtag matches its word', 'carer', 'support #carers', true],
    ['a CamelCase hashtag matches a phrase', 'unpaid carer', 'support #UnpaidCarers', true],
    ['a hyphenated compound matches the phrase', 'day centre', 'the day-centre closed', true],
    ['a slashed compound matches the phrase', 'day centre', 'the day/centre closed', true],
    ["the possessive 's", 'carer', "a carer's view", true],
    ["the plural possessive s'", 'carer', "the carers' view", true],
    ['Porter stemming: plural', 'budget', 'our budgets were cut', true],
    ['Porter stemming: keyword inflected, text not', 'budgets', 'the budget was cut', true],
    ['a phrase matches contiguous words', 'unpaid carer', 'unpaid carers', true],
    ['a phrase does not match words apart', 'unpaid carer', 'unpaid and carer', false],
    ['a phrase does not match words reversed', 'unpaid carer', 'carer unpaid', false],
    ['a wildcard matches a word with that prefix', 'personalis*', 'personalisation matters', true],
    ['a wildcard matches the bare prefix', 'personalis*', 'personalis', true],
    ['a wildcard does not match across words', 'personalis*', 'personal isation', false],
    ['a wildcard does not match inside a word', 'personalis*', 'depersonalisation', false],
  ])('%s: %s in %j → %s', (_rule, keyword, text, expected) => {
    expect(hitsFor([keyword], text).length > 0).toBe(expected);
  });
});

describe('exclude vetoes keyword hits inside its span (keyword budget, exclude personal budget)', () => {
  test.each([
    ['my personal budget', []],
    ['budget cuts', ['budget']],
    ['personal budget and budget cuts', ['budget']],
    ['personal budgets', []],
    ['budget, personal budget', ['budget']],
  ])('%j → %j', (text, expected) => {
    expect(hitsFor(['budget'], text, ['personal budget'])).toEqual(expected);
  });

  test('the surviving hit is the second one; the first is kept as vetoed, naming the exclude', () => {
    const codebook = makeCodebook([{ id: 'money', keywords: ['budget'], exclude: ['personal budget'] }]);
    const [evidence] = new ThemeMatcher(codebook).match('personal budget and budget cuts');
    expect(evidence?.hits.map((hit) => [hit.start, hit.end])).toEqual([[20, 26]]);
    expect(evidence?.vetoed).toEqual([
      {
        keyword: 'budget',
        position: { line: 6, col: 9 },
        words: 'budget',
        start: 9,
        end: 15,
        by: 'personal budget',
        byPosition: { line: 8, col: 9 },
      },
    ]);
  });

  test("an exclusion vetoes only its own theme's hits", () => {
    const codebook = makeCodebook([
      { id: 'money', keywords: ['budget'], exclude: ['personal budget'] },
      { id: 'choice', keywords: ['personal budget'] },
    ]);
    expect(makeThemedRecord(codebook, { text: 'my personal budget' }).themeIds).toEqual(['choice']);
  });
});

describe('assigning themes to records', () => {
  const codebook = makeCodebook([
    { id: 'carers', keywords: ['carer', 'respite'] },
    { id: 'money', keywords: ['budget'] },
    { id: 'places', keywords: ['day centre'] },
  ]);

  test('a record can belong to several themes, listed in codebook order', () => {
    expect(makeThemedRecord(codebook, { text: 'The day centre budget hit carers' }).themeIds).toEqual(['carers', 'money', 'places']);
  });

  test('a record matching nothing is unthemed', () => {
    const themed = makeThemedRecord(codebook, { text: 'Nothing relevant here at all' });
    expect(themed.themeIds).toEqual([]);
    expect(themed.evidence).toEqual([
      { themeId: 'carers', hits: [], vetoed: [] },
      { themeId: 'money', hits: [], vetoed: [] },
      { themeId: 'places', hits: [], vetoed: [] },
    ]);
  });

  test('every hit is evidence, per theme in text order, with keyword, its codebook position, the words as written and offsets', () => {
    const text = 'Respite at the Day-Centre, for carers';
    const themed = makeThemedRecord(codebook, { text });
    expect(themed.evidence).toEqual([
      {
        themeId: 'carers',
        hits: [
          { keyword: 'respite', position: { line: 7, col: 9 }, words: 'Respite', start: 0, end: 7 },
          { keyword: 'carer', position: { line: 6, col: 9 }, words: 'carers', start: 31, end: 37 },
        ],
        vetoed: [],
      },
      { themeId: 'money', hits: [], vetoed: [] },
      {
        themeId: 'places',
        hits: [{ keyword: 'day centre', position: { line: 15, col: 9 }, words: 'Day-Centre', start: 15, end: 25 }],
        vetoed: [],
      },
    ]);
    for (const hit of themed.evidence.flatMap((evidence) => evidence.hits)) expect(text.slice(hit.start, hit.end)).toBe(hit.words);
  });

  test('a wildcard hit reports the whole word it matched', () => {
    const wildcard = makeCodebook([{ id: 'choice', keywords: ['personalis*'] }]);
    expect(new ThemeMatcher(wildcard).match('Personalised support')[0]?.hits).toEqual([
      { keyword: 'personalis*', position: { line: 6, col: 9 }, words: 'Personalised', start: 0, end: 12 },
    ]);
  });

  test('offsets point into the stored text, not the prepared one: entities, tags, URLs and hashtags before the hit', () => {
    const wide = makeCodebook([{ id: 'carers', keywords: ['carer', 'unpaid carer'] }]);
    const text = '<p>See https://x.org &amp; #UnpaidCarers &#8217;n carer&#8217;s</p>';
    const hits = new ThemeMatcher(wide).match(text)[0]?.hits ?? [];
    expect(hits.map((hit) => hit.words)).toEqual(['UnpaidCarers', 'Carers', 'carer&#8217;s']);
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toBe(hit.words);
  });
});
