import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { InputError } from '../../errors.js';
import {
  attributeValue,
  childElement,
  childText,
  readXmlElements,
  tooLargeElementRejection,
  recoveryWarnings,
  type XmlRecovery,
  type XmlElement,
  type XmlName,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { ReadablePrefix } from '../readers/readable-prefix.js';
import { commentMeta, commentText, commenterName, type CommentPage } from '../readers/blog-comment-fields.js';

/** The namespace of Disqus export elements. */
const DISQUS_NAMESPACE = 'http://disqus.com';

/** The namespace of the `dsq:id` attributes that link posts to threads and parents. */
const DISQUS_INTERNALS_NAMESPACE = 'http://disqus.com/disqus-internals';

/**
 * The Disqus XML export (Admin → Moderate → Export): `<post>` elements, each joined to its
 * `<thread>` (the page it was left on) through `dsq:id`. Deleted and spam posts are filtered.
 */
export const disqusXmlAdapter: FormatAdapter = {
  name: 'disqus-xml',
  description: 'Disqus comments export (XML): posts with their thread (page title and link)',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.xml'],
  signature: 'a <disqus> document in the http://disqus.com namespace',
  sniff(input) {
    const head = input.headText;
    if (/<disqus[\s>]/.test(head) && /xmlns\s*=\s*["']http:\/\/disqus\.com\/?["']/.test(head)) return 0.9;
    if (/<disqus[\s>]/.test(head) && head.includes('http://disqus.com/disqus-internals')) return 0.8;
    return 0;
  },
  read(source) {
    return readDisqus(source);
  },
};

/**
 * The namespaces a Disqus export's root and elements are in: Disqus's own, or none (an export
 * whose root declares only the `dsq:` prefix, as hand-trimmed and older exports do).
 */
const EXPORT_NAMESPACES: ReadonlySet<string> = new Set([DISQUS_NAMESPACE, '']);

/** Selects the root and its direct children with this local name, in the root's namespace. */
function topLevel(local: string): (path: readonly XmlName[]) => XmlSelection {
  return (path) => {
    if (path.length === 1) return 'start';
    const [root, element] = path;
    if (path.length === 2 && element !== undefined && element.local === local && element.uri === root?.uri) return 'element';
    return 'skip';
  };
}

function checkRoot(file: string, root: XmlElement): void {
  if (root.local === 'disqus' && EXPORT_NAMESPACES.has(root.uri)) return;
  throw new InputError(`not a Disqus export: the root element is <${root.name}>, not <disqus xmlns="${DISQUS_NAMESPACE}">`, {
    location: { file, line: root.line, col: 1 },
    hint: 'name another format instead of detecting it',
  });
}

/**
 * Reads the file twice: first the threads (titles and links only, which are small), because an
 * export may list a thread after the posts that refer to it; then the posts, streamed in order.
 * A file broken part-way gives the posts before the break, then its rejection.
 */
async function* readDisqus(source: InputSource): AsyncIterable<AdapterItem> {
  const threads = new Map<string, CommentPage>();
  const prefix = new ReadablePrefix();
  for await (const event of prefix.of(readXmlElements(source, topLevel('thread')))) {
    if (event.kind === 'start') {
      checkRoot(source.path, event.element);
      continue;
    }
    if (event.kind === 'too-large') continue;
    const id = attributeValue(event.element, 'id', DISQUS_INTERNALS_NAMESPACE);
    if (id === null) continue;
    threads.set(id, { title: childText(event.element, 'title'), link: childText(event.element, 'link') });
  }
  const missingThreads = new Set<string>();
  const recoveries: XmlRecovery[] = [];
  for await (const event of readXmlElements(source, topLevel('post'), (recovery) => recoveries.push(recovery))) {
    yield* recoveryWarnings(source.path, recoveries);
    if (event.kind === 'start') continue;
    if (event.kind === 'too-large') {
      yield tooLargeElementRejection(source.path, event);
      continue;
    }
    const post = event.element;
    const provenance: Provenance = { file: source.path, line: post.line };
    const threadId = linkedId(post, 'thread');
    const thread = threadId === null ? undefined : threads.get(threadId);
    if (threadId !== null && thread === undefined && !missingThreads.has(threadId)) {
      missingThreads.add(threadId);
      yield {
        kind: 'warning',
        message: `posts refer to thread ${threadId}, which is not in the export: they have no page title or link`,
        provenance,
      };
    }
    yield postItem(post, thread, provenance);
  }
  prefix.throwBreak();
}

function postItem(post: XmlElement, thread: CommentPage | undefined, provenance: Provenance): AdapterItem {
  const id = attributeValue(post, 'id', DISQUS_INTERNALS_NAMESPACE);
  const idField = id === null ? {} : { sourceId: id };
  if (childText(post, 'isDeleted') === 'true') return { kind: 'filtered', rule: 'deleted', provenance, ...idField };
  if (childText(post, 'isSpam') === 'true') return { kind: 'filtered', rule: 'spam', provenance, ...idField };
  const author = childElement(post, 'author');
  const known = [author === undefined ? null : childText(author, 'email'), childText(post, 'ipAddress')].filter(
    (value): value is string => value !== null,
  );
  const link = thread?.link ?? null;
  return {
    kind: 'record',
    draft: {
      sourceId: id,
      author: commenterName(author === undefined ? null : childText(author, 'name'), known),
      date: toIsoDate(childText(post, 'createdAt')),
      text: commentText(childElement(post, 'message')?.text ?? null, 'html', known),
      url: link !== null && id !== null ? `${link}#comment-${id}` : null,
      inReplyTo: linkedId(post, 'parent'),
      meta: commentMeta(thread?.title, link),
      provenance,
    },
  };
}

/** The `dsq:id` of a `<thread dsq:id="…"/>` or `<parent dsq:id="…"/>` reference inside a post. */
function linkedId(post: XmlElement, local: string): string | null {
  const reference = childElement(post, local);
  return reference === undefined ? null : attributeValue(reference, 'id', DISQUS_INTERNALS_NAMESPACE);
}
