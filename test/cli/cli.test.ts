import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { TOOL_VERSION } from '../../src/tool-version.js';
import { runCli, type CliResult, type RunCliOptions } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { withTempDir } from '../builders/temp-dir.js';
import { adapterNames } from '../../src/adapters/registry.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';

const ANY_ESCAPE = /\u001b/;
const COLOUR = /\u001b\[[0-9;]*m/;

/** Writes a project folder: themes.yaml and exports/survey.csv (3 rows, one about money); `ingested` also fills .tlap. */
async function writeWorkspace(dir: string, ingested: boolean): Promise<void> {
  await writeFile(
    join(dir, 'themes.yaml'),
    codebookYaml(
      [
        { id: 'carers', keywords: ['carer'] },
        { id: 'money', keywords: ['budget'] },
      ],
      'Feedback',
    ),
  );
  await mkdir(join(dir, 'exports'));
  await writeFile(join(dir, 'exports', 'survey.csv'), csvExport([...csvRows(2), { id: 'b1', text: 'The budget was cut' }]));
  if (ingested) {
    const result = await runCli(['ingest', 'exports'], { cwd: dir });
    if (result.exitCode !== ExitCode.Ok) throw new Error(`workspace ingest failed: ${result.stderr}`);
  }
}

/** The two project folders of {@link writeWorkspace}, written once for this file, by `ingested`. */
const workspaceTemplates = new Map<boolean, Promise<string>>();

afterAll(async () => {
  for (const template of workspaceTemplates.values()) await rm(await template, { recursive: true, force: true });
});

/** Fills `dir` with a copy of the project folder of {@link writeWorkspace}: each test gets its own. */
async function workspace(dir: string, ingested: boolean): Promise<void> {
  let template = workspaceTemplates.get(ingested);
  if (template === undefined) {
    template = mkdtemp(join(tmpdir(), 'tlap-test-')).then(async (templateDir) => {
      await writeWorkspace(templateDir, ingested);
      return templateDir;
    });
    workspaceTemplates.set(ingested, template);
  }
  await cp(await template, dir, { recursive: true });
}

async function inWorkspace(
  argv: string[],
  options: Omit<RunCliOptions, 'cwd'> & { ingested?: boolean } = {},
): Promise<CliResult & { dir: string; files: Record<string, string> }> {
  return withTempDir(async (dir) => {
    await workspace(dir, options.ingested ?? true);
    const result = await runCli(argv, { ...options, cwd: dir });
    const files: Record<string, string> = {};
    for (const name of ['out.md', 'out.json', 'out.csv', 'report.txt']) {
      if (existsSync(join(dir, name))) files[name] = await readFile(join(dir, name), 'utf8');
    }
    return { ...result, dir, files };
  });
}

describe('tlap: argv | exit code | stdout contains | stderr contains', () => {
  test.each<[string[], number, string | null, string | null]>([
    [['--help'], ExitCode.Ok, 'tlap ingest exports/', null],
    [['--help'], ExitCode.Ok, 'Exit codes: 0 ok', null],
    [['ingest', '--help'], ExitCode.Ok, 'Examples:', null],
    [['themes', '--help'], ExitCode.Ok, 'tlap themes --check summary.md', null],
    [['--version'], ExitCode.Ok, TOOL_VERSION, null],
    [['formats'], ExitCode.Ok, 'extensions: .csv .tsv .tab', null],
    [['themes'], ExitCode.Ok, '# Feedback', null],
    [['themes', '--format', 'json'], ExitCode.Ok, '"records_total": 3', null],
    [['themes', '--format', 'csv'], ExitCode.Ok, 'id,channel,author,date,context,themes,campaign,carers,money,text', null],
    [['help'], ExitCode.Ok, 'Usage: tlap [options] [command]', null],
    [['help', 'ingest'], ExitCode.Ok, 'Usage: tlap ingest', null],
    [[], ExitCode.CouldNotRun, '', 'Usage: tlap [options] [command]'],
    [['bogus'], ExitCode.CouldNotRun, '', "unknown command 'bogus'"],
    [['ingest', '--bogus', 'exports'], ExitCode.CouldNotRun, '', "unknown option '--bogus'"],
    [['ingest'], ExitCode.CouldNotRun, '', "missing required argument 'paths'"],
    [['ingest', 'exports', '--store'], ExitCode.CouldNotRun, '', "option '--store <dir>' argument missing"],
    [['ingest', 'exports', '--channel', 'fax'], ExitCode.CouldNotRun, '', '--channel fax: unknown channel'],
    [['ingest', 'exports', '--map', 'colour=Column'], ExitCode.CouldNotRun, '', 'unknown field "colour"'],
    [['ingest', 'exports', '--skip-rows', 'two'], ExitCode.CouldNotRun, '', '--skip-rows two: expected a whole number'],
    [['ingest', 'exports', '--date-order', 'dym'], ExitCode.CouldNotRun, '', '--date-order dym: expected dmy, mdy or ymd'],
    [['ingest', 'exports', '--date-order', 'toString'], ExitCode.CouldNotRun, '', '--date-order toString: expected dmy, mdy or ymd'],
    [['ingest', 'missing.csv'], ExitCode.CouldNotRun, '', 'missing.csv: no such file or folder'],
    [['themes', '--out', 'out.md', '--check', 'out.md'], ExitCode.CouldNotRun, '', '--out and --check cannot be used together'],
    [['themes', '--format', 'pdf'], ExitCode.CouldNotRun, '', 'unknown report format "pdf"'],
    [['themes', '--store', 'nowhere'], ExitCode.CouldNotRun, '', 'no record store here'],
    [['themes', '--themes', 'missing.yaml'], ExitCode.CouldNotRun, '', 'missing.yaml: cannot read the codebook'],
    [['ingest', 'exports', '--format', 'nope'], ExitCode.CouldNotRun, '', '--format nope: no such format (known formats: '],
    [['ingest', 'exports', '--format', 'nope'], ExitCode.CouldNotRun, '', 'hint: see tlap formats'],
    [['ingest', 'exports', '--encoding', 'klingon-8'], ExitCode.CouldNotRun, '', 'error: --encoding klingon-8: no such encoding\n'],
    [['themes', '--store', 'nowhere'], ExitCode.CouldNotRun, '', 'hint: run tlap ingest first, or name the store with --store DIR'],
    [['themes', '--themes', 'missing.yaml'], ExitCode.CouldNotRun, '', 'or name one with --themes FILE'],
  ])('%j → exit %i', async (argv, exitCode, stdout, stderr) => {
    const result = await inWorkspace(argv);
    expect(result.exitCode).toBe(exitCode);
    if (stdout === '') expect(result.stdout).toBe('');
    else if (stdout !== null) expect(result.stdout).toContain(stdout);
    if (stderr !== null) expect(result.stderr).toContain(stderr);
    if (exitCode === ExitCode.Ok) expect(result.stderr).toBe('');
  });
});

describe('tlap ingest', () => {
  test('a warning the library codes gets the flag that acts on it', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), 'Feedback log\n\ncomment,author\nThe budget was cut,Ann\nMore carers please,Bo\n');
      const result = await runCli(['ingest', 'log.csv'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stderr).toContain('("Feedback log"); use --skip-rows N to choose the header yourself');
    });
  });

  test('dates read day first with no value showing the order: the warning names --date-order, which reads them month first', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), 'comment,date\nThe budget was cut,02/01/2024\nMore carers please,03/01/2024\n');
      const guessed = await runCli(['ingest', 'log.csv', '--store', 'guessed'], { cwd: dir });
      expect(guessed.exitCode).toBe(ExitCode.Ok);
      expect(guessed.stderr).toContain(
        'log.csv:2: 2 dates in column "date" could be day/month or month/day (the first, "02/01/2024", on line 2); read day first, as UK exports write them; if they are month first, use --date-order mdy',
      );
      const chosen = await runCli(['ingest', 'log.csv', '--store', 'chosen', '--date-order', 'mdy'], { cwd: dir });
      expect(chosen.exitCode).toBe(ExitCode.Ok);
      expect(chosen.stderr).not.toContain('warning');
      const dates = (await readFile(join(dir, 'chosen', 'records.jsonl'), 'utf8')).match(/"date":"[^"]*"/g);
      expect(dates).toEqual(['"date":"2024-02-01T00:00:00.000Z"', '"date":"2024-03-01T00:00:00.000Z"']);
    });
  });

  test('--json prints exactly the counts JSON on stdout; the summary goes to stderr', async () => {
    const result = await inWorkspace(['ingest', 'exports', '--json'], { ingested: false });
    expect(result.exitCode).toBe(ExitCode.Ok);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      files: 1,
      read: 3,
      added: 3,
      duplicates: 0,
      filtered: 0,
      rejected: 0,
      updated: 0,
      filtered_by_rule: {},
      rejected_by_code: {},
      skipped: [],
      not_feedback: [],
      per_file: [{ file: 'exports/survey.csv', format: 'csv', read: 3, added: 3, duplicates: 0, filtered: 0, rejected: 0, updated: 0 }],
    });
    expect(result.stderr).toContain('1 file: 3 read, 3 added, 0 duplicates, 0 filtered, 0 rejected');
  });

  test('- reads standard input', async () => {
    const result = await inWorkspace(['ingest', '-', '--format', 'csv', '--json'], { ingested: false, stdin: csvExport(csvRows(4)) });
    expect(result.exitCode).toBe(ExitCode.Ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 4, added: 4 });
  });

  test('- reads plain-text notes piped on standard input, one record per paragraph', async () => {
    const notes = 'Notes from the Leeds event\n\nPeople wanted more respite for carers.\n\nStaff turnover worries everyone.\n';
    const result = await inWorkspace(['ingest', '-', '--json'], { ingested: false, stdin: notes });
    expect(result.exitCode).toBe(ExitCode.Ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 3, added: 3, rejected: 0 });
  });

  test('progress lines only on a terminal', async () => {
    const onTty = await inWorkspace(['ingest', 'exports'], { ingested: false, tty: true });
    expect(onTty.stderr).toContain('ingesting: ');
    const piped = await inWorkspace(['ingest', 'exports'], { ingested: false });
    expect(piped.stderr).not.toContain('ingesting: ');
    expect(piped.stderr).not.toMatch(ANY_ESCAPE);
  });
});

