import { describe, expect, test } from '@jest/globals';
import type { FeedbackRecord } from '../../src/record/record.js';
import { buildThemeReport, renderReport, themeOutput } from '../../src/run/theme-output.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';

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
