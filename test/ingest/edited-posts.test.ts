import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { readStoreRecords, readSourceEntries } from '../../src/store/record-store.js';
import { runCli } from '../builders/cli-runner.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

/** fixtures/ingest/hashtag-reexported-weekly: one hashtag's Mastodon timeline exported twice, a post edited in between. */
const FIXTURE = join(PROJECT_ROOT, 'fixtures/ingest/hashtag-reexported-weekly');
const WEEK_1 = '2024-11-25-socialcarefuture.json';
const WEEK_2 = '2024-12-02-socialcarefuture.json';
const EDITED_URI = 'https://mstdn.social/users/dom_care_worker/statuses/113516270087654321';
const EDITED_WORDS =
  'Rotas that let us stay with the same people. Continuity is care, and it costs less than agency cover. #SocialCareFuture';
const FIRST_WORDS = 'Rotas that let us stay with the same people. Continuity is care. #SocialCareFuture';

/** Copies the two exports into `dir`, so store paths and file names are as an analyst's. */
async function copyExports(dir: string): Promise<void> {
  for (const name of [WEEK_1, WEEK_2]) await copyFile(join(FIXTURE, name), join(dir, name));
}

/** The store's records, `sourceId text` each, in store order, with the file each was read from. */
async function storedPosts(store: string): Promise<string[]> {
  const posts: string[] = [];
  for await (const record of readStoreRecords(store)) posts.push(`${record.sourceId} ${record.provenance.file}: ${record.text}`);
  return posts;
}

function expectConserved(summary: IngestSummary): void {
  expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
  for (const file of summary.perFile) {
    expect(file.read).toBe(file.added + file.duplicates + file.filtered + file.rejected);
    expect(file.updated).toBeLessThanOrEqual(file.duplicates);
  }
  expect(summary.perFile.reduce((total, file) => total + file.updated, 0)).toBe(summary.updated);
}

describe('a post read again with other words', () => {
  test('a later export replaces the stored words in place: one record per post, counted as an updated duplicate', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      const store = join(dir, 'store');
      const first = await ingest({ paths: [WEEK_1], storeDir: 'store', cwd: dir });
      expect(first.added).toBe(3);
      const before = await storedPosts(store);
      const second = await ingest({ paths: [WEEK_2], storeDir: 'store', cwd: dir });
      expectConserved(second);
      expect({ read: second.read, added: second.added, duplicates: second.duplicates, updated: second.updated }).toEqual({
        read: 4,
        added: 1,
        duplicates: 3,
        updated: 1,
      });
      expect(second.perFile.map((file) => [file.file, file.duplicates, file.updated])).toEqual([[WEEK_2, 3, 1]]);
      expect(second.warnings).toEqual([]);
      const after = await storedPosts(store);
      expect(after).toHaveLength(4);
      expect(after.slice(0, 3)).toEqual(
        before.map((post) => (post.startsWith(EDITED_URI) ? `${EDITED_URI} ${WEEK_2}: ${EDITED_WORDS}` : post)),
      );
      const sightings: string[] = [];
      for await (const entry of readSourceEntries(join(store, 'sources.jsonl'))) sightings.push(entry.file);
      expect(sightings.filter((file) => file === WEEK_1)).toHaveLength(3);
      expect(sightings.filter((file) => file === WEEK_2)).toHaveLength(4);

      const records = await readFile(join(store, 'records.jsonl'), 'utf8');
      const sources = await readFile(join(store, 'sources.jsonl'), 'utf8');
      const third = await ingest({ paths: [WEEK_2], storeDir: 'store', cwd: dir });
      expect({ added: third.added, duplicates: third.duplicates, updated: third.updated }).toEqual({ added: 0, duplicates: 4, updated: 0 });
      expect(await readFile(join(store, 'records.jsonl'), 'utf8')).toBe(records);
      expect(await readFile(join(store, 'sources.jsonl'), 'utf8')).toBe(sources);
    });
  });

  test('in one run the file read last wins (files as given, a folder in name order), and the same run again changes nothing', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      const store = join(dir, 'store');
      const first = await ingest({ paths: [WEEK_1, WEEK_2], storeDir: 'store', cwd: dir });
      expectConserved(first);
      expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 7, added: 4, duplicates: 3 });
      expect(first.perFile.map((file) => [file.file, file.updated])).toEqual([
        [WEEK_1, 0],
        [WEEK_2, 1],
      ]);
      const posts = await storedPosts(store);
      expect(posts.filter((post) => post.startsWith(EDITED_URI))).toEqual([`${EDITED_URI} ${WEEK_2}: ${EDITED_WORDS}`]);
      const records = await readFile(join(store, 'records.jsonl'), 'utf8');
      const again = await ingest({ paths: ['.'], storeDir: 'store', cwd: dir });
      expectConserved(again);
      expect({ added: again.added, duplicates: again.duplicates, updated: again.updated }).toEqual({ added: 0, duplicates: 7, updated: 0 });
      expect(await readFile(join(store, 'records.jsonl'), 'utf8')).toBe(records);
    });
  });

  test('an older export read after a newer one keeps the edited words: its copy has no edited_at, the stored one has', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      const store = join(dir, 'store');
      await ingest({ paths: [WEEK_2], storeDir: 'store', cwd: dir });
      const older = await ingest({ paths: [WEEK_1], storeDir: 'store', cwd: dir });
      expectConserved(older);
      // The edited post keeps its words; the two unchanged posts become the copies from the file first in name order.
      expect({ added: older.added, duplicates: older.duplicates, updated: older.updated }).toEqual({ added: 0, duplicates: 3, updated: 2 });
      const posts = await storedPosts(store);
      expect(posts).toHaveLength(4);
      expect(posts.filter((post) => post.startsWith(EDITED_URI))).toEqual([`${EDITED_URI} ${WEEK_2}: ${EDITED_WORDS}`]);
      expect(posts.some((post) => post.endsWith(FIRST_WORDS))).toBe(false);
      const sightings: string[] = [];
      for await (const entry of readSourceEntries(join(store, 'sources.jsonl'))) sightings.push(entry.file);
      expect(sightings.filter((file) => file === WEEK_1)).toHaveLength(3);
    });
  });

  test('the terminal and --json give the updated count of each file', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      const store = join(dir, 'store');
      await runCli(['ingest', WEEK_1, '--store', store], { cwd: dir });
      const second = await runCli(['ingest', WEEK_2, '--store', store, '--json'], { cwd: dir });
      expect(second.exitCode).toBe(0);
      expect(second.stderr).toContain(`${WEEK_2} (mastodon): 4 read, 1 added, 3 duplicates (1 updated)`);
      expect(second.stderr).not.toContain('already read with other words');
      expect(JSON.parse(second.stdout)).toMatchObject({ updated: 1, per_file: [{ file: WEEK_2, duplicates: 3, updated: 1 }] });
    });
  });
});
