import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-zoom-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function read(name: string, text: string, options: { format?: string } = {}): Promise<FileReadResult> {
  const path = join(folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return readFileItems(path, { displayPath: name, ...options });
}

function detected(name: string, text: string): string | undefined {
  const bytes = Buffer.from(text);
  return detectFormat(ADAPTERS, { path: name, extension: '.txt', headText: text, headBytes: bytes })?.adapter.name;
}

const SAVED_CHAT = readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/zoom-chat/saved-chat/input.txt'), 'utf8');

describe('zoom-chat detection', () => {
  test.each(['saved-chat', 'older-one-line', 'recording-chat'])('the %s layout is a Zoom chat', (layout) => {
    const text = readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/zoom-chat', layout, 'input.txt'), 'utf8');
    expect(detected('meeting_saved_chat.txt', text)).toBe('zoom-chat');
  });

  test('a speaker transcript and event notes stay what they are', () => {
    expect(detected('t.txt', 'Jane Smith: Hello everyone.\nAhmed Khan: Thanks for coming.\nJane Smith: First item.\n')).toBe(
      'transcript-text',
    );
    expect(detected('n.txt', '# Workshop\n\n- More respite at 10:00:00 on Saturdays\n- Transport\n')).toBe('event-notes');
  });
});

describe('zoom-chat messages', () => {
  test("a private message's words are never stored: no record, no excerpt, no meta holds them", async () => {
    const result = await read('chat.txt', SAVED_CHAT);
    expect(JSON.stringify(result.items)).not.toContain('07700');
    expect(JSON.stringify(result.items)).not.toContain('email you after');
  });

  test("the day in the path of Zoom's meeting folder dates each message; without one the date is null", async () => {
    const dated = recordsOf(await read('Zoom/2024-01-15 10.00.00 TLAP panel/meeting_saved_chat.txt', SAVED_CHAT));
    expect(dated[0]?.date).toBe('2024-01-15T10:01:00.000Z');
    expect(recordsOf(await read('chat.txt', SAVED_CHAT))[0]?.date).toBeNull();
  });

  test('the same words at another time are their own record; the same chat read twice gives the same ids', async () => {
    const text = '10:01:00 From  Jane Smith  to  Everyone:\n\tThank you\n10:30:00 From  Jane Smith  to  Everyone:\n\tThank you\n';
    const first = recordsOf(await read('a.txt', text)).map((record) => record.id);
    expect(new Set(first).size).toBe(2);
    expect(recordsOf(await read('b.txt', text)).map((record) => record.id)).toEqual(first);
  });

  test('a display name that is an e-mail address is no author; a name with one keeps the name', async () => {
    const text = [
      '10:01:00 From  jo.bloggs@example.org  to  Everyone:',
      '\tThe buses are late every morning',
      '10:02:00 From  Ann Lee <ann@example.org>  to  Everyone:',
      '\tParking near the school',
      '',
    ].join('\n');
    const records = recordsOf(await read('emails.txt', text));
    expect(records.map((record) => record.author)).toEqual([null, 'Ann Lee']);
    expect(JSON.stringify(records)).not.toContain('example.org');
  });

  test('a reply whose quotation matches no earlier message keeps its words and has no inReplyTo', async () => {
    const text =
      '10:01:00 From  Jane Smith  to  Everyone:\n\tHello\n10:02:00 From  Ahmed Khan  to  Everyone:\n\tReplying to "Something said before I joi..." Yes, agreed\n';
    expect(recordsOf(await read('r.txt', text)).map(({ text: words, inReplyTo }) => [words, inReplyTo])).toEqual([
      ['Hello', null],
      ['Yes, agreed', null],
    ]);
  });

  test('read as a Zoom chat by name, a file with no messages is refused saying so', async () => {
    const result = await read('notes.txt', 'Just some notes\nwithout any chat lines\n', { format: 'zoom-chat' });
    expect(result.error).toContain('no Zoom chat messages');
  });
});

describe('zoom-chat: a line over the limit', () => {
  test('is rejected without an excerpt, so the words of a private message are never kept', async () => {
    const opening = '10:01:00 From  Jane Smith  to  Everyone:\n\tHello\n10:02:00 From  Mary Jones  to  Everyone:\n\tTransport\n';
    const text = `${opening}10:03:00 From  Ahmed Khan  to  Jane Smith(Direct Message):\n\tsecret ${'words '.repeat(200_000)}\n`;
    const result = await read('long.txt', text);
    expect(result.items.filter((item) => item.kind === 'rejected').map((item) => item.kind === 'rejected' && item.code)).toEqual([
      'LINE_TOO_LONG',
    ]);
    expect(JSON.stringify(result.items)).not.toContain('secret');
  });
});

describe('zoom-chat: the one-line layout with its recipient', () => {
  test('`10:01:00 From  Jane  to  Everyone: words` on one line is a Zoom chat; a direct message in it is never stored', async () => {
    const text = [
      '09:00:18 From  Mikhail Kalinin  to  Everyone: starting in 3 minutes',
      '09:06:20 From  Mikhail Kalinin  to  Everyone: agenda: buses, then trains',
      '09:11:11 From  Tim Bell  to  Everyone: Yeah, this was great!',
      '09:12:00 From  Tim Bell  to  Micah Zed(Direct Message): my number is 07700 900123',
      '',
    ].join('\n');
    expect(detected('meeting_saved_chat.txt', text)).toBe('zoom-chat');
    const result = await read('meeting_saved_chat.txt', text);
    expect(recordsOf(result).map((record) => `${record.author ?? '-'}: ${record.text}`)).toEqual([
      'Mikhail Kalinin: starting in 3 minutes',
      'Mikhail Kalinin: agenda: buses, then trains',
      'Tim Bell: Yeah, this was great!',
    ]);
    expect(result.items.filter((item) => item.kind === 'filtered').map((item) => item.kind === 'filtered' && item.detail)).toEqual([
      'private message',
    ]);
    expect(JSON.stringify(result.items)).not.toContain('07700');
  });
});
