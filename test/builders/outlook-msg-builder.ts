import CFB from 'cfb';

/** What goes into a generated Outlook item; every field is optional, as in real items. */
export interface OutlookItemSpec {
  /** PR_MESSAGE_CLASS (`IPM.Note` unless given; `null` leaves it out). */
  messageClass?: string | null;
  subject?: string;
  /** PR_SENDER_NAME / PR_SENDER_EMAIL_ADDRESS. */
  senderName?: string;
  senderAddress?: string;
  /** PR_SENT_REPRESENTING_NAME: who the message is from, when sent on someone's behalf. */
  sentRepresentingName?: string;
  /** PR_BODY. */
  body?: string;
  /** PR_HTML, stored as bytes (a string is written as UTF-8). */
  html?: string | Buffer;
  /** PR_RTF_COMPRESSED, as bytes. */
  compressedRtf?: Buffer;
  /** PR_TRANSPORT_MESSAGE_HEADERS: the header block the message arrived with. */
  transportHeaders?: string;
  /** PR_INTERNET_MESSAGE_ID, with its brackets. */
  internetMessageId?: string;
  /** PR_IN_REPLY_TO_ID, with its brackets. */
  inReplyToId?: string;
  /** PR_CLIENT_SUBMIT_TIME / PR_MESSAGE_DELIVERY_TIME. */
  submitTime?: Date;
  deliveryTime?: Date;
  /** PR_INTERNET_CPID: the code page of PR_HTML. */
  internetCodePage?: number;
  /** PR_MESSAGE_CODEPAGE: the code page of 8-bit strings. */
  messageCodePage?: number;
  /** PR_MESSAGE_FLAGS (`0x8`, MSGFLAG_UNSENT, on a draft). */
  messageFlags?: number;
  /** Write string properties as 8-bit Latin-1 (PT_STRING8) instead of UTF-16LE (PT_UNICODE), as Outlook 97-2002 did. */
  string8?: boolean;
  /** Named properties in PSETID_Appointment (`__nameid_version1.0`), by their LID, with their binary values. */
  appointmentProperties?: ReadonlyArray<{ lid: number; value: Buffer }>;
  /** Attachments (`__attach_version1.0_#…` storages) with a file name, bytes and, when given, PR_ATTACH_MIME_TAG. */
  attachments?: ReadonlyArray<{ fileName: string; data: Buffer; mimeTag?: string }>;
  /** Outlook items attached whole (Forward as Attachment): embedded message storages (`__substg1.0_3701000D`), after the file attachments. */
  attachedItems?: readonly OutlookItemSpec[];
}

const PT_LONG = 0x0003;
const PT_SYSTIME = 0x0040;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const READABLE_WRITABLE = 0x0006;

/** A Windows FILETIME (100 ns ticks since 1601) as eight little-endian bytes. */
function fileTime(date: Date): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(date.getTime()) * 10000n + 116444736000000000n);
  return bytes;
}

