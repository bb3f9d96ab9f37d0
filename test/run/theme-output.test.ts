import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import { ingest } from '../../src/ingest/ingest.js';
import { parse } from 'csv-parse/sync';
import type { FeedbackRecord } from '../../src/record/record.js';
import { WITHHELD_TEXT } from '../../src/report/csv-rows.js';
import { buildThemeReport, renderReport, themeOutput } from '../../src/run/theme-output.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

async function* each(records: readonly FeedbackRecord[]): AsyncIterable<FeedbackRecord> {
  yield* records;
}

const codebook = makeCodebook([
  { id: 'carers', keywords: ['carer'] },
  { id: 'money', keywords: ['budget'] },
]);
const records = [makeRecord({ id: 'a', text: 'Carers need a break' }), makeRecord({ id: 'b', text: 'The budget was cut' })];

describe('a theme run over any async iterable of records', () => {
  test('buildThemeReport counts the records given, with the defaults of a published report', async () => {
    const report = await buildThemeReport({ records: each(records), codebook });
    expect(report.themes.map((theme) => [theme.id, theme.count])).toEqual([
      ['carers', 1],
      ['money', 1],
    ]);
  });

  test('renderReport renders a report by format name; a row format or an unknown name is an UnknownNameError', async () => {
    const report = await buildThemeReport({ records: each(records), codebook });
    expect(JSON.parse(await renderReport(report, 'json'))).toMatchObject({ records_total: 2 });
    await expect(renderReport(report, 'csv')).rejects.toMatchObject({ code: 'UNKNOWN_REPORT_FORMAT', known: ['md', 'html', 'json'] });
    await expect(renderReport(report, 'pdf')).rejects.toMatchObject({ code: 'UNKNOWN_REPORT_FORMAT', value: 'pdf' });
  });

  test('themeOutput streams csv rows from records as from a store', async () => {
    const chunks: string[] = [];
    for await (const chunk of themeOutput({ records: each(records), codebook, format: 'csv' })) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
  });
});

describe('the CSV from a store carries campaign numbers as the report numbers them', () => {
  test('every copy of a campaign, first one included, has its number; other rows none', async () => {
    await withTempDir(async (dir) => {
      const campaign = 'I object to the closure of the Elm Street day centre because carers like me depend on it.';
      const stored = [
        ...Array.from({ length: 3 }, (_, index) => makeRecord({ text: campaign, meta: { respondent: `R${index}` } })),
        makeRecord({ text: 'The budget for carers was cut again this year and nobody asked us first.' }),
      ];
      await writeStore(dir, stored);
      const report = await buildThemeReport({ storeDir: dir, codebook, format: 'json' });
      expect(report.campaigns.map((entry) => entry.number)).toEqual([1]);
      let csv = '';
      for await (const chunk of themeOutput({ storeDir: dir, codebook, format: 'csv' })) csv += chunk;
      const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row['campaign'])).toEqual(['1', '1', '1', '']);
    });
  });
});

describe('the CSV leaves out the words of respondents who did not agree to publication', () => {
  test("their rows keep their themes and say why the text is missing; other respondents' words stay", async () => {
    const question = 'May we publish your response?';
    const given = [
      makeRecord({ text: 'Carers need a break', meta: { answers: { [question]: 'Do not publish response' } } }),
      makeRecord({ text: 'The budget was cut', meta: { answers: { [question]: 'Publish response with name' } } }),
    ];
    let csv = '';
    for await (const chunk of themeOutput({ records: each(given), codebook, format: 'csv' })) csv += chunk;
    const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row['themes'], row['text']])).toEqual([
      ['carers', WITHHELD_TEXT],
      ['money', 'The budget was cut'],
    ]);
  });
});

describe('the CSV of a store under a codebook that redacts names, from the library as from the command', () => {
  test('withholds the keywords the report prints as [name], lower-case unlisted ones too (fixtures/privacy/unlisted-name-keywords)', async () => {
    await withTempDir(async (dir) => {
      const fixture = join(PROJECT_ROOT, 'fixtures/privacy/unlisted-name-keywords');
      await ingest({ paths: [join(fixture, 'exports')], storeDir: join(dir, 'store'), cwd: dir });
      const { codebook: namedCodebook } = await loadCodebook(join(fixture, 'themes.yaml'));
      if (namedCodebook === null) throw new Error('the fixture codebook does not load');
      let csv = '';
      for await (const chunk of themeOutput({ storeDir: join(dir, 'store'), codebook: namedCodebook, format: 'csv' })) csv += chunk;
      expect(csv).toMatch(/worker \[name\] always rings back/u);
      expect(csv).toMatch(/driver \[name\] is the only reason/u);
      expect(csv.toLowerCase()).not.toMatch(/kaelynn|jaxon/u);
    });
  });
});
