import { RecordStore } from '../../src/store/record-store.js';
import type { FeedbackRecord } from '../../src/record/record.js';

/** Writes records into the store in `dir` through RecordStore, as ingest would. */
export async function writeStore(dir: string, records: readonly FeedbackRecord[]): Promise<void> {
  const store = await RecordStore.open(dir);
  try {
    for (const record of records) await store.add(record);
  } finally {
    await store.close();
  }
}
