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
