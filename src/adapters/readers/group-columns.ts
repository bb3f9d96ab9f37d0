import { knownColumnName } from './column-names.js';

/**
 * Column names (simplified) that name the group a row belongs to, written once at the head of
 * each group in hand-made sheets and notes tables: the question a block of answers is to, the
 * theme, topic, site, venue, session or table of an event.
 */
const GROUP_COLUMN_NAMES = new Set([
  'question',
  'questiontext',
  'theme',
  'subtheme',
  'topic',
  'site',
  'section',
  'group',
  'category',
  'area',
  'location',
  'venue',
  'event',
  'session',
  'workshop',
  'table',
  'ward',
  'stage',
  'station',
  'heading',
]);

/** True for a column named for a group (see {@link GROUP_COLUMN_NAMES}), in one language or two (`Thema / Theme`). */
function isGroupColumnName(header: string): boolean {
  return knownColumnName(header, (name) => GROUP_COLUMN_NAMES.has(name)) !== undefined;
}

/**
 * True when a column other than those in `keep` is named for a group ({@link GROUP_COLUMN_NAMES}):
 * only then has a table cells to fill by name, and rows worth reading ahead to judge its columns.
 */
export function namesGroupColumn(headers: readonly string[], keep: ReadonlySet<string>): boolean {
  return headers.some((header) => !keep.has(header) && isGroupColumnName(header));
}

/** A column filled down by its name: its last value, the values it has had in its outer group, and whether it is still taken for a group. */
interface NamedGroup {
  index: number;
  last: string;
  seen: Set<string>;
  /** False once the column is known to be no group heading (blank on the first row, or a value that came back after another). */
  grouping: boolean;
}

/** A row as the reader gives it: its cells, and the values of merged ranges from the rows above that cover some (see {@link GroupFill.fill}). */
export interface GroupedRow {
  cells: string[];
  mergedAbove?: ReadonlyMap<number, string> | undefined;
}

/**
 * The filling of one table, row by row: the named group columns' state, and the columns a merged
 * range has been seen to run down. A named column's values may come back in another group of a
 * column to its left (the same theme at two venues): a new value there starts its values afresh.
 */
class FillState {
  private first = true;
  private readonly merged = new Set<number>();

  constructor(
    readonly named: NamedGroup[],
    private readonly keep: ReadonlySet<number>,
  ) {}

  step(row: GroupedRow): string[] {
    if (this.named.length === 0 && this.merged.size === 0 && (row.mergedAbove?.size ?? 0) === 0) return row.cells;
    const filled = [...row.cells];
    const starts: number[] = [];
    for (const index of row.mergedAbove?.keys() ?? []) this.merged.add(index);
    for (const index of this.merged) {
      const covered = row.mergedAbove?.get(index);
      if (covered === undefined) {
        if ((filled[index] ?? '').trim() !== '') starts.push(index);
        continue;
      }
      if (this.keep.has(index) || (filled[index] ?? '').trim() !== '') continue;
      while (filled.length <= index) filled.push('');
      filled[index] = covered;
    }
    for (const group of this.named) {
      const value = (filled[group.index] ?? '').trim();
      if (starts.some((index) => index < group.index)) group.seen.clear();
      if (value === '') {
        if (this.first) group.grouping = false;
        if (group.grouping && group.last !== '') {
          while (filled.length <= group.index) filled.push('');
          filled[group.index] = group.last;
        }
        continue;
      }
      if (value !== group.last) {
        if (group.seen.has(value)) group.grouping = false;
        group.seen.add(value);
        group.last = value;
        starts.push(group.index);
      }
    }
    this.first = false;
    return filled;
  }
}

function namedGroups(indexes: readonly number[]): NamedGroup[] {
  return indexes.map((index) => ({ index, last: '', seen: new Set<string>(), grouping: true }));
}

/**
 * Fills down the cells a table leaves blank under a group heading, row by row in reading order:
 *
 * - a column named for a group ({@link GROUP_COLUMN_NAMES}: `Question`, `Theme`, `Site`…) takes
 *   the value above it in a row where it is blank, as long as it looks like a heading written once
 *   per group: it has a value on the first row, and no value comes back after a different one
 *   within the same group of the columns to its left (`A, , B, , A` under one venue is an
 *   ordinary answer column, and is not filled from there on);
 * - a cell covered by a merged range from the row above (a workbook's `Site` merged down over its
 *   rows) takes the range's value, whatever the column is named;
 * - columns in `keep` (the free-text answers, the record's text) are never filled.
 */
export class GroupFill {
  private readonly state: FillState;

  /**
   * @param headers The table's header.
   * @param keep The headers of columns never filled: the text and answer columns.
   * @param sample Rows read ahead (the ones a table's columns are judged by): a named column that
   *   is no group heading in them is never filled, not even in its first rows.
   */
  constructor(headers: readonly string[], keep: ReadonlySet<string>, sample: readonly GroupedRow[] = []) {
    const kept = new Set(headers.flatMap((header, index) => (keep.has(header) ? [index] : [])));
    const named = headers.flatMap((header, index) => (kept.has(index) || !isGroupColumnName(header) ? [] : [index]));
    const trial = new FillState(namedGroups(named), kept);
    for (const row of sample) trial.step(row);
    this.state = new FillState(namedGroups(trial.named.filter((group) => group.grouping).map((group) => group.index)), kept);
  }

  /** The row's cells with its blank group cells filled (see {@link GroupFill}). */
  fill(row: GroupedRow): string[] {
    return this.state.step(row);
  }
}
