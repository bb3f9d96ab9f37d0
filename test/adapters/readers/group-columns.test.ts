import { describe, expect, test } from '@jest/globals';
import { GroupFill } from '../../../src/adapters/readers/group-columns.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { itemSummary, readTempInput } from '../../helpers/temp-input.js';

/** Fills the rows in order, as a reader does, and returns the filled cells. */
function filled(headers: readonly string[], keep: readonly string[], rows: readonly string[][], sample = false): string[][] {
  const groups = new GroupFill(headers, new Set(keep), sample ? rows.map((cells) => ({ cells })) : []);
  return rows.map((cells) => groups.fill({ cells }));
}

describe('GroupFill', () => {
  test('a column named for a group takes the value above it; the text column never does', () => {
    expect(
      filled(
        ['Theme', 'Comment'],
        ['Comment'],
        [
          ['Transport', 'Buses stop at 4pm.'],
          ['', 'Taxis cost too much.'],
          ['Respite', ''],
          ['', 'Breaks were cancelled.'],
        ],
      ),
    ).toEqual([
      ['Transport', 'Buses stop at 4pm.'],
      ['Transport', 'Taxis cost too much.'],
      ['Respite', ''],
      ['Respite', 'Breaks were cancelled.'],
    ]);
  });

  test('a column named for a group in two languages is filled as its English is; two English labels are no group name', () => {
    const rows = [
      ['Trafnidiaeth / Transport', 'Buses stop at 4pm.'],
      ['', 'Taxis cost too much.'],
    ];
    const transport = [rows[0] ?? [], ['Trafnidiaeth / Transport', 'Taxis cost too much.']];
    expect(filled(['Thema / Theme', 'Sylwadau / Comments'], ['Sylwadau / Comments'], rows)).toEqual(transport);
    expect(filled(['Theme\nThema', 'Comment'], ['Comment'], rows)).toEqual(transport);
    expect(filled(['Theme / notes', 'Comment'], ['Comment'], rows)).toEqual(rows);
  });

  test('a column that is no group heading is left as it is: blank on the first row, or an unnamed column', () => {
    const rows = [
      ['', 'x', 'Buses stop at 4pm.'],
      ['Leeds', '', 'Taxis cost too much.'],
      ['', '', 'Breaks were cancelled.'],
    ];
    expect(filled(['Site', 'Notes', 'Comment'], ['Comment'], rows)).toEqual(rows);
  });

  test('a value that comes back after another is an answer, not a heading: nothing more is filled, and nothing at all when the sample shows it', () => {
    const rows = [
      ['Leeds', 'a'],
      ['', 'b'],
      ['Otley', 'c'],
      ['Leeds', 'd'],
      ['', 'e'],
    ];
    expect(filled(['Site', 'Comment'], ['Comment'], rows).map((cells) => cells[0])).toEqual(['Leeds', 'Leeds', 'Otley', 'Leeds', '']);
    expect(filled(['Site', 'Comment'], ['Comment'], rows, true).map((cells) => cells[0])).toEqual(['Leeds', '', 'Otley', 'Leeds', '']);
  });

  test('a value may come back under a new group of a column to its left (the same theme at two venues)', () => {
    const rows = [
      ['Leeds', 'Transport', 'a'],
      ['', '', 'b'],
      ['', 'Respite', 'c'],
      ['Otley', 'Transport', 'd'],
      ['', '', 'e'],
    ];
    expect(filled(['Venue', 'Theme', 'Comment'], ['Comment'], rows, true).map((cells) => cells.slice(0, 2).join('/'))).toEqual([
      'Leeds/Transport',
      'Leeds/Transport',
      'Leeds/Respite',
      'Otley/Transport',
      'Otley/Transport',
    ]);
  });

  test("a workbook's range merged down a column fills the cells it covers, whatever the column's name, but never the text", () => {
    const groups = new GroupFill(['Where', 'Comment'], new Set(['Comment']));
    expect(groups.fill({ cells: ['Leeds', 'a'] })).toEqual(['Leeds', 'a']);
    expect(groups.fill({ cells: ['', 'b'], mergedAbove: new Map([[0, 'Leeds']]) })).toEqual(['Leeds', 'b']);
    expect(groups.fill({ cells: ['', ''], mergedAbove: new Map([[1, 'b']]) })).toEqual(['', '']);
  });
});

describe('tables read with their groups filled down', () => {
  test('csv: notes typed under a theme written once per block carry the theme', async () => {
    const result = await readTempInput(
      'notes.csv',
      [
        'Theme,Comment',
        'Transport,The community bus stopped on Fridays.',
        ',Taxis cost more than the session.',
        'Respite,Breaks were cancelled.',
        '',
      ].join('\n'),
    );
    expect(result.format).toBe('csv');
    expect(recordsOf(result).map((record) => record.meta['Theme'])).toEqual(['Transport', 'Transport', 'Respite']);
  });

  test('survey-csv: an optional answer named like a group is not filled in a survey where its values come back', async () => {
    const rows = Array.from({ length: 8 }, (_, index) =>
      [
        `R${index}`,
        ['Leeds', '', 'Otley'][index % 3] ?? '',
        `Answer number ${index} about the day centre and its buses.`,
        `More words ${index} about respite care.`,
      ].join(','),
    );
    const result = await readTempInput('survey.csv', ['Respondent,Site,What works?,What should change?', ...rows, ''].join('\n'));
    expect(result.format).toBe('survey-csv');
    const sites = recordsOf(result)
      .filter((record) => record.meta['question'] === 'What works?')
      .map((record) => (record.meta['answers'] as Record<string, string>)['Site'] ?? null);
    expect(sites).toEqual(['Leeds', null, 'Otley', 'Leeds', null, 'Otley', 'Leeds', null]);
  });

  test('csv: an optional answer named like a group (a ward left blank on some comment cards) is not filled, not even before its values come back', async () => {
    const result = await readTempInput(
      'cards.csv',
      [
        'Ward,Comment',
        'Headingley,The community bus stopped on Fridays.',
        ',Taxis cost more than the session.',
        'Otley,Breaks were cancelled.',
        'Headingley,Nobody rang back about the sitting service.',
        ',Letters arrive after the meeting.',
        '',
      ].join('\n'),
    );
    expect(result.format).toBe('csv');
    expect(recordsOf(result).map((record) => record.meta['Ward'] ?? null)).toEqual(['Headingley', null, 'Otley', 'Headingley', null]);
  });

  test('csv: rows read ahead to judge the group columns keep their order, a broken row among them', async () => {
    const result = await readTempInput(
      'notes.csv',
      [
        'Theme,Comment',
        'Transport,The bus stopped.',
        ',Taxis cost more,than the session',
        'Respite,Breaks were cancelled.',
        ',Nobody rang back.',
        '',
      ].join('\n'),
    );
    expect(itemSummary(result.items)).toEqual([
      'record line 2: The bus stopped.',
      'rejected line 3: CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
      'record line 4: Breaks were cancelled.',
      'record line 5: Nobody rang back.',
    ]);
    expect(recordsOf(result).map((record) => record.meta['Theme'])).toEqual(['Transport', 'Respite', 'Respite']);
  });
});
