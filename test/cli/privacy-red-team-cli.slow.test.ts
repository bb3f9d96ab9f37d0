import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { decodeHtmlEntities } from '../../src/text/html-entities.js';
import { runCli } from '../builders/cli-runner.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/privacy/red-team');
const FORMATS = ['md', 'html', 'json', 'csv'] as const;
const CODEBOOKS = { fixture: 'themes.yaml', bundled: join(PROJECT_ROOT, 'themes.yaml') } as const;

/** Every published output, by codebook and format, as a reader sees it (HTML's character references decoded). */
const published = new Map<string, string>();
let dir = '';

const lines = async (file: string): Promise<string[]> =>
  (await readFile(join(FIXTURE, file), 'utf8')).split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `item` standing as written, not inside a longer word (`tom` is not in `bottom`). */
const standing = (item: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(item)}(?![\\p{L}\\p{N}])`, 'iu');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-red-team-'));
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

describe('personal data planted the ways people write it, in ten exports of six channels (fixtures/privacy/red-team)', () => {
  test('every record is reported on', () => {
    const report = JSON.parse(published.get('fixture json') ?? '{}') as { records_total?: number };
    expect(report.records_total).toBe(50);
  });

  test('no planted e-mail address, phone number, address, postcode, NHS number, date of birth, NI number, handle, name or export id is in any format, with either codebook', async () => {
    const planted = await lines('must-not-publish.txt');
    expect(planted.length).toBeGreaterThan(100);
    const leaks = [...published].flatMap(([output, text]) =>
      planted.filter((item) => standing(item).test(text)).map((item) => `${output}: ${item}`),
    );
    expect(leaks).toEqual([]);
  });

  test('public bodies and organisations stay, in the CSV of every record', async () => {
    const kept = await lines('must-keep.txt');
    for (const codebook of Object.keys(CODEBOOKS)) {
      const csv = published.get(`${codebook} csv`) ?? '';
      expect(kept.filter((item) => !csv.includes(item))).toEqual([]);
    }
  });
});
