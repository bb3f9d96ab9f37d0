import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import { readExports, type ExportItem } from '../../src/ingest/read-exports.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { toIsoDate } from '../../src/record/dates.js';
import { mastodonStatus } from '../builders/social-posts.js';
import { discordExport, discordMessage } from '../builders/chat-exports.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

/** fixtures/ingest/reddit-comment-edited-twice: one thread's comments retrieved twice, a comment edited before each. */
const FIXTURE = join(PROJECT_ROOT, 'fixtures/ingest/reddit-comment-edited-twice');
const OLDER = 'retrieved-2024-12-02.jsonl';
const NEWER = 'retrieved-2024-12-09.jsonl';
const EDITED_ID = 't1_m01a2b3';
const LATER_EDIT = toIsoDate(1733690000);

async function copyExports(dir: string): Promise<void> {
  for (const name of [OLDER, NEWER]) await copyFile(join(FIXTURE, name), join(dir, name));
}

async function storedRecords(store: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(store)) records.push(record);
  return records;
}

/** The store's records as JSON lines, sorted: what they hold, whatever order they were first read in. */
async function storeContent(store: string): Promise<string[]> {
  return (await readFile(join(store, 'records.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .sort();
}

/** The words, file and edit time of the stored record with this source id. */
async function storedPost(store: string, sourceId: string): Promise<{ text: string; file: string; editedAt: unknown }> {
  const record = (await storedRecords(store)).find((stored) => stored.sourceId === sourceId);
  if (record === undefined) throw new Error(`no record ${sourceId} in ${store}`);
  return { text: record.text, file: record.provenance.file, editedAt: record.meta['editedAt'] };
}

describe('a post read again with other words: the copy with the later edit time wins, whatever the order', () => {
  test('a Reddit comment edited twice: older then newer, and newer then older, in separate runs, give the same store', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      const forward = await ingest({ paths: [OLDER], storeDir: 'forward', cwd: dir });
      const forwardNewer = await ingest({ paths: [NEWER], storeDir: 'forward', cwd: dir });
      expect({ added: forward.added, duplicates: forwardNewer.duplicates, updated: forwardNewer.updated }).toEqual({
        added: 2,
        duplicates: 2,
        updated: 1,
      });

      const backward = await ingest({ paths: [NEWER], storeDir: 'backward', cwd: dir });
      const backwardOlder = await ingest({ paths: [OLDER], storeDir: 'backward', cwd: dir });
      expect(backward.added).toBe(3);
      expect(backwardOlder.read).toBe(backwardOlder.added + backwardOlder.duplicates + backwardOlder.filtered + backwardOlder.rejected);
      expect(backwardOlder.duplicates).toBe(2);
      // Only the unedited comment changes: its copy from the file first in name order becomes the record.
      expect(backwardOlder.updated).toBe(1);

      const newest = await storedPost(join(dir, 'backward'), EDITED_ID);
      expect(newest.file).toBe(NEWER);
      expect(newest.editedAt).toBe(LATER_EDIT);
      expect(newest.text).toContain('Edit: the council replied');
      expect(await storedPost(join(dir, 'forward'), EDITED_ID)).toEqual(newest);
      expect(await storeContent(join(dir, 'backward'))).toEqual(await storeContent(join(dir, 'forward')));
    });
  });

  test('in one run the order the files are given in does not matter either, and the same run again changes nothing', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      await ingest({ paths: [OLDER, NEWER], storeDir: 'forward', cwd: dir });
      const backward = await ingest({ paths: [NEWER, OLDER], storeDir: 'backward', cwd: dir });
      expect(backward.perFile.map((file) => [file.file, file.duplicates, file.updated])).toEqual([
        [NEWER, 0, 0],
        [OLDER, 2, 1],
      ]);
      expect(await storeContent(join(dir, 'backward'))).toEqual(await storeContent(join(dir, 'forward')));
      const records = await readFile(join(dir, 'backward', 'records.jsonl'), 'utf8');
      const again = await ingest({ paths: [NEWER, OLDER], storeDir: 'backward', cwd: dir });
      expect({ duplicates: again.duplicates, updated: again.updated }).toEqual({ duplicates: 5, updated: 0 });
      expect(await readFile(join(dir, 'backward', 'records.jsonl'), 'utf8')).toBe(records);
    });
  });

  test('reading exports without a store yields the older copy as an earlier edit, not as words that replace the kept ones', async () => {
    await withTempDir(async (dir) => {
      await copyExports(dir);
      const items: ExportItem[] = [];
      for await (const item of readExports([NEWER, OLDER], { cwd: dir })) items.push(item);
      const copies = items.flatMap((item) =>
        item.kind === 'duplicate'
          ? [`${item.record.sourceId} ${item.edited === true ? 'edited' : item.earlierEdit === true ? 'earlier' : 'same'}`]
          : [],
      );
      expect(copies.sort()).toEqual([`${EDITED_ID} earlier`, 't1_m01c4d5 same']);
      const backwards: ExportItem[] = [];
      for await (const item of readExports([OLDER, NEWER], { cwd: dir })) backwards.push(item);
      expect(
        backwards
          .filter((item) => item.kind === 'duplicate' && item.edited === true)
          .map((item) => item.kind === 'duplicate' && item.record.sourceId),
      ).toEqual([EDITED_ID]);
    });
  });
});

