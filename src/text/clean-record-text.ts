/**
 * True for any text the tidy-up below could change; printable ASCII with single spaces, single or
 * double line breaks and no space at either end of a line or the text is already tidy.
 */
const NEEDS_CLEANING = /[^\x20-\x7e\n]| {2}| \n|\n |\n{3}|^[ \n]|[ \n]$/;

/**
 * The tidy-up every record's text gets before it is stored: Unicode NFC, line endings to `\n`,
 * control characters and zero-width marks removed, spaces inside lines collapsed, runs of blank
 * lines reduced to one, and the ends trimmed. Words are never changed.
 */
export function cleanRecordText(text: string): string {
  return NEEDS_CLEANING.test(text) ? tidyText(text) : text;
}

/** The tidy-up of {@link cleanRecordText} without its fast path for text that is already tidy. */
export function tidyText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\u00a0 ]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
