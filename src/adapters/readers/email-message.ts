import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { MailParser, AddressObject, AttachmentStream, HeaderValue, Headers, MessageText } from 'mailparser';
import type { AdapterItem, AttachedFile, AttachedFileReader } from '../format-adapter.js';
import type { RejectionCode } from '../../rejection-code.js';
import type { JsonValue, Provenance, RecordDraft } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { htmlToPlainText } from '../../text/html-to-plain-text.js';
import { formatBytes } from '../../source/byte-size.js';
import { extractReply } from '../../text/email-reply-text.js';
import { MAX_MESSAGE_BYTES } from './mbox-messages.js';
import { maskAddresses, senderDisplayName } from './email-addresses.js';
import { attachedDocumentItems, withCoverNote, withMissingAttachment } from './attached-documents.js';

export { MAX_MESSAGE_BYTES };

/** The largest header block of a message or of one of its MIME parts (`HEADER_TOO_LARGE`). */
export const MAX_HEADER_BYTES = 256 * 1024;
/** The most MIME parts one message may have (`TOO_MANY_MIME_PARTS`). */
export const MAX_MIME_PARTS = 1000;
/** HTML nested deeper than this is not converted (`HTML_TOO_DEEP`): the converter would overflow or crawl. */
export const MAX_HTML_DEPTH = 1000;

const UTF7_CHARSET = /^(?:(?:cs)?unicode11)?utf7$/;
/** Charset names for 7-bit ASCII (normalised: lower case, letters and digits only), which cannot explain an 8-bit byte. */
const ASCII_CHARSET = /^(?:usascii|ascii|ansix341968|ansix341986|iso646us|us|ibm367|cp367|csascii|iso646irv1991|646)$/;
const AUTO_REPLY_SUBJECT =
  /^\s*(?:auto(?:matic|matische)?[ -]?(?:reply|response|antwort|réponse)|out of (?:the )?office|ooo[: ]|abwesenheitsnotiz|réponse automatique|respuesta automática|risposta automatica|automatisch antwoord|autosvar|automaattinen vastaus|fuera de la oficina|absence du bureau|autoreply|auto:)/i;

/** Where a message starts in its file, and how to name it in messages. */
export interface MessageLocation {
  provenance: Provenance;
  /** How to name the message in a rejection or warning (`message 3`), or '' for a single-message file. */
  label: string;
}

/**
 * A rejection's words about a message, naming it first only when its provenance does not: a
 * message of a mailbox (`message 3`) or an attached one is named by its provenance's part, which
 * every rejection line shows; a lone message (`label` '') is "the message".
 */
export function rejectionWords(location: MessageLocation, words: string): string {
  if (location.label !== '' && location.provenance.part === location.label) return words;
  return `${location.label === '' ? 'the message' : location.label}: ${words}`;
}

/** A parse that failed as a whole, with a stable code. */
class MessageRejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What tlap keeps of one message once its container is decoded, whatever the container: an
 * RFC 5322 message's headers and MIME parts, or an Outlook item's MAPI properties.
 */
export interface DecodedMessage {
  /** The Internet Message-ID without its brackets, or null. */
  sourceId: string | null;
  /** The sender's display name, never an address (see {@link senderDisplayName}), or null. */
  author: string | null;
  /** When it was sent, ISO 8601 UTC, or null. */
  date: string | null;
  subject: string | null;
  /** The Message-ID it replies to, without brackets, or null. */
  inReplyTo: string | null;
  /** The List-Id's identifier, or null. */
  listId: string | null;
  /** Why it is an automatic reply (the header or class that says so), or null. */
  autoReply: string | null;
  /** The message's bodies in the order it holds them (see {@link MessageBody}). */
  bodies: readonly MessageBody[];
}

/**
 * One body of a message: a text part, an HTML part, or the alternatives of one text (a
 * `multipart/alternative`, an Outlook item's plain and HTML bodies), its plain text preferred.
 * A message may hold several, one after another (a `multipart/mixed` of a note and a forwarded
 * HTML body, a list's footer part): each is read, except an HTML body that only repeats the words
 * of the plain-text ones (see {@link bodyText}).
 */
export interface MessageBody {
  /** The plain text, or null when there is none. */
  text: string | null;
  /** The HTML, read when the plain text is absent or blank. */
  html: string | null;
}

/**
 * Reads one raw RFC 5322 message into what the store keeps of it: one record with the sender's new
 * words (see {@link extractReply}), a `filtered` item for an auto-reply, or a `rejected` item
 * when the message cannot be parsed; a warning follows a record whose text holds undecodable bytes.
 * Then the documents attached to it, each read by `readAttachedFile` (see
 * {@link attachedDocumentItems}; without it none is read), and the e-mails attached to it.
 * `keptAs` is why the mailbox that keeps the message says it is no feedback (Apple Mail's draft
 * flag), which filters it as its own headers could.
 */
