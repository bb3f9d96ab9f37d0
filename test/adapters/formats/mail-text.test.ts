import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-mail-text-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function read(name: string, lines: readonly string[]): Promise<FileReadResult> {
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return readFileItems(path, { displayPath: name });
}

function detected(lines: readonly string[]): string | undefined {
  const text = lines.join('\n');
  return detectFormat(ADAPTERS, { path: 'saved.txt', extension: '.txt', headText: text, headBytes: Buffer.from(text) })?.adapter.name;
}

const OUTLOOK_HEADER = ['From:\tJo Bloggs <jo@example.org>', 'Sent:\t02 January 2024 10:15', 'To:\tConsultation Team', 'Subject:\tRespite'];

describe('mail-text detection', () => {
  test("Outlook's saved header block is mail, not a transcript of speakers From, Sent and To", () => {
    expect(detected([...OUTLOOK_HEADER, '', 'We need more respite at weekends.'])).toBe('mail-text');
  });

  test('a raw message saved as .txt (it has a Message-ID) is left to the eml reader', () => {
    const raw = ['From: Jo Bloggs <jo@example.org>', 'To: c@example.org', 'Subject: Respite', 'Date: Tue, 02 Jan 2024 10:15:00 +0000'];
    expect(detected([...raw, 'Message-ID: <m1@example.org>', '', 'Words.'])).toBe('eml');
  });

  test('a block without a date field is no saved message', () => {
    expect(detected(['From:\tJo', 'To:\tAl', 'Subject:\tRespite', '', 'Words.'])).not.toBe('mail-text');
  });
});

describe('mail-text reading', () => {
  test("a quoted message under Outlook's space-separated header block stays inside the reply", async () => {
    const result = await read('reply.txt', [
      ...OUTLOOK_HEADER,
      '',
      'Yes, please count me in.',
      '',
      'From: Consultation Team <consultation@example.gov.uk>',
      'Sent: 01 January 2024 09:00',
      'To: Jo Bloggs <jo@example.org>',
      'Subject: Respite',
      '',
      'Would you come to the forum?',
    ]);
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => [record.text, record.author, record.date])).toEqual([
      ['Yes, please count me in.', 'Jo Bloggs', '2024-01-02T10:15:00.000Z'],
    ]);
  });

  test('each saved message is one record, with its line and part', async () => {
    const result = await read('two.txt', [
      ...OUTLOOK_HEADER,
      '',
      'First message.',
      '',
      '',
      'From:\tAl Smith <al@example.org>',
      'Sent:\t03 January 2024 11:20',
      'To:\tConsultation Team',
      'Subject:\tBuses',
      '',
      'Second message.',
    ]);
    expect(recordsOf(result).map((record) => [record.text, record.provenance.line, record.provenance.part])).toEqual([
      ['First message.', 1, 'message 1'],
      ['Second message.', 9, 'message 2'],
    ]);
    expect(JSON.stringify(recordsOf(result))).not.toContain('@example.org');
  });
});