describe('when only one copy, or neither, says when the post was edited', () => {
  const EDITED_AT = '2024-11-24T19:40:02.000Z';
  const FIRST = '<p>Day centres closing is the worst of it.</p>';
  const EDITED = '<p>Day centres closing is the worst of it, and nobody asked us.</p>';
  const status = (content: string, editedAt: string | null): Record<string, unknown> =>
    mastodonStatus({ id: '113516270011112222', user: 'dom_care_worker', content, editedAt });

  async function writeStatuses(dir: string, name: string, statuses: readonly Record<string, unknown>[]): Promise<void> {
    await writeFile(join(dir, name), JSON.stringify(statuses, null, 2));
  }

  test('a copy that says it was edited wins over one that does not, in either order', async () => {
    await withTempDir(async (dir) => {
      await writeStatuses(dir, 'a-before.json', [status(FIRST, null)]);
      await writeStatuses(dir, 'b-after.json', [status(EDITED, EDITED_AT)]);
      await ingest({ paths: ['a-before.json'], storeDir: 'forward', cwd: dir });
      await ingest({ paths: ['b-after.json'], storeDir: 'forward', cwd: dir });
      await ingest({ paths: ['b-after.json'], storeDir: 'backward', cwd: dir });
      const older = await ingest({ paths: ['a-before.json'], storeDir: 'backward', cwd: dir });
      expect({ duplicates: older.duplicates, updated: older.updated }).toEqual({ duplicates: 1, updated: 0 });
      const [record] = await storedRecords(join(dir, 'backward'));
      expect(record?.text).toContain('nobody asked us');
      expect(record?.meta['editedAt']).toBe(EDITED_AT);
      expect(await storeContent(join(dir, 'backward'))).toEqual(await storeContent(join(dir, 'forward')));
    });
  });

  test('when neither copy says, the words read last win, as before', async () => {
    await withTempDir(async (dir) => {
      await writeStatuses(dir, 'a-before.json', [status(FIRST, null)]);
      await writeStatuses(dir, 'b-after.json', [status(EDITED, null)]);
      await ingest({ paths: ['b-after.json'], storeDir: 'store', cwd: dir });
      const older = await ingest({ paths: ['a-before.json'], storeDir: 'store', cwd: dir });
      expect(older.updated).toBe(1);
      const [record] = await storedRecords(join(dir, 'store'));
      expect(record?.text).not.toContain('nobody asked us');
      expect(record?.meta['editedAt']).toBeUndefined();
    });
  });

  test('a record stored without its edit time gains it from a copy with its words, and then keeps its words', async () => {
    await withTempDir(async (dir) => {
      await writeStatuses(dir, 'a-before.json', [status(FIRST, null)]);
      await writeStatuses(dir, 'b-stored.json', [status(EDITED, null)]);
      await writeStatuses(dir, 'c-after.json', [status(EDITED, EDITED_AT)]);
      await ingest({ paths: ['b-stored.json'], storeDir: 'store', cwd: dir });
      const stamped = await ingest({ paths: ['c-after.json'], storeDir: 'store', cwd: dir });
      expect({ duplicates: stamped.duplicates, updated: stamped.updated }).toEqual({ duplicates: 1, updated: 1 });
      const [record] = await storedRecords(join(dir, 'store'));
      expect(record?.provenance.file).toBe('b-stored.json');
      expect(record?.meta['editedAt']).toBe(EDITED_AT);
      const older = await ingest({ paths: ['a-before.json'], storeDir: 'store', cwd: dir });
      expect(older.updated).toBe(0);
      const [kept] = await storedRecords(join(dir, 'store'));
      expect(kept?.text).toContain('nobody asked us');
      expect(kept?.id).toBe(record?.id);
    });
  });
});

