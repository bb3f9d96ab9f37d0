import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { annotation, buildOdt } from '../../builders/odt-documents.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-odt-slow-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('odt nesting costs no call stack either: words in spans 100,000 deep are read', async () => {
  const depth = 100_000;
  const path = join(folder, 'deep.odt');
  writeFileSync(
    path,
    buildOdt({ text: `<text:p>${'<text:span>'.repeat(depth)}deep<text:tab/>words${'</text:span>'.repeat(depth)}</text:p>` }),
  );
  const result = await readFileItems(path, { displayPath: 'deep.odt' });
  expect(result.error).toBeNull();
  expect(recordsOf(result).map((record) => record.text)).toEqual(['deep words']);
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
