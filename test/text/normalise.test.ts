import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { AsciiWordTable, asciiTokens, normaliseText, prepareText } from '../../src/text/normalise.js';
import { propertyRuns } from '../helpers/property-runs.js';

const words = (text: string): string[] => normaliseText(text).tokens.map((token) => token.word);
const stems = (text: string): string[] => normaliseText(text).tokens.map((token) => token.stem);

describe('normaliseText: hostile markup', () => {
  test('100,000 comments that never close leave every word after them, each found once', () => {
    expect(words(`carers${'<!--'.repeat(100_000)} respite breaks`)).toEqual(['carers', 'respite', 'breaks']);
  });
});

describe('normaliseText: one rule per row (text → words)', () => {
  test.each([
    ['NFKC folds full-width letters', 'ＣＡＲＥＲ ｓｕｐｐｏｒｔ', ['carer', 'support']],
    ['lower-cases', 'Unpaid CARERS', ['unpaid', 'carers']],
    ['straightens curly apostrophes before dropping them', 'carer\u2019s don\u2019t', ['carer', 'dont']],
    ['curly double quotes are punctuation', '\u201cday centre\u201d', ['day', 'centre']],
    ['drops HTML tags and decodes entities', '<p>carers&amp;respite</p>', ['carers', 'respite']],
    ['drops HTML comments, tags inside them too', 'carers <!-- <b>hidden</b> note --> respite<!---->', ['carers', 'respite']],
    ['keeps the words after a comment that never closes', 'carers <!-- respite <b>breaks</b>', ['carers', 'respite', 'breaks']],
    ['decodes numeric entities', '&#x72;espite', ['respite']],
    ['straightens an apostrophe written as an entity (WordPress &#8217;)', 'carer&#8217;s carer&rsquo;s', ['carer', 'carer']],
    ['folds a full-width letter written as an entity', '&#xFF23;arer', ['carer']],
    ['drops URLs', 'see https://carer.org/help and www.carer.org now', ['see', 'and', 'now']],
    ['drops e-mail addresses', 'write to carer@x.org today', ['write', 'to', 'today']],
    ['drops @mentions', 'thanks @carer for this', ['thanks', 'for', 'this']],
    ['keeps a hashtag body as a word', '#carers matter', ['carers', 'matter']],
    ['splits a CamelCase hashtag into words', '#UnpaidCarers', ['unpaid', 'carers']],
    ['splits a snake_case hashtag into words', '#unpaid_carers', ['unpaid', 'carers']],
    ['splits at hyphens', 'day-centre', ['day', 'centre']],
    ['splits at slashes', 'day/centre', ['day', 'centre']],
    ["drops the possessive 's", "carer's", ['carer']],
    ["drops the plural possessive '", "carers'", ['carers']],
    ['drops apostrophes inside words', "don't", ['dont']],
  ])('%s', (_rule, text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('stems', () => {
  test.each([
    ['a plural and its singular share a stem', 'budgets budget', ['budget', 'budget']],
    ['carer and carers share a stem', 'carers carer', ['carer', 'carer']],
    ['inflections share a stem', 'personalised personalising', ['personalis', 'personalis']],
  ])('%s', (_rule, text, expected) => {
    expect(stems(text)).toEqual(expected);
  });
});

describe('token offsets', () => {
  test("each token's start/end locate the word as written in the text as given", () => {
    const text = '<b>Unpaid</b> carers’ #DayCentre via @someone at https://x.org';
    const { tokens } = normaliseText(text);
    expect(tokens.map((token) => token.word)).toEqual(['unpaid', 'carers', 'day', 'centre', 'via', 'at']);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['Unpaid', 'carers’', 'Day', 'Centre', 'via', 'at']);
  });

  test.each([
    ['an entity inside a word spans the whole entity', '&#x72;espite', ['&#x72;espite']],
    ['a full-width word maps to its full-width letters', 'ＣＡＲＥＲ ok', ['ＣＡＲＥＲ', 'ok']],
    ['a ligature expanded by NFKC maps to the ligature', 'proﬁt', ['proﬁt']],
    ['a combining accent stays with its letter', 'cafe\u0301 au lait', ['cafe\u0301', 'au', 'lait']],
    ['a snake_case hashtag maps word by word', '#unpaid_carers', ['unpaid', 'carers']],
    ['text after an e-mail address keeps its place', 'ask jo@x.org about carers', ['ask', 'about', 'carers']],
    ['an emoji before a word does not shift it', '😀 carers', ['carers']],
  ])('%s', (_rule, text, expected) => {
    expect(normaliseText(text).tokens.map((token) => text.slice(token.start, token.end))).toEqual(expected);
  });

  test('prepareText blanks out URLs, e-mail addresses and @mentions so their words cannot be matched', () => {
    const prepared = prepareText('@carer https://carer.org carer@x.org');
    expect(prepared).not.toMatch(/carer/i);
  });
});

describe('the ASCII fast path', () => {
  const asciiText = fc
    .array(
      fc.constantFrom(
        'care',
        'Carer',
        "carer's",
        "carers'",
        "'",
        "''",
        'don',
        "don't",
        'x',
        '9',
        ' ',
        '-',
        '.',
        '\n',
        'A1',
        "rock'n'roll",
        "o'",
      ),
      {
        maxLength: 30,
      },
    )
    .map((pieces) => pieces.join(''));

  const socialText = fc
    .array(
      fc.constantFrom(
        'care',
        'Carer',
        "carer's",
        "'",
        '@',
        '#',
        '_',
        '.',
        '-',
        '+',
        '%',
        ' ',
        '\n',
        '9',
        'x',
        'B',
        '@TLAP1',
        '@carer_uk',
        '#UnpaidCarers',
        '#day_centre',
        '#careACT4all',
        '#x',
        'jo@x.org',
        'jo.b@mail.co.uk',
        'a@b',
        'x@',
        '@@',
        '##',
        'aB',
      ),
      { maxLength: 30 },
    )
    .map((pieces) => pieces.join(''));

  test('blanks e-mail addresses and @mentions and splits hashtags like the general path', () => {
    fc.assert(
      fc.property(fc.oneof(socialText, fc.string({ unit: fc.constantFrom(..."aZ9_@#.-+%' ".split('')) })), (text) => {
        expect(normaliseText(text).tokens).toEqual(normaliseText(`${text} \u00e9`).tokens.slice(0, -1));
      }),
      { numRuns: propertyRuns(600) },
    );
  });

  test('reads text with curly quotes and dashes like the general path', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          socialText.map((value) => value.replace(/'/g, '\u2019').replace(/-/g, '\u2013')),
          fc.string({ unit: fc.constantFrom(..."aZ9_@#.' \u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2013\u2014".split('')) }),
        ),
        (text) => {
          expect(normaliseText(text).tokens).toEqual(normaliseText(`${text} \u00e9`).tokens.slice(0, -1));
        },
      ),
      { numRuns: propertyRuns(600) },
    );
  });

  /** A word table that fills and starts afresh every few words. */
  const smallTable = new AsciiWordTable(5);

  test('finds the same words at the same offsets as the Unicode pattern, with its word table full or not', () => {
    fc.assert(
      fc.property(
        fc.oneof(asciiText, fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((code) => String.fromCharCode(code)) })),
        (text) => {
          const fast = normaliseText(text).tokens;
          const general = normaliseText(`${text} \u00e9`).tokens.slice(0, -1);
          expect(fast).toEqual(general);
          if (prepareText(text) === text) expect(asciiTokens(text, smallTable)).toEqual(general);
        },
      ),
      { numRuns: propertyRuns(600) },
    );
  });
});