function tagName(id: number, type: number): string {
  return `__substg1.0_${(((id << 16) | type) >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** One fixed-size entry of a property stream: tag, flags, eight bytes of value (or the size of a variable one). */
function propertyEntry(id: number, type: number, value: Buffer): Buffer {
  const entry = Buffer.alloc(16);
  entry.writeUInt32LE(((id << 16) | type) >>> 0, 0);
  entry.writeUInt32LE(READABLE_WRITABLE, 4);
  value.copy(entry, 8, 0, Math.min(8, value.length));
  return entry;
}

/**
 * Builds an Outlook item (.msg, [MS-OXMSG]) as an OLE2 compound file written with SheetJS cfb:
 * `__properties_version1.0` with the fixed-size properties (times, code pages) and one
 * `__substg1.0_XXXXYYYY` stream per string or binary property. Deterministic: the same spec gives
 * the same bytes.
 */
export function buildOutlookMsg(spec: OutlookItemSpec): Buffer {
  const container = CFB.utils.cfb_new();
  writeItem(container, '', spec, false);
  CFB.utils.cfb_del(container, '/\u0001Sh33tJ5');
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** Eight bytes holding a size or a 32-bit value, as the fixed part of a property entry. */
function long(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}

/**
 * Writes an item's streams under `prefix`: the top level of a file, or an attachment's embedded
 * message storage, whose property stream has a 24-byte header instead of 32 ([MS-OXMSG] 2.4.1).
 */
function writeItem(container: CFB.CFB$Container, prefix: string, spec: OutlookItemSpec, embedded: boolean): void {
  const fixed: Buffer[] = [];
  const stringType = spec.string8 === true ? PT_STRING8 : PT_UNICODE;
  const encode = (text: string): Buffer => Buffer.from(`${text}\0`, spec.string8 === true ? 'latin1' : 'utf16le');
  const add = (id: number, type: number, data: Buffer): void => {
    CFB.utils.cfb_add(container, `${prefix}/${tagName(id, type)}`, data);
    fixed.push(propertyEntry(id, type, long(data.length)));
  };
  const addString = (id: number, text: string | undefined): void => {
    if (text !== undefined) add(id, stringType, encode(text));
  };
  const messageClass = spec.messageClass === undefined ? 'IPM.Note' : spec.messageClass;
  if (messageClass !== null) addString(0x001a, messageClass);
  addString(0x0037, spec.subject);
  addString(0x0042, spec.sentRepresentingName);
  addString(0x0c1a, spec.senderName);
  addString(0x0c1f, spec.senderAddress);
  addString(0x007d, spec.transportHeaders);
  addString(0x1035, spec.internetMessageId);
  addString(0x1042, spec.inReplyToId);
  addString(0x1000, spec.body);
  if (spec.html !== undefined) add(0x1013, PT_BINARY, typeof spec.html === 'string' ? Buffer.from(spec.html, 'utf8') : spec.html);
  if (spec.compressedRtf !== undefined) add(0x1009, PT_BINARY, spec.compressedRtf);
  if (spec.submitTime !== undefined) fixed.push(propertyEntry(0x0039, PT_SYSTIME, fileTime(spec.submitTime)));
  if (spec.deliveryTime !== undefined) fixed.push(propertyEntry(0x0e06, PT_SYSTIME, fileTime(spec.deliveryTime)));
  if (spec.internetCodePage !== undefined) fixed.push(propertyEntry(0x3fde, PT_LONG, long(spec.internetCodePage)));
  if (spec.messageCodePage !== undefined) fixed.push(propertyEntry(0x3ffd, PT_LONG, long(spec.messageCodePage)));
  if (spec.messageFlags !== undefined) fixed.push(propertyEntry(0x0e07, PT_LONG, long(spec.messageFlags)));
  if (!embedded) addNamedProperties(container, spec.appointmentProperties ?? []);
  const attachments = spec.attachments ?? [];
  const attachedItems = spec.attachedItems ?? [];
  const count = attachments.length + attachedItems.length;
  const header = Buffer.alloc(embedded ? 24 : 32);
  header.writeUInt32LE(count, 12);
  header.writeUInt32LE(count, 20);
  CFB.utils.cfb_add(container, `${prefix}/__properties_version1.0`, Buffer.concat([header, ...fixed]));
  const storageOf = (index: number): string => `${prefix}/__attach_version1.0_#${index.toString(16).toUpperCase().padStart(8, '0')}`;
  attachments.forEach((attachment, index) => {
    const storage = storageOf(index);
    const name = Buffer.from(`${attachment.fileName}\0`, 'utf16le');
    const entries = [propertyEntry(0x3705, PT_LONG, long(1)), propertyEntry(0x3707, PT_UNICODE, long(name.length))];
    CFB.utils.cfb_add(container, `${storage}/${tagName(0x3707, PT_UNICODE)}`, name);
    CFB.utils.cfb_add(container, `${storage}/${tagName(0x3701, PT_BINARY)}`, attachment.data);
    entries.push(propertyEntry(0x3701, PT_BINARY, long(attachment.data.length)));
    if (attachment.mimeTag !== undefined) {
      const mimeTag = Buffer.from(`${attachment.mimeTag}\0`, 'utf16le');
      CFB.utils.cfb_add(container, `${storage}/${tagName(0x370e, PT_UNICODE)}`, mimeTag);
      entries.push(propertyEntry(0x370e, PT_UNICODE, long(mimeTag.length)));
    }
    CFB.utils.cfb_add(container, `${storage}/__properties_version1.0`, Buffer.concat([Buffer.alloc(8), ...entries]));
  });
  attachedItems.forEach((item, offset) => {
    const storage = storageOf(attachments.length + offset);
    const name = Buffer.from(`${item.subject ?? 'Untitled'}\0`, 'utf16le');
    CFB.utils.cfb_add(container, `${storage}/${tagName(0x3001, PT_UNICODE)}`, name);
    CFB.utils.cfb_add(
      container,
      `${storage}/__properties_version1.0`,
      Buffer.concat([
        Buffer.alloc(8),
        propertyEntry(0x3705, PT_LONG, long(5)),
        propertyEntry(0x3001, PT_UNICODE, long(name.length)),
        propertyEntry(0x3701, 0x000d, long(0)),
      ]),
    );
    writeItem(container, `${storage}/${tagName(0x3701, 0x000d)}`, item, true);
  });
}

