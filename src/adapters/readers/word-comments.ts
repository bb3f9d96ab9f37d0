import { toIsoDate } from '../../record/dates.js';
import { contentSourceId } from '../../record/record-id.js';
import type { JsonValue } from '../../record/record.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import type { AdapterItem } from '../format-adapter.js';
import { NoteOutline } from './note-outline.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { isWord, MARKUP_COMPATIBILITY, readParagraph, wordAttribute, type Styles } from './word-paragraphs.js';
import { attributeValue, readXmlElements, type XmlElement, type XmlName, type XmlSelection } from './xml-elements.js';
import { zipPartSource } from './zip-parts.js';

/** The parts of a Word document that hold its comments: their text, then threads, ids and UTC dates. */
export const COMMENT_PARTS = {
  comments: 'word/comments.xml',
  extended: 'word/commentsExtended.xml',
  ids: 'word/commentsIds.xml',
  extensible: 'word/commentsExtensible.xml',
} as const;

/** The most of the commented passage kept in `meta.commentedText`. */
export const MAX_COMMENTED_CHARS = 300;

/** One comment of a Word document, as its reviewer wrote it. */
export interface WordComment {
  /** Its `w:id`, which its anchors in the document carry. */
  id: string;
  author: string | null;
  /** ISO 8601 in UTC: the UTC date newer Words keep apart, else the comment's own date. */
  date: string | null;
  text: string;
  /** The `w14:paraId` of its last paragraph: how a reply names the comment it answers. */
  paraId: string | null;
  /** The `paraId` of the comment it replies to. */
  parentParaId: string | null;
  /** Marked done (resolved) in Word. */
  resolved: boolean;
}

/** Where a comment is anchored: the words it is attached to and the headings above them. */
export interface CommentAnchor {
  /** The commented words as the document now says them, at most {@link MAX_COMMENTED_CHARS}. */
  text: string;
  /** The heading path above them, as `meta.section` is written; '' before any heading. */
  section: string;
}

/** The elements named `local` that are children of the part's root. */
function rootChildren(local: string): (path: readonly XmlName[]) => XmlSelection {
  return (path) => (path.length === 2 && path[1]?.local === local ? 'element' : 'skip');
}

/** Every child of the root named `local`, from one part. */
async function rootElements(name: string, data: Buffer, local: string): Promise<XmlElement[]> {
  const found: XmlElement[] = [];
  for await (const event of readXmlElements(zipPartSource(name, data), rootChildren(local))) {
    if (event.kind === 'element') found.push(event.element);
  }
  return found;
}

/** The comment's paragraphs, in order, wherever they sit inside it (a comment may hold a table). */
function commentParagraphs(comment: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...comment.children].reverse();
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (isWord(element, 'p')) {
      found.push(element);
      continue;
    }
    for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
  }
  return found;
}

/**
 * Reads a Word document's comments, in the order `word/comments.xml` lists them, with the threads
 * (`commentsExtended.xml`: which comment a reply answers, which are resolved) and the UTC dates
 * (`commentsIds.xml` and `commentsExtensible.xml`) of newer Words when the document has them. Word
 * writes a comment's own `w:date` in the reviewer's local time marked as UTC, so the UTC date is
 * preferred. Malformed XML is an InputError naming the part.
 */
