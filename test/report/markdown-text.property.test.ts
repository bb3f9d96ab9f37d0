import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { codePointStrings } from '../helpers/code-point-strings.js';
import { escapeMarkdownText, escapeTableCell, quoteBlock } from '../../src/report/markdown-text.js';
import { elementNamesBesideAddressLinks, expectedMarkdownText, htmlTextContent, renderMarkdown } from '../helpers/rendered-html.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20140131, numRuns: propertyRuns(100) });

/** Markdown's own characters and fragments, to be mixed with arbitrary Unicode. */
const MARKDOWN_PIECES = [
  ...'\\`*_{}[]()#+-.!|<>~&=$:;/@"\'%^?, \t\n\r',
  '\r\n',
  '\n\n',
  '    ',
  '1. ',
  '1) ',
  '- ',
  '> ',
  '# ',
  '```',
  '~~~',
  '---',
  '===',
  '***',
  '<script>',
  '</script>',
  '<img src=x>',
  '<!--',
  '-->',
  '&lt;',
  '&amp;',
  '&#60;',
  '&#x3c;',
  'javascript:',
  'http://',
  'https://x.example',
  'www.',
  'mailto:',
  '@example.com',
  '](',
  '![',
  '[^1]',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\ufeff',
  '\u202e',
  '\ud800',
  '\udc00',
];

/** Arbitrary Unicode (including lone surrogates and control characters) mixed with markdown syntax. */
const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), codePointStrings({ maxLength: 4 }), fc.constantFrom(...MARKDOWN_PIECES)), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

describe('escapeMarkdownText properties', () => {
  test('round trip: rendered by marked, escaped text is one paragraph holding exactly the (tidied) text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = renderMarkdown(escapeMarkdownText(text));
        const expected = expectedMarkdownText(text, 'space');
        expect(elementNamesBesideAddressLinks(html)).toEqual(expected === '' ? [] : ['p']);
        expect(htmlTextContent(html)).toBe(expected);
      }),
    );
  });

  test('round trip with hard line breaks: one paragraph, only <br> inside', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = renderMarkdown(escapeMarkdownText(text, { lineBreaks: 'hard' }));
        const expected = expectedMarkdownText(text, 'hard');
        const names = elementNamesBesideAddressLinks(html);
        expect(names.filter((name) => name !== 'br')).toEqual(expected === '' ? [] : ['p']);
        expect(htmlTextContent(html)).toBe(expected);
      }),
    );
  });

  test('round trip for any Unicode string', () => {
    fc.assert(
      fc.property(codePointStrings({ maxLength: 60 }), (text) => {
        const html = renderMarkdown(escapeMarkdownText(text));
        expect(htmlTextContent(html)).toBe(expectedMarkdownText(text, 'space'));
      }),
    );
  });

  test('table cells: a row of escaped cells is one row of exactly those cells', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), (cells) => {
        const header = `| ${cells.map((_, index) => `c${index}`).join(' | ')} |`;
        const rule = `| ${cells.map(() => '---').join(' | ')} |`;
        const row = `| ${cells.map(escapeTableCell).join(' | ')} |`;
        const html = renderMarkdown(`${header}\n${rule}\n${row}\n`);
        const rendered = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => htmlTextContent(match[1] ?? ''));
        expect(rendered).toEqual(cells.map((cell) => expectedMarkdownText(cell, 'space')));
        expect(
          elementNamesBesideAddressLinks(html).filter((name) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(name)),
        ).toEqual([]);
      }),
    );
  });

  test('quoteBlock: one block quote of paragraphs and line breaks, whatever the text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const block = quoteBlock(text);
        const html = renderMarkdown(`${block}\n\nafter`);
        const names = elementNamesBesideAddressLinks(html);
        if (block === '') {
          expect(names).toEqual(['p']);
        } else {
          expect(names[0]).toBe('blockquote');
          expect(names.filter((name) => !['p', 'br'].includes(name))).toEqual(['blockquote']);
        }
        expect(html.trimEnd().endsWith('<p>after</p>')).toBe(true);
      }),
    );
  });
});
