import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/errors.js';
import { isMboxSeparator, mboxMessages, type MboxEntry } from '../../../src/adapters/readers/mbox-messages.js';

async function* chunksOf(data: Buffer, size: number): AsyncIterable<Buffer> {
  for (let start = 0; start < data.length; start += size) yield data.subarray(start, start + size);
}

async function split(data: Buffer | string, options: { chunk?: number; max?: number } = {}): Promise<MboxEntry[]> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const entries: MboxEntry[] = [];
  for await (const entry of mboxMessages(chunksOf(bytes, options.chunk ?? 1024), {
    path: 'in.mbox',
    maxMessageBytes: options.max ?? 1_000_000,
  })) {
    entries.push(entry);
  }
  return entries;
}

function rawText(entry: MboxEntry | undefined): string {
  if (entry?.kind !== 'message') throw new Error(`expected a message, got ${JSON.stringify(entry)}`);
  return entry.raw.toString('latin1');
}

const TWO_MESSAGES = [
  'From alice@example.org  Wed Sep 22 05:05:28 2004',
  'From: Alice <alice@example.org>',
  'Subject: one',
  '',
  'From here on, the body says something.',
  '',
  'From bob Mon Jan  1 00:00:00 2001 looks like a separator but no header follows',
  'body line',
  '>From the old days',
  '>>From quoted',
  '',
  'From bob@example.org Thu Jan  6 16:26:35 2022',
  'Subject: two',
  '',
  'Second body',
  '',
].join('\n');

describe('isMboxSeparator', () => {
  test.each([
    ['From alice@example.org  Wed Sep 22 05:05:28 2004', true],
    ['From MAILER-DAEMON Fri Jul  8 12:08:34 2011', true],
    ['From - Tue Nov 17 08:11:30 2015', true],
    ['From 1234567890@xxx Sat Jan 01 00:00:00 +0000 2011', true],
    ['From here on, the body says something.', false],
    ['From Monday at 10:00 the centre opens', false],
    ['From: Alice <alice@example.org>', false],
    ['>From alice@example.org Wed Sep 22 05:05:28 2004', false],
  ])('%s -> %s', (line, expected) => {
    expect(isMboxSeparator(line)).toBe(expected);
  });
});

describe('mboxMessages splits a mailbox on raw bytes', () => {
  test('messages start at separator lines after a blank line that are followed by a header', async () => {
    const entries = await split(TWO_MESSAGES);
    expect(entries.map((entry) => [entry.kind, entry.index, entry.line])).toEqual([
      ['message', 1, 1],
      ['message', 2, 12],
    ]);
    const first = rawText(entries[0]);
    expect(first.startsWith('From: Alice')).toBe(true);
    expect(first).toContain('\nFrom here on, the body says something.\n');
    expect(first).toContain('\nFrom bob Mon Jan  1 00:00:00 2001 looks like a separator but no header follows\n');
    expect(rawText(entries[1])).toBe('Subject: two\n\nSecond body\n');
  });

  test('>From lines lose one > (mboxrd)', async () => {
    const first = rawText((await split(TWO_MESSAGES))[0]);
    expect(first).toContain('\nFrom the old days\n');
    expect(first).toContain('\n>From quoted\n');
  });

  test('the result does not depend on how the bytes are chunked', async () => {
    const whole = await split(TWO_MESSAGES);
    const byteByByte = await split(TWO_MESSAGES, { chunk: 1 });
    expect(byteByByte.map(rawText)).toEqual(whole.map(rawText));
  });

  test('8-bit bytes pass through unchanged', async () => {
    const data = Buffer.concat([
      Buffer.from('From a@b.c Wed Sep 22 05:05:28 2004\nSubject: x\n\nFr'),
      Buffer.from([0xf6]),
      Buffer.from('sche\n'),
    ]);
    const [entry] = await split(data);
    expect(entry?.kind === 'message' && entry.raw.includes(Buffer.from([0x46, 0x72, 0xf6]))).toBe(true);
  });

  test('CRLF mailboxes split the same way', async () => {
    const entries = await split(TWO_MESSAGES.replace(/\n/g, '\r\n'));
    expect(entries.map((entry) => entry.line)).toEqual([1, 12]);
    expect(rawText(entries[1])).toBe('Subject: two\r\n\r\nSecond body\r\n');
  });

  test('leading blank lines before the first separator are allowed', async () => {
    const entries = await split(`\n\n${TWO_MESSAGES}`);
    expect(entries.map((entry) => entry.line)).toEqual([3, 14]);
  });

  test('a message over the size limit is reported as too large and the next one is read', async () => {
    const big = ['From a@b.c Wed Sep 22 05:05:28 2004', 'Subject: big', '', 'x'.repeat(200_000), 'y'.repeat(100), ''].join('\n');
    const entries = await split(`${big}\n${TWO_MESSAGES}`, { max: 50_000, chunk: 4096 });
    expect(entries[0]).toEqual({ kind: 'too-large', index: 1, line: 1, bytes: 200_000 + 100 + 'Subject: big\n\n'.length + 3 });
    expect(entries.slice(1).map((entry) => entry.kind)).toEqual(['message', 'message']);
  });

  test('a line longer than the read buffer is kept whole', async () => {
    const long = 'z'.repeat(300_000);
    const [entry] = await split(`From a@b.c Wed Sep 22 05:05:28 2004\nSubject: x\n\n${long}\n`, { chunk: 10_000 });
    expect(rawText(entry)).toBe(`Subject: x\n\n${long}\n`);
  });

  test('a file that does not start with a separator line is refused with its position', async () => {
    await expect(split('Subject: not an mbox\n\nbody\n')).rejects.toThrow(InputError);
    await expect(split('\nSubject: not an mbox\n')).rejects.toThrow('in.mbox:2:1: not an mbox file');
  });

  test('an empty file has no messages', async () => {
    expect(await split('')).toEqual([]);
  });
});
