import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { REALDATA_ROOT, countItems, readFileItems, recordsOf, type FileReadResult } from '../helpers/read-fixture.js';
import { containsEmailAddress } from '../../src/text/redact-addresses.js';
import type { FeedbackRecord } from '../../src/record/record.js';

const describeRealData = REALDATA_ROOT === null ? describe.skip : describe;
const folder = join(REALDATA_ROOT ?? '', 'blog-comments');

/** Reads one shared file without any flag, so the format is detected. */
async function read(name: string): Promise<FileReadResult> {
  return readFileItems(join(folder, name));
}

function bySourceId(records: FeedbackRecord[], sourceId: string): FeedbackRecord {
  const record = records.find((candidate) => candidate.sourceId === sourceId);
  if (record === undefined) throw new Error(`no record ${sourceId}`);
  return record;
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

/** What must never be in any stored record of a comment export. */
function expectCleanRecords(records: FeedbackRecord[], addresses: string[]): void {
  const stored = JSON.stringify(records);
  for (const address of addresses) expect(stored).not.toContain(address);
  for (const record of records) {
    expect(record.text).not.toMatch(/^>/m);
    expect(containsEmailAddress(record.text)).toBe(false);
    expect(record.author === null ? false : containsEmailAddress(record.author)).toBe(false);
    expect(record.text).not.toContain('\uFFFD');
    expect(record.text).not.toContain('<![CDATA[');
    expect(record.channel).toBe('blog-comment');
  }
}

describeRealData('real data: blog comments', () => {
  describe('wordpress-export-small.wxr.xml (hand-trimmed WXR 1.0, isso test data)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await read('wordpress-export-small.wxr.xml');
      records = recordsOf(result);
    });

    test('is detected as WXR and reads all 8 comments, all approved', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('wordpress-wxr');
      expect(countItems(result)).toEqual({ record: 8 });
    });

    test('first comment: CDATA after a newline, e-mail element with a newline inside', () => {
      const first = records[0];
      expect(first?.sourceId).toBe('18:2');
      expect(first?.author).toBe('Ohai');
      expect(first?.text).toBe('Erster!1');
      expect(first?.date).toBe('2014-01-14T17:32:12.000Z');
      expect(first?.url).toBe('http://example.tld/2014/test/#comment-2');
      expect(first?.meta).toEqual({ postTitle: 'Hello, World\u2026', postUrl: 'http://example.tld/2014/test/' });
      expect(first?.provenance.line).toBe(25);
    });

    test('threads by comment_parent; a comment without comment_date uses comment_date_gmt', () => {
      const reply = bySourceId(records, '18:7');
      expect(reply.text).toBe('Dr\u00f6lfter!');
      expect(reply.inReplyTo).toBe('18:6');
      expect(reply.date).toBe('2014-04-29T15:21:35.000Z');
      expect(bySourceId(records, '18:8').inReplyTo).toBe('18:7');
      expect(bySourceId(records, '18:9').inReplyTo).toBe('18:7');
    });

    test('a multi-line comment keeps its line break; the GMT date wins over the local one', () => {
      const multiline = bySourceId(records, '18:10');
      expect(multiline.author).toBe('Multiline Author');
      expect(multiline.text).toBe('When you have a comment with multiple lines:\nWordPress exports it like this.');
      expect(multiline.date).toBe('2022-06-06T02:13:14.000Z');
    });

    test('the item without wp:post_id keys its comment by the post link', () => {
      const last = records[records.length - 1];
      expect(last?.sourceId).toBe('http://example.tld/?p=4:11');
      expect(last?.author).toBe('Anonymous');
      expect(last?.text).toBe('...');
      expect(last?.meta).toEqual({ postTitle: '...', postUrl: 'http://example.tld/?p=4' });
    });

    test('no e-mail or IP address of a commenter is stored', () => {
      expectCleanRecords(records, [
        'test@example.org',
        'info@posativ.org',
        'multiline@example.org',
        '86.56.63.0',
        '82.119.20.0',
        '86.52.1.0',
      ]);
      for (const record of records) expect(record.text).not.toMatch(HTML_TAG);
    });
  });

  describe('wordpress-theme-unit-test.wxr.xml (WXR 1.2 theme unit test data, 609 KB)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await read('wordpress-theme-unit-test.wxr.xml');
      records = recordsOf(result);
    });

    test('33 comments: 26 records, 3 unapproved, 2 trackbacks, 2 pingbacks', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('wordpress-wxr');
      expect(countItems(result)).toEqual({ record: 26, 'filtered:unapproved': 3, 'filtered:trackback': 2, 'filtered:pingback': 2 });
    });

    test('the filtered comments are the ones the file marks, each with its id', () => {
      const filtered = result.items.flatMap((item) => (item.kind === 'filtered' ? [[item.rule, item.sourceId, item.provenance.line]] : []));
      expect(filtered).toEqual([
        ['unapproved', '155:1017', 2530],
        ['unapproved', '703:1016', 2800],
        ['unapproved', '1148:1015', 9586],
        ['trackback', '1149:921', 9638],
        ['trackback', '1149:922', 9652],
        ['pingback', '1149:923', 9666],
        ['pingback', '1149:924', 9680],
      ]);
    });

    test('first and last records', () => {
      const first = records[0];
      expect(first?.sourceId).toBe('51:2');
      expect(first?.author).toBe('themedemos');
      expect(first?.text).toBe('This test post needs a comment.');
      expect(first?.meta).toEqual({
        postTitle: 'WP 6.1 Theme block category',
        postUrl: 'https://wpthemetestdata.wordpress.com/wp-6-1-theme-block-category/',
      });
      expect(first?.provenance.line).toBe(1611);
      const last = records[records.length - 1];
      expect(last?.sourceId).toBe('1170:927');
      expect(last?.text).toBe('Having no content in the post should have no adverse effects on the layout or functionality.');
      expect(last?.url).toBe('https://wpthemetestdata.wordpress.com/2009/08/06/edge-case-no-content/#comment-927');
    });

    test('the HTML showcase comment: quotes left out, escaped tags kept as words, Greek author', () => {
      const showcase = bySourceId(records, '1148:881');
      expect(showcase.author).toBe('John \u0393\u03b9\u03ac\u03bd\u03bd\u03b7\u03c2 Doe \u039a\u03ac\u03c0\u03bf\u03b9\u03bf\u03c2');
      expect(showcase.date).toBe('2012-09-03T17:18:04.000Z');
      expect(showcase.text.startsWith('Headings\n\nHeader one\n\nHeader two')).toBe(true);
      expect(showcase.text).not.toContain('Stay hungry');
      expect(showcase.text).toContain('Single line blockquote:\n\nMulti line blockquote with a cite reference:');
      expect(showcase.text).toContain('Definition List Title\nDefinition list division.');
      expect(showcase.text).toContain('Two roads diverged in a yellow wood,\nAnd sorry I could not travel both');
      expect(showcase.text).toContain('(use the <s> instead)');
      expect(showcase.text.match(new RegExp(HTML_TAG.source, 'gi'))).toEqual(['<s>', '<hr />', '<code>']);
      expect(showcase.text.endsWith("Still sticking with science and Albert Einstein's E = MC2, which should lift the 2 up.")).toBe(true);
    });

    test('WordPress line breaks are kept; an image is dropped', () => {
      expect(bySourceId(records, '1148:899').text).toBe(
        'This user it trying to be anonymous.\n\nThey used a fake email, so there should be no Gravatar associated with it.\nThey did not speify a website, so there should be no link to it in the comment.',
      );
      expect(bySourceId(records, '1148:917').text).toBe('Image comment.\n\nIf the image imports...');
      expect(bySourceId(records, '1148:910').text).toBe('Comment Depth 05\n\nAlso an author comment.');
    });

    test('ten levels of replies are threaded by comment_parent', () => {
      const chain = ['904', '905', '906', '907', '910', '911', '912', '913', '914', '915'];
      expect(bySourceId(records, '1148:904').inReplyTo).toBeNull();
      for (let depth = 1; depth < chain.length; depth += 1) {
        expect(bySourceId(records, `1148:${chain[depth]}`).inReplyTo).toBe(`1148:${chain[depth - 1]}`);
      }
    });

    test('Greek text survives; dates are the GMT ones', () => {
      const greek = bySourceId(records, '1148:918');
      expect(greek.text).toBe(
        'We are totally going to blog about these tests \u03a3\u03af\u03b3\u03bf\u03c5\u03c1\u03b1 \u03b8\u03b1 \u03c3\u03c7\u03bf\u03bb\u03b9\u03ac\u03c3\u03bf\u03c5\u03bc\u03b5 \u03c4\u03b1 \u03c4\u03b5\u03c3\u03c4\u03c2!',
      );
      expect(bySourceId(records, '155:169').date).toBe('2007-09-04T17:48:51.000Z');
    });

    test('no e-mail address of a commenter is stored', () => {
      expectCleanRecords(records, ['example@example.org', 'auser@example.com', 'themeshaperwp']);
      for (const record of records) if (record.sourceId !== '1148:881') expect(record.text).not.toMatch(HTML_TAG);
    });
  });

  describe('disqus-export.xml (isso test data)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await read('disqus-export.xml');
      records = recordsOf(result);
    });

    test('6 posts: 5 records and 1 deleted; one warning for the thread that does not exist', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('disqus-xml');
      expect(countItems(result)).toEqual({ record: 5, 'filtered:deleted': 1, warning: 1 });
      const filtered = result.items.find((item) => item.kind === 'filtered');
      expect(filtered?.kind === 'filtered' ? [filtered.sourceId, filtered.provenance.line] : null).toEqual(['9', 117]);
    });

    test('posts are joined to their thread by dsq:id', () => {
      const first = records[0];
      expect(first?.sourceId).toBe('4');
      expect(first?.author).toBe('peter');
      expect(first?.text).toBe('...');
      expect(first?.date).toBe('2013-10-10T19:20:29.000Z');
      expect(first?.url).toBe('http://example.org/#comment-4');
      expect(first?.meta).toEqual({ postTitle: 'Hello, World!', postUrl: 'http://example.org/' });
      expect(first?.provenance.line).toBe(33);
    });

    test('CDATA HTML becomes text; parents become inReplyTo, even when the parent was deleted', () => {
      const reply = bySourceId(records, '5');
      expect(reply.text).toBe('Hello, World.');
      expect(reply.inReplyTo).toBe('4');
      const last = records[records.length - 1];
      expect(last?.sourceId).toBe('11');
      expect(last?.inReplyTo).toBe('9');
    });

    test('the orphan post and the post in a thread with an empty title and id', () => {
      const orphan = bySourceId(records, '6');
      expect(orphan.author).toBe('where am I?');
      expect(orphan.url).toBeNull();
      expect(orphan.meta).toEqual({});
      const emptyTitle = bySourceId(records, '8');
      expect(emptyTitle.text).toBe('Message from thread with empty title and id');
      expect(emptyTitle.meta).toEqual({ postUrl: 'http://localhost:4000/blog/2013/02/12/redacted/index.html' });
      const warning = result.items.find((item) => item.kind === 'warning');
      expect(warning?.kind === 'warning' ? warning.message : null).toBe(
        'posts refer to thread 1337, which is not in the export: they have no page title or link',
      );
    });

    test('no e-mail or IP address is stored', () => {
      expectCleanRecords(records, ['foo@bar.com', 'baz@email.foo', '127.0.0.1']);
      for (const record of records) expect(record.text).not.toMatch(HTML_TAG);
    });
  });

  describe('commento-export.json (remark42 migrator test data)', () => {
    let result: FileReadResult;
    let records: FeedbackRecord[];
    beforeAll(async () => {
      result = await read('commento-export.json');
      records = recordsOf(result);
    });

    test('3 approved comments, all records', () => {
      expect(result.error).toBeNull();
      expect(result.format).toBe('commento-json');
      expect(countItems(result)).toEqual({ record: 3 });
    });

    test('anonymous comment, named commenters, and a reply', () => {
      const [first, second, third] = records;
      expect(first?.sourceId).toBe('e7069a7dfcfaed43caf62300a9b0edb1c124ad79d0f5887c93649c15d7f69945');
      expect(first?.author).toBeNull();
      expect(first?.text).toBe('Example comment created by user.');
      expect(first?.date).toBe('2021-03-12T11:21:56.000Z');
      expect(first?.url).toBe('https://example.com/blog/post/2');
      expect(first?.provenance.line).toBe(4);
      expect(second?.author).toBe('User5276');
      expect(second?.inReplyTo).toBeNull();
      expect(third?.author).toBe('Saturnin Uf');
      expect(third?.text).toBe('Great reply!');
      expect(third?.inReplyTo).toBe('7d77e39fcd813241d6281478cc8f21ab5f807d043c750bc1a936bc23b34fb854');
      expect(third?.date).toBe('2021-05-11T15:43:01.852Z');
    });

    test('no commenter e-mail address is stored', () => {
      expectCleanRecords(records, ['somegreatmail@gmail.com', 'moregreatmail@gmail.com']);
    });
  });
});
