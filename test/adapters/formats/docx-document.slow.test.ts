import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { buildDocx } from '../../builders/docx-documents.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-docx-deep-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('docx nesting costs no call stack: a run wrapped 100,000 elements deep is read', async () => {
  const depth = 100_000;
  const path = join(folder, 'deep.docx');
  writeFileSync(
    path,
    buildDocx({ body: `<w:p>${'<w:smartTag>'.repeat(depth)}<w:r><w:t>deep</w:t></w:r>${'</w:smartTag>'.repeat(depth)}</w:p>` }),
  );
  const result = await readFileItems(path, { displayPath: 'deep.docx' });
  expect(result.error).toBeNull();
  expect(recordsOf(result).map((record) => record.text)).toEqual(['deep']);
});
