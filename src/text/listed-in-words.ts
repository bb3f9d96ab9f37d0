/** Items as a sentence lists them: `a`, `a and b`, `a, b and c` (nothing for none). */
export function listedInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
