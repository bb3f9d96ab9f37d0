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
