import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { markdownToHtml } from '../../src/report/markdown-to-html.js';
import { escapeMarkdownText, quoteBlock } from '../../src/report/markdown-text.js';
import { elementNames, elementNamesBesideAddressLinks, htmlTextContent } from '../helpers/rendered-html.js';

const ALLOWED_BODY_ELEMENTS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'a',
]);

function bodyOf(page: string): string {
  const match = /<main>\n([\s\S]*)\n<\/main>/.exec(page);
  if (match === null) throw new Error(`no <main> in\n${page}`);
  return match[1] ?? '';
}

function page(markdown: string): string {
  return markdownToHtml(markdown, { title: 'Report' });
}

/** Markdown (NOT escaped) that tries to get markup, scripts, images or bad links into the page. */
const HOSTILE_MARKDOWN: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  'text <script>alert(1)</script> inline',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">',
  '<svg onload=alert(1)><circle r=1></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<style>body{display:none}</style>',
  '<p style="color:red" onclick="alert(1)">styled</p>',
  '<a href="javascript:alert(1)">raw link</a>',
  '<a href="https://example.org" onclick="alert(1)">raw good link</a>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example"><input name=x></form>',
  '<details open ontoggle=alert(1)>',
  '<!-- comment --><div>block</div>',
  '![img](http://t/p.gif)',
  '![alt <b>text</b>](javascript:alert(1))',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](java&#115;cript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](//evil.example/protocol-relative)',
  '[x](/relative/path)',
  '[x](#fragment)',
  '[ref][r]\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '```html\n<script>alert(1)</script>\n```',
  '`<img src=x>`',
  '| a | b |\n|---|---|\n| <script>x</script> | ![i](http://t/p.gif) |',
];

describe('markdownToHtml: the page', () => {
  const html = page('# Title\n\nSome *words*.');

  test('is a complete HTML document with charset, CSP, referrer policy and title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('<title>Report</title>');
    expect(html.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
  });

  test('the Content-Security-Policy allows nothing but its own inline style sheet, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    const directives = csp.split('; ');
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("script-src 'none'");
    expect(directives).toContain("img-src 'none'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("form-action 'none'");
    expect(csp).not.toContain('unsafe');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(directives).toContain(`style-src 'sha256-${hash}'`);
  });

  test('the CSP comes before anything it governs', () => {
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<body>'));
  });

  test('nothing is loaded from elsewhere', () => {
    expect(html).not.toMatch(/\bsrc=|<link|@import|url\(/i);
  });

  test('renders the markdown into <main>', () => {
    expect(bodyOf(html)).toBe('<h1>Title</h1>\n<p>Some <em>words</em>.</p>');
  });

  test('the title is escaped and put on one line', () => {
    const titled = markdownToHtml('x', { title: 'Feedback <script>alert(1)</script> & "more"\nnext' });
    expect(titled).toContain('<title>Feedback &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot; next</title>');
  });

  test('is deterministic: the same input gives the same bytes', () => {
    const markdown = `# Report\n\n${quoteBlock('We need <help>.\nNow.')}\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n`;
    expect(markdownToHtml(markdown, { title: 'T' })).toBe(markdownToHtml(markdown, { title: 'T' }));
  });
});

describe('markdownToHtml: what the report may use survives', () => {
  test('headings, lists, tables with alignment, quotes, code, emphasis, strikethrough, rules', () => {
    const markdown = [
      '# One',
      '## Two',
      '### Three',
      '- a',
      '- b',
      '',
      '3. c',
      '4. d',
      '',
      '| left | right | centre |',
      '|:--|--:|:-:|',
      '| 1 | 2 | 3 |',
      '',
      '> quoted\\',
      '> line',
      '',
      '`code` **strong** *em* ~~del~~',
      '',
      '```',
      'pre',
      '```',
      '',
      '---',
    ].join('\n');
    const body = bodyOf(page(markdown));
    expect(new Set(elementNames(body))).toEqual(
      new Set([
        'h1',
        'h2',
        'h3',
        'ul',
        'li',
        'ol',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'blockquote',
        'p',
        'br',
        'code',
        'strong',
        'em',
        'del',
        'pre',
        'hr',
      ]),
    );
    expect(body).toContain('<ol start="3">');
    expect(body).toContain('<th scope="col" align="left">left</th>');
    expect(body).toContain('<th scope="row" align="left">1</th>');
    expect(body).toContain('<td align="right">2</td>');
    expect(body).toContain('<td align="center">3</td>');
  });

  test('http, https and mailto links get rel="nofollow noopener"', () => {
    const body = bodyOf(
      page('[a](https://example.org/x?y=1&z=2 "Title") [b](http://example.org) [c](mailto:team@example.org) <https://example.org/auto>'),
    );
    expect(body).toBe(
      '<p><a href="https://example.org/x?y=1&amp;z=2" title="Title" rel="nofollow noopener">a</a> ' +
        '<a href="http://example.org" rel="nofollow noopener">b</a> ' +
        '<a href="mailto:team@example.org" rel="nofollow noopener">c</a> ' +
        '<a href="https://example.org/auto" rel="nofollow noopener">https://example.org/auto</a></p>',
    );
  });

  test('raw HTML is shown as text, not passed through', () => {
    expect(bodyOf(page('<div onclick="x">block</div>'))).toBe('<p>&lt;div onclick="x"&gt;block&lt;/div&gt;</p>');
    expect(bodyOf(page('a <b>bold</b> word'))).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; word</p>');
  });

  test('task-list boxes are text, not form inputs', () => {
    expect(bodyOf(page('- [x] done\n- [ ] to do'))).toBe('<ul>\n<li>[x] done</li>\n<li>[ ] to do</li>\n</ul>');
  });

  test('an image is its alt text', () => {
    expect(bodyOf(page('see ![a chart of themes](http://t/p.gif) here'))).toBe('<p>see a chart of themes here</p>');
  });

  test('a link to anything but http, https, mailto or a heading of the page is its text alone', () => {
    expect(bodyOf(page('[click me](javascript:alert(1)) and [here](/relative) and [top](#top)'))).toBe(
      '<p>click me and here and <a href="#top">top</a></p>',
    );
    expect(bodyOf(page('[x](#a"b) [y](#<b>)'))).toBe('<p>x y</p>');
  });
});

describe('markdownToHtml: hostile markdown cannot get markup, scripts, images or bad links into the page', () => {
  test.each(HOSTILE_MARKDOWN.map((markdown) => [markdown]))('%j', (markdown) => {
    const html = page(markdown);
    const body = bodyOf(html);
    expect(body).not.toMatch(/<script|<img|<iframe|<object|<embed|<svg|<style|<meta|<base|<form|<input|<details/i);
    expect(body).not.toMatch(/<[^>]*javascript:/i);
    expect(body).not.toMatch(/<[^>]*\s(on[a-z]+|style|src)=/i);
    for (const name of elementNames(body)) expect(ALLOWED_BODY_ELEMENTS.has(name)).toBe(true);
    for (const href of body.matchAll(/<a\s[^>]*href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https?:\/\/|mailto:|#[\p{L}\p{N}-]+$)/u);
    expect(html.match(/<script/gi)).toBeNull();
  });
});

describe('markdownToHtml of escaped text', () => {
  test("people's words, escaped, come out as the same words", () => {
    const words = 'I said <script>alert(1)</script> & [x](javascript:y) ![i](http://t/p.gif) # not a heading';
    const body = bodyOf(page(escapeMarkdownText(words)));
    expect(elementNamesBesideAddressLinks(body)).toEqual(['p']);
    expect(htmlTextContent(body)).toBe(words);
  });
});
