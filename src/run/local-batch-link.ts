import type { StartRequest, ThemeWorkerData, WorkerRequest } from './assign-worker-messages.js';
import { themeBatchReader } from './theme-batch-reader.js';
import type { BatchLink } from './theme-workers.js';

/**
 * Reads batches on the run's own thread, as a worker thread would (the same reader, its own word
 * numbering and counts): for the batches this thread takes while it would otherwise wait for a
 * worker. A request is answered at once; the work is done when it is sent. The reader (a compiled
 * codebook, word tables, counts) is made at the first request, so a run that never reads a batch
 * here pays nothing for it.
 */
export class LocalBatchLink implements BatchLink {
  readonly online: Promise<void> = Promise.resolve();
  private data: ThemeWorkerData | null = null;
  private read: ((message: Exclude<WorkerRequest, StartRequest>) => void) | null = null;
  private answer: unknown = null;

  start(data: ThemeWorkerData): void {
    this.data = data;
  }

  request<Answer>(message: Exclude<WorkerRequest, StartRequest>): Promise<Answer> {
    const { data } = this;
    if (data === null) return Promise.reject(new Error('a batch was sent to this thread before what it reads with'));
    this.answer = null;
    try {
      this.read ??= themeBatchReader(data, (answer) => {
        this.answer = answer;
      });
      this.read(message);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const answer = this.answer as Answer;
    this.answer = null;
    return Promise.resolve(answer);
  }

  async close(): Promise<void> {
    this.data = null;
    this.read = null;
  }
}
