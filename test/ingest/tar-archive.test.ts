import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { listTarEntries, tarFileKind } from '../../src/ingest/tar-archive.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { buildTar, type TarFile } from '../builders/tar-builder.js';
import { buildZip } from '../builders/zip-builder.js';
import { MAX_ARCHIVE_DEPTH } from '../../src/ingest/read-exports.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const STORE = '.tlap';
const ARCHIVE = 'archive-20241120093015-0a1b2c3d4e5f67890a1b2c3d4e5f6789.tar.gz';

async function ingestAt(cwd: string, paths: string[], exclude: string[] = []): Promise<IngestSummary> {
  const summary = await ingest({ paths, cwd, storeDir: STORE, exclude, tempDir: cwd });
  expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
  return summary;
}

async function storedRecords(cwd: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(join(cwd, STORE))) records.push(record);
  return records;
}

/** A Mastodon account archive in the order a server's BackupService writes it: media first, then outbox, likes, bookmarks, avatar, actor. */
async function mastodonArchiveFiles(): Promise<TarFile[]> {
  const addresses = (id: string): string =>
    JSON.stringify({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id,
      type: 'OrderedCollection',
      orderedItems: ['https://mastodon.social/users/someone/statuses/113400000000000001'],
    });
  return [
    { name: 'media_attachments/files/113/401/122/334/455/667/original/3f2e1d4c5b6a7980.jpg', content: Buffer.alloc(70_000, 0xd8) },
    { name: 'outbox.json', content: await readFile(join(PROJECT_ROOT, 'fixtures/adapters/mastodon/archive-outbox/input.json')) },
    { name: 'likes.json', content: addresses('likes.json') },
    { name: 'bookmarks.json', content: addresses('bookmarks.json') },
    { name: 'avatar.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    {
      name: 'actor.json',
      content: JSON.stringify({
        '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
        id: 'https://mastodon.social/users/carer_in_leeds',
        type: 'Person',
        inbox: 'https://mastodon.social/users/carer_in_leeds/inbox',
        outbox: 'outbox.json',
        preferredUsername: 'carer_in_leeds',
      }),
    },
  ];
}

