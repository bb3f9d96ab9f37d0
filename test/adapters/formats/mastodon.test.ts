import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { mastodonAdapter } from '../../../src/adapters/formats/mastodon.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { countItems, PROJECT_ROOT, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { jsonLinesOf, sniffInputOf } from '../../builders/api-pages.js';
import { mastodonStatus, mastodonUri } from '../../builders/social-posts.js';
import { withTempDir } from '../../builders/temp-dir.js';

const FIXTURES = ['tag-timeline/input.json', 'statuses-jsonl/input.jsonl', 'thread-context/input.json', 'archive-outbox/input.json'];

function fixtureHead(fixture: string): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/mastodon', fixture), 'utf8').slice(0, 64 * 1024);
}

describe('mastodon detection', () => {
  test.each(FIXTURES)('%s is read as mastodon by its content, with its extension, as .txt and with none', (fixture) => {
    const head = fixtureHead(fixture);
    const extension = fixture.slice(fixture.lastIndexOf('.'));
    expect(detectFormat(ADAPTERS, sniffInputOf(head, extension))).toEqual({ adapter: mastodonAdapter, reason: 'extension' });
    expect(detectFormat(ADAPTERS, sniffInputOf(head, '.txt'))?.adapter.name).toBe('mastodon');
    expect(detectFormat(ADAPTERS, sniffInputOf(head, ''))).toEqual({ adapter: mastodonAdapter, reason: 'content' });
  });

  test('a search result and a single status are recognised, compact or pretty-printed', () => {
    const status = mastodonStatus({ id: '113516231204893211' });
    for (const value of [{ accounts: [], statuses: [status], hashtags: [] }, status, { ancestors: [], descendants: [status] }]) {
      for (const head of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        expect(detectFormat(ADAPTERS, sniffInputOf(head))?.adapter.name).toBe('mastodon');
      }
    }
  });

  test('other JSON is left to its readers: tweets, and objects that merely have a content field', () => {
    for (const fixture of ['twitter-api-v1/statuses-array/input.json', 'twitter-api-v2/pretty-page/input.json', 'json']) {
      const head =
        fixture === 'json'
          ? '[{"id": "1", "content": "<p>More respite please</p>", "created_at": "2024-01-02", "visibility": "public"}]'
          : readFileSync(join(PROJECT_ROOT, 'fixtures/adapters', fixture), 'utf8');
      expect(mastodonAdapter.sniff(sniffInputOf(head))).toBe(0);
    }
    expect(detectFormat(ADAPTERS, sniffInputOf('[{"id": "1", "content": "<p>More respite please</p>"}]'))?.adapter.name).toBe('json');
  });
});

