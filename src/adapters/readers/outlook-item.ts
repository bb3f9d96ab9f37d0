import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import decompressRtfModule from '@kenjiuno/decompressrtf';
import type { AdapterItem, AttachedFile, AttachedFileReader } from '../format-adapter.js';
import type { RejectionCode } from '../../rejection-code.js';
import { formatBytes } from '../../source/byte-size.js';
import { checkCompoundFile } from './compound-file.js';
import { rtfBody } from './rtf-body.js';
import {
  attachedMessageItems,
  decodedMessageItems,
  rejectionWords,
  emailMessageItems,
  headerBlockFields,
  MAX_ATTACHED_MESSAGES,
  MAX_MESSAGE_BYTES,
  messageIdOf,
  messageDocumentItems,
  mimeEntityBodies,
  type DecodedMessage,
  type MessageBody,
  type MessageLocation,
} from './email-message.js';
import { maskAddresses, senderDisplayName } from './email-addresses.js';
import { withMissingAttachment } from './attached-documents.js';

/**
 * PR_MESSAGE_FLAGS' MSGFLAG_UNSENT ([MS-OXCMSG] 2.2.1.6): a message still being composed. An item
 * with it and without the transport headers of a received message is a draft saved from Outlook
 * (File › Save As, or dragged out of Drafts), the writer's unsent words, filtered `not-feedback`.
 */
const MSGFLAG_UNSENT = 0x8;
/** The largest compressed RTF body decompressed (the decompressor holds its output as an array of numbers, 8 bytes a byte). */
export const MAX_COMPRESSED_RTF_BYTES = 1024 * 1024;
/** The largest RTF body, once decompressed, that is read. */
export const MAX_RTF_BYTES = 8 * 1024 * 1024;
const LZFU = 0x75465a4c;
const MELA = 0x414c454d;

/** What each kind of Office compound file holds at its root, to name a file that is not an Outlook item. */
const OTHER_COMPOUND_FILES: ReadonlyArray<{ stream: string; kind: string }> = [
  { stream: 'WordDocument', kind: 'a Word 97-2003 document (.doc)' },
  { stream: 'Workbook', kind: 'an Excel 97-2003 workbook (.xls)' },
  { stream: 'Book', kind: 'an Excel 5 workbook (.xls)' },
  { stream: 'PowerPoint Document', kind: 'a PowerPoint 97-2003 presentation (.ppt)' },
  { stream: 'EncryptedPackage', kind: 'a password-protected Office document' },
];

/** The streams of an item's bodies: plain text (PR_BODY), HTML (PR_HTML) and compressed RTF (PR_RTF_COMPRESSED). */
const BODY_STREAM = /^__substg1\.0_(?:1000|1013|1009)/i;

/** Message classes of Outlook items that are mail; any other class (contact, appointment, task, note) is not feedback. */
const MAIL_CLASS = /^(?:ipm|ipm\.note(?:\..*)?|ipm\.post(?:\..*)?)$/i;
/** Message classes Outlook gives automatic replies and delivery reports. */
const AUTOMATIC_CLASS = /^(?:report\..*|ipm\.note\.rules\.(?:oof|reply)template\..*|ipm\.outlook\.recall)$/i;

/** A property value as msgreader gives it: strings decoded, times as UTC date strings, binaries raw. */
type PropertyValue = string | number | boolean | Uint8Array;

/** An e-mail attached to an Outlook item: an Outlook item embedded in it, or a saved `.eml` attached as a file. */
type AttachedMessage = { kind: 'outlook'; bytes: Buffer } | { kind: 'rfc822'; bytes: Buffer } | { kind: 'damaged'; reason: string };

/**
 * What is read of an item: its top-level properties by tag, a clear-signed message's MIME
 * entity, and the e-mails attached to it.
 */
