import { isCommonEnglishWord } from './common-words.js';

/**
 * How a header cell sets its two labels side by side (Welsh public bodies print each heading in
 * Welsh and English): a slash with a space beside it (`Dyddiad / Date`), a bar (`Enw | Name`), a
 * line break (`Dyddiad` above `Date`). A slash with no space beside it (`Date/time`, `and/or`, a
 * form's path `group/name`) sets no two labels.
 */
const LABEL_SEPARATORS = [/\s*\r?\n\s*/u, /\s+\|\s*|\s*\|\s+/u, /\s+\/\s*|\s*\/\s+/u];

/** A label and its translation in brackets after it (`Date (Dyddiad)`): words only, no digits nor slash (`Date (dd/mm/yyyy)` is one label). */
const BRACKETED_LABEL = /^([^()]*\S)\s*\(\s*([\p{L}][\p{L}\p{M}'’ -]*[\p{L}\p{M}])\s*\)$/u;

/** How long a label may be: headings, not paragraphs. */
const LABEL_MAX_LENGTH = 200;

/**
 * The two labels of a header that holds one heading in two languages (`Dyddiad / Date`, `Enw |
 * Name`, `Date (Dyddiad)`, `Dyddiad` and `Date` on two lines), or undefined for a header of one
 * label. Which of the two is which language is not said: see {@link readByEitherLabel}.
 */
export function bilingualLabels(header: string): [string, string] | undefined {
  const trimmed = header.trim();
  if (trimmed.length > 2 * LABEL_MAX_LENGTH) return undefined;
  for (const separator of LABEL_SEPARATORS) {
    const parts = trimmed.split(separator);
    if (parts.length === 1) continue;
    const [first, second] = parts;
    return parts.length === 2 && first !== undefined && second !== undefined && first !== '' && second !== '' ? [first, second] : undefined;
  }
  const bracketed = BRACKETED_LABEL.exec(trimmed);
  return bracketed?.[1] === undefined || bracketed[2] === undefined ? undefined : [bracketed[1], bracketed[2]];
}

/** Words of two letters or more, as a label's language is judged by. */
const LABEL_WORDS = /[\p{L}\p{M}]{2,}/gu;

/**
 * True when a label is written in a language other than English: some word of it is no English
 * word (`Dyddiad`, `E-bost`, `Sylwadau`, `Commentaires`). `organisation`, `time`, `optional`, `No`
 * are English.
 */
export function isOtherLanguageLabel(label: string): boolean {
  return (label.match(LABEL_WORDS) ?? []).some((word) => !isCommonEnglishWord(word));
}

/**
 * What a reader makes of a header, by the reader's `read` of a label: the whole header's reading
 * when it has one; else, for a header of two labels ({@link bilingualLabels}), the reading of the
 * label the reader knows, when the two are one heading in two languages: both read alike (`same`),
 * or one is read and the other is in another language ({@link isOtherLanguageLabel}: `Dyddiad /
 * Date` is a date). A header of two English labels read differently, or only one of them read, is
 * no bilingual heading and has no reading (`Name / organisation`, `Yes / No`), and neither has a
 * header whose two labels read differently (`Date / Comments`).
 */
export function readByEitherLabel<T>(
  header: string,
  read: (label: string) => T | undefined,
  same: (first: T, second: T) => boolean = Object.is,
): T | undefined {
  const whole = read(header);
  if (whole !== undefined) return whole;
  const labels = bilingualLabels(header);
  if (labels === undefined) return undefined;
  const [first, second] = labels;
  const firstReading = read(first);
  const secondReading = read(second);
  if (firstReading !== undefined && secondReading !== undefined) return same(firstReading, secondReading) ? firstReading : undefined;
  if (firstReading !== undefined) return isOtherLanguageLabel(second) ? firstReading : undefined;
  if (secondReading !== undefined) return isOtherLanguageLabel(first) ? secondReading : undefined;
  return undefined;
}