describe('tar archives: read as the folder they hold', () => {
  test('a Mastodon account archive (.tar.gz) is read from its outbox.json, as its unpacked folder is; profile, likes and bookmarks are not feedback, media skipped', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, ARCHIVE), buildTar(await mastodonArchiveFiles()));
      const summary = await ingestAt(dir, [ARCHIVE]);
      expect(summary.perFile.map((file) => [file.file, file.format, file.rejected])).toEqual([[`${ARCHIVE}/outbox.json`, 'mastodon', 0]]);
      expect(summary.notFeedback.sort()).toEqual(['actor.json', 'bookmarks.json', 'likes.json'].map((name) => `${ARCHIVE}/${name}`));
      expect(summary.skipped.sort()).toEqual([
        `${ARCHIVE}/avatar.png`,
        `${ARCHIVE}/media_attachments/files/113/401/122/334/455/667/original/3f2e1d4c5b6a7980.jpg`,
      ]);
      const fromArchive = await storedRecords(dir);
      expect(fromArchive.length).toBe(summary.added);
      expect(fromArchive[0]?.provenance.file).toBe(`${ARCHIVE}/outbox.json`);

      await mkdir(join(dir, 'unpacked'));
      await writeFile(
        join(dir, 'unpacked', 'outbox.json'),
        await readFile(join(PROJECT_ROOT, 'fixtures/adapters/mastodon/archive-outbox/input.json')),
      );
      const again = await ingestAt(dir, ['unpacked/outbox.json']);
      expect([again.added, again.duplicates]).toEqual([0, summary.added]);
      expect((await readdir(dir)).filter((name) => name.startsWith('tlap-input-'))).toEqual([]);
    });
  });

  test('an uncompressed .tar found in a folder is read with it, and --exclude reaches inside', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'exports'));
      await writeFile(
        join(dir, 'exports', 'survey.tar'),
        buildTar(
          [
            { name: 'drafts/old.csv', content: csvExport(csvRows(4, 'd')) },
            { name: 'final.csv', content: csvExport(csvRows(2, 'f')) },
          ],
          { gzip: false },
        ),
      );
      const summary = await ingestAt(dir, ['exports'], ['drafts']);
      expect(summary.perFile.map((file) => [file.file, file.added])).toEqual([['exports/survey.tar/final.csv', 2]]);
    });
  });

  test('long names are read from the ustar prefix and from pax headers', async () => {
    await withTempDir(async (dir) => {
      const deep = `${'nested-folder/'.repeat(8)}responses.csv`;
      const pax = `${'another-long-folder-name/'.repeat(6)}answers.csv`;
      await writeFile(
        join(dir, 'long.tar.gz'),
        buildTar([
          { name: deep, content: csvExport(csvRows(1, 'a')) },
          { name: pax, content: csvExport(csvRows(1, 'b')), paxName: true },
        ]),
      );
      expect(await tarFileKind(join(dir, 'long.tar.gz'), 'long.tar.gz')).toEqual({ kind: 'tar', gzip: true });
      expect((await listTarEntries(join(dir, 'long.tar.gz'), true, 'long.tar.gz')).map((entry) => entry.name)).toEqual([deep, pax]);
      const summary = await ingestAt(dir, ['long.tar.gz']);
      expect(summary.added).toBe(2);
    });
  });

  test('a truncated .tar.gz is one rejection naming it, and the run goes on', async () => {
    await withTempDir(async (dir) => {
      const whole = buildTar(await mastodonArchiveFiles());
      await writeFile(join(dir, 'cut.tar.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
      await writeFile(join(dir, 'responses.csv'), csvExport(csvRows(2)));
      const summary = await ingestAt(dir, ['cut.tar.gz', 'responses.csv']);
      expect(summary.rejections.map((rejection) => [rejection.provenance.file, rejection.message])).toEqual([
        [
          'cut.tar.gz',
          expect.stringMatching(/^cannot read the tar archive \(.*\): download it again, or unpack it and ingest the folder it gives$/),
        ],
      ]);
      expect(summary.added).toBe(2);
    });
  });

  test('a gzip of one file is no tar archive', async () => {
    await withTempDir(async (dir) => {
      const { gzipSync } = await import('node:zlib');
      await writeFile(join(dir, 'responses.csv.gz'), gzipSync(csvExport(csvRows(3))));
      expect(await tarFileKind(join(dir, 'responses.csv.gz'), 'responses.csv.gz')).toEqual({ kind: 'not-tar' });
    });
  });

  test('a zip inside a tar is read as the folder it holds, its files named OUTER.tar.gz/inner.zip/PATH, --exclude reaching inside', async () => {
    await withTempDir(async (dir) => {
      const inner = buildZip([
        { name: 'drafts/old.csv', content: csvExport(csvRows(3, 'd')) },
        { name: 'Partnership survey.csv', content: csvExport(csvRows(2, 's')) },
      ]);
      await writeFile(
        join(dir, 'outer.tar.gz'),
        buildTar([
          { name: 'exports/inner.zip', content: inner },
          { name: 'exports/notes.csv', content: csvExport(csvRows(1, 'n')) },
        ]),
      );
      const summary = await ingestAt(dir, ['outer.tar.gz'], ['exports/inner.zip/drafts']);
      expect(summary.perFile.map((file) => [file.file, file.added])).toEqual([
        ['outer.tar.gz/exports/inner.zip/Partnership survey.csv', 2],
        ['outer.tar.gz/exports/notes.csv', 1],
      ]);
      expect((await storedRecords(dir)).map((record) => record.provenance.file)).toContain(
        'outer.tar.gz/exports/inner.zip/Partnership survey.csv',
      );
      expect((await readdir(dir)).filter((name) => name.startsWith('tlap-input-'))).toEqual([]);
    });
  });

  test('a tar.gz inside a zip is read as the folder it holds', async () => {
    await withTempDir(async (dir) => {
      const mastodon = buildTar(await mastodonArchiveFiles());
      await writeFile(join(dir, 'downloads.zip'), buildZip([{ name: `mastodon/${ARCHIVE}`, content: mastodon }]));
      const summary = await ingestAt(dir, ['downloads.zip']);
      expect(summary.perFile.map((file) => [file.file, file.format])).toEqual([
        [`downloads.zip/mastodon/${ARCHIVE}/outbox.json`, 'mastodon'],
      ]);
      expect(summary.notFeedback.sort()).toEqual(
        ['actor.json', 'bookmarks.json', 'likes.json'].map((name) => `downloads.zip/mastodon/${ARCHIVE}/${name}`),
      );
      expect(summary.added).toBeGreaterThan(0);
    });
  });

  test(`tars and zips inside each other are opened ${MAX_ARCHIVE_DEPTH} levels deep; one deeper is one rejection naming it`, async () => {
    await withTempDir(async (dir) => {
      const level4 = buildTar([{ name: 'deep.csv', content: csvExport(csvRows(1, 'x')) }]);
      const level3 = buildZip([
        { name: 'level-4.tar.gz', content: level4 },
        { name: 'third.csv', content: csvExport(csvRows(1, 'c')) },
      ]);
      const level2 = buildTar([{ name: 'level-3.zip', content: level3 }], { gzip: false });
      await writeFile(
        join(dir, 'outer.tgz'),
        buildTar([
          { name: 'level-2.tar', content: level2 },
          { name: 'top.csv', content: csvExport(csvRows(1, 't')) },
        ]),
      );
      const summary = await ingestAt(dir, ['outer.tgz']);
      expect(summary.perFile.map((file) => [file.file, file.added, file.rejected])).toEqual([
        ['outer.tgz/level-2.tar/level-3.zip/level-4.tar.gz', 0, 1],
        ['outer.tgz/level-2.tar/level-3.zip/third.csv', 1, 0],
        ['outer.tgz/top.csv', 1, 0],
      ]);
      expect(summary.rejections.map((rejection) => rejection.message)).toEqual([
        'an archive inside 3 others, deeper than the 3 levels of archives tlap opens; refused without unpacking it: unpack it and ingest the folder it gives',
      ]);
    });
  });

  test('a tar that holds itself without end is read to the depth and no further', async () => {
    await withTempDir(async (dir) => {
      let archive = buildTar([{ name: 'bottom.csv', content: csvExport(csvRows(1, 'b')) }]);
      for (let level = 40; level >= 2; level -= 1) archive = buildTar([{ name: `level-${level}.tar.gz`, content: archive }]);
      await writeFile(join(dir, 'nesting.tar.gz'), archive);
      const summary = await ingestAt(dir, ['nesting.tar.gz']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['nesting.tar.gz/level-2.tar.gz/level-3.tar.gz/level-4.tar.gz']);
      expect([summary.read, summary.rejected]).toEqual([1, 1]);
    });
  });

  test('a file named .zip in a tar that is no zip is read as the file it is', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'outer.tar'), buildTar([{ name: 'responses.zip', content: 'not a zip at all\n' }], { gzip: false }));
      const summary = await ingestAt(dir, ['outer.tar']);
      expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
      expect(summary.perFile.map((file) => file.file).concat(summary.skipped)).toEqual(['outer.tar/responses.zip']);
    });
  });

  test('fixtures/ingest/zip-inside-tar: a Google Forms zip in a bundle made with GNU tar is read, named through both archives', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'consultation-bundle.tar.gz'),
        await readFile(join(PROJECT_ROOT, 'fixtures/ingest/zip-inside-tar/consultation-bundle.tar.gz')),
      );
      const summary = await ingestAt(dir, ['consultation-bundle.tar.gz']);
      expect(summary.perFile.map((file) => [file.file, file.format, file.added])).toEqual([
        ['consultation-bundle.tar.gz/google-forms/Partnership survey.csv.zip/Partnership survey.csv', 'survey-csv', 5],
        ['consultation-bundle.tar.gz/notes.md', 'event-notes', 2],
      ]);
      expect([summary.rejected, summary.skipped]).toEqual([0, []]);
    });
  });
});
