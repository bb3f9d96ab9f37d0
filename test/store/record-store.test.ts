import { spawnSync } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { RecordStore, readStoreRecords, storePaths, type RejectedEntry } from '../../src/store/record-store.js';
import { StoreError } from '../../src/errors.js';
import { ExitCode } from '../../src/exit-codes.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

async function readAll(dir: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(dir)) records.push(record);
  return records;
}

async function lines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '');
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

/** A PID that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['--version']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

const rejection = (line: number): RejectedEntry => ({
  code: 'CSV_QUOTE_NOT_CLOSED',
  message: 'a quoted field is not closed',
  provenance: { file: 'survey.csv', line },
  excerpt: `"broken row ${line}`,
});

describe('RecordStore', () => {
  test('records appended are read back in order, one JSON line each, id first', async () => {
    await withTempDir(async (dir) => {
      const records = [
        makeRecord({ text: 'First', author: 'Asha', date: '2014-01-20T00:00:00.000Z', meta: { question: 'Q1' } }),
        makeRecord({ text: 'Second\nwith a new line', channel: 'email', url: 'https://example.org/2' }),
        makeRecord({ text: 'Third "quoted" \u00e9', inReplyTo: 's1' }),
      ];
      await writeStore(dir, records);
      expect(await readAll(dir)).toEqual(records);
      const stored = await lines(storePaths(dir).records);
      expect(stored).toHaveLength(records.length);
      stored.forEach((line, index) => expect(line.startsWith(`{"id":"${records[index]?.id ?? ''}",`)).toBe(true));
    });
  });

  test('a record noted again from its own file is one sighting, whatever the shape of its id', async () => {
    await withTempDir(async (dir) => {
      const hexId = makeRecord({ text: 'Hex id' });
      const handMade: FeedbackRecord = { ...makeRecord({ text: 'Hand-made id' }), id: 'hand-made-1' };
      const store = await RecordStore.open(dir);
      try {
        for (const record of [hexId, handMade]) {
          await store.add(record);
          store.noteSource(record.id, record.provenance.file, record.format);
        }
      } finally {
        await store.close();
      }
      const sightings = (await lines(storePaths(dir).sources)).map((line) => (JSON.parse(line) as { id: string }).id);
      expect(sightings).toEqual([hexId.id, 'hand-made-1']);
    });
  });

  test('each sighting is the JSON line of its id, file and format, in the order seen, across files, formats and a full batch', async () => {
    await withTempDir(async (dir) => {
      const files = ['plain.csv', 'a "quoted" \\ name.csv', 'naïve\u2028línea\u0001.json'];
      const formats = ['csv', 'twitter-api-v2'];
      const expected: string[] = [];
      const store = await RecordStore.open(dir);
      try {
        for (let index = 0; index < 60; index += 1) {
          const file = files[index % files.length] ?? 'plain.csv';
          const format = formats[Math.floor(index / 7) % formats.length] ?? 'csv';
          const record = makeRecord({ text: `Record ${index}`, format, provenance: { file, line: index + 1 } });
          await store.add(record);
          expected.push(JSON.stringify({ id: record.id, file, format }));
          const elsewhere = files[(index + 1) % files.length] ?? 'plain.csv';
          store.noteSource(record.id, elsewhere, format);
          expected.push(JSON.stringify({ id: record.id, file: elsewhere, format }));
        }
        for (let index = 0; index < 6000; index += 1) {
          const id = `hand-made-${index}`;
          store.noteSource(id, files[1] ?? 'plain.csv', 'csv');
          expected.push(JSON.stringify({ id, file: files[1], format: 'csv' }));
        }
        await store.add(makeRecord({ text: 'After the sightings', provenance: { file: 'plain.csv' } }));
      } finally {
        await store.close();
      }
      const written = await lines(storePaths(dir).sources);
      expect(written.slice(0, expected.length)).toEqual(expected);
      expect(written).toHaveLength(expected.length + 1);
    });
  });

  test('re-opening knows the stored ids', async () => {
    await withTempDir(async (dir) => {
      const records = [makeRecord(), makeRecord()];
      await writeStore(dir, records);
      const store = await RecordStore.open(dir);
      try {
        expect(store.size).toBe(2);
        for (const record of records) expect(store.has(record.id)).toBe(true);
        expect(store.has(makeRecord().id)).toBe(false);
        expect(store.repairedLines).toBe(0);
      } finally {
        await store.close();
      }
    });
  });

  test('close releases the lock', async () => {
    await withTempDir(async (dir) => {
      const store = await RecordStore.open(dir);
      expect(existsSync(storePaths(dir).lock)).toBe(true);
      await store.close();
      expect(existsSync(storePaths(dir).lock)).toBe(false);
    });
  });
});

describe('a torn last line (a write interrupted by a crash)', () => {
  const tornTail = '{"id":"0123456789abcdef0123","sourceId":"s9","chan';

  test('readStoreRecords skips it', async () => {
    await withTempDir(async (dir) => {
      const records = [makeRecord(), makeRecord()];
      await writeStore(dir, records);
      await appendFile(storePaths(dir).records, tornTail);
      expect(await readAll(dir)).toEqual(records);
    });
  });

  test('the next open cuts it off and records it in rejected.jsonl as STORE_TORN_LINE at once', async () => {
    await withTempDir(async (dir) => {
      const records = [makeRecord(), makeRecord()];
      await writeStore(dir, records);
      const paths = storePaths(dir);
      const whole = await readFile(paths.records, 'utf8');
      await appendFile(paths.records, tornTail);
      const store = await RecordStore.open(dir);
      try {
        expect(store.repairedLines).toBe(1);
        expect(store.size).toBe(2);
        expect(await readFile(paths.records, 'utf8')).toBe(whole);
        const rejected = (await lines(paths.rejected)).map((line) => JSON.parse(line) as RejectedEntry);
        expect(rejected).toEqual([
          {
            code: 'STORE_TORN_LINE',
            message: 'unterminated last line left by an interrupted write; removed from records.jsonl',
            provenance: { file: paths.records },
            excerpt: tornTail,
          },
        ]);
      } finally {
        await store.close();
      }
      const reopened = await RecordStore.open(dir);
      expect(reopened.repairedLines).toBe(0);
      await reopened.close();
      expect(await lines(paths.rejected)).toHaveLength(1);
    });
  });

  test('a store that is only a torn line is emptied', async () => {
    await withTempDir(async (dir) => {
      await writeFile(storePaths(dir).records, tornTail);
      const store = await RecordStore.open(dir);
      await store.close();
      expect(await readFile(storePaths(dir).records, 'utf8')).toBe('');
      expect(store.repairedLines).toBe(1);
    });
  });
});

describe('the store lock', () => {
  test('a lock held by a live process is refused, naming the lock file and the PID (StoreError, exit 2)', async () => {
    await withTempDir(async (dir) => {
      const paths = storePaths(dir);
      await writeStore(dir, [makeRecord()]);
      const holder = `${JSON.stringify({ pid: process.ppid })}\n`;
      await writeFile(paths.lock, holder);
      const error = await failureOf(RecordStore.open(dir));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).exitCode).toBe(ExitCode.CouldNotRun);
      expect((error as StoreError).code).toBe('STORE_LOCKED');
      expect((error as StoreError).message).toContain(paths.lock);
      expect((error as StoreError).message).toContain(`PID ${process.ppid}`);
      expect(await readFile(paths.lock, 'utf8')).toBe(holder);
    });
  });

  test('a stale lock (its process is gone) is taken over', async () => {
    await withTempDir(async (dir) => {
      const paths = storePaths(dir);
      await writeFile(paths.lock, `${JSON.stringify({ pid: deadPid() })}\n`);
      const store = await RecordStore.open(dir);
      expect(JSON.parse(await readFile(paths.lock, 'utf8'))).toMatchObject({ pid: process.pid });
      await store.add(makeRecord());
      await store.close();
      expect(existsSync(paths.lock)).toBe(false);
      expect(await readAll(dir)).toHaveLength(1);
    });
  });

  test('an unreadable lock file (no PID in it) is taken over', async () => {
    await withTempDir(async (dir) => {
      await writeFile(storePaths(dir).lock, 'garbage');
      const store = await RecordStore.open(dir);
      await store.close();
      expect(existsSync(storePaths(dir).lock)).toBe(false);
    });
  });
});

describe('rejected.jsonl', () => {
  test('the same rejection is written once across runs; a different one is added', async () => {
    await withTempDir(async (dir) => {
      const first = await RecordStore.open(dir);
      expect(first.reject(rejection(3))).toBe(true);
      expect(first.reject(rejection(3))).toBe(false);
      await first.close();
      const second = await RecordStore.open(dir);
      expect(second.reject(rejection(3))).toBe(false);
      expect(second.reject(rejection(7))).toBe(true);
      await second.close();
      const stored = (await lines(storePaths(dir).rejected)).map((line) => JSON.parse(line) as RejectedEntry);
      expect(stored).toEqual([rejection(3), rejection(7)]);
    });
  });
});

describe('a damaged store', () => {
  const damage = async (dir: string): Promise<void> => {
    await writeStore(dir, [makeRecord(), makeRecord(), makeRecord()]);
    const path = storePaths(dir).records;
    const [first, , third] = await lines(path);
    await writeFile(path, `${first}\nthis is not JSON\n${third}\n`);
  };

  test('readStoreRecords stops with a StoreError naming records.jsonl:line', async () => {
    await withTempDir(async (dir) => {
      await damage(dir);
      const error = await failureOf(readAll(dir));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toContain(`${storePaths(dir).records}:2: not valid JSON`);
      expect((error as StoreError).exitCode).toBe(ExitCode.CouldNotRun);
    });
  });

  test('RecordStore.open refuses it with the same message and leaves no lock behind', async () => {
    await withTempDir(async (dir) => {
      await damage(dir);
      const error = await failureOf(RecordStore.open(dir));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toContain(`${storePaths(dir).records}:2: not valid JSON`);
      expect(existsSync(storePaths(dir).lock)).toBe(false);
    });
  });

  test('a line of valid JSON that is not a record is named too', async () => {
    await withTempDir(async (dir) => {
      await writeStore(dir, [makeRecord()]);
      await appendFile(storePaths(dir).records, '{"hello":"world"}\n');
      const error = await failureOf(readAll(dir));
      expect((error as StoreError).message).toContain(`${storePaths(dir).records}:2: not a tlap record`);
    });
  });

  test('reading a folder without a store is a StoreError NO_STORE', async () => {
    await withTempDir(async (dir) => {
      const error = await failureOf(readAll(dir));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('NO_STORE');
    });
  });
});
