import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../src/adapters/registry.js';
import { detectFormat } from '../../src/adapters/format-detection.js';
import type { SniffInput } from '../../src/adapters/format-adapter.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { readTempInput } from '../helpers/temp-input.js';
import { jsonLinesOf } from '../builders/api-pages.js';

/** The sniff input of a fixture's input file, optionally seen under another name. */
function sniffInputOf(fixture: string, asPath?: string): SniffInput {
  const bytes = readFileSync(join(PROJECT_ROOT, 'fixtures/adapters', fixture)).subarray(0, 64 * 1024);
  const path = asPath ?? fixture;
  return { path, extension: extname(path).toLowerCase(), headBytes: bytes, headText: bytes.toString('utf8') };
}

function textInput(path: string, headText: string): SniffInput {
  return { path, extension: extname(path).toLowerCase(), headText, headBytes: Buffer.from(headText) };
}

const TWEET_FIXTURES: readonly (readonly [string, string])[] = [
  ['twitter-archive/tweets-js/input.js', 'twitter-archive'],
  ['twitter-archive/tweet-js-thread/input.js', 'twitter-archive'],
  ['twitter-archive/grailbird-month/input.js', 'twitter-archive'],
  ['twitter-api-v1/statuses-array/input.json', 'twitter-api-v1'],
  ['twitter-api-v1/stream-jsonl/input.jsonl', 'twitter-api-v1'],
  ['twitter-api-v2/twarc2-pages/input.jsonl', 'twitter-api-v2'],
  ['twitter-api-v2/stream-lines/input.jsonl', 'twitter-api-v2'],
  ['twitter-api-v2/pretty-page/input.json', 'twitter-api-v2'],
  ['twitter-api-v2/flattened/input.jsonl', 'twitter-api-v2'],
  ['tags-csv/na-blanks/input.csv', 'tags-csv'],
  ['twarc-csv/current-layout/input.csv', 'twarc-csv'],
  ['twarc-csv/early-json-text/input.csv', 'twarc-csv'],
  ['rtweet-csv/write-as-csv/input.csv', 'rtweet-csv'],
  ['twitter-archive-csv/tweets-csv/input.csv', 'twitter-archive-csv'],
];

