import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { loadBuiltCli, type BuiltCli } from '../builders/built-cli.js';
import { expectGolden } from '../helpers/golden.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/report/respondent-groups');
const GOLDEN_FILES = [
  ['md', 'summary.md'],
  ['json', 'summary.json'],
] as const;

let cli: BuiltCli;
let dir = '';

/** `tlap themes` in the fixture's copy with these arguments: its output, after checking it succeeded. */
async function themes(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await cli.run(['themes', ...args], { cwd: dir });
  if (result.exitCode !== ExitCode.Ok) throw new Error(`themes ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

beforeAll(async () => {
  cli = await loadBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'tlap-groups-'));
  await cp(FIXTURE, dir, { recursive: true });
  const ingested = await cli.run(['ingest', 'exports'], { cwd: dir });
  if (ingested.exitCode !== ExitCode.Ok) throw new Error(`ingest failed: ${ingested.stderr}`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report.groups, end to end (fixtures/report/respondent-groups)', () => {
  test.each(GOLDEN_FILES)(
    '%s on one thread matches %s, and on worker threads is the same byte for byte',
    async (format, file) => {
      const oneThread = await themes(['--format', format, '--threads', '0']);
      expectGolden(join(FIXTURE, file), oneThread.stdout);
      expect(oneThread.stderr).toBe('');
      expect((await themes(['--format', format, '--threads', '2'])).stdout).toBe(oneThread.stdout);
    },
    60_000,
  );

  test('a question no record answers is a warning, and the report says there is no group breakdown', async () => {
    await writeFile(join(dir, 'postcode.yaml'), (await readFile(join(dir, 'themes.yaml'), 'utf8')).replace('responding as', 'postcode'));
    const { stdout, stderr } = await themes(['--themes', 'postcode.yaml']);
    expect(stderr).toContain('report.groups: no record reported on answers a question containing "postcode"');
    expect(stdout).toContain('No question these records answer contains “postcode”');
    expect(stdout).not.toContain('All records by respondent group');
  }, 60_000);

  test('words several questions hold are a warning naming them; each record is grouped by the first it answers', async () => {
    await writeFile(join(dir, 'broad.yaml'), (await readFile(join(dir, 'themes.yaml'), 'utf8')).replace('responding as', 'you'));
    const { stdout, stderr } = await themes(['--themes', 'broad.yaml', '--threads', '2']);
    expect(stderr).toMatch(
      /report\.groups: \d+ questions contain "you"; each record is grouped by its answer to the first of them it answers/,
    );
    expect(stdout).toContain("Respondent groups are each record's answer to the first of these questions it answers:");
    expect((await themes(['--themes', 'broad.yaml', '--threads', '0'])).stdout).toBe(stdout);
  }, 60_000);
});