/** PSETID_Appointment, {00062002-0000-0000-C000-000000000046}, as a GUID is stored (first three fields little-endian). */
const PSETID_APPOINTMENT = Buffer.from([0x02, 0x20, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46]);

/** Maps properties 0x8000, 0x8001… to the given PSETID_Appointment LIDs ([MS-OXMSG] 2.2.3) and writes their values. */
function addNamedProperties(container: CFB.CFB$Container, properties: ReadonlyArray<{ lid: number; value: Buffer }>): void {
  if (properties.length === 0) return;
  const entries = Buffer.alloc(8 * properties.length);
  properties.forEach((property, index) => {
    entries.writeUInt32LE(property.lid, 8 * index);
    entries.writeUInt16LE(3 << 1, 8 * index + 4);
    entries.writeUInt16LE(index, 8 * index + 6);
    CFB.utils.cfb_add(container, `/${tagName(0x8000 + index, PT_BINARY)}`, property.value);
  });
  CFB.utils.cfb_add(container, `/__nameid_version1.0/${tagName(0x0002, PT_BINARY)}`, PSETID_APPOINTMENT);
  CFB.utils.cfb_add(container, `/__nameid_version1.0/${tagName(0x0003, PT_BINARY)}`, entries);
  CFB.utils.cfb_add(container, `/__nameid_version1.0/${tagName(0x0004, PT_BINARY)}`, Buffer.alloc(0));
}

