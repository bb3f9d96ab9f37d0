import { describe, expect, test } from '@jest/globals';
import { htmlToPlainText, MAX_CONVERTED_HTML_CHARS, MAX_HTML_ELEMENTS } from '../../src/text/html-to-plain-text.js';

describe('htmlToPlainText', () => {
  test('a link that shows its own address cut short is written out whole, without its tracking parameters; other link text is kept', () => {
    expect(
      htmlToPlainText(
        '<p>See <a href="http://blogs.example.org/b/b8/archive/2011/08/29/a-long-post.aspx" rel="nofollow noopener" title="x">http://blogs.example.org/b/b8/...</a> for it</p>',
      ),
    ).toBe('See http://blogs.example.org/b/b8/archive/2011/08/29/a-long-post.aspx for it');
    expect(htmlToPlainText('<a href="https://www.example.org/care/respite?x=1&amp;y=2">example.org/care/resp&hellip;</a>')).toBe(
      'https://www.example.org/care/respite?x=1&y=2',
    );
    expect(
      htmlToPlainText(
        '<a href="https://www.example.org/care/respite?x=1&amp;utm_source=newsletter&amp;fbclid=IwAR0">example.org/care/resp&hellip;</a>',
      ),
    ).toBe('https://www.example.org/care/respite?x=1');
    expect(htmlToPlainText('<a href="https://example.org/form">Read more...</a>')).toBe('Read more...');
    expect(htmlToPlainText('<a href="https://other.example/x">example.org/care/...</a>')).toBe('example.org/care/...');
  });

  test.each([
    ['Gmail', '<div>Please keep the day centre.</div><div class="gmail_signature">Siân<br>07700 900123</div>'],
    ['Thunderbird', '<p>Please keep the day centre.</p><pre class="moz-signature">-- \nSiân</pre>'],
    ['Outlook', '<p>Please keep the day centre.</p><div id="Signature"><p>Siân Griffiths</p></div>'],
  ])('leaves out the signature block %s marks', (_client, html) => {
    expect(htmlToPlainText(html)).toBe('Please keep the day centre.');
  });

  test('keeps paragraphs, drops tags, scripts and images, keeps link text without the URL', () => {
    expect(
      htmlToPlainText('<p>One <a href="https://x.org">link</a></p><script>alert(1)</script><img src="x.png"><p>Two &amp; three</p>'),
    ).toBe('One link\n\nTwo & three');
  });

  test('HTML of more than MAX_HTML_ELEMENTS elements, or longer than MAX_CONVERTED_HTML_CHARS, is converted flat without building a tree: every word kept', () => {
    const list = '<ul><li>one</li><li>two</li></ul>';
    expect(htmlToPlainText(list)).toBe('* one\n * two');
    const many = `${list}${'<p>more</p>'.repeat(MAX_HTML_ELEMENTS)}`;
    const flat = htmlToPlainText(many);
    expect(flat.startsWith('one\n\ntwo\n\nmore')).toBe(true);
    expect(flat.split('more')).toHaveLength(MAX_HTML_ELEMENTS + 1);
    const long = htmlToPlainText(`${list}<p>${'care '.repeat(MAX_CONVERTED_HTML_CHARS / 5)}end</p>`);
    expect([long.startsWith('one\n\ntwo\n\ncare care'), long.endsWith('care end')]).toEqual([true, true]);
  });

  test('converted flat, each script or style sheet is left out to its end tag; ones never ended, however many, leave the words after them', () => {
    const deep = '<div>'.repeat(600);
    expect(htmlToPlainText(`${deep}<script>a<style>b</style>c<script>d</script>care<style>x{}</style> and respite`)).toBe(
      'care and respite',
    );
    expect(htmlToPlainText(`${deep}${'<script>'.repeat(100_000)}respite<style>x`)).toBe('respitex');
  });
});
