/**
 * How line breaks in people's words come out in markdown: `space` joins the lines with a space
 * (safe anywhere inline: headings, list items, link text); `hard` keeps each line as a hard line
 * break (`\` at the end of the line), for paragraphs, list items and block quotes.
 */
export type MarkdownLineBreaks = 'space' | 'hard';

/** Options for {@link escapeMarkdownText}. */
export interface EscapeMarkdownOptions {
  /** What line breaks become; `space` when omitted. */
  lineBreaks?: MarkdownLineBreaks;
}

/**
 * Every ASCII character CommonMark, GFM or GitHub give a meaning to: emphasis, code, links and
 * images, headings, lists, block quotes, tables, strikethrough, raw HTML and entities, setext
 * underlines, math (`$`).
 */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&=$]|:(?=\/\/)/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/;
const HARD_BREAK = '\\\n';

/**
 * Escapes a person's words so that, placed inline in a markdown document, they render as exactly
 * those words and can never change the document's structure: every character markdown or GFM
 * treats as syntax (`` \ ` * _ { } [ ] ( ) # + - . ! | < > ~ & = $ `` and the `:` of `://`) gets a
 * backslash, so headings, lists, quotes, fences, tables, HTML (`<script>`), entities (`&lt;`
 * stays `&lt;`), links, images and autolinks (`<http://…>`, bare `http://…` and `www.`) all stay
 * literal text.
 *
 * The rendered text is the input after this tidy-up, which the escaping needs (leading spaces
 * would make a code block, a blank line a new paragraph):
 * - C0/C1 control characters other than tab and line breaks are removed; lone UTF-16 surrogates
 *   become U+FFFD;
 * - line breaks (`\r\n`, `\r`, `\n`, NEL, U+2028, U+2029) split the text into lines; each line is
 *   trimmed of whitespace and blank lines are dropped;
 * - the lines are joined with a space (`lineBreaks: 'space'`, the default) or a hard line break
 *   (`'hard'`, which renders as `<br>`).
 *
 * Whitespace-only text gives the empty string.
 */
export function escapeMarkdownText(text: string, options: EscapeMarkdownOptions = {}): string {
  const separator = options.lineBreaks === 'hard' ? HARD_BREAK : ' ';
  return markdownLines(text)
    .map((line) => line.replace(MARKDOWN_SYNTAX, '\\$&'))
    .join(separator);
}

/**
 * Escapes a person's words for one cell of a GFM table: everything {@link escapeMarkdownText}
 * does, with line breaks as spaces (a cell is one line) and `|` escaped so it never ends the cell.
 */
export function escapeTableCell(text: string): string {
  return escapeMarkdownText(text, { lineBreaks: 'space' });
}

/**
 * A markdown block quote holding a person's words as literal text: each paragraph (separated by
 * blank lines in `text`) is one paragraph of the quote, each line within it a hard line break.
 * Escaped and tidied as {@link escapeMarkdownText}. Returns the block without a trailing newline;
 * whitespace-only text gives the empty string. Place it with a blank line before and after.
 */
export function quoteBlock(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => `> ${escapeMarkdownText(paragraph, { lineBreaks: 'hard' }).split('\n').join('\n> ')}`)
    .join('\n>\n');
}

function markdownLines(text: string): string[] {
  return tidy(text)
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of tidy(text).split(LINE_BREAK)) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current.join('\n'));
  return paragraphs;
}

function tidy(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd');
}
