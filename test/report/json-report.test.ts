import { describe, expect, test } from '@jest/globals';
import { renderJsonReport } from '../../src/report/json-report.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { buildReport } from './report-fixture.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Support for carers', keywords: ['carer'] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
]);
const records = [
  makeThemedRecord(codebook, { text: 'A carer', author: 'Asha', channel: 'email', date: '2014-01-02T00:00:00.000Z' }),
  makeThemedRecord(codebook, { text: 'Another carer', channel: 'twitter' }),
  makeThemedRecord(codebook, { text: 'Unrelated', author: 'Ben' }),
  makeThemedRecord(codebook, { text: 'Unrelated too' }),
];

type JsonObject = Record<string, unknown>;
const parse = (includeAuthors: boolean): JsonObject =>
  JSON.parse(renderJsonReport(buildReport(codebook, records, includeAuthors))) as JsonObject;

describe('renderJsonReport', () => {
  test('top-level keys, in a fixed order', () => {
    expect(Object.keys(parse(false))).toEqual([
      'title',
      'key_findings',
      'records_total',
      'voices_total',
      'campaigns_total',
      'campaign_records',
      'unthemed',
      'by_channel',
      'voices_by_channel',
      'date_range',
      'undated',
      'breakdowns',
      'themes',
      'campaigns',
      'co_occurrence',
      'unthemed_terms',
      'redactions',
      'small_numbers',
      'codebook',
      'tool_version',
    ]);
  });

  test('records_total, unthemed, and themes[] with id, label, count and a share rounded to 4 decimals', () => {
    const json = parse(false);
    expect([json['records_total'], json['unthemed']]).toEqual([4, 2]);
    const themes = json['themes'] as JsonObject[];
    expect(themes.map((theme) => [theme['id'], theme['label'], theme['count'], theme['share']])).toEqual([
      ['carers', 'Support for carers', 2, 0.5],
      ['money', 'Money', 0, 0],
    ]);
    expect(Object.keys(themes[0] ?? {})).toEqual([
      'id',
      'label',
      'description',
      'count',
      'share',
      'voices',
      'campaign_count',
      'campaigns',
      'by_channel',
      'breakdowns',
      'top_words',
      'quotes',
      'record_ids',
    ]);
    const small = { suppressed: 'small', fewer_than: 5 };
    expect(json['by_channel']).toEqual({ twitter: small, email: small, survey: small });
    expect(json['voices_by_channel']).toEqual({ twitter: small, email: small, survey: small });
    expect(json['codebook']).toEqual({
      file: 'themes.yaml',
      fingerprint: codebook.fingerprint,
      keywords: { carers: ['carer'], money: ['budget'] },
    });
  });

  test('voices_by_channel: distinct voices per channel through the small-number rule, hidden wherever the records cell is', () => {
    const many = [
      ...Array.from({ length: 30 }, (_, index) =>
        makeThemedRecord(codebook, { text: `A carer ${index}`, channel: 'survey', meta: { respondent: `R${index % 10}` } }),
      ),
      ...Array.from({ length: 8 }, (_, index) =>
        makeThemedRecord(codebook, { text: `Budget ${index}`, channel: 'twitter', author: index % 2 === 0 ? '@asha' : '@ben' }),
      ),
      ...Array.from({ length: 6 }, (_, index) => makeThemedRecord(codebook, { text: `Carer ${index}`, channel: 'email', author: null })),
      makeThemedRecord(codebook, { text: 'A carer at an event', channel: 'event-note', author: 'Cy' }),
    ];
    const json = JSON.parse(renderJsonReport(buildReport(codebook, many))) as JsonObject;
    expect(json['voices_total']).toBe(19);
    expect(json['by_channel']).toEqual({
      twitter: 8,
      email: { suppressed: 'secondary' },
      'event-note': { suppressed: 'small', fewer_than: 5 },
      survey: 30,
    });
    expect(json['voices_by_channel']).toEqual({
      twitter: { suppressed: 'small', fewer_than: 5 },
      email: { suppressed: 'secondary' },
      'event-note': { suppressed: 'small', fewer_than: 5 },
      survey: 10,
    });
  });

  test("each theme lists its records' ids, sorted, for tlap diff", () => {
    const themes = parse(false)['themes'] as JsonObject[];
    const carers = records.filter((entry) => entry.themeIds.includes('carers')).map((entry) => entry.record.id);
    expect(themes[0]?.['record_ids']).toEqual([...carers].sort());
    expect(themes[1]?.['record_ids']).toEqual([]);
  });

  test('suppressed breakdown cells carry no number', () => {
    const themes = parse(false)['themes'] as JsonObject[];
    expect((themes[0]?.['breakdowns'] as JsonObject)['channel']).toEqual({
      cells: { twitter: { suppressed: 'small', fewer_than: 5 }, email: { suppressed: 'small', fewer_than: 5 } },
    });
  });

  test('authors are absent unless asked for', () => {
    const quotes = (json: JsonObject): JsonObject[] => [
      ...(json['themes'] as JsonObject[]).flatMap((theme) => theme['quotes'] as JsonObject[]),
      ...(json['unthemed_terms'] as JsonObject[]).flatMap((term) => term['quotes'] as JsonObject[]),
    ];
    expect(quotes(parse(false)).some((quote) => 'author' in quote)).toBe(false);
    expect(JSON.stringify(parse(false))).not.toMatch(/Asha|Ben/);
    expect(quotes(parse(true)).map((quote) => quote['author'])).toEqual(expect.arrayContaining(['Asha', 'Ben', null]));
  });

  test('ends with a newline and is the same for the same report', () => {
    const report = buildReport(codebook, records);
    expect(renderJsonReport(report)).toMatch(/\}\n$/);
    expect(renderJsonReport(report)).toBe(renderJsonReport(buildReport(codebook, [...records].reverse())));
  });
});
