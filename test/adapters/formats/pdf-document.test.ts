import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { MAX_PDF_BYTES, MAX_PDF_PAGES, pdfDate, pdfDocumentAdapter } from '../../../src/adapters/formats/pdf-document.js';
import { isContactLine } from '../../../src/adapters/readers/contact-lines.js';
import { pageLines, type PdfTextRun } from '../../../src/adapters/readers/pdf-layout.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { InputError } from '../../../src/errors.js';
import type { InputSource } from '../../../src/source/input-source.js';
import {
  buildPdf,
  bulleted,
  fillableForm,
  heading,
  layoutPages,
  para,
  PDF_FIXTURE_INPUTS,
  type PdfBlock,
  type PdfCheckBox,
  type PdfContent,
  type PdfPage,
  type PdfText,
  TEXT_WIDTH,
  reviewedDraft,
  tickedForm,
  typedOnForm,
  wrap,
} from '../../builders/pdf-documents.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { propertyRuns } from '../../helpers/property-runs.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

describe('pdf fixture inputs are generated reproducibly by test/builders/pdf-documents.ts', () => {
  test.each(Object.entries(PDF_FIXTURE_INPUTS))('%s', (name, input) => {
    const bytes = input.build();
    expect(input.build().equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, 'fixtures/adapters/pdf', name, input.name);
    expectGoldenBytes(path, bytes);
  });
});

const folder = mkdtempSync(join(tmpdir(), 'tlap-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function read(bytes: Buffer, options: { channel?: 'survey' } = {}, name = 'n.pdf'): Promise<FileReadResult> {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return readFileItems(path, { displayPath: name, ...options });
}

async function readPages(pages: readonly (readonly PdfBlock[])[], content: Omit<PdfContent, 'pages'> = {}): Promise<FileReadResult> {
  const result = await read(buildPdf({ ...content, pages: layoutPages(pages) }));
  expect(result.error).toBeNull();
  return result;
}

/** The records' text and meta, as the notes tests show them. */
function notesOf(result: FileReadResult): Record<string, unknown>[] {
  return recordsOf(result).map((record) => ({ text: record.text, ...record.meta }));
}

/** The filtered items' details. */
function filteredOf(result: FileReadResult): (string | undefined)[] {
  return result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []));
}

describe('pdf paragraphs and headings', () => {
  test('each paragraph is a record located by page and paragraph; lines of a paragraph are joined', async () => {
    const result = await readPages([
      [
        para('The park is the best thing about living here.'),
        { lines: ['We go every day with the children, and in the summer we meet', 'our neighbours there most evenings.'], justify: true },
      ],
      [para('Please keep it open.')],
    ]);
    expect(recordsOf(result).map((record) => [record.text, record.provenance.part])).toEqual([
      ['The park is the best thing about living here.', 'page 1, paragraph 1'],
      ['We go every day with the children, and in the summer we meet our neighbours there most evenings.', 'page 1, paragraph 2'],
      ['Please keep it open.', 'page 2, paragraph 1'],
    ]);
    expect(result.format).toBe('pdf');
    expect(recordsOf(result).every((record) => record.channel === 'event-note' && record.author === null)).toBe(true);
  });

  test('lines larger than the body text set the section path by size, like docx headings, and are no records', async () => {
    const result = await readPages([
      [
        { lines: ['Carers’ forum'], size: 20, font: 'bold' },
        heading('Day 1'),
        para('One idea.'),
        heading('Day 2'),
        { lines: ['Workshop B'], size: 13, font: 'bold' },
        para('Another idea.'),
      ],
    ]);
    expect(notesOf(result)).toEqual([
      { text: 'One idea.', section: 'Carers’ forum › Day 1' },
      { text: 'Another idea.', section: 'Carers’ forum › Day 2 › Workshop B' },
    ]);
  });

  test('a long passage in a larger size is text, not a heading', async () => {
    const long =
      'An introduction set in a larger size, which runs on well past what any heading would say, over several lines of the page.';
    const result = await readPages([[{ lines: wrap(long, TEXT_WIDTH, 14), size: 14 }, para('Body text.'), para('More body text.')]]);
    expect(notesOf(result).map((note) => note.text)).toEqual([long, 'Body text.', 'More body text.']);
  });

  test('paragraphs set without space between them are told apart by a first-line indent after a short line, or a new sentence after one', async () => {
    const result = await readPages([
      [
        { lines: ['The buses stop at six, so carers who work cannot use them to get to the day', 'centre.'], justify: true },
        { lines: ['Parking is full by nine.'], firstX: 90, spaceBefore: 0 },
        { lines: ['The café closes at two.'], spaceBefore: 0 },
      ],
    ]);
    expect(notesOf(result).map((note) => note.text)).toEqual([
      'The buses stop at six, so carers who work cannot use them to get to the day centre.',
      'Parking is full by nine.',
      'The café closes at two.',
    ]);
  });

  test('text set in a column narrower than the page wraps at the column’s edge, not the page’s', async () => {
    const text =
      'Everyone agreed that the carers’ assessment is hard to find out about, and that the information pack should be sent to every new carer.';
    const result = await readPages([
      [{ lines: wrap(text, 200) }, { lines: wrap('A second paragraph, set in the same narrow column.', 200) }],
    ]);
    expect(notesOf(result).map((note) => note.text)).toEqual([text, 'A second paragraph, set in the same narrow column.']);
  });

  test('a line ended on purpose keeps its line break within the paragraph', async () => {
    const result = await readPages([[{ lines: ['What we want:', 'more benches and', 'longer opening hours'] }]]);
    expect(notesOf(result).map((note) => note.text)).toEqual(['What we want:\nmore benches and\nlonger opening hours']);
  });

  test('a paragraph running off the foot of a page mid-sentence goes on at the top of the next', async () => {
    const text =
      'The community transport is booked weeks ahead and the last bus to the day centre leaves at six, so carers who work cannot use it.';
    const wrapped = wrap(text);
    const result = await readPages([[{ lines: wrapped.slice(0, 1) }], [{ lines: wrapped.slice(1) }, para('A new paragraph.')]]);
    expect(recordsOf(result).map((record) => [record.text, record.provenance.part])).toEqual([
      [text, 'page 1, paragraph 1'],
      ['A new paragraph.', 'page 2, paragraph 1'],
    ]);
  });

  test('turned text (a watermark) is not read', async () => {
    const pages = layoutPages([[para('Our view.')]]);
    const texts: PdfText[] = [...(pages[0]?.texts ?? []), { text: 'DRAFT', x: 200, y: 400, size: 60, rotate: 45 }];
    const result = await read(buildPdf({ pages: [{ texts }] }));
    expect(notesOf(result)).toEqual([{ text: 'Our view.' }]);
  });
});