export async function emailMessageItems(
  raw: Buffer,
  location: MessageLocation,
  depth = 0,
  readAttachedFile?: AttachedFileReader,
  keptAs?: MailboxFilter,
): Promise<AdapterItem[]> {
  let parsed: ParsedMessage;
  try {
    parsed = await parseMessage(raw);
  } catch (error) {
    const rejection =
      error instanceof MessageRejection
        ? error
        : new MessageRejection(
            'MIME_PARSE_ERROR',
            `cannot parse the MIME structure (${error instanceof Error ? error.message : String(error)})`,
          );
    return [rejectedMessage(rejection, location, excerptOf(raw))];
  }
  const fields = headerFieldsOf(parsed);
  const labelled = keptAs ?? gmailLabelFilter(parsed.headers) ?? draftFilter(parsed.headers);
  if (labelled !== null) {
    const { sourceId } = fields;
    return [
      {
        kind: 'filtered',
        rule: labelled.rule,
        provenance: location.provenance,
        ...(sourceId === null ? {} : { sourceId }),
        detail: labelled.detail,
      },
    ];
  }
  const read = decodedMessageItems({ ...fields, bodies: parsed.bodies }, location, () => excerptOf(raw));
  const carriesNothing = parsed.files.length === 0 && parsed.attached.length === 0 && parsed.attachedSkipped === 0;
  const items = carriesNothing ? withMissingAttachment(read) : read;
  const documents = await messageDocumentItems(items, parsed.files, { ...fields, provenance: location.provenance }, readAttachedFile);
  const attached = await attachedMessageItems(parsed.attached, parsed.attachedSkipped, location, depth, (message, at, level) =>
    emailMessageItems(message, at, level, readAttachedFile),
  );
  return [...documents, ...attached];
}

/**
 * The items of the e-mails attached to a message (a message forwarded "as an attachment", as
 * Outlook and Gmail offer): each read by `read` as a message of its own, named
 * `… › attached message N` in provenance, so the words of the person who first wrote it are not
 * lost behind the forwarding note. Attached e-mails are read two levels deep (`depth` is the
 * message's own); `skipped` (over the size limit or past the first
 * {@link MAX_ATTACHED_MESSAGES}) are one rejection.
 */
export async function attachedMessageItems<T>(
  attached: readonly T[],
  skipped: number,
  location: MessageLocation,
  depth: number,
  read: (message: T, location: MessageLocation, depth: number) => Promise<AdapterItem[]>,
): Promise<AdapterItem[]> {
  if (depth >= MAX_ATTACHED_DEPTH) return [];
  const items: AdapterItem[] = [];
  const within = location.provenance.part === undefined ? '' : `${location.provenance.part} › `;
  const label = location.label === '' ? '' : `${location.label} › `;
  for (const [index, message] of attached.entries()) {
    const part = `${within}attached message ${index + 1}`;
    const attachedLocation = { provenance: { ...location.provenance, part }, label: `${label}attached message ${index + 1}` };
    for (const item of await read(message, attachedLocation, depth + 1)) items.push(item);
  }
  if (skipped > 0) {
    const count = skipped === 1 ? '1 attached e-mail is' : `${skipped} attached e-mails are`;
    items.push({
      kind: 'rejected',
      code: 'MESSAGE_TOO_LARGE',
      message: rejectionWords(
        location,
        `${count} over ${formatBytes(MAX_MESSAGE_BYTES)} or past the first ${MAX_ATTACHED_MESSAGES}; not read`,
      ),
      provenance: location.provenance,
    });
  }
  return items;
}

/**
 * A message's own items followed by those of the documents attached to it (see
 * {@link attachedDocumentItems}), its record filtered as a `cover-note` when it only points at
 * them ({@link withCoverNote}). The documents of a message filtered as a whole (an automatic
 * reply) are not read.
 */
export async function messageDocumentItems(
  items: readonly AdapterItem[],
  files: readonly AttachedFile[],
  message: Parameters<typeof attachedDocumentItems>[1],
  readAttachedFile: AttachedFileReader | undefined,
): Promise<AdapterItem[]> {
  if (files.length === 0 || items.some((item) => item.kind === 'filtered')) return [...items];
  const documents = await attachedDocumentItems(files, message, readAttachedFile);
  return [...withCoverNote(items, documents), ...documents.items];
}

/** Why a mailbox says one of its messages is no feedback: the filter rule, and the words for the analyst. */
export interface MailboxFilter {
  rule: 'spam' | 'deleted' | 'not-feedback';
  detail: string;
}

/**
 * The headers a mail client writes on a message it saves as a draft, each with the test of its
 * value and how to name it. Thunderbird and Apple Mail also leave theirs on a message sent from a
 * draft (list archives hold many), so a message is only a draft by them when no mail server has
 * added a `Received:` line to it.
 */
const DRAFT_HEADERS: ReadonlyArray<{ key: string; marks: RegExp; name: string }> = [
  { key: 'x-mozilla-draft-info', marks: /\S/, name: "Thunderbird's X-Mozilla-Draft-Info" },
  { key: 'x-uniform-type-identifier', marks: /^\s*com\.apple\.mail-draft\s*$/i, name: "Apple Mail's com.apple.mail-draft type" },
  { key: 'x-unsent', marks: /^\s*(?:1|yes|true)\s*$/i, name: "Outlook's X-Unsent: 1" },
];

