import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { makeRecordId } from '../../src/record/record-id.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

const COLOUR = /\u001b\[[0-9;]*m/;

async function project(dir: string): Promise<void> {
  await writeFile(
    join(dir, 'themes.yaml'),
    codebookYaml([
      { id: 'carers', label: 'Carers', keywords: ['carer'], exclude: ["carer's allowance"] },
      { id: 'money', label: 'Money', keywords: ['budget'] },
    ]),
  );
  await writeStore(join(dir, '.tlap'), [
    makeRecord({ sourceId: 'msg-1@example.com', text: 'Carers need a budget' }),
    makeRecord({ sourceId: 'msg-2@example.com', text: "The carer's allowance" }),
    makeRecord({ sourceId: 'msg-3@example.com', text: 'Nothing to see' }),
  ]);
}

/** The records' ids, derived from channel and source id as ingest derives them (the store checks them). */
const R1 = makeRecordId('survey', 'msg-1@example.com');
const R2 = makeRecordId('survey', 'msg-2@example.com');
const R3 = makeRecordId('survey', 'msg-3@example.com');

describe('tlap explain', () => {
  test('by id and by source id: one JSON line each, in store order, exit 0', async () => {
    await withTempDir(async (dir) => {
      await project(dir);
      const result = await runCli(['explain', 'msg-2@example.com', R1, '--json'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Ok);
      const lines = result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; themes: { id: string; hits: unknown[]; vetoed: unknown[] }[] });
      expect(lines.map((line) => line.id)).toEqual([R1, R2]);
      expect(lines[1]?.themes.map((theme) => [theme.id, theme.hits.length, theme.vetoed.length])).toEqual([
        ['carers', 0, 1],
        ['money', 0, 0],
      ]);
    });
  });

  test('--text: ids null; an unknown id is a warning and exit 1', async () => {
    await withTempDir(async (dir) => {
      await project(dir);
      const result = await runCli(['explain', 'nope', '--text', 'a carer', '--json'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Findings);
      expect(JSON.parse(result.stdout) as object).toMatchObject({ id: null, source_id: null, text: 'a carer' });
      expect(result.stderr).toContain('warning: no record with id or source id "nope" in .tlap');
    });
  });

  test('an unknown id with spaces in it is taken for a text: the warning says how to explain a text', async () => {
    await withTempDir(async (dir) => {
      await project(dir);
      const result = await runCli(['explain', 'staff did not listen'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Findings);
      expect(result.stderr).toContain(
        'warning: no record with id or source id "staff did not listen" in .tlap (to explain a text of your own, give it with --text "staff did not listen")',
      );
      expect((await runCli(['explain', 'nope'], { cwd: dir })).stderr).not.toContain('--text');
    });
  });

  test('on a terminal the matched words are coloured; piped or with NO_COLOR they are not', async () => {
    await withTempDir(async (dir) => {
      await project(dir);
      const tty = await runCli(['explain', R1], { cwd: dir, tty: true });
      expect(tty.stdout).toMatch(COLOUR);
      expect(tty.stdout).toContain('in theme');
      const piped = await runCli(['explain', R3], { cwd: dir });
      expect(piped.stdout).not.toMatch(COLOUR);
      expect(piped.stdout).toContain('not matched: carers, money');
      const noColour = await runCli(['explain', R1], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
      expect(noColour.stdout).not.toMatch(COLOUR);
    });
  });

  test('nothing to explain is a usage error', async () => {
    await withTempDir(async (dir) => {
      await project(dir);
      expect((await runCli(['explain'], { cwd: dir })).exitCode).toBe(ExitCode.CouldNotRun);
    });
  });
});

describe('tlap test', () => {
  test('the bundled themes.yaml passes its examples', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(PROJECT_ROOT, 'themes.yaml'), join(dir, 'themes.yaml'));
      const result = await runCli(['test'], { cwd: dir });
      expect(result.stdout).toBe('');
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stderr).toMatch(/^\d+ examples, 0 failed\n$/);
    });
  });

  test('failures: one line each at themes.yaml:line:col with why, exit 1', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(PROJECT_ROOT, 'fixtures/codebook/failing-examples/themes.yaml'), join(dir, 'themes.yaml'));
      const result = await runCli(['test'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Findings);
      expect(
        result.stdout
          .trimEnd()
          .split('\n')
          .map((line) => line.split(':').slice(0, 3).join(':')),
      ).toEqual(['themes.yaml:10:11', 'themes.yaml:11:11', 'themes.yaml:13:11', 'themes.yaml:19:15', 'themes.yaml:24:40']);
      expect(result.stderr).toBe('8 examples, 5 failed\n');
    });
  });
});
