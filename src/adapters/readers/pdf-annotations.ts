import { shortenText } from '../../text/shortened-text.js';
import type { AdapterItem } from '../format-adapter.js';
import { MAX_COMMENTED_CHARS, type CommentAnchor, type DocumentComment } from './document-comments.js';
import { SECTION_SEPARATOR } from './note-outline.js';
import type { PdfFormField, PdfParagraph, PdfTextRun } from './pdf-layout.js';

/**
 * The annotations a reviewer leaves on a PDF with words of their own: a sticky note (`Text`),
 * text marked up with a comment (`Highlight`, `Underline`, `StrikeOut`, `Squiggly`), an insertion
 * (`Caret`), a text box or callout (`FreeText`) and drawn shapes, lines and stamps with a note.
 * Links, form widgets, pop-ups (which show another annotation's note) and attachments are not.
 */
const COMMENT_SUBTYPES: ReadonlySet<string> = new Set([
  'Text',
  'FreeText',
  'Highlight',
  'Underline',
  'StrikeOut',
  'Squiggly',
  'Caret',
  'Square',
  'Circle',
  'Polygon',
  'PolyLine',
  'Line',
  'Ink',
  'Stamp',
]);

/** The annotations that mark words of the text itself, whose note Acrobat can fill with those words. */
const TEXT_MARKUP: ReadonlySet<string> = new Set(['Highlight', 'Underline', 'StrikeOut', 'Squiggly']);

/** The intent (`/IT`) of a text box drawn as a callout pointing at a passage: a note about the page, where other text boxes are typed onto it. */
const CALLOUT_INTENT = 'FreeTextCallout';

/**
 * A reply that only sets a comment's review status, as Acrobat writes one (`Accepted set by Jane
 * Smith`, `Completed set by …`); `Completed` marks the comment done.
 */
const REVIEW_STATUS = /^(Accepted|Rejected|Cancelled|Completed|None|Marked|Unmarked) set by\b/i;

/** A box on the page: left, bottom, right, top, in points from the bottom left corner. */
type Box = readonly [number, number, number, number];

/** One annotation of a page with words of its own, as pdfjs reads it. */
export interface PdfMarkup {
  /** pdfjs's id for it (its object reference, `12R`), which a reply's `inReplyTo` names. */
  id: string;
  subtype: string;
  author: string | null;
  /** ISO 8601 in UTC, or null. */
  date: string | null;
  text: string;
  rect: Box | null;
  /** The boxes of the words it marks (a highlight's quadrilaterals), or null. */
  quads: Box[] | null;
  /** The annotation it answers (`/IRT`), and how: `R` a reply, `Group` a part of it (Acrobat's "replace text" is a caret grouped with a strike-out). */
  inReplyTo: string | null;
  replyType: string | null;
  /** Its intent (`/IT`), such as `FreeTextTypeWriter`. */
  intent: string | null;
}

function stringField(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'str' in value && typeof value.str === 'string') return value.str;
  return null;
}

function box(value: unknown): Box | null {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((each) => typeof each === 'number' && Number.isFinite(each))) return null;
  const [x1, y1, x2, y2] = value as [number, number, number, number];
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/** The most quadrilaterals read from one annotation: a highlight over a page of text has about a hundred. */
const MAX_QUADS = 2000;

/** The boxes of pdfjs's `quadPoints` (eight numbers a quadrilateral), or null. */
function quadBoxes(value: unknown): Box[] | null {
  if (!(ArrayBuffer.isView(value) || Array.isArray(value))) return null;
  const points = Array.from(value as ArrayLike<unknown>).slice(0, MAX_QUADS * 8);
  if (points.length < 8) return null;
  if (!points.every((point) => typeof point === 'number' && Number.isFinite(point))) return null;
  const boxes: Box[] = [];
  for (let at = 0; at + 8 <= points.length; at += 8) {
    const [x1, y1, x2, y2, x3, y3, x4, y4] = points.slice(at, at + 8) as number[];
    if (x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) continue;
    if (x3 === undefined || y3 === undefined || x4 === undefined || y4 === undefined) continue;
    boxes.push([Math.min(x1, x2, x3, x4), Math.min(y1, y2, y3, y4), Math.max(x1, x2, x3, x4), Math.max(y1, y2, y3, y4)]);
  }
  return boxes;
}

/**
 * The annotations of a page (pdfjs's `getAnnotations()`) that carry a reviewer's words, in the
 * order the page lists them; `readDate` reads a PDF date string.
 */
export function markupAnnotations(annotations: readonly unknown[], readDate: (value: unknown) => string | null): PdfMarkup[] {
  const markups: PdfMarkup[] = [];
  for (const annotation of annotations) {
    if (typeof annotation !== 'object' || annotation === null) continue;
    const data = annotation as Record<string, unknown>;
    const subtype = data['subtype'];
    if (typeof subtype !== 'string' || !COMMENT_SUBTYPES.has(subtype)) continue;
    const id = data['id'];
    if (typeof id !== 'string') continue;
    const author = stringField(data['titleObj'])?.trim() ?? '';
    markups.push({
      id,
      subtype,
      author: author === '' ? null : author,
      date: readDate(data['creationDate']) ?? readDate(data['modificationDate']),
      text: (stringField(data['contentsObj']) ?? '').replace(/\r\n?/g, '\n').trim(),
      rect: box(data['rect']),
      quads: quadBoxes(data['quadPoints']),
      inReplyTo: typeof data['inReplyTo'] === 'string' ? data['inReplyTo'] : null,
      replyType: typeof data['replyType'] === 'string' ? data['replyType'] : null,
      intent: typeof data['it'] === 'string' ? data['it'] : null,
    });
  }
  return markups;
}

