/**
 * Lines of a document or of notes that are only someone's contact details (an e-mail address, a
 * phone number, a postcode line, a labelled `Name: …` line or a label alone), and form fields that
 * ask for them: what PDF documents and typed notes leave out, as survey tables drop contact columns.
 */
import { labelWordings, WELSH_CONTACT_WORDS } from './welsh-labels.js';

const EMAIL_LINE = /^(?:e-?mail(?:\s+address)?\s*:?\s*)?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$/i;
const PHONE_LINE = /^(?:(?:tel(?:ephone)?|phone|mobile|mob|fax|t|m)\.?\s*:?\s*)?\+?[\d\s().-]+$/i;
const POSTCODE_LINE = /(?:^|[\s,])(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|GIR ?0AA)$/;
const MAX_POSTCODE_LINE_CHARS = 60;
const CONTACT_WORDS = String.raw`(?:your\s+)?(?:full\s+)?(?:name|e-?mail(?:\s+address)?|(?:tele)?phone(?:\s+(?:number|no\.?))?|mobile(?:\s+(?:number|no\.?))?|tel\.?|fax|(?:postal\s+|home\s+|street\s+)?address|post\s*code|signature|signed)`;
/** A labelled contact line (`Name: …`), its label in English, in Welsh (`Enw: …`) or in both (`Enw / Name: …`). */
const CONTACT_LABEL = new RegExp(
  `^(?:${CONTACT_WORDS}|${WELSH_CONTACT_WORDS})(?:\\s*/\\s*(?:${CONTACT_WORDS}|${WELSH_CONTACT_WORDS}))?\\s*:`,
  'i',
);
/** A table row whose first cell asks for contact details and whose next holds them (`Your name⇥Peter Okafor`): the cells a tab apart. */
const CONTACT_CELL = new RegExp(
  `^(?:${CONTACT_WORDS}|${WELSH_CONTACT_WORDS})(?:[ ]*/[ ]*(?:${CONTACT_WORDS}|${WELSH_CONTACT_WORDS}))?[ ]*:?[ ]*\\t`,
  'i',
);

/** A form field asking for contact details, by its tooltip or name (`Your name`, `emailAddress`, `postcode`, `Address line 2`). */
const CONTACT_FIELD =
  /^(?:your\s+)?(?:full\s+)?(?:first\s+|last\s+|sur|family\s+|given\s+)?(?:name|e[-\s]?mail(?:\s+address)?|(?:tele)?phone(?:\s+(?:number|no))?|mobile(?:\s+(?:number|no))?|tel|(?:postal\s+|home\s+|street\s+)?address(?:\s+line)?|post\s*code|signature|signed)\s*\d*$/i;

/** {@link CONTACT_FIELD} in Welsh (`Enw`, `Cyfeiriad e-bost`, `Cod post`). */
const CONTACT_FIELD_WELSH = new RegExp(`^${WELSH_CONTACT_WORDS}\\s*\\d*$`, 'i');

/** Whether a field's label or name asks for contact details, in English, Welsh or both (`Enw / Name`). */
export function isContactField(label: string): boolean {
  return labelWordings(fieldWords(label)).every((wording) => CONTACT_FIELD.test(wording) || CONTACT_FIELD_WELSH.test(wording));
}

/** A field's label in words: `emailAddress`, `email_address` and `Email address:` alike. */
function fieldWords(label: string): string {
  return label
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/[\s_.:-]+/g, ' ')
    .trim();
}

/**
 * Whether a line is only contact details: an e-mail address, a phone number, a line ending in a
 * postcode, a labelled contact line (`Tel: …`, `Email: …`, `Name: …`, or a table's row with the
 * label in its first cell: `Your name⇥Peter Okafor`), or a form's label asking for one (`Your
 * email address`).
 */
export function isContactLine(text: string): boolean {
  const line = text.replace(/\t/g, ' ').trim();
  if (EMAIL_LINE.test(line) || CONTACT_LABEL.test(line) || CONTACT_CELL.test(text.trimStart()) || isContactField(line)) return true;
  if (PHONE_LINE.test(line) && (line.match(/\d/g)?.length ?? 0) >= 9) return true;
  return endsInPostcode(line);
}

/** Whether a line ends in a UK postcode, as the last line of a postal address does (`Anytown AN1 2BC`). */
export function endsInPostcode(text: string): boolean {
  const line = text.replace(/\t/g, ' ').trim();
  return line.length <= MAX_POSTCODE_LINE_CHARS && POSTCODE_LINE.test(line);
}
