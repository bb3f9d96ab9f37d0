/** A count out of a total: how many of `total` records raise something. */
export interface Proportion {
  hits: number;
  total: number;
}

/** The significance level a difference between two shares is judged at (two-sided). */
export const DIFFERENCE_ALPHA = 0.05;

/** |z| past which a two-sided test at {@link DIFFERENCE_ALPHA} rejects: the 97.5th percentile of the standard normal. */
const Z_TWO_SIDED = 1.959963984540054;

/** Below this expected count in any cell of the 2 × 2 table, the normal approximation is not trusted and Fisher's exact test is used. */
const LEAST_EXPECTED_COUNT = 5;

/** Relative slack when comparing hypergeometric probabilities, so that tables as likely as the observed one count despite rounding. */
const SAME_PROBABILITY = 1 + 1e-7;

/** Below this, ln(n!) is read from a table summed once; from it, Stirling's series is exact to double precision. */
const TABLED_FACTORIALS = 256;

const logFactorials = new Float64Array(TABLED_FACTORIALS);
for (let n = 1; n < TABLED_FACTORIALS; n += 1) logFactorials[n] = (logFactorials[n - 1] ?? 0) + Math.log(n);

/** ln(n!) for a whole n ≥ 0. */
function logFactorial(n: number): number {
  if (n < TABLED_FACTORIALS) return logFactorials[n] ?? 0;
  const inverse = 1 / n;
  const inverseSquared = inverse * inverse;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260));
}

/**
 * The two-sided p-value of Fisher's exact test on the 2 × 2 table of `a` against `b`: the
 * probability, with the margins fixed, of a table no more likely than the one observed.
 */
export function fisherExactP(a: Proportion, b: Proportion): number {
  const hits = a.hits + b.hits;
  const total = a.total + b.total;
  const base = logFactorial(hits) + logFactorial(total - hits) + logFactorial(a.total) + logFactorial(b.total) - logFactorial(total);
  const probability = (x: number): number =>
    Math.exp(base - logFactorial(x) - logFactorial(a.total - x) - logFactorial(hits - x) - logFactorial(b.total - hits + x));
  const observed = probability(a.hits) * SAME_PROBABILITY;
  let p = 0;
  for (let x = Math.max(0, hits - b.total); x <= Math.min(hits, a.total); x += 1) {
    const chance = probability(x);
    if (chance <= observed) p += chance;
  }
  return Math.min(1, p);
}

/** The pooled two-proportion z statistic of `a` against `b` (0 when the pooled share is 0 or 1). */
export function twoProportionZ(a: Proportion, b: Proportion): number {
  const pooled = (a.hits + b.hits) / (a.total + b.total);
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / a.total + 1 / b.total));
  return spread === 0 ? 0 : (a.hits / a.total - b.hits / b.total) / spread;
}

/**
 * Whether the shares of `a` and `b` differ by more than chance would often make, two-sided at
 * {@link DIFFERENCE_ALPHA}: a pooled two-proportion z-test, or Fisher's exact test when a cell of
 * the 2 × 2 table would expect fewer than 5 records. False when either total is not positive or a
 * count falls outside its total (as rounded published counts can).
 */
export function sharesDiffer(a: Proportion, b: Proportion): boolean {
  if (!isProportion(a) || !isProportion(b)) return false;
  const total = a.total + b.total;
  const hits = a.hits + b.hits;
  const leastExpected = (Math.min(hits, total - hits) * Math.min(a.total, b.total)) / total;
  if (leastExpected < LEAST_EXPECTED_COUNT) return fisherExactP(a, b) < DIFFERENCE_ALPHA;
  return Math.abs(twoProportionZ(a, b)) > Z_TWO_SIDED;
}

function isProportion(share: Proportion): boolean {
  return Number.isInteger(share.hits) && Number.isInteger(share.total) && share.total > 0 && share.hits >= 0 && share.hits <= share.total;
}
