import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { RecordStore, readSourceEntries, readStoreRecords, storePaths } from '../../src/store/record-store.js';
import { forgetFiles } from '../../src/store/store-sources.js';
import { StoreError } from '../../src/errors.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { makeRecord } from '../builders/record-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

async function readAll(dir: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(dir)) records.push(record);
  return records;
}

/** One post as three files hold it: the same id and words, each with its own provenance and facts. */
function copiesOfOnePost(): Record<'panel' | 'answers' | 'search', FeedbackRecord> {
  const post = makeRecord({ channel: 'mastodon', format: 'mastodon', text: 'A1 one list of services that is kept up to date' });
  return {
    panel: { ...post, meta: { lang: 'en', question: 'Q1 What helps?', questionId: 'q-1' }, provenance: { file: 'b-panel.json', line: 3 } },
    answers: { ...post, meta: { lang: 'en', likeCount: 4 }, provenance: { file: 'a-answers.json', line: 1 } },
    search: { ...post, meta: { lang: 'en' }, provenance: { file: 'c-search.json', line: 9 } },
  };
}

/** Ingests the copies one store session each, in this order: the first is added, the rest are copies. */
async function storeCopies(dir: string, copies: readonly FeedbackRecord[]): Promise<void> {
  for (const [index, copy] of copies.entries()) {
    const store = await RecordStore.open(dir, [copy.provenance.file]);
    if (index === 0) await store.add(copy);
    else store.addCopy(copy);
    await store.close();
  }
}

describe('RecordStore: a record held by several files is the same whatever order they came in', () => {
  test('every order of three copies gives the same record: the first file in name order, with the question a copy had', async () => {
    const { panel, answers, search } = copiesOfOnePost();
    const orders = [
      [panel, answers, search],
      [answers, panel, search],
      [search, panel, answers],
      [search, answers, panel],
    ];
    const stored: string[] = [];
    for (const order of orders) {
      await withTempDir(async (dir) => {
        await storeCopies(dir, order);
        stored.push(await readFile(storePaths(dir).records, 'utf8'));
        expect(await readAll(dir)).toEqual([
          { ...answers, meta: { lang: 'en', likeCount: 4, question: 'Q1 What helps?', questionId: 'q-1' } },
        ]);
      });
    }
    expect(new Set(stored).size).toBe(1);
  });

  test('two copies linked to different questions: the question whose id sorts first, in either order', async () => {
    const { panel, search } = copiesOfOnePost();
    const other = { ...search, meta: { lang: 'en', question: 'Q1 (last month) What helps?', questionId: 'q-0' } };
    for (const order of [
      [panel, other],
      [other, panel],
    ]) {
      await withTempDir(async (dir) => {
        await storeCopies(dir, order);
        expect((await readAll(dir)).map((record) => [record.provenance.file, record.meta['questionId']])).toEqual([
          ['b-panel.json', 'q-0'],
        ]);
      });
    }
  });

  test('a copy that changes nothing leaves records.jsonl as it was (the same file, not rewritten)', async () => {
    await withTempDir(async (dir) => {
      const { panel, search } = copiesOfOnePost();
      await storeCopies(dir, [panel, search]);
      const before = await readFile(storePaths(dir).records);
      const { ino } = await stat(storePaths(dir).records);
      const again = await RecordStore.open(dir, [search.provenance.file]);
      again.addCopy(search);
      await again.close();
      expect((await stat(storePaths(dir).records)).ino).toBe(ino);
      expect(await readFile(storePaths(dir).records)).toEqual(before);
    });
  });

  test('every file that held the record is a source; forgetting the first names the next in name order', async () => {
    await withTempDir(async (dir) => {
      const { panel, answers, search } = copiesOfOnePost();
      await storeCopies(dir, [search, panel, answers]);
      const files: string[] = [];
      for await (const entry of readSourceEntries(storePaths(dir).sources)) files.push(entry.file);
      expect(files.sort()).toEqual(['a-answers.json', 'b-panel.json', 'c-search.json']);
      await forgetFiles(dir, ['a-answers.json']);
      expect((await readAll(dir)).map((record) => record.provenance)).toEqual([{ file: 'b-panel.json' }]);
    });
  });
});

