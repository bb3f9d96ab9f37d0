/**
 * The anchor GitHub gives a heading of plain words, which the HTML page gives it too: lower case,
 * spaces as `-`, everything but letters, digits, spaces and `-` dropped (`Key findings` →
 * `key-findings`).
 */
export function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}
