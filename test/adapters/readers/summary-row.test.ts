import { describe, expect, test } from '@jest/globals';
import { isSummaryRow } from '../../../src/adapters/readers/summary-row.js';

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
