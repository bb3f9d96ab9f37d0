import ExcelJS from 'exceljs';

/** The time written into generated workbooks, so that the same workbook gives the same bytes. */
const FIXED_TIME = new Date('2024-03-04T09:00:00Z');

/** The MS-DOS date 1980-01-01 and time 00:00 that zip entries are stamped with. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Stamps every entry of a zip (as written by exceljs) with the same modification time, so that
 * generated workbooks are byte-for-byte reproducible.
 */
function fixZipTimes(zip: Buffer): Buffer {
  const bytes = Buffer.from(zip);
  let offset = 0;
  while (bytes.readUInt32LE(offset) === 0x04034b50) {
    if ((bytes.readUInt16LE(offset + 6) & 0x08) !== 0) throw new Error('zip entry with a data descriptor: cannot walk it');
    bytes.writeUInt16LE(DOS_TIME, offset + 10);
    bytes.writeUInt16LE(DOS_DATE, offset + 12);
    const compressed = bytes.readUInt32LE(offset + 18);
    offset += 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28) + compressed;
  }
  while (bytes.readUInt32LE(offset) === 0x02014b50) {
    bytes.writeUInt16LE(DOS_TIME, offset + 12);
    bytes.writeUInt16LE(DOS_DATE, offset + 14);
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (bytes.readUInt32LE(offset) !== 0x06054b50) throw new Error('zip end record not found');
  return bytes;
}

/** Builds a workbook with exceljs and returns its .xlsx bytes, reproducibly. */
export async function buildWorkbook(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tlap fixtures';
  workbook.lastModifiedBy = 'tlap fixtures';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  fill(workbook);
  const written = await workbook.xlsx.writeBuffer();
  return fixZipTimes(Buffer.from(written));
}

function day(iso: string): Date {
  return new Date(iso);
}

/** A consultation export sheet: title rows, a scale, a formula, rich text, a hyperlink, an error value, dates. */
function surveySheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Responses');
  sheet.addRow(['Day services consultation: responses']);
  sheet.addRow([]);
  sheet.addRow([
    'Response ID',
    'Completion time',
    'Email',
    'Do you agree with the proposal?',
    'Score',
    'What matters most to you about day services?',
    'Anything else?',
  ]);
  sheet.addRow([
    'R1',
    day('2024-03-01T09:15:00Z'),
    'asha@example.org',
    'Strongly agree',
    { formula: '2+1', result: 3 },
    { richText: [{ text: 'Seeing my ' }, { text: 'friends', font: { bold: true } }, { text: ' every week.' }] },
    { text: 'See the petition I started about the bus route', hyperlink: 'https://example.org/petition' },
  ]);
  sheet.addRow([
    'R2',
    day('2024-03-01T00:00:00Z'),
    '',
    'Disagree',
    1,
    'The transport, because I cannot drive any more.',
    { error: '#N/A' },
  ]);
  sheet.addRow(['R3', day('2024-03-02T14:40:00Z'), '', 'Agree', 2, 'Staff who have time to talk with me.', null]);
  sheet.addRow(['R4', day('2024-03-02T16:05:00Z'), '', 'Neither agree nor disagree', 4, null, 'Keep the garden group going, please.']);
  sheet.addRow(['R5', day('2024-03-03T08:30:00Z'), '', 'Tend to agree', 5, 'Having lunch with other people instead of alone.', 'N/A']);
}

/** A workbook of three sheets: comments with one text column, a lookup table, and an empty sheet. */
function multiSheet(workbook: ExcelJS.Workbook): void {
  const comments = workbook.addWorksheet('Comments');
  comments.addRow(['id', 'comment', 'author', 'date']);
  comments.addRow([1, 'The drop-in café is the best part of my week.', 'Jo', day('2024-02-10T00:00:00Z')]);
  comments.addRow([2, 'NA', 'Sam', day('2024-02-11T00:00:00Z')]);
  comments.addRow([3, 'Please print the timetable in a bigger font.', null, day('2024-02-12T10:30:00Z')]);
  const lookup = workbook.addWorksheet('Lookup');
  lookup.addRow(['code', 'area']);
  lookup.addRow([1, 'North']);
  lookup.addRow([2, 'South']);
  workbook.addWorksheet('Blank');
}

/** The header Microsoft Forms writes before the questions ("Open in Excel" / "Download a copy"). */
const MICROSOFT_FORMS_HEADER = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time'];

/**
 * A Microsoft Forms response workbook: one sheet, `Sheet1`; the form's columns, then one column per
 * question; the times as date cells shown `m/d/yy h:mm:ss`; anonymous responses with `anonymous`
 * in Email and no Name; a rating (a number), a choice, a multiple-answer question written `A;B;`,
 * and two open questions.
 */
function microsoftFormsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([
    ...MICROSOFT_FORMS_HEADER,
    'How did you hear about this survey?',
    'How would you rate the day service?',
    'Which services do you use?',
    'What works well about the service?',
    'What could we do better?',
  ]);
  const rows: ExcelJS.CellValue[][] = [
    [
      1,
      day('2026-11-02T09:01:10Z'),
      day('2026-11-02T09:07:45Z'),
      'asha.patel@example.org',
      'Asha Patel',
      null,
      'Council newsletter',
      4,
      'Day centre;Home care;',
      'Staff know my mum and greet her by name every morning.',
      'The minibus is often late, so she misses the start of lunch.',
    ],
    [
      2,
      day('2026-11-02T10:15:00Z'),
      day('2026-11-02T10:21:30Z'),
      'anonymous',
      null,
      null,
      'Social media',
      2,
      'Day centre;',
      'Nothing much, the building is cold in winter.',
      'Please open on Saturdays so carers can rest.',
    ],
    [
      3,
      day('2026-11-03T14:00:00Z'),
      day('2026-11-03T14:05:12Z'),
      'anonymous',
      null,
      null,
      'Friend or family',
      5,
      'Meals at home;',
      'The lunch club is the only time my dad talks to people.',
      null,
    ],
    [
      4,
      day('2026-11-04T08:30:00Z'),
      day('2026-11-04T08:42:00Z'),
      'r.jones@example.net',
      'Rhys Jones',
      day('2026-11-05T16:00:00Z'),
      'Council newsletter',
      3,
      'Home care;Meals at home;',
      'Carers are kind but always rushed.',
      'Give carers more time per visit, fifteen minutes is not enough.',
    ],
    [
      5,
      day('2026-11-05T19:45:00Z'),
      day('2026-11-05T19:52:40Z'),
      'anonymous',
      null,
      null,
      'Social media',
      4,
      'Day centre;Meals at home;',
      'Being with friends, and the staff remember what he likes.',
      'N/A',
    ],
    [
      6,
      day('2026-11-06T11:10:00Z'),
      day('2026-11-06T11:16:05Z'),
      'anonymous',
      null,
      null,
      'Friend or family',
      1,
      'Home care;',
      'I do not know who is coming each day.',
      'Send the rota a week ahead so we can plan.',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  for (const column of [2, 3, 6]) sheet.getColumn(column).numFmt = 'm/d/yy h:mm:ss';
}

/**
 * A Microsoft Forms workbook as some versions write it: the times as text (`11/28/26 09:07:45`,
 * month first), `Anonymous` as the Name of an anonymous response, and a single open question.
 */
function microsoftFormsTextDatesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...MICROSOFT_FORMS_HEADER.slice(0, 5), 'Is there anything else you would like to tell us about the proposal?']);
  sheet.addRow([
    1,
    '11/28/26 09:01:10',
    '11/28/26 09:07:45',
    'asha.patel@example.org',
    'Asha Patel',
    'Keep the day centre open, it is a lifeline for our family.',
  ]);
  sheet.addRow([
    2,
    '11/28/26 10:15:00',
    '11/28/26 10:21:30',
    'anonymous',
    'Anonymous',
    'The bus route change means I cannot get there any more.',
  ]);
  sheet.addRow([
    3,
    '11/30/26 14:00:00',
    '11/30/26 14:05:12',
    'anonymous',
    'Anonymous',
    'More evening sessions would help working carers a lot.',
  ]);
  sheet.addRow([4, '12/1/26 8:02:09', '12/1/26 8:04:51', 'anonymous', 'Anonymous', '']);
}

/**
 * A Microsoft Forms workbook whose times lost their date format (a sheet filled by Power Automate,
 * or values pasted into a General column): Excel day numbers such as `46328.5872`.
 */
function microsoftFormsSerialTimesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...MICROSOFT_FORMS_HEADER.slice(0, 5), 'What one thing would make the biggest difference to you?']);
  sheet.addRow([1, 46328.5826, 46328.5872, 'anonymous', null, 'A named worker I can ring when things go wrong.']);
  sheet.addRow([
    2,
    46329.25,
    46329.2567,
    'k.osei@example.org',
    'Kwame Osei',
    'Knowing the respite booking will not be cancelled at the last minute.',
  ]);
  sheet.addRow([3, 46330.9, 46330.9031, 'anonymous', null, 'Help filling in the forms; they are long and confusing.']);
}

