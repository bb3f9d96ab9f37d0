import { shortenText } from '../../text/shortened-text.js';
import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import { MAX_OPTIONS } from '../../record/tick-boxes.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { DocumentNotes, documentPartNotes, type DocumentParagraph } from '../readers/document-notes.js';
import {
  CommentRanges,
  commentRecords,
  MAX_COMMENTED_CHARS,
  reviewedDraftWarning,
  type CommentAnchor,
  type DocumentComment,
} from '../readers/document-comments.js';
import {
  addPiece,
  RevisionCollector,
  suggestedEdits,
  trackedChangeItems,
  trackedChangesAcceptedWarning,
  type RevisionPiece,
  type TrackedChanges,
} from '../readers/document-revisions.js';
import { NoteOutline } from '../readers/note-outline.js';
import {
  attributeValue,
  readXmlElements,
  type XmlElement,
  type XmlEvent,
  type XmlName,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { readOptionalPart, zipPartSource } from '../readers/zip-parts.js';
import {
  CONTENT_PART,
  isAutomaticStyle,
  isNamed,
  ODF_OFFICE as OFFICE,
  ODF_STYLE as STYLE,
  ODF_TABLE as TABLE,
  ODF_TEXT as TEXT,
  readOpenDocumentParts,
  type OpenDocumentKind,
} from '../readers/open-document.js';
import { isZipFile } from '../readers/zip-directory.js';

const TEXT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

const DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const FORM = 'urn:oasis:names:tc:opendocument:xmlns:form:1.0';
const XML = 'http://www.w3.org/XML/1998/namespace';

/** The form controls read where a `draw:control` draws them: those a respondent answers by choosing or by typing. */
const ANSWERED_CONTROLS: ReadonlySet<string> = new Set(['checkbox', 'radio', 'listbox', 'combobox', 'text', 'textarea', 'formatted-text']);

const META_PART = 'meta.xml';

/** What an OpenDocument's text and properties may unpack to, as for Word documents. */
export const ODT_UNPACKED_LIMIT = 64 * 1024 * 1024;

const OPEN_DOCUMENT: OpenDocumentKind = {
  noun: 'OpenDocument text',
  saveAs: 'open it in LibreOffice or Word and save it as .odt',
  mediaType: TEXT_MEDIA_TYPE,
  expected: 'an OpenDocument text (.odt) document',
  office: { part: 'word/document.xml', noun: 'a Word document', hint: 'read it as a docx document' },
  otherHint: 'open it in LibreOffice or Word and save it as .odt or .docx',
};

/** One paragraph as read, with the text boxes anchored in it. */
interface OdtParagraph extends DocumentParagraph {
  textBoxes: XmlElement[];
}

/**
 * What a form control shows: `text` where it stands among other words; `alone`, when it differs,
 * where it is all its paragraph holds (a list box as its options in boxes, so that it reads as a
 * closed answer).
 */
interface ControlShown {
  text: string;
  alone: string | null;
}

/** What each form control shows, by the ids (`xml:id`, `form:id`) a `draw:control` refers to it by. */
type FormControls = ReadonlyMap<string, ControlShown>;

/**
 * What a form control shows, as LibreOffice saves it (an attribute left out is its default:
 * unchecked, not selected): a check box or radio button as `☒` or `☐` and its label; a list box
 * as its selected options' labels (`; ` between), or alone in its paragraph as its options in
 * boxes (`☐ Central ☒ Northgate`) when it has two to {@link MAX_OPTIONS}; a combo box, and a text
 * field or text area (the respondent's own words), as its text.
 */
function controlShown(control: XmlElement): ControlShown {
  const label = attributeValue(control, 'label', FORM) ?? '';
  switch (control.local) {
    case 'checkbox':
      return { text: `${attributeValue(control, 'current-state', FORM) === 'checked' ? '☒' : '☐'} ${label}`.trim(), alone: null };
    case 'radio':
      return { text: `${attributeValue(control, 'current-selected', FORM) === 'true' ? '☒' : '☐'} ${label}`.trim(), alone: null };
    case 'listbox': {
      const options = control.children
        .filter((option) => isNamed(option, FORM, 'option'))
        .map((option) => ({
          label: (attributeValue(option, 'label', FORM) ?? attributeValue(option, 'value', FORM) ?? '').trim(),
          selected: attributeValue(option, 'current-selected', FORM) === 'true',
        }))
        .filter((option) => option.label !== '');
      const text = options
        .filter((option) => option.selected)
        .map((option) => option.label)
        .join('; ');
      const boxed = options.length >= 2 && options.length <= MAX_OPTIONS;
      return { text, alone: boxed ? options.map((option) => `${option.selected ? '☒' : '☐'} ${option.label}`).join(' ') : null };
    }
    default:
      return { text: (attributeValue(control, 'current-value', FORM) ?? '').trim(), alone: null };
  }
}

/** Keeps what a form control of `office:forms` shows under the ids a `draw:control` may refer to it by. */
function addControl(controls: Map<string, ControlShown>, control: XmlElement): void {
  const shown = controlShown(control);
  for (const id of [attributeValue(control, 'id', XML), attributeValue(control, 'id', FORM)]) {
    if (id !== null) controls.set(id, shown);
  }
}

/**
 * Reads a paragraph's mixed content with an explicit stack: its own words and its spans' and
 * links' in order, `<text:s/>` and `<text:tab/>` as a space, `<text:line-break/>` as a line break,
 * a form control (`draw:control`) as what it shows; footnotes and comments left out; text boxes
 * kept aside to be read after it. Whitespace in the XML collapses, as OpenDocument says it does.
 */
function readParagraph(
  paragraph: XmlElement,
  ancestors: readonly XmlName[],
  styles: ReadonlyMap<string, string>,
  controls: FormControls = new Map(),
): OdtParagraph {
  const parts: string[] = [];
  const textBoxes: XmlElement[] = [];
  const drawn: { at: number; shown: ControlShown }[] = [];
  const stack = paragraph.content().reverse();
  for (let piece = stack.pop(); piece !== undefined; piece = stack.pop()) {
    if (typeof piece === 'string') {
      parts.push(piece.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (piece.uri === TEXT && (piece.local === 's' || piece.local === 'tab')) parts.push(' ');
    else if (piece.uri === TEXT && piece.local === 'line-break') parts.push('\n');
    else if (isNamed(piece, DRAW, 'text-box')) textBoxes.push(piece);
    else if (isNamed(piece, DRAW, 'control')) {
      const shown = controls.get(attributeValue(piece, 'control', DRAW) ?? '');
      if (shown !== undefined) drawn.push({ at: parts.length, shown });
      parts.push(` ${shown?.text ?? ''} `);
    } else if (isNamed(piece, TEXT, 'note') || isNamed(piece, OFFICE, 'annotation')) continue;
    else if (piece.uri === TEXT || piece.uri === DRAW) {
      const inner = piece.content();
      for (let index = inner.length - 1; index >= 0; index -= 1) stack.push(inner[index] as string | XmlElement);
    }
  }
  const only = drawn.length === 1 ? drawn[0] : undefined;
  if (only !== undefined && only.shown.alone !== null && parts.every((part, index) => index === only.at || part.trim() === '')) {
    parts[only.at] = only.shown.alone;
  }
  const style = attributeValue(paragraph, 'style-name', TEXT);
  const named = style === null ? null : (styles.get(style) ?? style);
  const heading = isNamed(paragraph, TEXT, 'h')
    ? Number(attributeValue(paragraph, 'outline-level', TEXT) ?? '1')
    : named === 'Title'
      ? 1
      : headingStyleLevel(named);
  const lists = ancestors.filter((name) => isNamed(name, TEXT, 'list')).length;
  return {
    text: parts
      .join('')
      .replace(/ {2,}/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim(),
    heading: heading !== null && Number.isInteger(heading) && heading >= 1 && heading <= 10 ? heading : null,
    listLevel: lists > 0 ? lists - 1 : null,
    contents: ancestors.some((name) => isNamed(name, TEXT, 'table-of-content')) || (named !== null && /^Contents_20_/.test(named)),
    textBoxes,
  };
}

/** LibreOffice's own name for its heading styles (`Heading 1` is `Heading_20_1`), whatever the language shown. */
const HEADING_STYLE = /^Heading_20_(\d{1,2})$/;

/**
 * The level of a paragraph styled as a heading but written as a paragraph: LibreOffice writes the
 * first heading of a document that way when it also starts the page style (an automatic style
 * whose parent is `Heading_20_1` and which names a master page). Null for other styles.
 */
function headingStyleLevel(style: string | null): number | null {
  const level = style === null ? null : HEADING_STYLE.exec(style)?.[1];
  return level === undefined || level === null ? null : Number(level);
}

/** The paragraphs inside a text box, in order, found with an explicit stack. */
function textBoxParagraphs(textBox: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...textBox.children].reverse();
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (isNamed(element, TEXT, 'p') || isNamed(element, TEXT, 'h')) {
      found.push(element);
      continue;
    }
    for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
  }
  return found;
}

/**
 * What reading content.xml selects: the automatic paragraph styles (to know which are titles or
 * contents entries), the form controls a respondent answers by choosing, each outermost paragraph
 * or heading of the text whole, and where tables, rows and cells of outermost tables open;
 * tracked deletions are passed over.
 */
function selectContent(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined) return 'skip';
  if (isAutomaticStyle(path)) return 'element';
  if (element.uri === FORM && ANSWERED_CONTROLS.has(element.local)) {
    return path.some((name) => isNamed(name, OFFICE, 'forms')) ? 'element' : 'skip';
  }
  if (path.some((name) => isNamed(name, TEXT, 'tracked-changes'))) return 'skip';
  if (isNamed(element, TEXT, 'p') || isNamed(element, TEXT, 'h')) return 'element';
  if (element.uri === TABLE && (element.local === 'table' || element.local === 'table-row' || element.local === 'table-cell')) {
    return path.filter((name) => isNamed(name, TABLE, 'table')).length === 1 ? 'start' : 'skip';
  }
  return 'skip';
}

/**
 * The notes of one event of content.xml. `styles` gathers the automatic styles' parents and
 * `controls` the form controls (which `office:forms` lists before the text) as they come.
 */
function* odtEventNotes(
  notes: DocumentNotes,
  event: XmlEvent,
  styles: Map<string, string>,
  controls: Map<string, ControlShown>,
): Iterable<AdapterItem> {
  if (event.kind === 'start') {
    if (event.element.local === 'table') yield* notes.openTable();
    else if (event.element.local === 'table-row') notes.openRow();
    else notes.openCell();
    return;
  }
  const inTable = event.ancestors.some((name) => isNamed(name, TABLE, 'table'));
  if (event.kind === 'too-large') {
    if (!event.ancestors.some((name) => isNamed(name, OFFICE, 'forms'))) yield* notes.tooLarge(inTable);
    return;
  }
  const element = event.element;
  if (noteStyleParent(element, styles)) return;
  if (element.uri === FORM) {
    addControl(controls, element);
    return;
  }
  const queue: { element: XmlElement; ancestors: readonly XmlName[] }[] = [{ element, ancestors: event.ancestors }];
  for (let next = 0; next < queue.length; next += 1) {
    const current = queue[next];
    if (current === undefined) break;
    const paragraph = readParagraph(current.element, current.ancestors, styles, controls);
    for (const textBox of paragraph.textBoxes) {
      for (const inner of textBoxParagraphs(textBox)) queue.push({ element: inner, ancestors: [] });
    }
    yield* notes.paragraph(paragraph, inTable);
  }
}

/** Selects the automatic styles and every outermost paragraph or heading, in tables too, tracked deletions passed over. */
function selectAnnotatedParagraphs(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined) return 'skip';
  if (isAutomaticStyle(path)) return 'element';
  if (path.some((name) => isNamed(name, TEXT, 'tracked-changes'))) return 'skip';
  return isNamed(element, TEXT, 'p') || isNamed(element, TEXT, 'h') ? 'element' : 'skip';
}

