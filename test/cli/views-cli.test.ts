import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

const THEMES = [
  { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
];

const RECORDS = [
  makeRecord({
    text: 'A carer needs respite',
    channel: 'twitter',
    date: '2014-01-20T09:00:00.000Z',
    provenance: { file: 'exports/tweets.csv' },
  }),
  makeRecord({ text: 'Budget cuts', channel: 'twitter', date: '2014-01-31T23:00:00.000Z', provenance: { file: 'exports/tweets.csv' } }),
  makeRecord({ text: 'Budget for carers', channel: 'survey', meta: { question: 'Q3 Money' }, provenance: { file: 'exports/survey.csv' } }),
  makeRecord({ text: 'Respite please', channel: 'email', date: '2014-03-02T00:00:00.000Z', provenance: { file: 'mail/in.mbox' } }),
];

async function setUp(dir: string, themes = THEMES): Promise<void> {
  await writeStore(join(dir, '.tlap'), RECORDS);
  await writeFile(join(dir, 'themes.yaml'), codebookYaml(themes));
}

describe('tlap themes selections', () => {
  test('--since/--until/--channel report on a subset and say which; undated records are counted as left out', async () => {
    await withTempDir(async (dir) => {
      await setUp(dir);
      const result = await runCli(['themes', '--since', '2014-01-01', '--until', '2014-01-31', '--channel', 'twitter', 'survey'], {
        cwd: dir,
      });
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stdout).toContain('This summary covers **2** pieces of feedback (each one a “record” in the tables below).');
      expect(result.stdout).toContain(
        'This report covers a selection: records dated from 2014-01-01 to 2014-01-31 (UTC, inclusive); from Twitter/X, Surveys. It leaves out 2 records of the 4 in the store, 1 undated record among them.',
      );
    });
  });

  test('--source and --question select by file glob and question text, in json too', async () => {
    await withTempDir(async (dir) => {
      await setUp(dir);
      const bySource = await runCli(['themes', '--format', 'json', '--source', '*.mbox'], { cwd: dir });
      expect(JSON.parse(bySource.stdout)).toMatchObject({
        records_total: 1,
        selection: { source: '*.mbox', store_records: 4, left_out: 3 },
      });
      const byQuestion = await runCli(['themes', '--format', 'csv', '--question', 'q3'], { cwd: dir });
      expect(byQuestion.stdout.trim().split('\n')).toHaveLength(2);
    });
  });

  test('an empty selection is an error (exit 2) with a hint; a bad date or channel too', async () => {
    await withTempDir(async (dir) => {
      await setUp(dir);
      const empty = await runCli(['themes', '--since', '2020-01-01'], { cwd: dir });
      expect(empty.exitCode).toBe(ExitCode.CouldNotRun);
      expect(empty.stderr).toContain('the selection holds no record');
      expect(empty.stderr).toContain('--since');
      expect((await runCli(['themes', '--format', 'csv', '--channel', 'email', '--question', 'x'], { cwd: dir })).exitCode).toBe(
        ExitCode.CouldNotRun,
      );
      expect((await runCli(['themes', '--until', '2014-13-01'], { cwd: dir })).exitCode).toBe(ExitCode.CouldNotRun);
      expect((await runCli(['themes', '--channel', 'fax'], { cwd: dir })).exitCode).toBe(ExitCode.CouldNotRun);
    });
  });
});

describe('tlap diff', () => {
  test('changing one keyword gives a changelog naming the records that moved; exit 0 either way', async () => {
    await withTempDir(async (dir) => {
      await setUp(dir);
      expect((await runCli(['themes', '--out', 'old.json'], { cwd: dir })).exitCode).toBe(ExitCode.Ok);
      const same = await runCli(['diff', 'old.json', 'old.json'], { cwd: dir });
      expect(same.exitCode).toBe(ExitCode.Ok);
      expect(same.stdout).toContain('No theme changed');
      await writeFile(
        join(dir, 'themes.yaml'),
        codebookYaml([{ id: 'carers', label: 'Carers', keywords: ['carer'] }, THEMES[1] ?? THEMES[0]!]),
      );
      expect((await runCli(['themes', '--out', 'new.json'], { cwd: dir })).exitCode).toBe(ExitCode.Ok);
      const diff = await runCli(['diff', 'old.json', 'new.json'], { cwd: dir });
      expect(diff.exitCode).toBe(ExitCode.Ok);
      const respiteOnly = RECORDS[3]?.id ?? '';
      expect(diff.stdout).toContain('| Carers | 3 | 2 | −1 |');
      expect(diff.stdout).toContain(`- Left (1): \`${respiteOnly}\``);
      expect(diff.stdout).toContain('- Keywords removed: respite');
      const withDiff = await runCli(['themes', '--diff', 'old.json'], { cwd: dir });
      expect(withDiff.stdout).toContain('## Changes');
      expect(withDiff.stdout).toContain('Since the earlier report, Carers went from 3 to 2 records.');
      expect(JSON.parse(await readFile(join(dir, 'new.json'), 'utf8'))).toHaveProperty(['codebook', 'keywords', 'carers'], ['carer']);
    });
  });

  test('a file that is not a JSON report is an error naming it', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), '{"x":1}');
      const result = await runCli(['diff', 'a.json', 'a.json'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stderr).toContain('a.json is not a tlap JSON report');
    });
  });
});

describe('quotes: exclude: in tlap themes', () => {
  test('an entry that names no record is a warning on stderr; the report is written (exit 0) and says how many were excluded', async () => {
    await withTempDir(async (dir) => {
      await writeStore(join(dir, '.tlap'), RECORDS);
      const excluded = RECORDS[0]?.id ?? '';
      await writeFile(join(dir, 'themes.yaml'), `${codebookYaml(THEMES)}quotes:\n  exclude: ["${excluded}", "typo-id"]\n`);
      const result = await runCli(['themes'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stderr).toMatch(/^warning: themes\.yaml: quotes\.exclude: 1 entry names no record reported on.*: typo-id$/m);
      expect(result.stdout).toContain('The analyst excluded 1 record from quoting');
      expect(result.stdout).not.toContain(`record ${excluded}`);
    });
  });
});