/**
 * A comments sheet kept by hand at events, with a blank row and a totals row under the data
 * (a COUNTA formula whose cached result Excel saved), as people add before sharing a sheet.
 */
function totalsRowSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Comments');
  sheet.addRow(['Event', 'Comment', 'Votes']);
  sheet.addRow(['Leeds drop-in', 'More evening sessions for carers who work.', 4]);
  sheet.addRow(['York forum', 'The minibus should stop at the surgery too.', 7]);
  sheet.addRow(['Hull café', 'Staff are kind, but there are too few of them.', 2]);
  sheet.addRow([]);
  sheet.addRow(['Total comments', { formula: 'COUNTA(B2:B4)', result: 3 }, { formula: 'SUM(C2:C4)', result: 13 }]);
}

/**
 * SurveyMonkey's "All individual responses" as .xlsx: the questions on row 1, a question with
 * several options merged over its options' columns, the answer labels on row 2.
 */
function surveyMonkeyMergedHeaderSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Sheet');
  sheet.addRow([
    'Respondent ID',
    'Collector ID',
    'Start Date',
    'End Date',
    'Which services do you use?',
    null,
    null,
    'What could we do better?',
    'Anything else?',
  ]);
  sheet.addRow([null, null, null, null, 'Day centre', 'Home care', 'Other (please specify)', 'Open-Ended Response', 'Open-Ended Response']);
  sheet.addRow([
    114001,
    4321,
    day('2024-03-01T09:00:00Z'),
    day('2024-03-01T09:10:00Z'),
    'Day centre',
    null,
    'My neighbour helps out',
    'The minibus is often late and the driver rushes us.',
    'No, thank you for asking.',
  ]);
  sheet.addRow([
    114002,
    4321,
    day('2024-03-02T09:00:00Z'),
    day('2024-03-02T09:10:00Z'),
    null,
    'Home care',
    null,
    'Carers should not change every week, it confuses my dad.',
    'Please open on Saturdays.',
  ]);
  sheet.mergeCells('E1:G1');
}

/**
 * A Padlet wall saved as a spreadsheet: one row per post, its subject and body, the author
 * (`Anonymous` for a guest), typed date cells and the section it was posted under; one post has
 * only a subject.
 */
function padletPostsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Posts');
  sheet.addRow(['Subject', 'Body', 'Attachment', 'Author', 'Created At', 'Updated At', 'Section']);
  sheet.addRow([
    'Getting a PA',
    'It took eight months to find a personal assistant and nobody helped us look.',
    null,
    'Asha Patel',
    day('2024-01-15T10:04:12Z'),
    day('2024-01-15T10:04:12Z'),
    'What gets in the way?',
  ]);
  sheet.addRow([
    null,
    'Being told about direct payments at the start, not after a crisis.',
    null,
    'Anonymous',
    day('2024-01-15T10:05:40Z'),
    day('2024-01-15T10:06:02Z'),
    'What gets in the way?',
  ]);
  sheet.addRow([
    'More respite at weekends',
    null,
    null,
    'tom.reed@example.org',
    day('2024-01-15T10:07:03Z'),
    day('2024-01-15T10:07:03Z'),
    'What would make things better?',
  ]);
  sheet.addRow([
    'Easy read',
    'Please send the easy read at the same time as everything else.',
    'https://padlet-uploads.example/easy-read.pdf',
    'Sam Okafor',
    day('2024-01-15T10:09:55Z'),
    day('2024-01-15T10:09:55Z'),
    'What would make things better?',
  ]);
}

/**
 * A Zoom webinar Q&A report (CSV) opened in Excel and saved as a workbook: the report's header
 * block (title, `Report Generated:`, the summary `Topic,Webinar ID,Actual Start Time,…` over its
 * values, `Question Details`) above the questions; Excel typed the times it recognised as dates.
 */
function zoomQaReportSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('QA_report');
  sheet.addRow(['Question and Answer Report']);
  sheet.addRow(['Report Generated:', day('2024-03-01T16:40:00Z')]);
  sheet.addRow(['Topic', 'Webinar ID', 'Actual Start Time', 'Actual Duration (minutes)', '# Question']);
  sheet.addRow(['Carers strategy webinar', '845 1234 5678', day('2024-02-29T18:30:00Z'), 75, 3]);
  sheet.addRow(['Question Details']);
  sheet.addRow(['#', 'Question', 'Asker Name', 'Asker Email', 'Answer(s)']);
  sheet.addRow([
    1,
    'Will carers who work evenings get a say, since these webinars are all at teatime?',
    'Grace Mensah',
    'grace.mensah@example.org',
    'Answered by Host: There will be a weekend session too.',
  ]);
  sheet.addRow([2, 'Is the carers’ break fund staying after March?', 'Anonymous Attendee', null, null]);
  sheet.addRow([3, 'Who do young carers contact at school?', 'Leon Hart', 'leon@example.org', null]);
}