/**
 * Why a message is an unsent draft (`not-feedback`): a mail client's draft header (see
 * {@link DRAFT_HEADERS}) on a message no mail server has carried; null for any other message.
 */
function draftFilter(headers: Headers): MailboxFilter | null {
  if (headers.has('received')) return null;
  for (const header of DRAFT_HEADERS) {
    const value = headerText(headers, header.key);
    if (value !== null && header.marks.test(value)) {
      return { rule: 'not-feedback', detail: `an unsent draft (${header.name}, and no mail server's Received: line)` };
    }
  }
  return null;
}

/** Gmail's system labels that say a message is not someone's feedback, and the rule each is filtered by. */
const GMAIL_LABEL_RULES: ReadonlyMap<string, { rule: 'spam' | 'deleted' | 'not-feedback'; what: string }> = new Map([
  ['spam', { rule: 'spam', what: 'marked as spam' }],
  ['trash', { rule: 'deleted', what: 'in the Trash' }],
  ['sent', { rule: 'not-feedback', what: "sent from this mailbox (the organisation's own message)" }],
  ['draft', { rule: 'not-feedback', what: 'an unsent draft' }],
  ['drafts', { rule: 'not-feedback', what: 'an unsent draft' }],
]);

/**
 * Why a message of a Gmail Takeout mailbox (`All mail Including Spam and Trash.mbox`) is no
 * feedback, from the labels Takeout writes in its `X-Gmail-Labels` header: `Spam`, `Trash`, and
 * `Sent` or `Draft` (the mailbox owner's own messages); null for any other message.
 */
function gmailLabelFilter(headers: Headers): MailboxFilter | null {
  const value = headerText(headers, 'x-gmail-labels');
  if (value === null) return null;
  const labels = value.split(',').map((label) => label.trim().replace(/^"|"$/g, ''));
  for (const name of ['spam', 'trash', 'draft', 'drafts', 'sent']) {
    const label = labels.find((written) => written.toLowerCase() === name);
    const found = label === undefined ? undefined : GMAIL_LABEL_RULES.get(name);
    if (found !== undefined) return { rule: found.rule, detail: `Gmail label "${label}": ${found.what}` };
  }
  return null;
}

/**
 * The items of a message whose fields are already decoded: the same record, filter and rejection
 * rules as {@link emailMessageItems}, so a message saved by any mail client reads the same.
 * `excerpt` is called only for a rejection, and must not hold an e-mail address.
 */
export function decodedMessageItems(message: DecodedMessage, location: MessageLocation, excerpt: () => string): AdapterItem[] {
  const { provenance } = location;
  const name = location.label === '' ? 'the message' : location.label;
  const { sourceId } = message;
  if (message.autoReply !== null) {
    return [{ kind: 'filtered', rule: 'auto-reply', provenance, ...(sourceId === null ? {} : { sourceId }), detail: message.autoReply }];
  }
  let body: string;
  try {
    body = bodyText(message.bodies);
  } catch (error) {
    const rejection =
      error instanceof MessageRejection
        ? error
        : new MessageRejection('HTML_NOT_CONVERTIBLE', error instanceof Error ? error.message : String(error));
    return [rejectedMessage(rejection, location, excerpt())];
  }
  const { author } = message;
  const reply = extractReply(body, { senderName: author });
  const text = reply.text;
  const meta: Record<string, JsonValue> = {};
  if (reply.source !== 'reply') meta['textSource'] = reply.source;
  if (message.subject !== null && message.subject.trim() !== '') meta['subject'] = maskAddresses(message.subject.trim());
  if (message.listId !== null) meta['listId'] = message.listId;
  const draft: RecordDraft = {
    sourceId,
    author,
    date: message.date,
    text,
    inReplyTo: message.inReplyTo,
    meta,
    provenance,
  };
  const items: AdapterItem[] = [{ kind: 'record', draft }];
  if (text.includes('\ufffd')) {
    items.push({
      kind: 'warning',
      message: `${name}: its text holds bytes that could not be decoded (shown as U+FFFD); its declared charset is probably wrong`,
      provenance,
    });
  }
  return items;
}

function rejectedMessage(rejection: MessageRejection, location: MessageLocation, excerpt: string): AdapterItem {
  return {
    kind: 'rejected',
    code: rejection.code,
    message: rejectionWords(location, rejection.message),
    provenance: location.provenance,
    excerpt,
  };
}

/** The fields a message's top header block gives, read as {@link emailMessageItems} reads them. */
function headerFieldsOf(parsed: ParsedMessage): Omit<DecodedMessage, 'bodies'> {
  const { headers, headerLines } = parsed;
  return {
    sourceId: messageIdOf(headerText(headers, 'message-id')),
    author: authorOf(headers.get('from')),
    date: dateOf(headerLines),
    subject: headerText(headers, 'subject'),
    inReplyTo: messageIdOf(headerText(headers, 'in-reply-to')),
    listId: listIdOf(headerLines),
    autoReply: autoReplyReason(headers),
  };
}

/**
 * The bodies of a raw MIME entity (a whole message, or one part such as the `multipart/signed`
 * entity a signed Outlook item keeps), decoded as {@link emailMessageItems} decodes them; null
 * when it cannot be parsed.
 */
