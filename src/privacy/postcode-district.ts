/**
 * A UK postcode's outward code (its district: `LS6` of `LS6 2AB`), with Royal Mail's letter rules
 * as the redactor reads full postcodes (see `personal-data.ts`); `GIR 0AA` is `GIR`.
 */
const OUTWARD = '(?:GIR|[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?))';

/**
 * A whole value that is a UK postcode, its district alone, or its sector (`LS6 2`): the outward
 * code, then what may follow it (the inward code, or its first digit), with or without a space or
 * a dash between.
 */
const POSTCODE_VALUE = new RegExp(
  `^(${OUTWARD})(?:[ \\t\\u00a0]{0,2}|[ \\t\\u00a0]?[-\\u2010-\\u2013][ \\t\\u00a0]?)(?:\\d(?:[ABD-HJLNP-UW-Z]{2})?)?$`,
  'u',
);

/** Longer than any UK postcode written with spaces: no such value is read. */
const MAX_POSTCODE_CHARS = 12;

/**
 * The district to keep of a postcode a respondent gave (`ls6 2ab` → `LS6`, `SW1A1AA` → `SW1A`,
 * `LS6` → `LS6`), or null when the value is no UK postcode, district or sector: a foreign postal
 * code, a postcode among other words, or anything else is not kept, since it may point to a home
 * as a full postcode does (about 15 households) and tlap cannot tell how coarse it is.
 */
export function postcodeDistrict(value: string): string | null {
  const written = value.trim().toUpperCase();
  if (written.length === 0 || written.length > MAX_POSTCODE_CHARS) return null;
  const outward = POSTCODE_VALUE.exec(written)?.[1];
  if (outward === undefined) return null;
  if (outward === 'GIR') return /^GIR[ \t\u00a0-]*0AA$/u.test(written) ? 'GIR' : null;
  return outward;
}
