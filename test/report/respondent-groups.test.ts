import { describe, expect, test } from '@jest/globals';
import type { Codebook } from '../../src/codebook/codebook.js';
import { disclosureRuleOf } from '../../src/report/disclosure-control.js';
import { renderJsonReport } from '../../src/report/json-report.js';
import { cellText, renderMarkdownReport } from '../../src/report/markdown-report.js';
import type { Breakdown, ThemeReport } from '../../src/report/theme-report.js';
import type { ThemedRecord } from '../../src/themes/themed-record.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { buildReport } from './report-fixture.js';

const RESPONDING_AS = 'Are you responding as an individual or on behalf of an organisation?';
const THEMES = [
  { id: 'funding', label: 'Funding', keywords: ['budget', 'fund'] },
  { id: 'transport', label: 'Transport', keywords: ['bus'] },
];

/** `count` survey answers from respondents who answered `group` (no `meta.answers` entry for null), funding raised in the first `funding`. */
function answers(codebook: Codebook, group: string | null, count: number, funding: number, question = RESPONDING_AS): ThemedRecord[] {
  return Array.from({ length: count }, (_unused, index) =>
    makeThemedRecord(codebook, {
      text: index < funding ? `The budget for day services must be kept (${index}).` : `The bus to the centre is too rare (${index}).`,
      meta: {
        question: '1. What matters most to you?',
        answers:
          group === null ? { 'May we publish your response?': 'Yes' } : { [question]: group, 'May we publish your response?': 'Yes' },
      },
    }),
  );
}

function report(codebook: Codebook, themed: readonly ThemedRecord[]): ThemeReport {
  return buildReport(codebook, themed, false, disclosureRuleOf(codebook.publish));
}

function cells(breakdown: Breakdown | undefined): [string, string][] {
  return [
    ...(breakdown?.cells ?? []).map((entry): [string, string] => [entry.key, cellText(entry.cell)]),
    ...(breakdown?.other === null || breakdown?.other === undefined ? [] : [['other', cellText(breakdown.other)] as [string, string]]),
  ];
}

function groupsOf(breakdowns: readonly Breakdown[]): [string, string][] {
  return cells(breakdowns.find((entry) => entry.dimension === 'group'));
}

