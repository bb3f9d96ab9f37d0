import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../../src/ingest/ingest.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { discordAuthor, discordExport, discordMessage } from '../../builders/chat-exports.js';

/** DiscordChatExporter names its files by server, category, channel and channel id. */
const FILE_NAME = 'Calderdale Carers Hub - services-feedback [1187654321098765440].json';

/** Where each item was read, with what: `messages[1] record 1201…`, `messages[2] filtered not-feedback GuildMemberJoin`. */
function placed(result: Awaited<ReturnType<typeof readTempInput>>): string[] {
  return result.items.flatMap((item) => {
    if (item.kind === 'record') return [`${item.record.provenance.part ?? ''} record ${item.record.sourceId}`];
    if (item.kind === 'rejected') return [`${item.provenance.part ?? ''} rejected ${item.code}`];
    if (item.kind === 'filtered') return [`${item.provenance.part ?? ''} filtered ${item.rule} ${item.detail ?? ''}`];
    return [];
  });
}

describe('a channel saved by DiscordChatExporter', () => {
  test('is detected by its content; members’ words are records, replies name what they answer', async () => {
    const result = await readTempInput(
      FILE_NAME,
      discordExport([
        discordMessage('1201000000000000002', 'Respite for carers, please'),
        discordMessage('1201000000000000003', '@Priya (carer) agreed', {
          type: 'Reply',
          author: discordAuthor('tomb_88', null),
          reference: { messageId: '1201000000000000002', channelId: '1187654321098765440', guildId: '1187654321098765432' },
          timestampEdited: '2024-06-12T10:09:00.000+00:00',
        }),
      ]),
    );
    expect(result.format).toBe('discord-chat');
    expect(
      recordsOf(result).map(({ sourceId, author, date, text, url, inReplyTo, meta }) => ({
        sourceId,
        author,
        date,
        text,
        url,
        inReplyTo,
        meta,
      })),
    ).toEqual([
      {
        sourceId: '1201000000000000002',
        author: 'Priya (carer)',
        date: '2024-06-12T10:02:41.507Z',
        text: 'Respite for carers, please',
        url: 'https://discord.com/channels/1187654321098765432/1187654321098765440/1201000000000000002',
        inReplyTo: null,
        meta: { discordServer: 'Calderdale Carers Hub', discordChannel: 'services-feedback' },
      },
      {
        sourceId: '1201000000000000003',
        author: 'tomb_88',
        date: '2024-06-12T10:02:41.507Z',
        text: '@Priya (carer) agreed',
        url: 'https://discord.com/channels/1187654321098765432/1187654321098765440/1201000000000000003',
        inReplyTo: '1201000000000000002',
        meta: {
          discordServer: 'Calderdale Carers Hub',
          discordChannel: 'services-feedback',
          edited: true,
          editedAt: '2024-06-12T10:09:00.000Z',
        },
      },
    ]);
  });

  test("notices, bots' messages and messages with no words are filtered, each with its reason", async () => {
    const result = await readTempInput(
      FILE_NAME,
      discordExport([
        discordMessage('1', 'Joined the server.', { type: 'GuildMemberJoin' }),
        discordMessage('2', 'Pinned a message.', { type: 'ChannelPinnedMessage', reference: { messageId: '9' } }),
        discordMessage('3', 'Started a thread.', { type: 'ThreadCreated' }),
        discordMessage('4', 'used /poll', { type: '20' }),
        discordMessage('5', 'Level up!', { author: discordAuthor('Carl-bot', 'Carl-bot', true) }),
        discordMessage('6', '', {
          attachments: [{ id: '7', url: 'https://cdn.discordapp.com/a.jpg', fileName: 'a.jpg', fileSizeBytes: 10 }],
        }),
        discordMessage('7', '', { stickers: [{ id: '8', name: 'wave', format: 'Png' }] }),
        discordMessage('8', '   '),
      ]),
    );
    expect(placed(result)).toEqual([
      'messages[0] filtered not-feedback GuildMemberJoin',
      'messages[1] filtered not-feedback ChannelPinnedMessage',
      'messages[2] filtered not-feedback ThreadCreated',
      'messages[3] filtered not-feedback 20',
      "messages[4] filtered not-feedback a bot's or app's message",
      'messages[5] filtered empty-text an attachment with no words',
      'messages[6] filtered empty-text a sticker with no words',
      'messages[7] filtered empty-text a message with no words',
    ]);
  });

  test('a direct message links to @me, as Discord does', async () => {
    const result = await readTempInput(
      FILE_NAME,
      discordExport([discordMessage('42', 'Thanks for asking')], { id: '0', name: 'Direct Messages' }),
    );
    expect(recordsOf(result).map((record) => record.url)).toEqual(['https://discord.com/channels/@me/1187654321098765440/42']);
  });

  test('ingested again, every message is a duplicate', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, FILE_NAME),
        discordExport([discordMessage('1', 'Respite'), discordMessage('2', 'Joined', { type: 'GuildMemberJoin' })]),
      );
      const first = await ingest({ paths: [FILE_NAME], cwd: dir, storeDir: '.tlap' });
      const second = await ingest({ paths: [FILE_NAME], cwd: dir, storeDir: '.tlap' });
      expect([first.added, first.filtered, second.added, second.duplicates, second.filtered]).toEqual([1, 1, 0, 1, 1]);
    });
  });
});

