import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { knownColumnName } from '../../../src/adapters/readers/column-names.js';
import { mapColumns } from '../../../src/adapters/readers/column-mapping.js';
import { isContactColumn, isPostcodeColumn } from '../../../src/adapters/readers/contact-columns.js';
import { consentQuestionKind } from '../../../src/privacy/publication-consent.js';
import type { FeedbackRecord } from '../../../src/record/record.js';
import { PROJECT_ROOT, readFileItems, recordsOf } from '../../helpers/read-fixture.js';

const fixture = (area: string, name: string, input = 'input.csv'): string => join(PROJECT_ROOT, 'fixtures/adapters', area, name, input);

/** The English headers of the survey in `bilingual-welsh-first` and `bilingual-two-line-headers`. */
const WELSH_FIRST_ENGLISH = [
  'Response ID',
  'Submission date',
  'Name',
  'Email',
  'Phone number',
  'Postcode',
  'Are you responding as an individual or on behalf of an organisation?',
  'What do you think of the proposed changes to the bus timetable?',
  'Any other comments',
  'May we publish your response?',
];

/** The headers each bilingual fixture would have in English alone, in its order. */
const ENGLISH_HEADERS: Readonly<Record<string, readonly string[]>> = {
  'bilingual-headers': ['ID', 'Date', 'Name', 'Email', 'Phone', 'Comments'],
  'bilingual-welsh-first': WELSH_FIRST_ENGLISH,
  'bilingual-two-line-headers': WELSH_FIRST_ENGLISH,
  'bilingual-english-first': [
    'Response ID',
    'Date',
    'Name',
    'Email address',
    'Postcode',
    'Consent to publish',
    'Are you responding as an individual or on behalf of an organisation?',
    'What do you think of the proposed changes to the bus timetable?',
    'Any other comments',
  ],
};

/** What a record says, the header names it was read under aside: the answers' values, the respondent's part of the id. */
function reading(record: FeedbackRecord) {
  const answers = record.meta['answers'];
  return {
    sourceId: (record.sourceId ?? '').split(':')[0],
    author: record.author,
    date: record.date,
    text: record.text,
    metaValues: Object.values(typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? answers : record.meta),
  };
}

describe('knownColumnName: the name a reader knows a column by', () => {
  const known = (name: string): boolean => ['date', 'responseid', 'comments'].includes(name);

  test('the whole header, or the label the reader knows in a header of two languages', () => {
    expect(knownColumnName('Date', known)).toBe('date');
    expect(knownColumnName('Dyddiad / Date', known)).toBe('date');
    expect(knownColumnName('ID Ymateb | Response ID', known)).toBe('responseid');
    expect(knownColumnName('Sylwadau\nComments', known)).toBe('comments');
    expect(knownColumnName('Date/time', known)).toBeUndefined();
    expect(knownColumnName('Comments / Suggestions', known)).toBeUndefined();
  });
});

describe('bilingual headers are read as their English form', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tlap-bilingual-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The fixture's rows under its English headers ({@link ENGLISH_HEADERS}), beside it. */
  function englishTwin(path: string, name: string): string {
    const text = readFileSync(path, 'utf8');
    const quoted = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
    let inQuotes = false;
    let end = 0;
    for (; end < text.length; end += 1) {
      if (text[end] === '"') inQuotes = !inQuotes;
      else if (text[end] === '\n' && !inQuotes) break;
    }
    const twin = join(folder, `${name}.csv`);
    writeFileSync(twin, `${(ENGLISH_HEADERS[name] ?? []).map(quoted).join(',')}\r\n${text.slice(end + 1)}`);
    return twin;
  }

  test.each([
    ['csv', 'bilingual-headers'],
    ['survey-csv', 'bilingual-welsh-first'],
    ['survey-csv', 'bilingual-english-first'],
    ['survey-csv', 'bilingual-two-line-headers'],
  ])('%s/%s reads to the records of its English twin', async (area, name) => {
    const path = fixture(area, name);
    const bilingual = await readFileItems(path, { displayPath: 'input.csv' });
    const english = await readFileItems(englishTwin(path, name), { displayPath: 'input.csv' });
    expect(bilingual.format).toBe(english.format);
    expect(recordsOf(bilingual).map(reading)).toEqual(recordsOf(english).map(reading));
    expect(recordsOf(bilingual).every((record) => record.date !== null && record.sourceId?.startsWith('content:') !== true)).toBe(true);
  });

  test('a plain comment table: the id, date, author and text columns are found, e-mail and phone withheld', async () => {
    const records = recordsOf(await readFileItems(fixture('csv', 'bilingual-headers'), { displayPath: 'input.csv' }));
    expect(records.map((record) => [record.sourceId, record.date?.slice(0, 10), record.author])).toEqual([
      ['1', '2024-03-04', 'Ann Jones'],
      ['2', '2024-03-05', 'Bryn Evans'],
      ['3', '2024-03-11', null],
      ['4', '2024-03-12', 'Carys Hughes'],
    ]);
    expect(records.every((record) => Object.keys(record.meta).length === 0)).toBe(true);
  });

  test('a workbook with two-line headers reads as the CSV does', async () => {
    const csv = recordsOf(await readFileItems(fixture('survey-csv', 'bilingual-two-line-headers'), { displayPath: 'input' }));
    const xlsx = recordsOf(await readFileItems(fixture('xlsx', 'bilingual-two-line-headers', 'input.xlsx'), { displayPath: 'input' }));
    expect(xlsx.map(reading)).toEqual(csv.map(reading));
  });

  test('headers that are not one heading in two languages read as before', async () => {
    const headers = ['Date/time', 'Name / organisation', 'Yes / No', 'Date of event (dd/mm/yyyy)', 'Ward / area', 'Comments'];
    const mapping = mapColumns({ file: 'input.csv' }, headers, {});
    expect(mapping.fields).toEqual({ date: 'Date/time', text: 'Comments' });
    const records = recordsOf(await readFileItems(fixture('survey-csv', 'not-bilingual-headers'), { displayPath: 'input.csv' }));
    expect(records.map((record) => record.author)).toEqual(['Ann Jones', 'Ann Jones', 'Friends of Roath Park']);
    expect(records[0]?.meta['answers']).toEqual({
      'Yes / No': 'Yes',
      'Are you responding as an individual and/or a group?': 'Individual',
      'Date of event (dd/mm/yyyy)': '01/03/2024',
      'Ward / area': 'Cathays',
    });
  });

  test('contact, postcode and consent columns by either label, however the two are set apart', () => {
    for (const header of ['E-bost / Email', 'Email | E-bost', 'E-bost\nEmail', 'Email (E-bost)', 'Rhif ffôn | Phone number'])
      expect(isContactColumn(header)).toBe(true);
    for (const header of ['Cod post | Postcode', 'Cod post\nPostcode', 'Postcode (Cod post)']) expect(isPostcodeColumn(header)).toBe(true);
    for (const header of [
      'Consent to publish | Caniatâd i gyhoeddi',
      'Permission to publish (Caniatâd i gyhoeddi)',
      'Ok to publish\nIawn i gyhoeddi',
    ])
      expect(consentQuestionKind(header)).toBe('permission');
    expect(consentQuestionKind('Date published / Dyddiad cyhoeddi')).toBeNull();
  });
});
