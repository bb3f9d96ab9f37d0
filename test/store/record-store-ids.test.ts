import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordStore, serialiseRecord, storePaths } from '../../src/store/record-store.js';
import { makeRecord } from '../builders/record-builder.js';

describe('RecordStore ids', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('knows a record as soon as it is queued, before it is written', async () => {
    const store = await RecordStore.open(dir);
    const record = makeRecord({ sourceId: 'R-1' });
    expect(store.has(record.id)).toBe(false);
    await store.add(record);
    expect(store.has(record.id)).toBe(true);
    expect(store.size).toBe(1);
    await store.close();
  });

  it('reads back the ids of stored records when reopened, whether or not id is the first key', async () => {
    const first = makeRecord({ sourceId: 'R-1' });
    const second = makeRecord({ sourceId: 'R-2' });
    const store = await RecordStore.open(dir);
    await store.add(first);
    await store.close();
    const { id: _id, ...rest } = second;
    await appendFile(storePaths(dir).records, `${JSON.stringify({ ...rest, id: second.id })}\n`);

    const reopened = await RecordStore.open(dir);
    expect(reopened.size).toBe(2);
    expect(reopened.has(first.id)).toBe(true);
    expect(reopened.has(second.id)).toBe(true);
    expect(reopened.has(makeRecord({ sourceId: 'R-3' }).id)).toBe(false);
    await reopened.close();
  });

  it('serialises the id first, which is what the reopen fast path reads', () => {
    expect(serialiseRecord(makeRecord({ sourceId: 'R-1' })).startsWith(`{"id":"${makeRecord({ sourceId: 'R-1' }).id}",`)).toBe(true);
  });
});
