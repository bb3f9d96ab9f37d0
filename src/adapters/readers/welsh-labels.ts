/**
 * What Welsh and bilingual (Welsh and English) response forms print as labels, in Welsh, so that
 * the readers of forms treat them as they treat the English ones.
 */

/**
 * A Welsh label asking for contact details, as a pattern's source without anchors or flags: `Enw`
 * (name), `Enw llawn`, `E-bost` or `Cyfeiriad e-bost` (e-mail address), `Rhif ffôn` or `Ffôn
 * symudol` (phone, mobile), `Cyfeiriad` (address), `Cod post`, `Llofnod` (signature).
 */
export const WELSH_CONTACT_WORDS = String.raw`(?:eich\s+)?(?:enw(?:\s+llawn)?|(?:cyfeiriad\s+)?e[-\s]?bost|(?:rhif\s+)?ff[ôo]n(?:\s+symudol)?|cyfeiriad(?:\s+post)?|cod\s*post|llofnod(?:wyd)?)`;

/** The wordings of a bilingual label (`Enw / Name`), each side of its slash; a label in one language is one wording. */
export function labelWordings(label: string): string[] {
  return label.split(/\s*\/\s*/);
}

/** What may close a column heading or question: a note in brackets (`(dewisol)`, optional), `:` or `?`. */
const HEADING_END = String.raw`(?:\s*\([^)]{0,40}\))?\s*[:?]?\s*$`;
/** What may open one: `Beth yw` (what is), `eich` (your). */
const HEADING_START = String.raw`^(?:beth\s+yw\s+)?(?:eich\s+)?`;

/** The Welsh for the name a person goes by: `Enw arddangos` (display name), `Enw a ffefrir`, `Enw dewisol` (preferred name), `Llysenw` (nickname). */
const WELSH_GOES_BY_NAME = String.raw`(?:enw\s+(?:arddangos|dewisol|a\s+ffefrir)|llysenw)`;

/** A Welsh heading asking for the name the respondent goes by (see {@link WELSH_GOES_BY_NAME}): `Llysenw`, `Eich enw arddangos`. */
export const WELSH_GOES_BY_NAME_HEADING = new RegExp(`${HEADING_START}${WELSH_GOES_BY_NAME}${HEADING_END}`, 'iu');

/**
 * A Welsh heading asking for the respondent's name: `Enw`, `Enw llawn`, `Eich enw`, `Beth yw eich
 * enw?`, and the name they go by ({@link WELSH_GOES_BY_NAME_HEADING}).
 */
export const WELSH_NAME_HEADING = new RegExp(`${HEADING_START}(?:enw(?:\\s+llawn)?|${WELSH_GOES_BY_NAME})${HEADING_END}`, 'iu');

/**
 * A Welsh heading asking for contact details: `E-bost`, `Cyfeiriad e-bost` (e-mail address),
 * `Rhif ffôn`, `Ffôn symudol` (phone, mobile), `Cyfeiriad`, `Cyfeiriad post`, `Cyfeiriad cartref`
 * (address, postal, home), `Enw cyntaf`, `Cyfenw` (first name, surname).
 */
export const WELSH_CONTACT_HEADING = new RegExp(
  `${HEADING_START}(?:(?:cyfeiriad\\s+)?e-?\\s?bost|(?:rhif\\s+)?ff[ôo]n(?:\\s+symudol)?|cyfeiriad(?:\\s+(?:post|cartref))?|enw\\s+cyntaf|cyfenw)${HEADING_END}`,
  'iu',
);

/** A Welsh heading asking for the postcode: `Cod post`, `Côd post`, `Beth yw eich cod post?`. */
export const WELSH_POSTCODE_HEADING = new RegExp(`${HEADING_START}c[ôo]d\\s*post${HEADING_END}`, 'iu');

/** A Welsh heading asking which organisation the respondent answers for: `Sefydliad`, `Enw'r sefydliad`, `Enw eich sefydliad`. */
export const WELSH_ORGANISATION_HEADING = new RegExp(`^(?:enw(?:['’]r|\\s+eich)?\\s+)?sefydliad${HEADING_END}`, 'iu');
