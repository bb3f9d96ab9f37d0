import { describe, expect, test } from '@jest/globals';
import { youtubeDownloadedCommentsAdapter } from '../../../src/adapters/formats/youtube-downloaded-comments.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { sniffInputOf } from '../../builders/api-pages.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One comment as youtube-comment-downloader writes it, with the fields a test changes. */
function downloadedComment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    cid: 'UgzK7mQx3VbT9rLp2Ne4AaABAg',
    text: 'The film made direct payments make sense to us.',
    time: '3 weeks ago',
    author: '@CarerInLeeds',
    channel: 'UCq1w2e3r4t5y6u7i8o9p0aS',
    votes: '14',
    replies: '0',
    photo: 'https://yt3.ggpht.com/ytc/avatar=s88',
    heart: false,
    reply: false,
    time_parsed: 1761955200.0,
    ...overrides,
  };
}

/** What tlap reads from a file of these lines: its format and each item's kind and record fields. */
async function readLines(lines: readonly string[], name = 'comments.json') {
  return withTempDir(async (dir) => {
    await writeFile(join(dir, name), `${lines.join('\n')}\n`);
    const read = await readFileItems(join(dir, name), { displayPath: name });
    return {
      format: read.format,
      records: recordsOf(read),
      warnings: read.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : [])),
    };
  });
}

describe('youtube-comment-downloader', () => {
  test('is recognised by a YouTube comment id under "cid", not by any object with a "cid"', () => {
    const detected = (head: string) => detectFormat(ADAPTERS, sniffInputOf(head))?.adapter.name;
    expect(detected(JSON.stringify(downloadedComment()))).toBe('youtube-comment-downloader');
    expect(detected(JSON.stringify({ comments: [downloadedComment()] }, null, 4))).toBe('youtube-comment-downloader');
    expect(detected(JSON.stringify([downloadedComment()], null, 4))).toBe('youtube-comment-downloader');
    expect(youtubeDownloadedCommentsAdapter.sniff(sniffInputOf(JSON.stringify({ cid: 12345, text: 'a forum post', author: 'x' })))).toBe(0);
    expect(youtubeDownloadedCommentsAdapter.sniff(sniffInputOf(JSON.stringify({ cid: 'abc-1', text: 'a forum post', author: 'x' })))).toBe(
      0,
    );
  });

  test('dates a comment from time_parsed down to months ago; years ago, or a time in other words, leaves it undated with one warning', async () => {
    const read = await readLines([
      JSON.stringify(downloadedComment({ cid: 'UgzAAAAAAAAAAAAAAAAAAAAAAA', time: '5 months ago', time_parsed: 1750000000 })),
      JSON.stringify(downloadedComment({ cid: 'UgzBBBBBBBBBBBBBBBBBBBBBBB', time: '2 years ago', time_parsed: 1700000000 })),
      JSON.stringify(downloadedComment({ cid: 'UgzCCCCCCCCCCCCCCCCCCCCCCC', time: '1 year ago (edited)', time_parsed: 1730000000 })),
      JSON.stringify(downloadedComment({ cid: 'UgzDDDDDDDDDDDDDDDDDDDDDDD', time: 'vor 2 Jahren', time_parsed: 1700000000 })),
      JSON.stringify(downloadedComment({ cid: 'UgzEEEEEEEEEEEEEEEEEEEEEEE', time: undefined, time_parsed: 1750000000 })),
    ]);
    expect(read.format).toBe('youtube-comment-downloader');
    expect(read.records.map((record) => [record.date, record.meta['time'] ?? null])).toEqual([
      ['2025-06-15T15:06:40.000Z', '5 months ago'],
      [null, '2 years ago'],
      [null, '1 year ago (edited)'],
      [null, 'vor 2 Jahren'],
      ['2025-06-15T15:06:40.000Z', null],
    ]);
    expect(read.warnings).toEqual([
      expect.stringMatching(
        /^3 comments are dated by YouTube only as years ago, or in words tlap cannot place in a month \(the first here\)/,
      ),
    ]);
  });

  test("gives a comment the id the YouTube Data API gives it, and a reply its thread's id", async () => {
    const thread = 'UgzK7mQx3VbT9rLp2Ne4AaABAg';
    const read = await readLines([
      JSON.stringify(downloadedComment()),
      JSON.stringify(downloadedComment({ cid: `${thread}.9xYzAbCdEfG9xYzAbCdEfH`, reply: true, text: 'Same for us.' })),
    ]);
    const api = await readLines(
      [
        JSON.stringify({
          kind: 'youtube#commentThreadListResponse',
          items: [
            {
              kind: 'youtube#commentThread',
              id: thread,
              snippet: {
                videoId: 'abc',
                topLevelComment: {
                  kind: 'youtube#comment',
                  id: thread,
                  snippet: { textOriginal: 'The film made direct payments make sense to us.', authorDisplayName: '@CarerInLeeds' },
                },
              },
            },
          ],
        }),
      ],
      'api.json',
    );
    expect(api.format).toBe('youtube-comments');
    expect(read.records[0]?.id).toBe(api.records[0]?.id);
    expect(read.records[1]?.inReplyTo).toBe(thread);
  });

  test("keeps neither the commenter's channel id nor avatar, and a rounded like count as written", async () => {
    const read = await readLines([JSON.stringify(downloadedComment({ votes: '3.4K', heart: true }))]);
    expect(read.records[0]?.meta).toEqual({ time: '3 weeks ago', votes: '3.4K', heartedByCreator: true });
    expect(JSON.stringify(read.records)).not.toMatch(/UCq1w2e3|yt3\.ggpht/);
  });
});
