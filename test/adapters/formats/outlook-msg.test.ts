import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdir, truncate } from 'node:fs/promises';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { MAX_OUTLOOK_ITEM_BYTES } from '../../../src/adapters/formats/outlook-msg.js';
import { ingest } from '../../../src/ingest/ingest.js';
import {
  buildOutlookMsg,
  buildWordCompoundFile,
  FORWARDED_AS_ATTACHMENT,
  MSG_FIXTURE_INPUTS,
  RECEIVED_MESSAGE,
  receivedMessageEml,
  uncompressedRtf,
  type OutlookItemSpec,
} from '../../builders/outlook-msg-builder.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-msg-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let written = 0;
async function readBytes(bytes: Buffer, name = 'mail.msg'): Promise<FileReadResult> {
  written += 1;
  const path = join(dir, `${written}-${name}`);
  await writeFile(path, bytes);
  return readFileItems(path, { displayPath: name });
}

function readItem(spec: OutlookItemSpec): Promise<FileReadResult> {
  return readBytes(buildOutlookMsg(spec));
}

const REPLY: OutlookItemSpec = {
  subject: 'RE: Day centre',
  senderName: 'Margaret Ellis',
  senderAddress: 'margaret@example.org',
  internetMessageId: '<AM0PR01MB1234@eurprd01.prod.example.com>',
  inReplyToId: '<team-771@example.gov.uk>',
  submitTime: new Date('2014-05-13T07:31:05Z'),
  deliveryTime: new Date('2014-05-13T07:31:09Z'),
  body: [
    'Please keep the day centre open on Fridays.',
    '',
    'Best wishes,',
    'Margaret Ellis',
    '',
    'From: Consultation Team <consult@example.gov.uk>',
    'Sent: 12 May 2014 16:00',
    'To: Margaret Ellis <margaret@example.org>',
    'Subject: Day centre',
    '',
    'Tell us what you think.',
  ].join('\r\n'),
};

describe('outlook-msg: the record', () => {
  test('fields come from the MAPI properties, the text through the e-mail reply rules; no address anywhere', async () => {
    const result = await readItem(REPLY);
    expect(result.format).toBe('outlook-msg');
    expect(result.error).toBeNull();
    const [record] = recordsOf(result);
    expect(record).toMatchObject({
      sourceId: 'AM0PR01MB1234@eurprd01.prod.example.com',
      channel: 'email',
      format: 'outlook-msg',
      author: 'Margaret Ellis',
      date: '2014-05-13T07:31:05.000Z',
      text: 'Please keep the day centre open on Fridays.',
      inReplyTo: 'team-771@example.gov.uk',
      meta: { subject: 'RE: Day centre' },
      provenance: { file: 'mail.msg' },
    });
    expect(JSON.stringify(record)).not.toContain('@example.org');
  });
});

describe('outlook-msg: the same message as .eml and as .msg', () => {
  test('transport headers give Message-ID, Date and From as the .eml does', async () => {
    const [fromMsg] = recordsOf(await readItem(RECEIVED_MESSAGE));
    const [fromEml] = recordsOf(await readBytes(receivedMessageEml(), 'mail.eml'));
    expect(fromMsg).toBeDefined();
    expect({ ...fromMsg, format: 'eml', provenance: null }).toEqual({ ...fromEml, provenance: null });
  });

  test('ingesting both stores one record: 1 added, 1 duplicate', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'saved-mail'));
      await writeFile(join(dir, 'saved-mail', 'direct-payments.eml'), receivedMessageEml());
      await writeFile(join(dir, 'saved-mail', 'direct-payments.msg'), buildOutlookMsg(RECEIVED_MESSAGE));
      const summary = await ingest({ paths: ['saved-mail'], cwd: dir, storeDir: join(dir, 'store') });
      expect(summary).toMatchObject({ files: 2, read: 2, added: 1, duplicates: 1, filtered: 0, rejected: 0, skipped: [] });
    });
  });

  test('without any Message-ID the record falls back to the content hash, like an .eml', async () => {
    const { internetMessageId: _id, transportHeaders: _headers, ...rest } = RECEIVED_MESSAGE;
    const [record] = recordsOf(await readItem(rest));
    expect(record?.sourceId).toMatch(/^content:[0-9a-f]+$/);
  });
});

