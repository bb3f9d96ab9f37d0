/**
 * True when `digits` (ASCII digits only) passes the Luhn check every payment card number passes:
 * from the right, every second digit doubled (less 9 when over 9), the sum a multiple of 10.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/u.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * How many characters an IBAN has in each country of the IBAN registry (SWIFT, ISO 13616). A
 * country missing here is still read, by the check digits alone.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
});

/** The fewest characters an IBAN has in any country (Norway's 15). */
export const IBAN_SHORTEST = 15;
/** The most characters an IBAN may have (ISO 13616; Russia's 33 are the most any country uses now). */
export const IBAN_LONGEST = 34;

/**
 * True when `iban` (spaces allowed, any letter case) is an IBAN: two letters, two check digits and
 * up to 30 letters and digits, 15 to 34 in all, as long as its country's IBANs are where the
 * registry lists the country, and passing the mod-97 check of ISO 7064 (the first four characters
 * moved to the end, letters read as 10 to 35, the number leaving 1 when divided by 97).
 */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/[ \u00a0]/gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/u.test(compact)) return false;
  if (compact.length < IBAN_SHORTEST || compact.length > IBAN_LONGEST) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && expected !== compact.length) return false;
  let remainder = 0;
  for (const character of compact.slice(4) + compact.slice(0, 4)) {
    const value = character <= '9' ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * How many characters at the start of `written` (two letters, two digits, then letters and digits
 * in groups, solid or with spaces) are an IBAN (see {@link isValidIban}), or 0 when none: all of
 * it, or less, ending where a group ends, or at its country's length when written solid, since a
 * word after an IBAN may look like one more group (`GB29 NWBK 6016 1331 9268 19 CASH`).
 */
export function ibanLength(written: string): number {
  const ends = [written.length];
  for (let end = written.length - 1; end > 0; end -= 1) if (written[end] === ' ' || written[end] === '\u00a0') ends.push(end);
  const registered = IBAN_LENGTHS[written.slice(0, 2).toUpperCase()];
  if (registered !== undefined && !/[ \u00a0]/u.test(written.slice(0, registered)) && registered < written.length) ends.push(registered);
  return ends.find((end) => isValidIban(written.slice(0, end))) ?? 0;
}