export async function readWordComments(parts: ReadonlyMap<string, Buffer>, styles: Styles): Promise<WordComment[]> {
  const commentsData = parts.get(COMMENT_PARTS.comments);
  if (commentsData === undefined) return [];
  const threads = new Map<string, { parent: string | null; resolved: boolean }>();
  const extendedData = parts.get(COMMENT_PARTS.extended);
  if (extendedData !== undefined) {
    for (const entry of await rootElements(COMMENT_PARTS.extended, extendedData, 'commentEx')) {
      const paraId = attributeValue(entry, 'paraId');
      if (paraId === null) continue;
      const done = attributeValue(entry, 'done');
      threads.set(paraId.toUpperCase(), {
        parent: attributeValue(entry, 'paraIdParent')?.toUpperCase() ?? null,
        resolved: done === '1' || done === 'true',
      });
    }
  }
  const utcDates = await utcDatesByParaId(parts);
  const comments: WordComment[] = [];
  for (const comment of await rootElements(COMMENT_PARTS.comments, commentsData, 'comment')) {
    const paragraphs = commentParagraphs(comment);
    const text = paragraphs
      .map((paragraph) => readParagraph(paragraph, styles).text)
      .filter((line) => line !== '')
      .join('\n');
    const last = paragraphs.at(-1);
    const paraId = last === undefined ? null : (attributeValue(last, 'paraId')?.toUpperCase() ?? null);
    const thread = paraId === null ? undefined : threads.get(paraId);
    const ownDate = wordAttribute(comment, 'date');
    comments.push({
      id: wordAttribute(comment, 'id') ?? '',
      author: wordAttribute(comment, 'author')?.trim() || null,
      date: (paraId === null ? undefined : utcDates.get(paraId)) ?? toIsoDate(ownDate),
      text,
      paraId,
      parentParaId: thread?.parent ?? null,
      resolved: thread?.resolved ?? false,
    });
  }
  return comments;
}

/** The UTC date of each comment by its `paraId`, through its durable id: empty when the document has no such parts. */
async function utcDatesByParaId(parts: ReadonlyMap<string, Buffer>): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  const idsData = parts.get(COMMENT_PARTS.ids);
  const extensibleData = parts.get(COMMENT_PARTS.extensible);
  if (idsData === undefined || extensibleData === undefined) return dates;
  const byDurableId = new Map<string, string>();
  for (const entry of await rootElements(COMMENT_PARTS.extensible, extensibleData, 'commentExtensible')) {
    const durableId = attributeValue(entry, 'durableId');
    const date = toIsoDate(attributeValue(entry, 'dateUtc'));
    if (durableId !== null && date !== null) byDurableId.set(durableId.toUpperCase(), date);
  }
  for (const entry of await rootElements(COMMENT_PARTS.ids, idsData, 'commentId')) {
    const paraId = attributeValue(entry, 'paraId');
    const date = byDurableId.get(attributeValue(entry, 'durableId')?.toUpperCase() ?? '');
    if (paraId !== null && date !== undefined) dates.set(paraId.toUpperCase(), date);
  }
  return dates;
}

/** Text cut to at most `limit` characters at a word boundary, with an ellipsis when cut. */
function shortened(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Selects the document's outermost paragraphs, and comment range marks that stand between paragraphs. */
function selectAnchorElements(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined || !isWord(element)) return 'skip';
  if (path.some((name) => name.local === 'Fallback' && name.uri === MARKUP_COMPATIBILITY)) return 'skip';
  const inParagraph = path.slice(0, -1).some((name) => isWord(name, 'p'));
  if (inParagraph) return 'skip';
  if (element.local === 'p' || element.local === 'commentRangeStart' || element.local === 'commentRangeEnd') return 'element';
  return 'skip';
}

/**
 * Follows the comment range marks through the document: the words between a comment's
 * `commentRangeStart` and `commentRangeEnd` (across paragraphs, deleted text left out), and the
 * heading path where it starts. A comment with only a `commentReference` is anchored to its
 * paragraph. Walks each paragraph with an explicit stack (nesting costs memory, never call stack).
 */
