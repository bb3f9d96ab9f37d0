import { describe, expect, test } from '@jest/globals';
import { MAX_MARKDOWN_LINES, markdownToPlainText } from '../../src/text/markdown-to-plain-text.js';

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

  test('a text of more than MAX_MARKDOWN_LINES lines is converted flat, without parsing it: markers dropped, every word kept', () => {
    const list = '- one\n- **two**';
    expect(markdownToPlainText(list)).toBe('* one\n * two');
    const flat = markdownToPlainText(`${list}${'\n\nmore'.repeat(MAX_MARKDOWN_LINES / 2)}`);
    expect(flat.startsWith('- one\n- two\n\nmore')).toBe(true);
    expect(flat.split('more')).toHaveLength(MAX_MARKDOWN_LINES / 2 + 1);
  });
});
