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
 * Characters that can start syntax wherever they stand: emphasis, code, links, raw HTML and
 * autolinks, tables, strikethrough, math (`$`), and the backslash itself.
 */
const ALWAYS_SYNTAX = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$']);
/** Characters that only start a block at the beginning of a line: lists, setext underlines, breaks. */
const LINE_START_SYNTAX = new Set(['-', '+', '=']);
/** Every character that may need a backslash, the `:` of `://` (a bare-URL autolink) and the `@` of an e-mail address. */
const MAYBE_SYNTAX = /[\\`*_[\]<>|~$#+\-=.)&]|:(?=\/\/)|(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9_-])/g;
/**
 * A web address that may stay as written: scheme, a host and path of characters that are never
 * syntax inside an autolink, ending in a letter, digit or `/` (so the autolink ends where the
 * address does), then any `.` `,` `;` `:` `!` `?` (which an autolink leaves out, kept as written
 * too) before a space or the end of the line.
 */
const PLAIN_URL = /(?<![^\s(])(?:https?|ftp):\/\/[A-Za-z0-9-][A-Za-z0-9\-._~/?=%+#:]*[A-Za-z0-9/][.,;:!?]*(?=\s|$)/gi;
const ORDERED_LIST_START = /^\d{1,9}$/;
const ENTITY_AFTER_AMPERSAND = /^#?[a-z0-9]+;/i;
const WWW_BEFORE = /^www$/i;
const ASCII_LETTER = /^[A-Za-z]$/;

/**
 * Whether the character at `offset` of a trimmed line needs a backslash to stay literal text.
 * Only what could start syntax there gets one, so the raw markdown stays readable and copies
 * cleanly (`e.g.`, `themes.yaml`, `10:30`): `#` unless a letter follows (a hashtag is not a
 * heading; `#1` would link an issue on GitHub), `-` `+` `=` only at the start of a line, `.` and
 * `)` after a line-start number (an ordered list), `.` also after `www` (a bare-link autolink),
 * `&` before an entity name, the `:` of `://` and the `@` inside an e-mail address (autolinks).
 */
function needsEscape(character: string, offset: number, line: string): boolean {
  if (ALWAYS_SYNTAX.has(character) || character === ':' || character === '@') return true;
  if (LINE_START_SYNTAX.has(character)) return offset === 0;
  if (character === '#') return !ASCII_LETTER.test(line.charAt(offset + 1));
  if (character === '&') return ENTITY_AFTER_AMPERSAND.test(line.slice(offset + 1, offset + 34));
  const listNumber = ORDERED_LIST_START.test(line.slice(0, offset));
  if (character === ')') return listNumber;
  return listNumber || WWW_BEFORE.test(line.slice(Math.max(0, offset - 3), offset));
}

/**
 * Escapes one trimmed line. Web addresses that {@link PLAIN_URL} accepts stay as written (markdown
 * shows them as a link whose text is exactly the address) unless the line ends in a hard break
 * (`endsInBreak`), whose backslash an autolink at the end of the line would swallow.
 */
function escapeLine(line: string, endsInBreak: boolean): string {
  const kept: [number, number][] = [];
  for (const match of line.matchAll(PLAIN_URL)) {
    const end = match.index + match[0].length;
    if (endsInBreak && end === line.length) continue;
    kept.push([match.index, end]);
  }
  return line.replace(MAYBE_SYNTAX, (character: string, offset: number) =>
    !kept.some(([start, end]) => offset >= start && offset < end) && needsEscape(character, offset, line) ? `\\${character}` : character,
  );
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/;
const HARD_BREAK = '\\\n';

/**
 * Escapes a person's words so that, placed inline in a markdown document, they render as exactly
 * those words and can never change the document's structure: every character that markdown or
 * GFM would read as syntax where it stands gets a backslash (`` \ ` * _ [ ] < > | ~ $ `` always;
 * `# - + = . ) & : @` where they could start something, see {@link needsEscape}), so headings,
 * lists, quotes, fences, tables, HTML (`<script>`), entities (`&lt;` stays `&lt;`), links, images
 * and autolinks (`<http://…>`, `www.` and e-mail addresses) all stay literal text, a bare
 * `https://…` address stays as written (rendered as a link whose text is the address), while ordinary punctuation (`Co-production (2014). Thanks!`) stays as it was written.
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
  const hard = options.lineBreaks === 'hard';
  const lines = markdownLines(text);
  return lines.map((line, index) => escapeLine(line, hard && index < lines.length - 1)).join(hard ? HARD_BREAK : ' ');
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