describe('colour in messages', () => {
  const failing = ['ingest', 'missing.csv'];
  test.each<[string, Omit<RunCliOptions, 'cwd'>, RegExp, boolean]>([
    ['not a terminal: no escape codes at all', {}, ANY_ESCAPE, false],
    ['a terminal: colour', { tty: true }, COLOUR, true],
    ['a terminal with NO_COLOR=1: no colour', { tty: true, env: { NO_COLOR: '1' } }, COLOUR, false],
    ['a terminal with --no-color: no colour', { tty: true }, COLOUR, false],
    ['FORCE_COLOR=1, not a terminal: colour', { env: { FORCE_COLOR: '1' } }, COLOUR, true],
    ['a terminal with TERM=dumb: no colour', { tty: true, env: { TERM: 'dumb' } }, COLOUR, false],
  ])('%s', async (name, options, pattern, present) => {
    const argv = name.includes('--no-color') ? [...failing, '--no-color'] : failing;
    const result = await inWorkspace(argv, options);
    expect(result.exitCode).toBe(ExitCode.CouldNotRun);
    expect(result.stderr).toContain('missing.csv: no such file or folder');
    expect(pattern.test(result.stderr)).toBe(present);
  });
});

describe('errors', () => {
  test('plain mode: one line and a hint, no stack', async () => {
    const result = await inWorkspace(['ingest', 'missing.csv']);
    expect(result.stderr).toBe('error: missing.csv: no such file or folder\nhint: check the path\n');
  });

  test('--verbose: the stack too', async () => {
    const result = await inWorkspace(['ingest', 'missing.csv', '--verbose']);
    expect(result.stderr).toContain('error: missing.csv: no such file or folder');
    expect(result.stderr).toMatch(/^ {4}at /m);
  });
});