describe('an ingest stopped before its rewrite of records.jsonl', () => {
  test('run again with the same inputs, it leaves the store an uninterrupted run leaves', async () => {
    await withTempDir(async (dir) => {
      const { panel, answers } = copiesOfOnePost();
      const uninterrupted = join(dir, 'uninterrupted');
      await storeCopies(uninterrupted, [panel, answers]);
      const stopped = join(dir, 'stopped');
      const first = await RecordStore.open(stopped, [panel.provenance.file]);
      await first.add(panel);
      await first.close();
      const blocker = join(stopped, `.records.jsonl.${process.pid}.tmp`);
      await mkdir(blocker);
      const second = await RecordStore.open(stopped, [answers.provenance.file]);
      second.addCopy(answers);
      await expect(second.close()).rejects.toThrow(StoreError);
      expect((await readAll(stopped)).map((record) => record.provenance.file)).toEqual(['b-panel.json']);
      await rm(blocker, { recursive: true });
      const again = await RecordStore.open(stopped, [answers.provenance.file]);
      again.addCopy(answers);
      await again.close();
      for (const file of ['records', 'sources'] as const) {
        expect(await readFile(storePaths(stopped)[file], 'utf8')).toBe(await readFile(storePaths(uninterrupted)[file], 'utf8'));
      }
    });
  });
});

describe('RecordStore.replace: a post read again with other words', () => {
  test('the stored record takes the words read last, in its place, and the file gains its sighting', async () => {
    await withTempDir(async (dir) => {
      const before = makeRecord({ channel: 'forum', format: 'reddit', sourceId: 't1_aa', text: 'Forms are long.' });
      const other = makeRecord({ channel: 'forum', format: 'reddit', sourceId: 't1_bb', text: 'More respite.' });
      const first = await RecordStore.open(dir, ['week-1.json']);
      await first.add({ ...before, provenance: { file: 'week-1.json', line: 1 } });
      await first.add({ ...other, provenance: { file: 'week-1.json', line: 2 } });
      await first.close();

      const edited = { ...before, text: 'Forms are long: 14 pages.', provenance: { file: 'week-2.json', line: 4 } };
      const second = await RecordStore.open(dir, ['week-2.json']);
      second.replace(edited);
      expect(second.textFingerprintOf(edited.id)).not.toBe(undefined);
      await second.close();
      expect(second.updatedRecords).toBe(1);
      expect([...second.updatedByFile]).toEqual([['week-2.json', 1]]);
      expect((await readAll(dir)).map((record) => [record.sourceId, record.text, record.provenance.file])).toEqual([
        ['t1_aa', 'Forms are long: 14 pages.', 'week-2.json'],
        ['t1_bb', 'More respite.', 'week-1.json'],
      ]);
      const sightings: string[] = [];
      for await (const entry of readSourceEntries(storePaths(dir).sources))
        sightings.push(`${entry.id === before.id ? 'aa' : 'bb'} ${entry.file}`);
      expect(sightings).toEqual(['aa week-1.json', 'bb week-1.json', 'aa week-2.json']);
    });
  });

  test('refuses an id the store does not hold', async () => {
    await withTempDir(async (dir) => {
      const store = await RecordStore.open(dir);
      expect(() => store.replace(makeRecord({ text: 'Never stored.' }))).toThrow(/does not hold it/);
      await store.close();
    });
  });
});

describe('RecordStore edit times: the words edited last stay', () => {
  test('an earlier copy keeps the stored words, gives its panel question and its sighting, and is not counted as updated', async () => {
    await withTempDir(async (dir) => {
      const { panel } = copiesOfOnePost();
      const edited = {
        ...panel,
        meta: { lang: 'en', editedAt: '2024-11-24T19:40:02.000Z' },
        provenance: { file: 'b-later.json', line: 2 },
      };
      const first = await RecordStore.open(dir, ['b-later.json']);
      await first.add(edited);
      expect(first.editedAtOf(edited.id)).toBe('2024-11-24T19:40:02.000Z');
      await first.close();

      const earlier = { ...panel, text: 'A1 one list of services', provenance: { file: 'a-earlier.json', line: 1 } };
      const second = await RecordStore.open(dir, ['a-earlier.json']);
      second.addEarlierCopy(earlier);
      await second.close();
      const [record] = await readAll(dir);
      expect(record?.text).toBe(edited.text);
      expect(record?.provenance.file).toBe('b-later.json');
      expect(record?.meta).toEqual({ ...edited.meta, question: 'Q1 What helps?', questionId: 'q-1' });
      const sightings: string[] = [];
      for await (const entry of readSourceEntries(storePaths(dir).sources)) sightings.push(entry.file);
      expect(sightings).toEqual(['b-later.json', 'a-earlier.json']);
    });
  });

  test("a copy from a file earlier in name order keeps the record's later edit time when it becomes the record", async () => {
    await withTempDir(async (dir) => {
      const { answers, search } = copiesOfOnePost();
      const stamped = { ...search, meta: { lang: 'en', editedAt: '2024-11-24T19:40:02.000Z' } };
      await storeCopies(dir, [stamped, answers]);
      const [record] = await readAll(dir);
      expect(record?.provenance.file).toBe(answers.provenance.file);
      expect(record?.meta).toEqual({ ...answers.meta, editedAt: '2024-11-24T19:40:02.000Z' });
    });
  });
});
