import { describe, expect, test } from '@jest/globals';
import { codebookYaml, makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { renderJsonReport } from '../../src/report/json-report.js';
import { cellText, renderMarkdownReport } from '../../src/report/markdown-report.js';
import type { ThemeReport } from '../../src/report/theme-report.js';
import { buildReport, textOfLength } from './report-fixture.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Carers', keywords: ['carer', 'respite', 'break'] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
  { id: 'places', label: 'Places', keywords: ['day centre'] },
]);

/** Every rotation and the reverse of a list. */
function orders<T>(items: readonly T[]): T[][] {
  const rotations = items.map((_, shift) => [...items.slice(shift), ...items.slice(0, shift)]);
  return [...rotations, [...items].reverse()];
}

describe('ThemeReportBuilder', () => {
  const mixed = [
    makeThemedRecord(codebook, {
      text: 'Carers need respite and a break from caring, every week of the year.',
      channel: 'email',
      date: '2014-03-02T10:00:00.000Z',
    }),
    makeThemedRecord(codebook, { text: 'The budget for the day centre was cut', channel: 'twitter', date: '2014-01-15T08:00:00.000Z' }),
    makeThemedRecord(codebook, { text: 'A carer', channel: 'survey' }),
    makeThemedRecord(codebook, { text: 'Nothing about any theme here', channel: 'survey', date: '2013-12-31T23:59:59.000Z' }),
    makeThemedRecord(codebook, { text: 'Budgets, budgets and respite', channel: 'event-note' }),
  ];

  test('the same records in any order give the same report', () => {
    const reports = orders(mixed).map((order) => buildReport(codebook, order));
    for (const report of reports) expect(report).toEqual(reports[0]);
  });

  test('counts, shares (of all records), unthemed, and themes by count then codebook order', () => {
    const report = buildReport(codebook, mixed);
    expect([report.recordsTotal, report.unthemed]).toEqual([5, 1]);
    expect(report.themes.map((entry) => [entry.id, entry.count, entry.share])).toEqual([
      ['carers', 3, 3 / 5],
      ['money', 2, 2 / 5],
      ['places', 1, 1 / 5],
    ]);
  });

  test('themes with equal counts keep codebook order; an empty theme is listed with share 0', () => {
    const report = buildReport(codebook, [
      makeThemedRecord(codebook, { text: 'day centre' }),
      makeThemedRecord(codebook, { text: 'budget' }),
    ]);
    expect(report.themes.map((entry) => [entry.id, entry.count, entry.share])).toEqual([
      ['money', 1, 0.5],
      ['places', 1, 0.5],
      ['carers', 0, 0],
    ]);
  });

  test('channels are listed in channel order, channels without records left out', () => {
    const report = buildReport(codebook, mixed);
    expect(report.byChannel).toEqual([
      { channel: 'twitter', count: 1, voices: 1 },
      { channel: 'email', count: 1, voices: 1 },
      { channel: 'event-note', count: 1, voices: 1 },
      { channel: 'survey', count: 2, voices: 2 },
    ]);
    expect(report.themes.find((entry) => entry.id === 'carers')?.byChannel).toEqual([
      { channel: 'email', count: 1 },
      { channel: 'event-note', count: 1 },
      { channel: 'survey', count: 1 },
    ]);
  });

  test('the date range spans the dated records; undated ones are counted', () => {
    const report = buildReport(codebook, mixed);
    expect(report.dateRange).toEqual({ from: '2013-12-31T23:59:59.000Z', to: '2014-03-02T10:00:00.000Z' });
    expect(report.undated).toBe(2);
    expect(buildReport(codebook, [makeThemedRecord(codebook, { text: 'carer' })]).dateRange).toBeNull();
  });

  test('top words: the hits of a keyword counted together in its commonest form; most first, ties alphabetical, at most five', () => {
    const wordy = makeCodebook([{ id: 'care', keywords: ['carer', 'respite', 'break', 'rest', 'sitter', 'relief'] }]);
    const report = buildReport(wordy, [
      makeThemedRecord(wordy, { text: 'carers carers respite' }),
      makeThemedRecord(wordy, { text: 'sitter relief rest break carer' }),
    ]);
    expect(report.themes[0]?.topWords).toEqual([
      { words: 'carers', count: 3 },
      { words: 'break', count: 1 },
      { words: 'relief', count: 1 },
      { words: 'respite', count: 1 },
      { words: 'rest', count: 1 },
    ]);
  });

  test('a keyword that names a person is [name] among the words that matched most however its hits are written, and in the JSON codebook keywords whether or not it matched', () => {
    const named = makeCodebook(
      codebookYaml([
        { id: 'staff', keywords: ['sarah', 'hope', 'ward'] },
        { id: 'unmatched', keywords: ['morgan', 'kindness'] },
      ]).concat('redact:\n  keep_names: []\n'),
    );
    const report = buildReport(named, [
      makeThemedRecord(named, { text: 'sarah on the ward gave us hope' }),
      makeThemedRecord(named, { text: 'thanks to sarah, we coped' }),
    ]);
    expect(report.themes.find((theme) => theme.id === 'staff')?.topWords).toEqual([
      { words: '[name]', count: 2 },
      { words: 'hope', count: 1 },
      { words: 'ward', count: 1 },
    ]);
    const json = JSON.parse(renderJsonReport(report)) as { codebook: { keywords: Record<string, string[]> } };
    expect(json.codebook.keywords).toEqual({ staff: ['[name]', 'hope', 'ward'], unmatched: ['[name]', 'kindness'] });
    const unredacted = makeCodebook(codebookYaml([{ id: 'staff', keywords: ['sarah'] }]).concat('redact:\n  kinds: []\n'));
    const plain = buildReport(unredacted, [makeThemedRecord(unredacted, { text: 'sarah was kind' })]);
    expect(plain.trace.keywords).toEqual({ staff: ['sarah'] });
    expect(plain.themes[0]?.topWords).toEqual([{ words: 'sarah', count: 1 }]);
  });

  test('a keyword that is a name no lexicon lists is [name] among the words that matched most and in the JSON codebook keywords once its records show it as a name', () => {
    const named = makeCodebook(
      codebookYaml([
        { id: 'staff', keywords: ['kaelynn', 'jaxon', 'transport'] },
        { id: 'words', keywords: ['zorbing'] },
      ]),
    );
    const report = buildReport(named, [
      makeThemedRecord(named, { text: 'Kaelynn at the day centre sorted the transport.' }),
      makeThemedRecord(named, { text: 'The day centre worker kaelynn always rings back.' }),
      makeThemedRecord(named, { text: 'The worker kaelynn came again.' }),
      makeThemedRecord(named, { text: 'Thanks to Jaxon for the lift.' }),
      makeThemedRecord(named, { text: 'We tried zorbing at the fun day.' }),
      makeThemedRecord(named, { text: 'Zorbing at the fun day was a hit with the kids.' }),
    ]);
    expect(report.themes.find((theme) => theme.id === 'staff')?.topWords).toEqual([
      { words: '[name]', count: 4 },
      { words: 'transport', count: 1 },
    ]);
    expect(report.themes.find((theme) => theme.id === 'words')?.topWords).toEqual([{ words: 'zorbing', count: 2 }]);
    const json = JSON.parse(renderJsonReport(report)) as { codebook: { keywords: Record<string, string[]> } };
    expect(json.codebook.keywords).toEqual({ staff: ['[name]', 'transport'], words: ['zorbing'] });
    const quoted = report.themes.flatMap((theme) => theme.quotes.map((quote) => quote.text));
    expect(quoted.some((text) => /worker \[name\]/u.test(text))).toBe(true);
    expect(quoted.filter((text) => /kaelynn|jaxon/iu.test(text))).toEqual([]);
    expect(quoted.some((text) => /zorbing/iu.test(text))).toBe(true);
  });

  test('a keyword that names a person is withheld from the quotes where redaction left it, written in lower case (`worker sarah`)', () => {
    const named = makeCodebook(codebookYaml([{ id: 'staff', keywords: ['sarah', 'hope'] }]));
    const report = buildReport(named, [
      makeThemedRecord(named, { text: 'The day centre worker sarah always rings back when she says she will.' }),
      makeThemedRecord(named, { text: 'There is always hope when the day centre rings back on time.' }),
    ]);
    const quoted = report.themes.flatMap((theme) => theme.quotes.map((quote) => quote.text));
    expect(quoted).toEqual(
      expect.arrayContaining(['The day centre worker [name] always rings back when she says she will.', expect.stringMatching(/hope/u)]),
    );
  });

  test('quotes: 40–400 characters first, then more distinct keywords, then record id', () => {
    const good1 = makeThemedRecord(codebook, { text: textOfLength('A carer speaks', 120) });
    const good2a = makeThemedRecord(codebook, { text: textOfLength('A carer needs a break', 60) });
    const good2b = makeThemedRecord(codebook, { text: textOfLength('Respite for a carer', 400) });
    const short3 = makeThemedRecord(codebook, { text: 'carer respite break' });
    const long3 = makeThemedRecord(codebook, { text: textOfLength('carer respite break', 401) });
    const twoKeywords = [good2a, good2b].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
    const expected = [...twoKeywords, good1].map((entry) => entry.record.id);
    for (const order of orders([short3, good1, long3, good2a, good2b])) {
      const quotes = buildReport(codebook, order).themes.find((entry) => entry.id === 'carers')?.quotes ?? [];
      expect(quotes.map((quote) => quote.id)).toEqual(expected);
    }
  });

  test('quotes are shortened to 400 characters at a word boundary', () => {
    const long = makeThemedRecord(codebook, { text: `carer ${'word '.repeat(200)}` });
    const [quote] = buildReport(codebook, [long]).themes[0]?.quotes ?? [];
    expect(quote?.text.length).toBeLessThanOrEqual(400);
    expect(quote?.text).toMatch(/ word…$/);
  });

  test('the unthemed sample is the five unthemed records with the lowest ids', () => {
    const unthemed = Array.from({ length: 8 }, (_, index) => makeThemedRecord(codebook, { text: `Unrelated remark ${index}` }));
    const expected = unthemed
      .map((entry) => entry.record.id)
      .sort()
      .slice(0, 5);
    expect(buildReport(codebook, unthemed).unthemedSample.map((quote) => quote.id)).toEqual(expected);
  });

  test('authors are left out of quotes unless asked for', () => {
    const withAuthor = [makeThemedRecord(codebook, { text: 'A carer speaks', author: 'Asha' })];
    expect(buildReport(codebook, withAuthor).themes[0]?.quotes[0]?.author).toBeNull();
    expect(buildReport(codebook, withAuthor, true).themes[0]?.quotes[0]?.author).toBe('Asha');
  });

  test('the codebook is described in the report', () => {
    const report = buildReport(codebook, mixed);
    expect(report.codebook).toEqual({ file: 'themes.yaml', fingerprint: codebook.fingerprint, themeCount: 3, keywordCount: 5 });
  });
});

