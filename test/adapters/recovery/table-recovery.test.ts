import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../../helpers/property-runs.js';
import { looksBinary } from '../../../src/source/input-source.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

const SEED = 20261129;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('tables: mixed line endings', () => {
  const row = fc.tuple(
    fc.stringMatching(/^[a-z0-9]{1,6}$/),
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', 'é'), minLength: 1, maxLength: 20 }),
  );

  test('whatever ending each row has, the rows read are those of the same table with LF only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(row, fc.boolean()), { minLength: 1, maxLength: 15 }), async (rows) => {
        const body = (ending: (crlf: boolean) => string): string =>
          ['id,text', ...rows.map(([[id, text]]) => `${id},${csvField(`w ${text}`)}`)]
            .map((line, index) => `${line}${ending(rows[index - 1]?.[1] ?? true)}`)
            .join('');
        const mixed = await readTempInput(
          'mixed.csv',
          body((crlf) => (crlf ? '\r\n' : '\n')),
          { format: 'csv' },
        );
        const plain = await readTempInput(
          'mixed.csv',
          body(() => '\n'),
          { format: 'csv' },
        );
        expect(mixed.error).toBeNull();
        expect(recordsOf(mixed).map((record) => record.text)).toEqual(recordsOf(plain).map((record) => record.text));
        expect(countItems(mixed)).toEqual(countItems(plain));
      }),
      { seed: SEED, numRuns: propertyRuns(60) },
    );
  });
});

describe('tables: NUL bytes', () => {
  test('a few NUL bytes reject their row, not the file', async () => {
    const result = await readTempInput('nul.csv', Buffer.from('id,text\n1,fine words here\n2,bad \u0000 row\n3,more words here\n'));
    expect(countItems(result)).toEqual({ record: 2, 'rejected:NUL_BYTES': 1 });
  });

  test('a file that is mostly control bytes is still binary', () => {
    const noise = Buffer.alloc(4096);
    for (let index = 0; index < noise.length; index += 1) noise[index] = (index * 7919) % 256;
    expect(looksBinary({ headBytes: noise, encoding: 'utf-8' })).toBe(true);
    expect(looksBinary({ headBytes: Buffer.from('id,text\n1,a\u0000b\n'), encoding: 'utf-8' })).toBe(false);
  });
});

describe('tables: any column name', () => {
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a column named %s is an ordinary column',
    async (name) => {
      const result = await readTempInput('proto.csv', `id,${name}\n1,The staff were kind to my father.\n2,More buses please on Sunday.\n`, {
        format: 'csv',
        map: { text: name },
      });
      expect(result.error).toBeNull();
      expect(recordsOf(result).map((record) => record.text)).toEqual(['The staff were kind to my father.', 'More buses please on Sunday.']);
    },
  );

  test('a JSON key named __proto__ can be mapped like any other', async () => {
    const result = await readTempInput('records.jsonl', '{"id":"1","text":"hello there","__proto__":"Ann"}\n', {
      map: { author: '__proto__' },
    });
    expect(result.error).toBeNull();
    expect(recordsOf(result)[0]?.author).toBe('Ann');
  });
});

describe('tables: the delimiter and the format are found by content whatever the extension', () => {
  test('a semicolon table named .csv.txt is a table', async () => {
    const table =
      'Date;Comment;Area\n2021-01-01;The lunch club is wonderful;North\n2021-01-02;Please fix the ramp;South\n2021-01-03;More staff at weekends;East\n';
    const result = await readTempInput('export.csv.txt', table);
    expect(result.format).toBe('csv');
    expect(recordsOf(result)).toHaveLength(3);
  });

  test('plain notes named .txt stay event notes', async () => {
    const result = await readTempInput('notes.txt', 'We met at the library.\nPeople asked for later buses.\n');
    expect(result.format).toBe('event-notes');
  });
});
