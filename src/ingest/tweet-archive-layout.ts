/**
 * An X / Twitter account archive read across its files:
 *
 * ```
 * data/tweets.js        window.YTD.tweets.part0 = [ … ]      the tweets; a long one cut short at 280 characters, ending in `…`
 * data/note-tweet.js    window.YTD.note_tweet.part0 = [ … ]  the whole text of each long tweet (since 2023)
 * tweets.csv                                                   the archives of 2012–2018: every tweet, as a table …
 * data/js/tweets/2013_03.js                                    … and again a month per file, with more of each tweet
 * ```
 *
 * The ingest reads an archive's note files before its tweets files, so that each tweet cut short
 * finds its whole text; a `tweets.js` named on its own takes the `note-tweet.js` beside it along. In
 * an archive of 2012–2018 read whole (its folder or zip), `tweets.csv` is not read: it holds the
 * same tweets as the month files, which say more (the author, a retweet's original).
 */
import { access } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NoteTweet, NoteTweetFiles } from '../adapters/format-adapter.js';
import { folderOf, lastStep } from './input-path-steps.js';

const NOTE_FILE_NAME = 'note-tweet.js';

/** The archive's files of tweets that long tweets are cut short in: `tweets.js` (`tweets-part1.js`…), the older `tweet.js`, `community-tweet.js`. */
const TWEETS_FILE_NAME = /^(?:tweets?(?:-part\d+)?|community-tweet)\.js$/;

/** A month file of the 2012–2018 archive, as the path under the archive's folder ends. */
const MONTH_FILE_PATH = /(?:^|\/)data\/js\/tweets\/\d{4}_\d{2}\.js$/;

/** True for an archive's `note-tweet.js`. */
export function isNoteTweetFile(path: string): boolean {
  return lastStep(path) === NOTE_FILE_NAME;
}

/** The inputs in the order a run reads them: archives' note files first, then the others, each group in the order given. */
export function noteFilesFirst<T>(inputs: readonly T[], pathOf: (input: T) => string): T[] {
  const notes = inputs.filter((input) => isNoteTweetFile(pathOf(input)));
  if (notes.length === 0 || notes.length === inputs.length) return [...inputs];
  return [...notes, ...inputs.filter((input) => !isNoteTweetFile(pathOf(input)))];
}

/**
 * The `note-tweet.js` beside an archive's tweets file on disk (`path`), or null when `path` is no
 * tweets file of an archive or there is none beside it.
 */
export async function noteFileBeside(path: string): Promise<string | null> {
  if (!TWEETS_FILE_NAME.test(basename(path))) return null;
  const beside = join(dirname(path), NOTE_FILE_NAME);
  try {
    await access(beside);
    return beside;
  } catch {
    return null;
  }
}

/**
 * True when `csvPath` is the `tweets.csv` at the top of a 2012–2018 archive whose month files
 * (`data/js/tweets/2013_03.js`, under the same folder) are among `paths`.
 */
export function monthFilesBeside(csvPath: string, paths: readonly string[]): boolean {
  if (lastStep(csvPath).toLowerCase() !== 'tweets.csv') return false;
  const csvFolder = folderOf(csvPath);
  const folder = csvFolder === '.' ? '' : csvFolder.endsWith('/') ? csvFolder : `${csvFolder}/`;
  return paths.some((path) => {
    const normal = path.replace(/\\/g, '/');
    return normal.startsWith(folder) && MONTH_FILE_PATH.test(normal) && normal.slice(folder.length).startsWith('data/');
  });
}

/** One run's long-tweet notes, by the folder of the note file they were read from. */
export class TweetArchiveLayout implements NoteTweetFiles {
  private readonly notesByFolder = new Map<string, NoteTweet[]>();

  addNote(file: string, note: NoteTweet): void {
    const folder = folderOf(file);
    const notes = this.notesByFolder.get(folder);
    if (notes === undefined) this.notesByFolder.set(folder, [note]);
    else notes.push(note);
  }

  notesBeside(file: string): readonly NoteTweet[] {
    return this.notesByFolder.get(folderOf(file)) ?? [];
  }
}
