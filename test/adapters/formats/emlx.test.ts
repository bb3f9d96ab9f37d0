import { describe, expect, test } from '@jest/globals';
import { emlxAdapter } from '../../../src/adapters/formats/emlx.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../../builders/temp-dir.js';
import { readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

const MESSAGE =
  'From: Ade Bello <ade@example.org>\nDate: Tue, 7 May 2024 10:00:00 +0100\nMessage-Id: <e1@example.org>\nSubject: Buses\n\nThe 42 is always late.\n';
const PLIST =
  '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>flags</key>\n\t<integer>1</integer>\n</dict>\n</plist>\n';

function emlx(message: string, count = Buffer.byteLength(message), plist = PLIST): string {
  return `${count}      \n${message}${plist}`;
}

describe('emlx', () => {
  test('the message under the byte count is read as an e-mail, and the property list after it is not', async () => {
    const result = await readTempInput('4127.emlx', emlx(MESSAGE));
    expect(result.format).toBe('emlx');
    expect(recordsOf(result).map((record) => [record.author, record.text, record.sourceId, record.channel])).toEqual([
      ['Ade Bello', 'The 42 is always late.', 'e1@example.org', 'email'],
    ]);
  });

  test('a partial .emlx (attachments kept beside it) is read the same way', async () => {
    const result = await readTempInput('4128.partial.emlx', emlx(MESSAGE));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['The 42 is always late.']);
  });

  test('recognised by its content without the extension, and not taken for a numbered caption', () => {
    const sniff = (headText: string): number => emlxAdapter.sniff({ path: 'x', extension: '', headText, headBytes: Buffer.from(headText) });
    expect(sniff(emlx(MESSAGE))).toBe(0.9);
    expect(sniff('1\n00:00:01,000 --> 00:00:02,000\nFrom: the start\n')).toBe(0);
  });

  test("a draft (Apple Mail's draft flag, bit 6 of flags) is filtered as not feedback; other flags are read", async () => {
    const flagged = (flags: string): string => PLIST.replace('<integer>1</integer>', `<integer>${flags}</integer>`);
    const draft = await readTempInput('4129.emlx', emlx(MESSAGE, undefined, flagged('8590195777')));
    expect(recordsOf(draft)).toEqual([]);
    expect(draft.items).toEqual([
      expect.objectContaining({
        kind: 'filtered',
        rule: 'not-feedback',
        sourceId: 'e1@example.org',
        detail: "an unsent draft (Apple Mail's draft flag)",
      }),
    ]);
    const read = await readTempInput('4130.emlx', emlx(MESSAGE, undefined, flagged('8590195713')));
    expect(recordsOf(read).map((record) => record.text)).toEqual(['The 42 is always late.']);
  });

  test("a message kept in Apple Mail's Sent or Junk mailbox is filtered, its folder named", async () => {
    await withTempDir(async (dir) => {
      const folder = join(dir, 'Sent Messages.mbox', 'Messages');
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, '4131.emlx'), emlx(MESSAGE));
      const result = await readFileItems(join(folder, '4131.emlx'));
      expect(result.items).toEqual([
        expect.objectContaining({ kind: 'filtered', rule: 'not-feedback', detail: expect.stringContaining('"Sent Messages" folder') }),
      ]);
    });
  });

  test('a file without the byte count line is refused with a message naming the layout', async () => {
    const result = await readTempInput('broken.emlx', MESSAGE);
    expect(result.error).toContain('not an Apple Mail message');
  });
});
