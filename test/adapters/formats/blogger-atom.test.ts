import { describe, expect, test } from '@jest/globals';
import { bloggerAtomAdapter } from '../../../src/adapters/formats/blogger-atom.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { tempFile } from '../../builders/temp-file.js';
import { accountedItems, fixtureInput, fixtureInputPath, occurrences } from '../../helpers/blog-comment-inputs.js';

const sniff = (headText: string) =>
  bloggerAtomAdapter.sniff({ path: 'input.xml', extension: '.xml', headText, headBytes: Buffer.from(headText) });

const KIND = "scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#";

function feed(entries: string[]): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:gd='http://schemas.google.com/g/2005'>",
    ...entries.map((entry) => `<entry>${entry}</entry>`),
    '</feed>',
  ].join('');
}

describe('blogger-atom', () => {
  test('recognises a Blogger backup, not other Atom feeds or exports', () => {
    expect(sniff(fixtureInput('blogger-atom', 'backup-with-posts-and-settings'))).toBe(0.9);
    expect(sniff("<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>News</title></entry></feed>")).toBe(0);
    expect(sniff(fixtureInput('wordpress-wxr', 'statuses-and-threads'))).toBe(0);
  });

  test('is detected without flags, and every entry is accounted for', async () => {
    const result = await readFileItems(fixtureInputPath('blogger-atom', 'backup-with-posts-and-settings'));
    expect(result.format).toBe('blogger-atom');
    expect(accountedItems(result)).toBe(occurrences(fixtureInput('blogger-atom', 'backup-with-posts-and-settings'), /<entry>/));
  });

  test('a one-line backup still locates each entry by number; text content is kept as written', async () => {
    const result = await readFileItems(
      tempFile(
        'blog.xml',
        feed([
          `<id>tag:blogger.com,1999:blog-1.post-2</id><category ${KIND}post'/><title>P</title>`,
          `<id>tag:blogger.com,1999:blog-1.post-3</id><category ${KIND}comment'/><content type='text'>a &lt;b&gt; is not a tag here</content><author><name>Zoe</name><email>zoe@example.org</email></author><link rel='related' href='https://www.blogger.com/feeds/1/2/comments/default/7'/>`,
        ]),
      ),
    );
    expect(result.items.map((item) => (item.kind === 'record' ? item.record.provenance : item.provenance))).toEqual([
      { file: expect.any(String), line: 1, part: 'entry 1' },
      { file: expect.any(String), line: 1, part: 'entry 2' },
    ]);
    const [record] = recordsOf(result);
    expect(record?.text).toBe('a <b> is not a tag here');
    expect(record?.author).toBe('Zoe');
    expect(record?.inReplyTo).toBe('tag:blogger.com,1999:blog-1.post-7');
  });

  test('a comment updated after it was published has meta.editedAt; one updated when published has none', async () => {
    const comment = (id: number, published: string, updated: string): string =>
      `<id>tag:blogger.com,1999:blog-1.post-${id}</id><category ${KIND}comment'/><published>${published}</published><updated>${updated}</updated><content type='text'>Comment ${id}</content>`;
    const result = await readFileItems(
      tempFile(
        'blog.xml',
        feed([
          comment(3, '2012-03-01T10:00:00.000-08:00', '2012-03-02T09:30:00.000-08:00'),
          comment(4, '2012-03-01T11:00:00.000-08:00', '2012-03-01T11:00:00.000-08:00'),
        ]),
      ),
    );
    expect(recordsOf(result).map((record) => [record.date, record.meta['editedAt'] ?? null])).toEqual([
      ['2012-03-01T18:00:00.000Z', '2012-03-02T17:30:00.000Z'],
      ['2012-03-01T19:00:00.000Z', null],
    ]);
  });

  test('forced onto a WordPress export, it says the root element is wrong', async () => {
    const path = fixtureInputPath('wordpress-wxr', 'statuses-and-threads');
    expect((await readFileItems(path, { format: 'blogger-atom' })).error).toBe(
      `${path}:4:1: not a Blogger export: the root element is <rss>, not an Atom <feed>`,
    );
  });

  test('a backup cut short keeps the entries before the cut, then is rejected XML_TRUNCATED', async () => {
    const whole = feed([
      `<id>tag:blogger.com,1999:blog-1.post-2</id><category ${KIND}post'/><title>Day services</title>`,
      `<id>tag:blogger.com,1999:blog-1.post-3</id><category ${KIND}comment'/><content type='text'>Kept before the cut</content><author><name>Zoe</name></author><thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-2'/>`,
      `<id>tag:blogger.com,1999:blog-1.post-4</id><category ${KIND}comment'/><content type='text'>Cut off`,
    ]);
    const result = await readFileItems(tempFile('blog.xml', whole.slice(0, whole.indexOf('Cut off') + 3)));
    expect(recordsOf(result).map((record) => [record.text, record.meta['postTitle']])).toEqual([['Kept before the cut', 'Day services']]);
    expect(result.error).toMatch(/XML_TRUNCATED/);
  });
});
