import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PublishedReports } from '../helpers/published-reports.js';

const published = new PublishedReports('fixtures/privacy/unlisted-name-keywords');

interface ReportJson {
  themes?: { id: string; top_words: { words: string; count: number }[] }[];
  codebook?: { keywords: Record<string, string[]> };
}

beforeAll(async () => {
  await published.publish();
});

afterAll(async () => {
  await published.remove();
});

describe('codebook keywords that are names no lexicon lists, published (fixtures/privacy/unlisted-name-keywords)', () => {
  test('no report or CSV of the codebook that names them prints the names, in any letter case (the CSV withheld only the listed one before)', async () => {
    const planted = await published.listed('must-not-publish.txt');
    expect(planted).toHaveLength(3);
    expect(published.leaks(planted).filter((leak) => leak.startsWith('fixture '))).toEqual([]);
  });

  test('the CSV withholds the lower-case names as [name], as the reports do', () => {
    const csv = published.output('fixture', 'csv');
    expect(csv).toMatch(/worker \[name\] always rings back/u);
    expect(csv).toMatch(/driver \[name\] is the only reason/u);
    expect(published.output('fixture', 'json')).toMatch(/worker \[name\] always rings back/u);
  });

  test('the activity no lexicon knows and the answers around the names stay', async () => {
    const kept = await published.listed('must-keep.txt');
    expect(kept).toHaveLength(3);
    expect(published.lost(kept.slice(0, 1))).toEqual([]);
    const fixtureOutputs = (['md', 'html', 'json', 'csv'] as const).map((format) => published.output('fixture', format)).join('\n');
    expect(kept.slice(1).filter((line) => !fixtureOutputs.includes(line))).toEqual([]);
  });

  test('the names are [name] among the words that matched most and in the JSON codebook keywords; the activity is printed', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as ReportJson;
    const topWords = new Map((report.themes ?? []).map((theme) => [theme.id, theme.top_words]));
    expect(topWords.get('named-staff')).toEqual([{ words: '[name]', count: 5 }]);
    expect(topWords.get('fun-day')).toEqual([{ words: 'zorbing', count: 2 }]);
    expect(report.codebook?.keywords['named-staff']).toEqual(['[name]']);
    expect(report.codebook?.keywords['fun-day']).toEqual(['zorbing']);
  });
});
