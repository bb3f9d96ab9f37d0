import { describe, expect, test } from '@jest/globals';
import { escapeMarkdownText, escapeTableCell, quoteBlock } from '../../src/report/markdown-text.js';
import {
  elementNames,
  elementNamesBesideAddressLinks,
  expectedMarkdownText,
  htmlTextContent,
  renderMarkdown,
} from '../helpers/rendered-html.js';

/** Text people might write (or paste) that markdown would otherwise read as structure or markup. */
const HOSTILE_TEXTS: readonly string[] = [
  '# Heading',
  '## also a heading ##',
  '> a quote',
  '- a list item',
  '+ a list item',
  '* a list item',
  '1. numbered',
  '1) numbered',
  '2014. What a year.',
  'Title\n=====',
  'Title\n-----',
  '---',
  '***',
  '___',
  '```\ncode fence\n```',
  '~~~js\ncode fence\n~~~',
  '    indented code',
  '\tindented code',
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<div>block html</div>',
  '<!-- a comment -->',
  '<?php echo 1; ?>',
  '<![CDATA[x]]>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[click](https://phish.example "title")',
  '![img](http://t/p.gif)',
  '![](data:image/png;base64,AAAA)',
  '<http://autolink.example>',
  '<mailto:jo@example.com>',
  'http://bare.example/path',
  'https://bare.example',
  'www.bare.example',
  'jo@example.com',
  'A](https://phish.example) [t',
  '[ref]: https://phish.example',
  '[ref]\n\n[ref]: https://phish.example',
  '[^1]\n\n[^1]: footnote',
  '**bold** and __bold__',
  '*em* and _em_',
  '***both***',
  '~~struck~~ and ~single~',
  '`code` and ``co`de``',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp; &copy; &#60; &#x3C; &nbsp;',
  '| a | b |\n|---|---|\n| c | d |',
  'a | b\n--|--\nc | d',
  '- [ ] task\n- [x] done',
  'line one\n\nline two',
  'trailing spaces  \nhard break',
  'trailing backslash\\',
  'backslash \\* star',
  '\\\\double',
  'a <b>bold</b> word',
  '{: .class}',
  '$x^2$ and $$math$$',
  '= setext?',
  'a_b_c snake_case',
  '2 * 3 * 4',
  'emoji :smile: 😀 and 日本語 and عربى',
  '\u202eevil right-to-left override',
  'null\u0000byte and bell\u0007',
  'CRLF\r\nline\rendings',
  'the end.',
];

/** Elements marked may produce for text that asks for none of them. */
const STRUCTURE = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'li',
  'ul',
  'ol',
  'pre',
  'code',
  'table',
  'hr',
  'a',
  'img',
  'script',
  'iframe',
  'em',
  'strong',
  'del',
  'input',
  'div',
];

describe('escapeMarkdownText: hostile text renders as itself, in one paragraph', () => {
  test.each(HOSTILE_TEXTS.map((text) => [text]))('%j', (text) => {
    const html = renderMarkdown(escapeMarkdownText(text));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<img/i);
    const names = elementNamesBesideAddressLinks(html);
    expect(names).toEqual(['p']);
    expect(STRUCTURE.filter((element) => names.includes(element))).toEqual([]);
    expect(htmlTextContent(html)).toBe(expectedMarkdownText(text, 'space'));
  });

  test.each(HOSTILE_TEXTS.map((text) => [text]))('%j with hard line breaks', (text) => {
    const html = renderMarkdown(escapeMarkdownText(text, { lineBreaks: 'hard' }));
    expect(new Set(elementNamesBesideAddressLinks(html))).toEqual(
      new Set(expectedMarkdownText(text, 'hard').includes('\n') ? ['p', 'br'] : ['p']),
    );
    expect(htmlTextContent(html)).toBe(expectedMarkdownText(text, 'hard'));
  });

  test('it stays literal when placed after a heading marker, inside a list item or as link text', () => {
    const text = '# [x](javascript:alert(1)) <script>\n> - 1. *no*';
    const heading = renderMarkdown(`## ${escapeMarkdownText(text)}`);
    expect(elementNamesBesideAddressLinks(heading)).toEqual(['h2']);
    expect(htmlTextContent(heading)).toBe(expectedMarkdownText(text, 'space'));
    const item = renderMarkdown(`- ${escapeMarkdownText(text, { lineBreaks: 'hard' })}\n- second`);
    expect(elementNamesBesideAddressLinks(item)).toEqual(['ul', 'li', 'br', 'li']);
    const link = renderMarkdown(`[${escapeMarkdownText('A](https://phish.example) [t')}](https://example.org)`);
    expect(elementNames(link)).toEqual(['p', 'a']);
    expect(link).toContain('href="https://example.org"');
    expect(htmlTextContent(link)).toBe('A](https://phish.example) [t');
  });

  test('a line after an escaped line cannot become a setext underline of the text before it', () => {
    const html = renderMarkdown(`Some words\n${escapeMarkdownText('===')}`);
    expect(elementNamesBesideAddressLinks(html)).toEqual(['p']);
  });
});

