import type { AdapterItem, AttachedFileReader, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import { formatBytes } from '../../source/byte-size.js';
import { MAX_MESSAGE_BYTES, isHeaderField, isMboxSeparator, mboxMessages } from '../readers/mbox-messages.js';
import { mailboxFolderFilter } from '../readers/mailbox-folders.js';

/** A Unix mailbox (mbox / mboxrd): many e-mails in one file, each opened by a `From ` line. */
export const mboxAdapter: FormatAdapter = {
  name: 'mbox',
  description: "A mailbox file of many e-mails (Thunderbird, Apple Mail, Gmail Takeout, mailing-list archives): each message's new words",
  channel: 'email',
  extensions: ['.mbox', '.mbx', '.txt'],
  signature: 'first line "From <sender> <date>" followed by e-mail headers (also a list archive saved as .txt)',
  sniff(input) {
    const lines = input.headText.replace(/^(?:[ \t]*\r?\n)+/, '').split(/\r?\n/, 2);
    const [first, second] = lines;
    if (first === undefined || !isMboxSeparator(first)) return 0;
    return second !== undefined && isHeaderField(second) ? 0.9 : 0.7;
  },
  read(source, options) {
    return readMbox(source, options.readAttachedFile);
  },
};

/**
 * Each message of the mailbox, read as an `.eml` is; every one filtered when the file is a mail
 * client's own folder (`Sent`, `Drafts`, `Trash`, `Junk`: see {@link mailboxFolderFilter}).
 */
async function* readMbox(source: InputSource, readAttachedFile: AttachedFileReader | undefined): AsyncIterable<AdapterItem> {
  const keptAs = mailboxFolderFilter(source.path, 'mailbox-file') ?? undefined;
  for await (const entry of mboxMessages(withoutByteOrderMark(source.bytes()), { path: source.path, maxMessageBytes: MAX_MESSAGE_BYTES })) {
    const label = `message ${entry.index}`;
    const provenance = { file: source.path, line: entry.line, part: label };
    if (entry.kind === 'too-large') {
      yield {
        kind: 'rejected',
        code: 'MESSAGE_TOO_LARGE',
        message: `${formatBytes(entry.bytes)}, over the ${formatBytes(MAX_MESSAGE_BYTES)} limit for one message; skipped`,
        provenance,
      };
      continue;
    }
    const { emailMessageItems } = await import('../readers/email-message.js');
    yield* await emailMessageItems(entry.raw, { provenance, label }, 0, readAttachedFile, keptAs);
  }
}

/** The bytes of a file without the UTF-8 byte order mark some tools write in front of a mailbox. */
async function* withoutByteOrderMark(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) yield chunk.subarray(3);
    else yield chunk;
    first = false;
  }
}