describe('hostile messages are rejected one by one, named by their place, and the rest is read', () => {
  test('content nested too deeply, content that is no text, no id, an id that is no snowflake, a message that is no object', async () => {
    const deep = `${'['.repeat(300)}"words"${']'.repeat(300)}`;
    const file = discordExport([
      discordMessage('1', 'DEEP'),
      discordMessage('2', ['words', { type: 'bold' }]),
      discordMessage(undefined, 'no id'),
      discordMessage('HUGE', 'an id past what a double holds'),
      discordMessage('LONG', 'an id written as a long number'),
      discordMessage('12ab', 'letters'),
      'a string',
      discordMessage('1201000000000000009', 'Day centres matter'),
    ])
      .replace('"DEEP"', deep)
      .replace('"HUGE"', '1e400')
      .replace('"LONG"', '123456789012345678901234567890');
    const result = await readTempInput(FILE_NAME, file);
    expect(placed(result)).toEqual([
      'messages[0] rejected JSON_TOO_DEEP',
      'messages[1] rejected MISSING_TEXT',
      'messages[2] rejected NOT_A_COMMENT',
      'messages[3] rejected NOT_A_COMMENT',
      'messages[4] rejected NOT_A_COMMENT',
      'messages[5] rejected NOT_A_COMMENT',
      'messages[6] rejected NOT_AN_OBJECT',
      'messages[7] record 1201000000000000009',
    ]);
  });

  test('a timestamp that is no date leaves the message undated; a reply to no snowflake names nothing', async () => {
    const result = await readTempInput(
      FILE_NAME,
      discordExport([
        discordMessage('1', 'Respite', { timestamp: '99999-99-99T99:99:99', type: 'Reply', reference: { messageId: 1e300 } }),
      ]),
    );
    expect(recordsOf(result).map(({ date, inReplyTo }) => ({ date, inReplyTo }))).toEqual([{ date: null, inReplyTo: null }]);
  });

  test('a file cut short keeps the messages before the cut and says where it ends', async () => {
    const whole = discordExport([discordMessage('1', 'Respite for carers'), discordMessage('2', 'Transport to the day centre')]);
    const result = await readTempInput(FILE_NAME, whole.slice(0, whole.indexOf('Transport')));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Respite for carers']);
    expect(result.error).toMatch(/JSON ends before the array is closed/);
  });
});

/** A channel as DiscordChatExporter saves it in its plain-text format (`PlainTextMessageWriter`). */
function plainTextExport(messages: readonly string[]): string {
  const rule = '='.repeat(62);
  return [
    rule,
    'Guild: Calderdale Carers Hub',
    'Channel: Have your say / services-feedback',
    'Topic: Tell us what works',
    rule,
    '',
    ...messages,
    rule,
    `Exported ${messages.length} message(s)`,
    rule,
    '',
  ].join('\n');
}

/** Each item of a read: `line N author @ date: text`, or `line N filtered rule: detail`. */
function lines(result: Awaited<ReturnType<typeof readTempInput>>): string[] {
  return result.items.flatMap((item) => {
    if (item.kind === 'record')
      return [`${item.record.provenance.line} ${item.record.author ?? '-'} @ ${item.record.date ?? '-'}: ${item.record.text}`];
    if (item.kind === 'filtered') return [`${item.provenance.line} filtered ${item.rule}: ${item.detail ?? ''}`];
    if (item.kind === 'rejected') return [`${item.provenance.line} rejected ${item.code}`];
    if (item.kind === 'warning') return [`warning ${item.code}`];
    return [];
  });
}

