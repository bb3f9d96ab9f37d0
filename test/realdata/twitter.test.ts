import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { countItems, readFileItems, recordsOf, REALDATA_ROOT, type FileReadResult } from '../helpers/read-fixture.js';
import type { FeedbackRecord } from '../../src/record/record.js';

const describeRealdata = REALDATA_ROOT === null ? describe.skip : describe;
const folder = join(REALDATA_ROOT ?? '', 'twitter');

/** Reads one shared real file by its name in realdata/twitter/, detecting its format. */
function readTwitterFile(name: string): Promise<FileReadResult> {
  return readFileItems(join(folder, name));
}

function bySourceId(records: readonly FeedbackRecord[], sourceId: string): FeedbackRecord {
  const record = records.find((candidate) => candidate.sourceId === sourceId);
  if (record === undefined) throw new Error(`no record with sourceId ${sourceId}`);
  return record;
}

/** What no tweet record's text may hold once read. */
function expectCleanTweetTexts(records: readonly FeedbackRecord[]): void {
  for (const record of records) {
    expect(record.text).not.toMatch(/&(amp|lt|gt);/);
    expect(record.text).not.toMatch(/<a\s|<\/a>/);
    expect(record.text).not.toMatch(/^RT @\w+:/);
    expect(record.text).not.toContain('\uFFFD');
    expect(record.text).not.toContain('\\n');
    expect(record.text).not.toMatch(/\\u[0-9a-f]{4}/i);
    expect(record.sourceId).toMatch(/^\d{6,20}$/);
    expect(record.channel).toBe('twitter');
    if (record.inReplyTo !== null) expect(record.inReplyTo).toMatch(/^\d+$/);
    if (record.author !== null) expect(record.url).toBe(`https://twitter.com/${record.author}/status/${record.sourceId}`);
  }
}

