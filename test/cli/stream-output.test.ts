import { Writable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { writeChunks } from '../../src/cli/stream-output.js';

/** A reader that takes a millisecond per chunk, and records how much was ever waiting for it. */
function slowReader(highWaterMark: number): { stream: Writable; written: string[]; mostBuffered: () => number } {
  const written: string[] = [];
  let most = 0;
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      written.push(chunk);
      setTimeout(callback, 1);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const ok = write(chunk);
    most = Math.max(most, stream.writableLength);
    return ok;
  }) as Writable['write'];
  return { stream, written, mostBuffered: () => most };
}

async function* chunks(count: number, size: number): AsyncIterable<string> {
  for (let index = 0; index < count; index += 1) yield String(index % 10).repeat(size);
}

describe('writing a report to a stream', () => {
  test('every chunk arrives in order, and no more than one chunk past the buffer ever waits', async () => {
    const reader = slowReader(1024);
    await writeChunks(reader.stream, chunks(200, 500));
    await new Promise((resolve) => reader.stream.end(resolve));
    expect(reader.written).toHaveLength(200);
    expect(reader.written.join('')).toBe((await collect(chunks(200, 500))).join(''));
    expect(reader.mostBuffered()).toBeLessThanOrEqual(1024 + 500);
  });

  test("the stream's error ends the write", async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    broken.on('error', () => undefined);
    await expect(writeChunks(broken, chunks(10, 10))).rejects.toThrow('EPIPE');
  });
});

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}
