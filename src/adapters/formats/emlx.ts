import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AttachedFileReader, FormatAdapter } from '../format-adapter.js';
import { MAX_MESSAGE_BYTES, messageTooLargeRejection } from '../readers/mbox-messages.js';

/** The first line of an `.emlx`: the length of the message under it, in bytes, padded with spaces. */
const BYTE_COUNT_LINE = /^\s*(\d{1,10})[ \t]*\r?$/;

/** Header fields that show the lines under the count are an e-mail's. */
const MAIL_HEADER = /^(?:from|to|subject|date|message-id|mime-version|received|return-path|content-type|in-reply-to|references)[ \t]*:/im;

/**
 * One e-mail as Apple Mail keeps it on disk (`~/Library/Mail/…/Messages/1234.emlx`, and
 * `1234.partial.emlx` when its attachments are kept beside it): a line holding the message's
 * length in bytes, the message itself (RFC 5322, read as an `.eml` is), then a property list of
 * Apple Mail's flags and dates, which is left out.
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
  const message = bytes.subarray(newline + 1, newline + 1 + Number(count[1]));
  const { emailMessageItems } = await import('../readers/email-message.js');
  yield* await emailMessageItems(message, { provenance, label: '' }, 0, readAttachedFile);
}
