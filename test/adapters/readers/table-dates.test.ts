import { describe, expect, test } from '@jest/globals';
import type { AdapterItem } from '../../../src/adapters/format-adapter.js';
import { PROFILE_ROWS } from '../../../src/adapters/readers/free-text-columns.js';
import { DateOrderLookahead, excelSerialDate, TableDateColumn } from '../../../src/adapters/readers/table-dates.js';
import type { Provenance } from '../../../src/record/record.js';

const FILE = 'responses.csv';

function at(line: number): Provenance {
  return { file: FILE, line, row: line - 1 };
}

/** Reads values as rows from line 2 on, and returns the dates read. */
function readColumn(column: TableDateColumn, values: readonly string[]): (string | null)[] {
  return values.map((value, index) => column.read(value, at(index + 2)));
}

function messages(items: readonly AdapterItem[]): string[] {
  return items.map((item) => (item.kind === 'warning' ? `${item.code ?? '-'} ${item.message}` : item.kind));
}

describe('TableDateColumn', () => {
  test('the first value that is a date only day first decides the column, with no warning', () => {
    const column = new TableDateColumn('Timestamp', { file: FILE });
    expect(readColumn(column, ['13/01/2024 09:05:12', '02/01/2024 14:30:00'])).toEqual([
      '2024-01-13T09:05:12.000Z',
      '2024-01-02T14:30:00.000Z',
    ]);
    expect(column.warnings()).toEqual([]);
  });

  test('with no value showing the order, the dates are read day first and one warning says how many', () => {
    const column = new TableDateColumn('Timestamp', { file: FILE });
    expect(readColumn(column, ['02/01/2024', '03/01/2024', '04/01/2024'])).toEqual([
      '2024-01-02T00:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
      '2024-01-04T00:00:00.000Z',
    ]);
    expect(messages(column.warnings())).toEqual([
      'DATE_ORDER_ASSUMED 3 dates in column "Timestamp" could be day/month or month/day (the first, "02/01/2024", on line 2); read day first, as UK exports write them',
    ]);
    expect(column.warnings()).toEqual([expect.objectContaining({ provenance: at(2) })]);
  });

  test('dates read day first before a value showed month first are counted and named', () => {
    const column = new TableDateColumn('date', { file: FILE });
    expect(readColumn(column, ['02/01/2024', '01/13/2024', '02/03/2024'])).toEqual([
      '2024-01-02T00:00:00.000Z',
      '2024-01-13T00:00:00.000Z',
      '2024-02-03T00:00:00.000Z',
    ]);
    expect(messages(column.warnings())).toEqual([
      'DATE_ORDER_ASSUMED 1 date in column "date" was read day first before line 3 showed the column writes the month first ("02/01/2024", on line 2); they may be wrong',
    ]);
  });

  test('a value that fits only the other order stays unread and is counted', () => {
    const column = new TableDateColumn('date', { file: FILE });
    expect(readColumn(column, ['13/03/2024', '03/15/2024', '03/16/2024', '17/03/2024'])).toEqual([
      '2024-03-13T00:00:00.000Z',
      null,
      null,
      '2024-03-17T00:00:00.000Z',
    ]);
    expect(messages(column.warnings())).toEqual([
      'DATE_ORDER_CONTRADICTED 2 dates in column "date" fit only another order than the day-first one line 2 showed (the first, "03/15/2024", on line 3); left unread, kept in meta',
    ]);
  });

  test('the order chosen is used for every value, and values against it are counted', () => {
    const column = new TableDateColumn('date', { file: FILE }, 'month-day-year');
    expect(readColumn(column, ['02/01/2024', '13/01/2024'])).toEqual(['2024-02-01T00:00:00.000Z', null]);
    expect(messages(column.warnings())).toEqual([
      'DATE_ORDER_CONTRADICTED 1 date in column "date" fits only another order than the month-first one chosen ("13/01/2024", on line 3); left unread, kept in meta',
    ]);
  });

  test('values that are no dates are counted with the first one and its line; empty values are not', () => {
    const column = new TableDateColumn('date', { file: FILE });
    expect(readColumn(column, ['NA', '-', 'next Tuesday', '31/02/2024', 'n/a'])).toEqual([null, null, null, null, null]);
    expect(messages(column.warnings())).toEqual([
      '- 2 values in column "date" could not be read as a date (the first, "next Tuesday", on line 4); kept in meta, the records have no date',
    ]);
  });

  test('a long value is shortened in the message', () => {
    const column = new TableDateColumn('date', { file: FILE });
    column.read('x'.repeat(500), at(2));
    expect(messages(column.warnings())[0]).toContain(`"${'x'.repeat(40)}…"`);
  });

  test('a sheet is named beside the column, and a row stands for the line', () => {
    const column = new TableDateColumn('Date', { file: 'book.xlsx', part: 'sheet "Responses"' });
    column.read('soon', { file: 'book.xlsx', row: 7, part: 'Responses' });
    expect(messages(column.warnings())).toEqual([
      '- 1 value in column "Date" of sheet "Responses" could not be read as a date ("soon", on row 7); kept in meta, the record has no date',
    ]);
  });

  test('one row read for several records (a survey row with several answers) counts once', () => {
    const column = new TableDateColumn('date', { file: FILE });
    const row = at(2);
    column.read('02/01/2024', row);
    column.read('02/01/2024', row);
    column.read('02/01/2024', row);
    expect(messages(column.warnings())[0]).toMatch(/^DATE_ORDER_ASSUMED 1 date in/);
  });
});

