import { readByEitherLabel } from '../../privacy/bilingual-labels.js';

/** Lower-cases a column name and keeps only letters and digits, so `Created At` matches `created_at`. */
export function simplifyColumnName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The name (simplified, see {@link simplifyColumnName}) a reader knows a column by, or undefined:
 * the whole header's name when `isKnown`, else the name of the label it knows in a header that
 * holds one heading in two languages (`Dyddiad / Date` is known as `date`; see
 * {@link readByEitherLabel}). Two labels both known are one heading when `sameRole` says so (by
 * default, when both are known).
 */
export function knownColumnName(
  header: string,
  isKnown: (name: string) => boolean,
  sameRole: (first: string, second: string) => boolean = () => true,
): string | undefined {
  return readByEitherLabel(
    header,
    (label) => {
      const name = simplifyColumnName(label);
      return isKnown(name) ? name : undefined;
    },
    sameRole,
  );
}

/** A form's field name, as ODK and KoboToolbox write one: letters, digits, `_`, and the `-`, `.` or `:` that join its groups. */
const FIELD_NAME = /^[\p{L}\p{N}_.:-]+$/u;

/**
 * The parts of a column named by its path through a form's groups, or undefined for a plain
 * column: KoboToolbox's `group_abc/respondent_name` (its labels too, `Your details/Your name`),
 * the XPath `/data/group/name`, ODK Central's `personal-name`, a `.` or `:` between groups. A
 * slash with a space beside it (`Enw / Name`, a bilingual label) joins no path, and `-`, `.` and
 * `:` join one only in a field name (`Follow-up call`, `Q1: Name` are no paths).
 */
export function columnPath(header: string): string[] | undefined {
  const trimmed = header.trim();
  let parts: string[];
  if (trimmed.includes('/') && !/\s\/|\/\s/u.test(trimmed)) parts = trimmed.split('/');
  else if (FIELD_NAME.test(trimmed) && /[-.:]/u.test(trimmed)) parts = trimmed.split(/[-.:]/u);
  else return undefined;
  const named = parts.filter((part) => part.trim() !== '');
  return named.length >= 2 ? named : undefined;
}

/** A field name or label read as words: `respondent_name` → `respondent name`. */
export function fieldWords(part: string): string {
  return part.replace(/[_]+/gu, ' ').replace(/\s+/gu, ' ').trim();
}