describe('records and themes by respondent group (report.groups)', () => {
  const codebook = makeCodebook(THEMES, { groups: 'RESPONDING AS', minCount: 5 });
  const themed = [
    ...answers(codebook, 'Individual', 20, 10),
    ...answers(codebook, 'On behalf of an organisation', 8, 6),
    ...answers(codebook, null, 2, 2),
  ];

  test('every record is in one group, those without the answer in "(no answer)", last; small cells hidden and one more so none can be worked out', () => {
    const built = report(codebook, themed);
    expect(built.groups).toEqual({ asked: 'RESPONDING AS', from: 'codebook', replaced: null, questions: [RESPONDING_AS] });
    expect(groupsOf(built.breakdowns)).toEqual([
      ['Individual', '20'],
      ['On behalf of an organisation', 'suppressed'],
      ['(no answer)', 'fewer than 5'],
    ]);
    const funding = built.themes.find((theme) => theme.id === 'funding');
    expect(funding?.count).toBe(18);
    expect(groupsOf(funding?.breakdowns ?? [])).toEqual([
      ['Individual', '10'],
      ['On behalf of an organisation', 'suppressed'],
      ['(no answer)', 'fewer than 5'],
    ]);
  });

  test('with no small cell every count is shown, and they add up to the records', () => {
    const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 1 });
    const built = report(open, [...answers(open, 'Individual', 20, 10), ...answers(open, 'On behalf of an organisation', 8, 6)]);
    expect(groupsOf(built.breakdowns)).toEqual([
      ['Individual', '20'],
      ['On behalf of an organisation', '8'],
    ]);
    expect(groupsOf(built.themes.find((theme) => theme.id === 'transport')?.breakdowns ?? [])).toEqual([
      ['Individual', '10'],
      ['On behalf of an organisation', '2'],
    ]);
  });

  test('the records in any order give the same report', () => {
    expect(report(codebook, [...themed].reverse())).toEqual(report(codebook, themed));
  });

  test('answers are published as any text is: personal data redacted', () => {
    const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 1 });
    const built = report(open, answers(open, 'Other: jane.doe@example.org', 3, 1));
    expect(groupsOf(built.breakdowns).map(([key]) => key)).toEqual(['Other: [email]']);
  });

  test('a question several keys hold: each record grouped by its answer to the first, in code-unit order, and both named', () => {
    const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 1 });
    const first = 'Are you responding as a carer?';
    const both = answers(open, 'Yes', 2, 1, first).map((entry) => ({
      ...entry,
      record: { ...entry.record, meta: { answers: { [RESPONDING_AS]: 'Individual', [first]: 'Yes' } } },
    }));
    const built = report(open, [...both, ...answers(open, 'Individual', 3, 1)]);
    expect(built.groups?.questions).toEqual([first, RESPONDING_AS]);
    expect(groupsOf(built.breakdowns)).toEqual([
      ['Individual', '3'],
      ['Yes', '2'],
    ]);
  });

  test('a question no record answers: no group breakdown, and the report says why', () => {
    const missing = makeCodebook(THEMES, { groups: 'postcode', minCount: 1 });
    const built = report(missing, answers(missing, 'Individual', 3, 1));
    expect(built.groups).toEqual({ asked: 'postcode', from: 'codebook', replaced: null, questions: [] });
    expect(built.breakdowns.map((entry) => entry.dimension)).not.toContain('group');
    expect(renderMarkdownReport(built)).toContain('No question these records answer contains “postcode” (`report.groups` in the codebook)');
  });

  test('more than twelve answers: the rest are one "other" cell, "(no answer)" still listed', () => {
    const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 1 });
    const many = Array.from({ length: 14 }, (_unused, index) => answers(open, `Group ${index + 1}`, 1, 0)).flat();
    const built = report(open, [...many, ...answers(open, null, 1, 0)]);
    const shown = groupsOf(built.breakdowns);
    expect(shown.slice(0, 2)).toEqual([
      ['Group 1', '1'],
      ['Group 2', '1'],
    ]);
    expect(shown.slice(-2)).toEqual([
      ['(no answer)', '1'],
      ['other', '2'],
    ]);
  });

  test('markdown: the question, a table of all records and voices by group, and one in each theme', () => {
    const md = renderMarkdownReport(report(codebook, themed));
    expect(md).toContain(
      `Respondent groups are the answers to “${RESPONDING_AS}”. Records without an answer are counted under “(no answer)”.`,
    );
    expect(md).toContain(
      'Table: All records and voices by respondent group\n\n| Group | Records | Voices |\n| --- | ---: | ---: |\n| Individual | 20 | 20 |\n| On behalf of an organisation | suppressed | suppressed |\n| (no answer) | fewer than 5 | fewer than 5 |',
    );
    // The caption names the breakdowns the table holds: these records are undated, so it has no month.
    expect(md).toContain('Table: Funding: records by channel, question and source\n');
    expect(md).toContain('Table: Funding: records and voices by respondent group\n\n| Group | Records | Voices |');
    expect(md).toContain('| Individual | 10 | 10 |');
    expect(md).not.toContain('| Group | Individual |');
  });

  test('json: the question and the group cells, hidden ones as suppression objects', () => {
    const json = JSON.parse(renderJsonReport(report(codebook, themed))) as {
      groups: unknown;
      breakdowns: { group: unknown };
      themes: { id: string; breakdowns: { group: unknown } }[];
    };
    expect(json.groups).toEqual({ asked: 'RESPONDING AS', questions: [RESPONDING_AS], from: 'codebook' });
    expect(json.breakdowns.group).toEqual({
      cells: {
        Individual: 20,
        'On behalf of an organisation': { suppressed: 'secondary' },
        '(no answer)': { suppressed: 'small', fewer_than: 5 },
      },
      voices: {
        Individual: 20,
        'On behalf of an organisation': { suppressed: 'secondary' },
        '(no answer)': { suppressed: 'small', fewer_than: 5 },
      },
    });
  });

  test("a key finding compares a theme's share of one group's records with its share of all records, from shown cells only", () => {
    const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 5 });
    const built = report(open, [...answers(open, 'Individual', 40, 8), ...answers(open, 'On behalf of an organisation', 10, 8)]);
    expect(built.keyFindings.map((finding) => finding.text)).toContain(
      'The biggest difference between respondent groups: Funding came up in 8 of the 10 records from those answering “On behalf of an organisation” (80.0%), raised by 8 of the 10 people in that group (80.0%), more often than in all records (32.0%).',
    );
    const hidden = report(codebook, themed).keyFindings.map((finding) => finding.text);
    expect(hidden.some((text) => text.includes('respondent groups'))).toBe(false);
  });

  test('a codebook without report.groups: no groups and no group breakdown', () => {
    const plain = makeCodebook(THEMES, { minCount: 5 });
    const built = report(plain, answers(plain, 'Individual', 6, 3));
    expect(built.groups).toBeNull();
    expect(built.breakdowns.map((entry) => entry.dimension)).not.toContain('group');
    expect(renderJsonReport(built)).not.toContain('"group');
  });
});

