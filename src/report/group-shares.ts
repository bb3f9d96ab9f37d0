import { NO_ANSWER_KEY, type Breakdown, type ThemeReport, type ThemeSummary } from './theme-report.js';

/** A respondent group of the tables of group shares: its published records and voices, null where hidden. */
export interface ShareGroup {
  key: string;
  records: number | null;
  /** Null where hidden, or where the report counts no voices per group. */
  voices: number | null;
}

/**
 * The respondent groups of a report's tables of group shares, as the table of all records by group
 * publishes them: each listed answer (`(no answer)` included, the added-up "other answers" left
 * out) with its records and voices, or null where that count is hidden. Empty without a group breakdown.
 */
export function shareGroups(report: Pick<ThemeReport, 'breakdowns'>): ShareGroup[] {
  const groups = report.breakdowns.find((entry) => entry.dimension === 'group');
  return (groups?.cells ?? []).map((entry) => ({
    key: entry.key,
    records: entry.cell.kind === 'shown' ? entry.cell.value : null,
    voices: entry.voices?.kind === 'shown' ? entry.voices.value : null,
  }));
}

/**
 * The share of one respondent group's records (or, with `column: 'voices'`, of its voices) that
 * raise a theme: the theme's published count in the group over the group's published count. Null
 * where either is hidden by the small-number rule, where the group has none published, or where
 * the theme's records in the group are among its added-up "other answers"; 0 where the theme has
 * no record in the group. Worked out from published numbers only, so it gives nothing more away.
 */
export function groupShare(
  theme: Pick<ThemeSummary, 'breakdowns'>,
  key: string,
  total: number | null,
  column: 'records' | 'voices' = 'records',
): number | null {
  if (total === null || total <= 0) return null;
  const breakdown: Breakdown | undefined = theme.breakdowns.find((entry) => entry.dimension === 'group');
  const entry = breakdown?.cells.find((cell) => cell.key === key);
  if (entry === undefined) return breakdown === undefined || breakdown.other === null || key === NO_ANSWER_KEY ? 0 : null;
  const cell = column === 'records' ? entry.cell : entry.voices;
  return cell?.kind === 'shown' ? cell.value / total : null;
}
