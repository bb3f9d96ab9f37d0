import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { unpackArchiveEntry, zipFileKind } from '../../src/ingest/zip-archive.js';
import { MAX_ARCHIVE_DEPTH, readExports } from '../../src/ingest/read-exports.js';
import { storePaths } from '../../src/store/record-store.js';
import { InputError } from '../../src/errors.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { ExitCode } from '../../src/exit-codes.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { buildWorkbook } from '../builders/xlsx-workbooks.js';
import { buildZip, type ZipFile } from '../builders/zip-builder.js';
import { runCli } from '../builders/cli-runner.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const STORE = '.tlap';

function ingestPaths(cwd: string, paths: string[], exclude: string[] = []): Promise<IngestSummary> {
  return ingest({ paths, cwd, storeDir: STORE, exclude });
}

async function storedRecords(cwd: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(join(cwd, STORE))) records.push(record);
  return records;
}

function expectConservation(summary: IngestSummary): void {
  expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
  for (const file of summary.perFile) expect(file.read).toBe(file.added + file.duplicates + file.filtered + file.rejected);
}

async function writeZip(dir: string, name: string, files: readonly ZipFile[]): Promise<void> {
  await writeFile(join(dir, name), buildZip(files));
}

const RESPONSES = csvExport(csvRows(3));

/** The files in the one temporary folder a reading made in `spool`, by name. */
async function spoolFiles(spool: string): Promise<string[]> {
  const folders = await readdir(spool);
  if (folders.length !== 1) throw new Error(`expected one temporary folder in ${spool}, found ${folders.length}`);
  return (await readdir(join(spool, folders[0] ?? ''))).sort();
}

/** A zip holding `files` inside zips `levels` deep: 1 is the files' own zip, 2 that zip inside another, and so on. */
function zipNested(levels: number, files: readonly ZipFile[]): Buffer {
  let zip = buildZip(files);
  for (let level = levels - 1; level >= 1; level -= 1) zip = buildZip([{ name: `level-${level + 1}.zip`, content: zip }]);
  return zip;
}

