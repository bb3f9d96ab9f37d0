import type { AdapterItem, FilterRule, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { InputError } from '../../errors.js';
import {
  childText,
  readXmlElements,
  tooLargeElementRejection,
  recoveryWarnings,
  type XmlElement,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { commentMeta, commentText, commenterName } from '../readers/blog-comment-fields.js';

/** The `wp:` namespace of every WXR version: `http://wordpress.org/export/1.0/` … `https://wordpress.org/export/1.2/`. */
const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;

/** What `wp:comment_approved` values mean, apart from `1` (approved). */
const APPROVAL_RULES: Readonly<Record<string, FilterRule>> = {
  '0': 'unapproved',
  spam: 'spam',
  trash: 'deleted',
  'post-trashed': 'deleted',
};

/** The post a comment belongs to, from the `<item>` children before its comments. */
interface PostContext {
  id: string | null;
  title: string | null;
  link: string | null;
  guid: string | null;
}

/**
 * WordPress's own export (Tools → Export, WXR 1.0–1.2): every `<wp:comment>` of every `<item>`.
 * Approved comments are records; pingbacks, trackbacks, spam, unapproved and trashed comments are
 * filtered, each by its rule.
 */
export const wordpressWxrAdapter: FormatAdapter = {
  name: 'wordpress-wxr',
  description: 'WordPress export file (WXR 1.0-1.2, Tools > Export): the comments on posts and pages',
  channel: 'blog-comment',
  extensions: ['.xml', '.wxr'],
  signature: 'an <rss> document declaring xmlns:wp="http(s)://wordpress.org/export/1.x/"',
  sniff(input) {
    const head = input.headText;
    if (/<rss[\s>]/.test(head) && /xmlns:wp\s*=\s*["']https?:\/\/wordpress\.org\/export\/\d+\.\d+\/["']/.test(head)) return 0.9;
    if (/<wp:wxr_version>/.test(head)) return 0.8;
    return 0;
  },
  read(source) {
    return readWxr(source);
  },
};

function selectWxr(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined) return 'skip';
  if (path.length === 1) return 'start';
  const parent = path[path.length - 2];
  const inItem = parent !== undefined && parent.local === 'item' && parent.uri === '';
  if (element.local === 'comment' && WXR_NAMESPACE.test(element.uri)) return 'element';
  if (element.local === 'item' && element.uri === '') return 'start';
  if (!inItem) return 'skip';
  if (element.uri === '' && (element.local === 'title' || element.local === 'link' || element.local === 'guid')) return 'element';
  if (element.local === 'post_id' && WXR_NAMESPACE.test(element.uri)) return 'element';
  return 'skip';
}

async function* readWxr(source: InputSource): AsyncIterable<AdapterItem> {
  let post: PostContext = { id: null, title: null, link: null, guid: null };
  const recoveries: XmlRecovery[] = [];
  for await (const event of readXmlElements(source, selectWxr, (recovery) => recoveries.push(recovery))) {
    yield* recoveryWarnings(source.path, recoveries);
    if (event.kind === 'too-large') {
      if (event.name.endsWith('comment')) yield tooLargeElementRejection(source.path, event);
      continue;
    }
    const { element } = event;
    if (event.kind === 'start') {
      if (event.ancestors.length === 0 && (element.local !== 'rss' || element.uri !== '')) {
        throw new InputError(`not a WordPress export: the root element is <${element.name}>, not <rss>`, {
          location: { file: source.path, line: element.line, col: 1 },
          hint: 'name another format instead of detecting it',
        });
      }
      if (element.local === 'item') post = { id: null, title: null, link: null, guid: null };
      continue;
    }
    if (element.local === 'comment') {
      const parent = event.ancestors[event.ancestors.length - 1];
      if (parent?.local !== 'item') {
        yield {
          kind: 'rejected',
          code: 'WXR_COMMENT_OUTSIDE_ITEM',
          message: `a <${element.name}> outside any <item>, so it belongs to no post`,
          provenance: { file: source.path, line: element.line },
        };
        continue;
      }
      yield commentItem(source.path, element, post);
      continue;
    }
    if (element.local === 'title') post.title = element.text.trim();
    else if (element.local === 'link') post.link = element.text.trim() || null;
    else if (element.local === 'guid') post.guid = element.text.trim() || null;
    else if (element.local === 'post_id') post.id = element.text.trim() || null;
  }
}

function commentItem(file: string, comment: XmlElement, post: PostContext): AdapterItem {
  const provenance: Provenance = { file, line: comment.line };
  const commentId = childText(comment, 'comment_id');
  const postKey = post.id ?? post.link ?? post.guid;
  const sourceId = commentId === null ? null : postKey === null ? commentId : `${postKey}:${commentId}`;
  const idField = sourceId === null ? {} : { sourceId };

  const type = (childText(comment, 'comment_type') ?? '').toLowerCase();
  if (type === 'pingback' || type === 'trackback') return { kind: 'filtered', rule: type, provenance, ...idField };
  if (type !== '' && type !== 'comment') {
    return { kind: 'filtered', rule: 'not-a-comment', provenance, ...idField, detail: `comment_type "${type}"` };
  }
  const approved = (childText(comment, 'comment_approved') ?? '').toLowerCase();
  if (approved !== '1') {
    const rule = APPROVAL_RULES[approved] ?? 'unapproved';
    const detail = APPROVAL_RULES[approved] === undefined ? { detail: `comment_approved "${approved}"` } : {};
    return { kind: 'filtered', rule, provenance, ...idField, ...detail };
  }

  if (isSampleComment(comment)) {
    return {
      kind: 'filtered',
      rule: 'not-feedback',
      provenance,
      ...idField,
      detail: "WordPress's sample comment, which every new site starts with",
    };
  }

  const known = [childText(comment, 'comment_author_email'), childText(comment, 'comment_author_IP')].filter(
    (value): value is string => value !== null,
  );
  const parentId = childText(comment, 'comment_parent');
  const hasParent = parentId !== null && parentId !== '0';
  return {
    kind: 'record',
    draft: {
      sourceId,
      author: commenterName(childText(comment, 'comment_author'), known),
      date: commentDate(comment),
      text: commentText(childText(comment, 'comment_content'), 'autop-html', known),
      url: post.link !== null && commentId !== null ? `${post.link}#comment-${commentId}` : null,
      inReplyTo: hasParent ? (postKey === null ? parentId : `${postKey}:${parentId}`) : null,
      meta: commentMeta(post.title, post.link),
      provenance,
    },
  };
}

/** The address WordPress (4.6 and later, in every language) gives the commenter of the sample comment it puts under the first post. */
const SAMPLE_COMMENTER_EMAIL = 'wapuu@wordpress.example';

/** The sample commenter's names in English before and since WordPress 4.6 (its link is wordpress.org in every version). */
const SAMPLE_COMMENTER_NAMES = new Set(['mr wordpress', 'a wordpress commenter']);

/**
 * True for the comment WordPress writes under "Hello world!" on every new site ("Hi, this is a
 * comment. To get started with moderating…"), left in many exports: its commenter's address is
 * `wapuu@wordpress.example`, or, before WordPress 4.6, it has no address, links to wordpress.org
 * and is signed "Mr WordPress" or begins "Hi, this is a comment.".
 */
function isSampleComment(comment: XmlElement): boolean {
  if ((childText(comment, 'comment_author_email') ?? '').toLowerCase() === SAMPLE_COMMENTER_EMAIL) return true;
  if (!/^https?:\/\/(?:[a-z-]+\.)?wordpress\.org\/?$/i.test(childText(comment, 'comment_author_url') ?? '')) return false;
  if ((childText(comment, 'comment_user_id') ?? '0') !== '0') return false;
  const author = (childText(comment, 'comment_author') ?? '').trim().toLowerCase();
  return (
    SAMPLE_COMMENTER_NAMES.has(author) || (childText(comment, 'comment_content') ?? '').trimStart().startsWith('Hi, this is a comment.')
  );
}

/** `wp:comment_date_gmt` (UTC); when absent or zero, `wp:comment_date` (the site's local time, read as UTC). */
function commentDate(comment: XmlElement): string | null {
  const gmt = childText(comment, 'comment_date_gmt');
  if (gmt !== null && !gmt.startsWith('0000-00-00')) {
    const date = toIsoDate(gmt);
    if (date !== null) return date;
  }
  const local = childText(comment, 'comment_date');
  return local === null || local.startsWith('0000-00-00') ? null : toIsoDate(local);
}