/**
 * True for a text box typed onto the page (Acrobat's Typewriter or Fill & Sign, Preview's text
 * tool, any text box but a callout): where a page holds nothing else, an answer written on a flat
 * form, not a note about it.
 */
export function isTypedOnPage(markup: PdfMarkup): boolean {
  return markup.subtype === 'FreeText' && markup.intent !== CALLOUT_INTENT;
}

/**
 * Text boxes typed onto a page, as form fields: a flat form filled in with Acrobat's Fill & Sign or
 * Typewriter, or with Preview's text tool, holds its answers only in them, and they are read where
 * they stand, beside or under the question, as a fillable form's fields are.
 */
export function typedFields(markups: readonly PdfMarkup[]): PdfFormField[] {
  return markups.flatMap((markup) => {
    if (!isTypedOnPage(markup) || markup.rect === null || markup.text === '') return [];
    const [left, bottom, right, top] = markup.rect;
    return [{ value: markup.text, label: '', left, bottom, right, top, multiline: markup.text.includes('\n') }];
  });
}

/** True when a page's annotations hold a reviewer's note: words on anything but a text box typed onto the page. */
export function holdsReviewNotes(markups: readonly PdfMarkup[]): boolean {
  return markups.some((markup) => markup.text !== '' && markup.replyType !== 'Group' && !isTypedOnPage(markup));
}

/** The height of a run's letters above its baseline, as a share of its size. */
const CAP_SHARE = 0.7;

/** The part of `run` inside `area`: the words whose middle lies in it, when the run's letters do. */
function wordsInside(run: PdfTextRun, area: Box): string {
  const middle = run.y + (CAP_SHARE * run.size) / 2;
  if (middle < area[1] - 1 || middle > area[3] + 1) return '';
  if (run.x >= area[0] - 1 && run.x + run.width <= area[2] + 1) return run.text;
  const unit = run.text.length === 0 ? 0 : run.width / run.text.length;
  const kept: string[] = [];
  for (const word of run.text.matchAll(/\S+/g)) {
    const start = run.x + (word.index ?? 0) * unit;
    const centre = start + (word[0].length * unit) / 2;
    if (centre >= area[0] && centre <= area[2]) kept.push(word[0]);
  }
  return kept.join(' ');
}

/**
 * How many (box, run) pairs the anchors of one page may compare: a page of a few thousand runs
 * under a few hundred highlights is well within it; a hostile page of a million highlights is cut
 * short, its later notes kept without the words they are on.
 */
const ANCHOR_WORK_PER_PAGE = 20_000_000;

/** What is left of a page's {@link ANCHOR_WORK_PER_PAGE}. */
interface AnchorBudget {
  left: number;
}

/** The page's words inside the boxes, box by box (a highlight's lines in order), each box's runs left to right. */
function wordsInBoxes(runs: readonly PdfTextRun[], boxes: readonly Box[], budget: AnchorBudget): string {
  budget.left -= boxes.length * runs.length;
  if (budget.left < 0) return '';
  const parts: string[] = [];
  for (const area of boxes) {
    const inside: { x: number; words: string }[] = [];
    for (const run of runs) {
      const words = wordsInside(run, area);
      if (words !== '') inside.push({ x: run.x, words });
    }
    if (inside.length > 0)
      parts.push(
        inside
          .sort((first, second) => first.x - second.x)
          .map((part) => part.words.trim())
          .join(' '),
      );
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The lines of the page level with a note's box (a sticky note beside a passage), whole. */
function linesBeside(runs: readonly PdfTextRun[], area: Box, budget: AnchorBudget): string {
  const band: Box = [-Infinity, area[1], Infinity, area[3]];
  return wordsInBoxes(runs, [band], budget);
}

/** The words a note is on: those it marks (quadrilaterals, or a drawn shape's box), else the lines beside it. */
function anchorOf(markup: PdfMarkup, runs: readonly PdfTextRun[], budget: AnchorBudget): string {
  if (markup.quads !== null) return wordsInBoxes(runs, markup.quads, budget);
  if (markup.rect === null) return '';
  if (markup.subtype === 'Text' || markup.subtype === 'Caret' || markup.subtype === 'FreeText')
    return linesBeside(runs, markup.rect, budget);
  return wordsInBoxes(runs, [markup.rect], budget);
}

function sameWords(a: string, b: string): boolean {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return plain(a) !== '' && plain(a) === plain(b);
}

/** Where on its page a note stands: the middle of the first words it marks, else of its box. */
function heightOf(markup: PdfMarkup): number | null {
  const area = markup.quads?.[0] ?? markup.rect;
  return area === null || area === undefined ? null : (area[1] + area[3]) / 2;
}

/** The heading path (`meta.section`) in force at a place in a document: the headings above it. */
export type SectionAt = (page: number, height: number) => string;

/**
 * The heading path in force at each place of a document read into `paragraphs` (in reading
 * order): the headings above it on its page and the pages before, each replacing those of its
 * level and below, joined as `meta.section` is.
 */
export function sectionsOf(paragraphs: readonly PdfParagraph[]): SectionAt {
  const marks: { page: number; top: number; section: string }[] = [];
  const path: { level: number; text: string }[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'heading' || paragraph.heading === null) continue;
    const level = paragraph.heading;
    while ((path.at(-1)?.level ?? 0) >= level) path.pop();
    path.push({ level, text: paragraph.text });
    marks.push({ page: paragraph.page, top: paragraph.top, section: path.map((heading) => heading.text).join(SECTION_SEPARATOR) });
  }
  return (page, height) => {
    let low = 0;
    let high = marks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const mark = marks[middle];
      if (mark !== undefined && (mark.page < page || (mark.page === page && mark.top > height))) low = middle + 1;
      else high = middle;
    }
    return marks[low - 1]?.section ?? '';
  };
}

