import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { decodeHtmlEntities } from '../../src/text/html-entities.js';
import { runCli } from '../builders/cli-runner.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/privacy/red-team-disguises');
const FORMATS = ['md', 'html', 'json', 'csv'] as const;
const CODEBOOKS = { fixture: 'themes.yaml', bundled: join(PROJECT_ROOT, 'themes.yaml') } as const;
/** The record whose writer asked, in its words, not to be published (`Please do not publish this`). */
const REFUSED_IN_TEXT = '08eb4187d5bc9226ed96';

const published = new Map<string, string>();
let dir = '';

const lines = async (file: string): Promise<string[]> =>
  (await readFile(join(FIXTURE, file), 'utf8')).split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const standing = (item: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(item)}(?![\\p{L}\\p{N}])`, 'iu');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-disguises-'));
  await cp(FIXTURE, dir, { recursive: true });
  const ingested = await runCli(['ingest', 'exports'], { cwd: dir });
  if (ingested.exitCode !== ExitCode.Ok) throw new Error(`ingest failed: ${ingested.stderr}`);
  for (const [name, codebook] of Object.entries(CODEBOOKS)) {
    for (const format of FORMATS) {
      const result = await runCli(['themes', '--themes', codebook, '--format', format], { cwd: dir });
      if (result.exitCode !== ExitCode.Ok) throw new Error(`themes --format ${format} failed: ${result.stderr}`);
      published.set(`${name} ${format}`, format === 'html' ? decodeHtmlEntities(result.stdout) : result.stdout);
    }
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('personal data in disguise, in file names and in links, and refusals written in the text (fixtures/privacy/red-team-disguises)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.get('fixture json') ?? '{}') as {
      records_total?: number;
      quotes_withheld_without_consent?: number;
    };
    expect(report.records_total).toBe(26);
    expect(report.quotes_withheld_without_consent).toBe(3);
  });

  test('nothing planted is in any format, with either codebook', async () => {
    const planted = await lines('must-not-publish.txt');
    const leaks = [...published].flatMap(([output, text]) =>
      planted.filter((item) => standing(item).test(text)).map((item) => `${output}: ${item}`),
    );
    expect(leaks).toEqual([]);
  });

  test('ordinary words that are also names, a street and files named after no one stay', async () => {
    const kept = await lines('must-keep.txt');
    for (const codebook of Object.keys(CODEBOOKS)) {
      const shown = `${published.get(`${codebook} csv`) ?? ''}${published.get(`${codebook} md`) ?? ''}`;
      expect(kept.filter((item) => !shown.includes(item))).toEqual([]);
    }
  });

  test('a record whose writer asked not to be published keeps its row in the CSV without its words, and explain says why', async () => {
    const csv = published.get('fixture csv') ?? '';
    const row = csv.split('\n').find((line) => line.startsWith(REFUSED_IN_TEXT)) ?? '';
    expect(row).toContain('[not published: the respondent did not agree to publication]');
    const explained = await runCli(['explain', REFUSED_IN_TEXT], { cwd: dir });
    expect(explained.stdout).toContain('never quoted: the writer asked in the text: “do not publish this”; still counted in every theme');
  });
});
