import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  parseTableRecords,
  parseTableRecordsWithCsvParse,
  scanWellFormedRecords,
  type TableRecordOptions,
} from '../../../src/adapters/readers/table-records.js';
import { propertyRuns } from '../../helpers/property-runs.js';

const RUNS = propertyRuns(120);
const SEED = 20261129;

interface Outcome {
  records: { cells: string[]; lines: number }[];
  errorCode: string | null;
}

/** Cuts text into chunks at the given fractions of its length, never inside a surrogate pair (as a decoder never does). */
async function* chunked(text: string, cuts: readonly number[]): AsyncIterable<string> {
  let start = 0;
  const offsets = cuts
    .map((fraction) => Math.floor(fraction * text.length))
    .map((cut) => (/[\udc00-\udfff]/.test(text.charAt(cut)) ? cut + 1 : cut));
  for (const cut of [...new Set(offsets)].sort((a, b) => a - b)) {
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

async function outcomeOf(records: AsyncIterable<{ cells: string[]; lines: number }>): Promise<Outcome> {
  const outcome: Outcome = { records: [], errorCode: null };
  try {
    for await (const record of records) outcome.records.push({ cells: record.cells, lines: record.lines });
  } catch (error) {
    outcome.errorCode = (error as { code?: string }).code ?? String(error);
  }
  return outcome;
}

async function expectSameAsCsvParse(text: string, cuts: readonly number[], options: TableRecordOptions): Promise<void> {
  const general = await outcomeOf(parseTableRecordsWithCsvParse(chunked(text, cuts), options));
  const fast = await outcomeOf(parseTableRecords(chunked(text, cuts), options));
  expect(fast).toEqual(general);
}

const plainText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '😀', '\u00a0', ';', '|', '\t', ','), maxLength: 6 });
const quotedText = fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '|', '"', '\n', '\r\n', '\r', ' ', 'ü'), maxLength: 8 });

function field(delimiter: string): fc.Arbitrary<string> {
  return fc.oneof(
    plainText.map((text) => text.split(delimiter).join('')),
    quotedText.map((text) => `"${text.replace(/"/g, '""')}"`),
  );
}

function wellFormedTable(delimiter: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.tuple(fc.array(field(delimiter), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n')), {
        maxLength: 8,
      }),
      fc.boolean(),
    )
    .map(([rows, trailing]) => {
      const text = rows.map(([cells, end]) => cells.join(delimiter) + end).join('');
      return trailing ? text : text.replace(/(\r?\n)+$/, '');
    });
}

const CORRUPTIONS = ['"', '""', '\r', '\n', '\r\n', '\u0000', ' ', 'x', ',', ';', '\t', '\ufeff', '" ', ' "'];

function corrupted(table: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      table,
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...CORRUPTIONS)), { minLength: 1, maxLength: 3 }),
    )
    .map(([text, edits]) =>
      edits.reduce((result, [where, piece]) => {
        const at = Math.floor(where * result.length);
        return result.slice(0, at) + piece + result.slice(at);
      }, text),
    );
}

const delimiters = fc.constantFrom(',', ';', '\t', '|');
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
const limits = fc.constantFrom(1024 * 1024, 0, 12, 40, 100);

describe('parseTableRecords gives what csv-parse gives', () => {
  test('on well-formed tables, cut into chunks anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        delimiters.chain((delimiter) => fc.tuple(fc.constant(delimiter), wellFormedTable(delimiter), cuts, limits)),
        async ([delimiter, text, where, maxRecordBytes]) => {
          await expectSameAsCsvParse(text, where, { delimiter, maxRecordBytes, recordDelimiters: ['\r\n', '\n'] });
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('on corrupted tables (stray quotes, lone CRs, NULs, quotes inside fields)', async () => {
    await fc.assert(
      fc.asyncProperty(
        delimiters.chain((delimiter) => fc.tuple(fc.constant(delimiter), corrupted(wellFormedTable(delimiter)), cuts, limits)),
        async ([delimiter, text, where, maxRecordBytes]) => {
          await expectSameAsCsvParse(text, where, { delimiter, maxRecordBytes, recordDelimiters: ['\r\n', '\n'] });
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('on arbitrary text made of the characters that matter', async () => {
    const piece = fc.constantFrom('a', ',', '"', '""', '\n', '\r\n', '\r', ' ', '\u0000', ';', 'é');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), cuts, limits, async (pieces, where, maxRecordBytes) => {
        await expectSameAsCsvParse(pieces.join(''), where, { delimiter: ',', maxRecordBytes, recordDelimiters: ['\r\n', '\n'] });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('on the cases that decide the hand-over', async () => {
    const options = { delimiter: ',', maxRecordBytes: 1024 * 1024, recordDelimiters: ['\r\n', '\n'] };
    for (const text of [
      '',
      'a',
      'a,',
      '""',
      '""\n',
      'a\n""\nb\n',
      ' \n',
      '\n\n\r\na,b\n',
      'a,"b\r\nc"\r\n1,2',
      'a,"b""c"\n',
      'a,"b" \n',
      'a,b"c\n',
      '"a\n',
      'a\rb\n',
      'a,b\r',
      'a,"b"\r',
      'x\u0000y,z\n',
    ]) {
      await expectSameAsCsvParse(text, [], options);
      await expectSameAsCsvParse(text, [0.5], options);
    }
  });
});

describe('scanWellFormedRecords', () => {
  test('reads a clean chunk by hand and stops where csv-parse must take over', () => {
    const scanned = scanWellFormedRecords('a,"b\nc"\r\n\n1,2\nx,y"z\n3,4\n', true, ',', 1024 * 1024);
    expect(scanned.records).toEqual([
      { cells: ['a', 'b\nc'], lines: 2 },
      { cells: ['1', '2'], lines: 4 },
    ]);
    expect(scanned).toMatchObject({ end: 14, lines: 4, doubtful: true });
  });

  test('leaves a record the chunk ends inside for the next chunk', () => {
    expect(scanWellFormedRecords('a,b\n"c\n', false, ',', 1024 * 1024)).toMatchObject({ end: 4, lines: 1, doubtful: false });
  });
});
