import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { storePaths } from '../../src/store/record-store.js';
import { STORE_SCHEMA } from '../../src/store/store-manifest.js';
import { prepareText } from '../../src/text/normalise.js';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { makeRecord } from '../builders/record-builder.js';
import { serialiseRecord } from '../../src/store/record-store.js';
import { withTempDir } from '../builders/temp-dir.js';

const STORE = '.tlap';

async function project(dir: string): Promise<void> {
  await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }], 'Feedback'));
  await writeFile(join(dir, 'survey.csv'), csvExport(csvRows(3)));
  await writeFile(join(dir, 'more.csv'), csvExport(csvRows(2, 'm')));
}

async function ingested(dir: string): Promise<void> {
  await project(dir);
  const result = await runCli(['ingest', 'survey.csv'], { cwd: dir });
  if (result.exitCode !== ExitCode.Ok) throw new Error(result.stderr);
}

async function storeLines(dir: string, file: 'records' | 'sources' | 'rejected'): Promise<string[]> {
  const text = await readFile(storePaths(join(dir, STORE))[file], 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '');
}

describe('a damaged store is refused by ingest as by themes (exit 2, the line named)', () => {
  test.each([
    ['an id edited by hand', (line: string) => line.replace(/^\{"id":"[0-9a-f]{4}/, '{"id":"ffff')],
    ['a source id edited by hand', (line: string) => line.replace(/"sourceId":"r2"/, '"sourceId":"r9"')],
    ['a line that is not JSON', (line: string) => line.slice(0, -1)],
  ])('%s', async (_case, damage) => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const records = storePaths(join(dir, STORE)).records;
      const lines = await storeLines(dir, 'records');
      lines[1] = damage(lines[1] ?? '');
      const damaged = `${lines.join('\n')}\n`;
      await writeFile(records, damaged);
      for (const argv of [['ingest', 'more.csv'], ['themes']]) {
        const result = await runCli(argv, { cwd: dir });
        expect(result.exitCode).toBe(ExitCode.CouldNotRun);
        expect(result.stderr).toContain(`${records}:2: `);
        expect(result.stderr).not.toContain('bug in tlap');
      }
      expect(await readFile(records, 'utf8')).toBe(damaged);
    });
  });
});

describe('the manifest', () => {
  test('the first ingest writes STORE/manifest.json with the store schema, and no temporary file', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const manifest = JSON.parse(await readFile(storePaths(join(dir, STORE)).manifest, 'utf8')) as Record<string, unknown>;
      expect(manifest).toEqual({ schema: STORE_SCHEMA, written_by: expect.stringMatching(/^tlap \d+\.\d+\.\d+/) });
      expect(existsSync(join(dir, STORE, `.manifest.json.${process.pid}.tmp`))).toBe(false);
    });
  });

  test('a store from a newer schema is refused by ingest and themes, and left untouched', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      await writeFile(paths.manifest, `${JSON.stringify({ schema: STORE_SCHEMA + 1, written_by: 'tlap 9.0.0' })}\n`);
      const before = await readFile(paths.records, 'utf8');
      for (const argv of [['ingest', 'more.csv'], ['themes'], ['sources']]) {
        const result = await runCli(argv, { cwd: dir });
        expect(result.exitCode).toBe(ExitCode.CouldNotRun);
        expect(result.stderr).toContain(`this store was written by tlap 9.0.0 in store schema ${STORE_SCHEMA + 1}`);
        expect(result.stderr).toContain('hint: upgrade tlap to read this store');
      }
      expect(await readFile(paths.records, 'utf8')).toBe(before);
    });
  });

  test('a manifest that is not one is named as damaged', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      await writeFile(paths.manifest, 'not json');
      const result = await runCli(['ingest', 'more.csv'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stderr).toContain(`${paths.manifest}: not a tlap store manifest`);
    });
  });

  test('a store written before manifests and sources.jsonl opens, and the next ingest adds both', async () => {
    await withTempDir(async (dir) => {
      await project(dir);
      const old = [makeRecord({ provenance: { file: 'old.csv', row: 1 } }), makeRecord({ provenance: { file: 'old.csv', row: 2 } })];
      await mkdir(join(dir, STORE));
      const paths = storePaths(join(dir, STORE));
      await writeFile(paths.records, old.map((record) => `${serialiseRecord(record)}\n`).join(''));
      const themes = await runCli(['themes', '--format', 'json'], { cwd: dir });
      expect(themes.exitCode).toBe(ExitCode.Ok);
      expect(JSON.parse(themes.stdout)).toMatchObject({ records_total: 2 });
      expect(existsSync(paths.manifest)).toBe(false);

      const result = await runCli(['ingest', 'survey.csv'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(existsSync(paths.manifest)).toBe(true);
      const sources = (await storeLines(dir, 'sources')).map((line) => JSON.parse(line) as { id: string; file: string });
      expect(sources.filter((entry) => entry.file === 'old.csv').map((entry) => entry.id)).toEqual(old.map((record) => record.id));
      expect(sources.filter((entry) => entry.file === 'survey.csv')).toHaveLength(3);
    });
  });

  test('records hold the text as written, not its normalised form: a new normaliser needs no re-ingest', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), csvExport([{ id: 'c1', text: 'Ça VA? The CARERS’ café—“closed”!' }]));
      await runCli(['ingest', 'survey.csv'], { cwd: dir });
      const [line] = await storeLines(dir, 'records');
      const record = JSON.parse(line ?? '{}') as { text: string };
      expect(record.text).toBe('Ça VA? The CARERS’ café—“closed”!');
      expect(prepareText(record.text)).not.toBe(record.text);
      const manifest = await readFile(storePaths(join(dir, STORE)).manifest, 'utf8');
      expect(Object.keys(JSON.parse(manifest) as object).sort()).toEqual(['schema', 'written_by']);
    });
  });
});

