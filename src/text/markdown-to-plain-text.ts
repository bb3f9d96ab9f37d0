import { Marked } from 'marked';
import { htmlToPlainText, MAX_CONVERTED_HTML_CHARS, type HtmlToPlainTextOptions } from './html-to-plain-text.js';

const markdown = new Marked({ gfm: true, breaks: true });

/**
 * Turns a Markdown comment body into plain text: rendered with GitHub-flavoured Markdown (a single
 * newline is a line break, as comment boxes show it), then converted like HTML by
 * {@link htmlToPlainText}, so emphasis markers, link targets and inline HTML are dropped.
 */
export function markdownToPlainText(text: string, options: HtmlToPlainTextOptions = {}): string {
  if (
    text.length > MAX_CONVERTED_HTML_CHARS ||
    lineCountExceeds(text, MAX_MARKDOWN_LINES) ||
    markdownMarkersExceed(text, MAX_MARKDOWN_MARKERS)
  ) {
    return flatMarkdownText(text);
  }
  return htmlToPlainText(markdown.parse(text, { async: false }), options);
}

/**
 * How many lines one text may hold before it is converted by {@link flatMarkdownText}: marked
 * keeps a token for each block, about 500 bytes each, so a comment of two million paragraphs
 * held 1.5 GB. No comment comes near it.
 */
export const MAX_MARKDOWN_LINES = 20_000;

function lineCountExceeds(text: string, limit: number): boolean {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) if (++lines > limit) return true;
  return false;
}

/**
 * How many runs of emphasis, strike-through and link markers (`*`, `_`, `~`, `[`, `]`) one text may
 * hold before it is converted by {@link flatMarkdownText}: marked parses nested emphasis
 * recursively and overflows the stack on a few thousand nested markers.
 */
export const MAX_MARKDOWN_MARKERS = 500;

/** True when a text holds more than `limit` runs of markdown inline markers (counted in one pass). */
export function markdownMarkersExceed(text: string, limit: number): boolean {
  let runs = 0;
  let inRun = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    const marker = character === 42 || character === 95 || character === 126 || character === 91 || character === 93;
    if (marker && !inRun && ++runs > limit) return true;
    inRun = marker;
  }
  return false;
}

/**
 * Plain text from markdown without parsing it, for texts with too many markers to parse: links
 * become their text, emphasis and strike-through markers are dropped. Nothing recurses.
 */
export function flatMarkdownText(text: string): string {
  return text
    .replace(/!?\[([^\[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/[*_~]+/g, '')
    .replace(/[\[\]]/g, '')
    .trim();
}
