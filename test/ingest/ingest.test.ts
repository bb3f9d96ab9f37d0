import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.js';
import type { FileSummary, IngestSummary } from '../../src/ingest/ingest-summary.js';
import { InputError } from '../../src/errors.js';
import { ExitCode } from '../../src/exit-codes.js';
import { readStoreRecords, storePaths } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { expectGolden } from '../helpers/golden.js';
import {
  countItems,
  listFixtureCases,
  PROJECT_ROOT,
  readFileItems,
  type FileReadResult,
  type FixtureCase,
} from '../helpers/read-fixture.js';
import { csvExport, csvRows, writeCsvExport } from '../builders/export-files.js';
import { runCli } from '../builders/cli-runner.js';
import { withTempDir } from '../builders/temp-dir.js';
import { buildZip } from '../builders/zip-builder.js';
import { gzipSync } from 'node:zlib';

const STORE = '.tlap';

function run(cwd: string, paths: string[], options: Partial<IngestOptions> = {}): Promise<IngestSummary> {
  return ingest({ paths, cwd, storeDir: STORE, ...options });
}

async function storedRecords(cwd: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(join(cwd, STORE))) records.push(record);
  return records;
}

async function storeFiles(cwd: string): Promise<{ records: string; rejected: string }> {
  const paths = storePaths(join(cwd, STORE));
  return { records: await readFile(paths.records, 'utf8'), rejected: await readFile(paths.rejected, 'utf8').catch(() => '') };
}

function expectConservation(summary: IngestSummary): void {
  expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
  for (const file of summary.perFile) expect(file.read).toBe(file.added + file.duplicates + file.filtered + file.rejected);
  const sum = (key: 'read' | 'added' | 'duplicates' | 'filtered' | 'rejected'): number =>
    summary.perFile.reduce((total, file) => total + file[key], 0);
  for (const key of ['read', 'added', 'duplicates', 'filtered', 'rejected'] as const) expect(sum(key)).toBe(summary[key]);
}

/** A CSV export whose third data row has more fields than the header (one rejection). */
function csvWithBadRow(prefix: string): string {
  const [header = '', ...rows] = csvExport(csvRows(4, prefix)).trimEnd().split('\n');
  return `${[header, rows[0], rows[1], `${prefix}x,,,too many,fields,here`, rows[2], rows[3]].join('\n')}\n`;
}

/** The adapter fixtures: each fixtures/adapters/<format>/<case>/ folder with its input and expected.json. */
const fixtureCases = listFixtureCases('adapters');
/** Per fixture: what the ingest reader gives for its input, read once for this file (the golden and the conservation checks share it). */
const fixtureReadings = new Map<string, Promise<FileReadResult>>();

function readFixture(fixture: FixtureCase): Promise<FileReadResult> {
  let reading = fixtureReadings.get(fixture.name);
  if (reading === undefined) {
    reading = readFileItems(join(fixture.dir, fixture.inputName), { displayPath: fixture.inputName, ...fixture.options });
    fixtureReadings.set(fixture.name, reading);
  }
  return reading;
}

describe('adapter fixtures: each fixtures/adapters/<format>/<case>/input.* reads to its expected.json', () => {
  test('there are fixture cases', () => {
    expect(fixtureCases.length).toBeGreaterThan(0);
  });

  test.each(fixtureCases.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    expect(existsSync(join(fixture.dir, 'README.md'))).toBe(true);
    expectGolden(join(fixture.dir, 'expected.json'), `${JSON.stringify(await readFixture(fixture), null, 2)}\n`);
  });
});

describe('conservation: read = added + duplicates + filtered + rejected', () => {
  const root = join(PROJECT_ROOT, 'fixtures', 'adapters');
  const pathOf = (fixture: FixtureCase): string => join(fixture.name, fixture.inputName);
  const perFile = new Map<string, FileSummary>();
  const storedPerFile = new Map<string, number>();

  /** Every fixture ingested, one run (and store) per set of options, as tlap ingest reads several files at once. */
  beforeAll(async () => {
    const byOptions = new Map<string, FixtureCase[]>();
    for (const fixture of fixtureCases)
      byOptions.set(JSON.stringify(fixture.options), [...(byOptions.get(JSON.stringify(fixture.options)) ?? []), fixture]);
    await withTempDir(async (dir) => {
      for (const [index, group] of [...byOptions.values()].entries()) {
        const storeDir = join(dir, `store-${index}`);
        const summary = await ingest({ paths: group.map(pathOf), cwd: root, storeDir, ...group[0]?.options });
        expectConservation(summary);
        for (const file of summary.perFile) perFile.set(file.file, file);
        for await (const record of readStoreRecords(storeDir)) {
          storedPerFile.set(record.provenance.file, (storedPerFile.get(record.provenance.file) ?? 0) + 1);
        }
      }
    });
  });

  test('there are adapter fixtures to check', () => {
    expect(fixtureCases.length).toBeGreaterThan(0);
  });

  test.each(fixtureCases.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const summary = perFile.get(pathOf(fixture));
    if (summary === undefined) throw new Error(`${pathOf(fixture)} is missing from the ingest's per-file counts`);
    expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
    const read = await readFixture(fixture);
    const counts = countItems(read);
    const byKind = (prefix: string): number =>
      Object.entries(counts).reduce((total, [key, count]) => total + (key.startsWith(prefix) ? count : 0), 0);
    expect(summary.added + summary.duplicates).toBe(byKind('record'));
    expect(summary.filtered).toBe(byKind('filtered:'));
    expect(summary.rejected).toBe(byKind('rejected:') + (read.error === null ? 0 : 1));
    expect(storedPerFile.get(pathOf(fixture)) ?? 0).toBe(summary.added);
  });
});

