import { describe, expect, test } from '@jest/globals';
import { protectEntries } from '../../src/report/disclosure-control.js';
import { formatCount, formatShare } from '../../src/report/number-format.js';
import {
  cellText,
  GROUP_SHARES_CAPTION,
  GROUP_VOICE_SHARES_CAPTION,
  keyLabel,
  renderMarkdownReport,
} from '../../src/report/markdown-report.js';
import { recordSource } from '../../src/report/record-source.js';
import type { FindingFigure, ThemeReport } from '../../src/report/theme-report.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { buildReport } from './report-fixture.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
  { id: 'places', label: 'Places', keywords: ['day centre'] },
]);
const exact = { minCount: 1, roundTo: null };

function survey(text: string, question: string, date: string | null = null) {
  return makeThemedRecord(codebook, {
    text,
    channel: 'survey',
    meta: { question },
    date,
    provenance: { file: 'exports/survey.csv', row: 1 },
  });
}

const records = [
  survey('A carer needs respite', 'Q1 What matters?', '2014-01-05T10:00:00.000Z'),
  survey('Carer budget cut', 'Q1 What matters?', '2014-01-20T10:00:00.000Z'),
  survey('My budget and the day centre', 'Q2 Anything else?', '2014-02-01T00:00:00.000Z'),
  makeThemedRecord(codebook, {
    text: 'Respite for carers and a budget',
    channel: 'blog-comment',
    meta: { postTitle: 'Why we are updating' },
    date: '2014-02-10T00:00:00.000Z',
    provenance: { file: 'exports/blog.xml', line: 4 },
  }),
  makeThemedRecord(codebook, {
    text: 'Transport to the hospital is hopeless',
    channel: 'email',
    meta: { subject: 'Re: Fwd: Transport' },
    provenance: { file: 'mail/inbox.mbox', part: '1' },
  }),
  makeThemedRecord(codebook, {
    text: 'Transport again, and hospital parking',
    channel: 'twitter',
    provenance: { file: 'tweets.csv', row: 2 },
  }),
];

function breakdown(report: ThemeReport, themeId: string | null, dimension: string): [string, string][] {
  const list = themeId === null ? report.breakdowns : (report.themes.find((theme) => theme.id === themeId)?.breakdowns ?? []);
  const found = list.find((entry) => entry.dimension === dimension);
  return (found?.cells ?? []).map((entry) => [entry.key, cellText(entry.cell)]);
}