/**
 * Reads the comments (`office:annotation`) of a document and where each is anchored: the words
 * between an annotation and the `office:annotation-end` of the same `office:name` (across
 * paragraphs), or the paragraph of one that marks no range, with the headings above. LibreOffice
 * threads a reply by `loext:parent-name` (the `office:name` of the comment it answers) and marks
 * a resolved one `loext:resolved="true"`; a reply that marks no range of its own is anchored where
 * the comment it answers is. Walks each paragraph with an explicit stack.
 */
async function readAnnotations(content: Buffer): Promise<{ comments: DocumentComment[]; anchors: Map<string, CommentAnchor> }> {
  const styles = new Map<string, string>();
  const outline = new NoteOutline();
  const comments: DocumentComment[] = [];
  const ranges = new CommentRanges();
  const anchors = ranges.anchors;
  for await (const event of readXmlElements(zipPartSource(CONTENT_PART, content), selectAnnotatedParagraphs)) {
    if (event.kind !== 'element') continue;
    const element = event.element;
    if (noteStyleParent(element, styles)) continue;
    const paragraph = readParagraph(element, event.ancestors, styles);
    if (paragraph.heading !== null && paragraph.text !== '') outline.setHeading(paragraph.heading, paragraph.text);
    const stack = element.content().reverse();
    for (let piece = stack.pop(); piece !== undefined; piece = stack.pop()) {
      if (typeof piece === 'string') {
        ranges.take(piece);
        continue;
      }
      if (isNamed(piece, OFFICE, 'annotation')) {
        const id = attributeValue(piece, 'name', OFFICE) ?? `annotation ${comments.length + 1}`;
        comments.push(annotationComment(piece, id, styles));
        if (attributeValue(piece, 'name', OFFICE) !== null) ranges.start(id, outline.section());
        else anchors.set(id, { text: shortenText(paragraph.text, MAX_COMMENTED_CHARS), section: outline.section() });
      } else if (isNamed(piece, OFFICE, 'annotation-end')) {
        ranges.end(attributeValue(piece, 'name', OFFICE) ?? '');
      } else if (piece.uri === TEXT && (piece.local === 's' || piece.local === 'tab' || piece.local === 'line-break')) {
        ranges.take(' ');
      } else if (piece.uri === TEXT && piece.local !== 'note') {
        const inner = piece.content();
        for (let index = inner.length - 1; index >= 0; index -= 1) stack.push(inner[index] as string | XmlElement);
      }
    }
    ranges.take(' ');
  }
  ranges.endAll();
  for (const comment of comments) {
    const parent = comment.threadId === null && comment.parentThreadId !== null ? anchors.get(comment.parentThreadId) : undefined;
    if (parent !== undefined) anchors.set(comment.id, parent);
  }
  return { comments, anchors };
}