describe('re-ingesting', () => {
  test('a second run adds nothing and leaves the store byte-identical', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), csvWithBadRow('s'));
      await writeCsvExport(join(dir, 'more.csv'), csvRows(3, 'm'));
      const first = await run(dir, ['survey.csv', 'more.csv']);
      expect([first.added, first.rejected]).toEqual([7, 1]);
      const before = await storeFiles(dir);
      const second = await run(dir, ['survey.csv', 'more.csv']);
      expectConservation(second);
      expect([second.added, second.duplicates, second.rejected]).toEqual([0, 7, 1]);
      expect(await storeFiles(dir)).toEqual(before);
    });
  });

  test('a record seen twice in one run is stored once (same file twice, a row repeated)', async () => {
    await withTempDir(async (dir) => {
      const rows = csvRows(3);
      await writeCsvExport(join(dir, 'a.csv'), [...rows, ...rows.slice(1, 2)]);
      const summary = await run(dir, ['a.csv', 'a.csv']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.added, file.duplicates])).toEqual([
        [3, 1],
        [0, 4],
      ]);
      expect((await storedRecords(dir)).map((record) => record.sourceId)).toEqual(['r1', 'r2', 'r3']);
    });
  });
});

describe('inputs', () => {
  test('folders are read recursively in sorted order; unrelated and hidden files are skipped, unrelated ones listed', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports', 'b-blog', 'deeper'), { recursive: true });
      await writeCsvExport(join(dir, 'exports', 'c.csv'), csvRows(1, 'c'));
      await writeCsvExport(join(dir, 'exports', 'a.csv'), csvRows(1, 'a'));
      await writeFile(join(dir, 'exports', 'b-blog', 'deeper', 'z.json'), JSON.stringify([{ id: 'j1', text: 'from JSON' }]));
      await writeCsvExport(join(dir, 'exports', 'b-blog', 'b.csv'), csvRows(1, 'b'));
      await writeFile(join(dir, 'exports', 'slides.pptx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
      await writeFile(join(dir, 'exports', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      await writeCsvExport(join(dir, 'exports', '.hidden.csv'), csvRows(1, 'h'));
      const summary = await run(dir, ['exports']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.file, file.format])).toEqual([
        ['exports/a.csv', 'csv'],
        ['exports/b-blog/b.csv', 'csv'],
        ['exports/b-blog/deeper/z.json', 'json'],
        ['exports/c.csv', 'csv'],
      ]);
      expect(summary.skipped).toEqual(['exports/photo.png', 'exports/slides.pptx']);
      expect((await storedRecords(dir)).map((record) => record.sourceId)).toEqual(['a1', 'b1', 'j1', 'c1']);
    });
  });

  test('- reads standard input, with provenance file "-"', async () => {
    await withTempDir(async (dir) => {
      const summary = await run(dir, ['-'], { format: 'csv', stdin: Readable.from([csvExport(csvRows(2))]) });
      expectConservation(summary);
      expect(summary.added).toBe(2);
      expect((await storedRecords(dir)).map((record) => [record.sourceId, record.provenance.file])).toEqual([
        ['r1', '-'],
        ['r2', '-'],
      ]);
    });
  });

  test('a path that does not exist is an InputError (exit 2) before anything is written', async () => {
    await withTempDir(async (dir) => {
      await writeCsvExport(join(dir, 'a.csv'), csvRows(2));
      const error = await run(dir, ['a.csv', 'missing.csv']).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe('missing.csv: no such file or folder');
      expect((error as InputError).exitCode).toBe(ExitCode.CouldNotRun);
      expect(existsSync(join(dir, STORE))).toBe(false);
    });
  });
});

