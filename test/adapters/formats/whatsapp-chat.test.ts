import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import type { DateOrder } from '../../../src/record/ordered-dates.js';
import { PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-whatsapp-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fixture(name: string): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/whatsapp-chat', name, 'input.txt'), 'utf8');
}

async function read(name: string, text: string, options: { format?: string; dateOrder?: DateOrder } = {}): Promise<FileReadResult> {
  const path = join(folder, name);
  writeFileSync(path, text);
  return readFileItems(path, { displayPath: name, ...options });
}

function detected(text: string): string | undefined {
  return detectFormat(ADAPTERS, { path: 'chat.txt', extension: '.txt', headText: text, headBytes: Buffer.from(text) })?.adapter.name;
}

describe('whatsapp-chat detection', () => {
  test.each(['android-uk', 'iphone-us'])('the %s export is a WhatsApp chat, not a table or notes', (name) => {
    expect(detected(fixture(name))).toBe('whatsapp-chat');
  });

  test("typed notes of timed agenda items are not a chat: most stamped lines must be someone's words", () => {
    const agenda = [
      '15/01/2024 18:30 - Welcome from the chair',
      '15/01/2024 18:40 - Update on the partnership agreement',
      '15/01/2024 19:00 - Residents: parking near the day centre',
      '15/01/2024 19:20 - Any other business',
    ].join('\n');
    expect(detected(agenda)).not.toBe('whatsapp-chat');
  });

  test('a Zoom chat and a speaker transcript stay what they are', () => {
    expect(detected('10:01:00 From  Jane Smith  to  Everyone:\n\tHello\n10:02:00 From  Ahmed Khan  to  Everyone:\n\tHi\n')).toBe(
      'zoom-chat',
    );
    expect(detected('Jane Smith: Hello everyone.\nAhmed Khan: Thanks for coming.\n')).toBe('transcript-text');
  });
});

