import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Marked, type Tokens } from 'marked';
import type sanitizeHtml from 'sanitize-html';
import { headingAnchor } from './heading-anchor.js';

/** Options for {@link markdownToHtml}. */
export interface MarkdownToHtmlOptions {
  /** The page title (`<title>`), as plain text; it is escaped. */
  title: string;
  /**
   * Inline SVG charts, each placed right after the `##` heading with that anchor (see
   * heading-anchor.ts). They pass through the same sanitiser as the rest of the page, whose
   * allowlist keeps only the SVG that src/report/charts draws.
   */
  figures?: readonly { section: string; svg: string }[];
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
  '.table-wrap{overflow-x:auto;margin:1em 0}',
  'table{border-collapse:collapse}',
  'caption{text-align:left;font-weight:600;padding:0 0 .4em}',
  'th,td{border:1px solid #c8c8c8;padding:.35em .6em;vertical-align:top}',
  'th{text-align:left}',
  'thead th{background:#f2f2f2}',
  'tbody th{font-weight:normal;text-align:left}',
  '.chart{display:block;width:100%;max-width:36rem;height:auto;margin:1em 0}',
  '.chart-bar{fill:#1d4f91}',
  '.chart-bar-behind{fill:#6f93c4}',
  '.chart-label{fill:#1b1b1b;font-size:16px}',
  '.chart-value{fill:#3d3d3d;font-size:15px}',
  '.chart-axis{stroke:#767676;stroke-width:1}',
  'th[align=center],td[align=center]{text-align:center}',
  'th[align=right],td[align=right]{text-align:right}',
  'th[align=left],td[align=left]{text-align:left}',
  'hr{border:0;border-top:1px solid #d8d8d8;margin:2em 0}',
  '@media print{main{max-width:none;padding:0}a{color:inherit;text-decoration:none}.table-wrap{overflow:visible}' +
    'h2,h3{break-after:avoid}table,blockquote,.chart{break-inside:avoid}thead{display:table-header-group}' +
    '.chart-bar{fill:#000}.chart-bar-behind{fill:#999}}',
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
/** A link to a heading of the same page (the contents list). */
const FRAGMENT_HREF = /^#[\p{L}\p{N}-]+$/u;
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
    heading({ depth, tokens }: Tokens.Heading): string {
      const text = this.parser.parseInline(tokens);
      if (depth !== 2) return `<h${depth}>${text}</h${depth}>\n`;
      const anchor = headingAnchor(this.parser.parseInline(tokens, this.parser.textRenderer));
      return `<h2 id="${escapeHtml(anchor)}">${text}</h2>\n`;
    },
    table(token: Tokens.Table): string {
      const align = (cell: Tokens.TableCell): string => (cell.align === null ? '' : ` align="${cell.align}"`);
      const header = token.header.map((cell) => `<th scope="col"${align(cell)}>${this.parser.parseInline(cell.tokens)}</th>`).join('');
      const rows = token.rows.map(
        (row) =>
          `<tr>${row
            .map((cell, index) =>
              index === 0
                ? `<th scope="row"${align(cell)}>${this.parser.parseInline(cell.tokens)}</th>`
                : `<td${align(cell)}>${this.parser.parseInline(cell.tokens)}</td>`,
            )
            .join('')}</tr>`,
      );
      return `<table>\n<thead>\n<tr>${header}</tr>\n</thead>\n${rows.length === 0 ? '' : `<tbody>\n${rows.join('\n')}\n</tbody>\n`}</table>\n`;
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const label = this.parser.parseInline(tokens);
      if (FRAGMENT_HREF.test(href)) return `<a href="${escapeHtml(href)}">${label}</a>`;
      if (!SAFE_HREF.test(href)) return label;
      const titleAttribute = title ? ` title="${escapeHtmlKeepingEntities(title)}"` : '';
      return `<a href="${escapeHtmlKeepingEntities(href)}"${titleAttribute}>${label}</a>`;
    },
  },
});

