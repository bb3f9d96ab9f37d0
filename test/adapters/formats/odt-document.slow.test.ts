import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { buildOdt } from '../../builders/odt-documents.js';
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
