import { describe, expect, test } from '@jest/globals';
import { htmlToPlainText } from '../../../src/text/html-to-plain-text.js';
import { MAX_XML_DEPTH } from '../../../src/adapters/readers/xml-elements.js';
import { markdownInlineText } from '../../../src/adapters/readers/markdown-inline-text.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

function nested(depth: number): string {
  return `${'<b>'.repeat(depth)}deep words${'</b>'.repeat(depth)}`;
}

function comment(id: number, content: string): string {
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>A</wp:comment_author><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content>${content}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`;
}

function wxr(...comments: string[]): string {
  return `<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>T</title>\n${comments.join('\n')}\n</item></channel></rss>\n`;
}

describe('no recursion that input can exhaust', () => {
  test('100,000-deep JSON is one rejection naming its line; the other lines are read', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = await readTempInput('records.jsonl', `{"id":"1","text":"first words"}\n${deep}\n{"id":"2","text":"last words"}\n`);
    expect(countItems(result)).toEqual({ record: 2, 'rejected:JSON_TOO_DEEP': 1 });
    expect(result.items.find((item) => item.kind === 'rejected')?.provenance.line).toBe(2);
  });

  test('100,000-deep JSON inside a JSON array is one rejection naming its line; the elements after it are read', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = await readTempInput('records.json', `[{"id":"1","text":"first words"},\n${deep},\n{"id":"2","text":"last words"}]\n`);
    expect(countItems(result)).toEqual({ record: 2, 'rejected:JSON_TOO_DEEP': 1 });
    expect(result.items.find((item) => item.kind === 'rejected')?.provenance.line).toBe(2);
  });

  test('XML 5,000 deep inside a CDATA comment body is converted flat, words kept; the comments around it are read', async () => {
    const result = await readTempInput(
      'blog.wxr.xml',
      wxr(comment(1, 'before'), comment(2, `<![CDATA[${nested(5000)}]]>`), comment(3, 'after')),
    );
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => record.text)).toEqual(['before', 'deep words', 'after']);
  });

  test('XML nearly MAX_XML_DEPTH deep outside CDATA is walked without recursion, words kept', async () => {
    const result = await readTempInput(
      'blog.wxr.xml',
      wxr(comment(1, 'before'), comment(2, nested(MAX_XML_DEPTH - 10)), comment(3, 'after')),
    );
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => record.text)).toEqual(['before', 'deep words', 'after']);
  });

  test('XML 100,000 deep refuses the file at the line it passes MAX_XML_DEPTH, in bounded memory; the comments before it are read', async () => {
    const result = await readTempInput('blog.wxr.xml', wxr(comment(1, 'before'), comment(2, nested(100_000)), comment(3, 'after')));
    expect(result.error).toBe('blog.wxr.xml:4: XML_TOO_DEEP: elements nest more than 10,000 deep; refused');
    expect(recordsOf(result).map((record) => record.text)).toEqual(['before']);
  });

  test('3,000 nested emphasis markers in event notes give a record with the words, and the notes after it are read', async () => {
    const result = await readTempInput('notes.md', `# Notes\n\n${'_a '.repeat(3000)}x${' b_'.repeat(3000)}\n\nThe last note.\n`);
    expect(result.error).toBeNull();
    const texts = recordsOf(result).map((record) => record.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('x');
    expect(texts[1]).toBe('The last note.');
  });

  test('HTML nested 5,000 deep is converted flat, words kept', () => {
    expect(htmlToPlainText(`${'<div>'.repeat(5000)}deep words${'</div>'.repeat(5000)}`)).toBe('deep words');
  });

  test('3,000 nested emphasis markers are stripped flat, words kept', () => {
    expect(markdownInlineText(`${'_a '.repeat(3000)}x${' b_'.repeat(3000)}`)).toContain('x');
  });
});

describe('recovered XML', () => {
  test('a stray character before <?xml is skipped with a warning', async () => {
    const xml =
      'x<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n<post dsq:id="1"><message>Kind staff.</message><createdAt>2020-01-01T00:00:00Z</createdAt><author><name>A</name></author><thread dsq:id="t"/></post>\n</disqus>\n';
    const result = await readTempInput('export.xml', xml, { format: 'disqus-xml' });
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Kind staff.']);
    expect(result.items.some((item) => item.kind === 'warning' && item.message.includes('before the XML begins'))).toBe(true);
  });
});
