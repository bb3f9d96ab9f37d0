import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { blueskyRepoAdapter } from '../../../src/adapters/formats/bluesky-repo.js';
import { decodeDagCbor, MAX_DAG_CBOR_DEPTH } from '../../../src/adapters/readers/dag-cbor.js';
import {
  blueskyRepoCar,
  carFile,
  cidOf,
  CborLink,
  encodeDagCbor,
  tid,
  type CborInput,
  type RepoRecordSpec,
} from '../../builders/bluesky-repo-car.js';
import { UPDATE_GOLDEN } from '../../helpers/golden.js';
import { countItems, PROJECT_ROOT, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

/** A post record as the app writes one; `extra` adds facets, a reply, an embed. */
function post(createdAt: string, text: string, extra: { [key: string]: CborInput } = {}): RepoRecordSpec {
  return {
    collection: 'app.bsky.feed.post',
    rkey: tid(createdAt),
    record: { $type: 'app.bsky.feed.post', text, langs: ['en'], createdAt, ...extra },
  };
}

/** The byte range of `part` in `text`, as a facet's index gives it (UTF-8). */
function byteRange(text: string, part: string): { byteStart: number; byteEnd: number } {
  const start = Buffer.byteLength(text.slice(0, text.indexOf(part)));
  return { byteStart: start, byteEnd: start + Buffer.byteLength(part) };
}

const LINK_TEXT = 'Café closed, the consultation is here: example.org/consultation/ca... #socialcare';
const PARENT = `at://did:plc:4xfqa2kv3u2mbqyv6g2ahxlr/app.bsky.feed.post/${tid('2026-11-01T10:00:00Z')}`;
const IMAGE_CID = cidOf(Buffer.from('a photo'));

/** The account the fixture's export belongs to: its posts and the other records an account holds. */
const ACCOUNT_RECORDS: RepoRecordSpec[] = [
  post('2026-11-02T08:15:00.000Z', 'The day centre on Mill Lane is the only place my dad sees anyone all week.', { langs: ['en-GB'] }),
  post('2026-11-03T19:40:12.345Z', LINK_TEXT, {
    facets: [
      {
        $type: 'app.bsky.richtext.facet',
        index: byteRange(LINK_TEXT, 'example.org/consultation/ca...'),
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.org/consultation/carers-strategy?utm_source=bsky' }],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: byteRange(LINK_TEXT, '#socialcare'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'socialcare' }],
      },
    ],
  }),
  post('2026-11-04T07:02:00.000Z', 'Same here, the transport went first and then the lunches.', {
    reply: {
      root: { uri: PARENT, cid: 'bafyreib2rxk3rh6kzwq' },
      parent: { uri: PARENT, cid: 'bafyreib2rxk3rh6kzwq' },
    },
  }),
  post('2026-11-05T12:00:00.000Z', 'Queue outside the pharmacy again.', {
    embed: {
      $type: 'app.bsky.embed.images',
      images: [
        {
          alt: 'A queue of people outside a pharmacy in the rain',
          image: { $type: 'blob', ref: new CborLink(IMAGE_CID), mimeType: 'image/jpeg', size: 204800 },
          aspectRatio: { width: 4, height: 3 },
        },
      ],
    },
  }),
  {
    collection: 'app.bsky.actor.profile',
    rkey: 'self',
    record: { $type: 'app.bsky.actor.profile', displayName: 'Sam Carer', description: 'Carer for my dad.' },
  },
  {
    collection: 'app.bsky.feed.like',
    rkey: tid('2026-11-02T09:00:00Z'),
    record: { $type: 'app.bsky.feed.like', subject: { uri: PARENT, cid: 'bafyreib2rxk3rh6kzwq' }, createdAt: '2026-11-02T09:00:00Z' },
  },
  {
    collection: 'app.bsky.feed.repost',
    rkey: tid('2026-11-02T09:01:00Z'),
    record: { $type: 'app.bsky.feed.repost', subject: { uri: PARENT, cid: 'bafyreib2rxk3rh6kzwq' }, createdAt: '2026-11-02T09:01:00Z' },
  },
  {
    collection: 'app.bsky.graph.follow',
    rkey: tid('2026-10-30T18:00:00Z'),
    record: { $type: 'app.bsky.graph.follow', subject: 'did:plc:4xfqa2kv3u2mbqyv6g2ahxlr', createdAt: '2026-10-30T18:00:00Z' },
  },
];

const FIXTURE = join(PROJECT_ROOT, 'fixtures/adapters/bluesky-repo/account-export/input.car');

describe('bluesky-repo fixture', () => {
  test("fixtures/adapters/bluesky-repo/account-export/input.car is the builder's export of ACCOUNT_RECORDS (UPDATE_GOLDEN=1 rewrites it)", () => {
    const built = blueskyRepoCar(DID, ACCOUNT_RECORDS);
    if (UPDATE_GOLDEN) writeFileSync(FIXTURE, built);
    expect(existsSync(FIXTURE)).toBe(true);
    expect(readFileSync(FIXTURE).equals(built)).toBe(true);
  });
});

describe('bluesky-repo sniff', () => {
  test('recognises a CAR file by its header, and nothing else', () => {
    const car = blueskyRepoCar(DID, ACCOUNT_RECORDS);
    const sniff = (bytes: Buffer, extension: string) =>
      blueskyRepoAdapter.sniff({ path: `repo${extension}`, extension, headText: '', headBytes: bytes.subarray(0, 65536) });
    expect(sniff(car, '.car')).toBe(0.9);
    expect(sniff(car, '')).toBe(0.9);
    expect(sniff(Buffer.from('PK\u0003\u0004 a zip'), '.car')).toBe(0);
    expect(sniff(Buffer.from('{"roots": [], "version": 1}'), '.json')).toBe(0);
  });
});

describe('bluesky-repo reading', () => {
  test("the account's posts are records, every other record filtered as not feedback, each counted", async () => {
    const result = await readTempInput('sam.car', blueskyRepoCar(DID, ACCOUNT_RECORDS));
    expect(result.format).toBe('bluesky-repo');
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 4, 'filtered:not-feedback': 4 });
    const records = recordsOf(result);
    expect(records.map((record) => [record.channel, record.author, record.date])).toEqual([
      ['bluesky', DID, '2026-11-02T08:15:00.000Z'],
      ['bluesky', DID, '2026-11-03T19:40:12.345Z'],
      ['bluesky', DID, '2026-11-04T07:02:00.000Z'],
      ['bluesky', DID, '2026-11-05T12:00:00.000Z'],
    ]);
    expect(records[1]?.text).toBe('Café closed, the consultation is here: https://example.org/consultation/carers-strategy #socialcare');
    expect(records[1]?.meta).toEqual({ lang: 'en', hashtags: ['socialcare'] });
    expect(records[0]?.meta).toEqual({ lang: 'en-GB' });
    expect(records[2]?.inReplyTo).toBe(PARENT);
    expect(records[3]?.meta['altText']).toEqual(['A queue of people outside a pharmacy in the rain']);
    const rkey = tid('2026-11-02T08:15:00.000Z');
    expect([records[0]?.sourceId, records[0]?.url, records[0]?.provenance]).toEqual([
      `at://${DID}/app.bsky.feed.post/${rkey}`,
      `https://bsky.app/profile/${DID}/post/${rkey}`,
      { file: 'sam.car', part: `app.bsky.feed.post/${rkey}` },
    ]);
    const filtered = result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []));
    expect(filtered).toEqual([
      'app.bsky.actor.profile record, not a post',
      'app.bsky.feed.like record, not a post',
      'app.bsky.feed.repost record, not a post',
      'app.bsky.graph.follow record, not a post',
    ]);
  });

  test('a post has the same id and text read from the export as from the AppView API, so reading both finds duplicates', async () => {
    const spec = ACCOUNT_RECORDS[1];
    if (spec === undefined) throw new Error('no post');
    const uri = `at://${DID}/app.bsky.feed.post/${spec.rkey}`;
    const appView = await readTempInput(
      'search.json',
      JSON.stringify({
        posts: [
          {
            uri,
            cid: 'bafyreib2rxk3rh6kzwq',
            author: { did: DID, handle: 'sam.bsky.social' },
            record: spec.record,
            indexedAt: '2026-11-03T19:40:13Z',
          },
        ],
      }),
    );
    const exported = await readTempInput('sam.car', blueskyRepoCar(DID, [spec]));
    const [fromApi] = recordsOf(appView);
    const [fromCar] = recordsOf(exported);
    expect([fromCar?.sourceId, fromCar?.text, fromCar?.date]).toEqual([fromApi?.sourceId, fromApi?.text, fromApi?.date]);
  });

  test('many records make a tree of several layers, read in key order', async () => {
    const posts = Array.from({ length: 300 }, (_, index) =>
      post(new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString(), `Post number ${index + 1} about the bus.`),
    );
    const result = await readTempInput('big.car', blueskyRepoCar(DID, posts));
    expect(recordsOf(result).map((record) => record.text)).toEqual(posts.map((spec) => spec.record['text']));
  });

  test('a post whose block is missing is rejected alone; a record that does not decode is rejected alone', async () => {
    const [first, second] = ACCOUNT_RECORDS;
    if (first === undefined || second === undefined) throw new Error('no posts');
    const missing = await readTempInput('sam.car', blueskyRepoCar(DID, [first, second], { omit: [`app.bsky.feed.post/${first.rkey}`] }));
    expect(countItems(missing)).toEqual({ record: 1, 'rejected:CAR_BLOCK_MISSING': 1 });
    let nested: CborInput = 'deep';
    for (let depth = 0; depth < MAX_DAG_CBOR_DEPTH + 5; depth += 1) nested = [nested];
    const deep = await readTempInput('sam.car', blueskyRepoCar(DID, [{ ...first, record: { ...first.record, embed: nested } }, second]));
    expect(countItems(deep)).toEqual({ record: 1, 'rejected:CAR_BLOCK_DAMAGED': 1 });
  });

  test('a truncated, damaged or foreign file is one error naming the file', async () => {
    const car = blueskyRepoCar(DID, ACCOUNT_RECORDS);
    for (const [bytes, reason] of [
      [car.subarray(0, car.length - 40), /runs past the end of the file/],
      [car.subarray(0, 20), /no CAR header|cannot be read/],
      [Buffer.alloc(0), /the file is empty/],
      [carFile([cidOf(Buffer.from('nothing'))], []), /the commit is missing/],
      [carFile([], []), /names no root/],
    ] as const) {
      const result = await readTempInput('sam.car', bytes);
      expect(result.error).toMatch(/^sam\.car: not a readable Bluesky repository export: /);
      expect(result.error).toMatch(reason);
      expect(result.error).not.toContain('\n');
    }
  });

  test('a tree that links to one of its own nodes is refused, not walked for ever', async () => {
    const node = encodeDagCbor({ e: [], l: new CborLink(cidOf(Buffer.from('placeholder'))) });
    const selfLinkedCid = cidOf(node);
    const loop = encodeDagCbor({ e: [], l: new CborLink(selfLinkedCid) });
    const commit = encodeDagCbor({ did: DID, rev: 'x', sig: Buffer.alloc(4), data: new CborLink(cidOf(loop)), prev: null, version: 3 });
    const looping = carFile(
      [cidOf(commit)],
      [
        { cid: cidOf(commit), bytes: commit },
        { cid: cidOf(loop), bytes: loop },
        { cid: selfLinkedCid, bytes: encodeDagCbor({ e: [], l: new CborLink(cidOf(loop)) }) },
      ],
    );
    const result = await readTempInput('loop.car', looping);
    expect(result.error).toMatch(/^loop\.car: .*links to one of its nodes twice/);
  });
});

