import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { chunkLines, endsWithNewline, storeChunks } from '../../src/run/store-chunks.js';
import { withTempDir } from '../builders/temp-dir.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** The non-empty lines of a text and their 1-based numbers, as the store's line reader gives them. */
function readerLines(text: string): [number, string][] {
  const pieces = text.split(/\r\n|\n|\r/);
  if (pieces[pieces.length - 1] === '') pieces.pop();
  return pieces.flatMap((piece, index): [number, string][] => (piece === '' ? [] : [[index + 1, piece]]));
}

async function chunkedLines(file: string, chunkBytes: number): Promise<[number, string][]> {
  const found: [number, string][] = [];
  let first = 0;
  for await (const bytes of storeChunks(file, chunkBytes)) {
    const { spans, lines } = chunkLines(bytes);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let at = 0; at < spans.length; at += 3) {
      found.push([first + (spans[at] ?? 0) + 1, text.toString('utf8', spans[at + 1], spans[at + 2])]);
    }
    first += lines;
  }
  return found;
}

describe('reading records.jsonl in chunks of whole lines', () => {
  const text = '{"a":1}\n\n{"b":"ça va — 東京"}\r\n{"c":3}\r{"d":4}\r\r\n' + '{"long":"' + 'x'.repeat(300) + '"}\n{"e":5}\n';

  test('gives the lines and line numbers the line reader gives, whatever the chunk size', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'records.jsonl');
      writeFileSync(file, text);
      expect(await endsWithNewline(file)).toBe(true);
      for (const size of [1, 7, 64, 1024]) expect(await chunkedLines(file, size)).toEqual(readerLines(text));
    });
  });

  test('a torn last line is noticed, so that the line reader is used', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'records.jsonl');
      writeFileSync(file, '{"a":1}\n{"b"');
      expect(await endsWithNewline(file)).toBe(false);
      writeFileSync(file, '');
      expect(await endsWithNewline(file)).toBe(false);
    });
  });

  test('splits any chunk as the line reader does, with or without carriage returns (the newline-only fast path included)', () => {
    const newlinesOnly = fc.array(fc.constantFrom('a', '{"x":1}', 'é', '東', '\n', ''), { maxLength: 40 });
    const anyBreaks = fc.array(fc.constantFrom('a', '{"x":1}', 'é', '東', '\n', '\r', '\r\n', ''), { maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(newlinesOnly, anyBreaks), (pieces) => {
        const text = pieces.join('');
        const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
        const { spans, lines } = chunkLines(bytes);
        const found: [number, string][] = [];
        for (let at = 0; at < spans.length; at += 3) {
          found.push([(spans[at] ?? 0) + 1, Buffer.from(bytes).toString('utf8', spans[at + 1], spans[at + 2])]);
        }
        expect(found).toEqual(readerLines(text));
        expect(lines).toBe(text === '' ? 0 : text.split(/\r\n|\n|\r/).length - (/(\r\n|\n|\r)$/.test(text) ? 1 : 0));
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