/** One page's reviewer annotations and the runs of its text. */
export interface AnnotatedPage {
  /** The page's number, from 1. */
  page: number;
  markups: readonly PdfMarkup[];
  runs: readonly PdfTextRun[];
}

/** A PDF's reviewers' comments, with the words each is on, and the annotations passed over as no comment. */
export interface PdfReview {
  comments: DocumentComment[];
  anchors: Map<string, CommentAnchor>;
  /** A review status set on a comment, or a highlight whose note is only the words it marks. */
  filtered: AdapterItem[];
}

/**
 * The reviewers' comments of a PDF, page by page in the order each page lists them: one per
 * annotation with words of its own, the words it marks as its anchor. A reply names the comment it
 * answers; a reply that only sets a review status is filtered, and `Completed` marks its comment
 * resolved; a highlight whose note only repeats the words it marks (Acrobat can copy them in) is
 * filtered; a strike-out grouped with an insertion (Acrobat's "replace text") gives the insertion
 * the words it replaces. Text boxes typed onto the page are comments too: the draft's own text,
 * beside which they stand, is not read.
 */
export function reviewComments(file: string, pages: readonly AnnotatedPage[], sectionAt: SectionAt = () => ''): PdfReview {
  const comments: DocumentComment[] = [];
  const anchors = new Map<string, CommentAnchor>();
  const filtered: AdapterItem[] = [];
  const byId = new Map<string, DocumentComment>();
  const anchoredByGroup = new Set<string>();
  for (const { page, markups, runs: allRuns } of pages) {
    const runs = allRuns.filter((run) => run.text.trim() !== '');
    const budget: AnchorBudget = { left: ANCHOR_WORK_PER_PAGE };
    for (const [index, markup] of markups.entries()) {
      const part = `page ${page}, annotation ${index + 1}`;
      if (markup.replyType === 'Group') {
        const words = markup.inReplyTo === null || anchoredByGroup.has(markup.inReplyTo) ? '' : anchorOf(markup, runs, budget);
        if (markup.inReplyTo !== null && words !== '') {
          anchoredByGroup.add(markup.inReplyTo);
          anchors.set(markup.inReplyTo, {
            text: shortenText(words, MAX_COMMENTED_CHARS),
            section: anchors.get(markup.inReplyTo)?.section ?? '',
          });
        }
        continue;
      }
      if (markup.text === '') continue;
      const parent = markup.inReplyTo === null ? undefined : byId.get(markup.inReplyTo);
      const status = REVIEW_STATUS.exec(markup.text);
      if (parent !== undefined && status !== null) {
        if (status[1]?.toLowerCase() === 'completed') parent.resolved = true;
        filtered.push({ kind: 'filtered', rule: 'not-feedback', provenance: { file, part }, detail: 'review status' });
        continue;
      }
      const words = parent === undefined ? anchorOf(markup, runs, budget) : '';
      if (TEXT_MARKUP.has(markup.subtype) && sameWords(markup.text, words)) {
        filtered.push({
          kind: 'filtered',
          rule: 'not-feedback',
          provenance: { file, part },
          detail: 'highlight holding only the words it marks',
        });
        continue;
      }
      const comment: DocumentComment = {
        id: markup.id,
        author: markup.author,
        date: markup.date,
        text: markup.text,
        threadId: markup.id,
        parentThreadId: parent === undefined ? null : markup.inReplyTo,
        resolved: false,
        place: `page ${page}`,
      };
      comments.push(comment);
      byId.set(markup.id, comment);
      const height = parent === undefined ? heightOf(markup) : null;
      const section = height === null ? '' : sectionAt(page, height);
      const held = anchors.get(markup.id);
      if (held !== undefined) held.section = section;
      else if (words !== '' || section !== '') anchors.set(markup.id, { text: shortenText(words, MAX_COMMENTED_CHARS), section });
    }
  }
  return { comments, anchors, filtered };
}
