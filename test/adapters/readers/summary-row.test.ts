import { describe, expect, test } from '@jest/globals';
import { isRepeatedHeaderRow, isSummaryRow, tableFurnitureOf } from '../../../src/adapters/readers/summary-row.js';

describe('isSummaryRow', () => {
  test.each([
    [['Total', '3', '3', '3']],
    [['', 'Grand total', '12', '', '45%']],
    [['Total comments', '3', '13']],
    [['Average:', '4.2']],
    [['Number of responses', '1,024']],
    [['Totals', '£3,250.00']],
  ])('%j is a totals row', (cells) => {
    expect(isSummaryRow(cells)).toBe(true);
  });

  test.each([
    [['Total', 'The total cost of care is too high for us.']],
    [['1', 'Total', '3']],
    [['Jo', 'Average service, nothing special.']],
    [['Count me in for the next forum', '2']],
    [['', '', '']],
  ])('%j is not', (cells) => {
    expect(isSummaryRow(cells)).toBe(false);
  });
});

describe('isRepeatedHeaderRow', () => {
  const headers = ['Name', 'Date', 'Comment', 'column 4', 'Comment (2)'];

  test.each([[['Name', 'Date', 'Comment', '', 'Comment']], [['\ufeffName', 'date', ' Comment ', '', '']]])(
    '%j repeats the header',
    (cells) => {
      expect(isRepeatedHeaderRow(cells, headers)).toBe(true);
    },
  );

  test.each([[['Jo', 'Date', 'Comment', '', '']], [['', '', 'Comment', '', '']], [['', '', '', '', '']]])('%j does not', (cells) => {
    expect(isRepeatedHeaderRow(cells, headers)).toBe(false);
  });

  test('the detail says which kind of row it is', () => {
    expect(tableFurnitureOf(['Total', '3'], ['Name', 'Votes'])).toBe('a totals row under the table');
    expect(tableFurnitureOf(['Name', 'Votes'], ['Name', 'Votes'])).toBe('the header row again (files joined into one?)');
    expect(tableFurnitureOf(['Jo', '3'], ['Name', 'Votes'])).toBeNull();
  });
});

describe('a survey tool’s own responses', () => {
  const headers = ['ResponseId', 'Response Type', 'Distribution Channel', 'Q1'];

  test.each([
    [['R_1', 'Survey Preview', 'preview', 'test test'], "not a respondent's answer (Response Type: Survey Preview)"],
    [['R_2', 'Survey Test', 'test', 'x'], "not a respondent's answer (Response Type: Survey Test)"],
    [['R_3', 'Spam', 'anonymous', 'Buy now'], "not a respondent's answer (Response Type: Spam)"],
    [['R_4', 'IP Address', 'preview', 'x'], "not a respondent's answer (Distribution Channel: preview)"],
    [['R_7', 'Test Data', 'anonymous', 'asdf'], "not a respondent's answer (Response Type: Test Data)"],
  ])('%j is the survey tool’s, not a respondent’s', (cells, detail) => {
    expect(tableFurnitureOf(cells, headers)).toBe(detail);
  });

  test.each([[['R_5', 'IP Address', 'anonymous', 'Survey Preview']], [['R_6', 'Imported', 'email', 'More respite']]])(
    '%j is a response',
    (cells) => {
      expect(tableFurnitureOf(cells, headers)).toBeNull();
    },
  );

  test('a status of test in a column that is not the survey tool’s is an answer', () => {
    expect(tableFurnitureOf(['Test', 'More respite'], ['Status', 'Comment'])).toBeNull();
  });
});
