import type { FeedbackRecord } from '../record/record.js';
import { RecordFactExtractor } from '../report/record-facts.js';
import { parseRecordLine } from '../store/record-line.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
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
  type FactsBatchAnswer,
  type FactsBatch,
  type StartRequest,
  type ThemeWorkerData,
  type WorkerRequest,
} from './assign-worker-messages.js';
import { recordSelector, selectsEverything } from './record-selection.js';
import { chunkLines } from './store-chunks.js';

/** The lines of a batch: the texts sent, or those of a chunk, with each line's span in the chunk. */
interface BatchLines {
  count: number;
  text: (index: number) => string;
  spans: Int32Array | null;
  lineCount: number;
}

function batchLines(message: { lines: string[] | null; bytes: Uint8Array | null }): BatchLines {
  const { lines, bytes } = message;
  if (bytes === null) {
    const texts = lines ?? [];
    return { count: texts.length, text: (index) => texts[index] ?? '', spans: null, lineCount: texts.length };
  }
  const { spans, lines: lineCount } = chunkLines(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    count: spans.length / 3,
    text: (index) => buffer.toString('utf8', spans[index * 3 + 1], spans[index * 3 + 2]),
    spans,
    lineCount,
  };
}

/** Where a theme batch reader sends each answer, with the buffers it may hand over rather than copy. */
export type PostAnswer = (answer: AssignedBatch | FactsBatchAnswer | CountsAnswer, transfer: ArrayBuffer[]) => void;

/**
 * What a theme worker does with each request once it knows the codebook it reads with: parse,
 * check, select and match a batch of store lines, and answer with their facts through `post`. The
 * same on a worker thread and on the thread that builds the report.
 */
export function themeBatchReader(
  { codebook, selection, traceRecordIds, checkRecordIds }: ThemeWorkerData,
  post: PostAnswer,
): (message: Exclude<WorkerRequest, StartRequest>) => void {
  const assigner = new ThemeAssigner(codebook);
  const packer = new EvidencePacker(codebook);
  const numberer = new WordNumberer(() => assigner.wordGeneration);
  const select = selection === undefined || selectsEverything(selection) ? null : recordSelector(selection);
  const extractor = new RecordFactExtractor(codebook, (id) => numberer.word(id), traceRecordIds === true);
  const factsPacker = new FactsPacker();
  const numberWord = (word: string, stem: string): number => numberer.number(word, stem);
  const byHits = assigner.assignsHits;

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

  function assign(message: AssignBatch): void {
    const answer: AssignedBatch = { batch: message.batch, packed: packer.pack(message.lines.map(assignLine)) };
    post(answer, [answer.packed.buffer as ArrayBuffer]);
  }

  function readFacts(message: FactsBatch): void {
    const lines = batchLines(message);
    for (let index = 0; index < lines.count; index += 1) {
      let record: FeedbackRecord;
      try {
        record = parseRecordLine(lines.text(index), '', 0, checkRecordIds !== false);
      } catch {
        factsPacker.skip(LINE_NOT_A_RECORD);
        continue;
      }
      const verdict = select === null ? 'in' : select(record);
      if (verdict !== 'in') {
        factsPacker.skip(verdict === 'undated' ? LINE_UNDATED : LINE_OUT);
        continue;
      }
      factsPacker.prepare(extractor.facts);
      if (byHits) {
        const { themes, hits, wordIds } = assigner.assignHitsBriefly(record, numberWord);
        factsPacker.add(extractor.extractHits(record, themes, hits, wordIds), wordIds);
      } else {
        const { themed, wordIds } = assigner.assignNumberedBriefly(record, numberWord);
        factsPacker.add(extractor.extract(themed, wordIds), wordIds);
      }
    }
    const answer = factsPacker.take(message.batch, numberer.takeNew(), lines.lineCount, lines.spans);
    const transfer = [answer.ints.buffer as ArrayBuffer, answer.hashes.buffer as ArrayBuffer, answer.sketches.buffer as ArrayBuffer];
    if (answer.spans !== null) transfer.push(answer.spans.buffer as ArrayBuffer);
    post(answer, transfer);
  }

  return (message) => {
    switch (message.kind) {
      case 'assign':
        assign(message);
        return;
      case 'facts':
        readFacts(message);
        return;
      case 'counts': {
        const answer: CountsAnswer = { batch: message.batch, counts: extractor.counts };
        post(answer, []);
        return;
      }
    }
  };
}