/** Notes an automatic style's parent style in `styles` (to know which paragraphs are headings); false for any other element. */
function noteStyleParent(element: XmlElement, styles: Map<string, string>): boolean {
  if (!isNamed(element, STYLE, 'style')) return false;
  const name = attributeValue(element, 'name', STYLE);
  const parent = attributeValue(element, 'parent-style-name', STYLE);
  if (name !== null && parent !== null) styles.set(name, parent);
  return true;
}

/** A tracked change as `text:tracked-changes` declares it: an insertion, or a deletion holding the words struck out. */
interface ChangedRegion {
  kind: 'ins' | 'del';
  author: string | null;
  date: string | null;
  deleted: string;
}

/** Selects the automatic styles, each tracked change's declaration, and every outermost paragraph or heading of the text. */
function selectRevisedParagraphs(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined) return 'skip';
  if (isNamed(element, TEXT, 'changed-region')) return 'element';
  return selectAnnotatedParagraphs(path);
}

/** A `text:changed-region`'s change: its kind, who made it and when (`office:change-info`), and a deletion's words. */
function changedRegion(region: XmlElement): ChangedRegion | null {
  const change = region.children.find((child) => isNamed(child, TEXT, 'insertion') || isNamed(child, TEXT, 'deletion'));
  if (change === undefined) return null;
  const info = change.children.find((child) => isNamed(child, OFFICE, 'change-info'));
  const creator = info?.children.find((child) => isNamed(child, DUBLIN_CORE, 'creator'))?.text.trim() ?? '';
  const date = info?.children.find((child) => isNamed(child, DUBLIN_CORE, 'date'))?.text.trim() ?? null;
  const deleted = change.children
    .filter((child) => isNamed(child, TEXT, 'p') || isNamed(child, TEXT, 'h'))
    .map((paragraph) => readParagraph(paragraph, [], new Map()).text)
    .join(' ');
  return { kind: change.local === 'insertion' ? 'ins' : 'del', author: creator === '' ? null : creator, date: toIsoDate(date), deleted };
}

