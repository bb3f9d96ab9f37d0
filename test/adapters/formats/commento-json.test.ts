import { describe, expect, test } from '@jest/globals';
import { commentoJsonAdapter } from '../../../src/adapters/formats/commento-json.js';
import { jsonRecordsAdapter } from '../../../src/adapters/formats/json-records.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { tempFile } from '../../builders/temp-file.js';
import { readTempInput, rejectedPlaces } from '../../helpers/temp-input.js';
import { accountedItems, fixtureInput, fixtureInputPath, occurrences } from '../../helpers/blog-comment-inputs.js';

const input = (headText: string) => ({ path: 'input.json', extension: '.json', headText, headBytes: Buffer.from(headText) });

/** A Commento export with these comments (and optional commenters), one comment per line. */
function commento(comments: object[], commenters?: object[]): string {
  const lines = ['{', '"version": 1,', '"comments": [', comments.map((comment) => JSON.stringify(comment)).join(',\n'), ']'];
  if (commenters !== undefined) lines.push(`, "commenters": ${JSON.stringify(commenters)}`);
  lines.push('}');
  return lines.join('\n');
}

const BASE = {
  domain: 'example.org',
  url: '/page',
  commenterHex: 'anonymous',
  html: '',
  parentHex: 'root',
  state: 'approved',
  creationDate: '2022-01-01T00:00:00Z',
  deleted: false,
};

describe('commento-json', () => {
  test('outscores the generic JSON reader on a Commento export, and ignores other JSON', () => {
    const head = fixtureInput('commento-json', 'states-and-markdown', 'input.json');
    expect(commentoJsonAdapter.sniff(input(head))).toBe(0.9);
    expect(commentoJsonAdapter.sniff(input(head))).toBeGreaterThan(jsonRecordsAdapter.sniff(input(head)));
    expect(commentoJsonAdapter.sniff(input('[{"text": "hello", "commentHex": "x"}]'))).toBe(0);
    expect(commentoJsonAdapter.sniff(input('{"data": [{"text": "hello"}]}'))).toBe(0);
  });

  test('is detected without flags, and every comment is accounted for', async () => {
    const result = await readFileItems(fixtureInputPath('commento-json', 'states-and-markdown', 'input.json'));
    expect(result.format).toBe('commento-json');
    expect(accountedItems(result)).toBe(
      occurrences(fixtureInput('commento-json', 'states-and-markdown', 'input.json'), /"commentHex": "[0-9a-f]+",\n\s+"domain"/),
    );
  });

  test('an unknown state is filtered as unapproved with a detail; a missing commenters list means no names', async () => {
    const result = await readFileItems(
      tempFile(
        'input.json',
        commento([
          { ...BASE, commentHex: 'a1', commenterHex: 'c1', markdown: 'Kept' },
          { ...BASE, commentHex: 'a2', markdown: 'Odd', state: 'pending-review' },
        ]),
      ),
    );
    expect(recordsOf(result).map((record) => [record.sourceId, record.author, record.text])).toEqual([['a1', null, 'Kept']]);
    expect(result.items[1]).toEqual({
      kind: 'filtered',
      rule: 'unapproved',
      provenance: { file: expect.any(String), line: 5, part: 'comments[1]' },
      sourceId: 'a2',
      detail: 'state "pending-review"',
    });
  });

  test('a comment that is not an object is rejected, the others still read', async () => {
    const text = commento([{ ...BASE, commentHex: 'a1', markdown: 'One' }]).replace('"comments": [', '"comments": [\n"not an object",');
    const result = await readFileItems(tempFile('input.json', text));
    expect(result.items.map((item) => (item.kind === 'rejected' ? item.code : item.kind))).toEqual(['NOT_AN_OBJECT', 'record']);
  });

  test('a bad comment in a minified export is a rejection naming its place among the comments', async () => {
    const comments = [
      { ...BASE, commentHex: 'a1', markdown: 'One' },
      { ...BASE, commentHex: 'a2', markdown: 'Two' },
      'not a comment',
      { ...BASE, commentHex: 'a4', markdown: 'Four' },
    ];
    const result = await readTempInput('commento.json', JSON.stringify({ comments, commenters: [] }));
    expect(result.format).toBe('commento-json');
    expect(rejectedPlaces(result)).toEqual([{ line: 1, part: 'comments[2]' }]);
    expect(recordsOf(result).map((record) => record.provenance.part)).toEqual(['comments[0]', 'comments[1]', 'comments[3]']);
  });

  test('the commenter e-mail address never reaches a record', async () => {
    const result = await readFileItems(
      tempFile(
        'input.json',
        commento(
          [{ ...BASE, commentHex: 'a1', commenterHex: 'c1', markdown: 'Reach me on ann@example.org' }],
          [{ commenterHex: 'c1', name: 'Ann', email: 'ann@example.org' }],
        ),
      ),
    );
    expect(JSON.stringify(recordsOf(result))).not.toContain('ann@example.org');
    expect(recordsOf(result)[0]?.author).toBe('Ann');
  });

  test('an export cut short in its commenters keeps its comments, then is rejected JSON_TRUNCATED', async () => {
    const whole = commento(
      [
        { ...BASE, commentHex: 'a1', commenterHex: 'c1', markdown: 'First' },
        { ...BASE, commentHex: 'a2', commenterHex: 'c2', markdown: 'Second' },
      ],
      [
        { commenterHex: 'c1', name: 'Ann' },
        { commenterHex: 'c2', name: 'Bo' },
      ],
    );
    const result = await readFileItems(tempFile('input.json', whole.slice(0, whole.indexOf('"Bo"'))));
    expect(recordsOf(result).map((record) => [record.sourceId, record.text])).toEqual([
      ['a1', 'First'],
      ['a2', 'Second'],
    ]);
    expect(result.error).toMatch(/JSON ends before/);
  });
});
