import { describe, expect, test } from '@jest/globals';
import { marked, type Token, type Tokens } from 'marked';
import { publishableText } from '../../src/text/publishable-text.js';
import { markUnpunctuatedParagraphs } from '../../src/text/shortened-text.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { buildReport } from './report-fixture.js';

const codebook = makeCodebook(
  [
    { id: 'carers', label: 'Support for carers', description: 'Unpaid carers and respite.', keywords: ['carer', 'respite'] },
    { id: 'money', label: 'Money', keywords: ['budget'] },
  ],
  { title: 'What people told us' },
);

const records = [
  makeThemedRecord(codebook, {
    text: 'Carers need respite more than anything else this year.',
    channel: 'email',
    date: '2014-02-03T00:00:00.000Z',
    author: 'Asha',
  }),
  makeThemedRecord(codebook, { text: 'A carer', channel: 'twitter', date: '2014-01-01T00:00:00.000Z' }),
  makeThemedRecord(codebook, { text: 'Unrelated', channel: 'survey' }),
];

function allTokens(markdown: string): Token[] {
  const tokens: Token[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    tokens.push(token);
  });
  return tokens;
}

/** The text a reader sees in some inline tokens: escapes resolved, markup dropped. */
function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) =>
      'tokens' in token && token.tokens !== undefined && token.type !== 'text'
        ? plainText(token.tokens)
        : 'text' in token
          ? String(token.text)
          : '',
    )
    .join('');
}

const headings = (markdown: string): string[] =>
  allTokens(markdown)
    .filter((token): token is Tokens.Heading => token.type === 'heading')
    .map((token) => `${'#'.repeat(token.depth)} ${plainText(token.tokens)}`);

const blockquotes = (markdown: string): Tokens.Blockquote[] =>
  allTokens(markdown).filter((token): token is Tokens.Blockquote => token.type === 'blockquote');

const tables = (markdown: string): Tokens.Table[] => allTokens(markdown).filter((token): token is Tokens.Table => token.type === 'table');

describe('renderMarkdownReport', () => {
  test('is a pure function of the report', () => {
    const report = buildReport(codebook, records);
    expect(renderMarkdownReport(report)).toBe(renderMarkdownReport(structuredClone(report)));
  });

  test('headings: title, key findings, overview, themes (in report order), over time, unthemed, methods', () => {
    expect(headings(renderMarkdownReport(buildReport(codebook, records)))).toEqual([
      '# What people told us',
      '## Key findings',
      '## Overview',
      '## Themes',
      '### Support for carers',
      '### Money',
      '## Over time',
      '## Unthemed feedback',
      '## Methods',
    ]);
  });

  test('a contents list links every section by the anchor its heading gets', () => {
    const markdown = renderMarkdownReport(buildReport(codebook, records));
    const links = allTokens(markdown).filter((token): token is Tokens.Link => token.type === 'link');
    expect(links.map((link) => [link.text, link.href])).toEqual([
      ['Key findings', '#key-findings'],
      ['Overview', '#overview'],
      ['Themes', '#themes'],
      ['Over time', '#over-time'],
      ['Unthemed feedback', '#unthemed-feedback'],
      ['Methods', '#methods'],
    ]);
  });

  test('tables: records by channel, and themes with counts and shares', () => {
    const all = tables(renderMarkdownReport(buildReport(codebook, records)));
    const channels = all[0];
    const themes = all.find((table) => table.header[0]?.text === 'Theme');
    expect(channels?.header.map((cell) => cell.text)).toEqual(['Channel', 'Records', 'Share', 'Voices']);
    expect(channels?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Twitter/X', 'fewer than 5', '—', 'fewer than 5'],
      ['E-mail', 'fewer than 5', '—', 'fewer than 5'],
      ['Surveys', 'fewer than 5', '—', 'fewer than 5'],
    ]);
    expect(themes?.header.map((cell) => cell.text)).toEqual(['Theme', 'Records', 'Share', 'Voices', 'Campaigns']);
    expect(themes?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Support for carers', '2', '66.7%', '2', '0'],
      ['Money', '0', '0.0%', '0', '0'],
    ]);
  });

  test('the overview gives the date range, undated and unthemed counts', () => {
    const markdown = renderMarkdownReport(buildReport(codebook, records));
    expect(markdown).toContain('Dates run from 2014-01-01 to 2014-02-03 (1 undated). 1 record (33.3%) matched no theme.');
  });

  test('an empty store still renders every section', () => {
    expect(headings(renderMarkdownReport(buildReport(codebook, [])))).toEqual([
      '# What people told us',
      '## Overview',
      '## Themes',
      '### Support for carers',
      '### Money',
      '## Unthemed feedback',
      '## Methods',
    ]);
  });

  test('authors appear only when asked for', () => {
    expect(renderMarkdownReport(buildReport(codebook, records))).not.toContain('Asha');
    expect(renderMarkdownReport(buildReport(codebook, records, true))).toContain('> — Asha, E-mail, 2014-02-03');
  });

  describe("people's words cannot change the document", () => {
    const hostile = '# heading | pipe | <script>alert(1)</script> *bold* [link](https://x.org) `code`\n\n## second';
    const hostileCodebook = makeCodebook([{ id: 'carers', label: 'Carers | <b>respite</b> # one', keywords: ['carer', 'heading'] }], {
      title: '# Title <i>x</i>',
    });
    const report = buildReport(
      hostileCodebook,
      [
        makeThemedRecord(hostileCodebook, { text: `carer ${hostile}`, author: '<img src=x> | Bob' }),
        makeThemedRecord(hostileCodebook, { text: hostile }),
        makeThemedRecord(hostileCodebook, { text: `Nothing | to <em>see</em> # here` }),
      ],
      true,
    );
    const markdown = renderMarkdownReport(report);
    const tokens = allTokens(markdown);

    test('no heading is created by a quote', () => {
      expect(headings(markdown)).toEqual([
        '# # Title <i>x</i>',
        '## Key findings',
        '## Overview',
        '## Themes',
        '### Carers | <b>respite</b> # one',
        '## Unthemed feedback',
        '## Methods',
      ]);
      expect(marked.parse(markdown, { async: false }).match(/<h[1-6]>/g)).toHaveLength(7);
    });

    test('no HTML tag, link or image anywhere; no emphasis, code span or heading inside a quote', () => {
      expect(tokens.filter((token) => ['html', 'tag', 'image'].includes(token.type))).toEqual([]);
      const links = tokens.filter((token): token is Tokens.Link => token.type === 'link');
      for (const link of links) expect(link.href).toMatch(/^#[a-z-]+$/);
      const inQuotes: Token[] = [];
      marked.walkTokens(blockquotes(markdown), (token) => {
        inQuotes.push(token);
      });
      expect(inQuotes.filter((token) => ['em', 'strong', 'codespan', 'heading', 'list', 'table'].includes(token.type))).toEqual([]);
    });

    test('no table column is created: every row keeps as many cells as its header', () => {
      for (const table of tables(markdown)) {
        for (const row of table.rows) expect(row).toHaveLength(table.header.length);
      }
      const themes = tables(markdown).find((table) => table.header[0]?.text === 'Theme');
      expect(plainText(themes?.rows[0]?.[0]?.tokens)).toBe('Carers | <b>respite</b> # one');
    });

    test('the words are all still there, as literal text, with their markup removed', () => {
      const quoted = blockquotes(markdown).map((token) => plainText(token.tokens));
      expect(quoted.some((text) => text.includes(markUnpunctuatedParagraphs(publishableText(hostile)).replace(/\s+/g, ' ')))).toBe(true);
      expect(quoted.some((text) => text.includes('— | Bob'))).toBe(true);
      expect(marked.parse(markdown, { async: false })).toContain('alert(1) *bold*');
      expect(marked.parse(markdown, { async: false })).not.toMatch(/script|<img/);
    });
  });
});

