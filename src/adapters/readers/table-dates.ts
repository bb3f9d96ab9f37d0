import type { InputLocation } from '../../errors.js';
import type { Provenance } from '../../record/record.js';
import { DATE_ORDERS, dateOrderEvidence, mayNeedDateOrder, readDateInOrder, type DateOrder } from '../../record/ordered-dates.js';
import type { AdapterItem } from '../format-adapter.js';
import { isSentinelValue, PROFILE_ROWS } from './free-text-columns.js';
import { timeOnReportDay, type ReportDate } from './report-header.js';

/** The most text held back while a date column's order is open. */
const HELD_CHARS = 4 * 1024 * 1024;

/** The order read when no value of a column shows it: tlap's users are UK organisations. */
const ASSUMED_ORDER: DateOrder = 'day-month-year';

/** The longest example value a warning quotes. */
const EXAMPLE_CHARS = 40;

const ORDER_WORDS: Readonly<Record<DateOrder, string>> = {
  'day-month-year': 'day-first',
  'month-day-year': 'month-first',
  'year-month-day': 'year-first',
};

/** Excel's day number of 1970-01-01 (Excel counts days from 1900, with a leap day 1900 never had). */
const EXCEL_UNIX_EPOCH = 25569;

/** Excel's day number of 2100-01-01: later day numbers in a date column are taken for other numbers. */
const EXCEL_LAST_DAY = 73051;

const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;

/**
 * The ISO date of an Excel date serial written as a number (`46328.5872`, 2026-11-02 14:05:34),
 * as a workbook's date column holds its dates when the cells lost their date format (a column
 * formatted General, a sheet filled by Power Automate, a copy pasted as values) and as CSV saved
 * from it writes them; null for any other value. The day count is from 1970 to 2099; the time of
 * day is the fraction, to the second, in UTC.
 */
export function excelSerialDate(text: string): string | null {
  const value = text.trim();
  if (!EXCEL_SERIAL.test(value)) return null;
  const serial = Number(value);
  if (serial < EXCEL_UNIX_EPOCH || serial >= EXCEL_LAST_DAY) return null;
  return new Date(Math.round((serial - EXCEL_UNIX_EPOCH) * 86400) * 1000).toISOString();
}

/** How many values one kind of warning is about, and the first of them. */
class Tally {
  count = 0;
  first: { provenance: Provenance; text: string } | undefined;

  add(provenance: Provenance, text: string): void {
    this.count += 1;
    this.first ??= { provenance, text };
  }
}

/** Where a value is, in the words of a message: its line, or its row in a sheet. */
function placeOf(provenance: Provenance): string {
  return provenance.line === undefined ? `row ${provenance.row ?? 1}` : `line ${provenance.line}`;
}

/** The first value of a tally and where it is, for a message: `the first, "13/01/2024", on line 9`. */
function firstOf(tally: Tally): string {
  const { first, count } = tally;
  if (first === undefined) return '';
  const trimmed = first.text.trim();
  const shown = JSON.stringify(trimmed.length > EXAMPLE_CHARS ? `${trimmed.slice(0, EXAMPLE_CHARS)}…` : trimmed);
  return `${count === 1 ? '' : 'the first, '}${shown}, on ${placeOf(first.provenance)}`;
}

function valuesOf(count: number): string {
  return count === 1 ? '1 date' : `${count} dates`;
}

/**
 * The reading of the dates of one table's date column that {@link toIsoDate} leaves unread: the
 * day/month layouts every UK spreadsheet writes (`02/01/2024 14:30:00`) and the month-name ones
 * (see {@link readDateInOrder}), and Excel date serials written as numbers (see
 * {@link excelSerialDate}). The order of day and month is the analyst's when chosen, else the
 * column's own: the first value that is a date only day first (`13/01/2024`) or only month first
 * (`01/13/2024`) decides it, and until one does, values are read day first and counted as assumed.
 * A value that is a date only in the other order is left unread and counted; so is a value that is
 * no date at all (sentinels such as `NA` or `-` aside). {@link TableDateColumn.warnings} says so,
 * once per column.
 */
export class TableDateColumn {
  private order: DateOrder | null;
  private decidedAt: Provenance | undefined;
  private readonly assumed = new Tally();
  private readonly contradicting = new Tally();
  private readonly unreadable = new Tally();
  private lastProvenance: Provenance | undefined;
  private lastText = '';
  private lastDate: string | null = null;
  private lastFrom: string | undefined;

  /**
   * @param column The date column's header.
   * @param location The table, named in warnings.
   * @param chosen The analyst's order, used for every value.
   * @param report When the event the table reports on began, from the title rows above it: a
   *   value that is a time of day alone is read on its day (see {@link timeOnReportDay}).
   */
  constructor(
    readonly column: string,
    private readonly location: InputLocation,
    private readonly chosen?: DateOrder,
    private readonly report?: ReportDate | null,
  ) {
    this.order = chosen ?? null;
  }

  /** True while no value has shown the order and this one might: rows are worth holding back until one does. */
  awaits(text: string | null | undefined): boolean {
    return this.order === null && text !== null && text !== undefined && mayNeedDateOrder(text);
  }

  /** True while the order is open. */
  get open(): boolean {
    return this.order === null;
  }

  /** Takes the column's order from a value that shows it, while the order is open. */
  observe(text: string | null | undefined, provenance: Provenance): void {
    if (!this.awaits(text) || text === null || text === undefined) return;
    const evidence = dateOrderEvidence(text);
    if (evidence === 'day-month-year' || evidence === 'month-day-year') {
      this.order = evidence;
      this.decidedAt = provenance;
    }
  }