export async function mimeEntityBodies(raw: Buffer): Promise<readonly MessageBody[] | null> {
  try {
    return (await parseMessage(raw)).bodies;
  } catch {
    return null;
  }
}

/**
 * The fields of a header block alone, such as the transport headers an Outlook item keeps of the
 * message it received; null when the block cannot be parsed.
 */
export async function headerBlockFields(block: string): Promise<Omit<DecodedMessage, 'bodies'> | null> {
  const head = block.replace(/(?:\r?\n)+$/, '');
  if (head.trim() === '' || Buffer.byteLength(head) > MAX_HEADER_BYTES) return null;
  try {
    return headerFieldsOf(await parseMessage(Buffer.from(`${head}\r\n\r\n`, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * What a rejected message is found again by: its Subject, Date and Message-ID header lines, or else
 * its first bytes; e-mail addresses are masked either way (rejections are kept, and shown).
 */
function excerptOf(raw: Buffer): string {
  const window = raw.subarray(0, 64 * 1024).toString('latin1');
  const blank = /\r?\n\r?\n/.exec(window);
  const head = blank === null ? window : window.slice(0, blank.index);
  const fields = head
    .split(/\r?\n(?![ \t])/)
    .map((line) => ({
      name: line
        .slice(0, Math.max(0, line.indexOf(':')))
        .trim()
        .toLowerCase(),
      line: line.replace(/\s+/g, ' ').trim(),
    }))
    .filter((field) => field.name === 'subject' || field.name === 'date' || field.name === 'message-id')
    .map((field) => (field.name === 'message-id' ? field.line : maskAddresses(field.line)));
  const excerpt = fields.length > 0 ? fields.join(' | ') : maskAddresses(raw.subarray(0, 400).toString('latin1'));
  return excerpt.slice(0, 200);
}

/** What the MIME parser gave for one message. */
interface ParsedMessage {
  headers: Headers;
  headerLines: ReadonlyArray<{ key: string; line: string }>;
  bodies: readonly MessageBody[];
  /** The e-mails attached to it (`message/rfc822`, `message/global` and `message/news` parts: a message forwarded as an attachment), raw. */
  attached: Buffer[];
  /** How many attached e-mails were over {@link MAX_MESSAGE_BYTES} or past {@link MAX_ATTACHED_MESSAGES}, and not kept. */
  attachedSkipped: number;
  /**
   * The other files attached to it (documents, pictures, named text parts…), the named text parts
   * after the rest: whether each is read is decided by content, later.
   */
  files: AttachedFile[];
}

/** The most e-mails attached to one message that are read. */
export const MAX_ATTACHED_MESSAGES = 50;
/** How deep attached e-mails are read: a message forwarded as an attachment, and one attached to that. */
const MAX_ATTACHED_DEPTH = 2;

/** A charset decoder factory, the shape of mailparser's internal `getDecoder()` result. */
interface CharsetDecoder {
  decodeStream(charset: string): NodeJS.ReadWriteStream;
}

/** The part mailparser is about to read, as far as tlap looks at it. */
interface ParserNode {
  contentType?: string;
  charset?: string;
  isAttachment?: boolean;
}

/**
 * The charset given to a text part that declares UTF-8, ASCII or nothing, so that its bytes reach
 * {@link utf8OrWindows1252Stream} instead of being read as UTF-8 with U+FFFD for every other byte.
 */
const UTF8_OR_WINDOWS_1252 = 'x-tlap-utf-8-or-windows-1252';

/** True for a text part's charset that mailparser would read as UTF-8 without looking at its bytes. */
function readAsUtf8(charset: string | undefined): boolean {
  if (charset === undefined || charset.trim() === '') return true;
  const name = charset.toLowerCase().replace(/[^a-z0-9]/g, '');
  return name === 'utf8' || ASCII_CHARSET.test(name);
}

/**
 * Decodes a text part line by line: a line that is valid UTF-8 as UTF-8, any other as Windows-1252,
 * as tlap reads text files. Mailers that declare no charset, ASCII or UTF-8 and send `café` or
 * `£5` in Windows-1252 bytes (Outlook Express, old webmail, forms that relay by mail) lose nothing.
 */
function utf8OrWindows1252Stream(): NodeJS.ReadWriteStream {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
    flush(done) {
      const bytes = Buffer.concat(chunks);
      if (isUtf8(bytes)) {
        done(null, bytes);
        return;
      }
      const lines: string[] = [];
      for (let start = 0; start < bytes.length;) {
        const newline = bytes.indexOf(0x0a, start);
        const end = newline === -1 ? bytes.length : newline + 1;
        const line = bytes.subarray(start, end);
        lines.push(isUtf8(line) ? line.toString('utf8') : iconv.decode(line, 'windows-1252'));
        start = end;
      }
      done(null, Buffer.from(lines.join(''), 'utf8'));
    },
  });
}

/**
 * mailparser refuses to decode UTF-7 bodies (UTF-7 can smuggle markup past HTML filters). tlap only
 * keeps plain text, so UTF-7 parts are decoded here with iconv-lite. A text part that declares
 * UTF-8, ASCII or no charset is read by {@link utf8OrWindows1252Stream}; every other charset is
 * left to mailparser's own decoder. mailparser is loaded on the first message, not with the adapters.
 */
async function loadUtf7MailParser(): Promise<typeof MailParser> {
  const { MailParser: BaseParser } = await import('mailparser');
  const inheritedCreateNode = (BaseParser.prototype as unknown as { createNode?: (this: MailParser, node: unknown) => ParserNode })
    .createNode;
  return class Utf7MailParser extends BaseParser {
    createNode(node: unknown): ParserNode {
      const created = inheritedCreateNode?.call(this, node) ?? {};
      if (created.isAttachment === false && /^text\//i.test(created.contentType ?? '') && readAsUtf8(created.charset)) {
        created.charset = UTF8_OR_WINDOWS_1252;
      }
      return created;
    }

    getTextContent(): SplitMessageText {
      const inherited = (BaseParser.prototype as unknown as { getTextContent?: (this: MailParser) => MessageText }).getTextContent;
      const merged = inherited?.call(this) ?? { type: 'text' };
      return { ...merged, ...splitBodies((this as unknown as { tree?: MimeTreeNode | false }).tree) };
    }

    getDecoder(): CharsetDecoder {
      const inherited = (BaseParser.prototype as unknown as { getDecoder?: (this: MailParser) => CharsetDecoder }).getDecoder;
      const base = inherited?.call(this);
      return {
        decodeStream(charset: string): NodeJS.ReadWriteStream {
          if (charset === UTF8_OR_WINDOWS_1252) return utf8OrWindows1252Stream();
          if (UTF7_CHARSET.test(charset.toLowerCase().replace(/[^a-z0-9]/g, ''))) return iconv.decodeStream('utf7');
          if (base === undefined) throw new Error(`no decoder for ${charset}`);
          return base.decodeStream(charset);
        },
      };
    }
  };
}

let utf7MailParser: Promise<typeof MailParser> | undefined;

/** A part of the tree mailparser builds of a message, as far as tlap looks at it. */
interface MimeTreeNode {
  contentType?: string;
  /** The decoded words of a text part read as the body (unset for an attachment). */
  textContent?: string;
  isAttachment?: boolean;
  /** The part as the MIME splitter read it: its file name, from `filename=` or `name=`. */
  node?: { filename?: string | false; root?: boolean };
  children?: MimeTreeNode[];
}

/** mailparser's text result, with the message's bodies and named text parts as tlap splits them. */
interface SplitMessageText extends MessageText {
  bodies: readonly MessageBody[];
  namedTextFiles: readonly AttachedFile[];
}

/**
 * The bodies of a message from its MIME tree, in order: the parts of one `multipart/alternative`
 * (the outermost, with whatever it nests) are one body, its plain text preferred; every other text
 * or HTML part is a body of its own. A text or HTML part with a file name (`Content-Disposition:
 * inline; filename="notes.txt"`, or `name=` on its Content-Type), except the message's only
 * part, is a file attached to it, not words of the body, as Apple Mail attaches a text file; when
 * the message has no body beside such parts, they are its body, so no words are lost.
 */
function splitBodies(tree: MimeTreeNode | false | undefined): Pick<SplitMessageText, 'bodies' | 'namedTextFiles'> {
  const parts: Array<{ group: MimeTreeNode | null; html: boolean; content: string; name: string | null; contentType: string }> = [];
  const stack: Array<{ node: MimeTreeNode; group: MimeTreeNode | null }> =
    tree === false || tree === undefined ? [] : [{ node: tree, group: null }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node } = entry;
    const contentType = (node.contentType ?? '').toLowerCase();
    const group = entry.group ?? (contentType === 'multipart/alternative' ? node : null);
    const children = node.children ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push({ node: child, group });
    }
    if (node.isAttachment === true || typeof node.textContent !== 'string') continue;
    if (contentType !== 'text/plain' && contentType !== 'text/html') continue;
    const filename = node.node?.root === true || typeof node.node?.filename !== 'string' ? '' : node.node.filename.trim();
    parts.push({
      group,
      html: contentType === 'text/html',
      content: node.textContent,
      name: filename === '' ? null : filename,
      contentType,
    });
  }
  const unnamed = parts.filter((part) => part.name === null);
  const bodyParts = unnamed.length > 0 ? unnamed : parts;
  const bodies: Array<{ text: string | null; html: string | null }> = [];
  const alternatives = new Map<MimeTreeNode, { text: string | null; html: string | null }>();
  for (const part of bodyParts) {
    let body = part.group === null ? undefined : alternatives.get(part.group);
    if (body === undefined) {
      body = { text: null, html: null };
      bodies.push(body);
      if (part.group !== null) alternatives.set(part.group, body);
    }
    if (part.html) body.html = body.html === null ? part.content : `${body.html}<br/>\n${part.content}`;
    else body.text = body.text === null ? part.content : `${body.text}\n${part.content}`;
  }
  const namedTextFiles =
    unnamed.length > 0 && unnamed.length < parts.length
      ? parts.flatMap((part) =>
          part.name === null ? [] : [{ name: part.name, contentType: part.contentType, bytes: Buffer.from(part.content, 'utf8') }],
        )
      : [];
  return { bodies, namedTextFiles };
}

/**
 * The MIME types of a whole e-mail carried in a part: `message/rfc822` (a message forwarded as an
 * attachment), `message/global` (the same for a message with UTF-8 headers, RFC 6532) and
 * `message/news` (a news article forwarded, as Netscape and other newsreaders sent one).
 */
const ATTACHED_MESSAGE_TYPES: ReadonlySet<string> = new Set(['message/rfc822', 'message/global', 'message/news']);

async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const input = withPlainSenderAddress(withUtf8Headers(raw));
  utf7MailParser ??= loadUtf7MailParser();
  const Utf7MailParser = await utf7MailParser;
  const parser = new Utf7MailParser({
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    checksumAlgo: false,
    keepDeliveryStatus: true,
    ignoreEmbedded: true,
    maxHeadSize: MAX_HEADER_BYTES,
    maxChildNodes: MAX_MIME_PARTS,
  });
  return new Promise<ParsedMessage>((resolve, reject) => {
    let headers: Headers = new Map<string, HeaderValue>();
    let headerLines: ReadonlyArray<{ key: string; line: string }> = [];
    let content: SplitMessageText | null = null;
    const attached: Buffer[] = [];
    const files: AttachedFile[] = [];
    let attachedSkipped = 0;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(rejectionFor(error));
    };
    parser.on('headers', (parsedHeaders: Headers) => {
      headers = parsedHeaders;
    });
    parser.on('headerLines', (lines: ReadonlyArray<{ key: string; line: string }>) => {
      headerLines = lines;
    });
    parser.on('data', (data: AttachmentStream | SplitMessageText) => {
      if (data.type === 'attachment') {
        const contentType = data.contentType.toLowerCase();
        if (!ATTACHED_MESSAGE_TYPES.has(contentType)) {
          const chunks: Buffer[] = [];
          data.content.on('data', (chunk: Buffer) => chunks.push(chunk));
          data.content.on('end', () => {
            files.push({ name: data.filename ?? '', contentType, bytes: Buffer.concat(chunks) });
            data.release?.();
          });
          return;
        }
        if (attached.length >= MAX_ATTACHED_MESSAGES) {
          attachedSkipped += 1;
          data.content.resume();
          data.release?.();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        data.content.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk);
        });
        data.content.on('end', () => {
          if (size <= MAX_MESSAGE_BYTES) attached.push(Buffer.concat(chunks));
          else attachedSkipped += 1;
          data.release?.();
        });
        return;
      }
      content = data;
    });
    parser.on('error', fail);
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      const text: SplitMessageText | null = content;
      for (const file of text?.namedTextFiles ?? []) files.push(file);
      resolve({ headers, headerLines, bodies: text?.bodies ?? [], attached, attachedSkipped, files });
    });
    parser.end(input);
  });
}

