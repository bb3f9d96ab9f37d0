/**
 * The seed every resampling in tlap starts from, so that `tlap eval` prints the same confidence
 * interval on every run and every machine. Written out in README.md ("tlap eval").
 */
export const BOOTSTRAP_SEED = 20_260_801;

/**
 * A small deterministic pseudo-random generator (mulberry32: 32-bit state, period 2^32), enough
 * for resampling records; not for anything secret. Returns numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
