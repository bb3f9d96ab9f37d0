import { endsInPostcode, isContactLine } from './contact-lines.js';

/**
 * The parts of a letter that are no part of what it says: the addresses at its head (contact
 * details), its date and reference lines, its salutation, and its sign-off with the signature
 * under it. A letter sent to a consultation as a PDF, a Word or an OpenDocument file is read for
 * its body; these parts are filtered, and the names and addresses in them are never stored.
 */
export type LetterPart = 'contact' | 'salutation' | 'date-line' | 'reference-line' | 'sign-off';

/** What each part is called in a filtered item's detail. */
export const LETTER_PART_DETAIL: Readonly<Record<LetterPart, string>> = {
  contact: 'contact details',
  salutation: 'letter salutation',
  'date-line': 'letter date',
  'reference-line': 'letter reference',
  'sign-off': 'letter sign-off and signature',
};

/** The lines of a signature under `Yours sincerely` (name, role, organisation) are at most this many, each short. */
export const MAX_SIGNATURE_LINES = 5;

/** The longest line of an address block or a signature. */
const MAX_BLOCK_LINE_CHARS = 80;

/** A letter's salutation: `Dear Policy Team,`, `To whom it may concern`. */
const SALUTATION = /^(?:dear\s+\S.{0,56}|to whom it may concern)[,:]?$/i;
/** A letter's sign-off: `Yours sincerely,`, `Kind regards`, `With thanks`. */
export const SIGN_OFF =
  /^(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm|warmest)\s+regards|regards|best\s+wishes|with\s+(?:best\s+)?(?:thanks|regards))[,.]?$/i;
/** A letter's reference line: `Our ref: ACN/2024/07`, `Your reference 1234`. */
const REFERENCE_LINE = /^(?:our|your)\s+ref(?:erence)?\b.{0,60}$/i;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A letter's date line: `4 March 2024`, `Monday, March 4th, 2024`, `04/03/2024`. */
const DATE_LINE = new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})$`,
  'i',
);

/** The part of a letter that a one-line paragraph is (its salutation, date or reference line), or null. */
export function oneLinePart(text: string): LetterPart | null {
  const line = text.trim();
  if (SALUTATION.test(line)) return 'salutation';
  if (DATE_LINE.test(line)) return 'date-line';
  if (REFERENCE_LINE.test(line)) return 'reference-line';
  return null;
}

/** The most one-line paragraphs at a document's head held back as the lines of an address (see {@link LetterParts}). */
export const MAX_ADDRESS_LINES = 7;

/**
 * Finds the formal parts of a letter in its paragraphs as a word processor holds them, read in
 * order: a paragraph of short lines (lines broken by hand) with a line of contact details in it
 * (a postcode, a phone number, an e-mail address) is an address; a one-line salutation, date or
 * reference line is that part; `Yours sincerely` and up to {@link MAX_SIGNATURE_LINES} short lines
 * under it are the sign-off and signature. An address typed a line to a paragraph is found by
 * its reader, which holds the short lines at the document's head ({@link isAddressLine}) until
 * one ending in a postcode shows them to be an address.
 */
export class LetterParts {
  private signatureLines = -1;

  /** The part a paragraph of the body (no heading, list item or table cell) is, given its lines; null for a paragraph of what the letter says. */
  partOf(lines: readonly string[]): LetterPart | null {
    const short = lines.length > 0 && lines.every((line) => line.length <= MAX_BLOCK_LINE_CHARS);
    if (short && SIGN_OFF.test(lines[0] ?? '')) {
      this.signatureLines = lines.length - 1;
      return 'sign-off';
    }
    if (this.signatureLines >= 0 && short && !lines.some(isSentence) && this.signatureLines + lines.length <= MAX_SIGNATURE_LINES) {
      this.signatureLines += lines.length;
      return 'sign-off';
    }
    this.signatureLines = -1;
    const contacts = lines.filter((line) => isContactLine(line)).length;
    if (contacts > 0 && (short || contacts === lines.length)) return 'contact';
    return lines.length === 1 ? oneLinePart(lines[0] ?? '') : null;
  }

  /** Something other than a paragraph of the body came (a heading, a list, a table): a signature has ended. */
  interrupt(): void {
    this.signatureLines = -1;
  }
}

/** Whether a line is a sentence, not a signature's name, role or organisation: five words or more, ending as a sentence ends. */
function isSentence(line: string): boolean {
  return /[.!?]["'”’)]*$/.test(line) && line.split(/\s+/).length >= 5;
}

/** Whether a paragraph could be a line of an address typed a line to a paragraph: one short line, not ending a sentence. */
export function isAddressLine(lines: readonly string[]): boolean {
  return lines.length === 1 && (lines[0]?.length ?? 0) <= 60 && !/[.!?;:]$/.test(lines[0] ?? '');
}

/**
 * Whether a paragraph ends an address: its last line is a postcode, alone or after the town
 * (`AN1 2BC`, `Anytown AN1 2BC`, `London, SE1 7QW`), not a line naming a place with its postcode
 * (`Venue: Anytown Library, AN1 2BC`), which says nothing of the lines above it.
 */
export function endsAddress(lines: readonly string[]): boolean {
  const last = lines.at(-1) ?? '';
  return endsInPostcode(last) && !last.includes(':') && last.trim().split(/\s+/).length <= 4;
}