describe('zip archives: read as the folder they hold', () => {
  test('the Twitter archive of 2012-2018 is read from its month files, each tweet once; tweets.csv, which holds them again, is noted and not read; its data files, scripts and viewer page are not feedback', async () => {
    const month = await readFile(join(PROJECT_ROOT, 'fixtures/adapters/twitter-archive/grailbird-month/input.js'));
    const csv = [
      '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text","retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"',
      '"315792446127403008","","","2013-03-24 10:02:11 +0000","web","Day centre transport was late again today &amp; Mum missed lunch. Who do we talk to? #carersweek","","","",""',
      '"315598802418569216","","","2013-03-23 21:12:35 +0000","web","RT @leedscarershub: Drop-in session for carers on Tuesday, 10am at the library","315590017744896000","288113004","2013-03-23 20:37:40 +0000",""',
      '',
    ].join('\n');
    await withTempDir(async (dir) => {
      await writeZip(dir, 'tweets.zip', [
        {
          name: 'index.html',
          content:
            '<!DOCTYPE html><html><head><title>Your Twitter archive</title><script src="js/app.js"></script></head><body></body></html>',
        },
        { name: 'tweets.csv', content: csv },
        { name: 'data/js/tweets/2013_03.js', content: month },
        {
          name: 'data/js/tweet_index.js',
          content: 'var tweet_index =  [ {\n  "file_name" : "data/js/tweets/2013_03.js",\n  "tweet_count" : 3\n} ]',
        },
        { name: 'data/js/user_details.js', content: 'var user_details =  {\n  "screen_name" : "pat_cares_leeds"\n}' },
        { name: 'data/js/payload_details.js', content: 'var payload_details =  {\n  "tweets" : 3\n}' },
        { name: 'js/app.js', content: '(function () { window.Grailbird = { data: {} }; })();' },
      ]);
      const summary = await ingestPaths(dir, ['tweets.zip']);
      expectConservation(summary);
      expect(summary.notFeedback.sort()).toEqual(
        [
          'tweets.zip/data/js/payload_details.js',
          'tweets.zip/data/js/tweet_index.js',
          'tweets.zip/data/js/user_details.js',
          'tweets.zip/index.html',
          'tweets.zip/js/app.js',
        ].sort(),
      );
      expect(summary.perFile.map((file) => [file.file, file.format, file.added, file.duplicates, file.filtered, file.rejected])).toEqual([
        ['tweets.zip/data/js/tweets/2013_03.js', 'twitter-archive', 3, 0, 1, 0],
      ]);
      expect(summary.warnings.map((warning) => warning.message)).toEqual([
        "tweets.zip/tweets.csv: not read: the archive's tweets.csv holds the same tweets as its month files (data/js/tweets/), which are read instead and say more (the author, a retweet's original)",
      ]);
      expect((await storedRecords(dir)).map((record) => [record.channel, record.author])).toEqual([
        ['twitter', 'pat_cares_leeds'],
        ['twitter', 'pat_cares_leeds'],
        ['twitter', 'leedscarershub'],
      ]);
    });
  });

  test('the CSV a form platform downloads as a zip is read, each record naming the archive and the file in it', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'responses.zip', [{ name: 'Form responses 1.csv', content: RESPONSES }]);
      const summary = await ingestPaths(dir, ['responses.zip']);
      expectConservation(summary);
      expect(summary.perFile).toEqual([
        {
          file: 'responses.zip/Form responses 1.csv',
          format: 'csv',
          read: 3,
          added: 3,
          duplicates: 0,
          filtered: 0,
          rejected: 0,
          updated: 0,
        },
      ]);
      const records = await storedRecords(dir);
      expect(records.map((record) => record.provenance)).toEqual([
        { file: 'responses.zip/Form responses 1.csv', line: 2, row: 1 },
        { file: 'responses.zip/Form responses 1.csv', line: 3, row: 2 },
        { file: 'responses.zip/Form responses 1.csv', line: 4, row: 3 },
      ]);
    });
  });

  test('ids do not depend on the archive: the unzipped file read afterwards gives duplicates only', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'responses.zip', [{ name: 'responses.csv', content: RESPONSES, stored: true }]);
      await writeFile(join(dir, 'responses.csv'), RESPONSES);
      expect((await ingestPaths(dir, ['responses.zip'])).added).toBe(3);
      const again = await ingestPaths(dir, ['responses.csv']);
      expect([again.added, again.duplicates]).toEqual([0, 3]);
    });
  });

  test('inside, files are read in name order as a folder is; hidden files, __MACOSX and folders are passed over', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'export.zip', [
        { name: 'b/second.csv', content: csvExport(csvRows(1, 'b')) },
        { name: '__MACOSX/b/._second.csv', content: 'resource fork' },
        { name: 'a/', content: '' },
        { name: 'a/first.csv', content: csvExport(csvRows(1, 'a')) },
        { name: 'a.csv', content: csvExport(csvRows(1, 'c')) },
        { name: '.DS_Store', content: 'finder' },
      ]);
      const summary = await ingestPaths(dir, ['export.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => file.file)).toEqual(['export.zip/a/first.csv', 'export.zip/a.csv', 'export.zip/b/second.csv']);
      expect(summary.added).toBe(3);
      expect(summary.skipped).toEqual([]);
    });
  });

  test('documentation and the archive parts that hold no feedback are not feedback, and photos are skipped unopened', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'twitter-archive.zip', [
        { name: 'README.txt', content: 'What is in this archive' },
        { name: 'data/tweets.js', content: 'window.YTD.tweets.part0 = []' },
        { name: 'data/like.js', content: 'window.YTD.like.part0 = [{"like": {"tweetId": "1"}}]' },
        { name: 'data/tweets_media/1-photo.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
        { name: 'responses.csv', content: RESPONSES },
      ]);
      const summary = await ingestPaths(dir, ['twitter-archive.zip']);
      expectConservation(summary);
      expect(summary.notFeedback).toEqual(['twitter-archive.zip/README.txt', 'twitter-archive.zip/data/like.js']);
      expect(summary.skipped).toEqual(['twitter-archive.zip/data/tweets_media/1-photo.jpg']);
      expect(summary.rejected).toBe(0);
      expect(summary.perFile.map((file) => [file.file, file.format])).toEqual([
        ['twitter-archive.zip/data/tweets.js', 'twitter-archive'],
        ['twitter-archive.zip/responses.csv', 'csv'],
      ]);
    });
  });

  test('a Mastodon account archive, which Mastodon now hands over as a zip, is read from its outbox.json; its profile, likes, bookmarks and media are not', async () => {
    const outbox = await readFile(join(PROJECT_ROOT, 'fixtures/adapters/mastodon/archive-outbox/input.json'));
    const actor = {
      '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
      id: 'https://mastodon.social/users/carer_in_leeds',
      type: 'Person',
      inbox: 'https://mastodon.social/users/carer_in_leeds/inbox',
      outbox: 'outbox.json',
      preferredUsername: 'carer_in_leeds',
    };
    const addresses = (id: string) => ({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id,
      type: 'OrderedCollection',
      orderedItems: ['https://mastodon.social/users/someone/statuses/113400000000000001'],
    });
    await withTempDir(async (dir) => {
      await writeZip(dir, 'archive-20241120093015-0a1b2c3d4e5f.zip', [
        { name: 'outbox.json', content: outbox },
        { name: 'actor.json', content: JSON.stringify(actor) },
        { name: 'likes.json', content: JSON.stringify(addresses('likes.json')) },
        { name: 'bookmarks.json', content: JSON.stringify(addresses('bookmarks.json')) },
        { name: 'avatar.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
        { name: 'media_attachments/files/113/401/122/original/3f2e1d.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
      ]);
      const summary = await ingestPaths(dir, ['archive-20241120093015-0a1b2c3d4e5f.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.file, file.format])).toEqual([
        ['archive-20241120093015-0a1b2c3d4e5f.zip/outbox.json', 'mastodon'],
      ]);
      expect(summary.notFeedback.sort()).toEqual(
        ['actor.json', 'bookmarks.json', 'likes.json'].map((name) => `archive-20241120093015-0a1b2c3d4e5f.zip/${name}`),
      );
      expect(summary.skipped.length).toBe(2);
      expect(summary.added).toBeGreaterThan(0);
      expect(summary.rejected).toBe(0);
    });
  });

  test('an archive in a folder is read with the folder, and --exclude reaches inside it', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports'));
      await writeFile(join(dir, 'exports', 'event.csv'), csvExport(csvRows(2, 'e')));
      await writeZip(join(dir, 'exports'), 'survey.zip', [
        { name: 'drafts/old.csv', content: csvExport(csvRows(4, 'd')) },
        { name: 'final.csv', content: csvExport(csvRows(1, 'f')) },
      ]);
      const summary = await ingestPaths(dir, ['exports'], ['drafts']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['exports/event.csv', 'exports/survey.zip/final.csv']);
      expect(summary.added).toBe(3);
    });
  });

  test('a name written in code page 437, as Windows writes it, is read as such', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'windows.zip', [{ name: '', nameBytes: iconv.encode('réponses.csv', 'cp437'), content: RESPONSES }]);
      const summary = await ingestPaths(dir, ['windows.zip']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['windows.zip/réponses.csv']);
    });
  });

  test('an xlsx, docx or odt is still one workbook or document, not an archive', async () => {
    await withTempDir(async (dir) => {
      const workbook = await buildWorkbook((book) => book.addWorksheet('Responses').addRows([['text'], ['Respite saved my family']]));
      await writeFile(join(dir, 'responses.xlsx'), workbook);
      await writeFile(join(dir, 'workbook.zip'), workbook);
      expect(zipFileKind(join(dir, 'responses.xlsx'), 'responses.xlsx').kind).toBe('package');
      expect(zipFileKind(join(dir, 'workbook.zip'), 'workbook.zip').kind).toBe('package');
      const summary = await ingestPaths(dir, ['responses.xlsx']);
      expect(summary.perFile.map((file) => [file.file, file.format, file.added])).toEqual([['responses.xlsx', 'xlsx', 1]]);
    });
  });

  test('unpacked entries are removed as the run goes: nothing is left in the temporary folder', async () => {
    await withTempDir(async (dir) => {
      const spool = join(dir, 'tmp');
      await mkdir(spool);
      await writeZip(dir, 'responses.zip', [
        { name: 'one.csv', content: csvExport(csvRows(2, 'o')) },
        { name: 'two.csv', content: csvExport(csvRows(2, 't')) },
      ]);
      const held: string[][] = [];
      for await (const item of readExports(['responses.zip'], { cwd: dir, tempDir: spool })) {
        if (item.kind === 'record') held.push(await spoolFiles(spool));
      }
      expect(held).toEqual(Array.from({ length: 4 }, () => ['unpacked-entry']));
      expect(await readdir(spool)).toEqual([]);
    });
  });
});

