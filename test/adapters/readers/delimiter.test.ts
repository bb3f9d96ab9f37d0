import { describe, expect, test } from '@jest/globals';
import { declaredDelimiter, sniffDelimiter } from '../../../src/adapters/readers/delimiter.js';
import { looksLikeDelimitedTable } from '../../../src/adapters/readers/delimited-table.js';

describe('sniffDelimiter', () => {
  test('title lines the delimiter does not split do not hide it', () => {
    const text = 'Consultation responses\nExported on 14/03/2024\n\nName\tArea\tComment\nJo\tLeeds\tMore respite\nAl\tYork\tLate buses\n';
    expect(sniffDelimiter(text)).toBe('\t');
  });

  test('a comma inside a title does not outvote the tabs of the table', () => {
    const text = 'Responses, all areas\nName\tArea\tComment\nJo\tLeeds\tMore respite\nAl\tYork\tLate buses\n';
    expect(sniffDelimiter(text)).toBe('\t');
  });
});

describe("Excel's sep= line", () => {
  test('names the delimiter, whatever the lines under it hold most', () => {
    expect(sniffDelimiter('sep=,\nName,Comment\nJo,"More; respite; please"\n')).toBe(',');
    expect(sniffDelimiter('sep=|\r\nName|Comment\r\n')).toBe('|');
  });

  test('names only a delimiter tlap reads', () => {
    expect(declaredDelimiter('sep=#\nName#Comment\n')).toBeNull();
    expect(declaredDelimiter('Name;Comment\nsep=;\n')).toBeNull();
  });
});

describe('looksLikeDelimitedTable (a table under a name that does not say so)', () => {
  test('a cell holding a line break inside quotes keeps the table whole', () => {
    const text = 'Name\tDate\tComment\r\nJo\t02/01/2024\t"First line\nsecond line"\r\nAl\t03/01/2024\tAnother comment\r\n';
    expect(looksLikeDelimitedTable(text, '.txt', true)).toBe(true);
  });

  test('title rows above the header are passed over', () => {
    const text = 'Consultation responses\n\nName;Area;Comment\nJo;Leeds;More respite\nAl;York;Late buses\n';
    expect(looksLikeDelimitedTable(text, '.txt', true)).toBe(true);
  });

  test('notes whose lines hold a comma or two are no table', () => {
    const text = 'Workshop 1, morning\nMore respite, please, at weekends\nThe bus is late, every day\nStaff are kind\n';
    expect(looksLikeDelimitedTable(text, '.txt', true)).toBe(false);
  });

  test('a .txt needs a header and two rows', () => {
    expect(looksLikeDelimitedTable('Name\tComment\nJo\tMore respite\n', '.txt', true)).toBe(false);
    expect(looksLikeDelimitedTable('Name\tComment\nJo\tMore respite\n', '', true)).toBe(true);
  });
});