/** An OLE2 compound file that is not an Outlook item: a stand-in for a Word 97-2003 document. */
export function buildWordCompoundFile(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', Buffer.from('not a real Word document, only its stream name', 'latin1'));
  CFB.utils.cfb_del(container, '/\u0001Sh33tJ5');
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** A reply written in Outlook: new words, a sign-off, then Outlook's quoted header block and the earlier message. */
export const OUTLOOK_REPLY: OutlookItemSpec = {
  subject: 'RE: Your views on day services',
  senderName: 'Margaret Ellis',
  senderAddress: 'margaret.ellis@example.org',
  internetMessageId: '<AM0PR01MB1234ABCD@eurprd01.prod.example.com>',
  inReplyToId: '<team-771@example.gov.uk>',
  submitTime: new Date('2014-05-13T07:31:05Z'),
  deliveryTime: new Date('2014-05-13T07:31:09Z'),
  body: [
    'Thank you for listening to us last week. I’d add one thing: the £5 charge for the minibus stops people coming.',
    '',
    'Best wishes,',
    'Margaret Ellis',
    '',
    'From: Consultation Team <consult@example.gov.uk>',
    'Sent: 12 May 2014 16:00',
    'To: Margaret Ellis <margaret.ellis@example.org>',
    'Subject: Your views on day services',
    '',
    'Tell us what you think of the day services.',
    '',
  ].join('\r\n'),
};

/** The transport headers and plain body of a message received from outside, kept by Outlook as the .eml twin would hold them. */
export const RECEIVED_MESSAGE_HEADERS = [
  'Received: from mail.example.org (mail.example.org [192.0.2.7]) by mx.example.gov.uk; Tue, 20 May 2014 10:15:00 +0100',
  'From: "Daniel Okafor" <daniel.okafor@example.org>',
  'To: Consultation <consult@example.gov.uk>',
  'Subject: Direct payments',
  'Date: Tue, 20 May 2014 10:14:52 +0100',
  'Message-ID: <CAF7b3Xy0123@mail.example.org>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset="utf-8"',
];

export const RECEIVED_MESSAGE_BODY = [
  'Direct payments gave my son his own choice of carer. Please keep the support team that helps families set them up.',
  '',
  'Sent from my iPhone',
  '',
].join('\r\n');

/** The same message as Outlook saves it in a .msg: its transport headers and the MAPI properties it derives from them. */
export const RECEIVED_MESSAGE: OutlookItemSpec = {
  subject: 'Direct payments',
  senderName: 'Daniel Okafor',
  senderAddress: 'daniel.okafor@example.org',
  sentRepresentingName: 'Daniel Okafor',
  internetMessageId: '<CAF7b3Xy0123@mail.example.org>',
  transportHeaders: `${RECEIVED_MESSAGE_HEADERS.join('\r\n')}\r\n\r\n`,
  submitTime: new Date('2014-05-20T09:14:52Z'),
  deliveryTime: new Date('2014-05-20T09:15:00Z'),
  body: RECEIVED_MESSAGE_BODY,
};

/** The .eml of {@link RECEIVED_MESSAGE}: the same message as saved by a mail client that keeps RFC 5322. */
export function receivedMessageEml(): Buffer {
  return Buffer.from(`${RECEIVED_MESSAGE_HEADERS.join('\r\n')}\r\n\r\n${RECEIVED_MESSAGE_BODY}`, 'utf8');
}

const HTML_ONLY_BODY = [
  '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>',
  '<body lang=EN-GB><div class=WordSection1>',
  '<p class=MsoNormal>The transport to the hub is the real problem – the bus stops at 4pm, before the groups finish.<o:p></o:p></p>',
  '<p class=MsoNormal>Regards,<br>Priya<o:p></o:p></p>',
  "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>",
  '<p class=MsoNormal><b>From:</b> Consultation Team &lt;consult@example.gov.uk&gt;<br><b>Sent:</b> 12 May 2014 16:00<br>',
  '<b>To:</b> Priya Shah &lt;priya@example.org&gt;<br><b>Subject:</b> Day centre</p></div>',
  '<p class=MsoNormal>Tell us what you think.</p></div></body></html>',
].join('\r\n');

/** An HTML body as Outlook wraps it in RTF ([MS-OXRTFEX] `\fromhtml1`), in Windows-1252. */
export const OUTLOOK_HTML_RTF = [
  '{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl',
  '{\\f0\\fswiss\\fcharset0 Arial;}}',
  '{\\*\\htmltag19 <html>}',
  '{\\*\\htmltag34 <head>}',
  '{\\*\\htmltag41 <style>}{\\*\\htmltag241 p \\{margin:0\\}}{\\*\\htmltag49 </style>}',
  '{\\*\\htmltag50 </head>}',
  '{\\*\\htmltag66 <body>}',
  "{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 Please fund the Saturday club \\'96 my daughter relies on it.",
  '{\\*\\htmltag116 <br>}\\htmlrtf \\line',
  '\\htmlrtf0 Thanks',
  '{\\*\\htmltag72 </p>}\\htmlrtf \\par',
  '}\\htmlrtf0 ',
  '{\\*\\htmltag58 </body>}',
  '{\\*\\htmltag27 </html>}}',
].join('\r\n');

/** RTF as PR_RTF_COMPRESSED holds it uncompressed ([MS-OXRTFCP] `MELA`): a 16-byte header, then the RTF. */
export function uncompressedRtf(rtf: string): Buffer {
  const body = Buffer.from(rtf, 'latin1');
  const header = Buffer.alloc(16);
  header.writeUInt32LE(body.length + 12, 0);
  header.writeUInt32LE(body.length, 4);
  header.writeUInt32LE(0x414c454d, 8);
  return Buffer.concat([header, body]);
}

/** A resident's e-mail saved as `.eml`, attached by a member of staff to a message of their own. */
export function attachedResidentEml(): Buffer {
  return Buffer.from(
    [
      'From: "Helen Brooks" <helen.brooks@example.org>',
      'To: Day Services <dayservices@example.gov.uk>',
      'Subject: Saturday club',
      'Date: Thu, 15 May 2014 19:40:00 +0100',
      'Message-ID: <saturday-club-1@mail.example.org>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="utf-8"',
      '',
      'Please keep the Saturday club open. It is the only day my daughter sees her friends.',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/**
 * A member of staff's note forwarding residents' e-mails "as attachments" (Outlook's More ›
 * Forward as Attachment): {@link RECEIVED_MESSAGE} embedded whole as an Outlook item, a saved
 * `.eml` attached as a file, and a picture of a leaflet, which is not read.
 */
export const FORWARDED_AS_ATTACHMENT: OutlookItemSpec = {
  subject: 'FW: Residents on day services',
  senderName: 'Consultation Team',
  senderAddress: 'consult@example.gov.uk',
  internetMessageId: '<AM6PR03MB9012@eurprd03.prod.example.com>',
  submitTime: new Date('2014-05-21T08:30:00Z'),
  body: 'Two more for the day services consultation, forwarded as they came in.\r\n\r\nConsultation Team\r\n',
  attachments: [
    {
      fileName: 'Day services leaflet.jpg',
      data: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
      mimeTag: 'image/jpeg',
    },
    { fileName: 'Saturday club.eml', data: attachedResidentEml(), mimeTag: 'message/rfc822' },
  ],
  attachedItems: [RECEIVED_MESSAGE],
};

/** The generated fixture inputs: fixtures/adapters/outlook-msg/<case>/input.msg. */
export const MSG_FIXTURE_INPUTS: Readonly<Record<string, () => Buffer>> = {
  'reply-with-outlook-header-block': () => buildOutlookMsg(OUTLOOK_REPLY),
  'html-only-windows-1252': () =>
    buildOutlookMsg({
      subject: 'RE: Day centre',
      senderName: 'Priya Shah',
      senderAddress: 'priya@example.org',
      internetMessageId: '<DB6PR02MB5678@eurprd02.prod.example.com>',
      submitTime: new Date('2014-05-14T11:02:00Z'),
      internetCodePage: 1252,
      html: iconv1252(HTML_ONLY_BODY),
    }),
  'received-with-transport-headers': () => buildOutlookMsg(RECEIVED_MESSAGE),
  'out-of-office': () =>
    buildOutlookMsg({
      messageClass: 'IPM.Note.Rules.OofTemplate.Microsoft',
      subject: 'Automatic reply: Day centre',
      senderName: 'Sam Patel',
      internetMessageId: '<oof-1@example.org>',
      body: 'I am out of the office until Monday.',
    }),
  'rtf-only-from-html': () =>
    buildOutlookMsg({
      subject: 'Saturday club',
      senderName: 'Helen Brooks',
      internetMessageId: '<rtf-1@example.org>',
      submitTime: new Date('2014-05-15T18:40:00Z'),
      compressedRtf: uncompressedRtf(OUTLOOK_HTML_RTF),
    }),
  'forwarded-as-attachment': () => buildOutlookMsg(FORWARDED_AS_ATTACHMENT),
  'unsent-draft': () =>
    buildOutlookMsg({
      subject: 'RE: Day centre',
      senderName: 'Tom Oduya',
      internetMessageId: '<draft-DB7PR03MB9012@eurprd03.prod.example.com>',
      messageFlags: 0x9,
      body: 'Draft - still need to check the Friday times with the centre before sending',
    }),
  'truncated-damaged': () => buildOutlookMsg(OUTLOOK_REPLY).subarray(0, 1536),
  'word-document-named-msg': () => buildWordCompoundFile(),
};

/** Windows-1252 bytes of text that holds only Latin-1 characters and the en dash. */
function iconv1252(text: string): Buffer {
  return Buffer.from(text.replace(/–/g, '\u0096'), 'latin1');
}
