import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { listTarEntries, tarFileKind } from '../../src/ingest/tar-archive.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { buildTar, type TarFile } from '../builders/tar-builder.js';
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
});
