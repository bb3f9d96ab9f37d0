import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../src/store/atomic-write.js';

/** Rows of about 600 characters, so that a few thousand of them fill several 256 KiB write batches. */
async function* rows(count: number): AsyncIterable<string> {
  yield 'id,text\n';
  for (let index = 1; index <= count; index += 1) yield `${index},${`carer ${index} needs respite – “now”. `.repeat(16)}\n`;
}

async function* failingAfter(count: number): AsyncIterable<string> {
  yield* rows(count);
  throw new Error('store damaged');
}

describe('writeFileAtomically', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every chunk in order, across many batches', async () => {
    const expected: string[] = [];
    for await (const chunk of rows(2_500)) expected.push(chunk);
    await writeFileAtomically(join(dir, 'coded.csv'), rows(2_500));
    expect(await readFile(join(dir, 'coded.csv'), 'utf8')).toBe(expected.join(''));
    expect(await readdir(dir)).toEqual(['coded.csv']);
  });

  it('writes a file with a single small chunk', async () => {
    await writeFileAtomically(join(dir, 'small.csv'), rows(0));
    expect(await readFile(join(dir, 'small.csv'), 'utf8')).toBe('id,text\n');
  });

  it('writes chunks of bytes as they are, in order with the text around them', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    async function* mixed(): AsyncIterable<string | Uint8Array> {
      yield 'before,';
      yield bytes;
      yield ',after';
    }
    await writeFileAtomically(join(dir, 'mixed.bin'), mixed());
    expect(await readFile(join(dir, 'mixed.bin'))).toEqual(Buffer.concat([Buffer.from('before,'), bytes, Buffer.from(',after')]));
  });

  it('leaves the old file and no temporary file when the chunks fail', async () => {
    await writeFile(join(dir, 'coded.csv'), 'old report\n');
    await expect(writeFileAtomically(join(dir, 'coded.csv'), failingAfter(2_500))).rejects.toThrow('store damaged');
    expect(await readFile(join(dir, 'coded.csv'), 'utf8')).toBe('old report\n');
    expect(await readdir(dir)).toEqual(['coded.csv']);
  });
});
