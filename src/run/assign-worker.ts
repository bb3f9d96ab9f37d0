import { parentPort, workerData } from 'node:worker_threads';
import type { Codebook } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import { EvidencePacker, type AssignBatch, type AssignedBatch, type AssignedLine } from './assign-worker-messages.js';

const { codebook } = workerData as { codebook: Codebook };
const assigner = new ThemeAssigner(codebook);
const packer = new EvidencePacker(codebook);

function assignLine(line: string): AssignedLine | null {
  let record: FeedbackRecord;
  try {
    record = JSON.parse(line) as FeedbackRecord;
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object' || typeof record.text !== 'string') return null;
  const { themeIds, evidence } = assigner.assign(record);
  return { themeIds, evidence };
}

parentPort?.on('message', (message: AssignBatch) => {
  const answer: AssignedBatch = { batch: message.batch, packed: packer.pack(message.lines.map(assignLine)) };
  parentPort?.postMessage(answer, [answer.packed.buffer as ArrayBuffer]);
});