describe('mastodon reading', () => {
  test("an edited status's edited_at is its meta.editedAt; a status never edited has none", async () => {
    const statuses = [
      mastodonStatus({ id: '113516231204893211', editedAt: '2024-11-24T20:40:02.000+01:00' }),
      mastodonStatus({ id: '113516231204893212' }),
    ];
    const records = recordsOf(await readTempInput('timeline.json', JSON.stringify(statuses)));
    expect(records.map((record) => record.meta['editedAt'] ?? null)).toEqual(['2024-11-24T19:40:02.000Z', null]);
  });

  test('a reply names its parent by uri, also when the parent comes later in the file', async () => {
    const parent = { id: '113516200001000001', server: 'mastodonapp.uk', user: 'TLAP', originId: '113516199870123456' };
    const statuses = [
      mastodonStatus({ id: '113516231204893211', inReplyToId: parent.id }),
      mastodonStatus({ id: '113516231204893299', inReplyToId: '999' }),
      mastodonStatus(parent),
    ];
    const records = recordsOf(await readTempInput('timeline.json', JSON.stringify(statuses)));
    expect(records.map((record) => [record.inReplyTo, record.meta['inReplyToId'] ?? null])).toEqual([
      [mastodonUri(parent), null],
      [null, '999'],
      [null, null],
    ]);
  });

  test('an unpacked account archive: its outbox is read; its actor.json, likes.json and bookmarks.json are not feedback', async () => {
    await withTempDir(async (dir) => {
      const archive = join(dir, 'archive');
      const outbox = readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/mastodon/archive-outbox/input.json'), 'utf8');
      const addresses = (name: string) =>
        JSON.stringify({
          '@context': 'https://www.w3.org/ns/activitystreams',
          id: name,
          type: 'OrderedCollection',
          orderedItems: ['https://mastodon.social/users/someone/statuses/113516231204893211'],
        });
      const actor = JSON.stringify({
        '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
        id: 'https://social.coop/users/pa_ruth',
        type: 'Person',
        inbox: 'https://social.coop/users/pa_ruth/inbox',
        outbox: 'outbox.json',
        preferredUsername: 'pa_ruth',
        summary: '<p>Carer, Leeds</p>',
        likes: 'likes.json',
        bookmarks: 'bookmarks.json',
      });
      await mkdir(archive);
      await writeFile(join(archive, 'outbox.json'), outbox);
      await writeFile(join(archive, 'likes.json'), addresses('likes.json'));
      await writeFile(join(archive, 'bookmarks.json'), addresses('bookmarks.json'));
      await writeFile(join(archive, 'actor.json'), actor);
      const summary = await ingest({ paths: ['archive'], cwd: dir, storeDir: '.tlap' });
      expect(summary.rejected).toBe(0);
      expect([...summary.notFeedback].sort()).toEqual(['archive/actor.json', 'archive/bookmarks.json', 'archive/likes.json']);
      expect(summary.perFile.map((file) => file.file)).toEqual(['archive/outbox.json']);
    });
  });

  test('a timeline cut short keeps the statuses before the cut, then is rejected JSON_TRUNCATED', async () => {
    const statuses = [mastodonStatus({ id: '1', content: '<p>first</p>' }), mastodonStatus({ id: '2', content: '<p>second</p>' })];
    const whole = JSON.stringify(statuses, null, 1);
    const result = await readTempInput('timeline.json', whole.slice(0, whole.lastIndexOf('second')));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['first']);
    expect(result.error).toMatch(/JSON ends before/);
  });

  test('HTML content becomes plain text: link spans joined into the whole address, mentions and tags as written, breaks kept', async () => {
    const content =
      '<p><span class="h-card" translate="no"><a href="https://mastodonapp.uk/@TLAP" class="u-url mention">@<span>TLAP</span></a></span> the form is here: ' +
      '<a href="https://www.leeds.gov.uk/adult-social-care/carers-assessment" rel="nofollow noopener" target="_blank"><span class="invisible">https://www.</span>' +
      '<span class="ellipsis">leeds.gov.uk/adult-social-care</span><span class="invisible">/carers-assessment</span></a><br />it took me &amp; Mum an hour</p>' +
      '<p><a href="https://mastodon.social/tags/CarersRights" class="mention hashtag" rel="tag">#<span>CarersRights</span></a></p>';
    const [record] = recordsOf(await readTempInput('s.json', JSON.stringify([mastodonStatus({ id: '1', content })])));
    expect(record?.text).toBe(
      '@TLAP the form is here: https://www.leeds.gov.uk/adult-social-care/carers-assessment\nit took me & Mum an hour\n\n#CarersRights',
    );
  });

  test("a quote post's RE: paragraph, a pointer to the quoted post, is left out", async () => {
    const content =
      '<p class="quote-inline">RE: <a href="https://social.coop/@pa_ruth/113516259998765432">https://social.coop/@pa_ruth/113516259998765432</a></p><p>Exactly this.</p>';
    const [record] = recordsOf(await readTempInput('s.json', JSON.stringify([mastodonStatus({ id: '1', content })])));
    expect(record?.text).toBe('Exactly this.');
  });

  test('every RE: paragraph is left out in one pass, the words between kept; one never closed stays, however many there are', async () => {
    const quote = (id: string): string => `<P class="quote-inline">RE: https://social.coop/@pa_ruth/${id}</P>`;
    const content = `${quote('1')}<p>Exactly this.</p>${quote('2')}<p>And this.</p>`;
    const unclosed = `<p>Respite first.</p>${'<p class="quote-inline">x'.repeat(100_000)}`;
    const records = recordsOf(
      await readTempInput('s.json', JSON.stringify([mastodonStatus({ id: '1', content }), mastodonStatus({ id: '2', content: unclosed })])),
    );
    expect(records[0]?.text).toBe('Exactly this.\n\nAnd this.');
    expect(records[1]?.text.startsWith('Respite first.')).toBe(true);
    expect(records[1]?.text.split('x')).toHaveLength(100_001);
  });

  test('a content warning comes first; a status with only a warning keeps the warning', async () => {
    const statuses = [
      mastodonStatus({ id: '1', spoilerText: 'hospital discharge', content: '<p>No care package for four days.</p>' }),
      mastodonStatus({ id: '2', spoilerText: 'long rant about assessments', content: '' }),
    ];
    const records = recordsOf(await readTempInput('s.json', JSON.stringify(statuses)));
    expect(records.map((record) => record.text)).toEqual([
      'hospital discharge\n\nNo care package for four days.',
      'long rant about assessments',
    ]);
  });

  test('followers-only and direct statuses are filtered, their words nowhere in the items', async () => {
    const words = 'my number is 07700 900123';
    const statuses = [
      mastodonStatus({ id: '1', visibility: 'private', content: `<p>${words}</p>` }),
      mastodonStatus({ id: '2', visibility: 'direct', content: `<p>${words}</p>` }),
      mastodonStatus({ id: '3', visibility: 'unlisted' }),
    ];
    const result = await readTempInput('s.jsonl', jsonLinesOf(statuses));
    expect(countItems(result)).toEqual({ record: 1, 'filtered:not-feedback': 2 });
    expect(JSON.stringify(result.items)).not.toContain('07700');
    expect(recordsOf(result)[0]?.meta['visibility']).toBe('unlisted');
  });

  test('a boost is filtered; the boosted status is read once, as its own author’s record', async () => {
    const original = mastodonStatus({ id: '5', user: 'pa_ruth', server: 'social.coop', originId: '113516259998765432' });
    const boosts = [mastodonStatus({ id: '6', reblog: original }), mastodonStatus({ id: '7', user: 'someone_else', reblog: original })];
    const result = await readTempInput('s.json', JSON.stringify(boosts));
    expect(countItems(result)).toEqual({ record: 1, 'filtered:retweet': 2 });
    const [record] = recordsOf(result);
    expect([record?.sourceId, record?.author, record?.meta['boostedVia']]).toEqual([
      'https://social.coop/users/pa_ruth/statuses/113516259998765432',
      'pa_ruth@social.coop',
      'https://mastodon.social/users/carer/statuses/6/activity',
    ]);
  });

  test('direct conversations are never read; a mention notification gives its status, other notifications nothing', async () => {
    const dm = mastodonStatus({ id: '1', visibility: 'direct', content: '<p>call me on 07700 900123</p>' });
    const conversations = [{ id: '418450', unread: true, accounts: [{ acct: 'someone' }], last_status: dm }];
    const fromConversations = await readTempInput('conversations.json', JSON.stringify(conversations));
    expect(fromConversations.format).toBe('mastodon');
    expect(countItems(fromConversations)).toEqual({ 'filtered:not-feedback': 1 });
    expect(JSON.stringify(fromConversations.items)).not.toContain('07700');
    const notifications = [
      {
        id: '34975861',
        type: 'mention',
        created_at: '2024-11-20T09:07:44.000Z',
        account: { acct: 'carer' },
        status: mastodonStatus({ id: '2' }),
      },
      {
        id: '34975535',
        type: 'favourite',
        created_at: '2024-11-20T09:01:00.000Z',
        account: { acct: 'carer' },
        status: mastodonStatus({ id: '3' }),
      },
    ];
    const fromNotifications = await readTempInput('notifications.json', JSON.stringify(notifications));
    expect(countItems(fromNotifications)).toEqual({ record: 1, 'filtered:not-feedback': 1 });
    expect(recordsOf(fromNotifications)[0]?.provenance.part).toBe('[0].status');
  });

  test("a search result's statuses are read and its accounts are not", async () => {
    const result = await readTempInput(
      'search.json',
      JSON.stringify({
        accounts: [{ id: '1', acct: 'someone', note: '<p>bio</p>' }],
        statuses: [mastodonStatus({ id: '1' })],
        hashtags: [],
      }),
    );
    expect(recordsOf(result).map((record) => record.provenance.part)).toEqual(['statuses[0]']);
    expect(countItems(result)).toEqual({ record: 1 });
    const accountsOnly = await readTempInput(
      'accounts.json',
      JSON.stringify({ accounts: [{ id: '1', acct: 'someone', display_name: 'Some One' }] }),
    );
    expect([accountsOnly.format, accountsOnly.items]).toEqual(['mastodon', []]);
  });

  test('an element that is no status is one NOT_A_POST rejection; the rest are read', async () => {
    const result = await readTempInput('s.json', JSON.stringify([mastodonStatus({ id: '1' }), 42, mastodonStatus({ id: '2' })]));
    expect(countItems(result)).toEqual({ record: 2, 'rejected:NOT_A_POST': 1 });
  });

  test('the same status fetched through two servers (two local ids, one uri) is stored once', async () => {
    await withTempDir(async (dir) => {
      const seenFrom = (id: string, answering: string): Record<string, unknown> => ({
        ...mastodonStatus({
          id,
          user: 'pa_ruth',
          server: 'social.coop',
          originId: '113516259998765432',
          content: '<p>Paid for 15 minutes, takes 40.</p>',
        }),
        account: { acct: answering === 'social.coop' ? 'pa_ruth' : 'pa_ruth@social.coop', url: 'https://social.coop/@pa_ruth' },
      });
      await writeFile(join(dir, 'social-coop.json'), JSON.stringify([seenFrom('113516259998765432', 'social.coop')]));
      await writeFile(join(dir, 'mastodon-social.json'), JSON.stringify([seenFrom('113516260013377001', 'mastodon.social')]));
      const summary = await ingest({ paths: ['social-coop.json', 'mastodon-social.json'], cwd: dir, storeDir: '.tlap' });
      expect([summary.added, summary.duplicates]).toEqual([1, 1]);
    });
  });
});