describeRealdata('real X/Twitter exports in realdata/twitter/', () => {
  describe('api-v1.1-statuses.json (v1.1 array: a retweet, a reply, a quote)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await readTwitterFile('api-v1.1-statuses.json');
      records = recordsOf(result);
    });

    test('is detected as twitter-api-v1 and reads 3 records and 1 filtered retweet', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('twitter-api-v1');
      expect(countItems(result)).toEqual({ record: 3, 'filtered:retweet': 1 });
    });

    test('the retweet is filtered, naming the original; the embedded original is a record linked back, its link without its campaign tags', () => {
      expect(result.items[0]).toMatchObject({
        kind: 'filtered',
        rule: 'retweet',
        sourceId: '1169246717864136705',
        detail: 'retweet of tweet 1169242008432644097 by @drvox',
      });
      const original = bySourceId(records, '1169242008432644097');
      expect(original.author).toBe('drvox');
      expect(original.text).toBe(
        'My new post: an explainer on “carbon capture & utilization” (CCU). CO2 captured from waste gases or the ambient air can be used to make valuable products. Could CCU help the carbon capture industry scale up? https://www.vox.com/energy-and-environment/2019/9/4/20829431/climate-change-carbon-capture-utilization-sequestration-ccu-ccs',
      );
      expect(original.meta['retweetedVia']).toBe('1169246717864136705');
      expect(original.date).toBe('2019-09-04T13:33:12.000Z');
    });

    test('the reply keeps its mentions and the replied-to id as a string', () => {
      const reply = bySourceId(records, '1169196446043664385');
      expect(reply.inReplyTo).toBe('1169079390577319937');
      expect(reply.text.startsWith('@scientiffic @Wikipedia @unsplash @cagarrity The @inaturalist API is amazingly powerful')).toBe(true);
      expect(reply.author).toBe('simonw');
    });

    test('the quote tweet is a record with the quoted id in meta; the quoted tweet is not a record', () => {
      const quote = bySourceId(records, '1168529001599533057');
      expect(quote.meta['quotedTweetId']).toBe('861696799362478085');
      expect(quote.meta['source']).toBe('Twitter Web App');
      expect(quote.date).toBe('2019-09-02T14:19:58.000Z');
      expect(quote.text).toContain('\n\nNeeds quite a lot of disk space');
      expect(records.some((record) => record.sourceId === '861696799362478085')).toBe(false);
    });

    test('texts are clean', () => {
      expectCleanTweetTexts(records);
    });
  });

  describe('api-v2-edited-tweet.jsonl (one page with an edited tweet and its earlier version)', () => {
    let result: FileReadResult;
    beforeAll(async () => {
      result = await readTwitterFile('api-v2-edited-tweet.jsonl');
    });

    test('keeps only the latest version and filters the earlier one as superseded-edit', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('twitter-api-v2');
      expect(countItems(result)).toEqual({ record: 1, 'filtered:superseded-edit': 1 });
      const [latest] = recordsOf(result);
      expect(latest).toMatchObject({
        sourceId: '1576994789110992896',
        author: 'wongmjane',
        text: 'hey :) https://t.co/rnwEIoNuqd',
        date: '2022-10-03T17:57:11.000Z',
        url: 'https://twitter.com/wongmjane/status/1576994789110992896',
      });
      expect(latest?.meta['editedFrom']).toEqual(['1576994746135764992']);
      expect(result.items.find((item) => item.kind === 'filtered')).toMatchObject({
        rule: 'superseded-edit',
        sourceId: '1576994746135764992',
        provenance: { line: 1, part: 'includes.tweets[0]' },
      });
    });

    test("the earlier version's words are not stored", () => {
      expect(recordsOf(result).some((record) => record.text.includes('i miss y’all'))).toBe(false);
    });
  });

  describe('api-v2-search-page.jsonl (one twarc2 page of 100 #brexit tweets, 67 of them retweets)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await readTwitterFile('api-v2-search-page.jsonl');
      records = recordsOf(result);
    });

    test('filters the 67 retweets and keeps 33 tweets plus the 35 retweeted originals found only in includes', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('twitter-api-v2');
      expect(countItems(result)).toEqual({ record: 68, 'filtered:retweet': 67 });
      expect(records.filter((record) => record.provenance.part?.startsWith('data[') === true)).toHaveLength(33);
      expect(records.filter((record) => record.provenance.part?.startsWith('includes.tweets[') === true)).toHaveLength(35);
    });

    test('every one of the 39 retweeted originals is read once and linked to a retweet', () => {
      const linked = records.filter((record) => typeof record.meta['retweetedVia'] === 'string');
      expect(linked).toHaveLength(39);
      expect(new Set(records.map((record) => record.sourceId)).size).toBe(records.length);
    });

    test('first, a retweeted original, an entity-laden tweet and the last tweet read exactly', () => {
      expect(records[0]).toMatchObject({
        sourceId: '1440716895355764743',
        author: 'WarmongerHodges',
        date: '2021-09-22T16:37:29.000Z',
        text: 'The same Labour MPs that were happy to cite party members wanting a #PeoplesVote to pressure Corbyn into changing Labour\'s #Brexit policy are now saying party members are too thick to be trusted to choose the next Labour leader.\n\nTypical "centrists". No principles.',
      });
      expect(records[0]?.meta['hashtags']).toEqual(['PeoplesVote', 'Brexit']);
      const original = bySourceId(records, '1440713161355583489');
      expect(original.author).toBe('carolJhedges');
      expect(original.meta['retweetedVia']).toBe('1440716856763977732');
      expect(original.text.startsWith('. #BorisJohnson has revealed his favourite bottle of wine, Tignanello costs £180\n')).toBe(true);
      expect(
        bySourceId(records, '1440716848299872269').text.startsWith(
          'Id rather have had Billions in Debt & owned something like Corbyns Labour',
        ),
      ).toBe(true);
      expect(records[records.length - 1]).toMatchObject({ sourceId: '1440713966649417731', author: 'JoeOTooIe' });
    });

    test('replies and quotes carry their referenced ids', () => {
      const fromData = records.filter((record) => record.provenance.part?.startsWith('data[') === true);
      expect(fromData.filter((record) => record.inReplyTo !== null)).toHaveLength(10);
      expect(fromData.filter((record) => typeof record.meta['quotedTweetId'] === 'string')).toHaveLength(11);
      expect(bySourceId(records, '1440713966649417731').meta['quotedTweetId']).toBe('1440670794103754762');
    });

    test('texts are clean', () => {
      expectCleanTweetTexts(records);
    });
  });

  describe('archive-tweets.js (account archive, 28 tweets of @darkliquid)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await readTwitterFile('archive-tweets.js');
      records = recordsOf(result);
    });

    test('is detected as twitter-archive: 27 records and the one RT filtered', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('twitter-archive');
      expect(countItems(result)).toEqual({ record: 27, 'filtered:retweet': 1 });
      expect(result.items.find((item) => item.kind === 'filtered')).toMatchObject({
        sourceId: '1584110055259279360',
        detail: "retweet of a tweet by @boondaburrah (the original's id is not in the export)",
      });
    });

    test("the owner @darkliquid, shown by a self-reply and an own photo link, is every tweet's author", () => {
      expect(new Set(records.map((record) => record.author))).toEqual(new Set(['darkliquid']));
      expect(records[0]).toMatchObject({
        sourceId: '1629012888185610242',
        text: '@RPDeshaies Pretty much anything by Bal-Sagoth',
        date: '2023-02-24T06:58:32.000Z',
        inReplyTo: '1628894722889601024',
        url: 'https://twitter.com/darkliquid/status/1629012888185610242',
      });
      expect(records[records.length - 1]).toMatchObject({
        sourceId: '1541752634348019715',
        text: '@symatt Monocycle https://t.co/6BTGYGVxJJ',
      });
    });

    test('entities are decoded, hashtags and string counts become meta', () => {
      expect(bySourceId(records, '1607434750175715329').text).toBe('@SEGA Sonic 3 & Knuckles');
      const hashtagged = bySourceId(records, '1609828443029491714');
      expect(hashtagged.meta).toMatchObject({
        hashtags: ['dungeon23', 'City23', 'setting23', 'finishit23'],
        likeCount: 6,
        retweetCount: 1,
      });
      expect(bySourceId(records, '1544061754795237383').text).toContain("books.\n\nI don't have enough time");
    });

    test("a written-out YouTube link loses the share button's feature=share, its video id kept; a cut-short warning is not given, no tweet being cut short", () => {
      expect(bySourceId(records, '1560185144006295552').text).toBe(
        'Today is a day for listening to Jinx by Isidor on repeat forever. https://music.youtube.com/watch?v=9PWQvhwdDyY',
      );
      expect(result.items.filter((item) => item.kind === 'warning')).toEqual([]);
    });

    test('none of the 28 tweets has been edited, so nothing is superseded', () => {
      expect(records.every((record) => record.meta['editedFrom'] === undefined)).toBe(true);
    });

    test('texts are clean', () => {
      expectCleanTweetTexts(records);
    });
  });

  describe('tags-archive.csv (TAGS sheet through R: NA blanks, 8 of 10 rows retweets)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await readTwitterFile('tags-archive.csv');
      records = recordsOf(result);
    });

    test('is detected as tags-csv (not the generic csv): 2 records, 8 retweets filtered', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('tags-csv');
      expect(countItems(result)).toEqual({ record: 2, 'filtered:retweet': 8 });
    });

    test('the two own tweets, dated from created_at (UTC) rather than the sheet-zone time column', () => {
      expect(records.map((record) => record.sourceId)).toEqual(['1227652243870097408', '1225122317849657345']);
      expect(records[1]).toMatchObject({
        author: 'tadousay',
        date: '2020-02-05T18:21:36.000Z',
        text: 'Many thanks to @AECTTechTrends for supporting our @gsa_aect with the Grad Member Musings column! The latest guest a… https://t.co/9uNyjeuSxq',
        url: 'https://twitter.com/tadousay/status/1225122317849657345',
        inReplyTo: null,
      });
      expect(records[0]?.meta).toEqual({ source: 'Twitter Web App' });
    });

    test('NA is never read as text or an id', () => {
      for (const record of records) {
        expect(record.text).not.toBe('NA');
        expect(record.inReplyTo).toBeNull();
        expect(JSON.stringify(record.meta)).not.toContain('"NA"');
      }
    });

    test('texts are clean', () => {
      expectCleanTweetTexts(records);
    });
  });

  describe('twarc2-csv-export-flattened.csv (early twarc-csv layout: JSON-encoded text, inlined quoted tweet)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await readTwitterFile('twarc2-csv-export-flattened.csv');
      records = recordsOf(result);
    });

    test('is detected as twarc-csv: 4 records', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('twarc-csv');
      expect(countItems(result)).toEqual({ record: 4 });
    });

    test('the JSON-encoded text is decoded (curly apostrophe, line break)', () => {
      expect(records[0]).toMatchObject({
        sourceId: '1170073690492588037',
        author: 'aXSniperSC',
        date: '2019-09-06T20:38:01.000Z',
        text: 'After a long quest to the Motel; we have arrived safely to Montreal! can’t wait to see the boys in action this weekend!\n@AlphaXsc2 @Sector_Six @24hourfitness @DreamHackSC2 @GameStop @EBGamesCanada',
      });
      expect(bySourceId(records, '1169734611666198528').text).toBe(
        'Nobody:\n\nLiterally nobody:\n\nPeople who hate happiness: That game is dead, people still play that?',
      );
    });

    test('the quote links to the inlined quoted tweet, which is marked as referenced', () => {
      expect(bySourceId(records, '1169968866866466817').meta['quotedTweetId']).toBe('1169734611666198528');
      expect(bySourceId(records, '1169734611666198528').meta['referencedAs']).toBe('quoted');
      expect(bySourceId(records, '1171208136721620992').meta['hashtags']).toEqual(['destiny']);
    });

    test('texts are clean', () => {
      expectCleanTweetTexts(records);
    });
  });
});

