import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ingest } from '../../src/ingest/ingest.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { runCli } from '../builders/cli-runner.js';
import { csvExport } from '../builders/export-files.js';
import { panelExport, type PanelChannel, type PanelPost } from '../builders/panel-exports.js';
import { withTempDir } from '../builders/temp-dir.js';
import { propertyRuns } from '../helpers/property-runs.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const THEMES = join(PROJECT_ROOT, 'themes.yaml');
const SAVED_TWICE = join(PROJECT_ROOT, 'fixtures/ingest/same-email-saved-twice');

/** A panel run on one channel: the host's two questions, labelled answers, replies and a thread. */
const PANEL: readonly PanelPost[] = [
  { key: 'q1', author: 'host', text: 'Q1 What would make finding support easier? #SocialCareFuture', minute: 0 },
  { key: 'a1', author: 'ann', text: 'A1 One list of respite services that is kept up to date', minute: 2 },
  { key: 'r1', author: 'bo', text: 'A named social worker who rings back about direct payments', minute: 3, replyTo: 'q1' },
  { key: 'q2', author: 'host', text: 'Q2 Who helped you most? #SocialCareFuture', minute: 10 },
  { key: 'a2', author: 'cy', text: 'A2 my neighbour, who drove me to the carers centre for respite', minute: 12 },
  { key: 'r2', author: 'di', text: 'The personal assistant we found through the direct payments team', minute: 13, replyTo: 'q2' },
];

/**
 * What each channel's panel adds to every post, so that no text of one channel is near another's:
 * near-identical texts in several records are a campaign, which the report finds in store order.
 */
const ASIDES: Readonly<Record<PanelChannel, string>> = {
  twitter: 'the waiting list for an assessment ran past eight months where we live',
  mastodon: 'nobody at the hospital told us about the discharge team until the last day',
  bluesky: 'our library runs a drop-in with the advice centre every second Thursday morning',
};

/** The same conversation as another export saw it: some answers, without the host's questions. */
const WITHOUT_QUESTIONS = new Set(['a1', 'r1', 'a2']);

/** The export files of the set: each a name and what to write (or the fixture file to copy). */
function exportSet(): { name: string; content?: string; copy?: string }[] {
  const files: { name: string; content?: string; copy?: string }[] = [];
  for (const channel of ['twitter', 'mastodon', 'bluesky'] as const satisfies readonly PanelChannel[]) {
    const posts = PANEL.map((post) => ({ ...post, text: `${post.text}; ${ASIDES[channel]}` }));
    const whole = panelExport(channel, posts);
    const part = panelExport(
      channel,
      posts.filter((post) => WITHOUT_QUESTIONS.has(post.key)),
    );
    files.push({ name: `${channel}-panel${whole.extension}`, content: whole.content });
    files.push({ name: `${channel}-answers${part.extension}`, content: part.content });
  }
  files.push({ name: 'mail.eml', copy: join(SAVED_TWICE, 'saved-from-thunderbird.eml') });
  files.push({
    name: 'event-a.csv',
    content: csvExport([
      { id: '1', text: 'Respite for carers was cancelled twice this year' },
      { id: '2', text: 'Direct payments paperwork takes weeks' },
    ]),
  });
  files.push({
    name: 'event-b.csv',
    content: csvExport([
      { id: '2', text: 'Direct payments paperwork takes weeks' },
      { id: '3', text: 'The day centre minibus is the only way my son gets out' },
    ]),
  });
  return files;
}

const FILES = exportSet();

/** The markdown, HTML and JSON reports of a store that was given the files in this order, in one ingest run or one run per file. */
async function reportsAfter(
  order: readonly string[],
  runs: 'one run' | 'a run per file',
): Promise<{ md: string; html: string; json: string }> {
  return withTempDir(async (dir) => {
    const exports = join(dir, 'exports');
    await mkdir(exports);
    for (const file of FILES) {
      const path = join(exports, file.name);
      if (file.copy !== undefined) await copyFile(file.copy, path);
      else await writeFile(path, file.content ?? '');
    }
    const paths = order.map((name) => `exports/${name}`);
    const ingests = runs === 'one run' ? [paths] : paths.map((path) => [path]);
    for (const given of ingests) {
      const ingested = await runCli(['ingest', ...given, '--store', 'store'], { cwd: dir });
      expect(ingested.stderr).not.toContain('rejected:');
      expect(ingested.exitCode).toBe(0);
    }
    const report = async (format: string): Promise<string> => {
      const result = await runCli(['themes', '--store', 'store', '--themes', THEMES, '--format', format, '--threads', '0'], { cwd: dir });
      expect(result.exitCode).toBe(0);
      return result.stdout;
    };
    return { md: await report('md'), html: await report('html'), json: await report('json') };
  });
}

describe('the report does not depend on the order the exports are ingested in', () => {
  const names = FILES.map((file) => file.name);

  test('the set holds what order can change: panels with and without their questions, a row two tables share', () => {
    expect(names).toHaveLength(9);
  });

  test('in one run or a run per file, any order gives the same markdown, HTML and JSON reports as the files in name order', async () => {
    const reference = await reportsAfter([...names].sort(), 'one run');
    expect(reference.md).toContain('| Q2 Who helped you most? #SocialCareFuture; ');
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }),
        fc.constantFrom('one run' as const, 'a run per file' as const),
        async (order, runs) => {
          const reports = await reportsAfter(order, runs);
          expect(reports.md).toBe(reference.md);
          expect(reports.html).toBe(reference.html);
          expect(reports.json).toBe(reference.json);
        },
      ),
      { numRuns: propertyRuns(6), seed: 20261201, examples: [[[...names].reverse(), 'a run per file']] },
    );
  }, 120_000);
});

