/** Shortens text to at most `max` characters at a word boundary, its runs of whitespace made one space, ending with `…` when cut. */
export function shortenText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A blank line between paragraphs, with the spaces around it. */
const PARAGRAPH_BREAK = /[ \t]*\r?\n[ \t]*\r?\n\s*/gu;

/** Sentence-ending punctuation, then any closing quotes or brackets, at the end of a paragraph. */
const ENDS_SENTENCE = /[.!?…:;][)\]"'’”»]*$/u;

/**
 * The text with each paragraph break after a paragraph that ends without sentence punctuation (a
 * post's title, a content warning, a heading) made ` — `, so that once its whitespace is made one
 * space (as {@link shortenText} does) the two do not read as one sentence; other breaks are left.
 */
export function markUnpunctuatedParagraphs(text: string): string {
  return text.replace(PARAGRAPH_BREAK, (gap: string, at: number) => {
    const before = text.slice(Math.max(0, at - 8), at);
    return at === 0 || at + gap.length === text.length || ENDS_SENTENCE.test(before) ? gap : ' — ';
  });
}
