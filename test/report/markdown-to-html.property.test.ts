import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { codePointStrings } from '../helpers/code-point-strings.js';
import { markdownToHtml } from '../../src/report/markdown-to-html.js';
import { escapeMarkdownText, quoteBlock } from '../../src/report/markdown-text.js';
import { elementNamesBesideAddressLinks, expectedMarkdownText, htmlTextContent } from '../helpers/rendered-html.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20140131, numRuns: propertyRuns(100) });

const ATTACKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src=//x>',
  '<svg onload=alert(1)>',
  '[x](javascript:alert(1))',
  '![i](http://t/p.gif)',
  '<javascript:alert(1)>',
  '<http://x.example>',
  '<a href="javascript:alert(1)">',
  '<style>',
  '<object data=x>',
  'javascript:',
  '&lt;script&gt;',
  '&#60;img&#62;',
  '`',
  '```',
  '\n\n',
  '\n    ',
  '| a |\n|---|\n',
  '> ',
  '- ',
  '1. ',
  '# ',
  '[r]: javascript:x\n',
  '[r]',
  '](',
  '"',
  "'",
];

const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), codePointStrings({ maxLength: 4 }), fc.constantFrom(...ATTACKS)), {
    maxLength: 20,
  })
  .map((parts) => parts.join(''));

function bodyOf(page: string): string {
  return /<main>\n([\s\S]*)\n<\/main>/.exec(page)?.[1] ?? '';
}

function tagsOf(html: string): string {
  return [...html.matchAll(/<[^>]*>/g)].map((match) => match[0]).join('');
}

describe('markdownToHtml properties', () => {
  test('escaped arbitrary text: no <script, no javascript:, no <img; one paragraph holding exactly the text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const page = markdownToHtml(escapeMarkdownText(text), { title: text });
        const body = bodyOf(page);
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/<img/i);
        expect(tagsOf(page)).not.toMatch(/javascript:/i);
        const expected = expectedMarkdownText(text, 'space');
        expect(elementNamesBesideAddressLinks(body)).toEqual(expected === '' ? [] : ['p']);
        expect(htmlTextContent(body)).toBe(expected);
      }),
    );
  });

  test('escaped text in a block quote, under a heading and in a list stays in its place', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (heading, quote, item) => {
        const markdown = `## ${escapeMarkdownText(heading)}\n\n${quoteBlock(quote)}\n\n- ${escapeMarkdownText(item, { lineBreaks: 'hard' })}\n`;
        const page = markdownToHtml(markdown, { title: 'Report' });
        expect(page).not.toMatch(/<script|<img/i);
        expect(tagsOf(page)).not.toMatch(/javascript:/i);
        const names = elementNamesBesideAddressLinks(bodyOf(page)).filter((name) => !['p', 'br'].includes(name));
        expect(names).toEqual(['h2', ...(quoteBlock(quote) === '' ? [] : ['blockquote']), 'ul', 'li']);
      }),
    );
  });

  test('unescaped arbitrary markdown: still no script, image, frame, event handler, style or unsafe link', () => {
    fc.assert(
      fc.property(hostileText, (markdown) => {
        const body = bodyOf(markdownToHtml(markdown, { title: 'Report' }));
        const tags = tagsOf(body);
        expect(tags).not.toMatch(/<(script|img|iframe|object|embed|svg|style|input|form|meta|base)\b/i);
        expect(tags).not.toMatch(/\s(on[a-z]+|style|src)=/i);
        expect(tags).not.toMatch(/javascript:/i);
        for (const href of tags.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
    );
  });

  test('deterministic', () => {
    fc.assert(
      fc.property(hostileText, fc.string(), (markdown, title) => {
        expect(markdownToHtml(markdown, { title })).toBe(markdownToHtml(markdown, { title }));
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});