describe('pdf hyphenation', () => {
  const join = async (first: string, second: string) =>
    notesOf(await readPages([[{ lines: [`We have read the proposals with great attention and with ${first}`, second], justify: true }]]))[0]
      ?.text;

  test('a word hyphenated across lines after a lower-case letter is joined when the next line starts lower-case', async () => {
    expect(await join('care-', 'ful thought.')).toBe('We have read the proposals with great attention and with careful thought.');
  });

  test('a hyphen before a capital or a number is kept, with no space', async () => {
    expect(await join('North-', 'East partners.')).toBe('We have read the proposals with great attention and with North-East partners.');
    expect(await join('the 2024-', '2025 budget.')).toBe('We have read the proposals with great attention and with the 2024-2025 budget.');
  });

  test('a dash standing apart at the end of a line is kept with its space', async () => {
    expect(await join('care -', 'and thought.')).toBe('We have read the proposals with great attention and with care - and thought.');
  });

  test('a word the document hyphenates elsewhere keeps its hyphen when it breaks there', async () => {
    const result = await readPages([
      [
        para('A long-term plan.'),
        { lines: ['We have read the proposals with great attention and hope for a long-', 'term plan.'], justify: true },
      ],
    ]);
    expect(notesOf(result)[1]?.text).toBe('We have read the proposals with great attention and hope for a long-term plan.');
  });
});

describe('pdf page furniture', () => {
  const pages = [[para('One.')], [para('Two.')], [para('Three.')]];

  test('a running header and a footer with the page number, repeated on most pages, are filtered; so are bare page numbers', async () => {
    const built = layoutPages(pages, {
      header: 'Anytown Council – parks consultation',
      footer: (page, count) => `Page ${page} of ${count}`,
    });
    const result = await read(buildPdf({ pages: built }));
    expect(notesOf(result).map((note) => note.text)).toEqual(['One.', 'Two.', 'Three.']);
    expect(countItems(result)).toEqual({ record: 3, 'filtered:not-feedback': 6 });
    expect(filteredOf(result).sort()).toEqual([...Array(3).fill('page number'), ...Array(3).fill('running header or footer')].sort());
  });

  test.each([['3'], ['- 3 -'], ['Page 3'], ['3 of 7'], ['– 3 –']])('%s at the foot of a page is a page number', async (footer) => {
    const result = await read(buildPdf({ pages: layoutPages([[para('Our view.')]], { footer: () => footer }) }));
    expect(filteredOf(result)).toEqual(['page number']);
  });

  test('a heading or a paragraph opening every page with the same words but other numbers is text', async () => {
    const opening = (page: number) =>
      `Paragraph 1 of page ${page}: the community transport is booked weeks ahead and the last bus leaves at six${' and later'.repeat(page * 8)}.`;
    const result = await readPages([1, 2, 3].map((page) => [heading(`Section ${page}`), para(opening(page)), para('More.')]));
    expect(notesOf(result)).toEqual(
      [1, 2, 3].flatMap((page) => [
        { text: opening(page), section: `Section ${page}` },
        { text: 'More.', section: `Section ${page}` },
      ]),
    );
  });

  test('a line that is on only one page is text, even at its top', async () => {
    const result = await readPages([[para('Introduction to our response.'), para('One.')], [para('Two.')]]);
    expect(notesOf(result).map((note) => note.text)).toEqual(['Introduction to our response.', 'One.', 'Two.']);
  });
});