interface ReadItem {
  properties: Map<string, PropertyValue>;
  /** The `multipart/signed` MIME entity a clear-signed item keeps as its attachment, or null. */
  signedEntity: Buffer | null;
  /** The e-mails attached to it (forwarded as attachments), in attachment order. */
  attached: AttachedMessage[];
  /** How many attached e-mails were over {@link MAX_MESSAGE_BYTES} or past {@link MAX_ATTACHED_MESSAGES}, and not kept. */
  attachedSkipped: number;
  /** The other files attached to it (documents, pictures…), in order; one whose bytes cannot be taken out is empty. */
  files: AttachedFile[];
}

/** The class of a clear-signed (S/MIME) item, whose bodies may be only in its signed MIME attachment. */
const SIGNED_CLASS = /^ipm\.note\.smime\.multipartsigned$/i;

/** msgreader's reader class. */
type MsgReader = (typeof import('@kenjiuno/msgreader'))['default'];

let msgReaderClass: Promise<MsgReader> | undefined;

/**
 * msgreader is loaded on the first Outlook item, not with the adapters. It is CommonJS: Node gives
 * its `module.exports` as the default export, whose own `default` is the class.
 */
async function loadMsgReader(): Promise<MsgReader> {
  const module = await import('@kenjiuno/msgreader');
  const exported = module.default as MsgReader | { default: MsgReader };
  return 'default' in exported ? exported.default : exported;
}

/**
 * Reads one Outlook item (`.msg`, [MS-OXMSG]) into what the store keeps of it, through the same
 * rules as a saved `.eml` ({@link decodedMessageItems}): one record with the sender's new words, an
 * auto-reply or a non-mail item (contact, appointment…) filtered, or one rejection saying why it
 * cannot be read. E-mails attached to it (an item forwarded as an attachment, embedded whole, or a
 * saved `.eml` attached as a file) are read as messages of their own after it, as a saved `.eml`'s
 * `message/rfc822` parts are ({@link attachedMessageItems}); documents attached to it are read by
 * `readAttachedFile` as an `.eml`'s are ({@link messageDocumentItems}).
 * `depth` is how deep the item is attached inside another.
 */