describe('outlook-msg: what is read', () => {
  test('the sender is PR_SENT_REPRESENTING_NAME, else PR_SENDER_NAME, and never an address', async () => {
    const [onBehalf] = recordsOf(await readItem({ ...REPLY, sentRepresentingName: 'Carers Forum' }));
    expect(onBehalf?.author).toBe('Carers Forum');
    const [addressOnly] = recordsOf(await readItem({ ...REPLY, senderName: 'margaret@example.org' }));
    expect(addressOnly?.author).toBeNull();
  });

  test('the date is the submit time, else the delivery time, else none', async () => {
    const { submitTime: _submit, ...delivered } = REPLY;
    expect(recordsOf(await readItem(delivered))[0]?.date).toBe('2014-05-13T07:31:09.000Z');
    const { deliveryTime: _delivery, ...undated } = delivered;
    expect(recordsOf(await readItem(undated))[0]?.date).toBeNull();
  });

  test('HTML as bytes in a declared code page, or UTF-8 when none is declared', async () => {
    const html = '<p>Caf\u00e9 staff were kind \u2013 thank you.</p>';
    const [utf8] = recordsOf(await readItem({ subject: 'x', html: Buffer.from(html, 'utf8') }));
    expect(utf8?.text).toBe('Café staff were kind – thank you.');
    const [latin] = recordsOf(
      await readItem({ subject: 'x', html: Buffer.from('<p>Caf\u00e9 staff</p>', 'latin1'), internetCodePage: 28591 }),
    );
    expect(latin?.text).toBe('Café staff');
  });

  test('8-bit strings (Outlook 97-2002 items) are read in the item code page', async () => {
    const [record] = recordsOf(await readItem({ ...REPLY, string8: true, messageCodePage: 1252, body: 'The £5 fee is too much.' }));
    expect(record?.text).toBe('The £5 fee is too much.');
    expect(record?.author).toBe('Margaret Ellis');
  });

  test('attachments are not read', async () => {
    const [record] = recordsOf(
      await readItem({ ...REPLY, attachments: [{ fileName: 'notes.txt', data: Buffer.from('SECRET ATTACHMENT TEXT') }] }),
    );
    expect(record?.text).toBe('Please keep the day centre open on Fridays.');
  });

  test('an automatic reply by its transport headers is filtered', async () => {
    const headers = 'From: Sam <sam@example.org>\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <a1@example.org>\r\n';
    expect(countItems(await readItem({ ...REPLY, transportHeaders: headers }))).toEqual({ 'filtered:auto-reply': 1 });
  });

  test.each(['IPM.Contact', 'IPM.Appointment', 'IPM.Task', 'IPM.StickyNote', 'IPM.Schedule.Meeting.Request'])(
    'an Outlook %s item is filtered as not-feedback',
    async (messageClass) => {
      expect(countItems(await readItem({ ...REPLY, messageClass }))).toEqual({ 'filtered:not-feedback': 1 });
    },
  );

  test('an unsent draft (MSGFLAG_UNSENT, no transport headers) is filtered as not-feedback; a received item is read whatever its flags', async () => {
    const draft = await readItem({ ...REPLY, messageFlags: 0x8 });
    expect(draft.items).toEqual([
      expect.objectContaining({
        kind: 'filtered',
        rule: 'not-feedback',
        detail: "an unsent draft (Outlook's unsent flag, and no transport headers)",
      }),
    ]);
    expect(countItems(await readItem({ ...REPLY, messageFlags: 0x1 }))).toEqual({ record: 1 });
    expect(countItems(await readItem({ ...RECEIVED_MESSAGE, messageFlags: 0x9 }))).toEqual({ record: 1 });
  });

  test('a delivery report is filtered as an auto-reply', async () => {
    expect(countItems(await readItem({ ...REPLY, messageClass: 'REPORT.IPM.Note.NDR' }))).toEqual({ 'filtered:auto-reply': 1 });
  });
});

