import { describe, expect, test } from '@jest/globals';
import { markUnpunctuatedParagraphs, shortenText } from '../../src/text/shortened-text.js';

describe('shortenText', () => {
  test('text within the limit comes back with its whitespace made single spaces', () => {
    expect(shortenText('  care  that\nfits ', 40)).toBe('care that fits');
  });

  test('longer text is cut at a word with an ellipsis, never over the limit; one long word is cut inside it', () => {
    const cut = shortenText('personalised care and support that fits their life', 30);
    expect(cut).toBe('personalised care and…');
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(shortenText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('markUnpunctuatedParagraphs', () => {
  test.each([
    ['Day centres closing\n\nMy mum went there for years.', 'Day centres closing — My mum went there for years.'],
    ['hospital discharge, mental health\n\nDad came home too soon.', 'hospital discharge, mental health — Dad came home too soon.'],
    ['Respite\r\n\r\nWe need more of it', 'Respite — We need more of it'],
  ])('a paragraph that ends without sentence punctuation is set off: %j', (text, expected) => {
    expect(shortenText(markUnpunctuatedParagraphs(text), 200)).toBe(expected);
  });

  test.each([
    'We need respite.\n\nAnd day centres!',
    'She said "no."\n\nThen left.',
    'Two things:\n\nrespite and money',
    'I have been a carer for\nten years (a line wrapped inside a sentence)',
    '\n\nleading and trailing breaks\n\n',
  ])('a break after a sentence, a wrapped line and breaks at either end are left: %j', (text) => {
    expect(markUnpunctuatedParagraphs(text)).toBe(text);
  });
});
