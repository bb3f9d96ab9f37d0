import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PublishedReports } from '../helpers/published-reports.js';

const published = new PublishedReports('fixtures/privacy/red-team');

beforeAll(async () => {
  await published.publish();
});

afterAll(async () => {
  await published.remove();
});

describe('personal data planted the ways people write it, in ten exports of six channels (fixtures/privacy/red-team)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as { records_total?: number };
    expect(report.records_total).toBe(50);
  });

  test('no planted e-mail address, phone number, address, postcode, NHS number, date of birth, NI number, handle, name or export id is in any format, with either codebook', async () => {
    const planted = await published.listed('must-not-publish.txt');
    expect(planted.length).toBeGreaterThan(100);
    expect(published.leaks(planted)).toEqual([]);
  });

  test('public bodies and organisations stay, in the CSV of every record', async () => {
    const kept = await published.listed('must-keep.txt');
    expect(published.lost(kept, ['csv'])).toEqual([]);
  });
});