describe('outlook-msg: RTF-only bodies', () => {
  const { body: _body, ...noBody } = REPLY;

  test('an LZFu-compressed RTF body is decompressed and read as text ([MS-OXRTFCP] sample)', async () => {
    const lzfu = Buffer.from('1a0000001c0000004c5a4675e2d44b51410004205758595a0d6e7d010eb0', 'hex');
    const [record] = recordsOf(await readItem({ ...noBody, compressedRtf: lzfu }));
    expect(record?.text).toBe('WXYZWXYZWXYZWXYZWXYZ');
  });

  test('plain RTF goes through the reply rules', async () => {
    const rtf =
      '{\\rtf1\\ansi Keep the Friday group.\\par \\par From: Team\\par Sent: Monday\\par To: Jo\\par Subject: Groups\\par \\par Old text.}';
    const [record] = recordsOf(await readItem({ ...noBody, compressedRtf: uncompressedRtf(rtf) }));
    expect(record?.text).toBe('Keep the Friday group.');
  });

  test('a header that claims more bytes than there are is refused before decompressing', async () => {
    const lzfu = Buffer.from('ffffff7f1c0000004c5a4675e2d44b51410004205758595a0d6e7d010eb0', 'hex');
    const result = await readItem({ ...noBody, compressedRtf: lzfu });
    expect(countItems(result)).toEqual({ 'rejected:MSG_RTF_UNREADABLE': 1 });
  });
});

describe('outlook-msg: signed messages', () => {
  const { body: _body, ...noBody } = REPLY;
  const signedEntity = [
    'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"',
    '',
    '--sig',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'The respite service gave us our weekends back =E2=80=93 please keep it.',
    '',
    '--sig',
    'Content-Type: application/pkcs7-signature; name="smime.p7s"',
    'Content-Transfer-Encoding: base64',
    '',
    'MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==',
    '--sig--',
    '',
  ].join('\r\n');

  test('a clear-signed item with no body of its own is read from its signed MIME attachment', async () => {
    const [record] = recordsOf(
      await readItem({
        ...noBody,
        messageClass: 'IPM.Note.SMIME.MultipartSigned',
        attachments: [{ fileName: 'smime.p7m', data: Buffer.from(signedEntity) }],
      }),
    );
    expect(record).toMatchObject({ text: 'The respite service gave us our weekends back – please keep it.', author: 'Margaret Ellis' });
  });

  test('an attachment named smime.p7m on an ordinary item is not read', async () => {
    const result = await readItem({ ...noBody, attachments: [{ fileName: 'smime.p7m', data: Buffer.from(signedEntity) }] });
    expect(countItems(result)).toEqual({ 'filtered:empty-text': 1 });
  });
});

describe('outlook-msg: detection', () => {
  function sniffInput(path: string, bytes: Buffer) {
    const dot = path.lastIndexOf('.');
    return {
      path,
      extension: dot === -1 ? '' : path.slice(dot),
      headBytes: bytes.subarray(0, 65536),
      headText: bytes.toString('latin1', 0, 65536),
    };
  }

  test('an item is recognised by its extension, and by its property streams without one', () => {
    const bytes = buildOutlookMsg(REPLY);
    expect(detectFormat(ADAPTERS, sniffInput('mail.msg', bytes))).toMatchObject({ adapter: { name: 'outlook-msg' }, reason: 'extension' });
    expect(detectFormat(ADAPTERS, sniffInput('mail', bytes))).toMatchObject({ adapter: { name: 'outlook-msg' }, reason: 'content' });
  });

  test("other OLE2 files are not claimed: a .doc is the Word 97-2003 reader's, an .xls the workbook reader's", () => {
    const word = buildWordCompoundFile();
    expect(detectFormat(ADAPTERS, sniffInput('minutes.doc', word))?.adapter.name).toBe('doc');
    expect(detectFormat(ADAPTERS, sniffInput('old.xls', word))?.adapter.name).toBe('xls');
  });

  test("a folder ingest reads .msg files beside .eml ones; a damaged .doc beside them is the Word 97-2003 reader's one rejection", async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'inbox'));
      await writeFile(join(dir, 'inbox', 'reply.msg'), buildOutlookMsg(REPLY));
      await writeFile(join(dir, 'inbox', 'minutes.doc'), buildWordCompoundFile());
      const summary = await ingest({ paths: ['inbox'], cwd: dir, storeDir: join(dir, 'store') });
      expect(summary).toMatchObject({ files: 2, added: 1, rejected: 1, skipped: [] });
      expect(summary.perFile.map((file) => [file.file, file.format])).toEqual([
        ['inbox/minutes.doc', 'doc'],
        ['inbox/reply.msg', 'outlook-msg'],
      ]);
    });
  });
});