describe('DateOrderLookahead', () => {
  function lookahead(): { column: TableDateColumn; rows: DateOrderLookahead<number> } {
    const column = new TableDateColumn('date', { file: FILE });
    return { column, rows: new DateOrderLookahead<number>(column, () => 10) };
  }

  test('takes nothing while nothing is held and the date needs no order', () => {
    const { rows } = lookahead();
    expect(rows.takes('2013-11-28T19:28')).toBe(false);
    expect(rows.takes(null)).toBe(false);
    expect(rows.takes('2 January 2024')).toBe(false);
  });

  test('holds rows from the first that needs the order until one shows it, then lets them all go in order', () => {
    const { column, rows } = lookahead();
    expect(rows.takes('02/01/2024')).toBe(true);
    rows.hold(1, '02/01/2024', at(2));
    expect(rows.release()).toEqual([]);
    expect(rows.takes('2024-01-05')).toBe(true);
    rows.hold(2, '2024-01-05', at(3));
    expect(rows.release()).toEqual([]);
    rows.hold(3, '01/13/2024', at(4));
    expect(rows.release()).toEqual([1, 2, 3]);
    expect(column.open).toBe(false);
    expect(rows.takes('02/01/2024')).toBe(false);
    expect(column.read('02/01/2024', at(2))).toBe('2024-02-01T00:00:00.000Z');
  });

  test(`lets the rows go after ${PROFILE_ROWS} when none shows the order, and at the end of the table`, () => {
    const { rows } = lookahead();
    let released: number[] = [];
    for (let index = 0; index < PROFILE_ROWS; index += 1) {
      rows.hold(index, '02/01/2024', at(index + 2));
      released = rows.release();
    }
    expect(released).toHaveLength(PROFILE_ROWS);
    rows.hold(-1, '03/01/2024', at(1000));
    expect(rows.release()).toEqual([]);
    expect(rows.drain()).toEqual([-1]);
  });
});

describe('Excel date serials in a date column', () => {
  test('a day number with the time as its fraction is read as the date and time it stands for', () => {
    expect(excelSerialDate('46328.5872')).toBe('2026-11-02T14:05:34.000Z');
    expect(excelSerialDate('45000')).toBe('2023-03-15T00:00:00.000Z');
  });

  test('numbers that are no day of 1970–2099, and other values, are not serials', () => {
    for (const value of ['1234', '12345', '99999', '45000.5.1', '4.5e4', '-45000', '2024-01-02']) expect(excelSerialDate(value)).toBeNull();
  });

  test('a column of serials is read without any warning', () => {
    const column = new TableDateColumn('Completion time', { file: FILE });
    expect(readColumn(column, ['46328.5872', '46329.25'])).toEqual(['2026-11-02T14:05:34.000Z', '2026-11-03T06:00:00.000Z']);
    expect(column.warnings()).toEqual([]);
  });
});