function rejectionFor(error: unknown): MessageRejection {
  const message = error instanceof Error ? error.message : String(error);
  if (/child nodes/i.test(message)) {
    return new MessageRejection('TOO_MANY_MIME_PARTS', `more than ${MAX_MIME_PARTS} MIME parts (a MIME bomb?); not read`);
  }
  if (/header size/i.test(message)) {
    return new MessageRejection('HEADER_TOO_LARGE', `a header block is over ${MAX_HEADER_BYTES / 1024} KB; not read`);
  }
  return new MessageRejection('MIME_PARSE_ERROR', `cannot parse the MIME structure (${message})`);
}

/**
 * Headers must be ASCII (RFC 5322) or UTF-8 (RFC 6532), but old mailers wrote raw 8-bit bytes in
 * the message's charset (Eudora: `Subject: Die Hasen und die Frösche` in Latin-1). When the top
 * header block is not valid UTF-8 it is re-encoded from the charset its Content-Type names, or
 * from Windows-1252 when that charset is ASCII, unknown or cannot decode the bytes, so names and
 * subjects never come out as U+FFFD. The body bytes are left alone.
 */
function withUtf8Headers(raw: Buffer): Buffer {
  const end = headerBlockEnd(raw);
  if (end === null) {
    if (raw.length > MAX_HEADER_BYTES) {
      throw new MessageRejection('HEADER_TOO_LARGE', `no end of the header block in the first ${MAX_HEADER_BYTES / 1024} KB; not read`);
    }
    return isUtf8(raw) ? raw : transcodeHeaders(raw, raw.length);
  }
  const head = raw.subarray(0, end);
  return isUtf8(head) ? raw : transcodeHeaders(raw, end);
}

