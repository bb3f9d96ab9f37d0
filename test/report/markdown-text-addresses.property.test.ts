import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { escapeMarkdownText, quoteBlock } from '../../src/report/markdown-text.js';
import { elementNamesBesideAddressLinks, expectedMarkdownText, htmlTextContent, renderMarkdown } from '../helpers/rendered-html.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: Number(process.env['ADDRESS_RUNS'] ?? propertyRuns(100)) });

/** Pieces of web and e-mail addresses, with what may stand around them. */
const ADDRESS_PIECES = [
  ...'.,;:!?()[]<>*_~`\\|#&@/=%+- \n',
  'https://',
  'http://',
  'HTTPS://',
  'ftp://',
  'mailto:',
  'www.',
  't.co',
  'x.example',
  'jo@nhs.net',
  '/AbC12',
  'e.g.',
  'themes.yaml',
  '1.',
  '\\\n',
];

const addressText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...ADDRESS_PIECES), fc.string({ maxLength: 3 })), { maxLength: 16 })
  .map((parts) => parts.join(''));

describe('escapeMarkdownText with web and e-mail addresses', () => {
  test.each(['space', 'hard'] as const)(
    'round trip (%s line breaks): exactly the text; links only where an address is written',
    (lineBreaks) => {
      fc.assert(
        fc.property(addressText, (text) => {
          const html = renderMarkdown(escapeMarkdownText(text, { lineBreaks }));
          const expected = expectedMarkdownText(text, lineBreaks);
          expect(elementNamesBesideAddressLinks(html).filter((name) => name !== 'br')).toEqual(expected === '' ? [] : ['p']);
          expect(htmlTextContent(html)).toBe(expected);
        }),
      );
    },
  );

  test('in a block quote', () => {
    fc.assert(
      fc.property(addressText, (text) => {
        const block = quoteBlock(text);
        const names = elementNamesBesideAddressLinks(renderMarkdown(`${block}\n\nafter`));
        expect(names.filter((name) => !['p', 'br'].includes(name))).toEqual(block === '' ? [] : ['blockquote']);
      }),
    );
  });
});