describe('DAG-CBOR decoding', () => {
  test('decodes what the builder encodes, links included', () => {
    const link = cidOf(Buffer.from('x'));
    const value = decodeDagCbor(
      encodeDagCbor({ text: 'héllo', n: -3, big: 70000, ok: true, none: null, list: [1, 'two'], ref: new CborLink(link) }),
    );
    expect(value).toMatchObject({ text: 'héllo', n: -3, big: 70000, ok: true, none: null, list: [1, 'two'] });
    expect((value as { ref: { key: string } }).ref.key).toBe(link.toString('hex'));
  });

  test('refuses lengths past the end, indefinite lengths, other tags and nesting past the limit, without overflowing the stack', () => {
    expect(() => decodeDagCbor(Buffer.from([0x5a, 0xff, 0xff, 0xff, 0xff, 0x00]))).toThrow('the block ends inside a value');
    expect(() => decodeDagCbor(Buffer.from([0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow('more than the block holds');
    expect(() => decodeDagCbor(Buffer.from([0x9f, 0xff]))).toThrow('indefinite length');
    expect(() => decodeDagCbor(Buffer.from([0xc1, 0x00]))).toThrow('CBOR tag 1');
    expect(() => decodeDagCbor(Buffer.alloc(1_000_000, 0x81))).toThrow(`nested more than ${MAX_DAG_CBOR_DEPTH} levels deep`);
    expect(() => decodeDagCbor(Buffer.from([0x01, 0x02]))).toThrow('1 bytes after the value');
  });
});
