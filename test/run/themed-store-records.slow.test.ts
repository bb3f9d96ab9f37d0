import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { addStoreInParallel, BATCHES_IN_FLIGHT, type BatchesReadHere } from '../../src/run/themed-store-records.js';
import { LocalBatchLink } from '../../src/run/local-batch-link.js';
import type { BatchLink } from '../../src/run/theme-workers.js';
import type { StartRequest, ThemeWorkerData, WorkerRequest } from '../../src/run/assign-worker-messages.js';
import { ThemeReportBuilder } from '../../src/report/build-theme-report.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

/**
 * A theme worker played on this thread, counting the batches it is sent. With `holdUntil`, it
 * answers nothing until it has been sent that many batches, so the run waits for it.
 */
class PlayedWorker implements BatchLink {
  readonly online = Promise.resolve();
  batches = 0;
  private readonly reader = new LocalBatchLink();
  private readonly held: (() => void)[] = [];

  constructor(private readonly holdUntil = 0) {}

  start(data: ThemeWorkerData): void {
    this.reader.start(data);
  }

  async request<Answer>(message: Exclude<WorkerRequest, StartRequest>): Promise<Answer> {
    if (message.kind === 'facts') this.batches += 1;
    const answer = await this.reader.request<Answer>(message);
    if (this.batches < this.holdUntil) await new Promise<void>((resolve) => this.held.push(resolve));
    else if (this.held.length > 0) setTimeout(() => this.held.splice(0).forEach((release) => release()), 0);
    return answer;
  }

  async close(): Promise<void> {
    await this.reader.close();
  }
}

const mixedCodebook = makeCodebook(
  [
    { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'] },
    { id: 'money', label: 'Money', keywords: ['budget'], exclude: ['personal budget'] },
    { id: 'centre', label: 'Centre', parent: 'carers', keywords: ['centre'] },
  ],
  { groups: 'responding as' },
);

/**
 * `count` records, enough for several store chunks (6,000 make 8): themed, unthemed, a campaign
 * and personal data to redact, in fifteen respondent groups (three past the twelve listed), each
 * author in three of them.
 */
function mixedRecords(count = 6000): FeedbackRecord[] {
  const campaign = 'We the undersigned carers ask the council to keep the respite centre open for every family in town.';
  return Array.from({ length: count }, (_unused, index) =>
    makeRecord({
      sourceId: `r${index}`,
      author: index % 5 === 0 ? null : `person${index % 40}`,
      meta: index % 9 === 0 ? {} : { answers: { 'Responding as?': `Group ${index % 15}` } },
      text:
        index % 11 === 0
          ? campaign
          : index % 4 === 0
            ? `Parking near the leisure pool ${index % 17} troubles Jane Smith at jane${index}@example.org again and again.`
            : index % 7 === 0
              ? 'The personal budget cuts hurt; the centre closed and nobody told us why it happened.'
              : `Carers need respite, number ${index}, and the budget matters to every one of us here in the borough.`,
    }),
  );
}

/** The report built from the store with `pool` as its workers, this thread reading as `readHere` says. */
async function reportReadBy(store: string, pool: readonly BatchLink[], readHere: BatchesReadHere, records = 6000): Promise<string> {
  const builder = new ThemeReportBuilder(mixedCodebook, {
    redact: createRedactor(mixedCodebook),
    includeAuthors: false,
    toolVersion: '9.9.9',
  });
  const counts = { store: 0, undated: 0, out: 0 };
  await addStoreInParallel(store, mixedCodebook, pool, builder, { selection: {}, traceRecordIds: true, counts, readHere });
  expect(counts.store).toBe(records);
  return JSON.stringify(builder.finish());
}

describe("batches read on the run's own thread", () => {
  test('give the report the workers give, whichever batches this thread takes, and the workers are sent the rest', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      await writeStore(store, mixedRecords());
      const expected = await reportReadBy(store, [new PlayedWorker()], 'never');
      expect(expected).toContain('"otherVoices":{"kind":"shown"');
      const schedules: { name: string; readHere: (batch: number) => boolean; workers: number }[] = [
        { name: 'every third', readHere: (batch) => batch % 3 === 1, workers: 1 },
        { name: 'all', readHere: () => true, workers: 1 },
        { name: 'the first few', readHere: (batch) => batch < 2, workers: 1 },
        { name: 'every other, with two workers', readHere: (batch) => batch % 2 === 0, workers: 2 },
      ];
      for (const { name, readHere, workers } of schedules) {
        const pool = Array.from({ length: workers }, () => new PlayedWorker());
        const report = await reportReadBy(store, pool, readHere);
        expect({ name, same: report === expected }).toEqual({ name, same: true });
        const sent = pool.reduce((sum, worker) => sum + worker.batches, 0);
        const batches = Array.from({ length: 64 }, (_unused, batch) => batch).filter((batch) => !readHere(batch));
        expect({ name, sent: sent > 0 || readHere(0) }).toEqual({ name, sent: true });
        expect(sent).toBeLessThanOrEqual(batches.length);
      }
    });
  });

  test('while it waits for a worker it reads batches itself, and the report is the same', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const records = 2 * BATCHES_IN_FLIGHT * 750;
      await writeStore(store, mixedRecords(records));
      const alone = new PlayedWorker();
      const expected = await reportReadBy(store, [alone], 'never', records);
      expect(alone.batches).toBeGreaterThan(BATCHES_IN_FLIGHT + 4);
      const slow = new PlayedWorker(BATCHES_IN_FLIGHT);
      expect(await reportReadBy(store, [slow], { whenWaitingFrom: 0 }, records)).toBe(expected);
      expect(slow.batches).toBeGreaterThanOrEqual(BATCHES_IN_FLIGHT);
      expect(slow.batches).toBeLessThan(alone.batches);
      const late = new PlayedWorker(BATCHES_IN_FLIGHT);
      expect(await reportReadBy(store, [late], { whenWaitingFrom: alone.batches }, records)).toBe(expected);
      expect(late.batches).toBe(alone.batches);
    });
  });
});
