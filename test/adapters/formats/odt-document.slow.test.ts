import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { MAX_XML_DEPTH } from '../../../src/adapters/readers/xml-elements.js';
import { annotation, buildOdt } from '../../builders/odt-documents.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-odt-slow-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('odt nesting costs no call stack either: words in spans nearly MAX_XML_DEPTH deep are read; deeper, the file is refused', async () => {
  const wrapped = (depth: number): Buffer =>
    buildOdt({ text: `<text:p>${'<text:span>'.repeat(depth)}deep<text:tab/>words${'</text:span>'.repeat(depth)}</text:p>` });
  const path = join(folder, 'deep.odt');
  writeFileSync(path, wrapped(MAX_XML_DEPTH - 10));
  const result = await readFileItems(path, { displayPath: 'deep.odt' });
  expect(result.error).toBeNull();
  expect(recordsOf(result).map((record) => record.text)).toEqual(['deep words']);
  writeFileSync(path, wrapped(100_000));
  expect((await readFileItems(path, { displayPath: 'deep.odt' })).error).toMatch(
    /^deep\.odt.*XML_TOO_DEEP: elements nest more than 10,000 deep; refused$/,
  );
});

test('thousands of comment ranges that never end, over thousands of words, are read as far as each passage is kept', async () => {
  const count = 1000;
  const starts = Array.from({ length: count }, (_, index) =>
    annotation({ creator: 'Editor', date: '2024-03-05T10:00:00', paragraphs: ['check'], name: `__Annotation__${index}` }),
  ).join('');
  const words = Array.from({ length: count }, (_, index) => `<text:span>word${index} </text:span>`).join('');
  const path = join(folder, 'ranges.odt');
  writeFileSync(path, buildOdt({ text: `<text:p>${starts}${words}</text:p>` }));
  const [first] = recordsOf(await readFileItems(path, { displayPath: 'ranges.odt' }));
  expect(String(first?.meta['commentedText'])).toMatch(/^word0 word1 .*…$/);
});