describe('pdf contact details', () => {
  test.each([
    'jane@example.org',
    'Email: jane@example.org',
    'E-mail address: jane.example@mail.example.co.uk',
    'Tel: 01234 567890',
    '01234 567890',
    '+44 (0)1234 567890',
    'Mobile: 07700 900123',
    'AT1 2CD',
    'Anytown AT1 2CD',
    'Name: Jane Example',
    'Address: 12 High Street',
    'Postcode: AT1 2CD',
    'Your email address',
    'Postcode',
    'Enw: Siân Jones',
    'Enw / Name: Siân Jones',
    'Cyfeiriad e-bost / Email address: sian@example.org',
    'Rhif ffôn: 01234 567890',
    'Cod post / Postcode',
    'Your name\tPeter Okafor',
    'E-mail address',
    'E-mail\tpeter.okafor@example.net',
    'Email address:\tpeter.okafor@example.net',
    'Enw / Name\tSiân Jones',
  ])('%s is a contact line', (line) => {
    expect(isContactLine(line)).toBe(true);
  });

  test.each([
    'Please email us at jane@example.org about this.',
    'We counted 1,200 visitors in 2023.',
    'Organisation: Anytown Ramblers',
    'The A12 road',
    'Enw’r sefydliad / Name of organisation: Anytown Ramblers',
    'Enw / Organisation: Anytown Ramblers',
    'Named contacts at the council\tnever replied',
    'Organisation\tAnytown Ramblers',
  ])('%s is not a contact line', (line) => {
    expect(isContactLine(line)).toBe(false);
  });

  test('an address block with a postcode, phone or e-mail line is filtered whole; prose mentioning an address is kept', async () => {
    const result = await readPages([
      [
        { lines: ['Friends of Anytown Park', '12 High Street', 'Anytown', 'AT1 2CD'], x: 340 },
        { lines: ['Jane Example', 'Tel: 01234 567890'] },
        para('Please email us at jane@example.org about the park.'),
        { lines: ['We would like a reply by the end of the month, which you can send to', 'jane@example.org'], justify: true },
      ],
    ]);
    expect(notesOf(result).map((note) => note.text)).toEqual([
      'Please email us at jane@example.org about the park.',
      'We would like a reply by the end of the month, which you can send to',
    ]);
    expect(filteredOf(result)).toEqual(['contact details', 'contact details', 'contact details']);
  });

  test('a letter’s date, reference, salutation and sign-off with the signature under it are filtered, the body kept', async () => {
    const result = await readPages([
      [
        para('15 March 2024'),
        para('Our ref: FAP/2024/03'),
        para('Dear Sir or Madam,'),
        para('We support the plan.'),
        para('Yours sincerely,'),
        { lines: ['Jane Example', 'Chair, Friends of Anytown Park'], spaceBefore: 30 },
        heading('Annex'),
        para('More detail.'),
      ],
    ]);
    expect(notesOf(result).map((note) => note.text)).toEqual(['We support the plan.', 'More detail.']);
    expect(filteredOf(result)).toEqual([
      'letter date',
      'letter reference',
      'letter salutation',
      'letter sign-off and signature',
      'letter sign-off and signature',
    ]);
  });
});

describe('pdf lists', () => {
  test('bullets drawn apart (•, o, Word’s Symbol bullet) are list items nested by indentation, the bullet removed', async () => {
    const result = await readPages([
      [
        para('What we want:'),
        bulleted(0, 'More benches'),
        bulleted(1, 'by the pond'),
        {
          ...bulleted(0, 'Longer opening hours in the winter months, so that people can walk after work'),
          bullet: { text: '•', font: 'symbol' },
        },
        para('That is all.'),
      ],
    ]);
    expect(notesOf(result)).toEqual([
      { text: 'More benches', section: 'What we want:' },
      { text: 'by the pond', section: 'What we want:', parent: 'More benches' },
      { text: 'Longer opening hours in the winter months, so that people can walk after work', section: 'What we want:' },
      { text: 'That is all.' },
    ]);
  });

  test('bullets and numbers typed in the line are list items; numbers stay in the text', async () => {
    const item = (text: string, x = 72): PdfBlock => ({ lines: [text], x, spaceBefore: 0 });
    const result = await readPages([[item('– Buses'), item('– Parking'), item('1. Toilets'), item('a) at the bandstand', 90)]]);
    expect(notesOf(result)).toEqual([
      { text: 'Buses' },
      { text: 'Parking' },
      { text: '1. Toilets' },
      { text: 'a) at the bandstand', parent: '1. Toilets' },
    ]);
  });

  test('a wrapped line of prose that starts with a dash is no list item', async () => {
    const result = await readPages([
      [
        {
          lines: ['The park is what makes this part of town worth living in for young families', '– and for older people.'],
          justify: true,
        },
      ],
    ]);
    expect(notesOf(result).map((note) => note.text)).toEqual([
      'The park is what makes this part of town worth living in for young families – and for older people.',
    ]);
  });
});

describe('pdf response forms', () => {
  test('the paragraphs under `Question N` carry it in meta.question; the question is no record', async () => {
    const result = await readPages([
      [
        para('Question 1: Do you agree?'),
        para('Yes.'),
        para('Mostly.'),
        para('Q2. Anything else?'),
        para('No.'),
        heading('About you'),
        para('Retired.'),
      ],
    ]);
    expect(notesOf(result)).toEqual([
      { text: 'Yes.', question: 'Question 1: Do you agree?' },
      { text: 'Mostly.', question: 'Question 1: Do you agree?' },
      { text: 'No.', question: 'Q2. Anything else?' },
      { text: 'Retired.', section: 'About you' },
    ]);
  });

  test('an answer in tick boxes under `Question N` is no record: its ticked options answer the question in meta.answers', async () => {
    const result = await readPages([
      [
        para('Question 1: Are you responding as an individual or for an organisation?'),
        para('[x] An individual [ ] An organisation'),
        para('Question 2: What would help?'),
        para('A bus on Sundays.'),
        para('Question 3: May we publish your response?'),
        para('Yes [x] No [ ]'),
      ],
    ]);
    expect(countItems(result)).toEqual({ record: 1, 'filtered:not-feedback': 2 });
    expect(recordsOf(result).map((record) => record.meta)).toEqual([
      {
        question: 'Question 2: What would help?',
        answers: {
          'Question 1: Are you responding as an individual or for an organisation?': 'An individual',
          'Question 3: May we publish your response?': 'Yes',
        },
      },
    ]);
  });
});

