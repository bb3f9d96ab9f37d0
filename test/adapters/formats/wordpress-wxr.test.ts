import { describe, expect, test } from '@jest/globals';
import { wordpressWxrAdapter } from '../../../src/adapters/formats/wordpress-wxr.js';
import { countItems, readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { tempFile } from '../../builders/temp-file.js';
import { accountedItems, fixtureInput, fixtureInputPath, occurrences } from '../../helpers/blog-comment-inputs.js';

const sniff = (headText: string, extension = '.xml') =>
  wordpressWxrAdapter.sniff({ path: `input${extension}`, extension, headText, headBytes: Buffer.from(headText) });

/** A WXR 1.2 file with one post holding the given `<wp:comment>` bodies. */
function wxr(comments: string[], outside = ''): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">',
    '<channel>',
    outside,
    '<item><title>Post</title><link>https://example.org/p/</link><wp:post_id>5</wp:post_id>',
    ...comments.map((body) => `<wp:comment>${body}</wp:comment>`),
    '</item>',
    '</channel>',
    '</rss>',
  ].join('\n');
}

describe('wordpress-wxr', () => {
  test('recognises every WXR namespace version, http or https, and nothing else', () => {
    expect(sniff(fixtureInput('wordpress-wxr', 'statuses-and-threads'))).toBe(0.9);
    expect(sniff(fixtureInput('wordpress-wxr', 'wxr-1.0-without-post-ids', 'input.wxr'), '.wxr')).toBe(0.9);
    expect(sniff('<rss version="2.0" xmlns:wp="https://wordpress.org/export/1.2/">')).toBe(0.9);
    expect(sniff('<rss version="2.0"><channel><title>A plain RSS feed</title></channel></rss>')).toBe(0);
    expect(sniff(fixtureInput('disqus-xml', 'threads-after-posts'))).toBe(0);
  });

  test('is detected without flags from .xml and .wxr, and chosen with --format for any name', async () => {
    expect((await readFileItems(fixtureInputPath('wordpress-wxr', 'statuses-and-threads'))).format).toBe('wordpress-wxr');
    const asText = tempFile(
      'export.txt',
      wxr(['<wp:comment_id>1</wp:comment_id><wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved>']),
    );
    const result = await readFileItems(asText, { format: 'wordpress-wxr' });
    expect(result.format).toBe('wordpress-wxr');
    expect(recordsOf(result).map((record) => [record.sourceId, record.text])).toEqual([['5:1', 'Hi']]);
  });

  test('every <wp:comment> is accounted for: records + filtered + rejected', async () => {
    for (const [caseName, inputName] of [
      ['statuses-and-threads', 'input.xml'],
      ['wxr-1.0-without-post-ids', 'input.wxr'],
    ] as const) {
      const result = await readFileItems(fixtureInputPath('wordpress-wxr', caseName, inputName));
      expect(accountedItems(result)).toBe(occurrences(fixtureInput('wordpress-wxr', caseName, inputName), /<wp:comment>/));
    }
  });

  test('unknown approval values and comment types are filtered with a detail, never stored', async () => {
    const result = await readFileItems(
      tempFile(
        'input.xml',
        wxr([
          '<wp:comment_id>1</wp:comment_id><wp:comment_content>held</wp:comment_content><wp:comment_approved>hold</wp:comment_approved>',
          '<wp:comment_id>2</wp:comment_id><wp:comment_content>private</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>order_note</wp:comment_type>',
          '<wp:comment_id>3</wp:comment_id><wp:comment_content>no status</wp:comment_content>',
        ]),
      ),
    );
    expect(result.items).toEqual([
      {
        kind: 'filtered',
        rule: 'unapproved',
        provenance: { file: expect.any(String), line: 6 },
        sourceId: '5:1',
        detail: 'comment_approved "hold"',
      },
      {
        kind: 'filtered',
        rule: 'not-a-comment',
        provenance: { file: expect.any(String), line: 7 },
        sourceId: '5:2',
        detail: 'comment_type "order_note"',
      },
      {
        kind: 'filtered',
        rule: 'unapproved',
        provenance: { file: expect.any(String), line: 8 },
        sourceId: '5:3',
        detail: 'comment_approved ""',
      },
    ]);
  });

  test("WordPress's own sample comment is filtered not-feedback; a person's comment with the same opening is kept", async () => {
    const result = await readFileItems(fixtureInputPath('wordpress-wxr', 'sample-comment'));
    expect(countItems(result)).toEqual({ 'filtered:not-feedback': 2, record: 1 });
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [[item.sourceId, item.detail]] : []))).toEqual([
      ['1:1', "WordPress's sample comment, which every new site starts with"],
      ['42:7', "WordPress's sample comment, which every new site starts with"],
    ]);
    expect(recordsOf(result).map((record) => [record.sourceId, record.author])).toEqual([['42:8', 'Gwen Adebayo']]);
  });

  test('a comment outside any item is rejected with its line', async () => {
    const result = await readFileItems(tempFile('input.xml', wxr([], '<wp:comment><wp:comment_id>9</wp:comment_id></wp:comment>')));
    expect(countItems(result)).toEqual({ 'rejected:WXR_COMMENT_OUTSIDE_ITEM': 1 });
    const [item] = result.items;
    expect(item?.kind === 'rejected' ? item.provenance.line : null).toBe(4);
  });

  test('forced onto another XML export, it says the root element is wrong', async () => {
    const result = await readFileItems(fixtureInputPath('disqus-xml', 'threads-after-posts'), { format: 'wordpress-wxr' });
    expect(result.error).toBe(
      `${fixtureInputPath('disqus-xml', 'threads-after-posts')}:2:1: not a WordPress export: the root element is <disqus>, not <rss>`,
    );
  });
});
