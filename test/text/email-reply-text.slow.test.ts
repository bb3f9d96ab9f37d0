import { describe, expect, test } from '@jest/globals';
import { extractReplyText } from '../../src/text/email-reply-text.js';

// Bodies of 20,000 to 400,000 lines or words: a pattern that backtracked would not finish, which
// no shorter body shows without timing it. In npm test, not in npm run test:fast.

describe('extractReplyText on very long bodies', () => {
  test('a very long body without line breaks is handled (no catastrophic backtracking)', () => {
    const body = 'word '.repeat(400_000);
    expect(extractReplyText(body)).toBe(body.trim());
  });

  test('many lines ending with a colon are handled (no catastrophic backtracking)', () => {
    const body = 'On 1 May, this and that:\n'.repeat(50_000);
    expect(extractReplyText(body)).toBe(body.trim());
  });

  test('many lines that each hold an attribution after some words are handled in linear time', () => {
    const body = 'ok On Mon, 1 May 2023 at 10:00, Bob <bob@example.org> wrote:\n'.repeat(20_000);
    expect(extractReplyText(body)).toBe('ok');
  });

  test('many header-field lines and short separators are handled in linear time', () => {
    const body = 'Hello\n' + 'From: a\nTo: b\n__\n'.repeat(20_000);
    expect(extractReplyText(body)).toBe('Hello');
  });
});