describe('pdf fillable forms', () => {
  test('the values of a filled-in form’s text fields are read where their boxes are; contact fields are filtered, the organisation is an answer about the respondent', async () => {
    const result = await read(fillableForm());
    const answers = { Organisation: 'Anytown Ramblers' };
    expect(notesOf(result)).toEqual([
      {
        text: 'Mostly. Opening at seven is right for dog walkers and people going to work.',
        section: 'Draft parks strategy: response form › Your views',
        question: 'Question 1: Do you agree with the proposed opening hours?',
        answers,
      },
      {
        text: 'But closing at dusk in winter means the park is shut by four, when children come out of school. Please keep it open until six all year.',
        section: 'Draft parks strategy: response form › Your views',
        question: 'Question 1: Do you agree with the proposed opening hours?',
        answers,
      },
      {
        text: 'Mark the footpaths that link the parks.',
        section: 'Draft parks strategy: response form › Your views',
        question: 'Question 2: What else should the strategy do?',
        answers,
      },
    ]);
    expect(filteredOf(result)).toEqual(['contact details', 'answer about the respondent', 'contact details', 'contact details']);
    expect(JSON.stringify(result.items)).not.toMatch(/Sam Sample|sam\.sample/);
  });

  test.each([
    ['fullName'],
    ['Your name'],
    ['email_address'],
    ['Postcode'],
    ['Address line 2'],
    ['telephone'],
    ['Enw / Name'],
    ['Cyfeiriad e-bost'],
  ])('a value in a field called %s, on a line of its own, is contact details', async (label) => {
    const pages: PdfPage[] = [
      { texts: [{ text: 'About you', x: 72, y: 760 }], fields: [{ name: label, value: 'Sam Sample', rect: [72, 720, 400, 736] }] },
    ];
    const result = await read(buildPdf({ pages }));
    expect(countItems(result)).toEqual({ 'filtered:not-feedback': 1, record: 1 });
    expect(notesOf(result).map((note) => note.text)).toEqual(['About you']);
  });
});