describe('escapeMarkdownText: what it writes', () => {
  test.each([
    ['plain words', 'plain words'],
    ['We need help.', 'We need help.'],
    [
      'Co-production (2014): yes! {really} 3.5 stars, 20% + more = better',
      'Co-production (2014): yes! {really} 3.5 stars, 20% + more = better',
    ],
    ['# 1. <b>&amp;</b>', '\\# 1. \\<b\\>\\&amp;\\</b\\>'],
    ['#TLAP13 and #carers, but #1 priority', '#TLAP13 and #carers, but \\#1 priority'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['===', '\\==='],
    ['R&D &amp; more', 'R&D \\&amp; more'],
    ['www.tlap.org.uk or a.person@nhs.net', 'www\\.tlap.org.uk or a.person\\@nhs.net'],
    ['see http://x.example', 'see http://x.example'],
    ['see https://t.co/AbC12, e.g. themes.yaml', 'see https://t.co/AbC12, e.g. themes.yaml'],
    ['a link (https://x.example/a) in brackets', 'a link (https\\://x.example/a) in brackets'],
    ['https://x.example/a_b*c', 'https\\://x.example/a\\_b\\*c'],
    ['time: 10:30', 'time: 10:30'],
    ['don\'t "quote" me, ok? 50% @TLAP_News', 'don\'t "quote" me, ok? 50% @TLAP\\_News'],
    ['a\nb\r\n\n c ', 'a b c'],
    ['  \n\t ', ''],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdownText(text)).toBe(escaped);
  });

  test('hard line breaks are a backslash at the end of the line', () => {
    expect(escapeMarkdownText('one\n\n  two  \nthree.', { lineBreaks: 'hard' })).toBe('one\\\ntwo\\\nthree.');
  });

  test('control characters go, lone surrogates become U+FFFD, tabs inside a line stay', () => {
    expect(escapeMarkdownText('a\u0000b\u0007c\u009bd\ud800e\tf')).toBe('abcd\ufffde\tf');
  });
});

describe('escapeTableCell: hostile text stays inside its cell', () => {
  test.each(HOSTILE_TEXTS.map((text) => [text]))('%j', (text) => {
    const markdown = `| who | said |\n| --- | --- |\n| ${escapeTableCell('a | b')} | ${escapeTableCell(text)} |\n`;
    const html = renderMarkdown(markdown);
    expect(elementNamesBesideAddressLinks(html)).toEqual(['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td']);
    const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => htmlTextContent(match[1] ?? ''));
    expect(cells).toEqual(['a | b', expectedMarkdownText(text, 'space')]);
  });

  test('an empty cell stays an empty cell', () => {
    const html = renderMarkdown(`| a | b |\n| --- | --- |\n| ${escapeTableCell('\n')} | x |\n`);
    expect([...html.matchAll(/<td>/g)]).toHaveLength(2);
  });
});

describe('quoteBlock', () => {
  test('one block quote, one paragraph per paragraph of the text, hard breaks within', () => {
    const text = 'We need *help*.\nReally.\n\n# Not a heading\n<script>bad()</script>\n\n\n> not nested';
    expect(quoteBlock(text)).toBe(
      '> We need \\*help\\*.\\\n> Really.\n>\n> \\# Not a heading\\\n> \\<script\\>bad()\\</script\\>\n>\n> \\> not nested',
    );
    const html = renderMarkdown(quoteBlock(text));
    expect(elementNamesBesideAddressLinks(html)).toEqual(['blockquote', 'p', 'br', 'p', 'br', 'p']);
    const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => htmlTextContent(match[1] ?? ''));
    expect(paragraphs).toEqual(['We need *help*.\nReally.', '# Not a heading\n<script>bad()</script>', '> not nested']);
  });

  test.each(HOSTILE_TEXTS.map((text) => [text]))('%j stays inside one block quote', (text) => {
    const html = renderMarkdown(`${quoteBlock(text)}\n\nafter`);
    const names = elementNamesBesideAddressLinks(html);
    expect(names[0]).toBe('blockquote');
    expect(names.filter((name) => name === 'blockquote')).toHaveLength(1);
    expect(names.filter((name) => !['blockquote', 'p', 'br'].includes(name))).toEqual([]);
    expect(html.trimEnd().endsWith('</blockquote>\n<p>after</p>')).toBe(true);
  });

  test('whitespace-only text gives nothing', () => {
    expect(quoteBlock(' \n\n \t')).toBe('');
  });
});
