import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { monthFilesBeside, noteFilesFirst } from '../../src/ingest/tweet-archive-layout.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { buildZip } from '../builders/zip-builder.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/ingest/twitter-archive-long-tweets');

const RESPITE = '1764957953137312945';
const HOLBECK_REPLY = '1765447290023051297';
const FORM_PART_1 = '1765996584413168516';
const FORM_PART_2 = '1765996587051385733';
const WAITING = '1766441302246817836';
const NO_NOTE = '1766754000201318445';

async function ingestAt(cwd: string, paths: readonly string[]): Promise<{ summary: IngestSummary; records: Map<string, FeedbackRecord> }> {
  const storeDir = join(cwd, '.tlap');
  const summary = await ingest({ paths, cwd, storeDir });
  expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
  const records = new Map<string, FeedbackRecord>();
  for await (const record of readStoreRecords(storeDir)) records.set(record.sourceId, record);
  return { summary, records };
}

/** The fixture's archive copied into a temporary folder (so the store is made there), read with `paths`. */
function ingestCopy(paths: readonly string[]): Promise<{ summary: IngestSummary; records: Map<string, FeedbackRecord> }> {
  return withTempDir(async (dir) => {
    await cp(join(FIXTURE, 'data'), join(dir, 'data'), { recursive: true });
    return ingestAt(dir, paths);
  });
}

function textOf(records: Map<string, FeedbackRecord>, id: string): string {
  const record = records.get(id);
  if (record === undefined) throw new Error(`no record ${id}`);
  return record.text;
}

/** What every reading of the whole archive gives: long tweets whole, the rest as tweets.js has them. */
function expectWholeTexts(records: Map<string, FeedbackRecord>): void {
  expect(records.size).toBe(6);
  expect(textOf(records, RESPITE)).toBe(
    [
      'Three things the respite review got wrong, from a carer of nine years:',
      '',
      "1. Respite booked six weeks ahead is no respite when Dad's needs change by the day. The form asks for dates we cannot know.",
      '2. The day centre minibus > the taxi scheme, every time: same driver, same faces, Dad settles. The review would cut it first.',
      '3. Nobody asked the carers. We fill in the survey at https://carers.example.org/survey/respite and hear nothing back.',
      '',
      "Please read the carers' group response before Friday's vote. https://twitter.com/leedscarersnet/status/1765001234567890123 https://t.co/Ph0tOaBcDe",
    ].join('\n'),
  );
  expect(textOf(records, HOLBECK_REPLY)).toMatch(
    /^@LeedsCareTeam Thank you for replying\. .* & went home without her lunch\. Can someone look into it\?$/,
  );
  expect(textOf(records, FORM_PART_1)).toMatch(/part 1\. .*Why can it not be filled in online and saved halfway\?$/);
  expect(textOf(records, FORM_PART_2)).toMatch(/part 2\. .*Carers give up because of this\.$/);
  expect(textOf(records, WAITING)).toBe("Waiting to hear back from the council about Mum's care plan…");
  expect(textOf(records, NO_NOTE)).toMatch(/closed sinc…$/);
  expect(records.get(RESPITE)?.author).toBe('ruth_cares');
  expect(records.get(HOLBECK_REPLY)?.inReplyTo).toBe('1765012345678901234');
}