describe('zip archives: a bad entry is a rejection of that entry, and the run goes on', () => {
  test.each<[string, Partial<ZipFile>, RegExp]>([
    ['encrypted', { flags: 0x0001 }, /encrypted in its zip archive, refused; unzip the archive with its password/],
    ['packed with bzip2', { declaredMethod: 12 }, /packed in its zip archive with method 12, which tlap does not unpack/],
    ['damaged in download', { damaged: true }, /cannot unpack it from its zip archive/],
  ])('an entry %s is one rejection naming it', async (_case, entry, message) => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'export.zip', [
        { name: 'bad.csv', content: csvExport(csvRows(20, 'x')), ...entry },
        { name: 'good.csv', content: RESPONSES },
      ]);
      const summary = await ingestPaths(dir, ['export.zip']);
      expectConservation(summary);
      expect([summary.added, summary.rejected]).toEqual([3, 1]);
      expect(summary.rejections[0]?.provenance).toEqual({ file: 'export.zip/bad.csv' });
      expect(summary.rejections[0]?.message).toMatch(message);
    });
  });

  test('an entry that inflates past the size its directory declares (a zip bomb) is stopped there', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'bomb.zip'),
        buildZip([{ name: 'huge.csv', content: 'a'.repeat(1024), repeat: 64 * 1024 }], { declaredSize: 1000 }),
      );
      const summary = await ingestPaths(dir, ['bomb.zip']);
      expectConservation(summary);
      expect(summary.rejections.map((rejection) => rejection.message)).toEqual([
        expect.stringMatching(/unpacks to more than the 1000 B its zip declares/),
      ]);
    });
  });

  test('a truncated archive is one rejection naming it, with what to do', async () => {
    await withTempDir(async (dir) => {
      const zip = buildZip([{ name: 'responses.csv', content: RESPONSES }]);
      await writeFile(join(dir, 'cut.zip'), zip.subarray(0, zip.length - 10));
      const summary = await ingestPaths(dir, ['cut.zip']);
      expectConservation(summary);
      expect(summary.rejections).toEqual([
        expect.objectContaining({ provenance: { file: 'cut.zip' }, message: expect.stringContaining('cannot read the zip archive') }),
      ]);
      const cli = await runCli(['ingest', 'cut.zip', '--store', 'cli-store'], { cwd: dir });
      expect(cli.exitCode).toBe(ExitCode.Findings);
      expect(cli.stderr).toContain('download it again, or unzip it and ingest the folder it gives');
    });
  });
});

