import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../../src/ingest/ingest.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { telegramAccountExport, telegramChatExport, telegramMessage, telegramNotice } from '../../builders/chat-exports.js';

/** Where each item was read, with what: `messages[1] record 2098765432:2`, `messages[2] rejected MISSING_TEXT`. */
function placed(result: Awaited<ReturnType<typeof readTempInput>>): string[] {
  return result.items.flatMap((item) => {
    if (item.kind === 'record') return [`${item.record.provenance.part ?? ''} record ${item.record.sourceId}`];
    if (item.kind === 'rejected') return [`${item.provenance.part ?? ''} rejected ${item.code}`];
    if (item.kind === 'filtered') return [`${item.provenance.part ?? ''} filtered ${item.rule}`];
    return [];
  });
}

describe('one chat exported as result.json', () => {
  test('is detected by its content and read message by message, notices and media without words filtered', async () => {
    const result = await readTempInput(
      'result.json',
      telegramChatExport([
        telegramNotice(1, 'join_group_by_link'),
        telegramMessage(2, 'Respite for carers, please'),
        telegramMessage(3, '', { photo: '(File not included. Change data exporting settings to download.)', text_entities: [] }),
        telegramMessage(4, 'Agreed', { from: 'Omar Haddad', reply_to_message_id: 2 }),
      ]),
    );
    expect(result.format).toBe('telegram-chat');
    expect(countItems(result)).toEqual({ 'filtered:not-feedback': 1, 'filtered:empty-text': 1, record: 2 });
    expect(recordsOf(result).map(({ sourceId, author, date, inReplyTo, meta }) => ({ sourceId, author, date, inReplyTo, meta }))).toEqual([
      {
        sourceId: '2098765432:2',
        author: 'Priya Sharma',
        date: '2024-06-12T09:04:41.000Z',
        inReplyTo: null,
        meta: { telegramChat: 'Leeds Carers Network' },
      },
      {
        sourceId: '2098765432:4',
        author: 'Omar Haddad',
        date: '2024-06-12T09:06:41.000Z',
        inReplyTo: '2098765432:2',
        meta: { telegramChat: 'Leeds Carers Network' },
      },
    ]);
  });

  test('text that mixes strings and entities is their texts joined as written; text_entities serve when there is no text', async () => {
    const entities = [
      { type: 'plain', text: 'See ' },
      { type: 'text_link', text: 'the easy read guide', href: 'https://example.org/guide' },
      { type: 'plain', text: ', ' },
      { type: 'mention', text: '@omar' },
    ];
    const result = await readTempInput(
      'result.json',
      telegramChatExport([
        telegramMessage(1, ['See ', entities[1], ', ', entities[3]]),
        { ...telegramMessage(2, null), text: undefined, text_entities: entities },
      ]),
    );
    expect(recordsOf(result).map((record) => record.text)).toEqual(['See the easy read guide, @omar', 'See the easy read guide, @omar']);
  });

  test('a minified export (one line) is detected and read too', async () => {
    const result = await readTempInput('result.json', JSON.stringify(JSON.parse(telegramChatExport([telegramMessage(7, 'Short breaks')]))));
    expect(result.format).toBe('telegram-chat');
    expect(recordsOf(result).map((record) => [record.sourceId, record.provenance.part])).toEqual([['2098765432:7', 'messages[0]']]);
  });

  test('a file cut short keeps the messages before the cut and says where it ends', async () => {
    const whole = telegramChatExport([telegramMessage(1, 'Respite for carers'), telegramMessage(2, 'Transport to the day centre')]);
    const result = await readTempInput('result.json', whole.slice(0, whole.indexOf('Transport')));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Respite for carers']);
    expect(result.error).toMatch(/JSON ends before the array is closed/);
  });

  test('ingested again, every message is a duplicate', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'result.json'), telegramChatExport([telegramMessage(1, 'Respite'), telegramNotice(2, 'pin_message')]));
      const first = await ingest({ paths: ['result.json'], cwd: dir, storeDir: '.tlap' });
      const second = await ingest({ paths: ['result.json'], cwd: dir, storeDir: '.tlap' });
      expect([first.added, first.filtered, second.added, second.duplicates, second.filtered]).toEqual([1, 1, 0, 1, 1]);
    });
  });
});

