import type { DisclosureRule, ProtectedCell } from './disclosure-control.js';
import type { Breakdown, ThemeSummary } from './theme-report.js';

/**
 * Protects the breakdowns of a parent theme and its children together. A parent counts each
 * record of its children once, so under one key (a channel, a question, a month) the parent's
 * cell and its children's cells are linked: when exactly one of them is hidden, the others could
 * give it away by subtraction (parent 9 e-mails, child A 7, so child B's "fewer than 5" is 2).
 * Then one more cell of the group is hidden too: the smallest shown child cell other than zero,
 * else the parent's. Hiding a cell can leave one breakdown with a single hidden cell, which its
 * published total would give away, so each breakdown is checked again (its smallest other shown
 * cell hidden), and so on until nothing changes; every round hides at least one more cell, so it
 * ends. Cells are chosen by their published values, so the choice gives nothing away.
 *
 * Only cells listed under the same key are linked; the `other` cell (keys past the most listed)
 * is protected within its own breakdown. Returns new summaries; the input is not changed.
 */
export function protectRollUps(themes: readonly ThemeSummary[], rule: DisclosureRule): ThemeSummary[] {
  const result = themes.map((theme) => ({
    ...theme,
    breakdowns: theme.breakdowns.map((breakdown) => ({ ...breakdown, cells: breakdown.cells.map((cell) => ({ ...cell })) })),
  }));
  const byId = new Map(result.map((theme) => [theme.id, theme]));
  const families = result
    .map((parent) => ({ parent, children: result.filter((child) => child.parent === parent.id && child.id !== parent.id) }))
    .filter((family) => family.children.length > 0);
  if (families.length === 0 || rule.minCount <= 1) return result;
  const hide = (cells: { cell: ProtectedCell; set: (cell: ProtectedCell) => void }[]): boolean => {
    if (cells.filter((entry) => entry.cell.kind === 'suppressed').length !== 1) return false;
    let partner: (typeof cells)[number] | undefined;
    for (const entry of cells) {
      if (entry.cell.kind !== 'shown' || entry.cell.value === 0) continue;
      if (partner === undefined || (partner.cell.kind === 'shown' && entry.cell.value < partner.cell.value)) partner = entry;
    }
    if (partner === undefined) return false;
    partner.set({ kind: 'suppressed', reason: 'secondary', below: rule.minCount });
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const { parent, children } of families) {
      for (const breakdown of parent.breakdowns) {
        for (const entry of breakdown.cells) {
          const linked = children.flatMap((child) => {
            const cell = cellUnder(byId.get(child.id), breakdown.dimension, entry.key);
            return cell === undefined ? [] : [cell];
          });
          if (linked.length === 0) continue;
          const group = [...linked, { cell: entry.cell, set: (cell: ProtectedCell) => (entry.cell = cell) }];
          if (hide(group)) changed = true;
        }
      }
    }
    for (const theme of result) {
      for (const breakdown of theme.breakdowns) {
        const cells = breakdown.cells.map((entry) => ({ cell: entry.cell, set: (cell: ProtectedCell) => (entry.cell = cell) }));
        if (breakdown.other !== null) {
          const other = breakdown;
          cells.push({ cell: breakdown.other, set: (cell: ProtectedCell) => (other.other = cell) });
        }
        if (hide(cells)) changed = true;
      }
    }
  }
  return result;
}

function cellUnder(
  theme: ThemeSummary | undefined,
  dimension: Breakdown['dimension'],
  key: string,
): { cell: ProtectedCell; set: (cell: ProtectedCell) => void } | undefined {
  const entry = theme?.breakdowns.find((breakdown) => breakdown.dimension === dimension)?.cells.find((cell) => cell.key === key);
  return entry === undefined ? undefined : { cell: entry.cell, set: (cell: ProtectedCell) => (entry.cell = cell) };
}
