const COUNT_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const PERCENT_FORMAT = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count as the report prints it, with thousands separators for en-GB: `5,681`. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** A share (0 to 1) as the report prints it: `19.4%`, one decimal. */
export function formatShare(share: number): string {
  return `${PERCENT_FORMAT.format(share * 100)}%`;
}
