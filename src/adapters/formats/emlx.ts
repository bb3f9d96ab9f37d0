import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AttachedFileReader, FormatAdapter } from '../format-adapter.js';
import { MAX_MESSAGE_BYTES, messageTooLargeRejection } from '../readers/mbox-messages.js';
import { mailboxFolderFilter } from '../readers/mailbox-folders.js';

/** The first line of an `.emlx`: the length of the message under it, in bytes, padded with spaces. */
const BYTE_COUNT_LINE = /^\s*(\d{1,10})[ \t]*\r?$/;

/** Header fields that show the lines under the count are an e-mail's. */
const MAIL_HEADER = /^(?:from|to|subject|date|message-id|mime-version|received|return-path|content-type|in-reply-to|references)[ \t]*:/im;

/**
 * One e-mail as Apple Mail keeps it on disk (`~/Library/Mail/…/Messages/1234.emlx`, and
 * `1234.partial.emlx` when its attachments are kept beside it): a line holding the message's
 * length in bytes, the message itself (RFC 5322, read as an `.eml` is), then a property list of
 * Apple Mail's flags and dates, read only for the flag that marks a draft (filtered
 * `not-feedback`: the mailbox owner's unsent message). A message kept in a mail client's own folder
 * (`Sent Messages.mbox/Messages/1234.emlx`) is filtered too (see {@link mailboxFolderFilter}).
 */
export const emlxAdapter: FormatAdapter = {
  name: 'emlx',
  description: "One e-mail as Apple Mail keeps it (.emlx, .partial.emlx): the sender's new words",
  channel: 'email',
  extensions: ['.emlx'],
  signature: 'a first line holding only the byte count of the message, then e-mail header fields, then an Apple property list',
  sniff(input) {
    const [first = '', ...rest] = input.headText.split('\n', 12);
    return BYTE_COUNT_LINE.test(first) && MAIL_HEADER.test(rest.join('\n')) && input.headText.includes('<plist') ? 0.9 : 0;
  },
  read(source, options) {
    return readEmlx(source, options.readAttachedFile);
  },
};

async function* readEmlx(source: InputSource, readAttachedFile: AttachedFileReader | undefined): AsyncIterable<AdapterItem> {
  const provenance = { file: source.path, line: 2 };
  const limit = MAX_MESSAGE_BYTES + 64 * 1024;
  if (source.size > limit) {
    yield messageTooLargeRejection(provenance, source.size);
    return;
  }
  const bytes = await source.readBytes(limit);
  const newline = bytes.indexOf(0x0a);
  const count = BYTE_COUNT_LINE.exec(bytes.toString('latin1', 0, newline === -1 ? Math.min(bytes.length, 40) : newline));
  if (newline === -1 || count?.[1] === undefined) {
    throw new InputError('not an Apple Mail message: the first line must hold only the byte count of the message under it', {
      location: { file: source.path, line: 1, col: 1 },
      hint: 'check that this is an .emlx file from Apple Mail, or name its format instead of detecting it',
    });
  }
  const end = newline + 1 + Number(count[1]);
  const message = bytes.subarray(newline + 1, end);
  const { emailMessageItems } = await import('../readers/email-message.js');
  const draft = isDraft(bytes.subarray(end).toString('latin1'));
  const keptAs = draft
    ? { rule: 'not-feedback' as const, detail: "an unsent draft (Apple Mail's draft flag)" }
    : (mailboxFolderFilter(source.path, 'message-file') ?? undefined);
  yield* await emailMessageItems(message, { provenance, label: '' }, 0, readAttachedFile, keptAs);
}

/** Apple Mail's `flags` bit for a draft: bit 6 of the property list's `flags` integer. */
const DRAFT_FLAG = 1n << 6n;

/**
 * True when the property list after the message sets the draft bit of its `flags` (a message
 * saved in Drafts, never sent); the bit is read from the integer as written, which may be over 2^32.
 */
function isDraft(plist: string): boolean {
  const flags = /<key>\s*flags\s*<\/key>\s*<integer>\s*(\d{1,20})\s*<\/integer>/.exec(plist)?.[1];
  return flags !== undefined && (BigInt(flags) & DRAFT_FLAG) !== 0n;
}