describe('breakdowns', () => {
  const report = buildReport(codebook, records, false, exact);

  test('by question, in natural order, for survey records', () => {
    expect(breakdown(report, null, 'question')).toEqual([
      ['Q1 What matters?', '2'],
      ['Q2 Anything else?', '1'],
    ]);
    expect(breakdown(report, 'carers', 'question')).toEqual([['Q1 What matters?', '2']]);
  });

  test('by source: the blog post, the e-mail thread without Re:/Fwd:, else the file', () => {
    expect(breakdown(report, null, 'source')).toEqual([
      ['file: exports/survey.csv', '3'],
      ['file: tweets.csv', '1'],
      ['post: Why we are updating', '1'],
      ['thread: Transport', '1'],
    ]);
    expect(recordSource(makeRecord({ provenance: { file: '-' } }))).toBeNull();
  });

  test('by month where dated, in date order', () => {
    expect(breakdown(report, null, 'month')).toEqual([
      ['2014-01', '2'],
      ['2014-02', '2'],
    ]);
    expect(breakdown(report, 'money', 'month')).toEqual([
      ['2014-01', '1'],
      ['2014-02', '2'],
    ]);
  });

  test('by channel, named as the report names channels', () => {
    expect(breakdown(report, 'carers', 'channel').map(([key, count]) => [keyLabel('channel', key), count])).toEqual([
      ['Blog comments', '1'],
      ['Surveys', '2'],
    ]);
  });

  test("a file stored by an absolute path is published by its own name, not the analyst's folders", () => {
    const stored = makeThemedRecord(codebook, {
      text: 'Respite for carers',
      channel: 'survey',
      provenance: { file: '/home/jane.smith/Downloads/survey.csv', row: 1 },
    });
    const report = buildReport(codebook, [stored], false, exact);
    expect(breakdown(report, null, 'source')).toEqual([['file: survey.csv', '1']]);
    expect(breakdown(report, 'carers', 'source')).toEqual([['file: survey.csv', '1']]);
    expect(renderMarkdownReport(report)).not.toContain('jane.smith');
  });

  test('questions and sources are table keys as published: personal data in them is redacted like any published text', () => {
    const leaky = [
      survey('A carer', 'Q9 Or e-mail jo.smith@example.com'),
      makeThemedRecord(codebook, {
        text: 'Respite please',
        channel: 'email',
        meta: { subject: 'Re: Call 07700 900123 about respite' },
        provenance: { file: 'mail/in.mbox' },
      }),
    ];
    const report = buildReport(codebook, leaky, false, exact);
    expect(breakdown(report, 'carers', 'question')).toEqual([['Q9 Or e-mail [email]', '1']]);
    expect(breakdown(report, null, 'source').map(([key]) => key)).toContain('thread: Call [phone] about respite');
    const markdown = renderMarkdownReport(report);
    expect(markdown).not.toContain('jo.smith');
    expect(markdown).not.toContain('900123');
  });

  test('small cells are suppressed by the rule, and a lone small cell takes another with it', () => {
    const protectedReport = buildReport(codebook, records, false, { minCount: 2, roundTo: null });
    expect(breakdown(protectedReport, 'carers', 'channel')).toEqual([
      ['blog-comment', 'fewer than 2'],
      ['survey', 'suppressed'],
    ]);
    expect(renderMarkdownReport(protectedReport)).toContain('| Channel | Blog comments | fewer than 2 |');
  });
});

describe('co-occurrence', () => {
  const report = buildReport(codebook, records, false, exact);

  test('a theme × theme table of records in both, the diagonal the theme totals', () => {
    const { themeIds, counts } = report.coOccurrence;
    expect(themeIds).toEqual(['carers', 'money', 'places']);
    expect(counts.map((row) => row.map(cellText))).toEqual([
      ['3', '2', '0'],
      ['2', '3', '1'],
      ['0', '1', '1'],
    ]);
  });

  test('the strongest pairs, most records in common first, in words', () => {
    expect(report.coOccurrence.strongest.map((pair) => [pair.a, pair.b, cellText(pair.together), pair.overlap])).toEqual([
      ['carers', 'money', '2', 0.5],
      ['money', 'places', '1', 0.3333],
    ]);
    expect(renderMarkdownReport(report)).toContain('- Carers with Money: 2 records together (50.0% of the records in either).');
  });

  test('a suppressed pair gives no overlap that would reveal it', () => {
    const pair = buildReport(codebook, records).coOccurrence.strongest[0];
    expect(pair?.together.kind).toBe('suppressed');
    expect(pair?.overlap).toBeNull();
  });
});