describe('bad input', () => {
  test('a binary file given by name is rejected as BINARY_FILE; the run goes on and exits 1', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'export.csv'), Buffer.concat([Buffer.from('id,text\n1,'), Buffer.alloc(64), Buffer.from('\n')]));
      await writeCsvExport(join(dir, 'good.csv'), csvRows(2));
      const summary = await run(dir, ['export.csv', 'good.csv']);
      expectConservation(summary);
      expect(summary.rejectedByCode).toEqual({ BINARY_FILE: 1 });
      expect(summary.added).toBe(2);
      const cli = await runCli(['ingest', 'export.csv', '--store', 'cli-store'], { cwd: dir });
      expect(cli.exitCode).toBe(ExitCode.Findings);
      expect(cli.stderr).toContain('[BINARY_FILE]');
    });
  });

  test('a .gz that holds no tar archive, given by name, is refused with what to do, not a --format hint', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'responses.csv.gz'), gzipSync(Buffer.from('outbox.json\0'.padEnd(600, '\0'))));
      const summary = await run(dir, ['responses.csv.gz']);
      expect(summary.rejectedByCode).toEqual({ BINARY_FILE: 1 });
      const cli = await runCli(['ingest', 'responses.csv.gz', '--store', 'cli-store'], { cwd: dir });
      expect(cli.stderr).toContain(
        'a gzip-compressed file (a .gz of one file, or a .tar.gz read from standard input), which tlap does not unpack',
      );
      expect(cli.stderr).toContain('hint: unpack it (gunzip FILE) and ingest the file it gives');
      expect(cli.stderr).not.toContain('--format');
    });
  });

  test('a zip of exports given by name is read as the folder it holds, deflated or stored', async () => {
    await withTempDir(async (dir) => {
      const csv = csvExport(csvRows(2));
      await writeFile(join(dir, 'deflated.zip'), buildZip([{ name: 'responses.csv', content: csv }]));
      await writeFile(join(dir, 'stored.zip'), buildZip([{ name: 'responses.csv', content: csv, stored: true }]));
      const summary = await run(dir, ['deflated.zip', 'stored.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.file, file.added, file.duplicates])).toEqual([
        ['deflated.zip/responses.csv', 2, 0],
        ['stored.zip/responses.csv', 0, 2],
      ]);
    });
  });

  test('--strict stops at the first rejection, reads no further file, and exits 2', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.csv'), csvWithBadRow('a'));
      await writeCsvExport(join(dir, 'b.csv'), csvRows(2, 'b'));
      const summary = await run(dir, ['a.csv', 'b.csv'], { strict: true });
      expectConservation(summary);
      expect(summary.stoppedEarly).toBe(true);
      expect([summary.files, summary.added, summary.rejected]).toEqual([1, 2, 1]);
      const cli = await runCli(['ingest', 'a.csv', 'b.csv', '--strict', '--store', 'cli-store'], { cwd: dir });
      expect(cli.exitCode).toBe(ExitCode.CouldNotRun);
      expect(cli.stderr).toContain('--strict');
    });
  });

  test.each([
    ['an empty file', ''],
    ['a header-only file', 'id,author,date,text\n'],
  ])('%s gives 0 records and exit 0', async (_name, content) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'export.csv'), content);
      const summary = await run(dir, ['export.csv']);
      expect([summary.files, summary.read, summary.rejected]).toEqual([1, 0, 0]);
      const cli = await runCli(['ingest', 'export.csv', '--store', 'cli-store'], { cwd: dir });
      expect(cli.exitCode).toBe(ExitCode.Ok);
    });
  });
});

describe('--format names a format that does not exist', () => {
  test('the run does not start: a usage error (exit 2) once, not one rejection per file', async () => {
    await withTempDir(async (dir) => {
      await writeCsvExport(join(dir, 'a.csv'), csvRows(2));
      await writeCsvExport(join(dir, 'b.csv'), csvRows(2));
      const cli = await runCli(['ingest', 'a.csv', 'b.csv', '--format', 'spreadsheet', '--store', 'store'], { cwd: dir });
      expect(cli.exitCode).toBe(ExitCode.CouldNotRun);
      expect(cli.stderr.match(/no such format/g)).toHaveLength(1);
      expect(cli.stderr).toContain('--format spreadsheet');
      expect(existsSync(join(dir, 'store'))).toBe(false);
    });
  });
});

describe('--encoding names an encoding that does not exist', () => {
  test('the run does not start: one usage error (exit 2) with the hint', async () => {
    await withTempDir(async (dir) => {
      await writeCsvExport(join(dir, 'a.csv'), csvRows(2));
      await writeCsvExport(join(dir, 'b.csv'), csvRows(2));
      const cli = await runCli(['ingest', 'a.csv', 'b.csv', '--encoding', 'klingon-8', '--store', 'store'], { cwd: dir });
      expect(cli.exitCode).toBe(ExitCode.CouldNotRun);
      expect(cli.stderr.match(/no such encoding/g)).toHaveLength(1);
      expect(cli.stderr).toContain('hint: use a name such as utf-8');
      expect(existsSync(join(dir, 'store'))).toBe(false);
    });
  });
});
