import { describe, expect, test } from '@jest/globals';
import { disqusXmlAdapter } from '../../../src/adapters/formats/disqus-xml.js';
import { countItems, readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { tempFile } from '../../builders/temp-file.js';
import { accountedItems, fixtureInput, fixtureInputPath, occurrences } from '../../helpers/blog-comment-inputs.js';

const sniff = (headText: string) =>
  disqusXmlAdapter.sniff({ path: 'input.xml', extension: '.xml', headText, headBytes: Buffer.from(headText) });

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">';

describe('disqus-xml', () => {
  test('recognises the Disqus namespace and nothing else', () => {
    expect(sniff(fixtureInput('disqus-xml', 'threads-after-posts'))).toBe(0.9);
    expect(sniff(fixtureInput('wordpress-wxr', 'statuses-and-threads'))).toBe(0);
    expect(sniff(fixtureInput('blogger-atom', 'backup-with-posts-and-settings'))).toBe(0);
  });

  test('is detected without flags, and every <post> is accounted for', async () => {
    const result = await readFileItems(fixtureInputPath('disqus-xml', 'threads-after-posts'));
    expect(result.format).toBe('disqus-xml');
    expect(accountedItems(result)).toBe(occurrences(fixtureInput('disqus-xml', 'threads-after-posts'), /<post /));
  });

  test('a post in a thread that only appears later still gets the thread title and link', async () => {
    const input = `${HEAD}
<post dsq:id="1"><message><![CDATA[<p>First</p>]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>A</name></author><thread dsq:id="10"/></post>
<thread dsq:id="10"><link>https://example.org/page</link><title>The page</title></thread>
</disqus>`;
    const [record] = recordsOf(await readFileItems(tempFile('late.xml', input)));
    expect(record?.meta).toEqual({ postTitle: 'The page', postUrl: 'https://example.org/page' });
    expect(record?.url).toBe('https://example.org/page#comment-1');
  });

  test('an export whose root declares only the dsq: prefix (elements in no namespace) is read, not refused', async () => {
    const result = await readFileItems(fixtureInputPath('disqus-xml', 'no-default-namespace'));
    expect(result.format).toBe('disqus-xml');
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => [record.sourceId, record.inReplyTo, record.text, record.meta['postTitle']])).toEqual([
      ['900301', null, "The grant paid for my first break in two years. Please don't cut it.", "Changes to the carers' grant"],
      ['900302', '900301', 'Same here, and the form was easy to fill in.', "Changes to the carers' grant"],
    ]);
  });

  test('a DOCTYPE with entities is refused before any post is read', async () => {
    const input = `<?xml version="1.0"?>\n<!DOCTYPE disqus [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n${HEAD.split('\n')[1]}
<post dsq:id="1"><message>&x;</message><thread dsq:id="10"/></post>
</disqus>`;
    const result = await readFileItems(tempFile('xxe.xml', input));
    expect(result.items).toEqual([]);
    expect(result.error).toMatch(/xxe\.xml:2:19: XML_ENTITY_DECLARATION: /);
  });

  test('a post cut off at the end of the file fails with XML_TRUNCATED after the posts before it', async () => {
    const input = `${HEAD}\n<thread dsq:id="10"><title>T</title></thread>\n<post dsq:id="1"><message>complete</message><thread dsq:id="10"/></post>\n<post dsq:id="2"><message>cut`;
    const result = await readFileItems(tempFile('cut.xml', input));
    expect(recordsOf(result).map((record) => [record.sourceId, record.text, record.meta])).toEqual([['1', 'complete', { postTitle: 'T' }]]);
    expect(result.error).toMatch(/cut\.xml:5:30: XML_TRUNCATED: the file ends inside <message>/);
  });

  test('an export broken part-way keeps the posts before the break, then is rejected where it breaks', async () => {
    const result = await readFileItems(fixtureInputPath('disqus-xml', 'broken-part-way'));
    expect(result.format).toBe('disqus-xml');
    expect(countItems(result)).toEqual({ warning: 1, record: 2, 'filtered:spam': 1 });
    expect(recordsOf(result).map((record) => [record.sourceId, record.inReplyTo, record.meta['postTitle']])).toEqual([
      ['630001', null, 'Respite review: tell us what works'],
      ['630002', '630001', 'Respite review: tell us what works'],
    ]);
    expect(result.error).toMatch(/input\.xml:89:\d+: XML_MALFORMED: unquoted attribute value/);
  });
});
