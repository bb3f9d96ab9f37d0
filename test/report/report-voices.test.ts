import { describe, expect, test } from '@jest/globals';
import { renderJsonReport } from '../../src/report/json-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { buildReport } from './report-fixture.js';

const codebook = makeCodebook([
  { id: 'centres', label: 'Day centres', keywords: ['day centre'] },
  { id: 'carers', label: 'Carers', keywords: ['carer'] },
]);

const CAMPAIGN = 'I object to the closure of the Elm Street day centre because it is the only place my family member can go.';
const OWN = [
  'The day centre gave my dad his confidence back after the stroke.',
  'Our day centre needs a minibus on Thursdays as well as Mondays.',
  'As a carer I rely on the day centre to keep my job.',
  'Please keep the day centre open in the school holidays too.',
];

function survey(copies: number, respondentOffset = 0) {
  const records = [];
  for (let index = 0; index < copies; index += 1) {
    records.push(
      makeThemedRecord(codebook, {
        text: CAMPAIGN,
        meta: { respondent: `R${respondentOffset + index}`, question: 'Your views' },
        provenance: { file: 'survey.csv', row: index + 1 },
      }),
    );
  }
  OWN.forEach((text, index) => {
    records.push(makeThemedRecord(codebook, { text, author: `person${index}`, channel: 'blog-comment' }));
  });
  return records;
}

describe('voices and campaigns in the report', () => {
  test('each theme gives records, voices and campaigns; the headline totals add them up', () => {
    const report = buildReport(codebook, [
      ...survey(40),
      makeThemedRecord(codebook, { text: 'A carer wrote twice.', author: 'person2', channel: 'blog-comment' }),
    ]);
    expect(report.recordsTotal).toBe(45);
    expect(report.voicesTotal).toBe(44);
    expect(report.campaignsTotal).toBe(1);
    expect(report.campaignRecords).toBe(40);
    const centres = report.themes.find((theme) => theme.id === 'centres');
    expect([centres?.count, centres?.voices, centres?.campaignCount, centres?.campaigns]).toEqual([44, 44, 1, [1]]);
    const carers = report.themes.find((theme) => theme.id === 'carers');
    expect([carers?.count, carers?.voices, carers?.campaignCount]).toEqual([2, 1, 0]);
  });

  test('a campaign is shown once with how many sent it, and never fills the quote slots', () => {
    const report = buildReport(codebook, survey(40));
    expect(report.campaigns).toHaveLength(1);
    const campaign = report.campaigns[0];
    expect(campaign?.records).toEqual({ kind: 'shown', value: 40 });
    expect(campaign?.voices).toEqual({ kind: 'shown', value: 40 });
    expect(campaign?.quote?.text).toBe(CAMPAIGN);
    for (const theme of report.themes) expect(theme.quotes.map((quote) => quote.text)).not.toContain(CAMPAIGN);
    const markdown = renderMarkdownReport(report);
    expect(markdown.split(CAMPAIGN)).toHaveLength(2);
    expect(markdown).toContain('Sent by 40 voices in 40 records; themes: Day centres.');
    expect(markdown).toContain('They come from **44** voices');
    expect(markdown).toContain('| Day centres | 44 | 100.0% | 44 | 1 |');
  });

  test('a campaign sent by fewer people than the small-number rule allows is shown as "fewer than 5"', () => {
    const report = buildReport(codebook, survey(3));
    const campaign = report.campaigns[0];
    expect(campaign?.voices).toEqual({ kind: 'suppressed', reason: 'small', below: 5 });
    expect(renderMarkdownReport(report)).toContain('Sent by fewer than 5 voices in fewer than 5 records');
    const json = JSON.parse(renderJsonReport(report)) as { campaigns: { voices: unknown; records: unknown }[] };
    expect(json.campaigns[0]?.voices).toEqual({ suppressed: 'small', fewer_than: 5 });
    expect(json.campaigns[0]?.records).toEqual({ suppressed: 'small', fewer_than: 5 });
  });

  test('the JSON carries voices_total, campaigns_total and per theme voices and campaign numbers', () => {
    const json = JSON.parse(renderJsonReport(buildReport(codebook, survey(40)))) as Record<string, unknown>;
    expect([json['records_total'], json['voices_total'], json['campaigns_total'], json['campaign_records']]).toEqual([44, 44, 1, 40]);
    const themes = json['themes'] as Record<string, unknown>[];
    expect(themes.map((theme) => [theme['id'], theme['voices'], theme['campaign_count'], theme['campaigns']])).toEqual([
      ['centres', 44, 1, [1]],
      ['carers', 1, 0, []],
    ]);
  });

  test('no campaign: the overview says so and the report has no Campaigns section', () => {
    const markdown = renderMarkdownReport(buildReport(codebook, survey(1)));
    expect(markdown).toContain('No campaign (the same text sent by several people) was found.');
    expect(markdown).not.toContain('## Campaigns');
  });
});