describe('respondent groups by postcode', () => {
  test('a full postcode kept as an answer (a store made before postcodes were cut to their district) is grouped and printed as its district', () => {
    const codebook = makeCodebook(THEMES, { groups: 'postcode', minCount: 5 });
    const question = 'What is your postcode?';
    const themed = [
      ...answers(codebook, 'LS6 2AB', 3, 1, question),
      ...answers(codebook, 'ls6 4qz', 3, 1, question),
      ...answers(codebook, 'LS11 5RT', 6, 2, question),
    ];
    const built = report(codebook, themed);
    expect(groupsOf(built.breakdowns)).toEqual([
      ['LS6', '6'],
      ['LS11', '6'],
    ]);
    expect(renderMarkdownReport(built)).not.toMatch(/2AB|4QZ|5RT|\[postcode\]/i);
  });
});

/**
 * `respondents` respondents who answered `group`, each in `each` survey answers (to questions 1,
 * 2, …), the first `funding` of them raising funding in every answer.
 */
function respondents(codebook: Codebook, group: string, count: number, each: number, funding: number): ThemedRecord[] {
  return Array.from({ length: count * each }, (_unused, index) => {
    const respondent = Math.floor(index / each);
    return makeThemedRecord(codebook, {
      text: respondent < funding ? `The budget must be kept (${index}).` : `The bus is too rare (${index}).`,
      meta: {
        question: `${(index % each) + 1}. What matters?`,
        respondent: `${group}-${respondent}`,
        answers: { [RESPONDING_AS]: group },
      },
      provenance: { file: 'exports/responses.csv', row: index + 1 },
    });
  });
}

/** Each group's voices as the table shows them, `other` last. */
function voicesOf(breakdowns: readonly Breakdown[]): [string, string][] {
  const breakdown = breakdowns.find((entry) => entry.dimension === 'group');
  return [
    ...(breakdown?.cells ?? []).map((entry): [string, string] => [entry.key, entry.voices === undefined ? 'none' : cellText(entry.voices)]),
    ...(breakdown?.otherVoices === undefined ? [] : [['other', cellText(breakdown.otherVoices)] as [string, string]]),
  ];
}

