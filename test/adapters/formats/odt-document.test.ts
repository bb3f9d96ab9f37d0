import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { buildDocx, paragraph } from '../../builders/docx-documents.js';
import {
  annotation,
  buildOdt,
  drawControl,
  formControl,
  odtConfidentialForm,
  odtEventNotes,
  odtFormControls,
  odtLikertGrid,
  odtReviewedDraft,
} from '../../builders/odt-documents.js';
import { encryptedOpenDocument } from '../../builders/ods-spreadsheets.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-odt-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function read(name: string, bytes: Buffer): Promise<FileReadResult> {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return readFileItems(path, { displayPath: name });
}

describe('odt', () => {
  test.each([
    ['event-notes', odtEventNotes],
    ['reviewed-draft', odtReviewedDraft],
    ['confidential-form', odtConfidentialForm],
    ['form-controls', odtFormControls],
    ['likert-grid', odtLikertGrid],
  ])('the %s fixture input is generated reproducibly by test/builders/odt-documents.ts', (name, build) => {
    const bytes = build();
    expect(build().equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, `fixtures/adapters/odt/${name}/input.odt`);
    expectGoldenBytes(path, bytes);
  });

  test('notes are shaped as from a Word document: sections, list labels, parents, tables, contact rows', async () => {
    const result = await read('notes.odt', odtEventNotes());
    expect(result.format).toBe('odt');
    expect(countItems(result)).toEqual({ record: 6, 'filtered:not-feedback': 1, warning: 1 });
    expect(recordsOf(result).map((record) => ({ text: record.text, ...record.meta }))).toEqual([
      { text: 'More respite care, please—at weekends too', section: 'Day 2 › Workshop B › Table 5' },
      { text: 'Saturday mornings', section: 'Day 2 › Workshop B › Table 5', parent: 'More respite care, please—at weekends too' },
      { text: 'Transport to the day centre', section: 'Day 2 › Workshop B › Table 5' },
      { text: 'Buses stop at six.\nThe community transport is booked weeks ahead.', section: 'Day 2 › Workshop B' },
      { text: 'Text box: call the helpline', section: 'Day 2 › Workshop B' },
      {
        text: 'Being listened to, and having one person who knows our story.',
        section: 'Day 2 › Workshop B',
        question: 'Q1. What matters most to you?',
      },
    ]);
    expect(recordsOf(result)[0]).toMatchObject({ channel: 'event-note', author: null, date: '2024-03-04T17:30:00.000Z' });
  });

  test('a spreadsheet or a Word document named .odt is refused saying what it is; so are a truncated one and one saved with a password', async () => {
    expect((await read('sheet.odt', buildOdt({ text: '', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' }))).error).toBe(
      'sheet.odt: an OpenDocument spreadsheet, not an OpenDocument text (.odt) document',
    );
    expect((await read('word.odt', buildDocx({ body: paragraph('x') }))).error).toBe(
      'word.odt: a Word document, not an OpenDocument text (.odt) document',
    );
    const whole = odtEventNotes();
    expect((await read('cut.odt', whole.subarray(0, 200))).error).toContain('cut.odt: cannot read the OpenDocument text');
    expect((await read('locked.odt', encryptedOpenDocument('application/vnd.oasis.opendocument.text'))).error).toBe(
      'locked.odt: the OpenDocument text is password-protected (encrypted); tlap cannot read it',
    );
  });

  test('an OpenDocument text is recognised by its mimetype whatever its name; a Word zip is not', () => {
    const sniff = (path: string, bytes: Buffer) =>
      detectFormat(ADAPTERS, { path, extension: path.slice(path.lastIndexOf('.')), headText: '', headBytes: bytes })?.adapter.name;
    expect(sniff('download.bin', odtEventNotes())).toBe('odt');
    expect(sniff('download.bin', buildDocx({ body: paragraph('x') }))).toBe('docx');
  });

  test('a draft sent back with comments and tracked changes: each comment and edit a record, its own text not read', async () => {
    const result = await read('draft.odt', odtReviewedDraft());
    expect(countItems(result)).toEqual({ record: 5, warning: 1 });
    expect(
      recordsOf(result).map(({ author, date, text, inReplyTo, meta }) => ({ author, date, text, reply: inReplyTo !== null, ...meta })),
    ).toEqual([
      {
        author: 'Jane Smith',
        date: '2024-03-05T10:12:00.123Z',
        text: 'Should this say unpaid carers too?',
        reply: false,
        section: 'Our shared commitments',
        commentedText: 'personalised care and support',
        resolved: true,
      },
      {
        author: 'TLAP team',
        date: '2024-03-08T16:45:00.000Z',
        text: 'Agreed: we will add carers.',
        reply: true,
        section: 'Our shared commitments',
        commentedText: 'personalised care and support',
      },
      {
        author: 'Anytown Carers Network',
        date: '2024-03-06T09:00:00.000Z',
        text: 'We support pooled budgets.\nBut who decides how they are spent?',
        reply: false,
        section: 'Our shared commitments',
        commentedText: 'Councils, the NHS and providers will share budgets and plan services with the people who use them.',
      },
      {
        author: 'Ahmed Khan',
        date: '2024-03-07T09:30:00.000Z',
        text: 'Please say how: easy read versions, and not only online.',
        reply: false,
        section: 'How we will work',
        commentedText: 'We will publish what people tell us, in easy read too.',
      },
      {
        author: 'Ahmed Khan',
        date: '2024-03-07T09:40:00.000Z',
        text: 'what people tell us, in easy read too',
        reply: false,
        change: 'replacement',
        deletedText: 'what we learn',
        commentedText: 'We will publish what we learn.',
        section: 'How we will work',
      },
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : []))).toEqual([
      "read as a draft with reviewers' comments and tracked changes: 4 comments and 1 suggested edit by 4 reviewers read; the document's own text, the draft they are on, is not read",
    ]);
    const [first, reply] = recordsOf(result);
    expect(reply?.inReplyTo).toBe(first?.sourceId);
  });

  test('notes carrying a comment are read for their own text too with the documentText option', async () => {
    const text = `<text:p>More respite, please.${annotation({ creator: 'Editor', date: '2024-03-05T10:00:00', paragraphs: ['check spelling'] })}</text:p><text:p>Transport to the centre.</text:p>`;
    const path = join(folder, 'notes.odt');
    writeFileSync(path, buildOdt({ text }));
    const result = await readFileItems(path, { displayPath: 'notes.odt', documentText: true });
    expect(recordsOf(result).map((record) => [record.provenance.part, record.text])).toEqual([
      ['comment 1', 'check spelling'],
      ['paragraph 1', 'More respite, please.'],
      ['paragraph 2', 'Transport to the centre.'],
    ]);
  });

  test('a form made with LibreOffice form controls is read as answered: its choices are closed answers, its written answer a note', async () => {
    const result = await read('form.odt', odtFormControls());
    expect(countItems(result)).toEqual({ record: 1, 'filtered:not-feedback': 4 });
    const answers = {
      'Are you responding as an individual or on behalf of an organisation?': 'An individual',
      'Which area do you live in?': 'Northgate',
      'Which services do you use?': 'Day centre; Respite',
      'May we publish your response?': 'No',
    };
    expect(recordsOf(result).map((record) => ({ text: record.text, ...record.meta }))).toEqual([
      {
        text: 'Longer opening on Fridays, and transport that waits for us.',
        section: 'Day services review: response form',
        question: 'Q1. What would make the day centre better?',
        answers,
      },
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []))).toEqual([
      'tick-box answer',
      'tick-box answer',
      'tick-box answer',
      'consent to publish',
    ]);
  });

  test('a control shows its state where its draw:control stands: among words, by form:id alone, or not at all when it is unknown', async () => {
    const form = (forms: string, text: string) => read('f.odt', buildOdt({ forms, text }));
    const texts = async (forms: string, text: string) => recordsOf(await form(forms, text)).map((record) => record.text);
    const listbox = formControl({ kind: 'listbox', id: 'c1', options: [{ label: 'Central' }, { label: 'Northgate', selected: true }] });
    expect(await texts(listbox, `<text:p>We go to the ${drawControl('c1')} library on Saturdays.</text:p>`)).toEqual([
      'We go to the Northgate library on Saturdays.',
    ]);
    const combobox = formControl({ kind: 'combobox', id: 'c2', value: 'Westfield', options: ['Central', 'Northgate'] });
    expect(await texts(combobox, `<text:p>Nearest library: ${drawControl('c2')}</text:p>`)).toEqual(['Nearest library: Westfield']);
    const byFormId = formControl({ kind: 'checkbox', id: 'c3', label: 'Call me back', checked: true, idAttribute: 'form' });
    expect(
      await texts(byFormId, `<text:p>${drawControl('c3')}</text:p><text:p>${drawControl('missing')}The buses stop at six.</text:p>`),
    ).toEqual(['☒ Call me back', 'The buses stop at six.']);
  });

  test('a text box filled in on screen is the respondent’s words, read where it stands', async () => {
    const typed = formControl({ kind: 'textarea', id: 'c4', value: 'The library is our only quiet space.\nPlease keep it open.' });
    const result = await read(
      'f.odt',
      buildOdt({
        forms: typed,
        text: `<text:p>Q2. What would help you use the library more?</text:p><text:p>${drawControl('c4')}</text:p>`,
      }),
    );
    expect(recordsOf(result).map((record) => record.text)).toContain('The library is our only quiet space.\nPlease keep it open.');
  });

  test('a check box saved unchecked is ☐ whatever its default; a radio button unselected likewise', async () => {
    const result = await read(
      'f.odt',
      buildOdt({
        forms: [
          formControl({ kind: 'checkbox', id: 'c1', label: 'Yes', defaultChecked: true }),
          formControl({ kind: 'checkbox', id: 'c2', label: 'No', checked: true }),
          formControl({ kind: 'radio', id: 'c3', label: 'Email', defaultSelected: true }),
          formControl({ kind: 'radio', id: 'c4', label: 'Post', selected: true }),
        ].join(''),
        text: [
          '<text:p>The library is our only quiet space.</text:p>',
          '<text:p>May we publish your response?</text:p>',
          `<text:p>${drawControl('c1')}${drawControl('c2')}</text:p>`,
          '<text:p>How should we reply?</text:p>',
          `<text:p>${drawControl('c3')}${drawControl('c4')}</text:p>`,
        ].join(''),
      }),
    );
    expect(recordsOf(result).map((record) => ({ text: record.text, ...record.meta }))).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'No', 'How should we reply?': 'Post' } },
    ]);
  });
});
