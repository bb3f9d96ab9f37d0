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

  test('markdown: the question, a table of all records by group, and group rows in each theme', () => {
    const md = renderMarkdownReport(report(codebook, themed));
    expect(md).toContain(
      `Respondent groups are the answers to “${RESPONDING_AS}”. Records without an answer are counted under “(no answer)”.`,
    );
    expect(md).toContain(
      'Table: All records by respondent group\n\n| Group | Records |\n| --- | ---: |\n| Individual | 20 |\n| On behalf of an organisation | suppressed |\n| (no answer) | fewer than 5 |',
    );
    expect(md).toContain('Table: Funding: records by channel, question, source, month and group');
    expect(md).toContain('| Group | Individual | 10 |');
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
    });
  });

  test("a key finding compares a theme's share of one group's records with its share of all records, from shown cells only", () => {
    const open = makeCodebook(THEMES, { groups: 'responding as', minCount: 5 });
    const built = report(open, [...answers(open, 'Individual', 40, 8), ...answers(open, 'On behalf of an organisation', 10, 8)]);
    expect(built.keyFindings.map((finding) => finding.text)).toContain(
      'The biggest difference between respondent groups: Funding came up in 8 of the 10 records from those answering “On behalf of an organisation” (80.0%), against 32.0% of all records.',
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
