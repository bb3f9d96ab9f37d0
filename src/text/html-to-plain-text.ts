import { convert, type HtmlToTextOptions } from 'html-to-text';

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
  return convert(html, CONVERT_OPTIONS).trim();
}

/** True when a text holds HTML markup worth converting (a tag or an entity). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w-]*(\s[^<>]*)?\/?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

/** Entities whose html-to-text reading is not what a record's plain text needs. */
const PLAIN_ENTITY_TEXT: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
};

/**
 * Decodes the HTML character references (`&amp;`, `&lt;`, `&nbsp;`, `&#233;`, `&#x1F600;`…) in a
 * text that is otherwise plain, such as a caption line or a markdown paragraph; everything else is
 * left as it is. Unknown names stay as written.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (entity) => {
    const plain = PLAIN_ENTITY_TEXT[entity.toLowerCase()];
    if (plain !== undefined) return plain;
    const decoded = convert(entity, CONVERT_OPTIONS);
    return decoded === '' ? ' ' : decoded;
  });
}
