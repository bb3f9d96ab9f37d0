import { createRequire } from 'node:module';
import type { HtmlToTextOptions, compile as CompileFunction } from 'html-to-text';
import { decodeHtmlEntities } from './html-entities.js';
import { withoutTrackingParameters } from './tracking-parameters.js';

const require = createRequire(import.meta.url);

/** Choices for {@link htmlToPlainText}; the defaults suit well-formed HTML such as e-mail parts. */
export interface HtmlToPlainTextOptions {
  /**
   * Keep the line breaks written in the HTML source as line breaks in the text. For HTML that is
   * stored before auto-paragraphing (WordPress comment bodies), where a newline is a break and a
   * blank line a new paragraph. Default false: source newlines are spaces, as browsers show them.
   */
  keepSourceNewlines?: boolean;
  /**
   * Leave out `<blockquote>` elements: in a comment they hold someone else's words being quoted.
   * Default false: quotes are kept as `> ` lines.
   */
  dropQuotes?: boolean;
}

const BASE_SELECTORS: NonNullable<HtmlToTextOptions['selectors']> = [
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
  { selector: 'address', format: 'block' },
  { selector: '.gmail_signature', format: 'skip' },
  { selector: '.moz-signature', format: 'skip' },
  { selector: '#Signature', format: 'skip' },
  { selector: '#signature', format: 'skip' },
  { selector: 'dt', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  { selector: 'dd', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
];

/**
 * Compiled converters by option set: compiling builds html-to-text's selector tree, which costs far
 * more than converting. html-to-text itself is loaded on first use, so start-up does not pay for it.
 */
const CONVERTERS = new Map<string, (html: string) => string>();

function converter(options: HtmlToPlainTextOptions): (html: string) => string {
  const keepSourceNewlines = options.keepSourceNewlines === true;
  const dropQuotes = options.dropQuotes === true;
  const key = `${keepSourceNewlines}/${dropQuotes}`;
  let convert = CONVERTERS.get(key);
  if (convert === undefined) {
    const { compile } = require('html-to-text') as { compile: typeof CompileFunction };
    convert = compile({
      wordwrap: false,
      preserveNewlines: keepSourceNewlines,
      selectors: dropQuotes ? [...BASE_SELECTORS, { selector: 'blockquote', format: 'skip' }] : BASE_SELECTORS,
    });
    CONVERTERS.set(key, convert);
  }
  return convert;
}

/**
 * Turns an HTML fragment (a comment body, an e-mail's HTML part) into plain text: tags dropped,
 * entities decoded, paragraphs and line breaks kept as newlines, link text kept without its URL,
 * images, scripts and styles skipped, and the signature blocks mail clients mark (Gmail's
 * `gmail_signature`, Thunderbird's `moz-signature`, Outlook's `#Signature`) left out.
 */
export function htmlToPlainText(html: string, options: HtmlToPlainTextOptions = {}): string {
  if (html.length > MAX_CONVERTED_HTML_CHARS || htmlNestingExceeds(html, MAX_HTML_NESTING, MAX_HTML_ELEMENTS)) return flatHtmlText(html);
  return converter(options)(withShortenedLinksWhole(html)).trim();
}

const LINK = /<a\b([^<>]*)>([^<>]*)<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** An address without its scheme and `www.`, for comparing what a link shows with where it goes. */
function bareAddress(address: string): string {
  return address.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
}

/**
 * Links whose text is their own address cut short for display (`http://blogs.example.org/b/8/...`,
 * as Disqus, YouTube and Facebook show a long link), with that text written out whole from the
 * link's `href`: the commenter pasted the whole address, and the cut one leads nowhere. A link
 * whose text is anything else keeps its text.
 */
function withShortenedLinksWhole(html: string): string {
  if (!html.includes('...') && !html.includes('…') && !html.includes('&hellip;')) return html;
  return html.replace(LINK, (whole: string, attributes: string, inner: string) => {
    const hrefMatch = HREF.exec(attributes);
    const href = decodeHtmlEntities(hrefMatch?.[1] ?? hrefMatch?.[2] ?? '').trim();
    const shown = decodeHtmlEntities(inner).trim();
    const cut = /(?:\.\.\.|…)$/.exec(shown);
    if (cut === null || !/^https?:\/\//i.test(href)) return whole;
    const start = bareAddress(shown.slice(0, cut.index));
    if (start.length < 8 || !bareAddress(href).startsWith(start)) return whole;
    const escaped = withoutTrackingParameters(href).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return whole.replace(`>${inner}<`, `>${escaped}<`);
  });
}

/**
 * How many elements HTML may hold before it is converted by {@link flatHtmlText} instead:
 * html-to-text builds a tree of them first, about 1 KB each, so one post of two million
 * paragraphs took 48 s and 2.3 GB. A comment or an e-mail holds a few thousand at most.
 */
export const MAX_HTML_ELEMENTS = 50_000;

/**
 * The longest HTML html-to-text is given (2 Mi characters): it holds about 45 bytes a character
 * while it works (a 15 MB post took 680 MB), and past 16 Mi it cuts the text and warns on the
 * console. Longer HTML is converted by {@link flatHtmlText}, whole; no comment or e-mail body
 * comes near it.
 */
export const MAX_CONVERTED_HTML_CHARS = 2 * 1024 * 1024;

/**
 * How deeply HTML may nest before it is converted by {@link flatHtmlText} instead: html-to-text
 * walks the tree recursively, and overflows the stack a few thousand levels down.
 */
export const MAX_HTML_NESTING = 500;

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * True when open tags nest deeper than `limit` (counted in one pass, void and self-closed tags
 * aside), or when more than `maxElements` elements open.
 */
export function htmlNestingExceeds(html: string, limit: number, maxElements = Infinity): boolean {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  let elements = 0;
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    if (match[1] !== '/' && ++elements > maxElements) return true;
    if (VOID_TAGS.has((match[2] ?? '').toLowerCase()) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}

/**
 * Plain text from HTML without building a tree, for markup nested too deeply to walk: block tags
 * and `<br>` become line breaks, every other tag is dropped, entities are decoded. Nothing recurses.
 */
function flatHtmlText(html: string): string {
  return decodeHtmlEntities(
    withoutScriptsAndStyles(html)
      .replace(/<\/?(p|div|br|li|tr|h[1-6]|blockquote|section|article|ul|ol|table)\b[^<>]*>/gi, '\n')
      .replace(/<[^<>]*>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

const SCRIPT_OR_STYLE_START = /<(script|style)\b[^<>]*>/gi;
const SCRIPT_END = /<\/script\s*>/gi;
const STYLE_END = /<\/style\s*>/gi;

/**
 * HTML without its scripts and style sheets, each start tag to its end tag, in one pass: a lazy
 * pattern looked for the end again from every start that none follows, the square of their number.
 */
function withoutScriptsAndStyles(html: string): string {
  const kept: string[] = [];
  const unended = new Set<RegExp>();
  let from = 0;
  SCRIPT_OR_STYLE_START.lastIndex = 0;
  for (let start = SCRIPT_OR_STYLE_START.exec(html); start !== null; start = SCRIPT_OR_STYLE_START.exec(html)) {
    const endTag = (start[1] ?? '').toLowerCase() === 'script' ? SCRIPT_END : STYLE_END;
    if (unended.has(endTag)) continue;
    endTag.lastIndex = SCRIPT_OR_STYLE_START.lastIndex;
    if (endTag.exec(html) === null) {
      unended.add(endTag);
      continue;
    }
    kept.push(html.slice(from, start.index));
    from = endTag.lastIndex;
    SCRIPT_OR_STYLE_START.lastIndex = from;
  }
  kept.push(html.slice(from));
  return kept.join('');
}

/** True when a text holds HTML markup worth converting (a tag or an entity). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w-]*(\s[^<>]*)?\/?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}
