import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import { formatBytes } from '../../source/byte-size.js';
import { InputError } from '../../errors.js';
import { isCompoundFile } from '../readers/compound-file.js';
import { emlAdapter } from './eml.js';

/**
 * The largest Outlook item read (bigger ones are rejected with `MESSAGE_TOO_LARGE`). Higher than
 * an `.eml`'s limit because a `.msg` carries its attachments inside it; the item is read whole,
 * and a 63 MB item peaked at 217 MB of memory (about 3.4 times its size).
 */
export const MAX_OUTLOOK_ITEM_BYTES = 64 * 1024 * 1024;

/** The names Outlook gives an item's property streams, as UTF-16LE bytes in a compound file's directory. */
const MESSAGE_STREAM_NAMES = [Buffer.from('__substg1.0_', 'utf16le'), Buffer.from('__properties_version1.0', 'utf16le')];

/** One e-mail dragged out of Outlook into a folder (`.msg`, an OLE2 compound file): the sender's new words. */
export const outlookMsgAdapter: FormatAdapter = {
  name: 'outlook-msg',
  description: 'One e-mail saved from Outlook (dragged to a folder, "Save As" Outlook Message Format, .msg): the sender\'s new words',
  channel: 'email',
  extensions: ['.msg'],
  signature: 'an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) holding Outlook property streams (__substg1.0_…)',
  binary: true,
  sniff(input) {
    if (!isCompoundFile(input.headBytes)) return 0;
    if (MESSAGE_STREAM_NAMES.some((name) => input.headBytes.includes(name))) return 0.9;
    return input.extension === '.msg' ? 0.6 : 0;
  },
  read(source, options) {
    return readOutlookItem(source, options);
  },
};

async function* readOutlookItem(source: InputSource, options: Parameters<FormatAdapter['read']>[1]): AsyncIterable<AdapterItem> {
  const provenance = { file: source.path };
  if (!isCompoundFile(source.headBytes)) {
    if (source.extension === '.msg' && emlAdapter.sniff(source) > 0) {
      yield* emlAdapter.read(source, options);
      return;
    }
    throw new InputError('not an Outlook item: it does not start with the OLE2 compound file signature (D0 CF 11 E0)', {
      location: { file: source.path },
      hint: 'check that this is an e-mail saved from Outlook (.msg), or name its format instead of detecting it',
    });
  }
  if (source.size > MAX_OUTLOOK_ITEM_BYTES) {
    yield {
      kind: 'rejected',
      code: 'MESSAGE_TOO_LARGE',
      message: `the Outlook item is ${formatBytes(source.size)}, over the ${formatBytes(MAX_OUTLOOK_ITEM_BYTES)} limit for one item; skipped`,
      provenance,
    };
    return;
  }
  const bytes = await source.readBytes(MAX_OUTLOOK_ITEM_BYTES);
  const { outlookItemItems } = await import('../readers/outlook-item.js');
  yield* await outlookItemItems(bytes, { provenance, label: '' }, 0, options.readAttachedFile);
}
