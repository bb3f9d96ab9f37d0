/**
 * The check digit an NHS number with these first nine digits must end with (the modulus 11
 * algorithm: weights 10 down to 2, `11 - sum mod 11`, 11 meaning 0), or null when no number
 * starting with these digits is valid (the algorithm gives 10).
 *
 * @param firstNine exactly nine ASCII digits.
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) {
    throw new RangeError(`nhsCheckDigit needs nine digits, got "${firstNine}"`);
  }
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    sum += Number(firstNine[index]) * (10 - index);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/**
 * True when `digits` is ten ASCII digits whose last digit is the right modulus 11 check digit
 * for the first nine (the check every NHS number in England, Wales and the Isle of Man, and
 * every Scottish CHI number, passes).
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}
