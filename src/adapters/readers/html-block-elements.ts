/**
 * HTML elements that stand on lines of their own: the words on either side of one are never run
 * together into one word or one line (paragraphs, divisions, lists and their items, quotations,
 * preformatted text, rules, headings, sections). Readers of HTML inside an export (a blog feed's
 * XHTML content, a web "Excel" export's table cells) break a line at each.
 */
export const HTML_BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'address',
  'section',
  'article',
]);
