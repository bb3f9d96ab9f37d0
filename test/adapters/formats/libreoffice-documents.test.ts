import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import type { FeedbackRecord } from '../../../src/record/record.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

/** What a record says, whichever format it was read from: its provenance, format and ids left out. */
function said(record: FeedbackRecord): unknown {
  return { channel: record.channel, author: record.author, date: record.date, text: record.text, meta: record.meta };
}

function fixture(format: 'odt' | 'docx' | 'pdf', name: string): string {
  return join(PROJECT_ROOT, 'fixtures/adapters', format, name, `input.${format}`);
}

/** The question a form asks first, unnumbered, answered in boxes. */
const ASKED_AS = 'Are you responding as an individual or on behalf of an organisation?';

/** Each record's text, question and answers: what reading a form should give whatever format it was saved in. */
function answered(result: FileReadResult): unknown[] {
  return recordsOf(result).map((record) => [record.text, record.meta['question'], record.meta['answers']]);
}

describe('documents LibreOffice Writer wrote, as .odt and as .docx from one page', () => {
  test.each(['libreoffice-response', 'libreoffice-contact-only', 'libreoffice-reviewed-draft'])(
    '%s reads to the same records from either format',
    async (name) => {
      const odt = await readFileItems(fixture('odt', name), { displayPath: 'response' });
      const docx = await readFileItems(fixture('docx', name), { displayPath: 'response' });
      expect(recordsOf(odt).map(said)).toEqual(recordsOf(docx).map(said));
      expect(countItems(odt)).toEqual(countItems(docx));
    },
  );

  test('the title LibreOffice writes as a paragraph styled Heading 1 heads the sections, as Word headings do', async () => {
    const records = recordsOf(await readFileItems(fixture('odt', 'libreoffice-response')));
    expect(records.map((record) => record.meta['section'])).toEqual([
      'Response to the partnership agreement consultation',
      ...Array.from(
        { length: 3 },
        () => 'Response to the partnership agreement consultation › Q1. What matters most to you about personalised care?',
      ),
      'Response to the partnership agreement consultation › Q2. What should the partnership do differently?',
      'Response to the partnership agreement consultation › Q2. What should the partnership do differently? › Examples',
    ]);
  });

  test.each(['odt', 'docx'] as const)(
    'an About you table of a name and an e-mail is never stored (%s), and an organisation row is an answer',
    async (format) => {
      for (const name of ['libreoffice-response', 'libreoffice-contact-only']) {
        const result = await readFileItems(fixture(format, name));
        const stored = JSON.stringify(recordsOf(result));
        expect(stored).not.toMatch(/jane/i);
        const organisation = recordsOf(result).map(
          (record) => (record.meta['answers'] as Record<string, string> | undefined)?.['Organisation'],
        );
        expect(new Set(organisation)).toEqual(new Set([name === 'libreoffice-response' ? 'Anytown Carers Network' : undefined]));
        expect(recordsOf(result).some((record) => record.text === 'Anytown Carers Network')).toBe(false);
      }
    },
  );
});

describe('a response form LibreOffice saved as PDF, OpenDocument and Word, declining publication', () => {
  test.each(['pdf', 'odt', 'docx'] as const)(
    '%s: the name and e-mail are never stored, and every record carries the refusal',
    async (format) => {
      const path = join(PROJECT_ROOT, 'fixtures/adapters', format, 'libreoffice-form-declined', `input.${format}`);
      const records = recordsOf(await readFileItems(path));
      expect(JSON.stringify(records)).not.toMatch(/peter|okafor/i);
      expect(records.map((record) => record.text)).toEqual(
        expect.arrayContaining([
          'Opening until eight on weekday evenings, so that I can come after work with my children.',
          'A quiet room for homework would help a lot of families on our estate.',
        ]),
      );
      expect(records.map((record) => (record.meta['answers'] as Record<string, string>)['May we publish your response?'])).toEqual(
        records.map(() => 'No'),
      );
      expect(records.map((record) => (record.meta['answers'] as Record<string, string>)[ASKED_AS])).toEqual(
        records.map(() => 'An individual'),
      );
    },
  );

  test('the PDF reads to the same records, questions and answers as the .odt it was saved from', async () => {
    const pdf = await readFileItems(fixture('pdf', 'libreoffice-form-declined'));
    expect(answered(pdf)).toEqual(answered(await readFileItems(fixture('odt', 'libreoffice-form-declined'))));
  });
});

describe('a bilingual form filled in Word and saved as PDF by LibreOffice', () => {
  test('the PDF reads to the record, question and answers of the .docx: placeholders, labels and questions are no records', async () => {
    const pdf = await readFileItems(fixture('pdf', 'libreoffice-welsh-form'));
    expect(answered(pdf)).toEqual(answered(await readFileItems(fixture('docx', 'welsh-form'))));
    expect(answered(pdf)).toHaveLength(1);
    expect(JSON.stringify(recordsOf(pdf))).not.toMatch(/Siân|Cliciwch|Dewiswch/);
  });
});

describe("a draft LibreOffice saved with reviewers' comments", () => {
  test.each(['odt', 'docx'] as const)(
    '%s: each comment is a record with its reviewer, date and the words it was made on',
    async (format) => {
      const records = recordsOf(await readFileItems(fixture(format, 'libreoffice-reviewed-draft')));
      expect(records.map((record) => [record.author, record.date, record.meta['commentedText']])).toEqual([
        ['Priya Shah', '2024-04-02T10:15:00.000Z', 'work with people who draw on care and support'],
        ['Tom Reid', '2024-04-03T09:00:00.000Z', 'Everyone will have a named contact.'],
      ]);
    },
  );
});

describe('a letter LibreOffice saved as Word, OpenDocument and PDF', () => {
  const said = [
    'Response to the partnership agreement consultation',
    'Thank you for the chance to respond. We are a user-led organisation of 300 members, most of them unpaid carers of older relatives, and we met twice in February to discuss the draft agreement.',
    'First, our members want to be involved from the start. Too often carers are asked for their views once decisions have already been made, and the co-production group in our area was closed in 2023 without notice.',
    'Second, information should be in one place and in easy read. Several members told us they found out about the carers’ assessment from another carer, not from the council.',
    'We would welcome the chance to discuss this with you.',
  ];

  test.each([
    ['docx', 'libreoffice-letter'],
    ['odt', 'libreoffice-letter'],
    ['pdf', 'libreoffice-letter'],
    ['pdf', 'libreoffice-letter-lines'],
  ] as const)(
    '%s (%s): only what the letter says is stored; addresses, date, salutation and signature are filtered',
    async (format, name) => {
      const result = await readFileItems(fixture(format, name));
      expect(recordsOf(result).map((record) => record.text)).toEqual(said);
      expect(JSON.stringify(recordsOf(result))).not.toMatch(/Jane Smith|High Street|AN1 2BC|01632|SE1 7QW/);
      const filtered = result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []));
      expect(new Set(filtered)).toEqual(
        new Set(['contact details', 'letter date', 'letter reference', 'letter salutation', 'letter sign-off and signature']),
      );
    },
  );
});