describe('pdf form check boxes, radio buttons and drop-downs', () => {
  const text = (line: string, x: number, y: number): PdfText => ({ text: line, x, y });
  const box = (x: number, y: number): [number, number, number, number] => [x, y - 2, x + 10, y + 8];

  test('a fillable form’s radio group, drop-down and check boxes answer as ticked on screen', async () => {
    const result = await read(tickedForm());
    expect(countItems(result)).toEqual({ record: 2, 'filtered:not-feedback': 2 });
    const answers = {
      'Question 1: Are you responding as': 'an individual',
      'Question 3: May we publish your response?': 'Yes',
    };
    expect(notesOf(result)).toEqual([
      { text: 'Ward: South ward', section: 'Town centre plan: response form › About you', answers },
      {
        text: 'Fewer empty shops, and a market in the square on Saturdays.',
        section: 'Town centre plan: response form › Your views',
        question: 'Question 2: What would make the town centre better?',
        answers,
      },
    ]);
    expect(filteredOf(result)).toEqual(['tick-box answer', 'consent to publish']);
  });

  test.each<[string, readonly PdfCheckBox[], string]>([
    [
      'Yes ticked, boxes after their options',
      [
        { name: 'yes', checked: true, rect: box(100, 700) },
        { name: 'no', checked: false, rect: box(150, 700) },
      ],
      'Yes',
    ],
    [
      'No ticked, its on state called On',
      [
        { name: 'yes', checked: false, rect: box(100, 700) },
        { name: 'no', onState: 'On', checked: true, rect: box(150, 700) },
      ],
      'No',
    ],
    [
      'on states named by their options',
      [
        { name: 'publish', onState: 'Yes', checked: false, rect: box(100, 700) },
        { name: 'publish2', onState: 'No', checked: true, rect: box(150, 700) },
      ],
      'No',
    ],
    [
      'neither ticked',
      [
        { name: 'yes', checked: false, rect: box(100, 700) },
        { name: 'no', checked: false, rect: box(150, 700) },
      ],
      '',
    ],
  ])('check boxes beside `Yes` and `No` under a question on publishing: %s', async (_case, checkBoxes, answer) => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Question 1: What would help?', 72, 760),
          text('A bus on Sundays.', 72, 740),
          text('Question 2: May we publish your response?', 72, 720),
          text('Yes', 72, 700),
          text('No', 122, 700),
        ],
        checkBoxes,
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(recordsOf(result).map((record) => [record.text, record.meta['answers']])).toEqual([
      ['A bus on Sundays.', { 'Question 2: May we publish your response?': answer }],
    ]);
  });

  test('check boxes before their options, on the question’s own line, answer it: `May we publish your response? ☐ Yes ☒ No`', async () => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Parking on the high street should be free on Sundays.', 72, 760),
          text('May we publish your response?', 72, 730),
          text('Yes', 262, 730),
          text('No', 312, 730),
        ],
        checkBoxes: [
          { name: 'Check Box1', checked: false, rect: box(248, 730) },
          { name: 'Check Box2', onState: 'Agree', checked: true, rect: box(298, 730) },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(notesOf(result)).toEqual([
      { text: 'Parking on the high street should be free on Sundays.', answers: { 'May we publish your response?': 'No' } },
    ]);
  });

  test('one check box under an instruction to tick answers the question above the instruction', async () => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('The 42 is late every evening.', 72, 760),
          text('Do you use the 42 bus?', 72, 720),
          text('Please tick:', 72, 690),
          text('Yes', 88, 660),
        ],
        checkBoxes: [{ name: 'uses', checked: true, rect: box(72, 660) }],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(notesOf(result)).toEqual([{ text: 'The 42 is late every evening.', answers: { 'Do you use the 42 bus?': 'Yes' } }]);
    expect(filteredOf(result)).toEqual(['tick-box answer', 'tick-box answer', 'tick-box answer']);
  });

  test('one check box before a statement on publishing answers it: Yes when ticked, blank when not', async () => {
    const answersOf = async (checked: boolean) => {
      const pages: PdfPage[] = [
        {
          texts: [text('More benches by the pond.', 72, 760), text('I agree to my response being published', 88, 730)],
          checkBoxes: [{ name: 'consent', onState: '1', checked, rect: box(72, 730) }],
        },
      ];
      return recordsOf(await read(buildPdf({ pages }))).map((record) => record.meta['answers']);
    };
    expect(await answersOf(true)).toEqual([{ 'I agree to my response being published': 'Yes' }]);
    expect(await answersOf(false)).toEqual([{ 'I agree to my response being published': '' }]);
  });

  test.each<[string, readonly PdfText[]]>([
    [
      'each box a run of its own',
      [
        { text: '☐', x: 72, y: 700, font: 'boxes' },
        text('Yes', 86, 700),
        { text: '☐', x: 122, y: 700, font: 'boxes' },
        text('No', 136, 700),
      ],
    ],
    [
      'each box in one run with its option',
      [
        { text: '☐ Yes', x: 72, y: 700, font: 'boxes' },
        { text: '☐ No', x: 122, y: 700, font: 'boxes' },
      ],
    ],
  ])('check boxes laid over the boxes a form typed in Word draws are read once, as the widgets show them: %s', async (_case, boxes) => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Question 1: What would help?', 72, 760),
          text('A bus on Sundays.', 72, 740),
          text('Question 2: May we publish your response?', 72, 720),
          ...boxes,
        ],
        checkBoxes: [
          { name: 'Check Box1', checked: false, rect: box(71, 700) },
          { name: 'Check Box2', checked: true, rect: box(121, 700) },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(recordsOf(result).map((record) => [record.text, record.meta['answers']])).toEqual([
      ['A bus on Sundays.', { 'Question 2: May we publish your response?': 'No' }],
    ]);
  });

  test('a radio group’s chosen button is ticked, the others not, whatever their on states are called, one option a line', async () => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Question 1: Are you responding as', 72, 760),
          text('An individual', 88, 740),
          text('A business', 88, 726.8),
          text('A community group', 88, 713.6),
          text('Question 2: Anything else?', 72, 670),
          text('More benches.', 72, 650),
        ],
        radioGroups: [
          {
            name: 'group1',
            chosen: '2',
            buttons: [
              { state: '0', rect: box(72, 740) },
              { state: '1', rect: box(72, 726.8) },
              { state: '2', rect: box(72, 713.6) },
            ],
          },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(recordsOf(result).map((record) => record.meta['answers'])).toEqual([
      { 'Question 1: Are you responding as': 'A community group' },
    ]);
  });

  test('radio buttons after their question on its line answer it: `Are you responding as: ☒ An individual ☐ An organisation`', async () => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Question 1: About you', 72, 760),
          text('Are you responding as:', 72, 740),
          text('An individual', 214, 740),
          text('An organisation', 314, 740),
          text('Question 2: Anything else?', 72, 710),
          text('More benches.', 72, 690),
        ],
        radioGroups: [
          {
            name: 'respondent',
            chosen: 'Choice1',
            buttons: [
              { state: 'Choice1', rect: box(200, 740) },
              { state: 'Choice2', rect: box(300, 740) },
            ],
          },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(recordsOf(result).map((record) => record.meta['answers'])).toEqual([{ 'Are you responding as': 'An individual' }]);
    expect(filteredOf(result)).toEqual(['tick-box answer']);
  });

  test('a radio group with no button chosen answers blank', async () => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Question 1: May we publish your response?', 72, 760),
          text('Yes', 88, 740),
          text('No', 148, 740),
          text('Question 2: Anything else?', 72, 710),
          text('More benches.', 72, 690),
        ],
        radioGroups: [
          {
            name: 'publish',
            chosen: null,
            buttons: [
              { state: 'Yes', rect: box(72, 740) },
              { state: 'No', rect: box(132, 740) },
            ],
          },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(recordsOf(result).map((record) => record.meta['answers'])).toEqual([{ 'Question 1: May we publish your response?': '' }]);
    expect(filteredOf(result)).toContain('consent to publish');
  });

  test('a hidden check box is not read', async () => {
    const pages: PdfPage[] = [
      {
        texts: [
          text('Question 1: May we publish your response?', 72, 760),
          text('Yes', 72, 740),
          text('No', 122, 740),
          text('Question 2: Anything else?', 72, 710),
          text('More benches.', 72, 690),
        ],
        checkBoxes: [
          { name: 'yes', checked: false, rect: box(100, 740) },
          { name: 'no', checked: true, rect: box(150, 740) },
          { name: 'yesPrinted', checked: true, rect: box(100, 740), hidden: true },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(recordsOf(result).map((record) => record.meta['answers'])).toEqual([{ 'Question 1: May we publish your response?': 'No' }]);
  });

  test('a drop-down’s chosen option is read as its shown text beside its label; a list box’s chosen options joined', async () => {
    const pages: PdfPage[] = [
      {
        texts: [text('Age group:', 72, 760), text('Which parks do you use?', 72, 730)],
        choices: [
          {
            name: 'age',
            options: [
              ['1', 'Under 18'],
              ['2', '18 to 64'],
              ['3', '65 or over'],
            ],
            chosen: ['3'],
            rect: [150, 756, 300, 772],
          },
          {
            name: 'parks',
            options: ['Victoria Park', 'Riverside', 'The Green'],
            chosen: ['Victoria Park', 'The Green'],
            rect: [72, 650, 300, 720],
            list: true,
          },
          { name: 'unanswered', options: ['One', 'Two'], chosen: [], rect: [72, 600, 300, 616] },
        ],
      },
    ];
    const result = await read(buildPdf({ pages }));
    expect(notesOf(result).map((note) => note.text)).toEqual([
      'Age group: 65 or over',
      'Which parks do you use?',
      'Victoria Park; The Green',
    ]);
  });
});

describe('pdf dates', () => {
  test.each([
    ["D:20240315103000+01'00'", '2024-03-15T09:30:00.000Z'],
    ["D:20240315103000-05'30'", '2024-03-15T16:00:00.000Z'],
    ['D:20240315103000Z', '2024-03-15T10:30:00.000Z'],
    ['D:20240315', '2024-03-15T00:00:00.000Z'],
    ['20240315103000', '2024-03-15T10:30:00.000Z'],
    ['D:20241345', null],
    ['yesterday', null],
    [undefined, null],
  ])('%s is %s', (value, iso) => {
    expect(pdfDate(value)).toBe(iso);
  });

  test('records carry the creation date, else the modification date, else none', async () => {
    const dateOf = async (content: Omit<PdfContent, 'pages'>) => recordsOf(await readPages([[para('One.')]], content))[0]?.date ?? null;
    expect(await dateOf({ created: 'D:20240301090000Z', modified: 'D:20240302090000Z' })).toBe('2024-03-01T09:00:00.000Z');
    expect(await dateOf({ modified: 'D:20240302090000Z' })).toBe('2024-03-02T09:00:00.000Z');
    expect(await dateOf({})).toBeNull();
  });

  test('ids are content hashes: reading the same PDF again gives the same ids, and --channel applies', async () => {
    const bytes = buildPdf({ pages: layoutPages([[para('One.'), para('One.')]]), created: 'D:20240301090000Z' });
    const first = recordsOf(await read(bytes));
    const again = recordsOf(await read(bytes, { channel: 'survey' }, 'm.pdf'));
    expect(first.map((record) => record.sourceId)).toEqual(again.map((record) => record.sourceId));
    expect(first[1]?.sourceId).toMatch(/#2$/);
    expect(again.every((record) => record.channel === 'survey')).toBe(true);
  });
});

describe('pdf refusals: each one rejection of the file, saying what to do', () => {
  test('a password-protected PDF', async () => {
    const result = await read(buildPdf({ pages: layoutPages([[para('Secret.')]]), password: true }));
    expect(result.error).toBe('n.pdf: the PDF is protected by a password; remove the password and save it again');
  });

  test('a PDF secured with an owner password only (no editing or copying) is read like any other', async () => {
    const bytes = buildPdf({ pages: layoutPages([[para('We support the plan.')]]), restricted: true, created: 'D:20240301090000Z' });
    expect(bytes.toString('latin1')).toContain('/Encrypt');
    expect(bytes.toString('latin1')).not.toContain(Buffer.from('We support').toString('hex'));
    expect(bytes.toString('latin1')).not.toContain('D:2024');
    const result = await read(bytes);
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => [record.text, record.date])).toEqual([['We support the plan.', '2024-03-01T09:00:00.000Z']]);
  });

  test('a scanned PDF with no text layer', async () => {
    const result = await read(buildPdf({ pages: [{ texts: [], image: true }] }));
    expect(result.error).toContain('it holds images of text only; run OCR on it (for example with ocrmypdf) and ingest the result');
  });

  test('a PDF with some pages scanned is read, with a warning naming those pages', async () => {
    const pages = [...layoutPages([[para('Typed page.')]]), { texts: [], image: true }];
    const result = await read(buildPdf({ pages }));
    expect(notesOf(result).map((note) => note.text)).toEqual(['Typed page.']);
    const warnings = result.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : []));
    expect(warnings).toEqual([expect.stringContaining('page 2 of 2 hold no text')]);
  });

  test.each([0.9, 0.5, 0.1])('a PDF cut off at %s of its bytes', async (share) => {
    const whole = buildPdf({ pages: layoutPages([[para('One.')], [para('Two.')]]) });
    const result = await read(whole.subarray(0, Math.floor(whole.length * share)));
    expect(result.error).toMatch(/cannot read the PDF .*damaged or truncated/);
  });

  test('an empty file named .pdf', async () => {
    expect((await read(Buffer.alloc(0))).error).toBe('n.pdf: the PDF is empty (0 bytes); check that the download or copy finished');
  });

  test('a file named .pdf that is not one', async () => {
    const result = await read(Buffer.from('<html><body>Your session has expired.</body></html>'));
    expect(result.error).toBe('n.pdf: not a PDF: it does not start with %PDF-; check that this is the file you meant');
  });

  test('a PDF over the page limit is refused before its pages are read', async () => {
    const result = await read(buildPdf({ pages: Array.from({ length: MAX_PDF_PAGES + 1 }, () => ({ texts: [] })) }));
    expect(result.error).toContain('the PDF has 2,001 pages, over the 2,000 tlap reads from one PDF');
  });

  test('a PDF over the size limit is refused before it is read', async () => {
    const source = {
      path: 'huge.pdf',
      size: MAX_PDF_BYTES + 1,
      headBytes: Buffer.from('%PDF-1.7\n'),
      readBytes: () => Promise.reject(new Error('read')),
    } as unknown as InputSource;
    const reading = async () => {
      for await (const item of pdfDocumentAdapter.read(source, { map: {} })) expect(item).toBeUndefined();
    };
    await expect(reading()).rejects.toThrow(/the PDF is 256 MiB|over the 256/);
    await expect(reading()).rejects.toBeInstanceOf(InputError);
  });

  test('a page that cannot be read is one rejection; the other pages are read', async () => {
    const result = await read(buildPdf({ pages: layoutPages([[para('One.')], [para('Two.')]]), missingPage: true }));
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 2, 'rejected:PDF_PAGE_UNREADABLE': 1 });
  });
});