describe('the word table (property)', () => {
  const vocabulary = fc.constantFrom('carer', "carer's", 'Carers', 'CARE', 'respite', "don't", 'day', 'Centre', 'a', '9', "o'", 'budget');
  /** Words enough that the table grows several times over before the texts are read. */
  const known = Array.from({ length: 3000 }, (_, index) =>
    [...index.toString(16)].map((digit) => 'abcdefghijklmnop'[parseInt(digit, 16)]).join(''),
  );
  const cased = (word: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc
      .tuple(word, fc.array(fc.boolean(), { maxLength: 8 }))
      .map(([each, upper]) => [...each].map((unit, index) => (upper[index] === true ? unit.toUpperCase() : unit)).join(''));
  const madeUp = fc.string({ unit: fc.constantFrom(...'qrstuvwxyz'.split('')), minLength: 1, maxLength: 9 });
  const text = fc
    .array(fc.oneof(cased(vocabulary), cased(fc.constantFrom(...known)), madeUp), { maxLength: 30 })
    .map((pieces) => pieces.join(' '));

  test('a table grown across many texts gives every word the entry it had and the tokens of the general path', () => {
    const table = new AsciiWordTable(1_000_000);
    const entries = new Map<string, number>();
    /** Checks one text's tokens, and each word's entry with one expect over the words that disagree (3,000 in the first text). */
    const check = (each: string): void => {
      const tokens = asciiTokens(each, table);
      expect(tokens).toEqual(normaliseText(`${each} \u00e9`).tokens.slice(0, -1));
      const disagreeing: string[] = [];
      for (const token of tokens) {
        const key = each.slice(token.start, token.end).toLowerCase();
        const entry = table.entryOfWord(token.word);
        const held = entries.get(key);
        if (held === undefined) entries.set(key, entry);
        else if (!key.includes("'") && entry !== held) disagreeing.push(`${key}: entry ${entry}, earlier ${held}`);
        if (table.wordOf(entry) !== token.word)
          disagreeing.push(`${key}: entry ${entry} holds the word ${table.wordOf(entry)}, not ${token.word}`);
        if (table.stemOf(entry) !== token.stem)
          disagreeing.push(`${key}: entry ${entry} holds the stem ${table.stemOf(entry)}, not ${token.stem}`);
      }
      expect(disagreeing).toEqual([]);
    };
    check(known.join(' '));
    expect(table.size).toBe(known.length);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 10 }), (texts) => {
        for (const each of texts) check(each);
        expect(table.generation).toBe(0);
      }),
      { numRuns: propertyRuns(50) },
    );
  });
});