describe('parent roll-up', () => {
  const family = makeCodebook([
    { id: 'care', label: 'Care', keywords: ['care'] },
    { id: 'staff', label: 'Staff', keywords: ['nurse'], parent: 'care' },
    { id: 'doctors', label: 'Doctors', keywords: ['doctor'], parent: 'staff' },
  ]);

  test('a record in a child counts once in its parent and grandparent, even when it is in them too', () => {
    const report = buildReport(family, [
      makeThemedRecord(family, { text: 'the doctor' }),
      makeThemedRecord(family, { text: 'the nurse and the doctor gave care' }),
      makeThemedRecord(family, { text: 'a nurse' }),
    ]);
    expect(report.themes.map((entry) => [entry.id, entry.parent, entry.count])).toEqual([
      ['care', null, 3],
      ['staff', 'care', 3],
      ['doctors', 'staff', 2],
    ]);
  });

  test('top words and quotes stay with the theme a record is directly in', () => {
    const report = buildReport(family, [makeThemedRecord(family, { text: 'the doctor was kind to us all' })]);
    const care = report.themes.find((entry) => entry.id === 'care');
    expect([care?.count, care?.topWords, care?.quotes]).toEqual([1, [], []]);
  });
});

describe('roll-ups under the small-number rule', () => {
  const family = makeCodebook([
    { id: 'staff', label: 'Staff', keywords: ['staffing'] },
    { id: 'nurses', label: 'Nurses', keywords: ['nurse'], parent: 'staff' },
    { id: 'doctors', label: 'Doctors', keywords: ['doctor'], parent: 'staff' },
  ]);
  const times = (count: number, text: string, channel: 'email' | 'survey' | 'twitter') =>
    Array.from({ length: count }, () => makeThemedRecord(family, { text, channel }));
  const records = [
    ...times(7, 'a nurse', 'email'),
    ...times(10, 'a nurse', 'survey'),
    ...times(2, 'a doctor', 'email'),
    ...times(10, 'a doctor', 'survey'),
    ...times(6, 'a doctor', 'twitter'),
  ];
  const channels = (report: ThemeReport, id: string): [string, string][] =>
    (report.themes.find((theme) => theme.id === id)?.breakdowns.find((entry) => entry.dimension === 'channel')?.cells ?? []).map(
      (entry) => [entry.key, cellText(entry.cell)],
    );

  test('a parent cell minus its shown children never gives a hidden child cell away', () => {
    const report = buildReport(family, records);
    const doctorsEmail = channels(report, 'doctors').find(([key]) => key === 'email');
    expect(doctorsEmail?.[1]).toBe('fewer than 5');
    const parentEmail = channels(report, 'staff').find(([key]) => key === 'email')?.[1];
    const nursesEmail = channels(report, 'nurses').find(([key]) => key === 'email')?.[1];
    const bothShown = [parentEmail, nursesEmail].every((cell) => cell !== undefined && /^\d+$/.test(cell));
    expect(bothShown).toBe(false);
  });

  test('each breakdown still hides at least two cells where it hides one and has others', () => {
    const report = buildReport(family, records);
    for (const theme of report.themes) {
      for (const breakdown of theme.breakdowns) {
        const cells = [...breakdown.cells.map((entry) => entry.cell), ...(breakdown.other === null ? [] : [breakdown.other])];
        const hidden = cells.filter((cell) => cell.kind === 'suppressed').length;
        const nonZero = cells.filter((cell) => cell.kind === 'suppressed' || cell.value > 0).length;
        if (nonZero > 1) expect(hidden === 1).toBe(false);
      }
    }
  });

  test('the JSON by_channel of a theme is its protected channel breakdown', () => {
    const json = JSON.parse(renderJsonReport(buildReport(family, records))) as {
      themes: { id: string; by_channel: unknown; breakdowns: { channel: { cells: unknown } } }[];
    };
    for (const theme of json.themes) expect(theme.by_channel).toEqual(theme.breakdowns.channel.cells);
  });
});

describe('payment card numbers and bank details in the published quotes', () => {
  test('are replaced in the quotes, counted in report.redactions by kind, and named in the Markdown methods', () => {
    const report = buildReport(codebook, [
      makeThemedRecord(codebook, { text: 'The council paid my budget into account 12345678 sort code 20-00-00 and it bounced.' }),
      makeThemedRecord(codebook, { text: 'My prepaid card 5354 5600 1234 5678 for the budget was blocked twice this month.' }),
    ]);
    const quotes = report.themes.find((theme) => theme.id === 'money')?.quotes.map((quote) => quote.text) ?? [];
    expect(quotes.sort()).toEqual([
      'My prepaid card [card number] for the budget was blocked twice this month.',
      'The council paid my budget into account [bank details] sort code [bank details] and it bounced.',
    ]);
    expect(report.redactions).toEqual({ 'bank-details': 2, 'card-number': 1 });
    expect(renderMarkdownReport(report)).toContain('- Personal data removed from the quotes: bank-details 2, card-number 1.');
  });
});
