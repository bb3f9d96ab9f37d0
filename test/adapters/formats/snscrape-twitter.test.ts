import { describe, expect, test } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { sniffInputOf } from '../../builders/api-pages.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';

/** One tweet as snscrape's json() writes it (its ids as bare integers), with the fields a test changes. */
function snscrapeTweetLine(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    _type: '"snscrape.modules.twitter.Tweet"',
    url: '"https://twitter.com/jo_carer_leeds/status/1623013456789012345"',
    date: '"2023-02-07T13:04:41+00:00"',
    rawContent: '"Respite has to be there before families hit crisis point"',
    id: '1623013456789012345',
    user: '{"_type": "snscrape.modules.twitter.User", "username": "jo_carer_leeds", "id": 1384455762, "displayname": "Jo"}',
    inReplyToTweetId: '1623012345678901234',
    conversationId: '1623012345678901234',
    lang: '"en"',
    likeCount: '7',
    retweetCount: '0',
    retweetedTweet: 'null',
    quotedTweet: 'null',
    ...overrides,
  };
  return `{${Object.entries(fields)
    .map(([key, value]) => `"${key}": ${value}`)
    .join(', ')}}`;
}

async function readLines(lines: readonly string[], name = 'tweets.jsonl') {
  return withTempDir(async (dir) => {
    await writeFile(join(dir, name), `${lines.join('\n')}\n`);
    return readFileItems(join(dir, name), { displayPath: name });
  });
}

describe('snscrape-twitter', () => {
  test('is recognised by its items\' "_type", under any of the names snscrape output is saved as', () => {
    for (const extension of ['.jsonl', '.json', '.txt']) {
      expect(detectFormat(ADAPTERS, sniffInputOf(snscrapeTweetLine(), extension))?.adapter.name).toBe('snscrape-twitter');
    }
    expect(detectFormat(ADAPTERS, sniffInputOf('{"_type": "snscrape.modules.reddit.Comment", "id": "x"}'))?.adapter.name).not.toBe(
      'snscrape-twitter',
    );
  });

  test("twscrape's lines, in snscrape's layout with _type last and a space in the date, are read as snscrape's", async () => {
    const line = snscrapeTweetLine({ date: '"2023-02-07 13:04:41+00:00"' })
      .replace('"_type": "snscrape.modules.twitter.Tweet", ', '')
      .replace(/\}$/, ', "_type": "snscrape.modules.twitter.Tweet"}');
    expect(line.startsWith('{"url"')).toBe(true);
    expect(detectFormat(ADAPTERS, sniffInputOf(line, '.jsonl'))?.adapter.name).toBe('snscrape-twitter');
    const records = recordsOf(await readLines([line]));
    expect(records.map((record) => [record.sourceId, record.author, record.date])).toEqual([
      ['1623013456789012345', 'jo_carer_leeds', '2023-02-07T13:04:41.000Z'],
    ]);
    expect(detectFormat(ADAPTERS, sniffInputOf(`{"id": 1, "note": "x"}\n${line}`, '.jsonl'))?.adapter.name).not.toBe('snscrape-twitter');
  });

  test('reads the lines of early versions, which wrote no _type, by their status link and tcooutlinks', async () => {
    const line = snscrapeTweetLine({
      url: '"https://twitter.com/jo_carer_leeds/status/1623013456789012345"',
      content: '"Respite has to be there before families hit crisis point"',
      user: '{"username": "jo_carer_leeds", "id": 1384455762, "displayname": "Jo"}',
      tcooutlinks: '[]',
    })
      .replace('"_type": "snscrape.modules.twitter.Tweet", ', '')
      .replace(/"rawContent": "[^"]*", /, '');
    expect(line.startsWith('{"url": "https://twitter.com/')).toBe(true);
    expect(detectFormat(ADAPTERS, sniffInputOf(line, '.jsonl'))?.adapter.name).toBe('snscrape-twitter');
    expect(recordsOf(await readLines([line])).map((record) => [record.sourceId, record.text])).toEqual([
      ['1623013456789012345', 'Respite has to be there before families hit crisis point'],
    ]);
    const withoutSnscrapeFields = line.replace('"tcooutlinks": [], ', '').replace(', "tcooutlinks": []', '');
    expect(detectFormat(ADAPTERS, sniffInputOf(withoutSnscrapeFields, '.jsonl'))?.adapter.name).not.toBe('snscrape-twitter');
  });

  test("a shortened link is written out from the tweet's links (url, text, tcourl), as snscrape and twscrape write them", async () => {
    const result = await readLines([
      snscrapeTweetLine({
        rawContent: '"Read the respite review https://t.co/4DKVPvU31o before Friday"',
        links:
          '[{"url": "https://example.gov.uk/respite-review", "text": "example.gov.uk/respite-rev\\u2026", "tcourl": "https://t.co/4DKVPvU31o"}]',
      }),
    ]);
    expect(recordsOf(result).map((record) => record.text)).toEqual([
      'Read the respite review https://example.gov.uk/respite-review before Friday',
    ]);
  });

  test('reads ids beyond 2^53 exactly, so a tweet saved by snscrape and by the API is one record', async () => {
    const scraped = recordsOf(await readLines([snscrapeTweetLine()]));
    const api = recordsOf(
      await readLines(
        [
          JSON.stringify({
            id_str: '1623013456789012345',
            created_at: 'Tue Feb 07 13:04:41 +0000 2023',
            full_text: 'Respite has to be there before families hit crisis point',
            in_reply_to_status_id_str: '1623012345678901234',
            user: { screen_name: 'jo_carer_leeds' },
          }),
        ],
        'api.json',
      ),
    );
    expect(scraped.map((record) => [record.sourceId, record.inReplyTo, record.meta['conversationId']])).toEqual([
      ['1623013456789012345', '1623012345678901234', '1623012345678901234'],
    ]);
    expect(scraped[0]?.id).toBe(api[0]?.id);
    expect(scraped[0]?.url).toBe(api[0]?.url);
  });

  test('reads the text and handle of versions before 0.5 (content, a top-level username)', async () => {
    const old = snscrapeTweetLine({
      rawContent: 'null',
      content: '"Direct payments need less paperwork"',
      user: '{"_type": "snscrape.modules.twitter.UserRef", "id": 99887766}',
      username: '"SamSocialWork"',
    });
    const [record] = recordsOf(await readLines([old]));
    expect([record?.author, record?.text]).toEqual(['SamSocialWork', 'Direct payments need less paperwork']);
  });

  test('filters retweets, tombstones and profiles, and rejects an item of another module', async () => {
    const read = await readLines([
      snscrapeTweetLine({
        id: '1623014567890123456',
        url: '"https://twitter.com/SamSocialWork/status/1623014567890123456"',
        rawContent: '"RT @jo_carer_leeds: Respite has to be there before families hit crisis point"',
        retweetedTweet: snscrapeTweetLine(),
      }),
      '{"_type": "snscrape.modules.twitter.Tombstone", "id": 1623016789012345678, "text": "This Tweet is from a suspended account."}',
      '{"_type": "snscrape.modules.twitter.User", "username": "jo_carer_leeds", "id": 1384455762}',
      '{"_type": "snscrape.modules.reddit.Comment", "id": "abc"}',
    ]);
    expect(read.items.map((item) => (item.kind === 'filtered' ? `${item.kind} ${item.rule}` : item.kind))).toEqual([
      'filtered retweet',
      'record',
      'filtered deleted',
      'filtered not-feedback',
      'rejected',
    ]);
    expect(recordsOf(read)[0]?.meta['retweetedVia']).toBe('1623014567890123456');
  });
});
