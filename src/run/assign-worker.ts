import { parentPort, workerData } from 'node:worker_threads';
import type { Codebook } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import type { Token } from '../text/normalise.js';
import { EvidencePacker, WordNumberer, type AssignBatch, type AssignedBatch, type AssignedLine } from './assign-worker-messages.js';

const { codebook } = workerData as { codebook: Codebook };
const assigner = new ThemeAssigner(codebook);
const packer = new EvidencePacker(codebook);
const numberer = new WordNumberer();

function assignLine(line: string, words: number[] | null): AssignedLine | null {
  let record: FeedbackRecord;
  try {
    record = JSON.parse(line) as FeedbackRecord;
  } catch {
    words?.push(0);
    return null;
  }
  if (record === null || typeof record !== 'object' || typeof record.text !== 'string') {
    words?.push(0);
    return null;
  }
  if (words === null) {
    const { themeIds, evidence } = assigner.assign(record);
    return { themeIds, evidence };
  }
  const { themed, tokens } = assigner.assignWithTokens(record);
  numberWords(tokens, words);
  return { themeIds: themed.themeIds, evidence: themed.evidence };
}

function numberWords(tokens: readonly Token[], words: number[]): void {
  words.push(tokens.length);
  for (const token of tokens) words.push(numberer.number(token.word, token.stem));
}

parentPort?.on('message', (message: AssignBatch) => {
  const words = message.words ? [] : null;
  const packed = packer.pack(message.lines.map((line) => assignLine(line, words)));
  const answer: AssignedBatch = {
    batch: message.batch,
    packed,
    words: words === null ? null : Int32Array.from(words),
    newWords: numberer.takeNew(),
  };
  const transfer = [answer.packed.buffer as ArrayBuffer];
  if (answer.words !== null) transfer.push(answer.words.buffer as ArrayBuffer);
  parentPort?.postMessage(answer, transfer);
});
