import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PublishedReports } from '../helpers/published-reports.js';

const published = new PublishedReports('fixtures/privacy/names-beside-fields');

interface ReportJson {
  records_total?: number;
  themes?: { id: string; top_words: { words: string; count: number }[] }[];
  codebook?: { keywords: Record<string, string[]> };
}

beforeAll(async () => {
  await published.publish();
});

afterAll(async () => {
  await published.remove();
});

describe('names beside the next field, possessives opening a sentence, accounts after a short label, and keywords that are names, published (fixtures/privacy/names-beside-fields)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as ReportJson;
    expect(report.records_total).toBe(25);
  });

  test('none of the planted names, numbers and accounts is in any format', async () => {
    const planted = await published.listed('must-not-publish.txt');
    expect(planted).toHaveLength(30);
    expect(published.leaks(planted)).toEqual([]);
  });

  test('the label after a redacted name, and the lines that name no one, stay', async () => {
    const kept = await published.listed('must-keep.txt');
    expect(kept).toHaveLength(18);
    expect(published.lost(kept)).toEqual([]);
  });

  test('keywords that are names in the records they matched are printed as [name] among the words that matched most, in every format', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as ReportJson;
    const topWords = new Map((report.themes ?? []).map((theme) => [theme.id, theme.top_words]));
    expect(topWords.get('named-staff')).toEqual([{ words: '[name]', count: 5 }]);
    expect(topWords.get('hope')).toEqual([{ words: 'hope', count: 2 }]);
    for (const format of ['md', 'html'] as const) {
      const matched = published
        .output('fixture', format)
        .split('\n')
        .filter((line) => line.includes('Words that matched most'));
      expect(matched.length).toBeGreaterThan(0);
      expect(matched.filter((line) => /sarah|morgan/iu.test(line))).toEqual([]);
      expect(matched.some((line) => /\\?\[name\\?\] \(5\)/u.test(line))).toBe(true);
    }
  });

  test("the JSON report lists those keywords as [name] among the codebook's keywords too, so no format prints them", () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as ReportJson;
    expect(report.codebook?.keywords['named-staff']).toEqual(['[name]']);
    expect(report.codebook?.keywords['hope']).toEqual(['hope']);
    expect(report.codebook?.keywords['forms']).toContain('ward');
    expect(published.leaks(['sarah', 'morgan'])).toEqual([]);
  });
});
