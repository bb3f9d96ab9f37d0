import { describe, expect, test } from '@jest/globals';
import {
  findHeaderRow,
  secondHeaderRow,
  sideBlockColumns,
  titleRowsWarning,
  withNamesAbove,
} from '../../../src/adapters/readers/header-row.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { uniqueHeaders } from '../../../src/adapters/readers/delimited-table.js';

const body = [
  ['1', 'Day centres matter to me', 'Carer'],
  ['2', 'More buses in the evening', 'Person who uses services'],
  ['3', 'Keep the garden group', 'Carer'],
];

describe('findHeaderRow', () => {
  test('an ordinary table: the first row is the header', () => {
    expect(findHeaderRow([['id', 'comment', 'type'], ...body])).toBe(0);
  });

  test('a title, a key/value line and a blank row above the header are skipped', () => {
    const rows = [['Consultation export', '', ''], ['Exported:', '04/03/2024', ''], ['', '', ''], ['id', 'comment', 'type'], ...body];
    expect(findHeaderRow(rows)).toBe(3);
  });

  test('an Excel report preamble with a leading empty column (GLA-style) is skipped', () => {
    const rows = [
      ['', 'Report of all payments over £500', '', '', ''],
      ['', 'Reporting Period : ', '13', '', ''],
      ['', 'Start Date:', '4th March, 2012', '', ''],
      ['', 'Vendor ID', 'Vendor Name', 'Amount', 'Clearing Date'],
      ['', '10016643', 'AMAS LTD', '1,673,907.50', '21 Mar 2012'],
      ['', '10006216', 'LONDON BOROUGH OF SOUTHWARK', '800,000.00', '15 Mar 2012'],
    ];
    expect(findHeaderRow(rows)).toBe(3);
  });

  test('lines above the header that fill every column cannot be told from a header: row 0 is kept', () => {
    const rows = [
      ['Survey', 'Carers experience', 'Wave 2'],
      ['Period', 'January to March 2024', 'Final'],
      ['id', 'comment', 'type'],
      ...body,
    ];
    expect(findHeaderRow(rows)).toBe(0);
  });

  test('a numeric first row that is dense is kept as the header rather than cutting the table', () => {
    expect(
      findHeaderRow([
        ['2019', '2020', '2021'],
        ['1', '2', '3'],
        ['good', 'bad', 'fine'],
      ]),
    ).toBe(0);
  });

  test('a later row whose labels repeat below it is not taken as the header', () => {
    const rows = [['Survey'], ['yes', 'no'], ['yes', 'no'], ['yes', 'maybe']];
    expect(findHeaderRow(rows)).toBe(0);
  });

  test('a report header block (a one-row summary table, then a section title) gives way to the table below it', () => {
    const rows = [
      ['Question and Answer Report'],
      ['Report Generated:', 'Jan 16, 2024 09:12 AM'],
      ['Topic', 'Webinar ID', 'Actual Start Time', 'Actual Duration (minutes)', '# Question'],
      ['TLAP webinar', '812 3456 7890', 'Jan 15, 2024 10:00 AM', '62', '2'],
      ['Question Details'],
      ['#', 'Question', 'Asker Name', 'Asker Email', 'Answer(s)'],
      ['1', 'Will carers get breaks?', 'Asha Patel', 'asha@example.org', ''],
      ['2', 'When is the easy read out?', 'Anonymous Attendee', '', 'Answered by Host: In March.'],
    ];
    expect(findHeaderRow(rows)).toBe(5);
  });

  test('a header below title rows whose table runs on past a few rows is kept, even with a one-cell row in it', () => {
    const rows = [['Feedback log'], ['id', 'comment', 'type'], ...body, ...body, ['Totals'], ['rank', 'count', 'share'], ['1', '4', '50%']];
    expect(findHeaderRow(rows)).toBe(1);
  });

  test('a header-only table and an empty table keep row 0', () => {
    expect(findHeaderRow([['id', 'text']])).toBe(0);
    expect(findHeaderRow([])).toBe(0);
  });
});

describe('titleRowsWarning', () => {
  test('names the count, the header position and the first title', () => {
    expect(
      titleRowsWarning(
        [
          ['', 'Report of all payments'],
          ['', ''],
        ],
        'line 3',
      ),
    ).toBe('skipped 2 title rows above the header on line 3 ("Report of all payments")');
  });
});

