import { Marked } from 'marked';
import { htmlToPlainText, type HtmlToPlainTextOptions } from './html-to-plain-text.js';

const markdown = new Marked({ gfm: true, breaks: true });

/**
 * Turns a Markdown comment body into plain text: rendered with GitHub-flavoured Markdown (a single
 * newline is a line break, as comment boxes show it), then converted like HTML by
 * {@link htmlToPlainText}, so emphasis markers, link targets and inline HTML are dropped.
 */
export function markdownToPlainText(text: string, options: HtmlToPlainTextOptions = {}): string {
  return htmlToPlainText(markdown.parse(text, { async: false }), options);
}
