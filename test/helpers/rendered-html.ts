import { marked } from 'marked';

/** Renders markdown with marked's shared default instance (GFM on), synchronously. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** The names of the elements in an HTML fragment, in order of their opening tags. */
export function elementNames(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => (match[1] ?? '').toLowerCase());
}

/** The text a reader sees in an HTML fragment: `<br>` as a line break, tags dropped, entities decoded, outer newlines trimmed. */
export function htmlTextContent(html: string): string {
  return decodeHtmlEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '')).replace(/^\n+|\n+$/g, '');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities marked and sanitize-html write: the five XML ones, `&nbsp;`, and numeric references. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * What `escapeMarkdownText` promises the rendered text is, written out independently as
 * the spec: control characters removed, lone surrogates as U+FFFD, line breaks split lines, each
 * line trimmed, blank lines dropped, lines joined by a space or a newline (a rendered `<br>`).
 */
export function expectedMarkdownText(text: string, lineBreaks: 'space' | 'hard'): string {
  const tidied = Array.from(text, (character) => {
    const code = character.codePointAt(0) ?? 0;
    if (character.length === 1 && code >= 0xd800 && code <= 0xdfff) return '\ufffd';
    const isControl = code < 0x20 || (code >= 0x7f && code < 0xa0);
    const isLineOrTab = character === '\n' || character === '\r' || character === '\t' || code === 0x85;
    return isControl && !isLineOrTab ? '' : character;
  }).join('');
  return tidied
    .split(/\r\n|\r|\n|\u0085|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(lineBreaks === 'hard' ? '\n' : ' ');
}

/**
 * The element names of rendered escaped text, leaving out the links that a web address written
 * as plain text becomes; fails unless each such link's text is exactly its address.
 */
export function elementNamesBesideAddressLinks(html: string): string[] {
  for (const match of html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) {
    const text = decodeHtmlEntities(match[2] ?? '');
    if (!/^(?:https?|ftp):\/\/\S+$/i.test(text) || decodeHtmlEntities(match[1] ?? '') !== encodeURI(text).replace(/%25/g, '%')) {
      throw new Error(`a link that is not a plain web address: ${match[0]}`);
    }
  }
  const names = elementNames(html);
  const anchors = (html.match(/<a href="/g) ?? []).length;
  if (names.filter((name) => name === 'a').length !== anchors) throw new Error(`unexpected anchor in ${html}`);
  return names.filter((name) => name !== 'a');
}