export async function outlookItemItems(
  bytes: Buffer,
  location: MessageLocation,
  depth = 0,
  readAttachedFile?: AttachedFileReader,
): Promise<AdapterItem[]> {
  const rejected = (code: RejectionCode, message: string, excerpt = ''): AdapterItem[] => [
    { kind: 'rejected', code, message, provenance: location.provenance, ...(excerpt === '' ? {} : { excerpt }) },
  ];
  const check = checkCompoundFile(bytes);
  if (check.kind === 'damaged') return rejected('MSG_DAMAGED', `the Outlook item is damaged: ${check.reason}; not read`);
  const rootNames = check.rootEntries.map((entry) => entry.name);
  if (!rootNames.some((name) => name === '__properties_version1.0' || name.startsWith('__substg1.0_'))) {
    const other = OTHER_COMPOUND_FILES.find((candidate) => rootNames.includes(candidate.stream));
    const what = other === undefined ? 'an OLE2 compound file without Outlook message streams' : other.kind;
    return rejected('MSG_NOT_A_MESSAGE', `not an Outlook item: ${what}; not read`);
  }
  const largeBody = check.rootEntries.find((entry) => BODY_STREAM.test(entry.name) && entry.size > MAX_MESSAGE_BYTES);
  if (largeBody !== undefined) {
    return rejected(
      'MESSAGE_TOO_LARGE',
      `the message body is ${formatBytes(largeBody.size)}, over the ${formatBytes(MAX_MESSAGE_BYTES)} limit for one message; skipped`,
    );
  }
  msgReaderClass ??= loadMsgReader();
  const reader = await msgReaderClass;
  let item: ReadItem;
  try {
    item = readProperties(reader, bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return rejected('MSG_DAMAGED', `the Outlook item cannot be read (${detail}); not read`);
  }
  const { properties } = item;
  const text = (id: string): string | null => {
    const value = properties.get(`${id}001f`) ?? properties.get(`${id}001e`);
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const excerpt = (): string =>
    [
      text('0037') === null ? null : `Subject: ${maskAddresses(text('0037') ?? '')}`,
      text('1035') === null ? null : `Message-ID: ${text('1035')}`,
    ]
      .filter((part) => part !== null)
      .join(' | ')
      .slice(0, 200);
  const messageClass = text('001a') ?? 'IPM.Note';
  const headerBlock = text('007d');
  const headers = headerBlock === null ? null : await headerBlockFields(headerBlock);
  const classReason = AUTOMATIC_CLASS.test(messageClass) ? `an automatic reply or report (${messageClass})` : null;
  const notFeedback = (detail: string): AdapterItem[] => {
    const sourceId = messageIdOf(text('1035'));
    return [
      { kind: 'filtered', rule: 'not-feedback', provenance: location.provenance, ...(sourceId === null ? {} : { sourceId }), detail },
    ];
  };
  if (classReason === null && !MAIL_CLASS.test(messageClass)) return notFeedback(`an Outlook ${messageClass} item, not an e-mail`);
  const flags = properties.get('0e070003');
  if (classReason === null && typeof flags === 'number' && (flags & MSGFLAG_UNSENT) !== 0 && headerBlock === null) {
    return notFeedback("an unsent draft (Outlook's unsent flag, and no transport headers)");
  }
  let bodies: readonly MessageBody[];
  try {
    bodies = [bodyOf(properties, text)];
  } catch (error) {
    if (!(error instanceof UnreadableRtfBody)) throw error;
    return rejected('MSG_RTF_UNREADABLE', `the message body is only in compressed RTF, and ${error.message}; not read`, excerpt());
  }
  if (bodies.every((body) => body.text === null && body.html === null) && item.signedEntity !== null) {
    bodies = (await mimeEntityBodies(item.signedEntity)) ?? bodies;
  }
  const message: DecodedMessage = {
    sourceId: headers?.sourceId ?? messageIdOf(text('1035')),
    author: headers?.author ?? senderDisplayName(text('0042') ?? text('0c1a') ?? ''),
    date: headers?.date ?? isoTime(properties.get('00390040')) ?? isoTime(properties.get('0e060040')),
    subject: text('0037') ?? headers?.subject ?? null,
    inReplyTo: headers?.inReplyTo ?? messageIdOf(text('1042')),
    listId: headers?.listId ?? null,
    autoReply: headers?.autoReply ?? classReason,
    bodies,
  };
  const read = decodedMessageItems(message, location, excerpt);
  const items = item.files.length === 0 && item.attached.length === 0 && item.attachedSkipped === 0 ? withMissingAttachment(read) : read;
  const documents = await messageDocumentItems(items, item.files, { ...message, provenance: location.provenance }, readAttachedFile);
  const attached = await attachedMessageItems(item.attached, item.attachedSkipped, location, depth, (inner, at, level) =>
    attachedItems(inner, at, level, readAttachedFile),
  );
  return [...documents, ...attached];
}

async function attachedItems(
  message: AttachedMessage,
  location: MessageLocation,
  depth: number,
  readAttachedFile: AttachedFileReader | undefined,
): Promise<AdapterItem[]> {
  if (message.kind === 'outlook') return outlookItemItems(message.bytes, location, depth, readAttachedFile);
  if (message.kind === 'rfc822') return emailMessageItems(message.bytes, location, depth, readAttachedFile);
  return [
    {
      kind: 'rejected',
      code: 'MSG_DAMAGED',
      message: rejectionWords(location, `the attached e-mail cannot be read (${message.reason}); not read`),
      provenance: location.provenance,
    },
  ];
}

/** A file attachment that is a saved e-mail: `message/rfc822`, or named `.eml`. */
function isAttachedEml(mimeTag: string | undefined, fileName: string | undefined): boolean {
  return mimeTag?.toLowerCase() === 'message/rfc822' || (fileName?.toLowerCase().endsWith('.eml') ?? false);
}

/**
 * Every property of the item's top level, by tag (`0037001f`), read with msgreader. Strings of
 * the 8-bit type are decoded in the item's code page (PR_MESSAGE_CODEPAGE, else
 * PR_INTERNET_CPID), Windows-1252 when it names none.
 */
function readProperties(MsgReader: MsgReader, bytes: Buffer): ReadItem {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const arrayBuffer = whole ? bytes.buffer : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const read = (ansiEncoding: string): ReadItem => {
    const reader = new MsgReader(arrayBuffer);
    reader.parserConfig = { includeRawProps: true, ansiEncoding };
    const fields = withoutConsoleDebug(() => reader.getFileData());
    if (fields.error !== undefined) throw new Error(fields.error);
    const properties = new Map<string, PropertyValue>();
    for (const property of fields.rawProps ?? []) {
      const tag = property.propertyTag?.toLowerCase();
      const value = property.value as unknown;
      if (tag === undefined || properties.has(tag)) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Uint8Array) {
        properties.set(tag, value);
      }
    }
    const signed = (fields.attachments ?? []).findIndex(
      (attachment) => attachment.attachMimeTag?.toLowerCase() === 'multipart/signed' || attachment.fileName?.toLowerCase() === 'smime.p7m',
    );
    const signedSize = fields.attachments?.[signed]?.contentLength ?? 0;
    const signedEntity =
      signed === -1 || !SIGNED_CLASS.test(fields.messageClass ?? '') || signedSize > MAX_MESSAGE_BYTES
        ? null
        : Buffer.from(reader.getAttachment(signed).content);
    const attached: AttachedMessage[] = [];
    const files: AttachedFile[] = [];
    let attachedSkipped = 0;
    for (const [index, attachment] of (fields.attachments ?? []).entries()) {
      const embedded = attachment.innerMsgContent === true;
      if (!embedded && !isAttachedEml(attachment.attachMimeTag, attachment.fileName)) {
        if (index !== signed) files.push(attachedFile(reader, index, attachment));
        continue;
      }
      if (attached.length >= MAX_ATTACHED_MESSAGES || (attachment.contentLength ?? 0) > MAX_MESSAGE_BYTES) {
        attachedSkipped += 1;
        continue;
      }
      try {
        const bytes = Buffer.from(reader.getAttachment(index).content);
        attached.push(embedded ? { kind: 'outlook', bytes } : { kind: 'rfc822', bytes });
      } catch (error) {
        attached.push({ kind: 'damaged', reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { properties, signedEntity, attached, attachedSkipped, files };
  };
  const first = read('windows-1252');
  const codePage = first.properties.get('3ffd0003') ?? first.properties.get('3fde0003');
  const encoding = typeof codePage === 'number' ? encodingOfCodePage(codePage) : null;
  const hasString8 = [...first.properties.keys()].some((tag) => tag.endsWith('001e'));
  if (encoding === null || encoding === 'windows-1252' || !hasString8) return first;
  return read(encoding);
}

/** A file attached to an item, as {@link outlookItemItems} reads it: empty when its bytes cannot be taken out. */
function attachedFile(
  reader: InstanceType<MsgReader>,
  index: number,
  attachment: { fileName?: string; fileNameShort?: string; name?: string; attachMimeTag?: string },
): AttachedFile {
  const name = attachment.fileName ?? attachment.fileNameShort ?? attachment.name ?? '';
  const contentType = attachment.attachMimeTag?.toLowerCase() ?? '';
  try {
    return { name, contentType, bytes: Buffer.from(reader.getAttachment(index).content) };
  } catch {
    return { name, contentType, bytes: Buffer.alloc(0) };
  }
}

/**
 * Runs a synchronous parse with `console.debug` silenced: msgreader reports a damaged appointment
 * recurrence with it, and Node writes it to stdout, where `--json` output goes.
 */
function withoutConsoleDebug<T>(parse: () => T): T {
  const debug = console.debug;
  console.debug = () => undefined;
  try {
    return parse();
  } finally {
    console.debug = debug;
  }
}

/** The iconv-lite name of a Windows code page, or null when iconv-lite does not know it. */
function encodingOfCodePage(codePage: number): string | null {
  if (codePage === 65001) return 'utf8';
  if (codePage === 1200) return 'utf16le';
  if (codePage === 20127) return 'ascii';
  if (codePage === 28591) return 'latin1';
  const name = `cp${codePage}`;
  return iconv.encodingExists(name) ? name : null;
}

/** A time property (msgreader's UTC date string) as ISO 8601, or null. */
function isoTime(value: PropertyValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** A compressed RTF body that cannot be decompressed, with why. */
class UnreadableRtfBody extends Error {}

/**
 * The plain-text body (PR_BODY) and the HTML body (PR_HTML, decoded in the item's Internet code
 * page, else as UTF-8 when it is valid UTF-8, else Windows-1252). With neither, the compressed RTF
 * body (PR_RTF_COMPRESSED) is decompressed and read: the HTML Outlook wrapped in it, or its text.
 */
function bodyOf(properties: Map<string, PropertyValue>, text: (id: string) => string | null): { text: string | null; html: string | null } {
  const plain = text('1000');
  const htmlValue = properties.get('10130102') ?? properties.get('1013001f') ?? properties.get('1013001e');
  let html: string | null = null;
  if (typeof htmlValue === 'string') html = htmlValue;
  else if (htmlValue instanceof Uint8Array) {
    const raw = Buffer.from(htmlValue.buffer, htmlValue.byteOffset, htmlValue.byteLength);
    const codePage = properties.get('3fde0003');
    const declared = typeof codePage === 'number' ? encodingOfCodePage(codePage) : null;
    html = iconv.decode(raw, declared ?? (isUtf8(raw) ? 'utf8' : 'windows-1252'));
  }
  if (html !== null && html.trim() === '') html = null;
  const compressed = properties.get('10090102');
  if (plain !== null || html !== null || !(compressed instanceof Uint8Array)) return { text: plain, html };
  const body = rtfBody(decompressedRtf(Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength)));
  return body.kind === 'html' ? { text: null, html: body.html } : { text: body.text, html: null };
}

/**
 * The RTF of a PR_RTF_COMPRESSED value ([MS-OXRTFCP]): its header checked against the bytes there
 * are before `@kenjiuno/decompressrtf` (which trusts it) decompresses an LZFu body; an
 * uncompressed (MELA) body is taken as it is.
 */
function decompressedRtf(compressed: Buffer): string {
  if (compressed.length > MAX_COMPRESSED_RTF_BYTES) {
    throw new UnreadableRtfBody(
      `it is ${formatBytes(compressed.length)} compressed, over the ${formatBytes(MAX_COMPRESSED_RTF_BYTES)} tlap decompresses`,
    );
  }
  if (compressed.length < 16) throw new UnreadableRtfBody('its header is cut short');
  const size = compressed.readUInt32LE(0);
  const rawSize = compressed.readUInt32LE(4);
  const type = compressed.readUInt32LE(8);
  if (size + 4 > compressed.length || size < 12) throw new UnreadableRtfBody('it is shorter than its header says (truncated?)');
  if (rawSize > MAX_RTF_BYTES)
    throw new UnreadableRtfBody(`it says it holds ${formatBytes(rawSize)}, over the ${formatBytes(MAX_RTF_BYTES)} tlap reads`);
  if (type === MELA) return compressed.toString('latin1', 16, Math.min(compressed.length, 16 + rawSize));
  if (type !== LZFU) throw new UnreadableRtfBody('its compression type is neither LZFu nor MELA');
  try {
    return Buffer.from(decompressRtfModule.decompressRTF(Array.from(compressed.subarray(0, size + 4))).slice(0, rawSize)).toString(
      'latin1',
    );
  } catch (error) {
    throw new UnreadableRtfBody(`it cannot be decompressed (${error instanceof Error ? error.message : String(error)})`);
  }
}