describe('whatsapp-chat messages', () => {
  test('a member saved only as a phone number: the number is stored nowhere, not as author, text or meta', async () => {
    const result = await read('chat.txt', fixture('android-uk'));
    expect(JSON.stringify(result.items)).not.toMatch(/7700|900123/);
    expect(recordsOf(result).find((record) => record.text.startsWith('Respite'))?.author).toBeNull();
  });

  test('a phone number Android wraps in direction marks (U+202A…U+202C) is never stored as the author', async () => {
    const text = [
      '31/05/2017, 07:30 - Iris: No cuela',
      '31/05/2017, 07:36 - \u202a+34 662 22 79 31\u202c: Si es a la 19 no puedo',
      '31/05/2017, 07:37 - \u202a+55\u00a048\u00a099663\u20110764\u202c: Otro día',
      '',
    ].join('\n');
    const records = recordsOf(await read('marks.txt', text));
    expect(records.map((record) => record.author)).toEqual(['Iris', null, null]);
    expect(JSON.stringify(records)).not.toMatch(/662|99663/);
  });

  test("a member mentioned by phone number (@447700900123, or an iPhone's @\u2068+44 7700 900123\u2069) is mentioned as @[phone]", async () => {
    const text = [
      '31/05/2017, 07:30 - Iris: @447700900123 can you bring the leaflets? 10 of them',
      '31/05/2017, 07:36 - Iris: Thanks @\u2068+44 7700 900456\u2069 and @\u2068Ahmed Khan\u2069',
      '',
    ].join('\n');
    const records = recordsOf(await read('mentions.txt', text));
    expect(records.map((record) => record.text)).toEqual([
      '@[phone] can you bring the leaflets? 10 of them',
      'Thanks @[phone] and @Ahmed Khan',
    ]);
  });

  test('a member saved as an e-mail address is no author', async () => {
    const records = recordsOf(await read('email.txt', '31/05/2017, 07:30 - jo@example.org: No cuela\n31/05/2017, 07:31 - Iris: Sí\n'));
    expect(records.map((record) => record.author)).toEqual([null, 'Iris']);
  });

  test('dates that never show the order are read day first, with one warning; the dateOrder option reads them month first', async () => {
    const text = '02/01/2024, 10:03 - Jane Smith: Hello\n03/01/2024, 11:00 - Ahmed Khan: Respite, please\n';
    const assumed = await read('a.txt', text);
    expect(recordsOf(assumed).map((record) => record.date)).toEqual(['2024-01-02T10:03:00.000Z', '2024-01-03T11:00:00.000Z']);
    expect(assumed.items.filter((item) => item.kind === 'warning').map((item) => item.kind === 'warning' && item.code)).toEqual([
      'DATE_ORDER_ASSUMED',
    ]);
    const monthFirst = await read('b.txt', text, { dateOrder: 'month-day-year' });
    expect(recordsOf(monthFirst).map((record) => record.date)).toEqual(['2024-02-01T10:03:00.000Z', '2024-03-01T11:00:00.000Z']);
    expect(monthFirst.items.some((item) => item.kind === 'warning')).toBe(false);
  });

  test('the same chat exported again later, with more messages, gives the earlier messages the same ids', async () => {
    const earlier = fixture('android-uk');
    const later = `${earlier}17/01/2024, 08:00 - Jane Smith: One more thing: transport\n`;
    const before = recordsOf(await read('c.txt', earlier)).map((record) => record.id);
    const after = recordsOf(await read('d.txt', later)).map((record) => record.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });

  test('read as a WhatsApp chat by name, a file with no messages is refused saying so', async () => {
    const result = await read('notes.txt', 'Some notes\nwith no chat lines\n', { format: 'whatsapp-chat' });
    expect(result.error).toContain('no WhatsApp messages');
  });
});

describe('whatsapp-chat: a line over the limit', () => {
  test('is rejected without an excerpt, so a phone number or a private message in it is never kept', async () => {
    const long = `15/01/2024, 10:05 - +44 7700 900123: ${'respite '.repeat(140_000)}`;
    const text = `15/01/2024, 10:04 - Jane Smith: Hello\n${long}\n15/01/2024, 10:06 - Mary Jones: Transport\n`;
    const result = await read('long.txt', text);
    const rejected = result.items.filter((item) => item.kind === 'rejected');
    expect(rejected.map((item) => item.kind === 'rejected' && item.code)).toEqual(['LINE_TOO_LONG']);
    expect(JSON.stringify(result.items)).not.toMatch(/7700|900123/);
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Hello', 'Transport']);
  });
});

/** Each item of a read as `line N record|filtered(rule: detail): author @ date: text`. */
function itemsOf(result: FileReadResult): string[] {
  return result.items.flatMap((item) => {
    if (item.kind === 'record') {
      const { record } = item;
      return [`${record.provenance.line} ${record.author ?? '-'} @ ${record.date ?? '-'}: ${record.text}`];
    }
    if (item.kind === 'filtered')
      return [`${item.provenance.line} filtered ${item.rule}${item.detail === undefined ? '' : `: ${item.detail}`}`];
    if (item.kind === 'rejected') return [`${item.provenance.line} rejected ${item.code}`];
    return [];
  });
}

describe('whatsapp-chat: layouts of other phones and languages', () => {
  test('a Spanish-style clock with spaced "p. m." is read as 12-hour time', async () => {
    const result = await read('chat.txt', '[23/06/18 1:55:00 p. m.] Ana: hola\n[23/06/18 9:05:00 a. m.] Luis: que tal\n');
    expect(itemsOf(result)).toEqual(['1 Ana @ 2018-06-23T13:55:00.000Z: hola', '2 Luis @ 2018-06-23T09:05:00.000Z: que tal']);
  });

  test("a Finnish phone's `klo` before the time, and an old iPhone's stamp without brackets ending in a colon, are read", async () => {
    const finnish = await read('chat.txt', '13.6.2018 klo 21.25 - Aino: moi\n14.6.2018 klo 9.05 - Eero: hei\n');
    expect(itemsOf(finnish)).toEqual(['1 Aino @ 2018-06-13T21:25:00.000Z: moi', '2 Eero @ 2018-06-14T09:05:00.000Z: hei']);
    const oldIphone = await read('chat.txt', '13.06.18 21.25.15: Anna: hallo\n13.06.18 21.26.15: Ben: ja\n');
    expect(itemsOf(oldIphone)).toEqual(['1 Anna @ 2018-06-13T21:25:15.000Z: hallo', '2 Ben @ 2018-06-13T21:26:15.000Z: ja']);
  });

  test('a date written year first with spaced dots (Hungarian) is read', async () => {
    const result = await read('chat.txt', '2018. 06. 13. 21:25 - Anna: szia\n2018. 06. 14. 8:05 - Bela: hello\n');
    expect(itemsOf(result)).toEqual(['1 Anna @ 2018-06-13T21:25:00.000Z: szia', '2 Bela @ 2018-06-14T08:05:00.000Z: hello']);
  });

  test("a German phone's placeholders and deleted messages are filtered, as the English ones are", async () => {
    const text = [
      '15.01.24, 10:03 - Anna: Hallo zusammen',
      '15.01.24, 10:04 - Ben: <Medien ausgeschlossen>',
      '15.01.24, 10:05 - Ben: Diese Nachricht wurde gelöscht',
      '15.01.24, 10:06 - Anna: Du hast diese Nachricht gelöscht.',
      '15.01.24, 10:07 - Ben: IMG-20240115-WA0001.jpg (Datei angehängt)',
      '15.01.24, 10:08 - Anna: Gut',
      '',
    ].join('\n');
    expect(itemsOf(await read('chat.txt', text))).toEqual([
      '1 Anna @ 2024-01-15T10:03:00.000Z: Hallo zusammen',
      '2 filtered not-feedback: media left out of the export',
      '3 filtered deleted',
      '4 filtered deleted',
      '5 filtered not-feedback: media attached to the export',
      '6 Anna @ 2024-01-15T10:08:00.000Z: Gut',
    ]);
  });
});

describe('whatsapp-chat: what stands in for words', () => {
  test("an iPhone's deleted message, marked with U+200E, is filtered deleted, not as a notice", async () => {
    const text =
      '[15/01/2024, 10:05:12] Ann: ok\n[15/01/2024, 10:07:12] Bob: \u200eThis message was deleted.\n[15/01/2024, 10:08:12] Ann: \u200eYou deleted this message.\n';
    expect(itemsOf(await read('chat.txt', text))).toEqual([
      '1 Ann @ 2024-01-15T10:05:12.000Z: ok',
      '2 filtered deleted',
      '3 filtered deleted',
    ]);
  });

  test('a file exported with the chat is filtered; its caption on the lines below is the message', async () => {
    const text = [
      '15/01/2024, 10:03 - Ann: hello',
      '15/01/2024, 10:04 - Bob: IMG-20240115-WA0001.jpg (file attached)',
      '15/01/2024, 10:05 - Bob: PTT-20240115-WA0002.opus (file attached)',
      '15/01/2024, 10:06 - Ann: IMG-20240115-WA0003.jpg (file attached)',
      'The bus stop with no shelter',
      '15/01/2024, 10:07 - Ann: <Media omitted>',
      'Minutes of the meeting.pdf',
      '15/01/2024, 10:08 - Bob: <Media omitted>',
      'Look at the queue outside the surgery',
      '',
    ].join('\n');
    expect(itemsOf(await read('chat.txt', text))).toEqual([
      '1 Ann @ 2024-01-15T10:03:00.000Z: hello',
      '2 filtered not-feedback: media attached to the export',
      '3 filtered not-feedback: media attached to the export',
      '4 Ann @ 2024-01-15T10:06:00.000Z: The bus stop with no shelter',
      '6 filtered not-feedback: media left out of the export',
      '8 Bob @ 2024-01-15T10:08:00.000Z: Look at the queue outside the surgery',
    ]);
  });

  test('a poll (its question and the votes for each option) is filtered, not stored as words', async () => {
    const text =
      '15/01/2024, 10:03 - Ann: hello\n15/01/2024, 10:04 - Ann: POLL:\nBest day for the meeting?\nOPTION: Monday (2 votes)\nOPTION: Tuesday (0 votes)\n\n15/01/2024, 10:05 - Bob: Monday please\n';
    expect(itemsOf(await read('chat.txt', text))).toEqual([
      '1 Ann @ 2024-01-15T10:03:00.000Z: hello',
      '2 filtered not-feedback: poll',
      '7 Bob @ 2024-01-15T10:05:00.000Z: Monday please',
    ]);
  });
});
