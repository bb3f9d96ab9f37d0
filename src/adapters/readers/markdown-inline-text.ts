import { Lexer, type MarkedToken, type Token } from 'marked';
import { decodeHtmlEntities } from '../../text/html-entities.js';
import { flatMarkdownText, markdownMarkersExceed, MAX_MARKDOWN_MARKERS } from '../../text/markdown-to-plain-text.js';

/**
 * Turns one block of markdown inline text (a bullet, a paragraph, a heading) into plain text:
 * emphasis and strike-through markers dropped, links replaced by their text (the URL of a bare
 * link is its text), images and inline HTML tags dropped, code spans kept as their text, escapes
 * and entities decoded. Soft line breaks become spaces; hard breaks (`  ` or `\` at a line end,
 * `<br>`) become newlines. A block with more than {@link MAX_MARKDOWN_MARKERS} marker runs is
 * stripped flat instead of parsed (marked recurses into nested emphasis).
 */
export function markdownInlineText(markdown: string): string {
  if (markdownMarkersExceed(markdown, MAX_MARKDOWN_MARKERS)) return flatMarkdownText(markdown);
  return tokensText(Lexer.lexInline(markdown, { gfm: true }));
}

function tokensText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) text += tokenText(token as MarkedToken);
  return text;
}

function tokenText(token: MarkedToken): string {
  switch (token.type) {
    case 'text':
      return token.tokens === undefined ? decodeHtmlEntities(token.text).replace(/\n/g, ' ') : tokensText(token.tokens);
    case 'escape':
      return token.text;
    case 'codespan':
      return token.text.replace(/\n/g, ' ');
    case 'link':
      return token.autolink === true ? token.text : tokensText(token.tokens);
    case 'strong':
    case 'em':
    case 'del':
      return tokensText(token.tokens);
    case 'br':
      return '\n';
    case 'html':
      return /^<br\s*\/?>$/i.test(token.raw) ? '\n' : '';
    case 'image':
      return '';
    default:
      return token.raw;
  }
}
