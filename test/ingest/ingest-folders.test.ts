import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import { globPattern, isNotFeedbackName } from '../../src/ingest/read-exports.js';
import { escapeForTerminal } from '../../src/cli/terminal-messages.js';
import { csvRows, writeCsvExport } from '../builders/export-files.js';
import { runCli } from '../builders/cli-runner.js';
import { withTempDir } from '../builders/temp-dir.js';

describe('folders: documentation beside the exports', () => {
  test.each(['README.md', 'readme.txt', 'LICENSE', 'LICENCE.txt', 'CHANGELOG.md', 'SOURCES.md', 'COPYING'])(
    '%s is not feedback',
    (name) => {
      expect(isNotFeedbackName(name)).toBe(true);
    },
  );

  test.each(['responses.csv', 'readme-survey-answers.csv.bak.csv', 'sources-of-support.csv'])('%s is an export', (name) => {
    expect(isNotFeedbackName(name)).toBe(name.startsWith('readme-') || name.startsWith('sources-'));
  });

  test('README and SOURCES in a folder are listed as not feedback and never read as event notes', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports'));
      await writeCsvExport(join(dir, 'exports', 'survey.csv'), csvRows(3));
      await writeFile(join(dir, 'exports', 'README.md'), '# About these files\n\n- exported in May\n- by the team\n');
      await writeFile(join(dir, 'exports', 'SOURCES.md'), '# Sources\n\nWhere each file came from.\n');
      const summary = await ingest({ paths: ['exports'], cwd: dir, storeDir: '.tlap' });
      expect(summary.notFeedback).toEqual(['exports/README.md', 'exports/SOURCES.md']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['exports/survey.csv']);
      expect(summary.added).toBe(3);
    });
  });
});

describe('folders: a store among the exports', () => {
  test('a tlap store inside the folder (even the one being written) is listed as not feedback and never read', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports'));
      await writeCsvExport(join(dir, 'exports', 'survey.csv'), csvRows(3));
      const first = await ingest({ paths: ['exports'], cwd: dir, storeDir: 'exports/store' });
      expect(first.added).toBe(3);
      await ingest({ paths: ['exports/survey.csv'], cwd: dir, storeDir: 'exports/old' });
      const second = await ingest({ paths: ['exports'], cwd: dir, storeDir: 'exports/store' });
      expect(second.notFeedback).toEqual(['exports/old/ (a tlap store)', 'exports/store/ (a tlap store)']);
      expect(second.perFile.map((file) => file.file)).toEqual(['exports/survey.csv']);
      expect([second.added, second.duplicates]).toEqual([0, 3]);
    });
  });
});

