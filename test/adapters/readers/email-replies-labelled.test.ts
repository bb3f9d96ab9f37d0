import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { emailMessageItems } from '../../../src/adapters/readers/email-message.js';
import type { RecordDraft } from '../../../src/record/record.js';
import { PROJECT_ROOT } from '../../helpers/read-fixture.js';

/**
 * The labelled set of e-mail replies (fixtures/text/email-replies/<case>/): each case is one
 * message written for the project in the shape of the forms the established reply parsers
 * (talon, email_reply_parser and its ports) handle, with the text a reader keeps from it.
 */
const ROOT = join(PROJECT_ROOT, 'fixtures', 'text', 'email-replies');
const CASES = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function expectedFile(name: string, file: string): string | null {
  const path = join(ROOT, name, file);
  return existsSync(path) ? readFileSync(path, 'utf8').replace(/\n$/, '') : null;
}

async function draftOf(name: string): Promise<RecordDraft> {
  const raw = readFileSync(join(ROOT, name, 'input.eml'));
  const items = await emailMessageItems(raw, { provenance: { file: `${name}/input.eml`, line: 1 }, label: '' });
  const record = items.find((item) => item.kind === 'record');
  if (record?.kind !== 'record') throw new Error(`${name}: no record in ${JSON.stringify(items)}`);
  return record.draft;
}

describe("labelled e-mail replies: the text kept is the sender's", () => {
  test('the set covers every form the issue names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    for (const name of CASES) expect(existsSync(join(ROOT, name, 'README.md'))).toBe(true);
  });

  test.each(CASES)('%s', async (name) => {
    const draft = await draftOf(name);
    expect(draft.text).toBe(expectedFile(name, 'expected.txt'));
    const author = expectedFile(name, 'expected-author.txt');
    if (author !== null) expect(draft.author).toBe(author);
    expect(draft.author ?? '').not.toContain('\ufffd');
    expect(draft.meta?.['textSource'] ?? 'reply').toBe(expectedFile(name, 'expected-source.txt') ?? 'reply');
  });
});
