/** Escapes people's words as literal inline markdown text (every syntax character backslash-escaped). */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&=:"']/g, (character) => `\\${character}`);
}

/** Escapes text for a GFM table cell. */
export function escapeTableCell(text: string): string {
  return escapeMarkdownText(text);
}
