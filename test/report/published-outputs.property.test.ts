import { describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { renderCsvHeader, renderCsvRow } from '../../src/report/csv-rows.js';
import { renderJsonReport } from '../../src/report/json-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { markdownToHtml } from '../../src/report/markdown-to-html.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { publishableText } from '../../src/text/publishable-text.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { decodeHtmlEntities, htmlTextContent, renderMarkdown } from '../helpers/rendered-html.js';
import { SAMPLE_EMAILS, SAMPLE_PHONES, SAMPLE_POSTCODES } from '../helpers/personal-data-samples.js';
import { buildReport } from './report-fixture.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20140131, numRuns: propertyRuns(40) });

const codebook = makeCodebook([{ id: 'carers', label: 'Carers', keywords: ['respite'] }]);
const redact = createRedactor(codebook);

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u00ad'];

/** One way of writing a character that a reader still sees as that character. */
const disguisedCharacter = (character: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    character,
    `&#${character.codePointAt(0) ?? 0};`,
    `&#x${(character.codePointAt(0) ?? 0).toString(16)};`,
    `&amp;#${character.codePointAt(0) ?? 0};`,
    character === ' ' ? '&nbsp;' : character,
    character === ' ' ? '\u00a0' : character,
    character === '@' ? '&commat;' : character === '.' ? '&period;' : character,
    /[0-9A-Za-z@]/.test(character) ? String.fromCodePoint((character.codePointAt(0) ?? 0) + 0xfee0) : character,
    ...INVISIBLES.map((invisible) => `${character}${invisible}`),
    `<b>${character}</b>`,
    `<span class="x">${character}</span>`,
  );

/** Personal data written so that a browser or a reader still shows it plainly. */
const disguised = fc
  .constantFrom(...SAMPLE_EMAILS, ...SAMPLE_PHONES, ...SAMPLE_POSTCODES)
  .chain((datum) => fc.tuple(...[...datum].map(disguisedCharacter)).map((characters) => ({ datum, written: characters.join('') })));

/** What a reader could copy out of some text, with everything but letters, digits and `@` dropped. */
function readable(text: string): string {
  return decodeHtmlEntities(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]/gu, '');
}

/** Every published format of a report over these records, as the text a reader sees. */
function publishedTexts(texts: readonly string[]): Record<string, string> {
  const themed = texts.map((text) => makeThemedRecord(codebook, { text, channel: 'blog-comment' }));
  const report = buildReport(codebook, themed);
  const markdown = renderMarkdownReport(report);
  const json = JSON.parse(renderJsonReport(report)) as unknown;
  const csv = renderCsvHeader(codebook) + themed.map((entry) => renderCsvRow(entry, codebook, { redact, includeAuthors: false })).join('');
  return {
    md: markdown,
    mdRendered: htmlTextContent(renderMarkdown(markdown)),
    html: htmlTextContent(markdownToHtml(markdown, { title: report.title })),
    json: JSON.stringify(json),
    csv: (parse(csv, { bom: true }) as string[][]).flat().join(' '),
  };
}

describe('published outputs never show personal data, however it was written', () => {
  test('entities, tags, full-width forms, non-breaking and invisible characters do not let it through (md, html, json, csv)', () => {
    fc.assert(
      fc.property(disguised, ({ datum, written }) => {
        const texts = [`I need respite. Reach me at ${written} please`, `respite ${written}`];
        for (const [format, text] of Object.entries(publishedTexts(texts))) {
          if (readable(text).includes(readable(datum))) throw new Error(`${format} shows ${datum} (written ${JSON.stringify(written)})`);
        }
      }),
    );
  });

  test.each([
    ['jane.doe&#64;example.com', '[email]'],
    ['jane&#x2e;doe&#x40;example&#x2e;com', '[email]'],
    ['<b>07700</b> 900123', '[phone]'],
    ['０７７００ ９００１２３', '[phone]'],
    ['07700&nbsp;900123', '[phone]'],
    ['07700\u200b900\u200d123', '[phone]'],
  ])('%s is redacted as %s', (written, token) => {
    expect(redact(`Respite: ${written}`).text).toBe(`Respite: ${token}`);
  });

  test('invisible and bidirectional control characters are removed from published text', () => {
    const text = `re\u200bspite \u202eevil\u202c \u2066isolated\u2069 soft\u00adhyphen \u200e\u200f`;
    expect(redact(text).text).toBe('respite evil isolated softhyphen ');
    const outputs = publishedTexts([text]);
    for (const output of Object.values(outputs)) expect(output).not.toMatch(/[\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('publishableText', () => {
  test('decodes entities (twice-encoded too), drops tags, applies NFKC', () => {
    expect(publishableText('a &amp;#64; b &lt;i&gt;x&lt;/i&gt; ＡＢ')).toBe('a @ b x AB');
    expect(publishableText('line<br>next<p>para</p>')).toBe('line\nnext\npara\n');
  });

  test('leaves plain text as it is', () => {
    expect(publishableText('Respite, please: 3 < 4 and 5 > 2 & more')).toBe('Respite, please: 3 < 4 and 5 > 2 & more');
  });
});
