let countFormat: Intl.NumberFormat | null = null;
let percentFormat: Intl.NumberFormat | null = null;

/**
 * `digits` (an unsigned whole number written out) with a comma between each group of three, as
 * en-GB groups them: `5681` becomes `5,681`.
 */
function grouped(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let text = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  return text;
}

/**
 * A count as the report prints it, with thousands separators for en-GB: `5,681`. A whole number
 * is written out here (what `Intl.NumberFormat('en-GB')` writes, without the tens of milliseconds
 * that making one costs a process); any other number goes to Intl.
 */
export function formatCount(value: number): string {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return value < 0 ? `-${grouped(String(-value))}` : grouped(String(value));
  }
  countFormat ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  return countFormat.format(value);
}

/**
 * A share (0 to 1) as the report prints it: `19.4%`, one decimal. Written out here as Intl writes
 * it: from the shortest decimal that reads back as the percentage (what `String` gives), rounded
 * half up at the first decimal (7.35, though held as 7.3499…, is `7.4%`); a negative share, one
 * written with an exponent, or one of a hundred trillion percent or more, goes to Intl.
 */
export function formatShare(share: number): string {
  const percent = share * 100;
  const written = String(percent);
  if (percent >= 0 && percent < 1e14 && !Object.is(percent, -0) && PLAIN_DECIMAL.test(written)) {
    const point = written.indexOf('.');
    const whole = point < 0 ? written : written.slice(0, point);
    const tenth = point < 0 ? 0 : (written.charCodeAt(point + 1) || ZERO) - ZERO;
    const roundsUp = point >= 0 && (written.charCodeAt(point + 2) || ZERO) - ZERO >= 5;
    const tenths = Number(whole) * 10 + tenth + (roundsUp ? 1 : 0);
    return `${grouped(String(Math.floor(tenths / 10)))}.${tenths % 10}%`;
  }
  percentFormat ??= new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${percentFormat.format(percent)}%`;
}

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;
const ZERO = 0x30;
