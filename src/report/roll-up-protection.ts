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
  const result: ThemeSummary[] = themes.map((theme) => ({
    ...theme,
    breakdowns: theme.breakdowns.map((breakdown) => ({ ...breakdown, cells: breakdown.cells.map((cell) => ({ ...cell })) })),
  }));
  const byId = new Map(result.map((theme) => [theme.id, theme]));
  const families = result
    .map((parent) => ({ parent, children: result.filter((child) => child.parent === parent.id && child.id !== parent.id) }))
    .filter((family) => family.children.length > 0);
  if (families.length === 0 || rule.minCount <= 1) return result;
  protectFamilies(result, families, byId, rule);
  for (const theme of result) for (const breakdown of theme.breakdowns) hideVoicesOfHiddenRecords(breakdown, rule);
  return result;
}

/**
 * The rounds of {@link protectRollUps} over the families of parent and children themes, hiding
 * record cells in place until nothing changes.
 */
function protectFamilies(
  result: ThemeSummary[],
  families: { parent: ThemeSummary; children: ThemeSummary[] }[],
  byId: ReadonlyMap<string, ThemeSummary>,
  rule: DisclosureRule,
): void {
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
}

/**
 * After more record cells were hidden: a respondent group's voices are hidden where its records
 * now are (a shown voice count bounds the hidden records), and where that leaves one hidden voice
 * cell in the breakdown, the smallest other shown one (by its published value) is hidden too, as
 * `protectVoices` does.
 */
function hideVoicesOfHiddenRecords(breakdown: Breakdown, rule: DisclosureRule): void {
  const secondary: ProtectedCell = { kind: 'suppressed', reason: 'secondary', below: rule.minCount };
  const rows = breakdown.cells.flatMap((entry) =>
    entry.voices === undefined ? [] : [{ records: entry.cell, voices: entry.voices, set: (cell: ProtectedCell) => (entry.voices = cell) }],
  );
  if (breakdown.other !== null && breakdown.otherVoices !== undefined) {
    const other = breakdown;
    rows.push({ records: breakdown.other, voices: breakdown.otherVoices, set: (cell: ProtectedCell) => (other.otherVoices = cell) });
  }
  if (rows.length === 0) return;
  for (const row of rows) {
    if (row.records.kind === 'suppressed' && row.voices.kind === 'shown') {
      row.voices = secondary;
      row.set(secondary);
    }
  }
  if (rows.filter((row) => row.voices.kind === 'suppressed').length !== 1) return;
  let partner: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (row.voices.kind !== 'shown' || row.voices.value === 0) continue;
    if (partner === undefined || (partner.voices.kind === 'shown' && row.voices.value < partner.voices.value)) partner = row;
  }
  partner?.set(secondary);
}

function cellUnder(
  theme: ThemeSummary | undefined,
  dimension: Breakdown['dimension'],
  key: string,
): { cell: ProtectedCell; set: (cell: ProtectedCell) => void } | undefined {
  const entry = theme?.breakdowns.find((breakdown) => breakdown.dimension === dimension)?.cells.find((cell) => cell.key === key);
  return entry === undefined ? undefined : { cell: entry.cell, set: (cell: ProtectedCell) => (entry.cell = cell) };
}
