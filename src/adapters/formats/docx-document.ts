import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { suggestedEdits, trackedChangeItems, trackedChangesAcceptedWarning, type TrackedChanges } from '../readers/document-revisions.js';
import { readTrackedChanges } from '../readers/word-revisions.js';
import { COMMENT_PARTS, readCommentAnchors, readWordComments } from '../readers/word-comments.js';
import { commentRecords, reviewedDraftWarning, type CommentAnchor } from '../readers/document-comments.js';
import { DocumentNotes, documentPartNotes } from '../readers/document-notes.js';
import { speakerTranscriptLines, transcriptItems } from '../readers/document-transcript.js';
import { readXmlElements, type XmlElement, type XmlEvent, type XmlName, type XmlSelection } from '../readers/xml-elements.js';
import {
  innerParagraphs,
  isPlaceholder,
  isWord,
  MARKUP_COMPATIBILITY,
  readParagraph,
  readStyles,
  type Styles,
  type StyleFacts,
} from '../readers/word-paragraphs.js';
import { readOptionalPart, readZipParts, zipPartSource, type ZipDocumentKind } from '../readers/zip-parts.js';
import { isCompoundFile } from '../readers/compound-file.js';
import { isZipFile } from '../readers/zip-directory.js';

const RTF_SIGNATURE = Buffer.from('{\\rtf');
/** The name of a Word 97-2003 document's main stream, as UTF-16LE bytes in a compound file's directory. */
const WORD_97_STREAM = Buffer.from('WordDocument', 'utf16le');

const DOCUMENT_PART = 'word/document.xml';
const STYLES_PART = 'word/styles.xml';
const CORE_PART = 'docProps/core.xml';

/**
 * What the parts a Word document is read from (its text, styles and properties) may unpack to:
 * a 1,000-page report's text is about 10 MB; its photos are never unpacked.
 */
export const DOCX_UNPACKED_LIMIT = 64 * 1024 * 1024;

const WORD_DOCUMENT: ZipDocumentKind = { noun: 'Word document', saveAs: 'open it in Word or LibreOffice and save it as .docx' };

/**
 * What reading the document's paragraphs selects: each outermost paragraph whole, the properties
 * of content controls that hold paragraphs (to pass over a form field still showing its
 * placeholder), and where tables, rows and cells of outermost tables open.
 */
function selectDocumentElements(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined || !isWord(element)) return 'skip';
  if (path.some((name) => name.local === 'Fallback' && name.uri === MARKUP_COMPATIBILITY)) return 'skip';
  if (element.local === 'p' || element.local === 'sdtPr') return 'element';
  if (element.local === 'tbl' || element.local === 'tr' || element.local === 'tc') {
    return path.filter((name) => isWord(name, 'tbl')).length === 1 ? 'start' : 'skip';
  }
  return 'skip';
}

/** When the document was created (else last saved), from `docProps/core.xml`; null when it does not say. */
async function readCreated(file: string, data: Buffer | undefined): Promise<string | null> {
  if (data === undefined) return null;
  const dates: Partial<Record<'created' | 'modified', string>> = {};
  const select = (path: readonly XmlName[]): XmlSelection => {
    const local = path[1]?.local;
    return path.length === 2 && (local === 'created' || local === 'modified') ? 'element' : 'skip';
  };
  for await (const event of readXmlElements(zipPartSource(file, data), select)) {
    if (event.kind !== 'element') continue;
    const local = event.element.local as 'created' | 'modified';
    dates[local] ??= event.element.text.trim();
  }
  return toIsoDate(dates.created ?? null) ?? toIsoDate(dates.modified ?? null);
}

/**
 * The notes of one event of the document: a table, row or cell opening, or a paragraph and the
 * text boxes anchored in it. `placeholder` keeps where a content control showing its placeholder
 * stands among the ancestors of what it holds, which is passed over.
 */
