import { describe, expect, test } from '@jest/globals';
import { attachedDocumentAdapter, attachedFileReader } from '../../src/ingest/attached-files.js';
import type { AdapterItem } from '../../src/adapters/format-adapter.js';
import { buildDocx, paragraph } from '../builders/docx-documents.js';
import { PDF_FIXTURE_INPUTS } from '../builders/pdf-documents.js';
import { XLSX_FIXTURE_INPUTS } from '../builders/xlsx-workbooks.js';
import { SIGNATURE_PICTURE } from '../builders/mail-attachments.js';
import { buildOutlookMsg } from '../builders/outlook-msg-builder.js';

const docx = buildDocx({ body: paragraph('We support the plan.') });
const pdf = PDF_FIXTURE_INPUTS['letter']?.build() ?? Buffer.alloc(0);

function formatOf(name: string, bytes: Buffer, contentType = 'application/octet-stream'): string | null {
  return attachedDocumentAdapter({ name, contentType, bytes })?.name ?? null;
}

describe('which attached files are read, by their content', () => {
  test('documents and workbooks are read by their own reader, whatever their name says', async () => {
    expect(formatOf('response.docx', docx)).toBe('docx');
    expect(formatOf('ATT00001.bin', docx)).toBe('docx');
    expect(formatOf('response', pdf)).toBe('pdf');
    expect(formatOf('response.docx', pdf)).toBe('pdf');
    const workbook = (await Object.values(XLSX_FIXTURE_INPUTS)[0]?.()) ?? Buffer.alloc(0);
    expect(formatOf('answers.xlsx', workbook)).toBe('xlsx');
  });

  test('pictures, invitations, contact cards, signatures, winmail.dat, zips and text are not read', () => {
    expect(formatOf('image001.png', SIGNATURE_PICTURE, 'image/png')).toBeNull();
    expect(formatOf('invite.ics', Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'), 'text/calendar')).toBeNull();
    expect(formatOf('jane.vcf', Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Smith\r\nEND:VCARD\r\n'), 'text/vcard')).toBeNull();
    expect(formatOf('smime.p7s', Buffer.from('3082054a06092a864886f70d010702', 'hex'), 'application/pkcs7-signature')).toBeNull();
    expect(formatOf('winmail.dat', Buffer.from('789f3e220100', 'hex'), 'application/ms-tnef')).toBeNull();
    expect(formatOf('notes.txt', Buffer.from('We support the plan.\n'), 'text/plain')).toBeNull();
    expect(formatOf('forwarded.msg', buildOutlookMsg({ subject: 'Hi', body: 'Hello' }))).toBeNull();
  });

  test('a file named as a document whose content is not one goes to the reader its name gives, whose error says what is wrong', () => {
    expect(formatOf('response.docx', docx.subarray(0, 40))).toBe('docx');
    expect(formatOf('response.pdf', Buffer.from('<html>Your session has expired</html>'))).toBe('pdf');
  });
});

describe('attachedFileReader', () => {
  test('reads a document with the document options, provenance naming the e-mail', async () => {
    const read = attachedFileReader({ map: { text: 'Comment' }, sheet: 'Other' });
    const document = read({ name: 'r.docx', contentType: '', bytes: docx }, 'inbox/mail.eml');
    const items: AdapterItem[] = [];
    for await (const item of document?.items ?? []) items.push(item);
    expect(document?.format).toBe('docx');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'record',
        draft: expect.objectContaining({ text: 'We support the plan.', provenance: { file: 'inbox/mail.eml', part: 'paragraph 1' } }),
      }),
    ]);
  });

  test('gives null for a file that is no document', () => {
    expect(
      attachedFileReader({ map: {} })({ name: 'image001.png', contentType: 'image/png', bytes: SIGNATURE_PICTURE }, 'm.eml'),
    ).toBeNull();
  });
});