describe('tlap themes', () => {
  test.each(['md', 'json', 'csv', 'html'])('an empty store is an error in one line (exit 2), not a report of zeros: %s', async (format) => {
    await withTempDir(async (dir) => {
      await workspace(dir, false);
      await writeStore(join(dir, '.tlap'), []);
      const result = await runCli(['themes', '--format', format], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('the store holds no records');
    });
  });

  test("--ids adds the exports' ids with a warning that the output is not fit to publish", async () => {
    const plain = await inWorkspace(['themes', '--format', 'csv']);
    const withIds = await inWorkspace(['themes', '--format', 'csv', '--ids']);
    expect(plain.stderr).toBe('');
    expect(plain.stdout.startsWith('\ufeffid,channel,')).toBe(true);
    expect(withIds.exitCode).toBe(ExitCode.Ok);
    expect(withIds.stdout.startsWith('\ufeffid,source_id,channel,')).toBe(true);
    expect(withIds.stderr).toMatch(/warning: .*not fit to publish/);
  });

  test('--out writes the file (what stdout would show) and nothing goes to stdout', async () => {
    await withTempDir(async (dir) => {
      await workspace(dir, true);
      const toStdout = await runCli(['themes'], { cwd: dir });
      const toFile = await runCli(['themes', '--out', 'out.md'], { cwd: dir });
      expect(toFile.exitCode).toBe(ExitCode.Ok);
      expect(toFile.stdout).toBe('');
      expect(toFile.stderr).toContain('wrote out.md');
      expect(await readFile(join(dir, 'out.md'), 'utf8')).toBe(toStdout.stdout);
    });
  });

  test('a reader that stops early (tlap themes | head) ends the run quietly, exit 0', async () => {
    const result = await inWorkspace(['themes', '--format', 'csv'], { stdoutClosesAfter: 20 });
    expect(result.exitCode).toBe(ExitCode.Ok);
    expect(result.stderr).toBe('');
    expect(result.stdout.length).toBeLessThan(200);
  });

  test.each([
    ['out.md', /^# Feedback\n/],
    ['out.json', /^\{\n {2}"title": "Feedback",/],
    ['out.csv', /^\ufeffid,channel,/],
  ])('--out %s: the format follows the extension', async (file, start) => {
    const result = await inWorkspace(['themes', '--out', file]);
    expect(result.exitCode).toBe(ExitCode.Ok);
    expect(result.files[file]).toMatch(start);
  });

  test('--format wins over the extension', async () => {
    const result = await inWorkspace(['themes', '--out', 'report.txt', '--format', 'json']);
    expect(JSON.parse(result.files['report.txt'] ?? '')).toMatchObject({ records_total: 3 });
  });

  test.each([
    ['into a folder that does not exist', 'nowhere/out.md', 'nowhere/out.md: cannot write the file (no such file)'],
    ['over a folder', 'exports.md', 'exports.md: cannot write the file (is a folder)'],
  ])('--out %s: exit 2 naming the file, no temporary file left', async (_case, out, message) => {
    await withTempDir(async (dir) => {
      await workspace(dir, true);
      await mkdir(join(dir, 'exports.md'));
      const result = await runCli(['themes', '--out', out], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stderr).toContain(`error: ${message}`);
      expect(result.stderr).not.toContain('bug in tlap');
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  });

  test('--check: exit 0 when fresh, 1 with a diff on stderr when stale, nothing on stdout either way', async () => {
    await withTempDir(async (dir) => {
      await workspace(dir, true);
      await runCli(['themes', '--out', 'out.md'], { cwd: dir });
      const fresh = await runCli(['themes', '--check', 'out.md'], { cwd: dir });
      expect([fresh.exitCode, fresh.stdout]).toEqual([ExitCode.Ok, '']);
      expect(fresh.stderr).toContain('out.md is up to date');

      await writeFile(join(dir, 'exports', 'more.csv'), csvExport([{ id: 'n1', text: 'A new carer wrote in' }]));
      await runCli(['ingest', 'exports'], { cwd: dir });
      const stale = await runCli(['themes', '--check', 'out.md'], { cwd: dir });
      expect([stale.exitCode, stale.stdout]).toEqual([ExitCode.Findings, '']);
      expect(stale.stderr).toMatch(/^--- out\.md\tcommitted$/m);
      expect(stale.stderr).toMatch(/^\+\+\+ out\.md\tregenerated$/m);
      expect(stale.stderr).toMatch(/^-This summary covers \*\*3\*\* pieces of feedback \(each one a “record” in the tables below\)\.$/m);
      expect(stale.stderr).toMatch(/^\+This summary covers \*\*4\*\* pieces of feedback \(each one a “record” in the tables below\)\.$/m);
      expect(stale.stderr).toContain('error: out.md is stale');
      expect(stale.stderr).toContain('hint: regenerate it with: tlap themes --out out.md');
    });
  });

  test('--check: a report whose lines a Windows checkout ended in CRLF is up to date; a changed word still is not', async () => {
    await withTempDir(async (dir) => {
      await workspace(dir, true);
      await runCli(['themes', '--out', 'out.md'], { cwd: dir });
      const written = await readFile(join(dir, 'out.md'), 'utf8');
      await writeFile(join(dir, 'out.md'), written.replace(/\n/g, '\r\n'));
      const crlf = await runCli(['themes', '--check', 'out.md'], { cwd: dir });
      expect(crlf.exitCode).toBe(ExitCode.Ok);
      expect(crlf.stderr).toContain('out.md is up to date (its lines end in CRLF');
      await writeFile(join(dir, 'out.md'), written.replace(/\n/g, '\r\n').replace('pieces of feedback', 'bits of feedback'));
      expect((await runCli(['themes', '--check', 'out.md'], { cwd: dir })).exitCode).toBe(ExitCode.Findings);
    });
  });

  test('--check on a file that does not exist: exit 1', async () => {
    const result = await inWorkspace(['themes', '--check', 'out.md']);
    expect([result.exitCode, result.stdout]).toEqual([ExitCode.Findings, '']);
    expect(result.stderr).toContain('out.md does not exist');
  });
});

describe('tlap formats', () => {
  test('lists every registered format, in detection order, generic readers last', async () => {
    const result = await inWorkspace(['formats'], { ingested: false });
    const names = result.stdout.split('\n').filter((line) => /^\S/.test(line));
    expect(names).toEqual(adapterNames());
    expect(names.slice(-2)).toEqual(['csv', 'json']);
  });

  test('--json lists them as JSON', async () => {
    const result = await inWorkspace(['formats', '--json'], { ingested: false });
    expect((JSON.parse(result.stdout) as { name: string }[]).map((format) => format.name)).toEqual(adapterNames());
  });
});

describe('tlap themes progress', () => {
  test('a long run shows records and records per second on a terminal, nothing when piped', async () => {
    await withTempDir(async (dir) => {
      const records = Array.from({ length: 500 }, (_, index) => makeRecord({ sourceId: `r${index}`, text: `respite for carer ${index}` }));
      await writeStore(join(dir, '.tlap'), records);
      await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }]));
      const onTty = await runCli(['themes', '--out', 'summary.md'], { cwd: dir, tty: true, progressEvery: 250 });
      expect(onTty.exitCode).toBe(ExitCode.Ok);
      expect(onTty.stderr).toMatch(/theming: 500 records, \d+ records\/s/);
      const piped = await runCli(['themes', '--out', 'summary.md'], { cwd: dir, progressEvery: 250 });
      expect(piped.stderr).not.toContain('theming:');
    });
  });
});