/**
 * Reads the tracked changes of an OpenDocument text, as LibreOffice keeps them: each declared in
 * `text:tracked-changes` (who, when, and a deletion's words), an insertion marked in the text
 * between `text:change-start` and `text:change-end`, a deletion by a `text:change` where it was.
 * Each paragraph's edits are gathered as a Word document's are. Walks each paragraph with an
 * explicit stack.
 */
async function readOdtTrackedChanges(content: Buffer): Promise<TrackedChanges> {
  const styles = new Map<string, string>();
  const regions = new Map<string, ChangedRegion>();
  const outline = new NoteOutline();
  const collector = new RevisionCollector();
  for await (const event of readXmlElements(zipPartSource(CONTENT_PART, content), selectRevisedParagraphs)) {
    if (event.kind !== 'element') continue;
    const element = event.element;
    if (noteStyleParent(element, styles)) continue;
    if (isNamed(element, TEXT, 'changed-region')) {
      const id = attributeValue(element, 'id', TEXT) ?? attributeValue(element, 'id');
      const region = changedRegion(element);
      if (id !== null && region !== null) regions.set(id, region);
      continue;
    }
    const pieces: RevisionPiece[] = [];
    const inserting: ChangedRegion[] = [];
    const stack = element.content().reverse();
    for (let piece = stack.pop(); piece !== undefined; piece = stack.pop()) {
      const insertion = inserting.at(-1);
      if (typeof piece === 'string') {
        addPiece(pieces, {
          kind: insertion === undefined ? 'text' : 'ins',
          text: piece,
          author: insertion?.author ?? null,
          date: insertion?.date ?? null,
        });
        continue;
      }
      if (piece.uri !== TEXT) continue;
      const region = regions.get(attributeValue(piece, 'change-id', TEXT) ?? '');
      if (piece.local === 'change-start') {
        if (region?.kind === 'ins') inserting.push(region);
      } else if (piece.local === 'change-end') {
        if (region !== undefined && insertion === region) inserting.pop();
      } else if (piece.local === 'change') {
        if (region?.kind === 'del') addPiece(pieces, { kind: 'del', text: region.deleted, author: region.author, date: region.date });
      } else if (piece.local === 's' || piece.local === 'tab' || piece.local === 'line-break') {
        addPiece(pieces, {
          kind: insertion === undefined ? 'text' : 'ins',
          text: ' ',
          author: insertion?.author ?? null,
          date: insertion?.date ?? null,
        });
      } else if (piece.local !== 'note') {
        const inner = piece.content();
        for (let index = inner.length - 1; index >= 0; index -= 1) stack.push(inner[index] as string | XmlElement);
      }
    }
    collector.paragraph(pieces, outline.section());
    const paragraph = readParagraph(element, event.ancestors, styles);
    if (paragraph.heading !== null && paragraph.text !== '') outline.setHeading(paragraph.heading, paragraph.text);
  }
  return collector.tracked;
}

