import { parentPort } from 'node:worker_threads';
import type { StartRequest, WorkerRequest } from './assign-worker-messages.js';
import { themeBatchReader } from './theme-batch-reader.js';

let handle: ((message: Exclude<WorkerRequest, StartRequest>) => void) | null = null;

parentPort?.on('message', (message: WorkerRequest) => {
  if (message.kind === 'start') {
    handle = themeBatchReader(message.data, (answer, transfer) => parentPort?.postMessage(answer, transfer));
    return;
  }
  if (handle === null) throw new Error('a theme worker was sent work before what it reads with');
  handle(message);
});