describe('detecting the X/Twitter layouts without --format', () => {
  test.each(TWEET_FIXTURES)('%s by its extension and signature -> %s', (fixture, format) => {
    expect(detectFormat(ADAPTERS, sniffInputOf(fixture))).toEqual({
      adapter: expect.objectContaining({ name: format }),
      reason: 'extension',
    });
  });

  test.each(TWEET_FIXTURES.filter(([fixture]) => !fixture.endsWith('.js')))(
    '%s without an extension, by content -> %s',
    (fixture, format) => {
      expect(detectFormat(ADAPTERS, sniffInputOf(fixture, 'export'))).toEqual({
        adapter: expect.objectContaining({ name: format }),
        reason: 'content',
      });
    },
  );

  test('a month file of the 2012–2018 archive is a twitter-archive by content, whatever its name', () => {
    expect(detectFormat(ADAPTERS, sniffInputOf('twitter-archive/grailbird-month/input.js', '2013_03.txt'))).toEqual({
      adapter: expect.objectContaining({ name: 'twitter-archive' }),
      reason: 'content',
    });
  });

  test('a twarc2 counts file (tweets matched per hour) is recognised and refused as not feedback, not as a table without text', async () => {
    const counts = JSON.stringify({
      data: [
        { end: '2021-10-16T19:00:00.000Z', start: '2021-10-16T18:21:34.000Z', tweet_count: 3961 },
        { end: '2021-10-16T20:00:00.000Z', start: '2021-10-16T19:00:00.000Z', tweet_count: 5894 },
      ],
      meta: { total_tweet_count: 9855 },
    });
    expect(detectFormat(ADAPTERS, textInput('counts.json', counts))?.adapter.name).toBe('twitter-api-v2');
    const result = await readTempInput('counts.json', counts);
    expect(result.items).toEqual([]);
    expect(result.error).toMatch(/counts\.json: tweet counts \(twarc2 counts, \/2\/tweets\/counts\).*not tweets; not read/);
  });

  test("twarc2's users and compliance outputs are refused as not feedback, naming what they hold", async () => {
    const users = JSON.stringify({
      data: [
        {
          id: '1175047638',
          name: 'Pat Example',
          username: 'pat_example',
          description: 'Carer and volunteer.',
          public_metrics: { followers_count: 12, following_count: 30, tweet_count: 400, listed_count: 0 },
        },
      ],
      __twarc: { url: 'https://api.twitter.com/2/users?ids=1175047638', version: '2.0.10' },
    });
    const compliance = jsonLinesOf([
      {
        id: '1388424788171841537',
        action: 'delete',
        created_at: '2021-06-01T00:00:00.000Z',
        redacted_at: '2021-06-01T00:00:00.000Z',
        reason: 'deleted',
      },
    ]);
    const usersRead = await readTempInput('users.jsonl', `${users}\n`);
    expect([usersRead.format, usersRead.items]).toEqual(['twitter-api-v2', []]);
    expect(usersRead.error).toMatch(/user profiles \(twarc2 users, \/2\/users\).*not tweets; not read/);
    const complianceRead = await readTempInput('compliance.jsonl', compliance);
    expect(complianceRead.error).toMatch(/compliance results \(twarc2 compliance-job\).*not tweets; not read/);
  });

  test('a v1.1 head never sniffs as v2, nor a v2 head as v1.1', () => {
    const v1 = ADAPTERS.find((adapter) => adapter.name === 'twitter-api-v1');
    const v2 = ADAPTERS.find((adapter) => adapter.name === 'twitter-api-v2');
    for (const [fixture, format] of TWEET_FIXTURES) {
      if (format === 'twitter-api-v1') expect(v2?.sniff(sniffInputOf(fixture))).toBe(0);
      if (format === 'twitter-api-v2') expect(v1?.sniff(sniffInputOf(fixture))).toBe(0);
    }
  });

  test('other tables and JSON still go to the generic readers', () => {
    const table = textInput('responses.csv', 'id,text,created_at,author\n1,More respite please,2024-01-02,Ann\n');
    expect(detectFormat(ADAPTERS, table)?.adapter.name).toBe('csv');
    const json = textInput('comments.json', '[{"id": "1", "text": "Thanks for listening", "created_at": "2024-01-02"}]');
    expect(detectFormat(ADAPTERS, json)?.adapter.name).toBe('json');
  });

  test('a header needs every signature column: id_str and text alone are not TAGS', () => {
    const partial = textInput('tweets.csv', 'id_str,text,created_at\n1,hello,Wed Oct 10 20:19:24 +0000 2018\n');
    expect(detectFormat(ADAPTERS, partial)?.adapter.name).toBe('csv');
  });

  test('rtweet headers are found when R quoted them', () => {
    const quoted = textInput('rt.csv', '"user_id","status_id","created_at","screen_name","text","is_retweet"\n');
    expect(detectFormat(ADAPTERS, quoted)?.adapter.name).toBe('rtweet-csv');
  });

  test('--format picks a tweet adapter whatever the content', () => {
    const table = textInput('responses.csv', 'id,text\n1,hello\n');
    expect(detectFormat(ADAPTERS, table, 'tags-csv')).toEqual({
      adapter: expect.objectContaining({ name: 'tags-csv' }),
      reason: 'format-flag',
    });
  });
});

describe('the API v2 signature is specific to tweets', () => {
  test('a comment export with author_id and text but no tweet fields is left to the generic reader', () => {
    const comments = textInput('comments.json', '[{"id": "1", "author_id": "77", "text": "Lovely post", "created": "2024-01-02"}]');
    expect(detectFormat(ADAPTERS, comments)?.adapter.name).toBe('json');
  });

  test('another API\'s {"data": [...]} wrapper with numeric ids is not v2', () => {
    const wrapped = textInput('export.json', '{"data": [{"id": 12, "text": "A comment"}]}\n');
    expect(detectFormat(ADAPTERS, wrapped)?.adapter.name).toBe('json');
  });
});
