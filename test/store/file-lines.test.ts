import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileLines, type FileLine } from '../../src/store/file-lines.js';
import { withTempDir } from '../builders/temp-dir.js';
import { propertyRuns } from '../helpers/property-runs.js';

async function collect(lines: AsyncIterable<FileLine>): Promise<FileLine[]> {
  const result: FileLine[] = [];
  for await (const line of lines) result.push(line);
  return result;
}

/** What the store read before: node:readline, numbered, empty lines skipped. */
async function byReadline(path: string): Promise<FileLine[]> {
  const result: FileLine[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    line += 1;
    if (text !== '') result.push({ text, line });
  }
  return result;
}

const PIECES = ['{"id":"a"}', 'carer', '\n', '\r\n', '\r', '\n\n', 'é', '😀', 'ﬁ', ' ', '\uFEFF', '\r\r\n'];

const content = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
      ),
      {
        maxLength: 40,
      },
    ),
    fc.nat({ max: 70_000 }),
  )
  .map(([pieces, padding]) => `${'x'.repeat(padding)}${pieces.join('')}`);

describe('readFileLines', () => {
  test('gives the lines node:readline gives, numbered alike, across 64 KiB reads and split characters', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'lines.jsonl');
      await fc.assert(
        fc.asyncProperty(content, async (text) => {
          await writeFile(path, text, 'utf8');
          expect(await collect(readFileLines(path))).toEqual(await byReadline(path));
        }),
        { numRuns: propertyRuns(60) },
      );
    });
  });

  test('reads long lines that span several reads, with a multi-byte character across each boundary', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'long.jsonl');
      const long = `${'é'.repeat(40_000)}😀${'a'.repeat(65_535)}`;
      await writeFile(path, `${long}\nshort\r\n${long}`, 'utf8');
      expect(await collect(readFileLines(path))).toEqual(await byReadline(path));
    });
  });

  test('has no lines when the file is not there', async () => {
    await withTempDir(async (dir) => {
      expect(await collect(readFileLines(join(dir, 'absent.jsonl')))).toEqual([]);
    });
  });
});
