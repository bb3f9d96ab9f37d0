import { createHash } from 'node:crypto';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Options for {@link markdownToHtml}. */
export interface MarkdownToHtmlOptions {
  /** The page title (`<title>`), as plain text; it is escaped. */
  title: string;
}

const PAGE_STYLE = [
  'body{margin:0;background:#fff;color:#1b1b1b;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}',
  'main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.6em 0 .6em}',
  'h1{font-size:1.9rem;margin-top:.4em}',
  'h2{font-size:1.45rem;border-bottom:1px solid #d8d8d8;padding-bottom:.2em}',
  'h3{font-size:1.2rem}',
  'a{color:#1d4f91}',
  'blockquote{margin:1em 0;padding:.2em 1em;border-left:4px solid #7a9cc6;background:#f4f7fb}',
  'code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:#f2f2f2;padding:.1em .25em}',
  'pre{overflow-x:auto;background:#f2f2f2;padding:.8em}',
  'pre code{padding:0}',
  'table{border-collapse:collapse;margin:1em 0;display:block;overflow-x:auto}',
  'th,td{border:1px solid #c8c8c8;padding:.35em .6em;vertical-align:top}',
  'th{background:#f2f2f2}',
  'th[align=center],td[align=center]{text-align:center}',
  'th[align=right],td[align=right]{text-align:right}',
  'th[align=left],td[align=left]{text-align:left}',
  'hr{border:0;border-top:1px solid #d8d8d8;margin:2em 0}',
  '@media print{main{max-width:none;padding:0}a{color:inherit}}',
].join('\n');

/**
 * The page's Content-Security-Policy: nothing may load or run (no scripts, images, fonts, frames,
 * forms, connections, base URL changes); only the page's own style sheet, allowed by its hash.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${'sha256-' + createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')}'`,
  "img-src 'none'",
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
const ALIGN_VALUES = ['left', 'center', 'right'];

/**
 * marked with raw HTML shown as text, images as their alt text, task-list boxes as `[x]` / `[ ]`,
 * and links only to http, https and mailto (any other link is its text alone). A private
 * instance: the shared `marked` is left untouched.
 */
const markdownRenderer = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      const text = escapeHtml(token.text);
      return token.block ? `<p>${text.trimEnd()}</p>\n` : text;
    },
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? '[x] ' : '[ ] ';
    },
    image({ text, tokens }: Tokens.Image): string {
      return escapeHtmlKeepingEntities(tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const label = this.parser.parseInline(tokens);
      if (!SAFE_HREF.test(href)) return label;
      const titleAttribute = title ? ` title="${escapeHtmlKeepingEntities(title)}"` : '';
      return `<a href="${escapeHtmlKeepingEntities(href)}"${titleAttribute}>${label}</a>`;
    },
  },
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'a',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    ol: ['start'],
    th: [{ name: 'align', values: ALIGN_VALUES }],
    td: [{ name: 'align', values: ALIGN_VALUES }],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs['href'];
      if (href === undefined || !SAFE_HREF.test(href)) return { tagName: 'span', attribs: {} };
      const title = attribs['title'];
      return {
        tagName: 'a',
        attribs: title === undefined ? { href, rel: 'nofollow noopener' } : { href, title, rel: 'nofollow noopener' },
      };
    },
  },
};

/**
 * Renders a markdown report as one self-contained HTML page: `<meta charset="utf-8">`, a strict
 * Content-Security-Policy (no scripts, no images, no remote anything; only the inline style
 * sheet, by hash), inline CSS, no external resources.
 *
 * The body is rendered with marked (GFM) and then sanitised with sanitize-html. Raw HTML in the
 * markdown is shown as text, never passed through; images become their alt text; task-list
 * boxes become `[x]` / `[ ]`. What survives
 * the allowlist: headings, paragraphs, line breaks, rules, lists, tables (with `align`),
 * strong/em/del/code/pre/blockquote, and links whose href is http, https or mailto, each given
 * `rel="nofollow noopener"`. No `img`, `script`, `iframe`, `object`, `style` or event attribute.
 *
 * Pure and deterministic: the same markdown and title give the same bytes.
 */
export function markdownToHtml(markdown: string, options: MarkdownToHtmlOptions): string {
  const body = sanitizeHtml(markdownRenderer.parse(markdown, { async: false }), SANITIZE_OPTIONS).trim();
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title.replace(/\s+/g, ' ').trim())}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Escapes like {@link escapeHtml} but leaves `&` alone where it starts an entity reference marked kept as written. */
function escapeHtmlKeepingEntities(text: string): string {
  return text.replace(/&(?!#\d{1,7};|#x[0-9a-f]{1,6};|[a-z][a-z0-9]{1,31};)|[<>"']/gi, (character) => HTML_ESCAPES[character] ?? character);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