describe('co-occurrence under the small-number rule', () => {
  const four = makeCodebook([
    { id: 'a', keywords: ['apple'] },
    { id: 'b', keywords: ['banana'] },
    { id: 'c', keywords: ['cherry'] },
    { id: 'd', keywords: ['damson'] },
  ]);
  const many = (text: string, times: number) => Array.from({ length: times }, () => makeThemedRecord(four, { text }));
  const strongest = (records: ReturnType<typeof many>, rule = { minCount: 5, roundTo: null as number | null }) =>
    buildReport(four, records, false, rule).coOccurrence.strongest.map((pair) => [pair.a, pair.b, cellText(pair.together), pair.overlap]);

  test('suppressed pairs come after shown ones in codebook order, whatever their hidden counts', () => {
    const shown = many('apple cherry', 6);
    const abMore = strongest([...shown, ...many('apple banana', 3), ...many('cherry damson', 1)]);
    const cdMore = strongest([...shown, ...many('apple banana', 1), ...many('cherry damson', 3)]);
    expect(abMore).toEqual([
      ['a', 'c', '6', expect.any(Number)],
      ['a', 'b', 'fewer than 5', null],
      ['c', 'd', 'fewer than 5', null],
    ]);
    expect(cdMore).toEqual(abMore);
  });

  test('with round_to, pairs rank and overlap by the rounded count, so equal published counts do not betray the exact ones', () => {
    const seven = [...many('apple banana', 7), ...many('apple', 3), ...many('banana', 3)];
    const eight = [...many('cherry damson', 8), ...many('cherry', 3), ...many('damson', 3)];
    const pairs = strongest([...seven, ...eight], { minCount: 5, roundTo: 5 });
    expect(pairs).toEqual(
      [
        ['a', 'b', '5', Math.round((5 / (10 + 10 - 5)) * 10000) / 10000],
        ['c', 'd', '10', Math.round((10 / (11 + 11 - 10)) * 10000) / 10000],
      ].reverse(),
    );
    const sixAndSeven = [...many('apple banana', 6), ...many('apple', 3), ...many('banana', 3), ...many('cherry damson', 7)];
    const published = strongest([...sixAndSeven, ...many('cherry', 3), ...many('damson', 3)], { minCount: 5, roundTo: 5 });
    expect(published.map(([a, b]) => `${a}${b}`)).toEqual(['ab', 'cd']);
  });
});

describe('unthemed, summarised', () => {
  test('the words that stand out in unthemed records, with quotes from different records where they can be', () => {
    const report = buildReport(codebook, records, false, exact);
    const terms = report.unthemedTerms.map((term) => term.term);
    expect(terms).toEqual(expect.arrayContaining(['transport', 'hospital']));
    const transport = report.unthemedTerms.find((term) => term.term === 'transport');
    expect([transport?.unthemedRecords, transport?.themedRecords]).toEqual([2, 0]);
    expect(transport?.quotes).toHaveLength(2);
    expect(renderMarkdownReport(report)).toContain('| transport | 2 | 0 |');
  });

  test('a name, a street or a handle that many unthemed records share is never a word that stands out: the next term takes its place', () => {
    const reception = [1, 2, 3, 4].map((n) =>
      makeThemedRecord(codebook, {
        text: `Parking at the surgery is awful, ask for Karen Whitfield at reception ${n}, she lives at ${n} Acacia Avenue, or tweet @karenw_surgery.`,
        channel: 'survey',
        meta: { question: 'Anything else?' },
        provenance: { file: 'exports/survey.csv', row: n },
      }),
    );
    const report = buildReport(codebook, [...records, ...reception], false, exact);
    const terms = report.unthemedTerms.map((term) => term.term);
    expect(terms).toHaveLength(8);
    expect(terms.filter((term) => /karen|whitfield|acacia|avenue|karenw/u.test(term))).toEqual([]);
    expect(terms).toEqual(expect.arrayContaining(['parking', 'awful']));
    const markdown = renderMarkdownReport(report);
    expect(markdown).not.toMatch(/karen|whitfield|acacia/iu);
  });
});

/** The header and rows of the markdown table with this caption, each a list of its cells. */
function markdownTable(markdown: string, caption: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`Table: ${caption}`);
  if (start < 0) return [];
  const table: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    table.push(line);
  }
  return table
    .filter((_, index) => index !== 1)
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

/** Each respondent group's voices as the markdown table of all records (or a theme's records) by group shows them. */
function groupVoices(report: ThemeReport, themeId: string | null): [string, string][] {
  const label = themeId === null ? null : report.themes.find((theme) => theme.id === themeId)?.label;
  const caption = label === null ? 'All records and voices by respondent group' : `${label ?? ''}: records and voices by respondent group`;
  const [header, ...rows] = markdownTable(renderMarkdownReport(report), caption);
  expect(header).toEqual(['Group', 'Records', 'Voices']);
  return rows.map((cells): [string, string] => [cells[0] ?? '', cells[2] ?? '']);
}

