import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../builders/cli-runner.js';
import { PublishedReports } from '../helpers/published-reports.js';

/** The record whose writer asked, in its words, not to be published (`Please do not publish this`). */
const REFUSED_IN_TEXT = '08eb4187d5bc9226ed96';

const published = new PublishedReports('fixtures/privacy/red-team-disguises');

beforeAll(async () => {
  await published.publish();
});

afterAll(async () => {
  await published.remove();
});

describe('personal data in disguise, in file names and in links, and refusals written in the text (fixtures/privacy/red-team-disguises)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.output('fixture', 'json') || '{}') as {
      records_total?: number;
      quotes_withheld_without_consent?: number;
    };
    expect(report.records_total).toBe(26);
    expect(report.quotes_withheld_without_consent).toBe(3);
  });

  test('nothing planted is in any format, with either codebook', async () => {
    const planted = await published.listed('must-not-publish.txt');
    expect(published.leaks(planted)).toEqual([]);
  });

  test('ordinary words that are also names, a street and files named after no one stay', async () => {
    const kept = await published.listed('must-keep.txt');
    expect(published.lost(kept)).toEqual([]);
  });

  test('a record whose writer asked not to be published keeps its row in the CSV without its words, and explain says why', async () => {
    const csv = published.output('fixture', 'csv');
    const row = csv.split('\n').find((line) => line.startsWith(REFUSED_IN_TEXT)) ?? '';
    expect(row).toContain('[not published: the respondent did not agree to publication]');
    const explained = await runCli(['explain', REFUSED_IN_TEXT], { cwd: published.dir });
    expect(explained.stdout).toContain('never quoted: the writer asked in the text: “do not publish this”; still counted in every theme');
  });
});
