import { describe, expect, test } from '@jest/globals';
import { htmlToPlainText } from '../../src/text/html-to-plain-text.js';

describe('htmlToPlainText', () => {
  test('drops tags, decodes entities and keeps paragraphs', () => {
    expect(htmlToPlainText('<p>One &amp; two</p><p>Three<br>four</p>')).toBe('One & two\n\nThree\nfour');
  });

  test('keeps quotes as > lines by default, and leaves them out with dropQuotes', () => {
    const html = '<blockquote><p>their words</p></blockquote><p>my words</p>';
    expect(htmlToPlainText(html)).toBe('> their words\n\nmy words');
    expect(htmlToPlainText(html, { dropQuotes: true })).toBe('my words');
  });

  test('source newlines are spaces by default, and line breaks with keepSourceNewlines', () => {
    const html = 'First line\nsecond line\n\nNew <em>paragraph</em>';
    expect(htmlToPlainText(html)).toBe('First line second line New paragraph');
    expect(htmlToPlainText(html, { keepSourceNewlines: true })).toBe('First line\nsecond line\n\nNew paragraph');
  });

  test('definition lists and addresses are blocks, not run together', () => {
    expect(htmlToPlainText('<dl><dt>Term</dt><dd>Meaning.</dd></dl><address>1 High St</address><strong>Next</strong>')).toBe(
      'Term\nMeaning.\n\n1 High St\n\nNext',
    );
  });
});
