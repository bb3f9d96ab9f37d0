/**
 * Puts `item` among the first `limit` of `kept`, which is in `compare` order: what sorting `kept`
 * and `item` (stably, `item` last) and keeping the first `limit` gives, without the sort (a report
 * keeps its few quote candidates this way, one record at a time).
 */
export function keepFirst<T>(kept: T[], item: T, limit: number, compare: (a: T, b: T) => number): void {
  const last = kept[kept.length - 1];
  if (kept.length >= limit && last !== undefined && compare(item, last) >= 0) return;
  let at = kept.length;
  for (let before = kept[at - 1]; before !== undefined && compare(item, before) < 0; before = kept[at - 1]) at -= 1;
  kept.splice(at, 0, item);
  if (kept.length > limit) kept.length = limit;
}
