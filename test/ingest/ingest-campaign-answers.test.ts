import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { buildThemeReport } from '../../src/run/theme-output.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { makeCodebook } from '../builders/codebook-builder.js';

const FIXTURE = join('fixtures', 'ingest', 'survey-campaign-answers');
const CAMPAIGN = 'I object to the closure of the Elm Street day centre';

describe('a campaign answer repeated by 40 respondents beside 40 answers of their own', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-campaign-'));
    await cp(FIXTURE, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: [string, string, Record<string, string>, string][] = [
    ['survey with respondent ids', 'with-respondent-ids.csv', {}, 'survey-csv'],
    ['survey with respondent ids, --map text', 'with-respondent-ids.csv', { text: 'Your response' }, 'survey-csv'],
    ['one column without ids', 'answers-only.csv', {}, 'csv'],
    ['one column without ids, --map text', 'answers-only.csv', { text: 'Response' }, 'csv'],
  ];

  it.each(cases)(
    '%s: every respondent is a record and a voice, the campaign one campaign of 40, and a second ingest adds nothing',
    async (_name, file, map, format) => {
      const first = await ingest({ paths: [file], storeDir: 'store', cwd: dir, map });
      expect(first.perFile.map((entry) => entry.format)).toEqual([format]);
      expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 80, added: 80, duplicates: 0 });
      const texts: string[] = [];
      for await (const record of readStoreRecords(join(dir, 'store'))) texts.push(record.text);
      expect(texts.filter((text) => text.startsWith(CAMPAIGN))).toHaveLength(40);
      expect(new Set(texts).size).toBe(41);

      const report = await buildThemeReport({
        storeDir: join(dir, 'store'),
        codebook: makeCodebook([{ id: 'centres', keywords: ['day centre'] }]),
      });
      expect([report.recordsTotal, report.voicesTotal, report.campaignsTotal]).toEqual([80, 80, 1]);
      expect(report.campaigns[0]?.voices).toEqual({ kind: 'shown', value: 40 });

      const second = await ingest({ paths: [file], storeDir: 'store', cwd: dir, map });
      expect({ read: second.read, added: second.added, duplicates: second.duplicates }).toEqual({ read: 80, added: 0, duplicates: 80 });
    },
  );
});
