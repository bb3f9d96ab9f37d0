import { describe, expect, test } from '@jest/globals';
import { mapColumns } from '../../../src/adapters/readers/column-mapping.js';

const dateColumnOf = (headers: readonly string[]): string | undefined => mapColumns({ file: 'responses.csv' }, headers, {}).fields.date;

describe('mapColumns: the date column', () => {
  test('is found with a time zone named after its name', () => {
    expect(dateColumnOf(['#', 'Comment', 'Start Date (UTC)', 'Submit Date (UTC)'])).toBe('Submit Date (UTC)');
    expect(dateColumnOf(['Comment', 'Created at GMT'])).toBe('Created at GMT');
  });

  test('a name without the zone comes first, in the usual order of names', () => {
    expect(dateColumnOf(['Comment', 'Submit Date (UTC)', 'Date'])).toBe('Date');
  });

  test('a zone alone, or a name that only ends in the same letters, is not a date column', () => {
    expect(dateColumnOf(['Comment', 'UTC'])).toBeUndefined();
    expect(dateColumnOf(['Comment', 'Start Date (UTC)'])).toBeUndefined();
  });
});