describe('small numbers explained where the reader meets them', () => {
  const times = (count: number, text: string, channel: 'survey' | 'email' | 'twitter') =>
    Array.from({ length: count }, () => makeThemedRecord(codebook, { text, channel }));
  const secondary = renderMarkdownReport(
    buildReport(codebook, [...times(10, 'a carer', 'survey'), ...times(6, 'a carer', 'email'), ...times(2, 'nothing', 'twitter')]),
  );
  const note = 'Note: “suppressed” marks a count hidden so that a count under 5 cannot be worked out from the other counts and the total.';

  test('the overview says what "fewer than 5", "suppressed" and "—" mean before its first table', () => {
    const overview = secondary.slice(secondary.indexOf('## Overview'), secondary.indexOf('Table: Records and voices by channel'));
    expect(overview).toContain('the tables show a count of 1 to 4 as “fewer than 5”, and show “suppressed” where a count is hidden');
    expect(overview).toContain('a share is “—” when its count is hidden. Each theme’s total is shown exactly.');
  });

  test('a table showing "suppressed" is followed by a note saying why; a table without one is not', () => {
    const channels = secondary.slice(secondary.indexOf('Table: Records and voices by channel'));
    expect(channels.slice(0, channels.indexOf('\n\nDates run'))).toContain('| E-mail | suppressed |');
    expect(channels.slice(0, channels.indexOf('\n\nDates run'))).toContain(note);
    const plain = renderMarkdownReport(buildReport(codebook, [...times(10, 'a carer', 'survey'), ...times(6, 'a budget', 'email')]));
    expect(plain).not.toContain('suppressed |');
    expect(plain).not.toContain(note);
  });

  test('"records" and "voices" are said in plain words before any table uses them', () => {
    const before = secondary.slice(0, secondary.indexOf('Table:'));
    expect(before).toContain('pieces of feedback (each one a “record” in the tables below).');
    expect(before).toContain(
      'voices: the people who sent them, each author or survey respondent counted once (a record with neither counts as one voice).',
    );
  });

  test('one record from one person is said in the singular', () => {
    const one = renderMarkdownReport(buildReport(codebook, times(1, 'a carer', 'survey')));
    expect(one).toContain('This summary covers **1** piece of feedback');
    expect(one).toContain('It comes from **1** voice: the person who sent it,');
  });
});

describe('headings say what follows', () => {
  test('the quotes for a word that stands out in the unthemed records are headed by what they are, not the bare word', () => {
    const unthemed = ['parking at the clinic', 'no parking again', 'parking is a problem', 'the parking charges'].map((text) =>
      makeThemedRecord(codebook, { text, channel: 'survey' }),
    );
    const markdown = renderMarkdownReport(buildReport(codebook, [...records, ...unthemed]));
    expect(headings(markdown)).toContain('### Unthemed records with “parking”');
    expect(headings(markdown)).not.toContain('### “parking”');
  });
});

describe('the table of themes raised together', () => {
  test('its columns are headed by the themes, as its rows are, so each cell is named by both themes (a screen reader reads the headers)', () => {
    const both = makeThemedRecord(codebook, { text: 'A carer budget', channel: 'survey' });
    const markdown = renderMarkdownReport(buildReport(codebook, [...records, both]));
    const table = tables(markdown).find((entry) => entry.header.map((cell) => cell.text).includes('Money'));
    expect(table?.header.map((cell) => cell.text)).toEqual(['Theme', 'Support for carers', 'Money']);
    expect(table?.rows.map((row) => row[0]?.text)).toEqual(['Support for carers', 'Money']);
  });
});
