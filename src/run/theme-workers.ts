import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { storePaths } from '../store/store-paths.js';
import type { StartRequest, ThemeWorkerData, WorkerRequest } from './assign-worker-messages.js';
import { TlapError } from '../errors.js';

/** Below this size a store is themed on one thread: starting workers would cost more than they save. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** The most worker threads used by default. */
const DEFAULT_MAX_WORKERS = 3;

/**
 * A worker's young generation (V8's default is 3 semi-spaces of 16 MB): a worker keeps little
 * alive from one batch to the next, so a small one costs a few more scavenges and saves tens of MB
 * (12 -> 4 MB: 449 -> 417 MB peak RSS at 1M records with one worker).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/**
 * A worker's old generation limit. V8 lets a heap grow to up to 4 times what survived its last
 * full collection when the limit is large (as it is by default on a machine with much memory), and
 * to 1.3 to 2 times when it is small; a worker holds about 20 MB (its word numbering and counts) at
 * 1M records, so this lets it grow to about 1.4 times that and still leaves it room for a vocabulary
 * many times larger (at 1M records with two workers: worker heaps at most 43 MB instead of 60 to 90,
 * peak RSS 375 MB instead of 457 to 497).
 */
const WORKER_OLD_GENERATION_MB = 512;

const WORKER_SCRIPT = new URL('./assign-worker.js', import.meta.url);

/**
 * What a theme worker's error ends the run with: running out of its {@link WORKER_OLD_GENERATION_MB}
 * MB (a vocabulary far beyond any measured) is a limit, said as such, with a way round it; anything
 * else is passed on as it came.
 */
export function workerFailure(error: Error): Error {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  return new TlapError(`a theme worker ran out of its ${WORKER_OLD_GENERATION_MB} MB of memory`, {
    code: 'WORKER_OUT_OF_MEMORY',
    hint: 'theme the store on one thread, which has no such limit',
    cause: error,
  });
}

/**
 * How many worker threads to theme a store with: `requested` when given (0: none), else one per core
 * but one, since this thread (which adds the workers' facts in store order) keeps a core about as
 * busy as a worker does; at most {@link DEFAULT_MAX_WORKERS}, for stores of at least 16 MiB. On two
 * cores that is one worker: a second one's start, compiled code and word table cost more CPU
 * than sharing its work saves (100,000 records: 1.8 + 1.6 s of CPU on the main thread and the
 * worker, against 1.8 + 2 x 1.2 s with two). None on one core, and none when the worker script
 * is not there (sources run without a build, as under the tests).
 */
export async function chooseThemeWorkers(storeDir: string, requested: number | undefined): Promise<number> {
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) return 0;
  if (requested !== undefined) return Math.max(0, requested);
  const size = await stat(storePaths(storeDir).records).then(
    (info) => info.size,
    () => 0,
  );
  if (size < PARALLEL_MIN_BYTES) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(DEFAULT_MAX_WORKERS, cores - 1);
}

/**
 * What a theme run asks of whoever reads its batches: a worker thread ({@link WorkerLink}) or the
 * run's own thread (`LocalBatchLink`).
 */
export interface BatchLink {
  /** Settles once it can read (a worker thread runs). */
  readonly online: Promise<void>;
  /** Sends what it reads with; send it before any batch. */
  start(data: ThemeWorkerData): void;
  /** The answer to a request: the message with the same batch number. */
  request<Answer>(message: Exclude<WorkerRequest, StartRequest>): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * One theme worker thread and the batches it owes. The thread starts (and loads its modules) when
 * this is made; it reads nothing until {@link start} has sent it the codebook.
 */
export class WorkerLink implements BatchLink {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (answer: never) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;
  /** Settles once the worker thread runs. */
  readonly online: Promise<void>;

  constructor() {
    this.worker = new Worker(WORKER_SCRIPT, {
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
    });
    this.online = new Promise((resolve) => this.worker.once('online', () => resolve()));
    this.worker.on('message', (message: { batch: number }) => {
      const waiter = this.waiting.get(message.batch);
      this.waiting.delete(message.batch);
      waiter?.resolve(message as never);
    });
    this.worker.on('error', (error: Error) => this.fail(workerFailure(error)));
    this.worker.on('exit', (code) => {
      if (this.waiting.size > 0) this.fail(new Error(`a theme worker stopped (exit code ${code}) with batches still owed`));
    });
  }

  /** Sends the worker what it reads with; send it before any batch. */
  start(data: ThemeWorkerData): void {
    const message: StartRequest = { kind: 'start', data };
    this.worker.postMessage(message);
  }

  /** Sends a request; the answer is the worker's message with the same batch number. */
  request<Answer>(message: Exclude<WorkerRequest, StartRequest>): Promise<Answer> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(message.batch, { resolve: resolve as (answer: never) => void, reject });
      this.worker.postMessage(message);
    });
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * Theme worker threads started for a store before its run needs them, so that a thread starts and
 * loads its modules while the codebook is read and the report's modules load: hand them to the
 * run (`workers` in the theme run's options), which closes them once it is done with them. Close
 * them here when the run did not take them (closing twice does no harm).
 */
export class ThemeWorkers {
  private untaken: WorkerLink[];

  private constructor(private readonly links: readonly WorkerLink[]) {
    this.untaken = [...links];
  }

  /** Starts as many threads as a run on the store in `storeDir` would: {@link chooseThemeWorkers}. */
  static async start(storeDir: string, requested: number | undefined): Promise<ThemeWorkers> {
    const count = await chooseThemeWorkers(storeDir, requested);
    return new ThemeWorkers(Array.from({ length: count }, () => new WorkerLink()));
  }

  /** The threads, for one run: later calls get none. */
  take(): WorkerLink[] {
    const taken = this.untaken;
    this.untaken = [];
    return taken;
  }

  /** Ends every thread. */
  async close(): Promise<void> {
    this.untaken = [];
    await Promise.all(this.links.map((link) => link.close()));
  }
}