describeRealdata('shortened links in the real exports are written out from their entities', () => {
  const linksOf = async (name: string): Promise<string[]> =>
    recordsOf(await readTwitterFile(name)).flatMap((record) => record.text.match(/https?:\/\/\S+/g) ?? []);

  test('API v1.1: the links of a status, and the link of the tweet it quotes', async () => {
    const links = await linksOf('api-v1.1-statuses.json');
    expect(links).toEqual(
      expect.arrayContaining([
        'http://www.owlsnearme.com',
        'https://24ways.org/2018/observable-notebooks-and-inaturalist/',
        'https://twitter.com/bwhitman/status/861696799362478085',
      ]),
    );
    expect(links.filter((link) => link.includes('t.co/'))).toEqual([]);
  });

  test("API v2 page: a news link and a quoted tweet's written out; the tweet's own photo stays as written", async () => {
    const result = await readTwitterFile('api-v2-search-page.jsonl');
    const text = (sourceId: string): string => bySourceId(recordsOf(result), sourceId).text;
    expect(text('1440716656943058945')).toContain('https://www.nytimes.com/2021/09/22/world/europe/france-submarines-biden.html');
    expect(text('1440715975020584960')).toContain('https://twitter.com/paulafr68963440/status/1440660748275834882');
    expect(text('1440716745577140229')).toContain('https://t.co/yEzXqfxRrp');
  });

  test("the archive's tweet.js and twarc-csv's entities.urls cell; TAGS' \"read more\" links to the tweet itself stay", async () => {
    expect(await linksOf('archive-tweets.js')).toEqual(expect.arrayContaining(['https://fedifinder.glitch.me/']));
    expect(await linksOf('twarc2-csv-export-flattened.csv')).toEqual(['https://twitter.com/GameStop/status/1169734611666198528']);
    expect(await linksOf('tags-archive.csv')).toEqual(['https://t.co/ODA1A8KUZ5', 'https://t.co/9uNyjeuSxq']);
  });
});
