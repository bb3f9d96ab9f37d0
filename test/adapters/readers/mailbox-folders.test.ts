import { describe, expect, test } from '@jest/globals';
import { mailboxFolderFilter } from '../../../src/adapters/readers/mailbox-folders.js';

describe('mailboxFolderFilter', () => {
  test.each([
    ['Sent', 'not-feedback'],
    ['Sent Messages.mbox', 'not-feedback'],
    ['profile/Mail/Local Folders/Sent Items', 'not-feedback'],
    ['Drafts.mbox', 'not-feedback'],
    ['Unsent Messages', 'not-feedback'],
    ['Trash', 'deleted'],
    ['Deleted Items.mbx', 'deleted'],
    ['Junk', 'spam'],
    ['takeout/Mail/Spam.mbox', 'spam'],
  ])("a mailbox file named as a mail client's folder (%s) is filtered %s", (path, rule) => {
    expect(mailboxFolderFilter(path, 'mailbox-file')?.rule).toBe(rule);
  });

  test.each(['Inbox', 'consultation-replies.mbox', 'All mail Including Spam and Trash.mbox', 'Sent feedback.mbox', 'sent/replies.mbox'])(
    'any other mailbox file (%s) is read',
    (path) => {
      expect(mailboxFolderFilter(path, 'mailbox-file')).toBeNull();
    },
  );

  test('a message file is judged by the nearest mailbox folder above it, as Apple Mail keeps them', () => {
    expect(mailboxFolderFilter('Mail/V10/IMAP/Sent Messages.mbox/Messages/4127.emlx', 'message-file')).toEqual({
      rule: 'not-feedback',
      detail: `in the mail client's "Sent Messages" folder: sent from this mailbox (the organisation's own messages)`,
    });
    expect(mailboxFolderFilter('Mail/[Gmail].mbox/Spam.mbox/UUID/Data/Messages/9.emlx', 'message-file')?.rule).toBe('spam');
    expect(mailboxFolderFilter('Mail/Sent Messages.mbox/Consultation.mbox/Messages/1.emlx', 'message-file')).toBeNull();
    expect(mailboxFolderFilter('Mail/INBOX.mbox/Messages/1.emlx', 'message-file')).toBeNull();
    expect(mailboxFolderFilter('Sent/1.emlx', 'message-file')).toBeNull();
    expect(mailboxFolderFilter('/tmp/1.emlx', 'message-file')).toBeNull();
  });
});