describe('outlook-msg: bad input', () => {
  test('a truncated item is one MSG_DAMAGED rejection', async () => {
    const bytes = buildOutlookMsg(REPLY);
    const result = await readBytes(bytes.subarray(0, 1024));
    expect(countItems(result)).toEqual({ 'rejected:MSG_DAMAGED': 1 });
  });

  test('an item whose only body is compressed RTF that cannot be decompressed is one MSG_RTF_UNREADABLE rejection', async () => {
    const { body: _body, ...noBody } = REPLY;
    const result = await readItem({ ...noBody, compressedRtf: Buffer.alloc(32) });
    expect(countItems(result)).toEqual({ 'rejected:MSG_RTF_UNREADABLE': 1 });
    expect(result.items[0]).toMatchObject({ excerpt: 'Subject: RE: Day centre | Message-ID: <AM0PR01MB1234@eurprd01.prod.example.com>' });
  });

  test('an item over the size limit is rejected unread', async () => {
    written += 1;
    const path = join(dir, `${written}-huge.msg`);
    await writeFile(path, buildOutlookMsg(REPLY));
    await truncate(path, MAX_OUTLOOK_ITEM_BYTES + 1);
    expect(countItems(await readFileItems(path, { displayPath: 'huge.msg' }))).toEqual({ 'rejected:MESSAGE_TOO_LARGE': 1 });
  });

  test('a .msg that is an RFC 5322 message in text is read as one', async () => {
    const [record] = recordsOf(await readBytes(receivedMessageEml(), 'mail.msg'));
    expect(record?.sourceId).toBe('CAF7b3Xy0123@mail.example.org');
  });

  test('a .msg that is neither is refused by name', async () => {
    const result = await readBytes(Buffer.from('hello there\n'), 'notes.msg');
    expect(result.error).toMatch(/^notes\.msg: not an Outlook item/);
  });
});

describe('outlook-msg: e-mails forwarded as attachments', () => {
  test('an embedded Outlook item and an attached .eml are read as messages of their own, after the forwarding note', async () => {
    const result = await readItem(FORWARDED_AS_ATTACHMENT);
    const records = recordsOf(result);
    expect(records.map((record) => [record.author, record.provenance.part ?? null, record.sourceId])).toEqual([
      ['Consultation Team', null, 'AM6PR03MB9012@eurprd03.prod.example.com'],
      ['Helen Brooks', 'attached message 1', 'saturday-club-1@mail.example.org'],
      ['Daniel Okafor', 'attached message 2', 'CAF7b3Xy0123@mail.example.org'],
    ]);
    expect(records[1]?.text).toBe('Please keep the Saturday club open. It is the only day my daughter sees her friends.');
    expect(records[2]?.text).toBe(
      'Direct payments gave my son his own choice of carer. Please keep the support team that helps families set them up.',
    );
    expect(records[2]?.date).toBe('2014-05-20T09:14:52.000Z');
    expect(countItems(result)).toEqual({ record: 3 });
  });

  test('an item attached inside an attached item is read too, two levels deep, and no deeper', async () => {
    const inner: OutlookItemSpec = { ...REPLY, internetMessageId: '<inner@example.org>', subject: 'inner' };
    const middle: OutlookItemSpec = { ...REPLY, internetMessageId: '<middle@example.org>', subject: 'middle', attachedItems: [inner] };
    const deepest: OutlookItemSpec = { ...REPLY, internetMessageId: '<deepest@example.org>', subject: 'deepest' };
    const result = await readItem({ ...REPLY, attachedItems: [{ ...middle, attachedItems: [{ ...inner, attachedItems: [deepest] }] }] });
    expect(recordsOf(result).map((record) => record.provenance.part ?? null)).toEqual([
      null,
      'attached message 1',
      'attached message 1 › attached message 1',
    ]);
  });
});

describe('outlook-msg fixture inputs are generated reproducibly by test/builders/outlook-msg-builder.ts', () => {
  test.each(Object.entries(MSG_FIXTURE_INPUTS))('%s/input.msg', (name, build) => {
    const bytes = build();
    expect(build().equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, 'fixtures/adapters/outlook-msg', name, 'input.msg');
    expectGoldenBytes(path, bytes);
  });
});

describe('outlook-msg: the parser writes nothing', () => {
  test('a damaged appointment recurrence, which msgreader reports with console.debug (stdout), is read silently', async () => {
    const debug = jest.spyOn(console, 'debug');
    try {
      const result = await readItem({
        ...REPLY,
        messageClass: 'IPM.Appointment',
        appointmentProperties: [{ lid: 0x8216, value: Buffer.from([1, 2, 3]) }],
      });
      expect(countItems(result)).toEqual({ 'filtered:not-feedback': 1 });
      expect(debug).not.toHaveBeenCalled();
    } finally {
      debug.mockRestore();
    }
  });
});