/** The number a table further down shows for a figure's source. */
function shownAtSource(report: ThemeReport, figure: FindingFigure): string | undefined {
  const source = figure.source;
  const theme = (id: string) => report.themes.find((entry) => entry.id === id);
  switch (source.table) {
    case 'themes': {
      const found = theme(source.themeId);
      if (found === undefined) return undefined;
      if (source.column === 'voices') return formatCount(found.voices);
      return source.column === 'records' ? formatCount(found.count) : formatShare(found.share);
    }
    case 'channels': {
      const cells = protectEntries(
        report.byChannel.map((entry) => ({ key: entry.channel, count: entry.count })),
        report.disclosure,
      );
      const cell = cells.find((entry) => entry.key === source.channel)?.cell;
      return cell === undefined ? undefined : cellText(cell);
    }
    case 'totals':
      return (source.column === 'voices' ? groupVoices(report, null) : breakdown(report, null, source.dimension)).find(
        ([key]) => key === source.key,
      )?.[1];
    case 'breakdown':
      return (source.column === 'voices' ? groupVoices(report, source.themeId) : breakdown(report, source.themeId, source.dimension)).find(
        ([key]) => key === source.key,
      )?.[1];
    case 'group-shares': {
      const rows = markdownTable(
        renderMarkdownReport(report),
        source.column === 'voices' ? GROUP_VOICE_SHARES_CAPTION : GROUP_SHARES_CAPTION,
      );
      const column = rows[0]?.indexOf(source.key) ?? -1;
      const row = rows.find((cells) => cells[0] === theme(source.themeId)?.label);
      return column < 1 ? undefined : row?.[column];
    }
    case 'co-occurrence': {
      const pair = report.coOccurrence.strongest.find((entry) => entry.a === source.a && entry.b === source.b);
      return pair === undefined ? undefined : cellText(pair.together);
    }
    case 'changes': {
      const change = report.changes?.find((entry) => entry.themeId === source.themeId);
      const value = source.column === 'before' ? change?.before : change?.after;
      return value === undefined || value === null ? undefined : formatCount(value);
    }
  }
}

/** Survey answers from respondents who answered `group` to "Are you responding as …?", a carer raised in the first `carers`, one respondent per two answers. */
function groupAnswers(grouped: ReturnType<typeof makeCodebook>, group: string, count: number, carers: number) {
  return Array.from({ length: count }, (_, index) =>
    makeThemedRecord(grouped, {
      text: index < carers ? `A carer needs respite (${index})` : `The budget is too small (${index})`,
      channel: 'survey',
      meta: { question: 'Q1 What matters?', respondent: `${group}-${Math.floor(index / 2)}`, answers: { 'Responding as': group } },
      provenance: { file: 'exports/survey.csv', row: index + 1 },
    }),
  );
}

