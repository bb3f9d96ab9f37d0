import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { forgetFiles } from '../../src/store/store-sources.js';
import { runCli } from '../builders/cli-runner.js';
import { panelExport, panelSourceId, type PanelChannel, type PanelPost } from '../builders/panel-exports.js';
import { withTempDir } from '../builders/temp-dir.js';

const CHANNELS: readonly PanelChannel[] = ['twitter', 'mastodon', 'bluesky'];

/**
 * A panel with the edges a host's questions meet: the host asks Q1 and Q2 and answers Q1 too; a
 * participant answers with a label, another by replying, a third replies `Q1 was hard` to the
 * question, and a fourth quotes the question's words before their answer.
 */
const PANEL: readonly PanelPost[] = [
  { key: 'q1', author: 'host', text: 'Q1 What would make finding support easier? #SocialCareFuture', minute: 0 },
  { key: 'a1', author: 'ann', text: 'A1 One list of services that is kept up to date', minute: 2 },
  { key: 'hard', author: 'bo', text: '@host Q1 was hard to answer, the council never says', minute: 3, replyTo: 'q1' },
  { key: 'hosta', author: 'host', text: 'A1 from us: we hear this every week', minute: 4 },
  { key: 'q2', author: 'host', text: 'Q2 Who helped you most? #SocialCareFuture', minute: 10 },
  { key: 'r2', author: 'cy', text: 'My neighbour, who drove me to every appointment', minute: 12, replyTo: 'q2' },
  { key: 'quote', author: 'di', text: 'Q2 Who helped you most? For me it was the carers centre', minute: 13 },
];

function sourceIdOf(channel: PanelChannel, key: string): string {
  const post = PANEL.find((candidate) => candidate.key === key);
  if (post === undefined) throw new Error(`no post ${key}`);
  return panelSourceId(channel, key, post.author);
}

async function writePanel(dir: string, channel: PanelChannel, posts: readonly PanelPost[] = PANEL): Promise<string> {
  const { extension, content } = panelExport(channel, posts);
  const name = `panel-${channel}${extension}`;
  await writeFile(join(dir, name), content);
  return name;
}

async function storedRecords(store: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(store)) records.push(record);
  return records;
}

function expectAccounted(summary: IngestSummary): void {
  expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
}

describe.each(CHANNELS)('a hashtag panel on %s: the host’s questions are filtered, not feedback', (channel) => {
  test('the two questions are filtered as panel-question; every other post is stored, answers with their question', async () => {
    await withTempDir(async (dir) => {
      const file = await writePanel(dir, channel);
      const store = join(dir, 'store');
      const summary = await ingest({ paths: [file], storeDir: store, cwd: dir });
      expectAccounted(summary);
      expect(summary).toMatchObject({ read: 7, added: 5, filtered: 2, filteredByRule: { 'panel-question': 2 } });
      const records = await storedRecords(store);
      const questionOf = new Map(records.map((record) => [record.sourceId, record.meta['questionId'] ?? null]));
      expect(questionOf).toEqual(
        new Map([
          [sourceIdOf(channel, 'a1'), sourceIdOf(channel, 'q1')],
          [sourceIdOf(channel, 'hard'), sourceIdOf(channel, 'q1')],
          [sourceIdOf(channel, 'hosta'), sourceIdOf(channel, 'q1')],
          [sourceIdOf(channel, 'r2'), sourceIdOf(channel, 'q2')],
          [sourceIdOf(channel, 'quote'), null],
        ]),
      );
      expect(records.find((record) => record.sourceId === sourceIdOf(channel, 'a1'))?.meta['question']).toBe(PANEL[0]?.text);
    });
  });

  test('ingesting again adds nothing and filters the questions again; forget takes the answers out', async () => {
    await withTempDir(async (dir) => {
      const file = await writePanel(dir, channel);
      const store = join(dir, 'store');
      await ingest({ paths: [file], storeDir: store, cwd: dir });
      const again = await ingest({ paths: [file], storeDir: store, cwd: dir });
      expectAccounted(again);
      expect(again).toMatchObject({ read: 7, added: 0, duplicates: 5, filtered: 2, filteredByRule: { 'panel-question': 2 } });
      expect(await forgetFiles(store, [file])).toMatchObject({ removed: 5, kept: 0 });
      expect(await storedRecords(store)).toEqual([]);
    });
  });
});

describe('host questions at the edges', () => {
  test('a one-question panel: a participant’s own "Q1 was hard", posted after the host’s Q1, is kept as feedback', async () => {
    await withTempDir(async (dir) => {
      const posts: PanelPost[] = [
        { key: 'q1', author: 'host', text: 'Q1 What would make finding support easier?', minute: 0 },
        { key: 'a1', author: 'ann', text: 'A1 a named person to ring', minute: 2 },
        { key: 'hard', author: 'bo', text: 'Q1 was hard, honestly. Nobody ever asked me before', minute: 5 },
      ];
      const file = await writePanel(dir, 'twitter', posts);
      const summary = await ingest({ paths: [file], storeDir: join(dir, 'store'), cwd: dir });
      expect(summary).toMatchObject({ added: 2, filtered: 1, filteredByRule: { 'panel-question': 1 } });
      const kept = (await storedRecords(join(dir, 'store'))).map((record) => record.text);
      expect(kept).toEqual(['A1 a named person to ring', 'Q1 was hard, honestly. Nobody ever asked me before']);
    });
  });

  test('the CLI summary names the rule', async () => {
    await withTempDir(async (dir) => {
      const file = await writePanel(dir, 'mastodon');
      const result = await runCli(['ingest', file, '--store', 'store'], { cwd: dir });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain('filtered: panel-question 2');
    });
  });
});
