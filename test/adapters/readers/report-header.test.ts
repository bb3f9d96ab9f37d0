import { describe, expect, test } from '@jest/globals';
import { reportStartDate } from '../../../src/adapters/readers/report-header.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

const PLACES = ['line 1', 'line 2', 'line 3', 'line 4', 'line 5'];

/** Zoom's Q&A report header block, with the table header given. */
function zoomQaReport(header: string, rows: readonly string[]): string {
  return [
    'Question and Answer Report',
    'Report Generated:,"Jan 16, 2024 09:12 AM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Question',
    'Forum,812 3456 7890,"Jan 15, 2024 10:00 AM",62,2',
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
});
