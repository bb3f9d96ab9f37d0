/**
 * How many runs a property or fuzz test makes: its default, times `TLAP_PROPERTY_RUNS` (1 unless
 * set). The defaults keep `npm test` quick; `TLAP_PROPERTY_RUNS=10 npm test` searches ten times
 * harder, for a change to a parser, the normaliser or the redactor. `npm run test:fast` sets it to
 * 0.1: the inner loop still runs every property in the unit suites, on a tenth of the cases.
 */
export function propertyRuns(defaultRuns: number): number {
  const scale = Number(process.env['TLAP_PROPERTY_RUNS'] ?? '1');
  return Math.max(1, Math.round(defaultRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
