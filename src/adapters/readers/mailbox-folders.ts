import { basename, dirname, extname } from 'node:path';
import type { MailboxFilter } from './email-message.js';

interface FolderRule {
  rule: MailboxFilter['rule'];
  what: string;
}

/** Folder names (lower case) of a mail client's own folders, and what each holds: none of it is anyone's feedback. */
const FOLDERS: ReadonlyArray<{ names: readonly string[] } & FolderRule> = [
  {
    names: ['sent', 'sent items', 'sent mail', 'sent messages', 'sent-mail'],
    rule: 'not-feedback',
    what: "sent from this mailbox (the organisation's own messages)",
  },
  { names: ['outbox', 'unsent messages'], rule: 'not-feedback', what: 'waiting to be sent from this mailbox' },
  { names: ['drafts', 'draft'], rule: 'not-feedback', what: 'unsent drafts' },
  { names: ['templates'], rule: 'not-feedback', what: "the mailbox owner's templates" },
  { names: ['trash', 'deleted items', 'deleted messages', 'deleted', 'bin'], rule: 'deleted', what: 'deleted messages' },
  { names: ['junk', 'junk e-mail', 'junk email', 'junk mail', 'spam', 'bulk mail'], rule: 'spam', what: 'messages marked as junk' },
];

const FOLDER_RULES: ReadonlyMap<string, FolderRule> = new Map(
  FOLDERS.flatMap(({ names, rule, what }) => names.map((name) => [name, { rule, what }] as const)),
);

/** Extensions a mailbox file or Apple Mail's mailbox folder carries after the folder's name. */
const MAILBOX_EXTENSIONS = new Set(['.mbox', '.mbx']);

/**
 * Why every message of a mailbox is no feedback, from the mail client's folder it was saved from:
 * a mailbox file named as the folder (Thunderbird's `Sent`, `Trash`, `Junk`; Apple Mail's and
 * Gmail Takeout's `Sent Messages.mbox`, `Drafts.mbox`, `Spam.mbox`), or, for a message kept as a
 * file of its own (Apple Mail's `.emlx`), the nearest folder above it that is a mailbox
 * (`Sent Messages.mbox/Messages/1234.emlx`). Null for any other file: an inbox, an archive, a
 * folder the user named.
 */
export function mailboxFolderFilter(path: string, kept: 'mailbox-file' | 'message-file'): MailboxFilter | null {
  if (kept === 'mailbox-file') return folderFilter(basename(path));
  for (let folder = dirname(path); dirname(folder) !== folder; folder = dirname(folder)) {
    const name = basename(folder);
    if (MAILBOX_EXTENSIONS.has(extname(name).toLowerCase())) return folderFilter(name);
  }
  return null;
}

function folderFilter(fileName: string): MailboxFilter | null {
  const extension = extname(fileName);
  const name = (MAILBOX_EXTENSIONS.has(extension.toLowerCase()) ? fileName.slice(0, -extension.length) : fileName).trim();
  const found = FOLDER_RULES.get(name.toLowerCase());
  return found === undefined ? null : { rule: found.rule, detail: `in the mail client's "${name}" folder: ${found.what}` };
}