function* wordEventNotes(notes: DocumentNotes, event: XmlEvent, styles: Styles, placeholder: { at: number | null }): Iterable<AdapterItem> {
  if (event.kind === 'start') {
    if (event.element.local === 'tbl') yield* notes.openTable();
    else if (event.element.local === 'tr') notes.openRow();
    else if (event.element.local === 'tc') notes.openCell();
    return;
  }
  if (event.kind === 'element' && event.element.local === 'sdtPr') {
    placeholder.at = isPlaceholder(event.element) ? event.ancestors.length - 1 : null;
    return;
  }
  if (placeholder.at !== null && !isWord(event.ancestors[placeholder.at] ?? { uri: '', local: '' }, 'sdt')) placeholder.at = null;
  if (placeholder.at !== null) return;
  const inTable = event.ancestors.some((name) => isWord(name, 'tbl'));
  if (event.kind === 'too-large') {
    yield* notes.tooLarge(inTable);
    return;
  }
  const queue = [event.element];
  for (let next = 0; next < queue.length; next += 1) {
    const paragraph = readParagraph(queue[next] as XmlElement, styles);
    for (const textBox of paragraph.textBoxes) {
      for (const inner of innerParagraphs(textBox)) queue.push(inner);
    }
    yield* notes.paragraph(paragraph, inTable);
  }
}

/** Refuses a file that is not a zip, saying what it looks like instead. */
function checkSignature(source: InputSource): void {
  const head = source.headBytes;
  if (isCompoundFile(head)) {
    if (head.includes(WORD_97_STREAM)) {
      throw new InputError('a Word 97-2003 (.doc) document, not a .docx', {
        location: { file: source.path },
        hint: 'read it as a Word 97-2003 .doc document',
      });
    }
    throw new InputError('a password-protected Word document (or another Office compound file); tlap cannot read encrypted documents', {
      location: { file: source.path },
      hint: 'open it in Word or LibreOffice, remove the password and save it as .docx (Word Document)',
    });
  }
  if (isZipFile(head)) return;
  const rtf = head.subarray(0, RTF_SIGNATURE.length).equals(RTF_SIGNATURE);
  const text = !head.includes(0);
  throw new InputError(
    `not a Word .docx document (it does not start with a zip signature)${rtf ? '; it is a Rich Text (RTF) document' : text ? '; it looks like text' : ''}`,
    {
      location: { file: source.path },
      hint: rtf
        ? 'open it in Word or LibreOffice and save it as .docx'
        : text
          ? 'a .doc saved from a web page or e-mail is often text: read it as event notes'
          : 'check that this is the document you meant',
    },
  );
}

/** The refusal of a zip without a Word document's text, naming what it holds instead when that is known. */
function notAWordDocument(file: string, names: readonly string[]): InputError {
  const workbook = names.includes('xl/workbook.xml');
  const openDocument = names.includes('content.xml');
  const what = workbook ? 'an Excel workbook' : openDocument ? 'an OpenDocument file' : 'a zip';
  return new InputError(`${what}, not a Word document (it holds no ${DOCUMENT_PART})`, {
    location: { file },
    hint: workbook ? 'read it as an xlsx workbook' : 'open it in Word or LibreOffice and save it as .docx',
  });
}

