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
