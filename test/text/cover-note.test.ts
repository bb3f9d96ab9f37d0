import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCoverNote, isOnlyAttachmentPointer } from '../../src/text/cover-note.js';
import { extractReply } from '../../src/text/email-reply-text.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

interface LabelledNote {
  pointer: boolean;
  text: string;
}

function labelled(name: string): LabelledNote[] {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/text/cover-notes', name), 'utf8')) as LabelledNote[];
}

/** The rule's hits on a labelled set, each note read as an e-mail's new words are (sign-offs with names taken off first). */
function score(notes: readonly LabelledNote[]): { truePositives: number; falsePositives: number; falseNegatives: number } {
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const note of notes) {
    const found = isCoverNote(extractReply(note.text, { senderName: null }).text);
    if (found && note.pointer) counts.truePositives += 1;
    else if (found) counts.falsePositives += 1;
    else if (note.pointer) counts.falseNegatives += 1;
  }
  return counts;
}

describe('isCoverNote on the labelled cover notes (fixtures/text/cover-notes)', () => {
  test('the set it was shaped on: all 22 pointers found, none of the 16 substantive notes', () => {
    expect(score(labelled('notes.json'))).toEqual({ truePositives: 22, falsePositives: 0, falseNegatives: 0 });
  });

  test('the held-out set: 4 of 6 pointers found, none of the 4 substantive notes (a miss keeps the note)', () => {
    expect(score(labelled('holdout.json'))).toEqual({ truePositives: 4, falsePositives: 0, falseNegatives: 2 });
  });
});

describe('isCoverNote', () => {
  test("a pointer with a view beside it is the sender's own say", () => {
    expect(isCoverNote('Please find attached our response. We oppose the closure of the day centre.')).toBe(false);
  });

  test('a note that points at nothing is no cover note, however short', () => {
    expect(isCoverNote('Thanks,\nJane')).toBe(false);
    expect(isCoverNote('')).toBe(false);
  });

  test('"on behalf of" is a courtesy, but the view after it is not', () => {
    expect(isCoverNote('On behalf of the forum, please find our submission attached.')).toBe(true);
    expect(isCoverNote('On behalf of the forum we object to the plan; our submission is attached.')).toBe(false);
  });

  test('a long note is never a cover note', () => {
    expect(isCoverNote(`Please find attached. ${'Thank you for the opportunity to respond. '.repeat(20)}`)).toBe(false);
  });
});

describe('isOnlyAttachmentPointer: a text that only says its words are in an attached file', () => {
  test.each([
    'See attached file(s)',
    'See Attached',
    'Please see attached comments.',
    'see attachment',
    '"See attached."',
    'Attached',
    'Comments attached',
    'Our comments are attached.',
    'Please find attached',
    'See the attached letter',
  ])('%s', (text) => {
    expect(isOnlyAttachmentPointer(text)).toBe(true);
  });

  test.each([
    'See attached. I oppose the closure of the day centre.',
    'I have attached my views on the rule',
    'Attached is a photo of the broken bench by the lake',
    'Please see the bus timetable: it stops at six',
    '',
  ])('not: %s', (text) => {
    expect(isOnlyAttachmentPointer(text)).toBe(false);
  });
});