describe('zip archives: a zip inside is read as the folder it holds', () => {
  test('its files are read in their place in name order, each named OUTER.zip/inner.zip/PATH', async () => {
    await withTempDir(async (dir) => {
      const inner = buildZip([
        { name: 'b.csv', content: csvExport(csvRows(1, 'ib')) },
        { name: 'a/first.csv', content: csvExport(csvRows(2, 'ia')) },
      ]);
      await writeZip(dir, 'exports.zip', [
        { name: 'z.csv', content: csvExport(csvRows(1, 'z')) },
        { name: 'platform/inner.zip', content: inner },
        { name: 'a.csv', content: csvExport(csvRows(1, 'a')) },
      ]);
      const summary = await ingestPaths(dir, ['exports.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.file, file.format, file.added])).toEqual([
        ['exports.zip/a.csv', 'csv', 1],
        ['exports.zip/platform/inner.zip/a/first.csv', 'csv', 2],
        ['exports.zip/platform/inner.zip/b.csv', 'csv', 1],
        ['exports.zip/z.csv', 'csv', 1],
      ]);
      expect(summary.skipped).toEqual([]);
      const records = await storedRecords(dir);
      expect(records.filter((record) => record.provenance.file.includes('inner.zip')).map((record) => record.provenance)).toEqual([
        { file: 'exports.zip/platform/inner.zip/a/first.csv', line: 2, row: 1 },
        { file: 'exports.zip/platform/inner.zip/a/first.csv', line: 3, row: 2 },
        { file: 'exports.zip/platform/inner.zip/b.csv', line: 2, row: 1 },
      ]);
    });
  });

  test('inside it, hidden files, __MACOSX, README-like files, photos and --exclude are passed over as in the archive', async () => {
    await withTempDir(async (dir) => {
      const inner = buildZip([
        { name: '.DS_Store', content: 'finder' },
        { name: '__MACOSX/._responses.csv', content: 'resource fork' },
        { name: 'README.md', content: 'What is in this download' },
        { name: 'media/photo.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
        { name: 'drafts/old.csv', content: csvExport(csvRows(4, 'd')) },
        { name: 'responses.csv', content: RESPONSES },
      ]);
      await writeZip(dir, 'outer.zip', [{ name: 'inner.zip', content: inner }]);
      const summary = await ingestPaths(dir, ['outer.zip'], ['inner.zip/drafts']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => file.file)).toEqual(['outer.zip/inner.zip/responses.csv']);
      expect(summary.notFeedback).toEqual(['outer.zip/inner.zip/README.md']);
      expect(summary.skipped).toEqual(['outer.zip/inner.zip/media/photo.jpg']);
      expect(summary.added).toBe(3);
    });
  });

  test('an excluded zip is never unpacked, and a glob without / leaves out a name at any depth inside', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'outer.zip', [
        { name: 'skip-me.zip', content: buildZip([{ name: 'a.csv', content: RESPONSES }]) },
        {
          name: 'keep.zip',
          content: buildZip([
            { name: 'drafts/a.csv', content: RESPONSES },
            { name: 'b.csv', content: RESPONSES },
          ]),
        },
      ]);
      const summary = await ingestPaths(dir, ['outer.zip'], ['skip-me.zip', 'drafts']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['outer.zip/keep.zip/b.csv']);
    });
  });

  test(`zips are opened ${MAX_ARCHIVE_DEPTH} levels deep; one deeper is one rejection naming it, with what to do, and the run goes on`, async () => {
    await withTempDir(async (dir) => {
      const deepest = zipNested(3, [{ name: 'deep.csv', content: csvExport(csvRows(1, 'x')) }]);
      const third = buildZip([
        { name: 'level-4.zip', content: deepest },
        { name: 'third.csv', content: csvExport(csvRows(1, 'c')) },
      ]);
      await writeZip(dir, 'outer.zip', [
        { name: 'level-2.zip', content: buildZip([{ name: 'level-3.zip', content: third }]) },
        { name: 'top.csv', content: csvExport(csvRows(1, 't')) },
      ]);
      const summary = await ingestPaths(dir, ['outer.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.file, file.added, file.rejected])).toEqual([
        ['outer.zip/level-2.zip/level-3.zip/level-4.zip', 0, 1],
        ['outer.zip/level-2.zip/level-3.zip/third.csv', 1, 0],
        ['outer.zip/top.csv', 1, 0],
      ]);
      expect(summary.rejections).toEqual([
        {
          code: 'FILE_UNREADABLE',
          message:
            'an archive inside 3 others, deeper than the 3 levels of archives tlap opens; refused without unpacking it: unpack it and ingest the folder it gives',
          provenance: { file: 'outer.zip/level-2.zip/level-3.zip/level-4.zip' },
          hint: 'unpack it and ingest the folder it gives',
        },
      ]);
    });
  });

  test('a zip holding zips without end (as a zip that holds itself would) is read to the depth and no further', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'nesting.zip'), zipNested(40, [{ name: 'bottom.csv', content: RESPONSES }]));
      const summary = await ingestPaths(dir, ['nesting.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => file.file)).toEqual(['nesting.zip/level-2.zip/level-3.zip/level-4.zip']);
      expect([summary.read, summary.rejected]).toEqual([1, 1]);
    });
  });

  test('an entry of the inner zip that inflates past the size it declares (a zip bomb) is stopped there and named', async () => {
    await withTempDir(async (dir) => {
      const bomb = buildZip([{ name: 'huge.csv', content: 'a'.repeat(1024), repeat: 64 * 1024 }], { declaredSize: 1000 });
      await writeZip(dir, 'outer.zip', [
        { name: 'bomb.zip', content: bomb, stored: true },
        { name: 'good.csv', content: RESPONSES },
      ]);
      const summary = await ingestPaths(dir, ['outer.zip']);
      expectConservation(summary);
      expect(summary.added).toBe(3);
      expect(summary.rejections.map((rejection) => [rejection.provenance.file, rejection.message])).toEqual([
        ['outer.zip/bomb.zip/huge.csv', expect.stringMatching(/unpacks to more than the 1000 B its zip declares/)],
      ]);
    });
  });

  test('an inner zip that is itself damaged, encrypted or truncated is one rejection naming it, and the run goes on', async () => {
    await withTempDir(async (dir) => {
      const inner = buildZip([{ name: 'responses.csv', content: RESPONSES }]);
      await writeZip(dir, 'outer.zip', [
        { name: 'damaged.zip', content: inner, damaged: true },
        { name: 'encrypted.zip', content: inner, flags: 0x0001 },
        { name: 'good.csv', content: RESPONSES },
        { name: 'truncated.zip', content: inner.subarray(0, inner.length - 10) },
      ]);
      const summary = await ingestPaths(dir, ['outer.zip']);
      expectConservation(summary);
      expect([summary.added, summary.rejected]).toEqual([3, 3]);
      expect(summary.rejections.map((rejection) => [rejection.provenance.file, rejection.message])).toEqual([
        ['outer.zip/damaged.zip', expect.stringMatching(/^cannot unpack it from its zip archive/)],
        ['outer.zip/encrypted.zip', expect.stringMatching(/^encrypted in its zip archive, refused/)],
        ['outer.zip/truncated.zip', expect.stringMatching(/^cannot read the zip archive .*: download it again, or unzip it/)],
      ]);
    });
  });

  test('a workbook inside, named .xlsx or .zip, is still one workbook', async () => {
    await withTempDir(async (dir) => {
      const workbook = await buildWorkbook((book) => book.addWorksheet('Responses').addRows([['text'], ['Respite saved my family']]));
      await writeZip(dir, 'outer.zip', [
        { name: 'inner.zip', content: buildZip([{ name: 'responses.xlsx', content: workbook }]) },
        { name: 'workbook.zip', content: workbook },
      ]);
      const summary = await ingestPaths(dir, ['outer.zip']);
      expectConservation(summary);
      expect(summary.perFile.map((file) => [file.file, file.format, file.read])).toEqual([
        ['outer.zip/inner.zip/responses.xlsx', 'xlsx', 1],
        ['outer.zip/workbook.zip', 'xlsx', 1],
      ]);
    });
  });

  test('ids do not depend on the path: the unzipped folders read afterwards give duplicates only', async () => {
    await withTempDir(async (dir) => {
      const forms = csvExport(csvRows(3, 'f'));
      const tickets = csvExport(csvRows(2, 't'));
      await writeZip(dir, 'outer.zip', [
        { name: 'inner.zip', content: buildZip([{ name: 'forms.csv', content: forms }]) },
        { name: 'tickets.csv', content: tickets },
      ]);
      await mkdir(join(dir, 'unzipped', 'inner'), { recursive: true });
      await writeFile(join(dir, 'unzipped', 'inner', 'forms.csv'), forms);
      await writeFile(join(dir, 'unzipped', 'tickets.csv'), tickets);
      expect((await ingestPaths(dir, ['outer.zip'])).added).toBe(5);
      const again = await ingestPaths(dir, ['unzipped']);
      expect([again.added, again.duplicates]).toEqual([0, 5]);
    });
  });

  test('ingesting it again finds duplicates only, and its files add no second sighting to the store', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'outer.zip', [{ name: 'inner.zip', content: buildZip([{ name: 'forms.csv', content: RESPONSES }]) }]);
      await ingestPaths(dir, ['outer.zip']);
      const sources = await readFile(storePaths(join(dir, STORE)).sources, 'utf8');
      const again = await ingestPaths(dir, ['outer.zip']);
      expect([again.added, again.duplicates]).toEqual([0, 3]);
      expect(await readFile(storePaths(join(dir, STORE)).sources, 'utf8')).toBe(sources);
    });
  });

  test('the inner zip is unpacked while its files are read and removed after: the temporary folder never holds more', async () => {
    await withTempDir(async (dir) => {
      const spool = join(dir, 'tmp');
      await writeFile(
        join(dir, 'outer.zip'),
        zipNested(3, [
          { name: 'one.csv', content: csvExport(csvRows(2, 'o')) },
          { name: 'two.csv', content: csvExport(csvRows(2, 't')) },
        ]),
      );
      await mkdir(spool);
      const held: string[][] = [];
      for await (const item of readExports(['outer.zip'], { cwd: dir, tempDir: spool })) {
        if (item.kind === 'record') held.push(await spoolFiles(spool));
      }
      expect(held).toEqual(Array.from({ length: 4 }, () => ['nested-archive-0', 'nested-archive-1', 'unpacked-entry']));
      expect(await readdir(spool)).toEqual([]);
    });
  });
});

