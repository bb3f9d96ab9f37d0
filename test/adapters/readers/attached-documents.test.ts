import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emailMessageItems } from '../../../src/adapters/readers/email-message.js';
import { MAX_ATTACHED_DOCUMENTS } from '../../../src/adapters/readers/attached-documents.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { buildDocx, DOCX_FIXTURE_INPUTS, paragraph } from '../../builders/docx-documents.js';
import {
  buildMail,
  MAIL_ATTACHMENT_FIXTURE_INPUTS,
  responseDocx,
  SIGNATURE_PICTURE,
  type MailSpec,
} from '../../builders/mail-attachments.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-attached-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let written = 0;
async function readMail(bytes: Buffer, name = 'mail.eml'): Promise<FileReadResult> {
  written += 1;
  const path = join(dir, `${written}-${name}`);
  await writeFile(path, bytes);
  return readFileItems(path, { displayPath: name });
}

function fixtureInput(key: string): Buffer {
  return MAIL_ATTACHMENT_FIXTURE_INPUTS[key]?.build() ?? Buffer.alloc(0);
}

describe('the generated fixture inputs', () => {
  test.each(Object.entries(MAIL_ATTACHMENT_FIXTURE_INPUTS))('%s', (key, input) => {
    const bytes = input.build();
    expect(input.build().equals(bytes)).toBe(true);
    expectGoldenBytes(join(PROJECT_ROOT, 'fixtures/adapters', key, input.name), bytes);
  });
});

describe('a document attached to an e-mail', () => {
  test("is read by the document's reader: its paragraphs are records in the sender's name, dated when the e-mail was sent", async () => {
    const result = await readMail(fixtureInput('eml/attached-docx-response'));
    const records = recordsOf(result);
    expect(records.map((record) => record.text)).toEqual([
      'Our members need breaks at weekends, not only in the week.',
      'The sitting service should be free for carers on low incomes.',
      'The community bus to the day centre stops at four; most carers work until five.',
    ]);
    for (const record of records) {
      expect(record).toMatchObject({
        channel: 'email',
        format: 'docx',
        author: 'Jane Smith',
        date: '2024-05-31T15:45:00.000Z',
        meta: {
          attachment: 'HCG response.docx',
          subject: 'Response to the draft partnership agreement',
          documentDate: '2019-01-07T09:00:00.000Z',
        },
      });
    }
    expect(records[0]?.provenance).toEqual({ file: 'mail.eml', line: 1, part: 'attachment "HCG response.docx" › paragraph 3' });
  });

  test('the cover note that only points at it is filtered as cover-note; the signature picture is not read', async () => {
    const result = await readMail(fixtureInput('eml/attached-docx-response'));
    expect(countItems(result)).toEqual({ 'filtered:cover-note': 1, record: 3 });
    expect(result.items[0]).toMatchObject({ kind: 'filtered', rule: 'cover-note', provenance: { file: 'mail.eml', line: 1 } });
  });

  test('a note that says more is kept, naming the documents read in meta.attachments', async () => {
    const result = await readMail(
      buildMail({
        from: 'Ann <ann@example.org>',
        subject: 'Views',
        date: 'Mon, 03 Jun 2024 10:00:00 +0000',
        messageId: 'kept-1@example.org',
        text: 'Our response is attached. The main point for us is that respite care must stay free.',
        attachments: [{ name: 'r.docx', contentType: 'application/octet-stream', bytes: responseDocx() }],
      }),
    );
    const [note] = recordsOf(result);
    expect(note).toMatchObject({ format: 'eml', meta: { attachments: ['r.docx'] } });
    expect(note?.text).toContain('respite care must stay free');
  });

  test('that cannot be read is one rejection naming the attachment, and the note is kept', async () => {
    const result = await readMail(fixtureInput('eml/attached-damaged-document'));
    expect(countItems(result)).toEqual({ record: 1, 'rejected:FILE_UNREADABLE': 1 });
    const rejection = result.items.find((item) => item.kind === 'rejected');
    expect(rejection).toMatchObject({ provenance: { file: 'mail.eml', line: 1, part: 'attachment "comments.docx"' } });
    expect(rejection?.kind === 'rejected' ? rejection.message : '').toMatch(/^the attached docx document cannot be read: /);
  });

  test('is read in each message of a mailbox, and the same document sent again is stored once', async () => {
    const path = join(dir, 'responses.mbox');
    await writeFile(path, fixtureInput('mbox/attached-pdf'));
    const result = await readFileItems(path, { displayPath: 'responses.mbox' });
    const fromPdf = recordsOf(result).filter((record) => record.format === 'pdf');
    expect(fromPdf.length).toBeGreaterThan(0);
    expect(fromPdf[0]?.provenance.part).toMatch(/^message 1 › attachment "Response\.pdf" › page 1, paragraph \d+$/);
    const summary = await ingest({ paths: [path], cwd: dir, storeDir: join(dir, 'mbox-store') });
    const perMessage = fromPdf.length / 2;
    expect(summary).toMatchObject({
      read: summary.added + summary.duplicates + summary.filtered + summary.rejected,
      duplicates: perMessage,
    });
  });

  test("inside an e-mail attached to an Outlook item is read, and the item's own document too", async () => {
    const result = await readMail(fixtureInput('outlook-msg/attached-eml-with-docx'), 'fw.msg');
    const parts = recordsOf(result).map((record) => [record.format, record.author, record.provenance.part ?? '']);
    expect(parts).toEqual([
      ['outlook-msg', 'Consultation Team', ''],
      ['docx', 'Consultation Team', 'attachment "Saturday club report.docx" › paragraph 1'],
      ['docx', 'Helen Brooks', 'attached message 1 › attachment "my views.docx" › paragraph 1'],
    ]);
    expect(countItems(result)).toEqual({ record: 3, 'filtered:cover-note': 1 });
  });

  test("a reviewer's comment keeps the author and date its document gives; only words without an author are the sender's", async () => {
    const draft = DOCX_FIXTURE_INPUTS['reviewed-draft']?.build() ?? Buffer.alloc(0);
    const alone = recordsOf(await readMail(draft, 'draft.docx'));
    const result = await readMail(
      buildMail({
        from: 'Office <office@example.org>',
        subject: 'Our comments on the draft',
        date: 'Mon, 03 Jun 2024 10:00:00 +0000',
        messageId: 'reviewed@example.org',
        text: 'Please find our comments attached.',
        attachments: [{ name: 'draft.docx', contentType: 'application/octet-stream', bytes: draft }],
      }),
    );
    const attached = recordsOf(result);
    expect(alone.filter((record) => record.author !== null).length).toBeGreaterThan(0);
    expect(attached.map((record) => [record.text, record.author])).toEqual(alone.map((record) => [record.text, record.author ?? 'Office']));
    for (const [index, record] of attached.entries()) {
      if (alone[index]?.author !== null) expect(record.date).toBe(alone[index]?.date);
    }
  });

  test('gets ids from the document, not from where the e-mail is saved', async () => {
    const input = fixtureInput('eml/attached-docx-response');
    const ids = (result: FileReadResult) => recordsOf(result).map((record) => record.id);
    expect(ids(await readMail(input, 'one.eml'))).toEqual(ids(await readMail(input, 'two.eml')));
  });

  test(`past the first ${MAX_ATTACHED_DOCUMENTS} documents of one message, the rest are one TOO_MANY_ATTACHMENTS rejection`, async () => {
    const attachments = Array.from({ length: MAX_ATTACHED_DOCUMENTS + 3 }, (_, index) => ({
      name: `part-${index + 1}.docx`,
      contentType: 'application/octet-stream',
      bytes: buildDocx({ body: paragraph(`Point number ${index + 1} of our response about bus routes.`) }),
    }));
    const result = await readMail(
      buildMail({
        from: 'Ann <ann@example.org>',
        subject: 'Parts',
        date: 'Mon, 03 Jun 2024 10:00:00 +0000',
        messageId: 'many@example.org',
        text: 'Attached.',
        attachments,
      }),
    );
    expect(countItems(result)).toEqual({ 'filtered:cover-note': 1, record: MAX_ATTACHED_DOCUMENTS, 'rejected:TOO_MANY_ATTACHMENTS': 1 });
    const rejection = result.items.find((item) => item.kind === 'rejected');
    expect(rejection?.kind === 'rejected' ? rejection.message : '').toBe(
      `3 attached documents are past the first ${MAX_ATTACHED_DOCUMENTS}; not read`,
    );
  });

  test('is not read by the library reader unless the caller gives a reader of attached files', async () => {
    const items = await emailMessageItems(fixtureInput('eml/attached-docx-response'), { provenance: { file: 'm.eml' }, label: '' });
    expect(items.map((item) => item.kind)).toEqual(['record']);
  });
});

