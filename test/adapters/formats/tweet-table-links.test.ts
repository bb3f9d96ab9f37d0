import { describe, expect, test } from '@jest/globals';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

/** A CSV of a header and one row, each a list of cells (quoted when they hold a comma or a quote). */
function csv(header: readonly string[], row: readonly string[]): string {
  const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${header.map(cell).join(',')}\n${row.map(cell).join(',')}\n`;
}

describe('shortened links in tweet tables', () => {
  test('rtweet: each of urls_t.co is written out as the urls_expanded_url in the same place', async () => {
    const header = [
      'user_id',
      'status_id',
      'created_at',
      'screen_name',
      'text',
      'is_retweet',
      'urls_url',
      'urls_t.co',
      'urls_expanded_url',
    ];
    const row = [
      'x31',
      'x1100000000000000009',
      '2019-04-10 08:15:00',
      'care_dad',
      'Two reads on direct payments https://t.co/AAA111 and https://t.co/BBB222',
      'FALSE',
      'example.org/a example.org/b',
      'https://t.co/AAA111 https://t.co/BBB222',
      'https://example.org/a https://example.org/b',
    ];
    const result = await readTempInput('rtweet.csv', csv(header, row));
    expect(result.format).toBe('rtweet-csv');
    expect(recordsOf(result).map((record) => record.text)).toEqual([
      'Two reads on direct payments https://example.org/a and https://example.org/b',
    ]);
  });

  test('TAGS: the links of the entities_str cell are written out', async () => {
    const header = ['id_str', 'from_user', 'text', 'created_at', 'time', 'status_url', 'entities_str'];
    const entities = JSON.stringify({
      hashtags: [{ text: 'carers' }],
      urls: [{ url: 'https://t.co/CcC333', expanded_url: 'https://example.org/carers-week', display_url: 'example.org/carers-week' }],
    });
    const row = [
      '1227650000000000001',
      'leeds_carers_net',
      'Carers Week events https://t.co/CcC333 #carers',
      'Wed Feb 12 17:30:00 +0000 2020',
      '12/02/2020 17:30:00',
      'https://twitter.com/leeds_carers_net/status/1227650000000000001',
      entities,
    ];
    const result = await readTempInput('tags.csv', csv(header, row));
    expect(result.format).toBe('tags-csv');
    expect(recordsOf(result).map((record) => [record.text, record.meta['hashtags']])).toEqual([
      ['Carers Week events https://example.org/carers-week #carers', ['carers']],
    ]);
  });
});
