import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { describeProgress } from '../../src/cli/commands/ingest-command.js';
import { ExitCode } from '../../src/exit-codes.js';
import { TOOL_VERSION } from '../../src/tool-version.js';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { blueskyPost } from '../builders/social-posts.js';
import { buildXls } from '../builders/xls-workbooks.js';
import { withTempDir } from '../builders/temp-dir.js';

describe('small CLI messages', () => {
  test('-V prints the version', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['-V'], { cwd: dir });
      expect([result.exitCode, result.stdout]).toEqual([ExitCode.Ok, `${TOOL_VERSION}\n`]);
    });
  });

  test.each([
    [{ read: 1, added: 1, elapsedMs: 500, bytesRead: 0, bytesTotal: 0 }, 'ingesting: 1 item read, 1 added, 2 items/s'],
    [{ read: 2, added: 0, elapsedMs: 1000, bytesRead: 0, bytesTotal: 0 }, 'ingesting: 2 items read, 0 added, 2 items/s'],
    [
      { read: 5000, added: 4000, elapsedMs: 10_000, bytesRead: 25 * 1024 * 1024, bytesTotal: 100 * 1024 * 1024 },
      'ingesting: 25% of 100.0 MB, 5000 items read, 4000 added, 500 items/s, about 30 seconds left',
    ],
    [
      { read: 10, added: 10, elapsedMs: 60_000, bytesRead: 1024, bytesTotal: 4096 },
      'ingesting: 25% of 4.0 KB, 10 items read, 10 added, 0 items/s, about 3 minutes left',
    ],
    [
      { read: 1, added: 1, elapsedMs: 1000, bytesRead: 999, bytesTotal: 1000 },
      'ingesting: 99% of 1000 B, 1 item read, 1 added, 1 items/s, about 0 seconds left',
    ],
  ])('progress %j', (progress, line) => {
    expect(describeProgress({ files: 1, ...progress })).toBe(line);
  });

  test('a long ingest of files shows a percentage and the time left on a terminal (the first line comes at once, the rest every 250 ms)', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'big.csv'), csvExport(csvRows(200)));
      const result = await runCli(['ingest', 'big.csv'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stderr).toMatch(
        /ingesting: \d+% of \d+\.\d KB, \d+ items? read, \d+ added, \d+ items\/s, about \d+ (second|minute)s? left/,
      );
    });
  });

  test('the stale --check hint repeats the --store and --themes that were given', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'config'));
      await writeFile(join(dir, 'config', 'my themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }], 'Feedback'));
      await writeFile(join(dir, 'survey.csv'), csvExport(csvRows(2)));
      await runCli(['ingest', 'survey.csv', '--store', 'work/store'], { cwd: dir });
      const stale = await runCli(['themes', '--store', 'work/store', '--themes', 'config/my themes.yaml', '--check', 'out.json'], {
        cwd: dir,
      });
      expect(stale.exitCode).toBe(ExitCode.Findings);
      expect(stale.stderr).toContain(
        "hint: regenerate it with: tlap themes --store work/store --themes 'config/my themes.yaml' --out out.json",
      );
      await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }], 'Feedback'));
      await runCli(['ingest', 'survey.csv'], { cwd: dir });
      const plain = await runCli(['themes', '--check', 'out.md'], { cwd: dir });
      expect(plain.stderr).toContain('hint: regenerate it with: tlap themes --out out.md\n');
      const grouped = await runCli(['themes', '--groups', 'responding as', '--check', 'out.md'], { cwd: dir });
      expect(grouped.stderr).toContain("hint: regenerate it with: tlap themes --groups 'responding as' --out out.md\n");
    });
  });

  test('a NO_TEXT_COLUMN rejection shows the --map text=COLUMN hint', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'odd.csv'), 'ref,Details\n1,More respite please\n');
      const result = await runCli(['ingest', 'odd.csv'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Findings);
      expect(result.stderr).toMatch(
        /rejected odd\.csv: .*\[NO_TEXT_COLUMN\]\n {2}hint: name the column that holds the feedback with --map text=COLUMN\n/,
      );
    });
  });

  test('a few rejections are all listed: the only row-level one is never hidden behind "… and 1 more"', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports'));
      for (let index = 1; index <= 20; index += 1)
        await writeFile(join(dir, 'exports', `empty-${String(index).padStart(2, '0')}.json`), '{');
      await writeFile(join(dir, 'exports', 'survey.csv'), `${csvExport(csvRows(1))}r9,,,"never closed\n`);
      const result = await runCli(['ingest', 'exports'], { cwd: dir });
      expect(result.stderr).toContain('rejected exports/survey.csv:3:');
      expect(result.stderr).not.toContain('more rejection');
    });
  });

  test('a rejected item that shares its line with others is named by its place in the file too', async () => {
    await withTempDir(async (dir) => {
      const posts = [blueskyPost({ rkey: '3lbfo3xg4ls2v', text: 'Respite care helped us' }), null, 'not a post'];
      await writeFile(join(dir, 'search.json'), JSON.stringify({ posts }));
      const result = await runCli(['ingest', 'search.json'], { cwd: dir });
      const listed = result.stderr.split('\n').filter((line) => line.startsWith('rejected search.json'));
      expect(listed.map((line) => line.split(': expected')[0])).toEqual([
        'rejected search.json:1: posts[1]',
        'rejected search.json:1: posts[2]',
      ]);
    });
  });

  test("a file refused as a whole is followed by its reader's hint, each hint printed once", async () => {
    await withTempDir(async (dir) => {
      const locked = buildXls([{ name: 'Responses', rows: [['comment'], ['More benches.']] }], { encrypted: true });
      await writeFile(join(dir, 'first.xls'), locked);
      await writeFile(join(dir, 'second.xls'), locked);
      const result = await runCli(['ingest', 'first.xls', 'second.xls'], { cwd: dir });
      const lines = result.stderr.split('\n');
      const at = lines.findIndex((line) => line.startsWith('rejected first.xls: the workbook is password-protected'));
      expect(lines[at + 1]).toBe('  hint: open it in Excel or LibreOffice, remove the password and save it again (as .xls, .xlsx or CSV)');
      expect(lines.filter((line) => line.startsWith('  hint: '))).toHaveLength(1);
      expect(result.exitCode).toBe(ExitCode.Findings);
    });
  });

  test('many rejections: the first 20, then how many more, named once', async () => {
    await withTempDir(async (dir) => {
      const broken = Array.from({ length: 40 }, (_, index) => `b${index},,,"never closed ${index}`).join('\n');
      await writeFile(join(dir, 'survey.csv'), `id,author,date,text\n${broken}\n`);
      const result = await runCli(['ingest', 'survey.csv'], { cwd: dir });
      const listed = result.stderr.split('\n').filter((line) => line.startsWith('rejected survey.csv'));
      expect(listed.length).toBe(20);
      expect(result.stderr).toMatch(/… and \d+ more rejections \(all in \.tlap\/rejected\.jsonl\)/);
    });
  });
});