export async function readCommentAnchors(name: string, data: Buffer, styles: Styles): Promise<Map<string, CommentAnchor>> {
  const outline = new NoteOutline();
  const open = new Map<string, { parts: string[]; section: string }>();
  const anchors = new Map<string, CommentAnchor>();
  const finish = (id: string): void => {
    const range = open.get(id);
    if (range === undefined) return;
    open.delete(id);
    if (!anchors.has(id)) anchors.set(id, { text: shortened(range.parts.join(''), MAX_COMMENTED_CHARS), section: range.section });
  };
  const mark = (element: XmlElement, paragraphText: () => string): void => {
    const id = wordAttribute(element, 'id');
    if (id === null) return;
    if (element.local === 'commentRangeStart') open.set(id, { parts: [], section: outline.section() });
    else if (element.local === 'commentRangeEnd') finish(id);
    else if (element.local === 'commentReference' && !anchors.has(id) && !open.has(id)) {
      anchors.set(id, { text: shortened(paragraphText(), MAX_COMMENTED_CHARS), section: outline.section() });
    }
  };
  for await (const event of readXmlElements(zipPartSource(name, data), selectAnchorElements)) {
    if (event.kind !== 'element') continue;
    const element = event.element;
    if (element.local !== 'p') {
      mark(element, () => '');
      continue;
    }
    const paragraph = readParagraph(element, styles);
    if (paragraph.heading !== null && paragraph.text !== '') outline.setHeading(paragraph.heading, paragraph.text);
    const stack = [...element.children].reverse();
    for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
      if (!isWord(child)) {
        if (child.local === 'Fallback' && child.uri === MARKUP_COMPATIBILITY) continue;
      } else if (child.local === 'commentRangeStart' || child.local === 'commentRangeEnd' || child.local === 'commentReference') {
        mark(child, () => paragraph.text);
        continue;
      } else if (child.local === 't') {
        for (const range of open.values()) range.parts.push(child.text);
        continue;
      } else if (child.local === 'tab' || child.local === 'br' || child.local === 'cr') {
        for (const range of open.values()) range.parts.push(' ');
        continue;
      } else if (
        child.local === 'del' ||
        child.local === 'moveFrom' ||
        child.local === 'instrText' ||
        child.local === 'rPr' ||
        child.local === 'pPr'
      ) {
        continue;
      }
      for (let index = child.children.length - 1; index >= 0; index -= 1) stack.push(child.children[index] as XmlElement);
    }
    for (const range of open.values()) range.parts.push(' ');
  }
  for (const id of [...open.keys()]) finish(id);
  return anchors;
}

/**
 * The records of a Word document's comments: one per comment, by its reviewer, with the words it
 * is attached to (`meta.commentedText`) and the headings above them (`meta.section`); a reply
 * names the comment it answers in `inReplyTo`, and a resolved comment says so (`meta.resolved`).
 * Provenance is `comment N`, in the order the document lists them.
 */
export function* commentRecords(
  file: string,
  comments: readonly WordComment[],
  anchors: ReadonlyMap<string, CommentAnchor>,
): Iterable<AdapterItem> {
  const ids = new RepeatedTextIds();
  const sourceIds = comments.map(
    (comment) =>
      ids.sourceIdFor(comment.author, comment.text, comment.date) ??
      contentSourceId(comment.author, comment.date, cleanRecordText(comment.text)),
  );
  const byParaId = new Map<string, string>();
  for (const [index, comment] of comments.entries()) if (comment.paraId !== null) byParaId.set(comment.paraId, sourceIds[index] ?? '');
  for (const [index, comment] of comments.entries()) {
    const anchor = anchors.get(comment.id);
    const meta: Record<string, JsonValue> = {};
    if (anchor !== undefined && anchor.section !== '') meta['section'] = anchor.section;
    if (anchor !== undefined && anchor.text !== '') meta['commentedText'] = anchor.text;
    if (comment.resolved) meta['resolved'] = true;
    const inReplyTo = comment.parentParaId === null ? null : (byParaId.get(comment.parentParaId) ?? null);
    yield {
      kind: 'record',
      draft: {
        sourceId: sourceIds[index] ?? null,
        channel: 'other',
        author: comment.author,
        date: comment.date,
        text: comment.text,
        inReplyTo,
        meta,
        provenance: { file, part: `comment ${index + 1}` },
      },
    };
  }
}
