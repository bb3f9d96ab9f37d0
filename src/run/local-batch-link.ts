import type { ThemeReportBuilder } from '../report/build-theme-report.js';
import type { WordMapping } from '../stats/numbered-terms.js';
import type { StartRequest, ThemeWorkerData, WorkerRequest } from './assign-worker-messages.js';
import { themeBatchReader } from './theme-batch-reader.js';
import { adoptNewWords, type BatchLink } from './theme-workers.js';

/**
 * Reads batches on the run's own thread, as a worker thread would (the same reader, its own word
 * numbering and counts): for the batches this thread takes while it would otherwise wait for a
 * worker. A request is answered at once; the work is done when it is sent.
 */
export class LocalBatchLink implements BatchLink {
  readonly online: Promise<void> = Promise.resolve();
  mapping: WordMapping | null = null;
  private read: ((message: Exclude<WorkerRequest, StartRequest>) => void) | null = null;
  private answer: unknown = null;

  start(data: ThemeWorkerData): void {
    this.read = themeBatchReader(data, (answer) => {
      this.answer = answer;
    });
  }

  adoptWords(newWords: readonly string[], builder: ThemeReportBuilder): WordMapping {
    this.mapping = adoptNewWords(this.mapping, newWords, builder);
    return this.mapping;
  }

  request<Answer>(message: Exclude<WorkerRequest, StartRequest>): Promise<Answer> {
    if (this.read === null) return Promise.reject(new Error('a batch was sent to this thread before what it reads with'));
    this.answer = null;
    try {
      this.read(message);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const answer = this.answer as Answer;
    this.answer = null;
    return Promise.resolve(answer);
  }

  async close(): Promise<void> {
    this.read = null;
  }
}
