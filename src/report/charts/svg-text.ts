const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value escaped for SVG inside an HTML page. */
export function escapeSvgText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** A number for an SVG coordinate: at most one decimal, no exponent. */
export function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}
