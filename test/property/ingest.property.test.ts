import { makeRecordId } from '../../src/record/record-id.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ingest } from '../../src/ingest/ingest.js';
import { CHANNELS, type FeedbackRecord } from '../../src/record/record.js';
import { parseRecordLine, serialiseRecord } from '../../src/store/record-store.js';
import { propertyRuns } from '../helpers/property-runs.js';

const SEED = 20140131;

/** A cell of a generated table: words, quotes, commas, line breaks, blanks. */
const cell = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', 'é', '’', ';', '\r\n'), maxLength: 30 }),
  fc.string({ maxLength: 20 }),
);

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV table with id and text columns, where some lines are deliberately broken. */
const csvTable = fc
  .array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: '' }), cell)
          .map(([id, text]) => `${csvField(id)},${csvField(text)}`),
      },
      { weight: 1, arbitrary: fc.tuple(cell, cell, cell).map((cells) => cells.map(csvField).join(',')) },
      { weight: 1, arbitrary: cell.map((text) => `x,"${text.replace(/"/g, '')}`) },
    ),
    { maxLength: 25 },
  )
  .map((rows) => ['id,text', ...rows].join('\n'));

/** JSON Lines where some lines are not JSON or not objects. */
const jsonLines = fc
  .array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ id: fc.string({ maxLength: 5 }), text: fc.string({ maxLength: 30 }) }).map((value) => JSON.stringify(value)),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).filter((line) => !line.includes('\n') && !line.includes('\r')) },
      { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    ),
    { maxLength: 25 },
  )
  .map((lines) => lines.join('\n'));

async function withStore<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tlap-property-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('ingest properties (generated inputs, fixed seed)', () => {
  test.each([
    ['a CSV table', csvTable, 'input.csv'],
    ['JSON Lines', jsonLines, 'input.jsonl'],
  ] as const)(
    '%s: every item read is counted once, and ingesting again adds nothing and changes nothing',
    async (_name, input, fileName) => {
      await fc.assert(
        fc.asyncProperty(input, async (content) =>
          withStore(async (dir) => {
            const file = join(dir, fileName);
            await writeFile(file, content);
            const store = join(dir, 'store');
            const first = await ingest({ paths: [file], storeDir: store, cwd: dir });
            expect(first.read).toBe(first.added + first.duplicates + first.filtered + first.rejected);
            const records = await readFile(join(store, 'records.jsonl'), 'utf8');
            const second = await ingest({ paths: [file], storeDir: store, cwd: dir });
            expect(second.read).toBe(first.read);
            expect(second.added).toBe(0);
            expect(second.duplicates).toBe(first.added + first.duplicates);
            expect(await readFile(join(store, 'records.jsonl'), 'utf8')).toBe(records);
          }),
        ),
        { seed: SEED, numRuns: propertyRuns(20) },
      );
    },
  );

  test('a record survives the JSONL round trip exactly, whatever its text', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const nullable = fc.option(fc.string({ maxLength: 20 }), { nil: null });
    const record: fc.Arbitrary<FeedbackRecord> = fc
      .record({
        id: fc.constant(''),
        sourceId: fc.string({ minLength: 1, maxLength: 20 }),
        channel: fc.constantFrom(...CHANNELS),
        format: fc.constantFrom('csv', 'json'),
        author: nullable,
        date: fc.option(
          fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') }).map((date) => date.toISOString()),
          { nil: null },
        ),
        text: fc.oneof(text, fc.string({ maxLength: 40 }), fc.constant('line\u2028separator\u0000nul')),
        url: nullable,
        inReplyTo: nullable,
        meta: fc.dictionary(
          fc.string({ maxLength: 8 }),
          fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as never),
        ),
        provenance: fc.record({ file: fc.string({ minLength: 1, maxLength: 20 }), line: fc.integer({ min: 1, max: 1e6 }) }),
      })
      .map((value) => ({ ...value, id: makeRecordId(value.channel, value.sourceId) }));
    fc.assert(
      fc.property(record, (value) => {
        const line = serialiseRecord(value);
        expect(line.includes('\n')).toBe(false);
        expect(parseRecordLine(line, 'records.jsonl', 1)).toEqual(value);
      }),
      { seed: SEED, numRuns: propertyRuns(100) },
    );
  });
});
