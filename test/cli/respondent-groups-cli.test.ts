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

/** The fixture's codebook without its `report:` key. */
async function codebookWithoutGroups(): Promise<string> {
  const text = await readFile(join(dir, 'themes.yaml'), 'utf8');
  const without = text.replace(/^report:\n {2}groups: responding as\n/m, '');
  expect(without).not.toBe(text);
  await writeFile(join(dir, 'plain.yaml'), without);
  return 'plain.yaml';
}

/** A CSV's rows as cells (no cell of the fixture holds a comma inside quotes in the columns read here). */
function csvColumn(csv: string, name: string): string[] {
  const [header = '', ...rows] = csv
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\n');
  const at = header.split(',').indexOf(name);
  return at < 0 ? [] : rows.map((row) => row.split(',')[at] ?? '');
}

describe('--groups QUESTION, end to end', () => {
  test('on a codebook without report.groups it gives the breakdown the codebook key gives, on one thread or two, and methods says where it came from', async () => {
    const plain = await codebookWithoutGroups();
    const golden = await readFile(join(FIXTURE, 'summary.md'), 'utf8');
    const oneThread = await themes(['--themes', plain, '--groups', 'responding as', '--threads', '0']);
    expect(oneThread.stderr).toBe('');
    const fromCodebook =
      '- Respondent groups: the answers to the question containing “responding as”, set by report.groups in the codebook.';
    const fromRun =
      '- Respondent groups: the answers to the question containing “responding as”, asked for when this report was made (the codebook sets none).';
    expect(golden).toContain(fromCodebook);
    expect(oneThread.stdout).toContain(fromRun);
    const fingerprint = /^- Codebook: .*$/m;
    expect(oneThread.stdout.replace(fromRun, fromCodebook).replace(fingerprint, '')).toBe(golden.replace(fingerprint, ''));
    expect((await themes(['--themes', plain, '--groups', 'responding as', '--threads', '2'])).stdout).toBe(oneThread.stdout);
    const json = JSON.parse((await themes(['--themes', plain, '--groups', 'responding as', '--format', 'json'])).stdout) as {
      groups: unknown;
    };
    expect(json.groups).toEqual({
      asked: 'responding as',
      questions: ['Are you responding as an individual or on behalf of an organisation?'],
      from: 'run',
      replaced: null,
    });
  }, 60_000);

  test("wins over the codebook's report.groups: the warning and the report name the run's setting, and methods the key it replaced", async () => {
    const { stdout, stderr } = await themes(['--groups', 'postcode']);
    expect(stderr).toContain('respondent groups asked for this report: no record reported on answers a question containing "postcode"');
    expect(stderr).not.toContain('report.groups');
    expect(stdout).toContain('No question these records answer contains “postcode” (the respondent groups asked for this report)');
    expect(stdout).toContain(
      "- Respondent groups: the answers to the question containing “postcode”, asked for when this report was made (in place of the codebook's report.groups, “responding as”).",
    );
    expect(stdout).not.toContain('All records by respondent group');
  }, 60_000);

  test('blank words are a usage error', async () => {
    const result = await cli.run(['themes', '--groups', '  '], { cwd: dir });
    expect(result.exitCode).toBe(ExitCode.CouldNotRun);
    expect(result.stderr).toContain('--groups needs words of the question');
  }, 60_000);

  test('the CSV has a group column when the report has groups (key or flag), each record its answer, empty for none', async () => {
    const keyed = (await themes(['--format', 'csv', '--threads', '0'])).stdout;
    expect(keyed.split('\n')[0]).toBe('\ufeffid,channel,author,date,context,themes,campaign,group,funding,transport,day-centres,text');
    const groups = csvColumn(keyed, 'group');
    const counts = new Map<string, number>();
    for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1);
    const json = JSON.parse((await themes(['--format', 'json'])).stdout) as { breakdowns: { group: { cells: Record<string, unknown> } } };
    expect(counts.get('On behalf of an organisation')).toBe(json.breakdowns.group.cells['On behalf of an organisation']);
    expect([...counts.keys()].sort()).toEqual(['', 'Individual', 'On behalf of an organisation']);
    expect((await themes(['--format', 'csv', '--threads', '2'])).stdout).toBe(keyed);
    const plain = await codebookWithoutGroups();
    expect((await themes(['--themes', plain, '--format', 'csv', '--groups', 'responding as'])).stdout).toBe(keyed);
    expect((await themes(['--themes', plain, '--format', 'csv'])).stdout.split('\n')[0]).not.toContain('group');
  }, 60_000);
});