describe('secondHeaderRow: Qualtrics question texts under the column codes', () => {
  const header = ['StartDate', 'Progress', 'Duration (in seconds)', 'Finished', 'ResponseId', 'Q1', 'Q2'];
  const texts = [
    'Start Date',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'Response ID',
    'Are you a carer?',
    'What would help you most?',
  ];
  const answers = [['2024-03-01 10:00:00', '100', '300', 'True', 'R_1abc', 'Yes', 'Respite at weekends.']];

  test('cells repeating their code (Progress, Finished) do not stop the row being read as the questions', () => {
    const second = secondHeaderRow(header, texts, answers);
    expect(second?.holds).toBe('question texts');
    expect(second?.headers).toEqual([
      'Start Date',
      'Progress',
      'Duration (in seconds)',
      'Finished',
      'Response ID',
      'Are you a carer?',
      'What would help you most?',
    ]);
  });

  test('a row repeating the whole header asks nothing, and is no second header', () => {
    expect(secondHeaderRow(header, header, answers)).toBeNull();
  });
});

describe('secondHeaderRow: question texts that ask nothing, shown a header by where they stand', () => {
  const codes = ['ResponseID', 'StartDate', 'Q1', 'Q2', 'Q3'];
  const texts = ['ResponseID', 'StartDate', 'Which services have you used', 'Describe what went well', 'Describe what could be better'];
  const answers = ['R_1abc', '2016-10-06 14:28:12', 'Day centre', 'The driver waited for me.', 'Lunch was cold.'];

  test('without a question mark and with only answers below, the row is an answer', () => {
    expect(secondHeaderRow(codes, texts, [answers])).toBeNull();
  });

  test.each([
    ['as Qualtrics writes it now', '{"ImportId":"QID1"}'],
    ['with single quotes, as its 2016 exports wrote it', "{'ImportId': 'QID1'}"],
  ])('an ImportId row under it (%s) makes it the question texts', (_how, importId) => {
    const importIds = codes.map(() => importId);
    const second = secondHeaderRow(codes, texts, [importIds, answers]);
    expect(second?.holds).toBe('question texts');
    expect(second?.headers).toEqual(texts);
  });

  test("Qualtrics' legacy export: ResponseID under the code V1 makes it the question texts", () => {
    const legacy = ['V1', 'V8', 'Q1', 'Q2', 'Q3'];
    const second = secondHeaderRow(legacy, texts, [answers]);
    expect(second?.headers).toEqual(texts);
  });
});

describe("secondHeaderRow: Qualtrics' own columns keep their codes under an ImportId row", () => {
  const codes = ['StartDate', 'IPAddress', 'ResponseId', 'LocationLatitude', 'Q1', 'Q2'];
  const labels = [
    'Anfangsdatum',
    'IP-Adresse',
    'Antwort-ID',
    'Breitengrad des Standorts',
    'How often do you visit',
    'Tell us what would help',
  ];
  const importIds = ['startDate', 'ipAddress', '_recordId', 'locationLatitude', 'QID1', 'QID2_TEXT'].map((id) => `{"ImportId":"${id}"}`);
  const answers = ['2024-05-04 09:12:09', '192.0.2.40', 'R_9abc', '53.4808', 'Weekly', 'More hot food stalls.'];

  test("the labels in the account's language name no column of its own; the questions are named by their texts", () => {
    expect(secondHeaderRow(codes, labels, [importIds, answers])?.headers).toEqual([
      'StartDate',
      'IPAddress',
      'ResponseId',
      'LocationLatitude',
      'How often do you visit',
      'Tell us what would help',
    ]);
  });
});