describe('a chat message read again with other words is one record, as a post is', () => {
  const DISCORD_ID = '1201000000000000002';
  const DISCORD_FILE = (date: string): string => `Calderdale Carers Hub - services-feedback [1187654321098765440] ${date}.json`;

  test('a Discord message edited between two saves of the channel: the later edit wins, whatever the order', async () => {
    await withTempDir(async (dir) => {
      const before = DISCORD_FILE('2024-06-12');
      const after = DISCORD_FILE('2024-06-20');
      await writeFile(join(dir, before), discordExport([discordMessage(DISCORD_ID, 'Respite for carers, please')]));
      await writeFile(
        join(dir, after),
        discordExport([
          discordMessage(DISCORD_ID, 'We need respite for carers and someone to call at night', {
            timestampEdited: '2024-06-14T08:00:00.000+00:00',
          }),
        ]),
      );
      await ingest({ paths: [after], storeDir: 'backward', cwd: dir });
      const older = await ingest({ paths: [before], storeDir: 'backward', cwd: dir });
      expect({ added: older.added, duplicates: older.duplicates, updated: older.updated }).toEqual({ added: 0, duplicates: 1, updated: 0 });
      await ingest({ paths: [before], storeDir: 'forward', cwd: dir });
      const newer = await ingest({ paths: [after], storeDir: 'forward', cwd: dir });
      expect({ added: newer.added, duplicates: newer.duplicates, updated: newer.updated }).toEqual({ added: 0, duplicates: 1, updated: 1 });
      for (const store of ['backward', 'forward']) {
        const records = await storedRecords(join(dir, store));
        expect(records.map((record) => [record.sourceId, record.text, record.meta['editedAt']])).toEqual([
          [DISCORD_ID, 'We need respite for carers and someone to call at night', '2024-06-14T08:00:00.000Z'],
        ]);
      }
    });
  });

  test('a Slack message edited between two exports of the workspace is one record with the edited words', async () => {
    await withTempDir(async (dir) => {
      const message = (text: string, edited?: string): Record<string, unknown> => ({
        type: 'message',
        user: 'U012AB3CD',
        text,
        ts: '1705312992.123456',
        user_profile: { real_name: 'Jane Smith' },
        ...(edited === undefined ? {} : { edited: { user: 'U012AB3CD', ts: edited } }),
      });
      for (const [folder, text, edited] of [
        ['export-1', 'The respite offer is hard to find', undefined],
        ['export-2', 'Nobody could tell me where the respite offer is', '1705399392.000000'],
      ] as const) {
        await mkdir(join(dir, folder, 'general'), { recursive: true });
        await writeFile(join(dir, folder, 'general', '2024-01-15.json'), JSON.stringify([message(text, edited)], null, 4));
      }
      await ingest({ paths: ['export-2/general/2024-01-15.json'], storeDir: 'store', cwd: dir });
      const older = await ingest({ paths: ['export-1/general/2024-01-15.json'], storeDir: 'store', cwd: dir });
      expect({ added: older.added, duplicates: older.duplicates }).toEqual({ added: 0, duplicates: 1 });
      const records = await storedRecords(join(dir, 'store'));
      expect(records.map((record) => [record.sourceId, record.text])).toEqual([
        ['general:1705312992.123456', 'Nobody could tell me where the respite offer is'],
      ]);
    });
  });
});