describe('a channel saved by DiscordChatExporter as plain text', () => {
  test('is detected; each message is a record by its author, dated, its attachments, embeds and reactions left out', async () => {
    const text = plainTextExport([
      '[15/01/2024 10:03] jane.smith',
      'The buses are late again',
      'and the 42 never comes',
      '',
      '{Reactions}',
      '👍 (2) ❤️',
      '',
      '[15/01/2024 10:05] tomb#1234 (pinned)',
      'Agreed, every Sunday',
      '',
      '{Attachments}',
      'https://cdn.discordapp.com/attachments/1/2/stop.png',
      '',
      '{Embed}',
      'https://example.org/timetable',
      'Timetable',
      '',
      '',
      '[15/01/2024 10:06] Priya',
      'Joined the server.',
      '',
      '',
      '[15/01/2024 10:07] Priya',
      '',
      '',
      '{Attachments}',
      'https://cdn.discordapp.com/attachments/1/2/form.pdf',
      '',
      '',
    ]);
    const result = await readTempInput('Calderdale Carers Hub - Have your say - services-feedback [1187654321098765440].txt', text);
    expect(result.format).toBe('discord-chat');
    expect(lines(result)).toEqual([
      '7 jane.smith @ 2024-01-15T10:03:00.000Z: The buses are late again\nand the 42 never comes',
      '14 tomb @ 2024-01-15T10:05:00.000Z: Agreed, every Sunday',
      "25 filtered not-feedback: Discord's notice",
      '29 filtered empty-text: an attachment with no words',
    ]);
    expect(recordsOf(result)[0]?.meta).toEqual({ discordServer: 'Calderdale Carers Hub', discordChannel: 'services-feedback' });
  });

  test('dates in US order, and in the old "15-Jan-24 10:03 AM" layout, are read; a date in no known order is read day first with a warning', async () => {
    const us = plainTextExport(['[1/15/2024 10:03 AM] jane', 'Hello', '', '', '[1/16/2024 2:05 PM] tom', 'Hi', '', '']);
    expect(lines(await readTempInput('chat.txt', us))).toEqual([
      '7 jane @ 2024-01-15T10:03:00.000Z: Hello',
      '11 tom @ 2024-01-16T14:05:00.000Z: Hi',
    ]);
    const old = plainTextExport(['[15-Jan-24 10:03 AM] jane', 'Hello', '', '']);
    expect(lines(await readTempInput('chat.txt', old))).toEqual(['7 jane @ 2024-01-15T10:03:00.000Z: Hello']);
    const unclear = plainTextExport(['[02/01/2024 10:03] jane', 'Hello', '', '']);
    expect(lines(await readTempInput('chat.txt', unclear))).toEqual([
      '7 jane @ 2024-01-02T10:03:00.000Z: Hello',
      'warning DATE_ORDER_ASSUMED',
    ]);
  });

  test('a text file that only starts like one, with no message under it, is refused naming its line', async () => {
    const result = await readTempInput('chat.txt', plainTextExport(['no message header here', '']), { format: 'discord-chat' });
    expect(result.error).toBe('chat.txt:7: no DiscordChatExporter messages ("[15/01/2024 10:03] name") found');
  });
});

describe('a channel saved by DiscordChatExporter as CSV', () => {
  test("is read as Discord's, not as any table: notices filtered, attachments alone empty-text, authors without their tag", async () => {
    const csv = [
      'AuthorID,Author,Date,Content,Attachments,Reactions',
      '"111111111111111111","jane.smith","15/01/2024 10:03","The buses are late, again","",""',
      '"222222222222222222","tomb#1234","15/01/2024 10:05","Agreed","https://cdn.discordapp.com/attachments/1/2/a.png","👍 (2)"',
      '"333333333333333333","Priya","15/01/2024 10:06","Joined the server.","",""',
      '"222222222222222222","tomb#1234","15/01/2024 10:07","","https://cdn.discordapp.com/attachments/1/2/b.png",""',
      '',
    ].join('\n');
    const result = await readTempInput('Calderdale Carers Hub - services-feedback [1187654321098765440].csv', csv);
    expect(result.format).toBe('discord-chat');
    expect(lines(result)).toEqual([
      '2 jane.smith @ 2024-01-15T10:03:00.000Z: The buses are late, again',
      '3 tomb @ 2024-01-15T10:05:00.000Z: Agreed',
      "4 filtered not-feedback: Discord's notice",
      '5 filtered empty-text: an attachment with no words',
    ]);
  });
});