describe('voices by respondent group', () => {
  const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 1 });
  const themed = [...respondents(open, 'Individual', 10, 3, 4), ...respondents(open, 'On behalf of an organisation', 6, 2, 5)];

  test("one respondent's several answers count once in their group, and once in each theme within it", () => {
    const built = report(open, themed);
    expect(groupsOf(built.breakdowns)).toEqual([
      ['Individual', '30'],
      ['On behalf of an organisation', '12'],
    ]);
    expect(voicesOf(built.breakdowns)).toEqual([
      ['Individual', '10'],
      ['On behalf of an organisation', '6'],
    ]);
    const funding = built.themes.find((theme) => theme.id === 'funding');
    expect(groupsOf(funding?.breakdowns ?? [])).toEqual([
      ['Individual', '12'],
      ['On behalf of an organisation', '10'],
    ]);
    expect(voicesOf(funding?.breakdowns ?? [])).toEqual([
      ['Individual', '4'],
      ['On behalf of an organisation', '5'],
    ]);
    expect(funding?.voices).toBe(9);
  });

  test('the records in any order give the same voices', () => {
    expect(report(open, [...themed].reverse())).toEqual(report(open, themed));
  });

  test('a voice with records in two groups (one author in two files, answering differently) is a voice of each', () => {
    const jo = (group: string, file: string): ThemedRecord =>
      makeThemedRecord(open, {
        text: 'The budget must be kept.',
        channel: 'email',
        author: 'Jo Bloggs',
        meta: { answers: { [RESPONDING_AS]: group } },
        provenance: { file },
      });
    const built = report(open, [jo('Individual', 'a.mbox'), jo('Individual', 'a.mbox'), jo('On behalf of an organisation', 'b.mbox')]);
    expect(built.voicesTotal).toBe(1);
    expect(voicesOf(built.breakdowns)).toEqual([
      ['Individual', '1'],
      ['On behalf of an organisation', '1'],
    ]);
  });

  test('records without a voice key are each a voice of their own', () => {
    const built = report(open, answers(open, 'Individual', 3, 2));
    expect(voicesOf(built.breakdowns)).toEqual([['Individual', '3']]);
    expect(voicesOf(built.themes.find((theme) => theme.id === 'funding')?.breakdowns ?? [])).toEqual([['Individual', '2']]);
  });

  test('"other answers" count their voices once, however many of those answers a voice gave', () => {
    const sam = (group: string): ThemedRecord =>
      makeThemedRecord(open, {
        text: 'The budget must be kept.',
        author: 'sam',
        channel: 'email',
        meta: { answers: { [RESPONDING_AS]: group } },
      });
    const many = Array.from({ length: 12 }, (_unused, index) => answers(open, `Group ${String(index + 1).padStart(2, '0')}`, 1, 1)).flat();
    const built = report(open, [...many, sam('Group 13'), sam('Group 14'), sam('Group 14')]);
    expect(groupsOf(built.breakdowns).slice(-1)).toEqual([['other', '3']]);
    expect(voicesOf(built.breakdowns).slice(-1)).toEqual([['other', '1']]);
    expect(voicesOf(built.themes.find((theme) => theme.id === 'funding')?.breakdowns ?? []).slice(-1)).toEqual([['other', '1']]);
  });

  test('answers that publish alike are one group: a voice behind both counts once', () => {
    const alike = [...respondents(open, 'Other: jo@example.org', 1, 2, 1), ...respondents(open, 'Other: al@example.org', 2, 1, 1)].map(
      (entry, index) =>
        index !== 2
          ? entry
          : { ...entry, record: { ...entry.record, meta: { ...entry.record.meta, respondent: 'Other: jo@example.org-0' } } },
    );
    const built = report(open, alike);
    expect(groupsOf(built.breakdowns)).toEqual([['Other: [email]', '4']]);
    expect(voicesOf(built.breakdowns)).toEqual([['Other: [email]', '2']]);
  });

  test('markdown and json show the voices beside the records, and the share of each group’s voices raising each theme', () => {
    const built = report(open, themed);
    const md = renderMarkdownReport(built);
    expect(md).toContain('| Individual | 30 | 10 |');
    expect(md).toContain('Table: Funding: records and voices by respondent group');
    expect(md).toContain(
      'Table: Share of each respondent group’s voices that raised each theme\n\n| Theme | Individual | On behalf of an organisation |\n| --- | ---: | ---: |\n| Funding | 40.0% | 83.3% |\n| Transport | 60.0% | 16.7% |',
    );
    const json = JSON.parse(renderJsonReport(built)) as { breakdowns: { group: { voices: unknown } } };
    expect(json.breakdowns.group.voices).toEqual({ Individual: 10, 'On behalf of an organisation': 6 });
  });

  test("the group finding says how many of the group's people raised the theme, from shown cells only", () => {
    const built = report(makeCodebook(THEMES, { groups: 'responding as', minCount: 5 }), [
      ...respondents(open, 'Individual', 20, 2, 5),
      ...respondents(open, 'On behalf of an organisation', 8, 2, 6),
    ]);
    expect(built.keyFindings.map((finding) => finding.text)).toContain(
      'The biggest difference between respondent groups: Funding came up in 12 of the 16 records from those answering “On behalf of an organisation” (75.0%), raised by 6 of the 8 people in that group (75.0%), more often than in all records (39.3%).',
    );
  });
});

describe('voices by respondent group under the small-number rule', () => {
  const nested = makeCodebook(
    [
      { id: 'funding', label: 'Funding', keywords: ['budget', 'bus'] },
      { id: 'budgets', label: 'Budgets', parent: 'funding', keywords: ['budget'] },
      { id: 'buses', label: 'Buses', parent: 'funding', keywords: ['bus'] },
    ],
    { groups: 'responding as', minCount: 5 },
  );
  const built = report(nested, [
    ...respondents(nested, 'Individual', 12, 2, 9),
    ...respondents(nested, 'On behalf of an organisation', 7, 2, 3),
    ...respondents(nested, 'Carer', 6, 1, 2),
  ]);

  test("a group's voices are hidden wherever its records are, and never left as the one hidden voice cell of a table", () => {
    const tables = [built.breakdowns, ...built.themes.map((theme) => theme.breakdowns)].flatMap((breakdowns) =>
      breakdowns.filter((entry) => entry.dimension === 'group'),
    );
    expect(tables.length).toBe(4);
    for (const table of tables) {
      const rows = [
        ...table.cells.map((entry) => ({ records: entry.cell, voices: entry.voices })),
        ...(table.other === null ? [] : [{ records: table.other, voices: table.otherVoices }]),
      ];
      for (const row of rows) {
        expect(row.voices).toBeDefined();
        if (row.records.kind === 'suppressed') expect(row.voices?.kind).toBe('suppressed');
      }
      expect(rows.filter((row) => row.voices?.kind === 'suppressed').length).not.toBe(1);
    }
    expect(tables.some((table) => table.cells.some((entry) => entry.voices?.kind === 'shown'))).toBe(true);
  });
});
