import { describe, expect, test } from '@jest/globals';
import { SIGNATURE_PICTURE } from '../builders/mail-attachments.js';
import { readTempInput } from '../helpers/temp-input.js';

/** An e-mail whose own words are `body`, with a scanned letter attached as a picture, which tlap does not read. */
function emailWithPicture(body: string): string {
  return [
    'From: Resident <resident@example.org>',
    'To: consult@example.gov.uk',
    'Subject: Bench consultation',
    'Date: Tue, 4 Jun 2024 10:00:00 +0100',
    'Message-ID: <scan-1@example.org>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="XYZ"',
    '',
    '--XYZ',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    body,
    '',
    '--XYZ',
    'Content-Type: image/png; name="letter.png"',
    'Content-Disposition: attachment; filename="letter.png"',
    'Content-Transfer-Encoding: base64',
    '',
    SIGNATURE_PICTURE.toString('base64'),
    '--XYZ--',
    '',
  ].join('\r\n');
}

describe('a text that only points at an attached file is filtered text-in-attachment, with a warning for its file', () => {
  test('an e-mail saying only "See attached." beside a scanned letter tlap cannot read', async () => {
    const result = await readTempInput('scan.eml', emailWithPicture('See attached.'));
    expect(result.items.map((item) => item.kind)).toEqual(['filtered', 'warning']);
    expect(result.items[0]).toMatchObject({ kind: 'filtered', rule: 'text-in-attachment' });
    expect(result.items[1]).toMatchObject({ kind: 'warning', message: expect.stringContaining('1 item filtered text-in-attachment') });
  });

  test('an e-mail that says more than "see attached" is kept', async () => {
    const result = await readTempInput('scan.eml', emailWithPicture('See attached. Please keep the benches by the lake.'));
    expect(result.items.map((item) => item.kind)).toEqual(['record']);
  });
});
