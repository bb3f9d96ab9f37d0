/**
 * The placeholders Word's content controls show until they are filled in (a drop-down's
 * `Choose an item.`, a text box's `Click or tap here to enter text.`, a date picker's `Click or
 * tap to enter a date.`, and Word 2007–2013's `Click here to …`), in English and as Word's Welsh
 * language pack writes them. A control still showing one was left empty: in a .docx even when the
 * file no longer marks it as showing its placeholder (`w:showingPlcHdr`), and in a PDF or a
 * spreadsheet cell that the form was saved or copied into, where nothing else says so.
 */
export const WORD_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'Choose an item.',
  'Click or tap here to enter text.',
  'Click or tap to enter a date.',
  'Click here to enter text.',
  'Click here to enter a date.',
  'Dewiswch eitem.',
  'Cliciwch neu tapiwch yma i roi testun.',
  'Cliciwch neu tapiwch i roi dyddiad.',
  'Cliciwch yma i roi testun.',
  'Cliciwch yma i roi dyddiad.',
]);

/** Whether a text, spaces aside, is one of Word's {@link WORD_PLACEHOLDERS}: an answer left empty. */
export function isWordPlaceholder(text: string): boolean {
  return WORD_PLACEHOLDERS.has(text.replace(/\s+/g, ' ').trim());
}
