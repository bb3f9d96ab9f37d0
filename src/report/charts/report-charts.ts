import { CHANNEL_NAMES } from '../channel-names.js';
import { describeCell, protectEntries } from '../disclosure-control.js';
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

/**
 * The charts of a report's HTML page, each beside the table that shows the same numbers, protected
 * as the table protects them: themes by records and share (the themes table), records by channel
 * (the channel table: a hidden count is drawn as no bar, labelled as the table words it), and records by
 * month (the over-time table) where at least two months are dated. Pure.
 */
export function reportCharts(report: ThemeReport): SectionChart[] {
  if (report.recordsTotal === 0) return [];
  const charts: SectionChart[] = [];
  const channels: Bar[] = protectEntries(
    report.byChannel.map((entry) => ({ key: entry.channel, count: entry.count })),
    report.disclosure,
  ).map(({ key, cell }) => ({
    label: CHANNEL_NAMES[key],
    value: cell.kind === 'shown' ? cell.value : 0,
    valueText: cell.kind === 'shown' ? `${formatCount(cell.value)} (${formatShare(cell.value / report.recordsTotal)})` : describeCell(cell),
  }));
  charts.push({
    section: 'overview',
    svg: horizontalBarChart(
      {
        id: 'channels',
        title: 'Records by channel',
        description: described('Records by channel, with their share of all records', channels),
      },
      channels,
    ),
  });
  const themes: Bar[] = report.themes.map((theme) => ({
    label: theme.label,
    value: theme.count,
    valueText: `${formatCount(theme.count)} (${formatShare(theme.share)})`,
  }));
  charts.push({
    section: 'themes',
    svg: horizontalBarChart(
      { id: 'themes', title: 'Records per theme', description: described('Records per theme, with their share of all records', themes) },
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
