import fc from 'fast-check';

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

/**
 * Strings of any code points, lone surrogates included: what `fc.string({ unit: 'binary' })`
 * gives, without the two seconds of CPU fast-check spends (once per test file) mapping all
 * 1,114,112 code points back for that unit.
 */
export function codePointStrings(constraints: { maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: anyCodePoint, ...constraints });
}