describe('zip archives: a zip inside that cannot be unpacked again when its files are read', () => {
  test('each of its files is one rejection naming the file and the zip it is in', async () => {
    await withTempDir(async (dir) => {
      const inner = buildZip([
        { name: 'a.csv', content: RESPONSES },
        { name: 'b.csv', content: RESPONSES },
      ]);
      await writeZip(dir, 'outer.zip', [{ name: 'inner.zip', content: inner }]);
      const reading = readExports(['outer.zip'], { cwd: dir });
      await reading.open();
      await rm(join(dir, 'outer.zip'));
      const rejected: [string, string][] = [];
      for await (const item of reading) if (item.kind === 'rejected') rejected.push([item.provenance.file, item.message]);
      expectConservation(reading.summary);
      expect(rejected).toEqual(
        ['outer.zip/inner.zip/a.csv', 'outer.zip/inner.zip/b.csv'].map((file) => [
          file,
          expect.stringMatching(/^cannot unpack outer\.zip\/inner\.zip, the archive it is in: cannot open its zip archive again/),
        ]),
      );
    });
  });
});

describe('unpackArchiveEntry', () => {
  test('an archive that is gone when its entry is unpacked (moved or deleted during the run) is an InputError naming the entry', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'export.zip', [{ name: 'a.csv', content: RESPONSES }]);
      const kind = zipFileKind(join(dir, 'export.zip'), 'export.zip');
      const entry = kind.kind === 'archive' ? kind.entries[0] : undefined;
      if (entry === undefined) throw new Error('the archive lists no entry');
      const unpacking = unpackArchiveEntry(join(dir, 'gone.zip'), entry, join(dir, 'out'), 'export.zip/a.csv');
      await expect(unpacking).rejects.toBeInstanceOf(InputError);
      await expect(unpacking).rejects.toMatchObject({ location: { file: 'export.zip/a.csv' } });
    });
  });
});

