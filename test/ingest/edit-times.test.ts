import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import { isPlatformPost, readExports, type ExportItem } from '../../src/ingest/read-exports.js';
import { makeRecord } from '../builders/record-builder.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { toIsoDate } from '../../src/record/dates.js';
import { mastodonStatus } from '../builders/social-posts.js';
import { discordExport, discordMessage, telegramAccountExport, telegramMessage } from '../builders/chat-exports.js';
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

describe('a Telegram message read again with other words', () => {
  /** fixtures/ingest/telegram-message-edited-twice: one group's history exported three times, a message edited twice. */
  const TELEGRAM = join(PROJECT_ROOT, 'fixtures/ingest/telegram-message-edited-twice');
  const FIRST_WORDS = 'ChatExport_2024-06-12/result.json';
  const ACCOUNT_FIRST_EDIT = 'DataExport_2024-06-16/result.json';
  const SECOND_EDIT = 'ChatExport_2024-06-20/result.json';
  const HTML_BEFORE = 'html/ChatExport_2024-06-12/messages.html';
  const HTML_AFTER = 'html/ChatExport_2024-06-20/messages.html';
  const EDITED_ID = '1934567012:15';
  const LATEST_WORDS =
    'The respite booking line never answers after 4pm, and its voicemail is always full. Update: they ring back now, but only the next weekday morning.';

  async function copyTelegramExports(dir: string): Promise<void> {
    for (const name of [FIRST_WORDS, ACCOUNT_FIRST_EDIT, SECOND_EDIT, HTML_BEFORE, HTML_AFTER]) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await copyFile(join(TELEGRAM, name), join(dir, name));
    }
  }

  const ORDERS = [
    [FIRST_WORDS, ACCOUNT_FIRST_EDIT, SECOND_EDIT],
    [FIRST_WORDS, SECOND_EDIT, ACCOUNT_FIRST_EDIT],
    [ACCOUNT_FIRST_EDIT, FIRST_WORDS, SECOND_EDIT],
    [ACCOUNT_FIRST_EDIT, SECOND_EDIT, FIRST_WORDS],
    [SECOND_EDIT, FIRST_WORDS, ACCOUNT_FIRST_EDIT],
    [SECOND_EDIT, ACCOUNT_FIRST_EDIT, FIRST_WORDS],
  ];

  test("edited twice, its chat's history and the whole account's export read in every order, one run each: one record, the latest edit's words", async () => {
    await withTempDir(async (dir) => {
      await copyTelegramExports(dir);
      const stores: string[][] = [];
      for (const [index, order] of ORDERS.entries()) {
        const store = `store-${index}`;
        for (const path of order) {
          const summary = await ingest({ paths: [path], storeDir: store, cwd: dir });
          expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
        }
        const records = await storedRecords(join(dir, store));
        expect(records.map((record) => record.sourceId).sort()).toEqual(
          ['14', '15', '16', '17', '18', '19'].map((number) => `1934567012:${number}`),
        );
        expect(await storedPost(join(dir, store), EDITED_ID)).toEqual({
          text: LATEST_WORDS,
          file: SECOND_EDIT,
          editedAt: '2024-06-18T20:40:05.000Z',
        });
        stores.push(await storeContent(join(dir, store)));
      }
      for (const content of stores) expect(content).toEqual(stores[0]);
    });
  });

  test('in one run the order of the files does not matter either, and the earlier edit read after the later one is no update', async () => {
    await withTempDir(async (dir) => {
      await copyTelegramExports(dir);
      await ingest({ paths: [FIRST_WORDS, ACCOUNT_FIRST_EDIT, SECOND_EDIT], storeDir: 'forward', cwd: dir });
      const backward = await ingest({ paths: [SECOND_EDIT, ACCOUNT_FIRST_EDIT, FIRST_WORDS], storeDir: 'backward', cwd: dir });
      expect(backward.perFile.map((file) => [file.file, file.added, file.duplicates, file.updated, file.filtered])).toEqual([
        [SECOND_EDIT, 6, 0, 0, 1],
        // The account's private chat is filtered unread, as is the notice.
        [ACCOUNT_FIRST_EDIT, 0, 5, 0, 2],
        // Its four messages never edited take its copy, from the file first in name order; its edited message stays.
        [FIRST_WORDS, 0, 5, 4, 1],
      ]);
      expect(await storeContent(join(dir, 'backward'))).toEqual(await storeContent(join(dir, 'forward')));
      expect(await storedPost(join(dir, 'backward'), EDITED_ID)).toMatchObject({ text: LATEST_WORDS, file: SECOND_EDIT });

      const items: ExportItem[] = [];
      for await (const item of readExports([SECOND_EDIT, FIRST_WORDS, ACCOUNT_FIRST_EDIT], { cwd: dir })) items.push(item);
      const copies = items.flatMap((item) =>
        item.kind === 'duplicate' && item.record.sourceId === EDITED_ID
          ? [`${item.record.provenance.file} ${item.edited === true ? 'edited' : item.earlierEdit === true ? 'earlier' : 'same'}`]
          : [],
      );
      expect(copies).toEqual([`${FIRST_WORDS} earlier`, `${ACCOUNT_FIRST_EDIT} earlier`]);
    });
  });

  test('two messages with the same words by the same person stay two records, in JSON and in HTML', async () => {
    await withTempDir(async (dir) => {
      await copyTelegramExports(dir);
      await ingest({ paths: [FIRST_WORDS, HTML_BEFORE], storeDir: 'store', cwd: dir });
      const same = (await storedRecords(join(dir, 'store'))).filter((record) => record.text === 'Same here, I gave up ringing.');
      expect(same.map((record) => [record.provenance.file, record.provenance.part])).toEqual([
        [FIRST_WORDS, 'messages[3]'],
        [FIRST_WORDS, 'messages[5]'],
        [HTML_BEFORE, 'message16'],
        [HTML_BEFORE, 'message18'],
      ]);
      expect(new Set(same.map((record) => record.id)).size).toBe(4);
    });
  });

  test("HTML pages, whose ids are made from sender, date and words, are never merged by this rule: the edited message's words are kept both ways", async () => {
    await withTempDir(async (dir) => {
      await copyTelegramExports(dir);
      for (const [store, order] of [
        ['forward', [HTML_BEFORE, HTML_AFTER]],
        ['backward', [HTML_AFTER, HTML_BEFORE]],
      ] as const) {
        const summary = await ingest({ paths: [...order], storeDir: store, cwd: dir });
        // The four messages never edited are duplicates (read after the later page, each takes the earlier page's copy).
        expect({ added: summary.added, duplicates: summary.duplicates, updated: summary.updated }).toEqual({
          added: 7,
          duplicates: 4,
          updated: store === 'forward' ? 0 : 4,
        });
        const priya = (await storedRecords(join(dir, store))).filter((record) => record.text.startsWith('The respite booking line'));
        expect(priya.map((record) => record.text)).toEqual(
          store === 'forward'
            ? ['The respite booking line never answers after 4pm.', LATEST_WORDS]
            : [LATEST_WORDS, 'The respite booking line never answers after 4pm.'],
        );
      }
      const items: ExportItem[] = [];
      for await (const item of readExports([HTML_BEFORE], { cwd: dir })) items.push(item);
      const read = items.flatMap((item) => (item.kind === 'record' ? [item] : []));
      expect(read).toHaveLength(5);
      for (const item of read) expect(item).toMatchObject({ record: { sourceId: expect.stringMatching(/^content:/) }, platformId: false });
    });
  });

  test("messages of chats whose ids the export leaves out are only numbered: two chats' message 15 stay two records", async () => {
    await withTempDir(async (dir) => {
      const chat = (name: string, words: string): Record<string, unknown> => ({
        name,
        type: 'public_supergroup',
        messages: [telegramMessage(15, words)],
      });
      await writeFile(
        join(dir, 'result.json'),
        telegramAccountExport([chat('Kirklees Parent Carers', 'Short breaks have a waiting list')]),
      );
      await mkdir(join(dir, 'later'));
      await writeFile(
        join(dir, 'later', 'result.json'),
        telegramAccountExport([chat('Leeds Carers Network', 'Respite for carers, please')]),
      );
      await ingest({ paths: ['result.json'], storeDir: 'store', cwd: dir });
      const later = await ingest({ paths: ['later/result.json'], storeDir: 'store', cwd: dir });
      expect({ added: later.added, duplicates: later.duplicates, updated: later.updated }).toEqual({ added: 1, duplicates: 0, updated: 0 });
      const records = await storedRecords(join(dir, 'store'));
      // The second is kept under its number and a fingerprint of its words, as an export's row number would be.
      expect(records.map((record) => [record.sourceId.replace(/#[0-9a-f]+$/, '#…'), record.text])).toEqual([
        ['15', 'Short breaks have a waiting list'],
        ['15#…', 'Respite for carers, please'],
      ]);
    });
  });
});

describe("whether a record's id is the platform's: its reading's word, else its format's", () => {
  test('a reading that says wins over the format, either way; an id made from the words never is one', () => {
    const discord = makeRecord({ channel: 'other', format: 'discord-chat', sourceId: '1201000000000000002' });
    const telegram = makeRecord({ channel: 'other', format: 'telegram-chat', sourceId: '1934567012:15' });
    expect([isPlatformPost(discord), isPlatformPost(discord, false), isPlatformPost(telegram), isPlatformPost(telegram, true)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(isPlatformPost(makeRecord({ channel: 'other', format: 'telegram-chat', sourceId: 'content:0123456789' }), true)).toBe(false);
    expect(isPlatformPost(makeRecord({ channel: 'survey', format: 'csv', sourceId: '15' }))).toBe(false);
  });
});