  /**
   * The ISO date of a value of the column that {@link toIsoDate} could not read, or null (the
   * caller keeps the value in meta). One row read for several records counts once.
   */
  read(text: string, provenance: Provenance): string | null {
    if (provenance === this.lastProvenance && text === this.lastText) return this.lastDate;
    this.lastProvenance = provenance;
    this.lastText = text;
    this.lastFrom = undefined;
    this.lastDate = this.readOnce(text, provenance);
    return this.lastDate;
  }

  /**
   * Where the date {@link read} last gave for this row came from when the column did not give all
   * of it (`Question Time, on the day of Actual Start Time, line 4`), as `meta.dateFrom` says it;
   * undefined when the value was a whole date, or was read for another row.
   */
  dateFrom(provenance: Provenance): string | undefined {
    return provenance === this.lastProvenance ? this.lastFrom : undefined;
  }

  private readOnce(text: string, provenance: Provenance): string | null {
    if (isSentinelValue(text)) return null;
    const serial = excelSerialDate(text);
    if (serial !== null) return serial;
    const onDay = this.report === undefined || this.report === null ? null : timeOnReportDay(text, this.report, this.column);
    if (onDay !== null) {
      this.lastFrom = onDay.from;
      return onDay.date;
    }
    this.observe(text, provenance);
    const date = readDateInOrder(text, this.order ?? ASSUMED_ORDER);
    if (date !== null) {
      if (this.order === null && dateOrderEvidence(text) === 'either') this.assumed.add(provenance, text);
      return date;
    }
    if (DATE_ORDERS.some((order) => readDateInOrder(text, order) !== null)) this.contradicting.add(provenance, text);
    else this.unreadable.add(provenance, text);
    return null;
  }

  /** The column as messages name it, with its sheet. */
  private get named(): string {
    const column = `column ${JSON.stringify(this.column)}`;
    return this.location.part === undefined ? column : `${column} of ${this.location.part}`;
  }

  /** One warning for each kind of value the column could not read surely; none when every value was read. */
  warnings(): AdapterItem[] {
    const warnings: AdapterItem[] = [];
    const { assumed, contradicting, unreadable, named } = this;
    if (assumed.first !== undefined && this.order !== ASSUMED_ORDER) {
      const { provenance } = assumed.first;
      const shown = this.decidedAt === undefined ? undefined : placeOf(this.decidedAt);
      warnings.push({
        kind: 'warning',
        code: 'DATE_ORDER_ASSUMED',
        message:
          shown === undefined
            ? `${valuesOf(assumed.count)} in ${named} could be day/month or month/day (${firstOf(assumed)}); read day first, as UK exports write them`
            : `${valuesOf(assumed.count)} in ${named} ${assumed.count === 1 ? 'was' : 'were'} read day first before ${shown} showed the column writes the month first (${firstOf(assumed)}); they may be wrong`,
        provenance,
      });
    }
    if (contradicting.first !== undefined) {
      const { provenance } = contradicting.first;
      const order = this.order ?? ASSUMED_ORDER;
      const why =
        this.chosen !== undefined
          ? `the ${ORDER_WORDS[order]} one chosen`
          : this.decidedAt === undefined
            ? `the ${ORDER_WORDS[order]} one`
            : `the ${ORDER_WORDS[order]} one ${placeOf(this.decidedAt)} showed`;
      warnings.push({
        kind: 'warning',
        code: 'DATE_ORDER_CONTRADICTED',
        message: `${valuesOf(contradicting.count)} in ${named} ${contradicting.count === 1 ? 'fits' : 'fit'} only another order than ${why} (${firstOf(contradicting)}); left unread, kept in meta`,
        provenance,
      });
    }
    if (unreadable.first !== undefined) {
      const { provenance } = unreadable.first;
      const values = unreadable.count === 1 ? '1 value' : `${unreadable.count} values`;
      warnings.push({
        kind: 'warning',
        message: `${values} in ${named} could not be read as a date (${firstOf(unreadable)}); kept in meta, the ${unreadable.count === 1 ? 'record has' : 'records have'} no date`,
        provenance,
      });
    }
    return warnings;
  }
}

/**
 * Items of a table held back while its date column's order is open, so that a later row that shows
 * the order decides how the earlier ones are read: from the first row that needs the order until one
 * shows it, or {@link PROFILE_ROWS} rows (or 4 MiB of text) are held, then they go in their order.
 */
export class DateOrderLookahead<T> {
  private held: T[] = [];
  private heldChars = 0;

  /**
   * @param dates The column whose order is awaited.
   * @param charsOf How much text an item holds.
   */
  constructor(
    private readonly dates: TableDateColumn,
    private readonly charsOf: (item: T) => number,
  ) {}

  /** True when an item with this date must be held back: items are held, or its date may show the order. */
  takes(dateText: string | null | undefined): boolean {
    return this.held.length > 0 || this.dates.awaits(dateText);
  }

  /** Holds an item back that {@link takes} took (then call {@link release}). */
  hold(item: T, dateText: string | null | undefined, provenance: Provenance): void {
    this.dates.observe(dateText, provenance);
    this.held.push(item);
    this.heldChars += this.charsOf(item);
  }

  /** The held items that may go now: all of them once the order is known or enough are held, else none. */
  release(): T[] {
    if (this.dates.open && this.held.length < PROFILE_ROWS && this.heldChars < HELD_CHARS) return [];
    return this.drain();
  }

  /** Every held item (at the end of the table). */
  drain(): T[] {
    const items = this.held;
    this.held = [];
    this.heldChars = 0;
    return items;
  }
}