describe('pdf detection', () => {
  const sniff = (head: string, extension = '.bin') =>
    detectFormat(ADAPTERS, { path: `x${extension}`, extension, headText: head, headBytes: Buffer.from(head, 'latin1') })?.adapter.name;

  test('%PDF- at the start, or within the first KiB, is a PDF whatever the file is called', () => {
    expect(sniff('%PDF-1.7\n%\xe2\xe3')).toBe('pdf');
    expect(sniff(`${' '.repeat(300)}%PDF-1.4\n`)).toBe('pdf');
    expect(sniff('%PDF-1.7\n', '')).toBe('pdf');
  });

  test('.pdf is read as a PDF', () => {
    expect(sniff('hello', '.pdf')).toBe('pdf');
  });
});

describe('pdf robustness', () => {
  test.each(['letter', 'reviewed-draft', 'typed-on-form'])(
    'a cut, flipped or spliced PDF (%s) gives records, rejections or one refusal, never a crash',
    async (name) => {
      const seed = PDF_FIXTURE_INPUTS[name]?.build() ?? Buffer.alloc(0);
      await fc.assert(
        fc.asyncProperty(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
          async (cut, flips) => {
            const bytes = Buffer.from(seed.subarray(0, Math.max(9, Math.floor(seed.length * cut))));
            for (const flip of flips) bytes[Math.floor(flip.at * (bytes.length - 1))] = flip.byte;
            const result = await read(bytes, {}, 'fuzz.pdf');
            expect(result.error === null || result.error.startsWith('fuzz.pdf: ')).toBe(true);
          },
        ),
        { numRuns: propertyRuns(30), seed: 20240315 },
      );
    },
  );
});