function transcodeHeaders(raw: Buffer, end: number): Buffer {
  const head = raw.subarray(0, end);
  const latin = head.toString('latin1');
  const declared = /^content-type:[^\n]*(?:\n[ \t][^\n]*)*/im.exec(latin)?.[0];
  const charset = declared === undefined ? undefined : /charset\s*=\s*"?([\w.:-]+)/i.exec(declared)?.[1];
  const usable =
    charset !== undefined &&
    iconv.encodingExists(charset) &&
    !/^utf-?8$/i.test(charset) &&
    !/utf-?7/i.test(charset) &&
    !ASCII_CHARSET.test(charset.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const declared8Bit = usable ? iconv.decode(head, charset) : null;
  const decoded = declared8Bit !== null && !declared8Bit.includes('\ufffd') ? declared8Bit : iconv.decode(head, 'windows-1252');
  return Buffer.concat([Buffer.from(decoded, 'utf8'), raw.subarray(end)]);
}

/**
 * A `From:` address written with ` at ` for `@`, as Mailman's pipermail archives (the `.txt` and
 * `.mbox` a list's archive page offers) write every sender: `From: jane at example.org (Jane Doe)`.
 * mailparser reads that as a name `jane at example.org` and drops the comment that holds the real
 * name, so the address would become the author. The address is written back with `@` (in the top
 * header block only, the other bytes untouched), and the name is read from the comment as for any
 * `jane@example.org (Jane Doe)`; without a comment there is no name, and no author. Encoded words
 * of the header block are relabelled by {@link relabelledEncodedWord}.
 */
function withPlainSenderAddress(raw: Buffer): Buffer {
  const end = headerBlockEnd(raw) ?? Math.min(raw.length, MAX_HEADER_BYTES);
  const head = raw.subarray(0, end).toString('latin1');
  const rewritten = head.replace(OBFUSCATED_SENDER, '$1$2@$3').replace(ENCODED_WORD_UTF8, relabelledEncodedWord);
  return rewritten === head ? raw : Buffer.concat([Buffer.from(rewritten, 'latin1'), raw.subarray(end)]);
}

/** An RFC 2047 encoded word that declares UTF-8: `=?UTF-8?Q?Luc=eda_Charlie?=`. */
const ENCODED_WORD_UTF8 = /=\?(utf-?8)((?:\*[\w-]+)?)\?([qb])\?([^?\s]*)\?=/gi;

/**
 * An encoded word that declares UTF-8 but whose bytes are not UTF-8 (an old list archiver wrote
 * `=?UTF-8?Q?Luc=eda_Charlie?=` with the Latin-1 byte of `í`) relabelled as Windows-1252, so the
 * name reads `Lucía Charlie`, not `Luc\ufffda Charlie`; a word whose bytes are UTF-8 is kept.
 */
function relabelledEncodedWord(word: string, _charset: string, language: string, encoding: string, payload: string): string {
  const bytes =
    encoding.toLowerCase() === 'b'
      ? Buffer.from(payload, 'base64')
      : Buffer.from(
          payload.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        );
  return isUtf8(bytes) ? word : `=?windows-1252${language}?${encoding}?${payload}?=`;
}

/** A `From:` line whose address is written `jane at example.org`, alone or before a `(comment)`. */
const OBFUSCATED_SENDER = /^(from:[ \t]*)([^\s@()<>",;:]+) at ([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[ \t]*(?:\(|\r?\n(?![ \t])|$))/gim;

/** The offset of the blank line that ends the top header block, searched within the header limit. */
function headerBlockEnd(raw: Buffer): number | null {
  const window = raw.subarray(0, MAX_HEADER_BYTES + 4);
  if (window[0] === 0x0a) return 0;
  if (window[0] === 0x0d && window[1] === 0x0a) return 0;
  const lf = window.indexOf('\n\n');
  const crlf = window.indexOf('\n\r\n');
  const candidates = [lf, crlf].filter((index) => index !== -1);
  if (candidates.length === 0) return null;
  return Math.min(...candidates) + 1;
}

/**
 * The message's text: each body's plain text, else its HTML converted to plain text, in the order
 * the message holds them. A body read from HTML whose words the plain-text bodies already hold
 * (at least {@link REPEATED_WORDS_SHARE} of them) is the same text sent twice, as a client that
 * puts its HTML beside the plain text instead of as its alternative does, and is left out; one with
 * words of its own (a forwarded HTML message under a note) is read after them.
 */
function bodyText(bodies: readonly MessageBody[]): string {
  const pieces: Array<{ text: string; fromHtml: boolean }> = [];
  for (const body of bodies) {
    if (body.text !== null && body.text.trim() !== '') pieces.push({ text: body.text, fromHtml: false });
    else if (body.html !== null && body.html.trim() !== '') pieces.push({ text: htmlBodyText(body.html), fromHtml: true });
  }
  const written = wordCounts(pieces.filter((piece) => !piece.fromHtml).map((piece) => piece.text));
  let text = '';
  let lastFromHtml = false;
  for (const piece of pieces) {
    if (piece.fromHtml && written.size > 0 && repeatsWords(piece.text, written)) continue;
    if (text === '') text = piece.text;
    else if (piece.fromHtml || lastFromHtml) text = `${text.replace(/\n+$/, '')}\n\n${piece.text}`;
    else text = `${text}\n${piece.text}`;
    lastFromHtml = piece.fromHtml;
  }
  return text;
}

/** How many of an HTML body's words the plain-text bodies must hold for it to be their repetition. */
const REPEATED_WORDS_SHARE = 0.8;

/** How often each word (letters and digits, lower case) occurs in `texts`. */
function wordCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** True when at least {@link REPEATED_WORDS_SHARE} of the words of `text` are among `written`, each counted once. */
function repeatsWords(text: string, written: ReadonlyMap<string, number>): boolean {
  const left = new Map(written);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let found = 0;
  for (const word of words) {
    const count = left.get(word) ?? 0;
    if (count === 0) continue;
    found += 1;
    left.set(word, count - 1);
  }
  return found >= words.length * REPEATED_WORDS_SHARE;
}

/** An HTML body as plain text, refused when it nests too deep or cannot be converted. */
function htmlBodyText(html: string): string {
  if (htmlDepthExceeds(html, MAX_HTML_DEPTH)) {
    throw new MessageRejection('HTML_TOO_DEEP', `its HTML nests elements more than ${MAX_HTML_DEPTH} deep; not converted`);
  }
  try {
    return htmlToPlainText(html);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MessageRejection('HTML_NOT_CONVERTIBLE', `its HTML cannot be converted to text (${detail})`);
  }
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const IMPLIED_END_ELEMENTS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rt',
  'rp',
]);

/**
 * A linear estimate of how deep HTML nests (open tags minus close tags, leaving out void elements
 * and those closed implicitly), so pathological markup is refused before the converter, whose
 * parse is quadratic in the depth and whose walk overflows the stack, ever sees it.
 */
function htmlDepthExceeds(html: string, maxDepth: number): boolean {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const name = (match[2] ?? '').toLowerCase();
    if (VOID_ELEMENTS.has(name) || IMPLIED_END_ELEMENTS.has(name) || match[3] === '/') continue;
    if (match[1] === '/') {
      depth = Math.max(0, depth - 1);
    } else {
      depth += 1;
      if (depth > maxDepth) return true;
    }
  }
  return false;
}

/** Why a message is an automatic reply (the header or subject that says so), or null. */
function autoReplyReason(headers: Headers): string | null {
  const autoSubmitted = headerText(headers, 'auto-submitted');
  if (autoSubmitted !== null && !/^\s*no\b/i.test(autoSubmitted)) return `Auto-Submitted: ${autoSubmitted.trim()}`;
  for (const name of ['X-Autoreply', 'X-Autorespond', 'X-Autoresponse', 'X-Autoresponder']) {
    const value = headerText(headers, name.toLowerCase());
    if (value !== null && !/^\s*(?:no|false|0)\s*$/i.test(value)) return `${name}: ${value.trim()}`;
  }
  for (const name of ['Precedence', 'X-Precedence']) {
    const value = headerText(headers, name.toLowerCase());
    if (value !== null && /auto[_-]?reply/i.test(value)) return `${name}: ${value.trim()}`;
  }
  const contentType = headers.get('content-type');
  if (contentType !== undefined && typeof contentType === 'object' && 'value' in contentType && contentType.value === 'multipart/report') {
    return 'a delivery or read report (multipart/report)';
  }
  return autoReplySubjectReason(headerText(headers, 'subject'));
}

/**
 * Why a subject says its message is an automatic reply (`Automatic reply: …`, `Out of Office: …`
 * and their forms in other languages), or null: the one subject rule for every container of mail.
 */
export function autoReplySubjectReason(subject: string | null): string | null {
  return subject !== null && AUTO_REPLY_SUBJECT.test(subject) ? 'an out-of-office or automatic-reply subject' : null;
}

/** A header's first value as a string, or null when absent or not a string. */
function headerText(headers: Headers, key: string): string | null {
  const value = headers.get(key);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** The id inside the first `<…>` of a Message-ID / In-Reply-To value, or the bare value; null when empty. */
export function messageIdOf(value: string | null): string | null {
  if (value === null) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  const bare = value.trim().replace(/^<|>$/g, '');
  return bare === '' || /\s/.test(bare) ? null : bare;
}

/** The sender's display name, never an address: null when there is no name besides the address. */
function authorOf(from: HeaderValue | undefined): string | null {
  if (from === undefined || typeof from !== 'object' || !('value' in from) || !Array.isArray(from.value)) return null;
  const first = (from as AddressObject).value[0];
  if (first === undefined) return null;
  return senderDisplayName(first.name);
}

/** The unfolded value of the first raw header line with this key. */
function rawHeader(headerLines: ReadonlyArray<{ key: string; line: string }>, key: string): string | null {
  const found = headerLines.find((line) => line.key === key);
  if (found === undefined) return null;
  return found.line
    .slice(found.line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

/** The Date header in UTC, read with the shared date parser (mailparser would give "now" for a bad one). */
function dateOf(headerLines: ReadonlyArray<{ key: string; line: string }>): string | null {
  const value = rawHeader(headerLines, 'date');
  return value === null ? null : toIsoDate(value.replace(/\s+/g, ' '));
}

/** The List-Id's identifier (`users.kafka.apache.org`), without the list's display name. */
function listIdOf(headerLines: ReadonlyArray<{ key: string; line: string }>): string | null {
  const value = rawHeader(headerLines, 'list-id');
  if (value === null) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  const bare = value.trim();
  return bare === '' || /\s/.test(bare) ? null : bare;
}
