import { toIsoDate } from '../../record/dates.js';
import { dateOrderEvidence, readDateInOrder, type DateOrder } from '../../record/ordered-dates.js';
import type { RecordDraft } from '../../record/record.js';
import { simplifyColumnName } from './column-names.js';

/**
 * Names (simplified) under which a report's summary block gives when the event began: Zoom's
 * `Actual Start Time` (webinar and meeting reports), `Start Time`, `Webinar Date`, `Meeting Date`.
 * Never the time the report was made (`Report Generated:`), nor a reporting period's `Start Date`
 * (a spend report's `Start Date:,"4th March, 2012"` dates no row).
 */
const START_NAMES = ['actualstarttime', 'starttime', 'scheduledstarttime', 'webinardate', 'meetingdate', 'eventdate', 'sessiondate'];

/** When the event a report is about began, as its header block above the table gives it, and where. */
export interface ReportDate {
  /** ISO 8601 (UTC when the report names no zone, as Zoom writes its times). */
  date: string;
  /** The name and place it was read from, as `meta.dateFrom` gives it: `Actual Start Time, line 4`. */
  from: string;
}

/** A value read as a date: ISO 8601 and other layouts {@link toIsoDate} reads, else numbers in the order they show (day first when either fits). */
function dateOf(value: string, order: DateOrder | undefined): string | null {
  const text = value.trim();
  if (text === '') return null;
  const iso = toIsoDate(text);
  if (iso !== null) return iso;
  const evidence = dateOrderEvidence(text);
  return readDateInOrder(text, order ?? (evidence === 'month-day-year' ? 'month-day-year' : 'day-month-year'));
}

/**
 * When the event began, from the title rows above a table's header: a summary block, a row of
 * three or more names with the row of values under it, as Zoom's webinar reports write
 * `Topic,Webinar ID,Actual Start Time,…` above `Question Details`, one of the names in
 * {@link START_NAMES}. A `Name:,value` title row is no summary block: such rows head spend
 * reports and exports with their periods and export times. `places` name each title row
 * (`line 4`, `row 4 of sheet "Q&A"`); `order` is the analyst's day order. Null when the rows
 * give no such date.
 */
export function reportStartDate(
  titleRows: readonly (readonly string[])[],
  places: readonly string[],
  order?: DateOrder,
): ReportDate | null {
  for (const [index, row] of titleRows.entries()) {
    if (row.filter((cell) => cell.trim() !== '').length < 3) continue;
    const named = row.findIndex((cell) => START_NAMES.includes(simplifyColumnName(cell)));
    const value = titleRows[index + 1]?.[named];
    const place = places[index + 1];
    if (named === -1 || value === undefined || place === undefined) continue;
    const date = dateOf(value, order);
    if (date !== null) return { date, from: `${(row[named] ?? '').trim()}, ${place}` };
  }
  return null;
}

/** A time of day alone, as a Zoom Q&A report's `Question Time` may give it: `10:42:13`, `10:42`, `3:05:09 PM`. */
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A time of day alone (`10:42:13`, `3:05 PM`) on the day the report's event began, as a webinar's
 * Q&A report writes when each question was asked: the start's day, or the day after when the
 * time is earlier than the start (a webinar that ran past midnight). `column` names the time's
 * column for `from` (`Question Time, on the day of Actual Start Time, line 4`). Null for any other
 * value.
 */
export function timeOnReportDay(text: string, report: ReportDate, column: string): ReportDate | null {
  const match = TIME_OF_DAY.exec(text.trim());
  if (match === null) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? '0');
  const half = match[4]?.toLowerCase();
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const start = Date.parse(report.date);
  if (Number.isNaN(start)) return null;
  const sameDay = Math.floor(start / DAY_MS) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  const nextDay = sameDay < start;
  return {
    date: new Date(nextDay ? sameDay + DAY_MS : sameDay).toISOString(),
    from: `${column.trim()}, on the day ${nextDay ? 'after' : 'of'} ${report.from}`,
  };
}

/**
 * A draft without a date of its own dated by the report's start, with `meta.dateFrom` saying so.
 * Its content-hash id stays made without a date (`idDate` null), as before the report's date was read.
 */
export function datedByReport(draft: RecordDraft, report: ReportDate | null): RecordDraft {
  if (report === null || (draft.date !== null && draft.date !== undefined)) return draft;
  return {
    ...draft,
    date: report.date,
    idDate: draft.idDate ?? null,
    meta: { ...draft.meta, dateFrom: report.from },
  };
}
