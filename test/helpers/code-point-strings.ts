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

/**
 * Units that text-folding code treats apart: white space of every kind (ASCII, no-break, em space,
 * line separator, byte-order mark), control units, letters whose case changes their length or
 * form, and a code point outside the BMP. Join them with a test's own plain characters.
 */
export const AWKWARD_TEXT_UNITS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\f',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u2003',
  '\u2028',
  '\ufeff',
  'É',
  'ß',
  'İ',
  '😀',
] as const;