describe('a panel answer read first from a file without its question', () => {
  test.each(['mastodon', 'bluesky', 'twitter'] as const)(
    '%s: a later run of the panel gives the stored answer its question; a third run adds and changes nothing',
    async (channel) => {
      await withTempDir(async (dir) => {
        const answers = panelExport(
          channel,
          PANEL.filter((post) => WITHOUT_QUESTIONS.has(post.key)),
        );
        const panel = panelExport(channel, PANEL);
        await writeFile(join(dir, `answers${answers.extension}`), answers.content);
        await writeFile(join(dir, `panel${panel.extension}`), panel.content);
        const run = (file: string) => ingest({ paths: [file], storeDir: 'store', cwd: dir });
        expect((await run(`answers${answers.extension}`)).added).toBe(3);
        const questionsOf = async (): Promise<unknown[]> => {
          const questions: unknown[] = [];
          for await (const record of readStoreRecords(join(dir, 'store'))) questions.push(record.meta['question'] ?? null);
          return questions;
        };
        expect(await questionsOf()).toEqual([null, null, null]);
        expect(await run(`panel${panel.extension}`)).toMatchObject({ added: 1, duplicates: 3, filtered: 2 });
        const [q1, q2] = [PANEL[0]?.text ?? '', PANEL[3]?.text ?? ''];
        expect((await questionsOf()).sort()).toEqual([q1, q1, q2, q2]);
        const records = await readFile(join(dir, 'store', 'records.jsonl'), 'utf8');
        for (const file of [`answers${answers.extension}`, `panel${panel.extension}`]) {
          expect(await run(file)).toMatchObject({ added: 0 });
        }
        expect(await readFile(join(dir, 'store', 'records.jsonl'), 'utf8')).toBe(records);
      });
    },
  );
});

describe('what the order still decides, as README.md says', () => {
  test('of two different texts under one id a table numbers itself, the one read first keeps the plain id', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'event-a.csv'), csvExport([{ id: '1', text: 'Respite for carers was cancelled twice this year' }]));
      await writeFile(join(dir, 'event-b.csv'), csvExport([{ id: '1', text: 'The day centre minibus is the only way my son gets out' }]));
      const plainIdAfter = async (order: string[], store: string): Promise<string[]> => {
        await ingest({ paths: order, storeDir: store, cwd: dir });
        const plain: string[] = [];
        for await (const record of readStoreRecords(join(dir, store))) if (record.sourceId === '1') plain.push(record.text);
        return plain;
      };
      expect(await plainIdAfter(['event-a.csv', 'event-b.csv'], 'ab')).toEqual(['Respite for carers was cancelled twice this year']);
      expect(await plainIdAfter(['event-b.csv', 'event-a.csv'], 'ba')).toEqual(['The day centre minibus is the only way my son gets out']);
    });
  });
});

describe('fixtures/ingest/panel-answer-without-its-question: a Mastodon answer in a participant’s timeline and in the tag timeline', () => {
  const FIXTURE = join(PROJECT_ROOT, 'fixtures/ingest/panel-answer-without-its-question');
  const FILES_IN_NAME_ORDER = ['carer-statuses.json', 'tag-timeline.json'];

  test('either order, in one run or two: the same records, the answer with the host’s question', async () => {
    const storesAfter: string[][] = [];
    for (const order of [FILES_IN_NAME_ORDER, [...FILES_IN_NAME_ORDER].reverse()]) {
      for (const runs of [[order], order.map((file) => [file])]) {
        await withTempDir(async (dir) => {
          const updated: number[] = [];
          for (const paths of runs) updated.push((await ingest({ paths, storeDir: join(dir, 'store'), cwd: FIXTURE })).updated);
          expect(updated.reduce((sum, count) => sum + count, 0)).toBe(1);
          expect((await ingest({ paths: order, storeDir: join(dir, 'store'), cwd: FIXTURE })).updated).toBe(0);
          const lines = (await readFile(join(dir, 'store', 'records.jsonl'), 'utf8')).trim().split('\n');
          storesAfter.push(lines.sort());
          const answers: FeedbackRecord[] = [];
          for await (const record of readStoreRecords(join(dir, 'store'))) if (record.text.includes('A1 one place')) answers.push(record);
          expect(answers.map((record) => [record.provenance.file, record.meta['questionId']])).toEqual([
            ['carer-statuses.json', 'https://mastodonapp.uk/users/TLAP/statuses/113516199870123456'],
          ]);
        });
      }
    }
    expect(new Set(storesAfter.map((lines) => lines.join('\n'))).size).toBe(1);
  });

  test('the run that changes the stored answer says so, on the terminal and in --json', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      expect((await runCli(['ingest', 'tag-timeline.json', '--store', store], { cwd: FIXTURE })).stderr).not.toContain('updated:');
      const second = await runCli(['ingest', 'carer-statuses.json', '--store', store, '--json'], { cwd: FIXTURE });
      expect(second.exitCode).toBe(0);
      expect(second.stderr).toContain(
        "updated: 1 stored record from other copies of them (a post read again with other words takes the words edited last, else read last; otherwise a record is the copy from the file first in name order, with any copy's question: a hashtag panel's, or a consultation's question.json)",
      );
      expect(JSON.parse(second.stdout)).toMatchObject({ updated: 1 });
    });
  });
});
