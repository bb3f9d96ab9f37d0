import { CHANNEL_NAMES } from '../channel-names.js';
import { describeCell, protectReach, type ProtectedCell } from '../disclosure-control.js';
import { formatCount, formatShare } from '../number-format.js';
import type { ThemeReport } from '../theme-report.js';
import { columnChart, horizontalBarChart, type Bar } from './bar-chart.js';

/** A chart and the section (its heading's anchor) it is drawn at the top of. */
export interface SectionChart {
  /** The anchor of the `##` heading the chart follows (`themes`, `overview`, `over-time`). */
  section: string;
  /** The chart as inline SVG. */
  svg: string;
}

function described(intro: string, bars: readonly Bar[]): string {
  return `${intro}: ${bars.map((bar) => `${bar.label} ${bar.valueText}`).join('; ')}.`;
}

/** The key of the charts that draw voices in front of records. */
const VOICES_AND_RECORDS = { value: 'Voices (people)', behind: 'Records' };

/** A protected count with what it counts, as the chart words it: `60 voices`, `fewer than 5 voices`, `voices suppressed`. */
function counted(cell: ProtectedCell, one: string, many: string): string {
  if (cell.kind === 'shown') return `${formatCount(cell.value)} ${cell.value === 1 ? one : many}`;
  return cell.reason === 'small' ? `${describeCell(cell)} ${many}` : `${many} ${describeCell(cell)}`;
}

/**
 * The charts of a report's HTML page, each beside the table that shows the same numbers, protected
 * as the table protects them: themes by voices, with their records and share behind (the themes
 * table), voices and records by channel (the channel table, protected as it is: a hidden count is
 * drawn as no bar, labelled as the table words it), and records by month (the over-time table)
 * where at least two months are dated. Pure.
 */
export function reportCharts(report: ThemeReport): SectionChart[] {
  if (report.recordsTotal === 0) return [];
  const charts: SectionChart[] = [];
  const channels: Bar[] = protectReach(
    report.byChannel.map((entry) => ({ key: entry.channel, count: entry.count, voices: entry.voices })),
    report.disclosure,
  ).map(({ key, records, voices }) => ({
    label: CHANNEL_NAMES[key],
    value: voices.kind === 'shown' ? voices.value : 0,
    behind: records.kind === 'shown' ? records.value : 0,
    valueText: `${counted(voices, 'voice', 'voices')}, ${counted(records, 'record', 'records')}${records.kind === 'shown' ? ` (${formatShare(records.value / report.recordsTotal)})` : ''}`,
  }));
  charts.push({
    section: 'overview',
    svg: horizontalBarChart(
      {
        id: 'channels',
        title: 'Voices and records by channel',
        description: described('Voices (distinct people) and records by channel, with the records’ share of all records', channels),
        legend: VOICES_AND_RECORDS,
      },
      channels,
    ),
  });
  const themes: Bar[] = report.themes.map((theme) => ({
    label: theme.label,
    value: theme.voices,
    behind: theme.count,
    valueText: `${counted({ kind: 'shown', value: theme.voices }, 'voice', 'voices')}, ${counted({ kind: 'shown', value: theme.count }, 'record', 'records')} (${formatShare(theme.share)})`,
  }));
  charts.push({
    section: 'themes',
    svg: horizontalBarChart(
      {
        id: 'themes',
        title: 'Voices and records per theme',
        description: described('Voices (distinct people) and records per theme, with the records’ share of all records', themes),
        legend: VOICES_AND_RECORDS,
      },
      themes,
    ),
  });
  const months = report.breakdowns.find((entry) => entry.dimension === 'month');
  if (months !== undefined && months.cells.length >= 2) {
    const columns: Bar[] = months.cells.map((entry) => ({
      label: entry.key,
      value: entry.cell.kind === 'shown' ? entry.cell.value : 0,
      valueText: entry.cell.kind === 'shown' ? formatCount(entry.cell.value) : describeCell(entry.cell),
    }));
    charts.push({
      section: 'over-time',
      svg: columnChart(
        { id: 'months', title: 'Records by month', description: described('Dated records by month (UTC)', columns) },
        columns,
      ),
    });
  }
  return charts;
}
