import { describe, expect, test } from '@jest/globals';
import { htmlToPlainText } from '../../../src/text/html-to-plain-text.js';
import { markdownInlineText } from '../../../src/adapters/readers/markdown-inline-text.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

describe('no recursion that input can exhaust', () => {
  test('100,000-deep JSON is one rejection naming its line; the other lines are read', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = await readTempInput('records.jsonl', `{"id":"1","text":"first words"}\n${deep}\n{"id":"2","text":"last words"}\n`);
    expect(countItems(result)).toEqual({ record: 2, 'rejected:JSON_TOO_DEEP': 1 });
    expect(result.items.find((item) => item.kind === 'rejected')?.provenance.line).toBe(2);
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