describe('folders: links, pipes and --exclude', () => {
  test('a file reached through a symbolic link is read once, and a link loop is detected', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports', 'zz'), { recursive: true });
      await writeCsvExport(join(dir, 'exports', 'survey.csv'), csvRows(2));
      await symlink('../survey.csv', join(dir, 'exports', 'zz', 'again.csv'));
      await symlink('..', join(dir, 'exports', 'zz', 'up'));
      const summary = await ingest({ paths: ['exports'], cwd: dir, storeDir: '.tlap' });
      expect(summary.perFile.map((file) => file.file)).toEqual(['exports/survey.csv']);
      expect(summary.warnings.map((warning) => warning.message)).toEqual([
        'exports/zz/again.csv: the same file as exports/survey.csv (through a symbolic link); read once',
        'exports/zz/up: a symbolic link back to a folder being read (a loop); not read again',
      ]);
    });
  });

  test('a symbolic link named on the command line is read', async () => {
    await withTempDir(async (dir) => {
      await writeCsvExport(join(dir, 'survey.csv'), csvRows(2));
      await symlink('survey.csv', join(dir, 'link.csv'));
      const summary = await ingest({ paths: ['link.csv'], cwd: dir, storeDir: '.tlap' });
      expect(summary.added).toBe(2);
    });
  });

  test('a named pipe is refused by name without being opened (no hang)', async () => {
    await withTempDir(async (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
      await writeCsvExport(join(dir, 'survey.csv'), csvRows(1));
      const summary = await ingest({ paths: ['pipe.csv', 'survey.csv'], cwd: dir, storeDir: '.tlap' });
      expect(summary.rejectedByCode).toEqual({ NOT_A_REGULAR_FILE: 1 });
      expect(summary.rejections[0]?.message).toBe('a named pipe (FIFO), not a file; refused without reading');
      expect(summary.added).toBe(1);
      expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
    });
  });

  test('a device is refused by name', async () => {
    await withTempDir(async (dir) => {
      const summary = await ingest({ paths: ['/dev/null'], cwd: dir, storeDir: '.tlap' });
      expect(summary.rejectedByCode).toEqual({ NOT_A_REGULAR_FILE: 1 });
    });
  });

  test('--exclude leaves out matching files and folders, at any depth without a slash', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports', 'drafts'), { recursive: true });
      await mkdir(join(dir, 'exports', 'final'), { recursive: true });
      await writeCsvExport(join(dir, 'exports', 'drafts', 'a.csv'), csvRows(1, 'a'));
      await writeCsvExport(join(dir, 'exports', 'final', 'b.csv'), csvRows(1, 'b'));
      await writeCsvExport(join(dir, 'exports', 'final', 'c.csv'), csvRows(1, 'c'));
      const result = await runCli(['ingest', 'exports', '--exclude', 'drafts', '--exclude', 'final/c.*', '--json'], { cwd: dir });
      expect(JSON.parse(result.stdout)).toMatchObject({ files: 1, added: 1 });
    });
  });

  test('glob patterns', () => {
    expect(globPattern('*.bak').test('a/b/c.bak')).toBe(true);
    expect(globPattern('*.bak').test('a/b/c.csv')).toBe(false);
    expect(globPattern('drafts').test('x/drafts/y.csv')).toBe(true);
    expect(globPattern('final/*.csv').test('final/a.csv')).toBe(true);
    expect(globPattern('final/*.csv').test('other/final/a.csv')).toBe(false);
    expect(globPattern('**/old/*').test('a/b/old/x.csv')).toBe(true);
    expect(globPattern('?.csv').test('a.csv')).toBe(true);
  });
});

describe('terminal: control characters in names and messages are escaped', () => {
  test('escape codes and line breaks become visible escapes', () => {
    expect(escapeForTerminal('evil\u001b[2Jname\nrejected fake.csv\u202e')).toBe('evil\\x1B[2Jname\\nrejected fake.csv\\u202E');
    expect(escapeForTerminal('tab\tstays')).toBe('tab\tstays');
  });

  test('a file name with escape codes cannot clear the screen or forge a line', async () => {
    await withTempDir(async (dir) => {
      const name = 'evil\u001b[2Jname\nrejected fake.jsonl';
      await writeFile(join(dir, name), '{"broken\n');
      const result = await runCli(['ingest', name], { cwd: dir, env: { FORCE_COLOR: '1' }, tty: true });
      expect(result.stderr).not.toContain('\u001b[2J');
      expect(result.stderr).toContain('evil\\x1B[2Jname\\nrejected fake.jsonl:1');
      expect(result.stderr.split('\n').filter((line) => line.startsWith('rejected fake'))).toEqual([]);
    });
  });
});

describe('folders: files a format recognises that hold no feedback', () => {
  test('in a folder they are listed as not feedback; named on the command line each is one NOT_FEEDBACK rejection', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'archive', 'data'), { recursive: true });
      await writeFile(join(dir, 'archive', 'data', 'like.js'), 'window.YTD.like.part0 = [{"like": {"tweetId": "1"}}]');
      const summaryLines = ['topic,Care in our town', 'url,https://pol.is/example', 'views,120', 'voters,100', 'comments,12', 'groups,2'];
      await writeFile(join(dir, 'archive', 'data', 'summary.csv'), `${summaryLines.join('\n')}\n`);
      await writeCsvExport(join(dir, 'archive', 'data', 'survey.csv'), csvRows(2));
      const summary = await ingest({ paths: ['archive'], cwd: dir, storeDir: '.tlap' });
      expect(summary.notFeedback).toEqual(['archive/data/like.js', 'archive/data/summary.csv']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['archive/data/survey.csv']);
      expect([summary.files, summary.read, summary.rejected]).toEqual([1, 2, 0]);
      const named = await ingest({ paths: ['archive/data/like.js'], cwd: dir, storeDir: '.tlap' });
      expect(named.rejectedByCode).toEqual({ NOT_FEEDBACK: 1 });
      expect(named.rejections[0]?.message).toContain("this is the archive's window.YTD.like file, not its tweets");
    });
  });
});