describe('secondHeaderRow: SurveyMonkey answer labels under the questions', () => {
  const header = uniqueHeaders([
    'Respondent ID',
    'Start Date',
    'Which services do you use?',
    '',
    '',
    'What matters most?',
    'How would you rate your care?',
  ]);
  const labels = ['', '', 'Day centre', 'Home care', 'Other (please specify)', 'Open-Ended Response', 'Response'];
  const answers = [
    ['114001', '01/15/2024 10:15:32 AM', 'Day centre', '', '', 'Being listened to', 'Good'],
    ['114002', '01/16/2024 11:00:00 AM', '', 'Home care', 'A befriending group', 'Choice', 'Poor'],
  ];

  test('each column is named by its question, and an option column by its question and option', () => {
    const second = secondHeaderRow(header, labels, answers);
    expect(second?.holds).toBe('answer labels');
    expect(second?.headers).toEqual([
      'Respondent ID',
      'Start Date',
      'Which services do you use? — Day centre',
      'Which services do you use? — Home care',
      'Which services do you use? — Other (please specify)',
      'What matters most?',
      'How would you rate your care?',
    ]);
    expect(second?.examples).toEqual(['Day centre', 'Home care', 'Other (please specify)']);
  });

  test('is found while streaming, with no rows below known', () => {
    expect(secondHeaderRow(header, labels, [])?.holds).toBe('answer labels');
  });

  test('an answer row is not a header row, even one holding an option label', () => {
    expect(secondHeaderRow(header, answers[0] ?? [], answers.slice(1))).toBeNull();
    expect(secondHeaderRow(header, ['', '', 'Day centre', '', '', 'Being listened to', 'Good'], answers)).toBeNull();
  });

  test('labels over answer rows without a respondent, or holding a date, are answers', () => {
    expect(secondHeaderRow(header, labels, [['', '', 'Day centre', '', '', 'Response', 'Good']])).toBeNull();
    expect(secondHeaderRow(header, ['', '15/01/2024', '', '', '', 'Open-Ended Response', 'Response'], answers)).toBeNull();
  });
});

describe('withNamesAbove: a header that heads one column a row higher', () => {
  test('a blank header cell takes the name right above it when every name above stands over a blank cell', () => {
    expect(withNamesAbove(['', '', 'Response ID', 'Login'], ['', 'Date of contribution'])).toEqual([
      '',
      'Date of contribution',
      'Response ID',
      'Login',
    ]);
  });

  test('a title or section name above a full header names nothing', () => {
    const header = ['#', 'Question', 'Asker Name'];
    expect(withNamesAbove(header, ['Question Details'])).toBe(header);
    expect(withNamesAbove(['', 'Comment', 'Date'], ['Exported 2024-03-01', 'Comments'])).toEqual(['', 'Comment', 'Date']);
    expect(withNamesAbove(['', 'Comment'], undefined)).toEqual(['', 'Comment']);
    expect(withNamesAbove(['', 'Comment'], ['Title'])).toEqual(['', 'Comment']);
  });

  test('csv: "Date of contribution" on the line above the header is the date column', async () => {
    const result = await readTempInput(
      'ideas.csv',
      [
        ',Date of contribution',
        ',,Response ID,Login,Idea',
        ',2024-03-04 10:21:00,101,sunflower22,A bench at the bus stop by the surgery.',
        '',
      ].join('\n'),
    );
    expect(recordsOf(result).map((record) => [record.date, record.author, record.text])).toEqual([
      ['2024-03-04T10:21:00.000Z', 'sunflower22', 'A bench at the bus stop by the surgery.'],
    ]);
  });
});

describe('sideBlockColumns: figures beside a table', () => {
  const headers = ['column 1', 'column 2', 'column 3', 'Date of contribution', 'Response ID', 'Comment'];

  test('unnamed columns left of a blank spacer column, with named columns after it', () => {
    const sample = [
      ['Total contributions', '4', '', '2024-03-04', '101', 'a'],
      ['Registered', '3', '', '2024-03-05', '102', 'b'],
    ];
    expect([...sideBlockColumns(headers, sample)]).toEqual(['column 1', 'column 2', 'column 3']);
  });

  test('none when the spacer holds values, a column before it is named, or the table starts at column A', () => {
    expect(sideBlockColumns(headers, [['Total', '4', 'x', '2024-03-04', '101', 'a']]).size).toBe(0);
    expect(sideBlockColumns(['Site', 'column 2', 'Date', 'Comment'], [['Leeds', '', '2024-03-04', 'a']]).size).toBe(0);
    expect(sideBlockColumns(['Date', 'Comment'], [['2024-03-04', 'a']]).size).toBe(0);
    expect(sideBlockColumns(['column 1', 'column 2', 'Comment'], [['x', '', 'a']]).size).toBe(0);
  });
});