describe("a page's lines", () => {
  const run = (text: string, x: number, overrides: Partial<PdfTextRun> = {}): PdfTextRun => ({
    text,
    x,
    y: 500,
    width: text.length * 5,
    size: 10,
    endsLine: false,
    ...overrides,
  });

  test('runs drawn out of order on a line are joined left to right: tick boxes set in a symbol font after their words take their place', () => {
    const lines = pageLines([run('May we publish your response?', 58), run('Yes', 296), run('No', 322), run('☐', 288), run('☒', 314)]);
    expect(lines.map((line) => line.text)).toEqual(['May we publish your response?\t☐ Yes ☒ No']);
    expect(lines[0]?.x).toBe(58);
  });

  test('a line written right to left keeps the order its runs were drawn in', () => {
    const lines = pageLines([run('شكرا', 300), run(' ', 290), run('للموظفين', 240)]);
    expect(lines.map((line) => line.text)).toEqual(['شكرا للموظفين']);
  });

  test('a run on another baseline, or after one that ended its line, starts a new line', () => {
    const lines = pageLines([run('First', 58, { endsLine: true }), run('Second', 58), run('Third', 58, { y: 480 })]);
    expect(lines.map((line) => line.text)).toEqual(['First', 'Second', 'Third']);
  });
});

describe('pdf forms laid out as a table of questions and answers', () => {
  /** One row of a two-column table: the left cell's lines from x 72, the right cell's from x 300, both starting at `top`. */
  function tableRow(top: number, left: readonly string[], right: readonly string[]): PdfText[] {
    return [
      ...left.map((text, index) => ({ text, x: 72, y: top - 14 * index })),
      ...right.map((text, index) => ({ text, x: 300, y: top - 14 * index })),
    ];
  }

  /** Cells drawn on one line, a tab's width apart: the first at x 72, the second at x 340. */
  function oneLineRow(y: number, left: string, right: string): PdfText[] {
    return [
      { text: left, x: 72, y },
      { text: right, x: 340, y },
    ];
  }

  /** Two options in boxes, the first ticked, drawn from x 300 at `y`. */
  function boxes(y: number, ticked: string, other: string): PdfText[] {
    return [
      { text: '☒', x: 300, y, font: 'boxes' },
      { text: ticked, x: 314, y },
      { text: '☐', x: 400, y, font: 'boxes' },
      { text: other, x: 414, y },
    ];
  }

  const title: PdfText = { text: 'Library review: response form', x: 72, y: 760, size: 16 };

  test('a question without a number, wrapped beside its boxes, is the question they answer, not a record', async () => {
    const texts = [
      title,
      ...tableRow(720, ['Are you responding as an individual or on', 'behalf of an organisation?'], []),
      ...boxes(713, 'An individual', 'An organisation'),
      ...tableRow(
        680,
        ['Q1. What would make the library more', 'useful to you?'],
        ['Opening until eight on weekday evenings,', 'so that I can come after work.'],
      ),
    ];
    const result = await read(buildPdf({ pages: [{ texts }] }));
    expect(notesOf(result)).toEqual([
      {
        text: 'Opening until eight on weekday evenings, so that I can come after work.',
        section: 'Library review: response form',
        question: 'Q1. What would make the library more useful to you?',
        answers: { 'Are you responding as an individual or on behalf of an organisation?': 'An individual' },
      },
    ]);
    expect(filteredOf(result)).toEqual(['tick-box answer']);
  });

  test('a page in two columns is not a table: a question ending the first column stays a record', async () => {
    const left = ['What did people say at the forum?', 'They asked for more respite at weekends.'];
    const right = ['Transport came up at every table.', 'The buses stop running at six.'];
    const texts = [
      ...left.map((text, index) => ({ text, x: 72, y: 720 - 40 * index })),
      ...right.map((text, index) => ({ text, x: 320, y: 720 - 40 * index })),
    ];
    const result = await read(buildPdf({ pages: [{ texts }] }));
    expect(notesOf(result).map((note) => note.text)).toEqual([...left, ...right]);
  });

  test('the placeholder of a Word field left empty is no record: alone in its cell, or a tab after its label', async () => {
    const texts = [
      title,
      ...tableRow(720, ['Which area do you live in?'], ['Choose an item.']),
      ...oneLineRow(690, 'Date', 'Click or tap to enter a date.'),
      ...tableRow(670, ['Q1. Any other comments?'], ['Click or tap here to enter text.']),
      ...tableRow(640, ['Q2. What would help?'], ['A quiet room for homework.']),
    ];
    const result = await read(buildPdf({ pages: [{ texts }] }));
    expect(notesOf(result)).toEqual([
      { text: 'A quiet room for homework.', section: 'Library review: response form', question: 'Q2. What would help?' },
    ]);
    expect(filteredOf(result)).toEqual(['form field left empty', 'form field left empty', 'form field left empty']);
  });

  test('a row drawn on one line, its question a tab before its answer, is split into the two; a label ending in a colon stays with its value', async () => {
    const texts = [
      title,
      ...oneLineRow(720, 'Which library do you use most?', 'Northgate, after work.'),
      ...oneLineRow(706, 'Q2. Should Northgate close on Wednesdays?', 'No'),
      ...oneLineRow(692, 'Ward:', 'South ward'),
    ];
    const result = await read(buildPdf({ pages: [{ texts }] }));
    expect(notesOf(result).map(({ text, question }) => [text, question])).toEqual([
      ['Northgate, after work.', 'Which library do you use most?'],
      ['No', 'Q2. Should Northgate close on Wednesdays?'],
      ['Ward: South ward', 'Q2. Should Northgate close on Wednesdays?'],
    ]);
  });

  test('the organisation a respondent answers for, beside its label or a tab after it, is an answer about them, not a record', async () => {
    for (const texts of [
      [
        title,
        ...tableRow(720, ['Organisation'], ['Anytown Carers Network']),
        ...tableRow(690, ['Q1. What would help?'], ['More respite.']),
      ],
      [title, ...oneLineRow(720, 'Organisation:', 'Anytown Carers Network'), ...tableRow(690, ['Q1. What would help?'], ['More respite.'])],
    ]) {
      const result = await read(buildPdf({ pages: [{ texts }] }));
      expect(notesOf(result)).toEqual([
        {
          text: 'More respite.',
          section: 'Library review: response form',
          question: 'Q1. What would help?',
          answers: { Organisation: 'Anytown Carers Network' },
        },
      ]);
      expect(filteredOf(result)).toEqual(['answer about the respondent']);
    }
  });
});