const grouped = makeCodebook(
  [
    { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'] },
    { id: 'money', label: 'Money', keywords: ['budget'] },
  ],
  { groups: 'responding as', minCount: 5 },
);
const groupedRecords = [...groupAnswers(grouped, 'Individual', 40, 8), ...groupAnswers(grouped, 'Organisation', 12, 9)];
/** As {@link groupedRecords}, with enough people raising carers in each group that their voices are shown too. */
const peopleRecords = [...groupAnswers(grouped, 'Individual', 40, 16), ...groupAnswers(grouped, 'Organisation', 14, 10)];

describe('key findings', () => {
  const reports = [
    buildReport(codebook, records, false, exact),
    buildReport(codebook, records),
    buildReport(codebook, [...records, ...records.map((entry) => ({ ...entry, record: { ...entry.record, id: `${entry.record.id}b` } }))]),
    buildReport(grouped, groupedRecords, false, { minCount: 5, roundTo: null }),
    buildReport(grouped, groupedRecords, false, { minCount: 5, roundTo: 5 }),
    buildReport(grouped, peopleRecords, false, { minCount: 5, roundTo: null }),
    buildReport(grouped, peopleRecords, false, { minCount: 5, roundTo: 5 }),
  ];

  test('the most raised themes, the biggest differences between channels and questions, the strongest pair', () => {
    const texts = reports[0]?.keyFindings.map((finding) => finding.text) ?? [];
    expect(texts[0]).toBe(
      'The themes raised most often were Carers (raised by 2 people in 3 records, 50.0% of all records), Money (raised by 2 people in 3 records, 50.0%) and Places (raised by 1 person in 1 record, 16.7%).',
    );
    expect(texts).toContain('Carers was raised together with Money more often than any other pair of themes: in 2 records.');
    expect(texts.join(' ')).not.toContain('biggest difference');
  });

  test('the biggest difference between channels and between questions, once there are records enough to tell it from chance', () => {
    const many = (count: number, make: (index: number) => ReturnType<typeof survey>) =>
      Array.from({ length: count }, (_, index) => make(index));
    const report = buildReport(
      codebook,
      [
        ...many(20, (index) => survey(`A carer needs respite (${index})`, 'Q1 What matters?')),
        ...many(20, (index) => survey(`My budget and the day centre (${index})`, 'Q2 Anything else?')),
        ...many(10, (index) => makeThemedRecord(codebook, { text: `Respite for carers (${index})`, channel: 'blog-comment' })),
        ...many(10, (index) => makeThemedRecord(codebook, { text: `Transport is hopeless (${index})`, channel: 'email' })),
      ],
      false,
      exact,
    );
    const texts = report.keyFindings.map((finding) => finding.text);
    expect(texts).toContain(
      'The biggest difference between channels: Carers came up in 10 of the 10 Blog comments records, more often than in all records (50.0%).',
    );
    expect(texts).toContain(
      'The biggest difference between questions: Money came up in 20 of the 20 answers to “Q2 Anything else?”, more often than in all records (33.3%).',
    );
  });

  test('a channel holding nearly every record, beside one of six records, differs from the rest by nothing sure: no finding', () => {
    const nearlyAll = [
      ...Array.from({ length: 300 }, (_, index) =>
        survey(index % 8 === 0 ? `A carer needs respite (${index})` : `The bus is late (${index})`, 'Q1 What matters?'),
      ),
      ...Array.from({ length: 6 }, (_, index) =>
        makeThemedRecord(codebook, {
          text: `The bus again (${index})`,
          channel: 'email',
          provenance: { file: 'mail/inbox.mbox', part: String(index + 1) },
        }),
      ),
    ];
    const findings = buildReport(codebook, nearlyAll, false, exact).keyFindings.map((finding) => finding.text);
    expect(findings.join(' ')).not.toContain('between channels');
  });

  test('a theme raised alike in every channel but for a fraction of a point gives no finding, however many records show it', () => {
    const many = (count: number, text: string, channel: 'survey' | 'email') =>
      Array.from({ length: count }, (_, index) => makeThemedRecord(codebook, { text: `${text} (${index})`, channel }));
    const report = buildReport(
      codebook,
      [
        ...many(1_000, 'a carer', 'survey'),
        ...many(2_000, 'nothing', 'survey'),
        ...many(490, 'a carer', 'email'),
        ...many(1_000, 'nothing', 'email'),
      ],
      false,
      exact,
    );
    expect(report.keyFindings.map((finding) => finding.text).join(' ')).not.toContain('biggest difference');
  });

  test('the most raised themes say how many people raised them, from the Voices column of the themes table', () => {
    const [first] = reports[3]?.keyFindings ?? [];
    expect(first?.text).toBe(
      'The themes raised most often were Money (raised by 18 people in 35 records, 67.3% of all records) and Carers (raised by 9 people in 17 records, 32.7%).',
    );
    expect(renderMarkdownReport(reports[3] as ThemeReport)).toContain('| Money | 35 | 67.3% | 18 | 0 |');
  });

  test("a respondent group's finding gives the theme's share of the group's own records, as the table of group shares shows it", () => {
    const texts = reports[3]?.keyFindings.map((finding) => finding.text) ?? [];
    expect(texts).toContain(
      'The biggest difference between respondent groups: Carers came up in 9 of the 12 records from those answering “Organisation” (75.0%), more often than in all records (32.7%).',
    );
    const table = markdownTable(
      renderMarkdownReport(reports[3] as ThemeReport),
      'Share of each respondent group’s records that raise each theme',
    );
    expect(table).toEqual([
      ['Theme', 'Individual', 'Organisation'],
      ['Money', '—', '—'],
      ['Carers', '20.0%', '75.0%'],
    ]);
    const rounded = reports[4]?.keyFindings.map((finding) => finding.text) ?? [];
    expect(rounded).toContain(
      'The biggest difference between respondent groups: Carers came up in 10 of the 10 records from those answering “Organisation” (100.0%), more often than in all records (32.7%).',
    );
  });

  test("a respondent group's finding says how many of its people raised the theme, from the tables of group voices and their shares", () => {
    const texts = reports[5]?.keyFindings.map((finding) => finding.text) ?? [];
    expect(texts).toContain(
      'The biggest difference between respondent groups: Carers came up in 10 of the 14 records from those answering “Organisation” (71.4%), raised by 5 of the 7 people in that group (71.4%), more often than in all records (48.1%).',
    );
    const people = reports[5]?.keyFindings.find((finding) => finding.text.includes('people in that group'));
    expect(people?.figures.map((figure) => [figure.shown, figure.source.table])).toEqual([
      ['10', 'breakdown'],
      ['14', 'totals'],
      ['71.4%', 'group-shares'],
      ['5', 'breakdown'],
      ['7', 'totals'],
      ['71.4%', 'group-shares'],
      ['48.1%', 'themes'],
    ]);
    expect(markdownTable(renderMarkdownReport(reports[5] as ThemeReport), GROUP_VOICE_SHARES_CAPTION)).toEqual([
      ['Theme', 'Individual', 'Organisation'],
      ['Money', '—', '—'],
      ['Carers', '40.0%', '71.4%'],
    ]);
    const rounded = reports[6]?.keyFindings.map((finding) => finding.text) ?? [];
    expect(rounded).toContain(
      'The biggest difference between respondent groups: Carers came up in 15 of the 40 records from those answering “Individual” (37.5%), raised by 10 of the 20 people in that group (50.0%), less often than in all records (48.1%).',
    );
  });

  test('a share whose counts are hidden is a dash in the table of group shares, and no finding uses it', () => {
    const few = buildReport(
      grouped,
      [...groupAnswers(grouped, 'Individual', 40, 8), ...groupAnswers(grouped, 'Organisation', 3, 2)],
      false,
      {
        minCount: 5,
        roundTo: null,
      },
    );
    const table = markdownTable(renderMarkdownReport(few), 'Share of each respondent group’s records that raise each theme');
    expect(table.slice(1).map((row) => row.slice(2))).toEqual([['—'], ['—']]);
    expect(few.keyFindings.map((finding) => finding.text).join(' ')).not.toContain('respondent groups');
  });

  test('groups that raise each theme alike give no "biggest difference" finding: a share against the same share says nothing', () => {
    const alike = buildReport(
      grouped,
      [...groupAnswers(grouped, 'Individual', 20, 5), ...groupAnswers(grouped, 'Organisation', 40, 10)],
      false,
      {
        minCount: 5,
        roundTo: null,
      },
    );
    expect(markdownTable(renderMarkdownReport(alike), 'Share of each respondent group’s records that raise each theme').slice(1)).toEqual([
      ['Money', '75.0%', '75.0%'],
      ['Carers', '25.0%', '25.0%'],
    ]);
    expect(alike.keyFindings.map((finding) => finding.text).join(' ')).not.toContain('biggest difference');
  });

  test('no respondent groups, no table of group shares', () => {
    expect(renderMarkdownReport(reports[0] as ThemeReport)).not.toContain('Share of each respondent group');
  });

  test.each(reports.map((report, index): [number, ThemeReport] => [index, report]))(
    'report %i: every number equals the number shown at its source, and is in the sentence; the sentence has no other number',
    (_, report) => {
      for (const finding of report.keyFindings) {
        for (const figure of finding.figures) {
          expect(shownAtSource(report, figure)).toBe(figure.shown);
          expect(finding.text).toContain(figure.shown);
        }
        const outsideQuotes = finding.text.replace(/“[^”]*”/g, '');
        const numbers = outsideQuotes.match(/\d[\d,]*(?:\.\d+)?%?/g) ?? [];
        const shown = new Set(finding.figures.map((figure) => figure.shown));
        for (const number of numbers) expect(shown).toContain(number);
      }
      expect(renderMarkdownReport(report)).toContain('## Key findings');
    },
  );

  test('a channel the overview hides (here to protect a small one) is not named with its count in a finding', () => {
    const times = (count: number, text: string, channel: 'survey' | 'email' | 'twitter') =>
      Array.from({ length: count }, () => makeThemedRecord(codebook, { text, channel }));
    const report = buildReport(codebook, [
      ...times(10, 'a carer', 'survey'),
      ...times(10, 'a budget', 'survey'),
      ...times(6, 'a carer', 'email'),
      ...times(2, 'nothing', 'twitter'),
    ]);
    const markdown = renderMarkdownReport(report);
    expect(markdown).toContain('| E-mail | suppressed |');
    expect(markdown).toContain('| Twitter/X | fewer than 5 |');
    for (const finding of report.keyFindings) {
      expect(finding.text).not.toMatch(/E-mail records/);
      for (const figure of finding.figures) expect(figure.source).not.toEqual({ table: 'channels', channel: 'email' });
    }
  });

  test('suppressed cells are never used', () => {
    const report = reports[1];
    for (const finding of report?.keyFindings ?? []) {
      expect(finding.text).not.toContain('fewer than');
      for (const figure of finding.figures) expect(figure.source.table).not.toBe('breakdown');
    }
  });
});

describe('breakdown limits', () => {
  test('sources past the twelfth are added up as other; months are all listed', () => {
    const many = Array.from({ length: 15 }, (_, index) =>
      makeThemedRecord(codebook, {
        text: 'a carer',
        date: `20${String(10 + index)}-01-01T00:00:00.000Z`,
        provenance: { file: `f${String(index).padStart(2, '0')}.csv` },
      }),
    );
    const report = buildReport(codebook, many, false, exact);
    const sources = report.breakdowns.find((entry) => entry.dimension === 'source');
    expect(sources?.cells).toHaveLength(12);
    expect(sources?.other).toEqual({ kind: 'shown', value: 3 });
    expect(report.breakdowns.find((entry) => entry.dimension === 'month')?.cells).toHaveLength(15);
    expect(renderMarkdownReport(report)).toContain('| Other sources | 3 |');
  });
});

describe('themes raised together, named so that labels with "and" in them still read as two', () => {
  const labelled = makeCodebook([
    { id: 'choice', label: 'Choice and control', keywords: ['choice'] },
    { id: 'carers', label: 'Carers and families', keywords: ['carer'] },
  ]);
  const pairs = Array.from({ length: 6 }, () => makeThemedRecord(labelled, { text: 'choice for a carer' }));
  const report = buildReport(labelled, pairs, false, { minCount: 5, roundTo: null });

  test('the list and the key finding join the two labels with "with", not a third "and"', () => {
    expect(renderMarkdownReport(report)).toContain('- Choice and control with Carers and families: 6 records together');
    expect(report.keyFindings.map((finding) => finding.text)).toContain(
      'Choice and control was raised together with Carers and families more often than any other pair of themes: in 6 records.',
    );
  });
});