async function* readDocx(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  checkSignature(source);
  const zip = await source.readBytes();
  const wanted = [DOCUMENT_PART, STYLES_PART, CORE_PART, ...Object.values(COMMENT_PARTS)];
  const { names, parts } = readZipParts(source.path, zip, wanted, DOCX_UNPACKED_LIMIT, WORD_DOCUMENT);
  const document = parts.get(DOCUMENT_PART);
  if (document === undefined) throw notAWordDocument(source.path, names);
  const warnings: AdapterItem[] = [];
  const styles = await readOptionalPart(
    source.path,
    STYLES_PART,
    new Map<string, StyleFacts>(),
    () => readStyles(STYLES_PART, parts.get(STYLES_PART)),
    warnings,
  );
  const date = await readOptionalPart(source.path, CORE_PART, null, () => readCreated(CORE_PART, parts.get(CORE_PART)), warnings);
  const comments = await readOptionalPart(source.path, COMMENT_PARTS.comments, [], () => readWordComments(parts, styles), warnings);
  yield* warnings.splice(0);
  const edits =
    comments.length > 0 || holdsTrackedChanges(document)
      ? suggestedEdits(
          await readTrackedChanges(DOCUMENT_PART, document, styles).catch((error: unknown): TrackedChanges => {
            if (error instanceof InputError) return { changes: [], draftChars: 0, insertedChars: 0 };
            throw error;
          }),
        )
      : [];
  if (comments.length > 0 || (edits.length > 0 && options.reviewedDraft === true)) {
    if (comments.length > 0) {
      const anchors = await readOptionalPart(
        source.path,
        DOCUMENT_PART,
        new Map<string, CommentAnchor>(),
        () => readCommentAnchors(DOCUMENT_PART, document, styles),
        warnings,
      );
      yield* warnings.splice(0);
      yield* commentRecords(source.path, comments, anchors);
    }
    yield* trackedChangeItems(source.path, edits);
    if (options.documentText !== true) {
      yield reviewedDraftWarning(source.path, comments, comments.length > 0 ? COMMENT_PARTS.comments : DOCUMENT_PART, edits);
      return;
    }
  } else if (edits.length > 0) {
    yield trackedChangesAcceptedWarning(source.path, edits, DOCUMENT_PART);
  }
  const transcript = await speakerTranscriptLines(paragraphTexts(document, styles)).catch((error: unknown) => {
    if (error instanceof InputError) return null;
    throw error;
  });
  if (transcript !== null) {
    yield* transcriptItems(source.path, transcript, date);
    return;
  }
  const notes = new DocumentNotes(source.path, date);
  const placeholder = { at: null as number | null };
  yield* notes.answers.hold(
    documentPartNotes(
      source.path,
      { name: DOCUMENT_PART, data: document },
      selectDocumentElements,
      notes,
      (event) => wordEventNotes(notes, event, styles, placeholder),
      WORD_DOCUMENT,
    ),
  );
}

/** Whether a document's XML may hold tracked insertions or deletions (a cheap look before reading them). */
function holdsTrackedChanges(document: Buffer): boolean {
  return document.includes(':ins ', 0, 'latin1') || document.includes(':del ', 0, 'latin1');
}

/** Selects the document's outermost paragraphs, outside any drawing's fallback copy. */
function selectParagraphs(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined || !isWord(element, 'p')) return 'skip';
  if (path.some((name) => name.local === 'Fallback' && name.uri === MARKUP_COMPATIBILITY)) return 'skip';
  return path.slice(0, -1).some((name) => isWord(name, 'p')) ? 'skip' : 'element';
}

/** The text of each of the document's outermost paragraphs, in order; malformed XML is an InputError. */
async function* paragraphTexts(document: Buffer, styles: Styles): AsyncIterable<string> {
  for await (const event of readXmlElements(zipPartSource(DOCUMENT_PART, document), selectParagraphs)) {
    if (event.kind === 'element') yield readParagraph(event.element, styles).text;
  }
}

/**
 * Word documents (.docx): typed-up event notes and written consultation responses, read like
 * event notes. One record per paragraph or list item with text; headings give the section path;
 * a nested list item names its parent; table cells are read cell by cell.
 */
export const docxDocumentAdapter: FormatAdapter = {
  name: 'docx',
  description: 'Word document (.docx): one record per paragraph or bullet, headings as section, table cells apart',
  channel: 'event-note',
  extensions: ['.docx', '.docm', '.doc'],
  signature: 'a zip (PK\\x03\\x04) holding word/document.xml',
  binary: true,
  sniff(input) {
    if (!isZipFile(input.headBytes)) return 0;
    if (input.headBytes.includes(DOCUMENT_PART, 0, 'latin1')) return 0.9;
    return input.headBytes.includes('word/', 0, 'latin1') ? 0.8 : 0;
  },
  read(source, options) {
    return readDocx(source, options);
  },
};
