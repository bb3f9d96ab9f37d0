import { decodeHTML } from 'entities/decode';

/** Entities whose usual reading is not what a record's plain text needs. */
const PLAIN_ENTITY_TEXT: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
};

/**
 * Decodes the HTML character references (`&amp;`, `&lt;`, `&nbsp;`, `&#233;`, `&#x1F600;`…) in a
 * text that is otherwise plain, such as a caption line, a markdown paragraph or a tweet, with the
 * full HTML entity table (the `entities` package, htmlparser2's own decoder). Everything else is
 * left as it is; unknown names stay as written; a non-breaking space becomes a plain space.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(HTML_ENTITY, decodeHtmlEntity);
}

/** One HTML character reference, as {@link decodeHtmlEntities} finds them. */
export const HTML_ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/** The text of one character reference matched by {@link HTML_ENTITY}. */
export function decodeHtmlEntity(entity: string): string {
  return PLAIN_ENTITY_TEXT[entity.toLowerCase()] ?? decodeHTML(entity);
}
