import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../../src/exit-codes.js';
import { MAX_MESSAGE_BYTES } from '../../../src/adapters/readers/mbox-messages.js';
import { runCli } from '../../builders/cli-runner.js';
import { withTempDir } from '../../builders/temp-dir.js';

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
