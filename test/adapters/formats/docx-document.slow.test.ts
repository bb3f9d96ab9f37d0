import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { DOCX_UNPACKED_LIMIT } from '../../../src/adapters/formats/docx-document.js';
import { MAX_XML_DEPTH } from '../../../src/adapters/readers/xml-elements.js';
import { buildDocx, commentMark, commentParts, run } from '../../builders/docx-documents.js';
import { buildZip } from '../../builders/zip-builder.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-docx-slow-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('docx nesting costs no call stack: a run wrapped nearly MAX_XML_DEPTH elements deep is read; deeper, the file is refused', async () => {
  const wrapped = (depth: number): Buffer =>
    buildDocx({ body: `<w:p>${'<w:smartTag>'.repeat(depth)}<w:r><w:t>deep</w:t></w:r>${'</w:smartTag>'.repeat(depth)}</w:p>` });
  const path = join(folder, 'deep.docx');
  writeFileSync(path, wrapped(MAX_XML_DEPTH - 10));
  const result = await readFileItems(path, { displayPath: 'deep.docx' });
  expect(result.error).toBeNull();
  expect(recordsOf(result).map((record) => record.text)).toEqual(['deep']);
  writeFileSync(path, wrapped(100_000));
  expect((await readFileItems(path, { displayPath: 'deep.docx' })).error).toMatch(
    /^deep\.docx.*XML_TOO_DEEP: elements nest more than 10,000 deep; refused$/,
  );
});

test('a docx zip bomb that understates its sizes is stopped at the limit while inflating', async () => {
  const path = join(folder, 'liar.docx');
  const megabyte = 1024 * 1024;
  writeFileSync(
    path,
    buildZip([{ name: 'word/document.xml', content: 'x'.repeat(megabyte), repeat: DOCX_UNPACKED_LIMIT / megabyte + 1 }], {
      declaredSize: 1000,
    }),
  );
  expect((await readFileItems(path, { displayPath: 'liar.docx' })).error).toBe(
    'liar.docx: the Word document unpacks to more than 64.0 MB (its entry "word/document.xml" inflates past the sizes its zip declares); refused',
  );
});

async function readDocx(name: string, bytes: Buffer): ReturnType<typeof readFileItems> {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return readFileItems(path, { displayPath: name });
}

const comment = { id: 0, author: 'Jane Smith', date: '2024-03-05T10:12:00Z', paragraphs: ['And for carers?'], paraId: '1A2B3C4D' };

test('thousands of comment ranges that never end, over thousands of runs, are read as far as each passage is kept', async () => {
  const count = 3000;
  const starts = Array.from({ length: count }, (_, index) => commentMark.start(index)).join('');
  const runs = Array.from({ length: count }, (_, index) => run(`word${index} `)).join('');
  const result = await readDocx('ranges.docx', buildDocx({ body: `<w:p>${starts}${runs}</w:p>`, extra: commentParts([comment]) }));
  const [record] = recordsOf(result);
  expect(String(record?.meta['commentedText'])).toMatch(/^word0 word1 .*…$/);
});
