import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PublishedReports } from '../helpers/published-reports.js';

const published = new PublishedReports('fixtures/privacy/channels-held-out');

beforeAll(async () => {
  await published.publish();
});

afterAll(async () => {
  await published.remove();
});

describe('e-mail, captions, transcripts, posts and blog comments written blind, published in every format with their codebook and the bundled one (fixtures/privacy/channels-held-out, figures in README.md)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as { records_total?: number };
    expect(report.records_total).toBe(36);
  });

  test('none of the 203 planted items is in any format (5 of them were before: Benedek, Des, number 12, Wilf, Olatunde)', async () => {
    const planted = await published.listed('must-not-publish.txt');
    expect(planted).toHaveLength(203);
    expect(published.leaks(planted)).toEqual([]);
  });

  test('all 44 phrases that hold no personal data stay (41 before, 43 before a town named like a person was read as the town)', async () => {
    const kept = await published.listed('must-keep.txt');
    expect(kept).toHaveLength(44);
    expect(published.lost(kept)).toEqual([]);
  });
});