/** One `office:annotation` as a comment: its creator, date, paragraphs, and its place in a thread. */
function annotationComment(annotation: XmlElement, id: string, styles: ReadonlyMap<string, string>): DocumentComment {
  const paragraphs = annotation.children.filter((child) => isNamed(child, TEXT, 'p') || isNamed(child, TEXT, 'h'));
  const creator = annotation.children.find((child) => isNamed(child, DUBLIN_CORE, 'creator'))?.text.trim() ?? '';
  const date = annotation.children.find((child) => isNamed(child, DUBLIN_CORE, 'date'))?.text.trim() ?? null;
  const name = attributeValue(annotation, 'name', OFFICE);
  return {
    id,
    author: creator === '' ? null : creator,
    date: toIsoDate(date),
    text: paragraphs
      .map((paragraph) => readParagraph(paragraph, [], styles).text)
      .filter((line) => line !== '')
      .join('\n'),
    threadId: name,
    parentThreadId: attributeValue(annotation, 'parent-name'),
    resolved: attributeValue(annotation, 'resolved') === 'true',
  };
}

/** When the document was created (else last saved), from meta.xml; null when it does not say. */
async function readCreated(data: Buffer | undefined): Promise<string | null> {
  if (data === undefined) return null;
  const dates: Partial<Record<'creation-date' | 'date', string>> = {};
  const select = (path: readonly XmlName[]): XmlSelection => {
    const local = path[2]?.local;
    return path.length === 3 && (local === 'creation-date' || local === 'date') ? 'element' : 'skip';
  };
  for await (const event of readXmlElements(zipPartSource(META_PART, data), select)) {
    if (event.kind !== 'element') continue;
    dates[event.element.local as 'creation-date' | 'date'] ??= event.element.text.trim();
  }
  return toIsoDate(dates['creation-date'] ?? null) ?? toIsoDate(dates.date ?? null);
}

