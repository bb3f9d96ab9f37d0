import { parentPort, workerData } from 'node:worker_threads';
import type { Codebook } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import { RecordFactExtractor } from '../report/record-facts.js';
import { parseRecordLine } from '../store/record-store.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import type { Token } from '../text/normalise.js';
import {
  EvidencePacker,
  FactsPacker,
  LINE_NOT_A_RECORD,
  LINE_OUT,
  LINE_UNDATED,
  WordNumberer,
  type AssignBatch,
  type AssignedBatch,
  type AssignedLine,
  type CountsAnswer,
  type FactsBatch,
  type WorkerRequest,
} from './assign-worker-messages.js';
import { recordSelector, selectsEverything, type RecordSelection } from './record-selection.js';

/** What a theme worker is started with. */
export interface ThemeWorkerData {
  codebook: Codebook;
  /** For report facts: the records to report on, and whether themes keep their records' ids. */
  selection?: RecordSelection;
  traceRecordIds?: boolean;
}

const { codebook, selection, traceRecordIds } = workerData as ThemeWorkerData;
const assigner = new ThemeAssigner(codebook);
const packer = new EvidencePacker(codebook);
const numberer = new WordNumberer();
const select = selection === undefined || selectsEverything(selection) ? null : recordSelector(selection);
const extractor = new RecordFactExtractor(codebook, (id) => numberer.word(id), traceRecordIds === true);
const factsPacker = new FactsPacker();

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

function assign(message: AssignBatch): void {
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
}

const numberWord = (word: string, stem: string): number => numberer.number(word, stem);

function readFacts(message: FactsBatch): void {
  for (const line of message.lines) {
    let record: FeedbackRecord;
    try {
      record = parseRecordLine(line, '', 0);
    } catch {
      factsPacker.skip(LINE_NOT_A_RECORD);
      continue;
    }
    const verdict = select === null ? 'in' : select(record);
    if (verdict !== 'in') {
      factsPacker.skip(verdict === 'undated' ? LINE_UNDATED : LINE_OUT);
      continue;
    }
    const { themed, wordIds } = assigner.assignNumbered(record, numberWord);
    factsPacker.add(extractor.extract(themed, wordIds), wordIds);
  }
  const answer = factsPacker.take(message.batch, numberer.takeNew());
  parentPort?.postMessage(answer, [
    answer.ints.buffer as ArrayBuffer,
    answer.hashes.buffer as ArrayBuffer,
    answer.sketches.buffer as ArrayBuffer,
  ]);
}

parentPort?.on('message', (message: WorkerRequest) => {
  if (message.kind === 'assign') assign(message);
  else if (message.kind === 'facts') readFacts(message);
  else {
    const answer: CountsAnswer = { batch: message.batch, counts: extractor.counts };
    parentPort?.postMessage(answer);
  }
});
