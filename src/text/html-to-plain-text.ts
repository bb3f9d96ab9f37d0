import { createRequire } from 'node:module';
import type { HtmlToTextOptions, convert as ConvertFunction } from 'html-to-text';

const require = createRequire(import.meta.url);
let convert: typeof ConvertFunction | null = null;

const CONVERT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/**
 * Turns an HTML fragment (a comment body, an e-mail's HTML part) into plain text: tags dropped,
 * entities decoded, paragraphs and line breaks kept as newlines, link text kept without its URL,
 * images, scripts and styles skipped.
 */
export function htmlToPlainText(html: string): string {
  convert ??= (require('html-to-text') as { convert: typeof ConvertFunction }).convert;
  return convert(html, CONVERT_OPTIONS).trim();
}

/** True when a text holds HTML markup worth converting (a tag or an entity). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w-]*(\s[^<>]*)?\/?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

