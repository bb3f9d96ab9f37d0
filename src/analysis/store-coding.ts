import type { Codebook } from '../codebook/codebook.js';
import { readStoreRecords } from '../store/record-store.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import { codedRecordOf, type CodedRecord } from './coded-record.js';

/** Every record of a store, themed by the codebook with the matcher's evidence, in store order (streamed). */
export async function* codeStore(storeDir: string, codebook: Codebook): AsyncIterable<CodedRecord> {
  const assigner = new ThemeAssigner(codebook);
  for await (const record of readStoreRecords(storeDir)) yield codedRecordOf(assigner.assign(record));
}