/** The SVG elements the charts draw (src/report/charts), and nothing else of SVG: no `use`, `image`, `foreignObject`, `script`, `style`, `a` or animation. */
const SVG_TAGS = ['svg', 'title', 'desc', 'rect', 'line', 'text', 'tspan'];
const CHART_CLASSES = ['chart', 'chart-bar', 'chart-bar-behind', 'chart-label', 'chart-value', 'chart-axis'];
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The attributes the charts write, each checked: numbers are numbers, classes are the charts' own; no `href`, `style` or event. */
const SVG_ATTRIBUTES: Record<string, sanitizeHtml.AllowedAttribute[]> = {
  svg: [
    { name: 'class', values: CHART_CLASSES },
    { name: 'role', values: ['img'] },
    'aria-labelledby',
    'viewbox',
    'width',
    'height',
    { name: 'xmlns', values: ['http://www.w3.org/2000/svg'] },
  ],
  title: ['id'],
  desc: ['id'],
  rect: [{ name: 'class', values: CHART_CLASSES }, 'x', 'y', 'width', 'height'],
  line: [{ name: 'class', values: CHART_CLASSES }, 'x1', 'y1', 'x2', 'y2'],
  text: [{ name: 'class', values: CHART_CLASSES }, 'x', 'y', { name: 'text-anchor', values: ['start', 'middle', 'end'] }],
  tspan: [{ name: 'class', values: CHART_CLASSES }],
};

/** Geometry attributes that must hold a plain number (a chart's viewBox four of them). */
const GEOMETRY_ATTRIBUTES = new Set(['x', 'y', 'width', 'height', 'x1', 'y1', 'x2', 'y2']);

function numbersOnly(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (GEOMETRY_ATTRIBUTES.has(name) && !NUMBER.test(value)) continue;
    if (name === 'viewbox' && !value.split(' ').every((part) => NUMBER.test(part))) continue;
    kept[name] = value;
  }
  return { tagName, attribs: kept };
}

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
    'caption',
    'div',
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
    ...SVG_TAGS,
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    h2: ['id'],
    ol: ['start'],
    caption: ['id'],
    div: [
      { name: 'class', values: ['table-wrap'] },
      { name: 'role', values: ['region'] },
      { name: 'tabindex', values: ['0'] },
      'aria-labelledby',
    ],
    th: [
      { name: 'align', values: ALIGN_VALUES },
      { name: 'scope', values: ['col', 'row'] },
    ],
    td: [{ name: 'align', values: ALIGN_VALUES }],
    ...SVG_ATTRIBUTES,
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    svg: numbersOnly,
    rect: numbersOnly,
    line: numbersOnly,
    text: numbersOnly,
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs['href'];
      if (href !== undefined && FRAGMENT_HREF.test(href)) return { tagName: 'a', attribs: { href } };
      if (href === undefined || !SAFE_HREF.test(href)) return { tagName: 'span', attribs: {} };
      const title = attribs['title'];
      return {
        tagName: 'a',
        attribs: title === undefined ? { href, rel: 'nofollow noopener' } : { href, title, rel: 'nofollow noopener' },
      };
    },
  },
};

let loadedSanitizer: typeof sanitizeHtml | undefined;

/** sanitize-html (with its CSS parser), loaded when a page is first rendered rather than with every renderer. */
function htmlSanitizer(): typeof sanitizeHtml {
  loadedSanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return loadedSanitizer;
}

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
  let html = captionTables(markdownRenderer.parse(markdown, { async: false }));
  for (const figure of options.figures ?? []) {
    html = html.replace(new RegExp(`(<h2 id="${figure.section}">[\\s\\S]*?</h2>\n)`), (heading: string) => `${heading}${figure.svg}\n`);
  }
  const body = htmlSanitizer()(html, SANITIZE_OPTIONS).trim();
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

/** A paragraph `Table: words` right before a table: the markdown's way of captioning it. */
const CAPTION_PARAGRAPH = /<p>Table: ((?:(?!<\/p>)[\s\S])*)<\/p>\n<table>\n/g;

/**
 * Gives each table a `<caption>` from the `Table: …` paragraph before it, and wraps it in a
 * region that scrolls sideways on a narrow screen (focusable, so a keyboard can scroll it; named
 * by the caption), leaving the table itself a table for screen readers.
 */
function captionTables(html: string): string {
  let count = 0;
  const captioned = html.replace(CAPTION_PARAGRAPH, (_match, caption: string) => {
    count += 1;
    return `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="table-${count}">\n<table>\n<caption id="table-${count}">${caption}</caption>\n`;
  });
  return captioned.replace(/<div class="table-wrap"[^>]*>\n<table>[\s\S]*?<\/table>\n/g, (table) => `${table}</div>\n`);
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
