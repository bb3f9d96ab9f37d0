import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PublishedReports } from '../helpers/published-reports.js';

const published = new PublishedReports('fixtures/privacy/consultation-held-out');

beforeAll(async () => {
  await published.publish();
});

afterAll(async () => {
  await published.remove();
});

describe('a consultation written blind, published in every format with its codebook and the bundled one (fixtures/privacy/consultation-held-out)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as { records_total?: number };
    expect(report.records_total).toBe(72);
  });

  test('none of the 200 planted items is in any format', async () => {
    const planted = await published.listed('must-not-publish.txt');
    expect(planted).toHaveLength(200);
    expect(published.leaks(planted)).toEqual([]);
  });

  test('places, organisations, conditions, laws, amounts and references of policies stay', async () => {
    const kept = await published.listed('must-keep.txt');
    expect(kept).toHaveLength(32);
    expect(published.lost(kept)).toEqual([]);
  });
});