describe('hostile messages are rejected one by one, named by their place, and the rest is read', () => {
  test('text nested deeper than JSON may be read, text nested in lists, an entity without text, a message that is no object', async () => {
    const deep = `${'['.repeat(300)}"words"${']'.repeat(300)}`;
    const file = telegramChatExport([
      telegramMessage(1, 'DEEP'),
      telegramMessage(2, [[['nested words']]]),
      telegramMessage(3, ['Respite ', { type: 'bold' }]),
      'a string',
      null,
      telegramMessage(6, 'Day centres matter'),
    ]).replace('"DEEP"', deep);
    const result = await readTempInput('result.json', file);
    expect(placed(result)).toEqual([
      'messages[0] rejected JSON_TOO_DEEP',
      'messages[1] rejected MISSING_TEXT',
      'messages[2] rejected MISSING_TEXT',
      'messages[3] rejected NOT_AN_OBJECT',
      'messages[4] rejected NOT_AN_OBJECT',
      'messages[5] record 2098765432:6',
    ]);
  });

  test('a message with no id, or an id that is no whole number Telegram writes, is NOT_A_COMMENT', async () => {
    const file = telegramChatExport([
      telegramMessage(undefined, 'no id'),
      telegramMessage('INFINITE', 'huge id'),
      telegramMessage('LONG', 'rounded id'),
      telegramMessage(-5, 'negative id'),
      telegramMessage('12abc', 'letters'),
      telegramMessage(1.5, 'a fraction'),
      telegramMessage(9, 'kept'),
    ])
      .replace('"INFINITE"', '1e400')
      .replace('"LONG"', '123456789012345678901234567890');
    const result = await readTempInput('result.json', file);
    expect(placed(result)).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((index) => `messages[${index}] rejected NOT_A_COMMENT`),
      'messages[6] record 2098765432:9',
    ]);
  });

  test('huge numbers for a date or a reply leave the date to `date` and the reply unnamed; a chat id past 2^53 names no message', async () => {
    const file = telegramChatExport(
      [
        telegramMessage(1, 'Respite', { date: '2024-06-12T10:00:00', date_unixtime: '99999999999999999999', reply_to_message_id: 'HUGE' }),
        telegramMessage(2, 'Transport', { date: '2024-06-12T10:01:00', date_unixtime: 'HUGE' }),
      ],
      { id: 'CHAT' },
    )
      .replace('"CHAT"', '123456789012345678901234567890')
      .replaceAll('"HUGE"', '1e400');
    const result = await readTempInput('result.json', file);
    expect(result.format).toBe('telegram-chat');
    expect(recordsOf(result).map(({ sourceId, date, inReplyTo }) => ({ sourceId, date, inReplyTo }))).toEqual([
      { sourceId: '1', date: '2024-06-12T10:00:00.000Z', inReplyTo: null },
      { sourceId: '2', date: '2024-06-12T10:01:00.000Z', inReplyTo: null },
    ]);
  });

  test("an edited message says when: edited_unixtime, else edited (the exporter's clock, read as UTC as date is)", async () => {
    const result = await readTempInput(
      'result.json',
      telegramChatExport([
        telegramMessage(2, 'Respite, please', { edited: '2024-06-13T10:12:00', edited_unixtime: '1718269920' }),
        telegramMessage(3, 'Transport too', { edited: '2024-06-13T10:15:00' }),
        telegramMessage(4, 'And a ramp'),
      ]),
    );
    expect(recordsOf(result).map(({ sourceId, meta }) => [sourceId, meta['edited'], meta['editedAt']])).toEqual([
      ['2098765432:2', true, '2024-06-13T09:12:00.000Z'],
      ['2098765432:3', true, '2024-06-13T10:15:00.000Z'],
      ['2098765432:4', undefined, undefined],
    ]);
  });

  test("its ids are the platform's (one message each) only when the chat's id names them", async () => {
    const messages = [telegramMessage(2, 'Respite, please')];
    const platformIds = (result: Awaited<ReturnType<typeof readTempInput>>): (string | boolean | undefined)[][] =>
      result.items.flatMap((item) => (item.kind === 'record' ? [[item.record.sourceId, item.platformId]] : []));
    expect(platformIds(await readTempInput('result.json', telegramChatExport(messages)))).toEqual([['2098765432:2', true]]);
    const withoutChatId = telegramChatExport(messages, { id: 'CHAT' }).replace('"CHAT"', '123456789012345678901234567890');
    expect(platformIds(await readTempInput('result.json', withoutChatId))).toEqual([['2', false]]);
  });
});

describe("a whole account's export", () => {
  test("reads its groups' messages, never its private chats, contacts or phone numbers", async () => {
    await withTempDir(async (dir) => {
      const chats = [
        { name: 'Priya Sharma', type: 'personal_chat', id: 5120734401, messages: [telegramMessage(40, 'Can I ring you about Mum?')] },
        {
          name: 'Kirklees Parent Carers',
          type: 'public_supergroup',
          id: 1876543210,
          messages: [telegramMessage(302, 'Short breaks have a waiting list')],
        },
      ];
      await writeFile(join(dir, 'result.json'), telegramAccountExport(chats));
      const summary = await ingest({ paths: ['result.json'], cwd: dir, storeDir: '.tlap' });
      expect([summary.perFile[0]?.format, summary.added, summary.filtered]).toEqual(['telegram-chat', 1, 1]);
      const stored = await readFile(join(dir, '.tlap', 'records.jsonl'), 'utf8');
      expect(stored).toMatch(/"sourceId":"1876543210:302"/);
      expect(stored).not.toMatch(/7700|Can I ring you/);
    });
  });

  test('without chats it is not feedback', async () => {
    const result = await readTempInput('result.json', telegramAccountExport(null));
    expect(result.format).toBe('telegram-chat');
    expect(result.items).toEqual([]);
    expect(result.error).toMatch(/without its chats/);
  });
});
