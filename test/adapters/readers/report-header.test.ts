import { describe, expect, test } from '@jest/globals';
import { reportStartDate, timeOnReportDay } from '../../../src/adapters/readers/report-header.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

const PLACES = ['line 1', 'line 2', 'line 3', 'line 4', 'line 5'];

/** Zoom's Q&A report header block, with the table header given, for a webinar that began at `start`. */
function zoomQaReport(header: string, rows: readonly string[], start = 'Jan 15, 2024 10:00 AM'): string {
  return [
    'Question and Answer Report',
    'Report Generated:,"Jan 16, 2024 09:12 AM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Question',
    `Forum,812 3456 7890,"${start}",62,2`,
    'Question Details',
    header,
    ...rows,
    '',
  ].join('\n');
}

describe('reportStartDate', () => {
  test("a summary block's Actual Start Time, read from the row of values under it", () => {
    const rows = [
      ['Question and Answer Report'],
      ['Report Generated:', 'Jan 16, 2024 09:12 AM'],
      ['Topic', 'Webinar ID', 'Actual Start Time', 'Actual Duration (minutes)'],
      ['Forum', '812 3456 7890', 'Jan 15, 2024 10:00 AM', '62'],
      ['Question Details'],
    ];
    expect(reportStartDate(rows, PLACES)).toEqual({ date: '2024-01-15T10:00:00.000Z', from: 'Actual Start Time, line 4' });
  });

  test("a Name:,value row is no summary block: a spend report's period, an export time", () => {
    expect(
      reportStartDate(
        [['Report of all payments'], ['', 'Start Date:', '4th March, 2012'], ['', 'Start Time:', '04/03/2012 09:00']],
        PLACES,
      ),
    ).toBeNull();
    expect(
      reportStartDate(
        [
          ['Report Generated:', 'Jan 16, 2024 09:12 AM'],
          ['Exported on', '2024-01-16'],
        ],
        PLACES,
      ),
    ).toBeNull();
  });

  test('a summary block whose start is no date gives none', () => {
    expect(
      reportStartDate(
        [
          ['Topic', 'Webinar ID', 'Start Time'],
          ['Forum', '812', 'to be confirmed'],
        ],
        PLACES,
      ),
    ).toBeNull();
  });
});

describe('timeOnReportDay', () => {
  const report = { date: '2024-01-15T22:30:00.000Z', from: 'Actual Start Time, line 4' };

  test.each([
    ['22:41:07', '2024-01-15T22:41:07.000Z', 'Question Time, on the day of Actual Start Time, line 4'],
    ['22:30', '2024-01-15T22:30:00.000Z', 'Question Time, on the day of Actual Start Time, line 4'],
    ['10:45 PM', '2024-01-15T22:45:00.000Z', 'Question Time, on the day of Actual Start Time, line 4'],
    ['00:12:40', '2024-01-16T00:12:40.000Z', 'Question Time, on the day after Actual Start Time, line 4'],
    ['12:05:00 AM', '2024-01-16T00:05:00.000Z', 'Question Time, on the day after Actual Start Time, line 4'],
  ])('%j is read on the webinar’s day, or the next when earlier than its start', (text, date, from) => {
    expect(timeOnReportDay(text, report, 'Question Time')).toEqual({ date, from });
  });

  test.each(['25:00:00', '10:61', '13:00 PM', '2024-01-15', '10', 'soon', '1:02:03:04'])('%j is no time of day', (text) => {
    expect(timeOnReportDay(text, report, 'Question Time')).toBeNull();
  });
});

describe('Zoom webinar Q&A reports are dated', () => {
  test("by the webinar's start when the questions have no time, with meta.dateFrom, the ids as before", async () => {
    const result = await readTempInput(
      'qa.csv',
      zoomQaReport('#,Question,Asker Name,Asker Email,Answer(s)', ['1,Why close the day centre?,Asha Patel,asha@example.org,']),
    );
    const [record] = recordsOf(result);
    expect(record?.date).toBe('2024-01-15T10:00:00.000Z');
    expect(record?.meta['dateFrom']).toBe('Actual Start Time, line 4');
    const undated = await readTempInput(
      'qa.csv',
      ['#,Question,Asker Name,Asker Email,Answer(s)', '1,Why close the day centre?,Asha Patel,,', ''].join('\n'),
    );
    expect(recordsOf(undated)[0]?.date).toBeNull();
    expect(recordsOf(undated)[0]?.sourceId).toBe(record?.sourceId);
  });

  test("by each question's own time when the table has one, and by the webinar's start where a time is missing", async () => {
    const result = await readTempInput(
      'qa.csv',
      zoomQaReport('#,Question,Asker Name,Question Time,Answer(s)', [
        '1,Why close the day centre?,Asha Patel,2024-01-15 10:21:04,',
        '2,Who decides on respite?,Tom Reed,,',
      ]),
    );
    expect(recordsOf(result).map((record) => [record.date, record.meta['dateFrom'] ?? null])).toEqual([
      ['2024-01-15T10:21:04.000Z', null],
      ['2024-01-15T10:00:00.000Z', 'Actual Start Time, line 4'],
    ]);
  });

  test("by the webinar's day and each question's time of day, the next day past midnight, with meta.dateFrom and no warning", async () => {
    const result = await readTempInput(
      'qa.csv',
      zoomQaReport(
        '#,Question,Asker Name,Question Time,Answer(s)',
        ['1,Why close the day centre?,Asha Patel,23:41:07,', '2,Who decides on respite?,Tom Reed,00:12:40,', '3,And carers?,Jo Bloggs,,'],
        'Jan 15, 2024 11:30 PM',
      ),
    );
    expect(recordsOf(result).map((record) => [record.date, record.meta['dateFrom'] ?? null, record.meta['Question Time'] ?? null])).toEqual(
      [
        ['2024-01-15T23:41:07.000Z', 'Question Time, on the day of Actual Start Time, line 4', null],
        ['2024-01-16T00:12:40.000Z', 'Question Time, on the day after Actual Start Time, line 4', null],
        ['2024-01-15T23:30:00.000Z', 'Actual Start Time, line 4', null],
      ],
    );
    expect(
      result.items.filter((item) => item.kind === 'warning').map((item) => item.kind === 'warning' && item.message),
    ).not.toContainEqual(expect.stringContaining('could not be read as a date'));
    const untimed = await readTempInput(
      'qa.csv',
      zoomQaReport('#,Question,Asker Name,Answer(s)', ['1,Why close the day centre?,Asha Patel,'], 'Jan 15, 2024 11:30 PM'),
    );
    expect(recordsOf(result)[0]?.sourceId).toBe(recordsOf(untimed)[0]?.sourceId);
  });

  test('a time of day alone dates nothing in a table without a start above it: kept in meta, with a warning', async () => {
    const result = await readTempInput(
      'qa.csv',
      ['#,Question,Asker Name,Question Time', '1,Why close the day centre?,Asha Patel,10:42:13', ''].join('\n'),
    );
    const [record] = recordsOf(result);
    expect([record?.date, record?.meta['Question Time'], record?.meta['dateFrom']]).toEqual([null, '10:42:13', undefined]);
  });
});
