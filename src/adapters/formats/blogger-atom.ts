import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { InputError } from '../../errors.js';
import {
  attributeValue,
  childElement,
  childElements,
  childText,
  readXmlElements,
  tooLargeElementRejection,
  recoveryWarnings,
  type XmlRecovery,
  type XmlElement,
  type XmlName,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { commentMeta, commentText, commenterName, type CommentBodyMarkup, type CommentPage } from '../readers/blog-comment-fields.js';
import { ReadablePrefix } from '../readers/readable-prefix.js';
import { editTime } from '../readers/post-fields.js';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const THREADING_NAMESPACE = 'http://purl.org/syndication/thread/1.0';
const GDATA_NAMESPACE = 'http://schemas.google.com/g/2005';
const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
const KIND_PREFIX = 'http://schemas.google.com/blogger/2008/kind#';

/** The name Blogger gives commenters who did not sign in. */
const ANONYMOUS_NAME = 'Anonymous';

/**
 * Blogger's export (Settings → Back up content): one Atom feed holding the blog's settings,
 * template, posts, pages and comments as `<entry>` elements told apart by their kind category.
 * Comments are records; every other entry is filtered as `not-a-comment`.
 */
export const bloggerAtomAdapter: FormatAdapter = {
  name: 'blogger-atom',
  description: 'Blogger blog backup (Atom XML, Settings > Back up content): the comments on posts',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.xml', '.atom'],
  signature: 'an Atom <feed> whose entries carry schemas.google.com/blogger/2008/kind# categories',
  sniff(input) {
    const head = input.headText;
    if (!/<feed[\s>]/.test(head)) return 0;
    if (head.includes(KIND_PREFIX)) return 0.9;
    if (/tag:blogger\.com,1999:blog-\d+/.test(head)) return 0.7;
    return 0;
  },
  read(source) {
    return readBlogger(source);
  },
};

function isAtom(name: XmlName | undefined, local: string): boolean {
  return name !== undefined && name.local === local && name.uri === ATOM_NAMESPACE;
}

function checkRoot(file: string, root: XmlElement): void {
  if (isAtom(root, 'feed')) return;
  throw new InputError(`not a Blogger export: the root element is <${root.name}>, not an Atom <feed>`, {
    location: { file, line: root.line, col: 1 },
    hint: 'name another format instead of detecting it',
  });
}

/** First pass: each entry's start, and the few small children that say what it is and where it lives. */
function selectEntryHeads(path: readonly XmlName[]): XmlSelection {
  if (path.length === 1) return 'start';
  if (path.length === 2) return isAtom(path[1], 'entry') ? 'start' : 'skip';
  if (path.length === 3 && isAtom(path[1], 'entry')) {
    const element = path[2];
    if (isAtom(element, 'id') || isAtom(element, 'title') || isAtom(element, 'category') || isAtom(element, 'link')) return 'element';
  }
  return 'skip';
}

/** Second pass: whole entries. */
function selectEntries(path: readonly XmlName[]): XmlSelection {
  if (path.length === 1) return 'start';
  if (path.length === 2 && isAtom(path[1], 'entry')) return 'element';
  return 'skip';
}

/**
 * Reads the feed twice: first the ids, titles and links of posts and pages (small), because an
 * export need not list a post before its comments; then every entry, streamed in order. A file
 * broken part-way gives the entries before the break, then its rejection.
 */
async function* readBlogger(source: InputSource): AsyncIterable<AdapterItem> {
  const posts = new Map<string, CommentPage>();
  const prefix = new ReadablePrefix();
  let entry: { id: string | null; kind: string | null; post: CommentPage } | null = null;
  const keepEntry = (): void => {
    if (entry !== null && entry.id !== null && (entry.kind === 'post' || entry.kind === 'page')) posts.set(entry.id, entry.post);
  };
  for await (const event of prefix.of(readXmlElements(source, selectEntryHeads))) {
    if (event.kind === 'too-large') continue;
    const { element } = event;
    if (event.kind === 'start') {
      if (event.ancestors.length === 0) {
        checkRoot(source.path, element);
        continue;
      }
      keepEntry();
      entry = { id: null, kind: null, post: { title: null, link: null } };
      continue;
    }
    if (entry === null) continue;
    if (element.local === 'id') entry.id = element.text.trim();
    else if (element.local === 'title') entry.post.title = element.text.trim();
    else if (element.local === 'category') entry.kind = kindOf(element) ?? entry.kind;
    else if (element.local === 'link' && attributeValue(element, 'rel') === 'alternate') entry.post.link = attributeValue(element, 'href');
  }
  keepEntry();

  let entryNumber = 0;
  const recoveries: XmlRecovery[] = [];
  for await (const event of readXmlElements(source, selectEntries, (recovery) => recoveries.push(recovery))) {
    yield* recoveryWarnings(source.path, recoveries);
    if (event.kind === 'start') continue;
    entryNumber += 1;
    if (event.kind === 'too-large') {
      yield tooLargeElementRejection(source.path, event);
      continue;
    }
    yield entryItem({ file: source.path, line: event.element.line, part: `entry ${entryNumber}` }, event.element, posts);
  }
  prefix.throwBreak();
}

/** The entry kind (`comment`, `post`, `settings`, `template`, `page`…) from a category element, or null. */
function kindOf(category: XmlElement): string | null {
  const term = attributeValue(category, 'term');
  if (attributeValue(category, 'scheme') !== KIND_SCHEME || term === null || !term.startsWith(KIND_PREFIX)) return null;
  return term.slice(KIND_PREFIX.length);
}

/** One entry as an item; `provenance` names its line and, as real backups are often one line, its number. */
function entryItem(provenance: Provenance, entry: XmlElement, posts: ReadonlyMap<string, CommentPage>): AdapterItem {
  const id = childText(entry, 'id', ATOM_NAMESPACE);
  const idField = id === null ? {} : { sourceId: id };
  const kind =
    childElements(entry, 'category', ATOM_NAMESPACE)
      .map(kindOf)
      .find((value) => value !== null) ?? null;
  if (kind !== 'comment') {
    return {
      kind: 'filtered',
      rule: 'not-a-comment',
      provenance,
      ...idField,
      detail: kind === null ? 'Blogger entry without a kind' : `Blogger ${kind}`,
    };
  }
  if (extendedProperty(entry, 'blogger.contentRemoved') === 'true') return { kind: 'filtered', rule: 'deleted', provenance, ...idField };

  const author = childElement(entry, 'author', ATOM_NAMESPACE);
  const known = [author === undefined ? null : childText(author, 'email', ATOM_NAMESPACE)].filter(
    (value): value is string => value !== null,
  );
  const name = author === undefined ? null : childText(author, 'name', ATOM_NAMESPACE);
  const replyTo = childElement(entry, 'in-reply-to', THREADING_NAMESPACE);
  const postRef = replyTo === undefined ? null : attributeValue(replyTo, 'ref');
  const post = postRef === null ? undefined : posts.get(postRef);
  const content = childElement(entry, 'content', ATOM_NAMESPACE);
  const published = childText(entry, 'published', ATOM_NAMESPACE);
  const updated = childText(entry, 'updated', ATOM_NAMESPACE);
  const meta = commentMeta(post?.title, (replyTo === undefined ? null : attributeValue(replyTo, 'href')) ?? post?.link);
  const editedAt = published === null ? null : editTime(updated, published);
  return {
    kind: 'record',
    draft: {
      sourceId: id,
      author: name === ANONYMOUS_NAME ? null : commenterName(name, known),
      date: toIsoDate(published ?? updated),
      text: commentText(content?.text ?? null, contentMarkup(content), known),
      url: linkHref(entry, 'alternate'),
      inReplyTo: parentCommentId(id, linkHref(entry, 'related')),
      meta: editedAt === null ? meta : { ...meta, editedAt },
      provenance,
    },
  };
}

function contentMarkup(content: XmlElement | undefined): CommentBodyMarkup {
  const type = content === undefined ? null : attributeValue(content, 'type');
  return type === 'text' ? 'text' : 'html';
}

function linkHref(entry: XmlElement, rel: string): string | null {
  const link = childElements(entry, 'link', ATOM_NAMESPACE).find((candidate) => attributeValue(candidate, 'rel') === rel);
  return link === undefined ? null : attributeValue(link, 'href');
}

function extendedProperty(entry: XmlElement, name: string): string | null {
  const property = childElements(entry, 'extendedProperty', GDATA_NAMESPACE).find(
    (candidate) => attributeValue(candidate, 'name') === name,
  );
  return property === undefined ? null : attributeValue(property, 'value');
}

/**
 * The id of the comment this one answers, from its `related` link
 * (`…/feeds/<blog>/<post>/comments/default/<comment>`), written like Blogger's own entry ids
 * (`tag:blogger.com,1999:blog-<blog>.post-<comment>`) so that it matches the parent's `sourceId`.
 */
function parentCommentId(ownId: string | null, relatedHref: string | null): string | null {
  if (relatedHref === null) return null;
  const parent = /\/comments\/default\/(\d+)\/?$/.exec(relatedHref)?.[1];
  if (parent === undefined) return null;
  const prefix = ownId === null ? null : /^(tag:blogger\.com,1999:blog-\d+\.post-)\d+$/.exec(ownId)?.[1];
  if (prefix !== undefined && prefix !== null) return `${prefix}${parent}`;
  const blog = /\/feeds\/(\d+)\//.exec(relatedHref)?.[1];
  return blog === undefined ? null : `tag:blogger.com,1999:blog-${blog}.post-${parent}`;
}
