import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../../src/exit-codes.js';
import { MAX_MESSAGE_BYTES } from '../../../src/adapters/readers/mbox-messages.js';
import { runCli } from '../../builders/cli-runner.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

/** One message of an mbox: its `From ` line, headers, a blank line, `body` and the blank line before the next `From `. */
function mboxMessage(number: number, body: string): string {
  return [
    `From sender${number}@example.org Mon Jan  1 00:00:00 2024`,
    `From: Sender ${number} <sender${number}@example.org>`,
    `Subject: Respite ${number}`,
    `Message-ID: <${number}@example.org>`,
    '',
    body,
    '',
    '',
  ].join('\n');
}

describe('mbox: a message over the size limit', () => {
  test('is one rejection whose line names the message once, and the messages around it are read', async () => {
    await withTempDir(async (dir) => {
      const line = `${'Respite breaks kept our family going through the winter. '.repeat(2)}\n`;
      const huge = line.repeat(Math.ceil((MAX_MESSAGE_BYTES * 1.05) / line.length));
      const first = mboxMessage(1, 'The carers group met weekly and it helped.');
      await writeFile(join(dir, 'big.mbox'), [first, mboxMessage(2, huge), mboxMessage(3, 'Please keep the drop-in open.')].join(''));
      const secondLine = first.split('\n').length;
      const result = await runCli(['ingest', 'big.mbox'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Findings);
      expect(result.stderr.split('\n').filter((text) => text.startsWith('rejected '))).toEqual([
        `rejected big.mbox:${secondLine}: message 2: 10.5 MB, over the 10.0 MB limit for one message; skipped [MESSAGE_TOO_LARGE]`,
      ]);
      expect(result.stderr).toContain('big.mbox (mbox): 3 read, 2 added, 1 rejected');
    });
  });
});

describe("mbox: a mailing list's monthly archive saved as .txt", () => {
  test('every message of a pipermail `2024-March.txt` is read, not the first one alone as an e-mail', async () => {
    const archive = [
      'From ines at example.org  Mon Mar  4 10:00:00 2024',
      'From: ines at example.org (Ines Moreau)',
      'Date: Mon, 04 Mar 2024 10:00:00 +0000',
      'Subject: [forum] Buses',
      'Message-ID: <b1@example.org>',
      '',
      'The 42 no longer stops at the surgery.',
      '',
      'From tom at example.net  Mon Mar  4 12:30:00 2024',
      'From: tom at example.net (Tom Hale)',
      'Date: Mon, 04 Mar 2024 12:30:00 +0000',
      'Subject: [forum] Buses',
      'Message-ID: <b2@example.net>',
      '',
      'Same here, I now walk twenty minutes.',
      '',
    ].join('\n');
    const result = await readTempInput('2024-March.txt', archive);
    expect(result.format).toBe('mbox');
    expect(recordsOf(result).map((record) => [record.author, record.text])).toEqual([
      ['Ines Moreau', 'The 42 no longer stops at the surgery.'],
      ['Tom Hale', 'Same here, I now walk twenty minutes.'],
    ]);
  });
});

describe("mbox: a mail client's own folder", () => {
  test('every message of a Sent mailbox is filtered not-feedback, counted, with the folder named; the inbox beside it is read', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'Sent'),
        [mboxMessage(1, 'Thank you, we have logged your response.'), mboxMessage(2, 'Thanks again.')].join(''),
      );
      await writeFile(join(dir, 'Inbox'), mboxMessage(3, 'Please keep the drop-in open.'));
      const result = await runCli(['ingest', 'Sent', 'Inbox'], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stderr).toContain('Sent (mbox): 2 read, 0 added, 2 filtered');
      expect(result.stderr).toContain('Inbox (mbox): 1 read, 1 added');
    });
    const sent = await readTempInput('Sent Messages.mbox', mboxMessage(1, 'Thank you, we have logged your response.'));
    expect(recordsOf(sent)).toEqual([]);
    expect(sent.items).toEqual([
      expect.objectContaining({
        kind: 'filtered',
        rule: 'not-feedback',
        detail: `in the mail client's "Sent Messages" folder: sent from this mailbox (the organisation's own messages)`,
      }),
    ]);
  });
});