describe('a cover note whose message carries no attachment', () => {
  const note = (text: string, attachments: MailSpec['attachments'] = []): Buffer =>
    buildMail({
      from: 'Jan Ellis <jan.ellis@example.org>',
      subject: 'Consultation response',
      date: 'Mon, 4 Mar 2024 10:12:00 +0000',
      messageId: 'left-off@example.org',
      text,
      attachments,
    });
  const kinds = async (raw: Buffer): Promise<string[]> =>
    (await emailMessageItems(raw, { provenance: { file: 'm.eml' }, label: '' })).map((item) =>
      item.kind === 'filtered' ? `filtered ${item.rule}${item.attachmentMissing === true ? ' (attachment missing)' : ''}` : item.kind,
    );

  test('is filtered cover-note and marked as missing its attachment, whether the pointer stands alone or with a greeting and signature', async () => {
    expect(await kinds(note('Please find attached.'))).toEqual(['filtered cover-note (attachment missing)']);
    expect(await kinds(note('Dear team,\n\nPlease find attached our response.\n\nKind regards,\nJan Ellis'))).toEqual([
      'filtered cover-note (attachment missing)',
    ]);
  });

  test('a note naming no attachment, one with a view, or one whose message carries a file is not marked so', async () => {
    expect(await kinds(note('Hi,\n\nPlease see below.\n\nThanks,\nJan'))).toEqual(['record']);
    expect(await kinds(note('I meant to attach a letter. The day centre must stay open.'))).toEqual(['record']);
    const picture = [{ name: 'scan.png', contentType: 'image/png', bytes: SIGNATURE_PICTURE }];
    expect(await kinds(note('Please find attached.', picture))).toEqual(['record']);
  });

  test('ingest says what happened: one warning per file, asking the sender for the document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tlap-left-off-'));
    try {
      await writeFile(join(dir, 'left-off.eml'), note('Please find attached.'));
      const summary = await ingest({ paths: ['left-off.eml'], storeDir: 'store', cwd: dir });
      expect({ read: summary.read, filtered: summary.filteredByRule }).toEqual({ read: 1, filtered: { 'cover-note': 1 } });
      expect(summary.warnings.map((warning) => warning.message)).toEqual([
        "left-off.eml:1: 1 message filtered cover-note: its words only point at an attached document, but it carries no attachment (left off when sent, or taken off on the way), so there is nothing of the sender's to read: ask the sender for the document",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
