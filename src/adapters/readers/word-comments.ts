import { toIsoDate } from '../../record/dates.js';
import { CommentRanges, MAX_COMMENTED_CHARS, type CommentAnchor, type DocumentComment } from './document-comments.js';
import { shortenText } from '../../text/shortened-text.js';
import { NoteOutline } from './note-outline.js';
import { innerParagraphs, isWord, MARKUP_COMPATIBILITY, readParagraph, wordAttribute, type Styles } from './word-paragraphs.js';
import { attributeValue, readXmlElements, type XmlElement, type XmlName, type XmlSelection } from './xml-elements.js';
import { zipPartSource } from './zip-parts.js';

/** The parts of a Word document that hold its comments: their text, then threads, ids and UTC dates. */
export const COMMENT_PARTS = {
  comments: 'word/comments.xml',
  extended: 'word/commentsExtended.xml',
  ids: 'word/commentsIds.xml',
  extensible: 'word/commentsExtensible.xml',
} as const;

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

/**
 * Reads a Word document's comments, in the order `word/comments.xml` lists them, with the threads
 * (`commentsExtended.xml`: which comment a reply answers, which are resolved) and the UTC dates
 * (`commentsIds.xml` and `commentsExtensible.xml`) of newer Words when the document has them. Word
 * writes a comment's own `w:date` in the reviewer's local time marked as UTC, so the UTC date is
 * preferred. Malformed XML is an InputError naming the part.
 */
export async function readWordComments(parts: ReadonlyMap<string, Buffer>, styles: Styles): Promise<DocumentComment[]> {
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
  const comments: DocumentComment[] = [];
  for (const comment of await rootElements(COMMENT_PARTS.comments, commentsData, 'comment')) {
    const paragraphs = innerParagraphs(comment);
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
      threadId: paraId,
      parentThreadId: thread?.parent ?? null,
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
  const ranges = new CommentRanges();
  const mark = (element: XmlElement, paragraphText: () => string): void => {
    const id = wordAttribute(element, 'id');
    if (id === null) return;
    if (element.local === 'commentRangeStart') ranges.start(id, outline.section());
    else if (element.local === 'commentRangeEnd') ranges.end(id);
    else if (element.local === 'commentReference' && !ranges.anchors.has(id) && !ranges.isOpen(id)) {
      ranges.anchors.set(id, { text: shortenText(paragraphText(), MAX_COMMENTED_CHARS), section: outline.section() });
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
        ranges.take(child.text);
        continue;
      } else if (child.local === 'tab' || child.local === 'br' || child.local === 'cr') {
        ranges.take(' ');
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
    ranges.take(' ');
  }
  ranges.endAll();
  return ranges.anchors;
}