describe('themes --out never overwrites the run’s own inputs', () => {
  test.each([
    ['the records', `${STORE}/records.jsonl`],
    ['the rejections', `${STORE}/rejected.jsonl`],
    ['the manifest', `${STORE}/manifest.json`],
    ['the sources', './.tlap/../.tlap/sources.jsonl'],
    ['the codebook', 'themes.yaml'],
  ])('%s: exit 2, the file unchanged', async (_case, out) => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      await writeFile(join(dir, STORE, 'rejected.jsonl'), '', { flag: 'a' });
      const before = await readFile(join(dir, out), 'utf8');
      const result = await runCli(['themes', '--out', out, '--format', 'json'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stderr).toContain(`error: --out ${out}: that is `);
      expect(await readFile(join(dir, out), 'utf8')).toBe(before);
    });
  });

  test('a symbolic link to the codebook is caught by its real path', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const { symlink } = await import('node:fs/promises');
      await symlink(join(dir, 'themes.yaml'), join(dir, 'link.md'));
      const result = await runCli(['themes', '--out', 'link.md'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stderr).toContain('that is the codebook in use');
    });
  });
});

describe('themes --out: the name says the format, - says stdout', () => {
  test('--out - writes the report to stdout', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const plain = await runCli(['themes'], { cwd: dir });
      const dash = await runCli(['themes', '--out', '-'], { cwd: dir });
      expect(dash.exitCode).toBe(ExitCode.Ok);
      expect(dash.stdout).toBe(plain.stdout);
      expect(existsSync(join(dir, '-'))).toBe(false);
    });
  });

  test('an extension no format claims is a usage error; with --format it is written', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const refused = await runCli(['themes', '--out', 'summary.txt'], { cwd: dir });
      expect(refused.exitCode).toBe(ExitCode.CouldNotRun);
      expect(refused.stderr).toContain('error: --out summary.txt: no report format has this extension');
      expect(refused.stderr).toContain('hint: give the format too, for example --out summary.txt --format md');
      expect(existsSync(join(dir, 'summary.txt'))).toBe(false);
      const written = await runCli(['themes', '--out', 'summary.txt', '--format', 'md'], { cwd: dir });
      expect(written.exitCode).toBe(ExitCode.Ok);
      expect(await readFile(join(dir, 'summary.txt'), 'utf8')).toMatch(/^# Feedback\n/);
    });
  });
});