describe('fixtures/ingest/twitter-archive-long-tweets: an X archive with data/note-tweet.js', () => {
  test('the folder: each long tweet is stored whole, its note counted filtered, and the one with no note stays cut short with a warning', async () => {
    const { summary, records } = await ingestCopy(['data']);
    expectWholeTexts(records);
    expect(summary.perFile.map((file) => [file.file, file.read, file.added, file.filtered])).toEqual([
      ['data/note-tweet.js', 5, 0, 5],
      ['data/tweets.js', 7, 6, 1],
    ]);
    expect(summary.filteredByRule).toEqual({ 'long-tweet-text': 5, retweet: 1 });
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^data\/tweets\.js:\d+: 1 tweet ends in "…" as X cuts a long tweet short, and the archive's note-tweet\.js holds no whole text for it/,
      ),
    ]);
  });

  test('tweets.js named on its own takes the note-tweet.js beside it along', async () => {
    const { summary, records } = await ingestCopy(['data/tweets.js']);
    expectWholeTexts(records);
    expect(summary.perFile.map((file) => file.file)).toEqual(['data/note-tweet.js', 'data/tweets.js']);
  });

  test('a large archive splits its tweets over tweets-part1.js…: a part named on its own is joined to the notes as tweets.js is', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'data'));
      await cp(join(FIXTURE, 'data/note-tweet.js'), join(dir, 'data/note-tweet.js'));
      const tweets = await readFile(join(FIXTURE, 'data/tweets.js'), 'utf8');
      await writeFile(join(dir, 'data/tweets-part1.js'), tweets.replace('window.YTD.tweets.part0', 'window.YTD.tweets.part1'));
      const { summary, records } = await ingestAt(dir, ['data/tweets-part1.js']);
      expectWholeTexts(records);
      expect(summary.perFile.map((file) => [file.file, file.format])).toEqual([
        ['data/note-tweet.js', 'twitter-archive'],
        ['data/tweets-part1.js', 'twitter-archive'],
      ]);
    });
  });

  test('both named, tweets.js first: the note file is read once, before the tweets', async () => {
    const { summary, records } = await ingestCopy(['data/tweets.js', 'data/note-tweet.js']);
    expectWholeTexts(records);
    expect(summary.perFile.map((file) => file.file)).toEqual(['data/note-tweet.js', 'data/tweets.js']);
  });

  test('the archive as a zip reads the same', async () => {
    await withTempDir(async (dir) => {
      const files = await Promise.all(
        ['data/tweets.js', 'data/note-tweet.js'].map(async (name) => ({ name, content: await readFile(join(FIXTURE, name)) })),
      );
      await writeFile(join(dir, 'twitter-2024-03-20.zip'), buildZip(files));
      const { summary, records } = await ingestAt(dir, ['twitter-2024-03-20.zip']);
      expectWholeTexts(records);
      expect(summary.filteredByRule['long-tweet-text']).toBe(5);
    });
  });

  test('tweets.js without its note file: the long tweets stay cut short, and one warning says where their whole text is', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'copied'));
      await cp(join(FIXTURE, 'data/tweets.js'), join(dir, 'copied/tweets.js'));
      const { summary, records } = await ingestAt(dir, ['copied/tweets.js']);
      expect(records.size).toBe(6);
      expect(textOf(records, FORM_PART_1)).toMatch(/saved halfway|in onl…$/);
      expect(textOf(records, FORM_PART_1).endsWith('onl…')).toBe(true);
      expect(summary.warnings.map((warning) => warning.message)).toEqual([
        expect.stringMatching(
          /^copied\/tweets\.js:\d+: 5 tweets end in "…" as X cuts a long tweet short; the whole text is in the archive's data\/note-tweet\.js: ingest it with this file/,
        ),
      ]);
    });
  });
});

describe('fixtures/ingest/twitter-archive-2012-2018: tweets.csv and the month files hold the same tweets', () => {
  const OLD_ARCHIVE = join(PROJECT_ROOT, 'fixtures/ingest/twitter-archive-2012-2018');

  function ingestOldArchive(paths: readonly string[]): Promise<{ summary: IngestSummary; records: Map<string, FeedbackRecord> }> {
    return withTempDir(async (dir) => {
      await cp(OLD_ARCHIVE, join(dir, 'archive'), { recursive: true });
      return ingestAt(dir, paths);
    });
  }

  test('the folder: each tweet is read once, from its month file; tweets.csv is noted, not read', async () => {
    const { summary, records } = await ingestOldArchive(['archive']);
    expect(summary.perFile.map((file) => [file.file, file.read, file.added, file.duplicates, file.filtered])).toEqual([
      ['archive/data/js/tweets/2013_03.js', 4, 3, 0, 1],
    ]);
    expect(summary.duplicates).toBe(0);
    expect(summary.notFeedback).toEqual(['archive/README.md', 'archive/data/js/tweet_index.js']);
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^archive\/tweets\.csv: not read: the archive's tweets\.csv holds the same tweets as its month files/),
    ]);
    expect([...records.values()].map((record) => record.author)).toEqual(['pat_cares_leeds', 'pat_cares_leeds', 'leedscarershub']);
  });

  test('tweets.csv named on its own is read', async () => {
    const { summary } = await ingestOldArchive(['archive/tweets.csv']);
    expect(summary.perFile.map((file) => [file.file, file.format, file.added, file.filtered])).toEqual([
      ['archive/tweets.csv', 'twitter-archive-csv', 2, 1],
    ]);
    expect(summary.warnings).toEqual([]);
  });
});

describe('tweet archive layout', () => {
  test('note files are read first, the rest in the order given', () => {
    expect(noteFilesFirst(['a/data/tweets.js', 'a/data/note-tweet.js', 'b.csv'], (path) => path)).toEqual([
      'a/data/note-tweet.js',
      'a/data/tweets.js',
      'b.csv',
    ]);
  });

  test("an old archive's tweets.csv is beside month files only when they are under its own folder", () => {
    const monthFile = 'archive/data/js/tweets/2013_03.js';
    expect(monthFilesBeside('archive/tweets.csv', [monthFile, 'archive/tweets.csv'])).toBe(true);
    expect(monthFilesBeside('other/tweets.csv', [monthFile])).toBe(false);
    expect(monthFilesBeside('archive/replies.csv', [monthFile])).toBe(false);
    expect(monthFilesBeside('tweets.csv', ['data/js/tweets/2013_03.js'])).toBe(true);
  });
});