/**
 * A Slido event's data exported as a workbook (layout not checked against a real export, see the
 * fixture's README): a `Questions` sheet, one audience question a row with its author
 * (`Anonymous` when none was given), likes, labels and time; a `Polls` sheet, one row per option
 * or answer of each poll with its type and votes.
 */
function slidoEventSheets(workbook: ExcelJS.Workbook): void {
  const questions = workbook.addWorksheet('Questions');
  questions.addRow(['Question', 'Author', 'Likes', 'Labels', 'Date', 'Answered']);
  questions.addRow([
    'Will the bus station stay open while the market square is rebuilt?',
    'Anonymous',
    14,
    'Transport',
    day('2024-03-05T18:42:10Z'),
    'Yes',
  ]);
  questions.addRow(['Why are the library’s Saturday hours being cut first?', 'Priya Shah', 9, null, day('2024-03-05T18:45:33Z'), 'No']);
  questions.addRow([
    'How will you hear from people who cannot come to evening events?',
    'Anonymous',
    3,
    'Engagement',
    day('2024-03-05T18:51:02Z'),
    'No',
  ]);
  const polls = workbook.addWorksheet('Polls');
  polls.addRow(['Poll', 'Poll type', 'Option', 'Votes', 'Percentage']);
  polls.addRow(['Which part of the plan matters most to you?', 'Multiple choice', 'Parks', 34, '45%']);
  polls.addRow(['Which part of the plan matters most to you?', 'Multiple choice', 'Libraries', 22, '29%']);
  polls.addRow(['How well did tonight explain the plan?', 'Rating', '4 stars', 18, '60%']);
  polls.addRow(['What one change would make the town centre better?', 'Open text', 'Benches and shade near the market', 1, null]);
  polls.addRow(['What one change would make the town centre better?', 'Open text', 'Public toilets open after 5pm', 1, null]);
  polls.addRow(['In one word, how do you feel about the plan?', 'Word cloud', 'hopeful', 9, null]);
}

/**
 * A Mentimeter presentation's results downloaded as a workbook, a sheet per slide (layout not
 * checked against a real export, see the fixture's README): each sheet has the slide's question on
 * its first row above the results; a multiple choice slide and a scales slide give votes per
 * option, an open ended slide its responses under `Responses`, a word cloud its words and counts.
 */
function mentimeterResultsSheets(workbook: ExcelJS.Workbook): void {
  const choice = workbook.addWorksheet('1. Which matters most');
  choice.addRow(['Which part of the town centre plan matters most to you?']);
  choice.addRow([]);
  choice.addRow(['Option', 'Votes']);
  choice.addRow(['Parks and trees', 18]);
  choice.addRow(['The library', 12]);
  choice.addRow(['Buses', 11]);
  const open = workbook.addWorksheet('2. One change');
  open.addRow(['What one change would make the town centre better?']);
  open.addRow([]);
  open.addRow(['Responses']);
  open.addRow(['More benches and shade near the market']);
  open.addRow(['Fewer empty shops: let pop-ups use them for a peppercorn rent']);
  open.addRow(['Toilets that are open after 5pm']);
  const cloud = workbook.addWorksheet('3. One word');
  cloud.addRow(['In one word, how do you feel about the plan?']);
  cloud.addRow([]);
  cloud.addRow(['Word', 'Count']);
  cloud.addRow(['hopeful', 9]);
  cloud.addRow(['worried', 4]);
  const scales = workbook.addWorksheet('4. How safe');
  scales.addRow(['How safe do you feel in the town centre after dark?']);
  scales.addRow([]);
  scales.addRow(['Option', 'Votes', 'Average']);
  scales.addRow(['Walking alone', 27, 2.4]);
  scales.addRow(['Waiting for a bus', 25, 2.1]);
}

/**
 * Notes from a roadshow's tables typed into a workbook by hand: the `Venue` merged down over its
 * rows (Format › Merge cells), the `Theme` written once at the head of its block, one comment a row.
 */
function roadshowNotesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Roadshow notes');
  sheet.addRow(['Venue', 'Theme', 'Comment']);
  sheet.addRow(['Leeds Central Library', 'Transport', 'The community bus stopped running on Fridays in March.']);
  sheet.addRow([null, null, 'Taxis to the day centre cost more than the session.']);
  sheet.addRow([null, 'Respite', 'Two weekend breaks were cancelled with a day’s notice.']);
  sheet.addRow([null, null, null]);
  sheet.addRow([null, null, 'Nobody rang back about the sitting service.']);
  sheet.addRow(['Otley Civic Centre', 'Transport', 'No step-free bus from the estate.']);
  sheet.addRow([null, 'Information', 'Letters arrive after the meeting they invite us to.']);
  sheet.mergeCells('A2:A6');
  sheet.mergeCells('A7:A8');
}

/**
 * A survey tool's tab of an Engagement HQ (Granicus) project's Detailed Excel Report: the tool's
 * name and dates on the first row, the participation summary in columns A and B beside a blank
 * column C, `Date of contribution` headed on the row above the other columns' names (`Response
 * ID`, `Login`, `Usertype`, `Email`, the questions, the signup form's questions after
 * `Contributor Summary (…)`), one response a row from row 5.
 */
function engagementHqSurveySheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Survey - Carers strategy');
  sheet.addRow([null, null, null, 'Carers strategy survey', null, null, null, '01-03-2024', null, null, '31-03-2024']);
  sheet.addRow([]);
  sheet.addRow([null, null, null, 'Date of contribution']);
  sheet.addRow([
    null,
    null,
    null,
    null,
    'Response ID',
    'Login',
    'Usertype',
    'Email',
    'What matters most to you as a carer?',
    'How do you feel about the plan?',
    'Any other comments?',
    'Contributor Summary (Signup form Qs - Detailed breakup on the right > )',
    'Postal Code',
  ]);
  const responses: [string, string, number, string | null, string, string | null, string, string, string, string | null][] = [
    [
      'Total contributions',
      '4',
      101,
      'sunflower22',
      'User',
      'asha@example.org',
      'Being able to get a break at weekends without weeks of planning.',
      'Positive',
      'The minibus to the day centre is often late.',
      'LS6',
    ],
    [
      'Registered',
      '3',
      102,
      'tomreed',
      'User',
      'tom@example.org',
      'Someone to ring when the care plan falls apart at night.',
      'Negative',
      '',
      'LS12',
    ],
    [
      'Unverified',
      '1',
      103,
      null,
      'Unverified',
      null,
      'Information in one place, not six leaflets.',
      'Neutral',
      'Please publish an easy read version.',
      null,
    ],
    [
      'Anonymous',
      '0',
      104,
      'sunflower22',
      'User',
      'asha@example.org',
      'Respite that does not cost more than my pension.',
      'Positive',
      '',
      'LS6',
    ],
  ];
  const dates = ['2024-03-04T10:21:00Z', '2024-03-05T18:02:00Z', '2024-03-07T09:45:00Z', '2024-03-09T20:10:00Z'];
  for (const [index, [label, count, id, login, type, email, matters, feel, other, postcode]] of responses.entries()) {
    sheet.addRow([label, Number(count), null, day(dates[index] ?? ''), id, login, type, email, matters, feel, other, null, postcode]);
  }
}

/** The generated .xlsx fixture inputs: fixtures/adapters/xlsx/<case>/input.xlsx. */
export const XLSX_FIXTURE_INPUTS: Readonly<Record<string, () => Promise<Buffer>>> = {
  'survey-sheet': () => buildWorkbook(surveySheet),
  'multi-sheet': () => buildWorkbook(multiSheet),
  'one-sheet': () => buildWorkbook(multiSheet),
  'unknown-sheet': () => buildWorkbook(multiSheet),
  'microsoft-forms': () => buildWorkbook(microsoftFormsSheet),
  'microsoft-forms-text-dates': () => buildWorkbook(microsoftFormsTextDatesSheet),
  'microsoft-forms-serial-times': () => buildWorkbook(microsoftFormsSerialTimesSheet),
  'totals-row': () => buildWorkbook(totalsRowSheet),
  'surveymonkey-merged-header': () => buildWorkbook(surveyMonkeyMergedHeaderSheet),
  'padlet-posts': () => buildWorkbook(padletPostsSheet),
  'zoom-webinar-qa-report': () => buildWorkbook(zoomQaReportSheet),
  'slido-event-export': () => buildWorkbook(slidoEventSheets),
  'mentimeter-results': () => buildWorkbook(mentimeterResultsSheets),
  'roadshow-notes-merged-groups': () => buildWorkbook(roadshowNotesSheet),
  'engagementhq-survey-report': () => buildWorkbook(engagementHqSurveySheet),
};
