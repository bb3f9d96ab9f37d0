import { NO_ANSWER_KEY, type Breakdown, type ThemeReport, type ThemeSummary } from './theme-report.js';

/**
 * The respondent groups of a report's table of group shares, as the table of all records by group
 * publishes them: each listed answer (`(no answer)` included, the added-up "other answers" left
 * out) with its records, or null where that count is hidden. Empty without a group breakdown.
 */
export function shareGroups(report: Pick<ThemeReport, 'breakdowns'>): { key: string; records: number | null }[] {
  const groups = report.breakdowns.find((entry) => entry.dimension === 'group');
  return (groups?.cells ?? []).map((entry) => ({ key: entry.key, records: entry.cell.kind === 'shown' ? entry.cell.value : null }));
}

/**
 * The share of one respondent group's records that raise a theme: the theme's published count in
 * the group over the group's published records. Null where either is hidden by the small-number
 * rule, where the group has no published records, or where the theme's records in the group are
 * among its added-up "other answers"; 0 where the theme has no record in the group. Worked out from
 * published numbers only, so it gives nothing more away.
 */
export function groupShare(theme: Pick<ThemeSummary, 'breakdowns'>, key: string, records: number | null): number | null {
  if (records === null || records <= 0) return null;
  const breakdown: Breakdown | undefined = theme.breakdowns.find((entry) => entry.dimension === 'group');
  const cell = breakdown?.cells.find((entry) => entry.key === key)?.cell;
  if (cell === undefined) return breakdown === undefined || breakdown.other === null || key === NO_ANSWER_KEY ? 0 : null;
  return cell.kind === 'shown' ? cell.value / records : null;
}