describe('zip archives: the command line', () => {
  test('ingest lists each file in the archive, and forget takes the whole archive back out', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'responses.zip', [
        { name: 'one.csv', content: csvExport(csvRows(2, 'o')) },
        { name: 'two.csv', content: csvExport(csvRows(1, 't')) },
      ]);
      const ingested = await runCli(['ingest', 'responses.zip'], { cwd: dir });
      expect(ingested.exitCode).toBe(ExitCode.Ok);
      expect(ingested.stderr).toContain('responses.zip/one.csv (csv): 2 read, 2 added');
      expect(ingested.stderr).toContain('responses.zip/two.csv (csv): 1 read, 1 added');
      const forgot = await runCli(['forget', 'responses.zip'], { cwd: dir });
      expect(forgot.exitCode).toBe(ExitCode.Ok);
      expect(forgot.stderr).toContain('forgot responses.zip/one.csv, responses.zip/two.csv: removed 3 records');
      expect(await storedRecords(dir)).toEqual([]);
    });
  });

  test('sources lists the files read from a zip inside the archive, and forget takes them back with the rest', async () => {
    await withTempDir(async (dir) => {
      await writeZip(dir, 'outer.zip', [
        { name: 'inner.zip', content: buildZip([{ name: 'forms.csv', content: csvExport(csvRows(2, 'f')) }]) },
        { name: 'tickets.csv', content: csvExport(csvRows(1, 't')) },
      ]);
      const ingested = await runCli(['ingest', 'outer.zip'], { cwd: dir });
      expect(ingested.exitCode).toBe(ExitCode.Ok);
      expect(ingested.stderr).toContain('outer.zip/inner.zip/forms.csv (csv): 2 read, 2 added');
      const sources = await runCli(['sources'], { cwd: dir });
      expect(sources.stdout.split('\n').map((line) => line.split(/\s+/)[0])).toEqual([
        'FILE',
        'outer.zip/inner.zip/forms.csv',
        'outer.zip/tickets.csv',
        '',
      ]);
      const forgot = await runCli(['forget', 'outer.zip'], { cwd: dir });
      expect(forgot.exitCode).toBe(ExitCode.Ok);
      expect(forgot.stderr).toContain('forgot outer.zip/inner.zip/forms.csv, outer.zip/tickets.csv: removed 3 records');
      expect(await storedRecords(dir)).toEqual([]);
    });
  });
});
