import { describe, expect, test } from '@jest/globals';
import { detectFormat } from '../../src/adapters/format-detection.js';
import type { SniffInput } from '../../src/adapters/format-adapter.js';
import { ADAPTERS } from '../../src/adapters/registry.js';

function input(path: string, headText: string): SniffInput {
  const dot = path.lastIndexOf('.');
  return { path, extension: dot === -1 ? '' : path.slice(dot).toLowerCase(), headText, headBytes: Buffer.from(headText, 'utf8') };
}

const MESSAGE = 'Received: from a by b; Mon, 19 May 2014 11:00:00 +0000\nFrom: Lee <lee@example.org>\nSubject: x\n\nBody\n';
const MAILBOX = `From lee@example.org Mon May 19 11:00:00 2014\n${MESSAGE}`;

describe('detecting e-mail files without --format', () => {
  test.each([
    ['inbox.mbox', MAILBOX, 'mbox', 'extension'],
    ['Inbox', MAILBOX, 'mbox', 'content'],
    ['message.eml', MESSAGE, 'eml', 'extension'],
    ['message.eml', MAILBOX, 'eml', 'extension'],
    ['2024-March.txt', MAILBOX, 'mbox', 'extension'],
    ['message.txt', MESSAGE, 'eml', 'extension'],
    ['message', MESSAGE, 'eml', 'content'],
  ])('%s', (path, head, format, reason) => {
    expect(detectFormat(ADAPTERS, input(path, head))).toMatchObject({ adapter: { name: format }, reason });
  });

  test.each([
    ['notes', 'From here on, we meet on Mondays.\nBring a friend.\n'],
    ['settings', 'from: monday\nto: friday\nsubject: rota\n'],
    ['letter', 'Dear team,\nFrom: me\n'],
  ])('%s is not taken for e-mail', (path, head) => {
    expect(detectFormat(ADAPTERS, input(path, head))).toBeNull();
  });
});
