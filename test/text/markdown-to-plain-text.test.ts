import { describe, expect, test } from '@jest/globals';
import { markdownToPlainText } from '../../src/text/markdown-to-plain-text.js';

describe('markdownToPlainText', () => {
  test('drops emphasis markers and link targets, keeps single newlines as line breaks', () => {
    expect(markdownToPlainText('I use the **Tuesday** group.\nSee [the leaflet](https://example.org/leaflet).')).toBe(
      'I use the Tuesday group.\nSee the leaflet.',
    );
  });

  test('keeps lists and paragraphs; a > quote is kept unless dropQuotes', () => {
    const markdown = '> what they said\n\nMy answer:\n\n- one\n- two';
    expect(markdownToPlainText(markdown)).toBe('> what they said\n\nMy answer:\n\n * one\n * two');
    expect(markdownToPlainText(markdown, { dropQuotes: true })).toBe('My answer:\n\n * one\n * two');
  });

  test('inline HTML in Markdown is converted too', () => {
    expect(markdownToPlainText('Fish &amp; chips <b>on Fridays</b>')).toBe('Fish & chips on Fridays');
  });
});
