/**
 * Orders two strings by UTF-16 code units, as `<` does: the same order on every machine and in
 * every locale, which a report's ties must have to be reproducible.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