describe('pdf annotations: a draft sent back with reviewers’ notes', () => {
  test('each note is a record by its reviewer, with the words it is on; the draft’s own text is not read', async () => {
    const result = await read(reviewedDraft());
    expect(result.error).toBeNull();
    expect(
      recordsOf(result).map((record) => ({
        author: record.author,
        date: record.date,
        text: record.text,
        inReplyTo: record.inReplyTo,
        part: record.provenance.part,
        ...record.meta,
      })),
    ).toEqual([
      {
        author: 'Anytown Carers Network',
        date: '2024-03-06T09:00:00.000Z',
        text: 'We support pooled budgets.\nBut who decides how they are spent?',
        inReplyTo: null,
        part: 'page 1, comment 1',
        commentedText: 'Councils, the NHS and providers will share budgets and plan services with the people who use them.',
        section: 'Draft partnership agreement › Our shared commitments',
      },
      {
        author: 'Priya Shah',
        date: '2024-03-07T14:30:00.000Z',
        text: 'A named contact is what families ask for most. Say how quickly they will reply.',
        inReplyTo: null,
        part: 'page 1, comment 2',
        commentedText: 'a named contact',
        section: 'Draft partnership agreement › Our shared commitments',
        resolved: true,
      },
      {
        author: 'Sam Osei',
        date: '2024-03-08T10:15:00.000Z',
        text: 'Agreed, and say what happens when the contact is on leave.',
        inReplyTo: recordsOf(result)[1]?.sourceId,
        part: 'page 1, comment 3',
      },
      {
        author: 'Anytown Carers Network',
        date: '2024-03-06T09:15:00.000Z',
        text: 'every six months, in plain English',
        inReplyTo: null,
        part: 'page 1, comment 4',
        commentedText: 'every year.',
        section: 'Draft partnership agreement › How we will know',
      },
    ]);
    expect(filteredOf(result)).toEqual(['review status', 'highlight holding only the words it marks']);
    expect(result.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : []))).toEqual([
      "read as a draft with reviewers' comments: 4 comments by 3 reviewers read; the document's own text, the draft they comment on, is not read",
    ]);
    expect(countItems(result)).toEqual({ record: 4, 'filtered:not-feedback': 2, warning: 1 });
  });

  test('with documentText the draft’s paragraphs are read too, after the notes', async () => {
    const path = join(folder, 'draft.pdf');
    writeFileSync(path, reviewedDraft());
    const result = await readFileItems(path, { displayPath: 'draft.pdf', documentText: true });
    expect(recordsOf(result).map((record) => record.provenance.part)).toEqual([
      'page 1, comment 1',
      'page 1, comment 2',
      'page 1, comment 3',
      'page 1, comment 4',
      'page 1, paragraph 3',
      'page 1, paragraph 4',
      'page 1, paragraph 6',
    ]);
  });

  test('a PDF whose only annotations are links and pop-ups is read as before', async () => {
    const pages = layoutPages([[para('We go to the park every day.')]]);
    const page = pages[0];
    if (page === undefined) throw new Error('one page');
    const result = await read(buildPdf({ pages: [{ ...page, annotations: [{ subtype: 'Link', rect: [72, 60, 200, 72] }] }] }));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['We go to the park every day.']);
  });
});

describe('pdf annotations: a flat form filled in by typing onto it', () => {
  test('each typed answer is read where it stands, under its question or beside its label', async () => {
    const result = await read(typedOnForm());
    expect(result.error).toBeNull();
    expect(notesOf(result)).toEqual([
      {
        text: 'Being able to choose who comes to the house.',
        question: 'Question 1: What matters most to you about care and support?',
        section: 'Partnership agreement: response form',
      },
      {
        text: 'And knowing the rota a week ahead.',
        question: 'Question 1: What matters most to you about care and support?',
        section: 'Partnership agreement: response form',
      },
      {
        text: 'Thank you for asking carers.',
        question: 'Question 2: Any other comments?',
        section: 'Partnership agreement: response form',
      },
    ]);
    expect(filteredOf(result)).toContain('contact details');
    expect(JSON.stringify(result.items)).not.toContain('Ceri Example');
  });
});