async function* readOdt(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  if (!isZipFile(source.headBytes)) {
    throw new InputError('not an OpenDocument text (.odt) document (it does not start with a zip signature)', {
      location: { file: source.path },
      hint: 'open it in LibreOffice or Word and save it as .odt or .docx',
    });
  }
  const zip = await source.readBytes();
  const { content, parts } = readOpenDocumentParts(source.path, zip, [META_PART], ODT_UNPACKED_LIMIT, OPEN_DOCUMENT);
  const warnings: AdapterItem[] = [];
  const date = await readOptionalPart(source.path, META_PART, null, () => readCreated(parts.get(META_PART)), warnings);
  const review = content.includes('annotation', 0, 'latin1')
    ? await readOptionalPart(source.path, CONTENT_PART, null, () => readAnnotations(content), warnings)
    : null;
  yield* warnings;
  const comments = review?.comments ?? [];
  const edits =
    comments.length > 0 || content.includes('tracked-changes', 0, 'latin1')
      ? suggestedEdits(
          await readOdtTrackedChanges(content).catch((error: unknown): TrackedChanges => {
            if (error instanceof InputError) return { changes: [], draftChars: 0, insertedChars: 0 };
            throw error;
          }),
        )
      : [];
  if (comments.length > 0 || (edits.length > 0 && options.reviewedDraft === true)) {
    if (review !== null) yield* commentRecords(source.path, review.comments, review.anchors);
    yield* trackedChangeItems(source.path, edits);
    if (options.documentText !== true) {
      yield reviewedDraftWarning(source.path, comments, CONTENT_PART, edits);
      return;
    }
  } else if (edits.length > 0) {
    yield trackedChangesAcceptedWarning(source.path, edits, CONTENT_PART);
  }
  const notes = new DocumentNotes(source.path, date);
  const styles = new Map<string, string>();
  const controls = new Map<string, ControlShown>();
  yield* notes.answers.hold(
    documentPartNotes(
      source.path,
      { name: CONTENT_PART, data: content },
      selectContent,
      notes,
      (event) => odtEventNotes(notes, event, styles, controls),
      OPEN_DOCUMENT,
    ),
  );
}

/**
 * OpenDocument text (.odt, LibreOffice Writer's own format), read like a Word document: one
 * record per paragraph or list item, headings as section, table cells apart.
 */
export const odtDocumentAdapter: FormatAdapter = {
  name: 'odt',
  description: 'OpenDocument text (.odt, LibreOffice Writer): one record per paragraph or bullet, headings as section, table cells apart',
  channel: 'event-note',
  extensions: ['.odt'],
  signature: `a zip (PK\\x03\\x04) whose mimetype is ${TEXT_MEDIA_TYPE}`,
  binary: true,
  sniff(input) {
    if (!isZipFile(input.headBytes)) return 0;
    return input.headBytes.includes(TEXT_MEDIA_TYPE, 0, 'latin1') ? 0.9 : 0;
  },
  read(source, options) {
    return readOdt(source, options);
  },
};
