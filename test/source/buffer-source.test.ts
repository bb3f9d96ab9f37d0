import { describe, expect, test } from '@jest/globals';
import { bufferInputSource } from '../../src/source/buffer-source.js';

describe('bufferInputSource', () => {
  const source = bufferInputSource('mail.eml', 'Notes.TXT', Buffer.from('\ufeffone\r\ntwo\nthree\n', 'utf8'));

  test("gives the file name's extension, size and head as a file on disk does", () => {
    expect(source).toMatchObject({ path: 'mail.eml', extension: '.txt', hasBom: true, encoding: 'utf-8', headText: 'one\r\ntwo\nthree\n' });
    expect(source.size).toBe(Buffer.byteLength('\ufeffone\r\ntwo\nthree\n'));
  });

  test('reads lines with their numbers, and the bytes whole', async () => {
    const lines = [];
    for await (const line of source.lines()) lines.push(line);
    expect(lines).toEqual([
      { text: 'one', line: 1 },
      { text: 'two', line: 2 },
      { text: 'three', line: 3 },
    ]);
    expect((await source.readBytes()).length).toBe(source.size);
  });

  test('a line over the limit comes as an over-long line', async () => {
    const long = bufferInputSource('m.eml', 'a.txt', Buffer.from(`${'x'.repeat(50)}\nshort\n`));
    const lines = [];
    for await (const line of long.lines(10)) lines.push(line);
    expect(lines[0]).toMatchObject({ overlong: true, line: 1, chars: 50 });
    expect(lines[1]).toEqual({ text: 'short', line: 2 });
  });

  test('refuses a whole read over the limit asked for, naming the file', async () => {
    await expect(source.readBytes(4)).rejects.toThrow(/mail\.eml/);
  });
});
