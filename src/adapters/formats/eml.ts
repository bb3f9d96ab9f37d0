import type { AdapterItem, AttachedFileReader, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import { InputError } from '../../errors.js';
import { MAX_MESSAGE_BYTES, isHeaderField, isMboxSeparator, messageTooLargeRejection } from '../readers/mbox-messages.js';

/** Header fields that mark the top of an e-mail, for sniffing. */
const MAIL_HEADERS = new Set([
  'received',
  'from',
  'to',
  'date',
  'subject',
  'message-id',
  'mime-version',
  'return-path',
  'delivered-to',
  'content-type',
  'in-reply-to',
  'references',
]);

/** One e-mail saved as a file (`.eml`, RFC 5322): its sender's new words. */
export const emlAdapter: FormatAdapter = {
  name: 'eml',
  description: 'One e-mail saved as a file (Outlook, Thunderbird, Apple Mail "Save as", .eml): the sender\'s new words',
  channel: 'email',
  extensions: ['.eml', '.txt'],
  signature: 'starts with e-mail header fields (Received:, From:, Message-ID:, MIME-Version:…)',
  sniff(input) {
    const lines = input.headText.split(/\r?\n/);
    let index = 0;
    let envelope = false;
    if (lines[0] !== undefined && isMboxSeparator(lines[0])) {
      envelope = true;
      index = 1;
    }
    const known = new Set<string>();
    let hasAddress = false;
    for (; index < lines.length && index < 200; index += 1) {
      const line = lines[index] ?? '';
      if (line === '') break;
      if (/^[ \t]/.test(line)) continue;
      if (!isHeaderField(line)) return 0;
      const name = line.slice(0, line.indexOf(':')).trim().toLowerCase();
      if (!MAIL_HEADERS.has(name)) continue;
      known.add(name);
      if (line.includes('@')) hasAddress = true;
    }
    const transportHeader = known.has('received') || known.has('message-id') || known.has('mime-version') || known.has('return-path');
    if (known.size < 2 || !(hasAddress || transportHeader)) return 0;
    if (envelope) return 0.6;
    return transportHeader ? 0.95 : 0.8;
  },
  read(source, options) {
    return readEml(source, options.readAttachedFile);
  },
};

async function* readEml(source: InputSource, readAttachedFile: AttachedFileReader | undefined): AsyncIterable<AdapterItem> {
  const provenance = { file: source.path, line: 1 };
  if (source.size > MAX_MESSAGE_BYTES) {
    yield messageTooLargeRejection(provenance, source.size);
    return;
  }
  const raw = withoutEnvelopeLine(await source.readBytes(MAX_MESSAGE_BYTES));
  const firstLine = raw.subarray(0, Math.min(raw.length, 1000)).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  if (!isHeaderField(firstLine)) {
    throw new InputError(`not an e-mail message: it does not start with a header field such as "From: …"`, {
      location: { file: source.path, line: 1, col: 1 },
      hint: 'check that this is a saved e-mail (.eml), or name its format instead of detecting it',
    });
  }
  const { emailMessageItems } = await import('../readers/email-message.js');
  yield* await emailMessageItems(raw, { provenance, label: '' }, 0, readAttachedFile);
}

/** Drops a UTF-8 byte order mark, blank lines and an mbox `From ` envelope line in front of the headers, as some tools save them. */
function withoutEnvelopeLine(raw: Buffer): Buffer {
  let start = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  while (raw[start] === 0x0a || (raw[start] === 0x0d && raw[start + 1] === 0x0a)) start += raw[start] === 0x0d ? 2 : 1;
  const newline = raw.indexOf(0x0a, start);
  const firstLine = raw.toString('latin1', start, newline === -1 ? Math.min(raw.length, start + 1000) : newline).replace(/\r$/, '');
  if (isMboxSeparator(firstLine) && newline !== -1) start = newline + 1;
  return raw.subarray(start);
}
