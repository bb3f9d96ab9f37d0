import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { DocumentNotes, documentPartNotes, type DocumentParagraph } from '../readers/document-notes.js';
import { readXmlElements, type XmlElement, type XmlEvent, type XmlName, type XmlSelection } from '../readers/xml-elements.js';
import { readOptionalPart, readZipParts, zipPartSource, type ZipDocumentKind } from '../readers/zip-parts.js';
import { isCompoundFile } from '../readers/compound-file.js';
import { isZipFile } from '../readers/zip-directory.js';

const RTF_SIGNATURE = Buffer.from('{\\rtf');

/** WordprocessingML's namespace, as Word writes it and in Strict Open XML. */
const WORD_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const DOCUMENT_PART = 'word/document.xml';
const STYLES_PART = 'word/styles.xml';
const CORE_PART = 'docProps/core.xml';

/**
 * What the parts a Word document is read from (its text, styles and properties) may unpack to:
 * a 1,000-page report's text is about 10 MB; its photos are never unpacked.
 */
export const DOCX_UNPACKED_LIMIT = 64 * 1024 * 1024;

/** How far a style's `basedOn` chain is followed to find whether it is a heading or a list. */
const MAX_STYLE_HOPS = 16;

const WORD_DOCUMENT: ZipDocumentKind = { noun: 'Word document', saveAs: 'open it in Word or LibreOffice and save it as .docx' };

function isWord(name: XmlName, local?: string): boolean {
  return WORD_NAMESPACES.has(name.uri) && (local === undefined || name.local === local);
}

/** A `w:val` (or other `w:` attribute) of an element. */
function wordAttribute(element: XmlElement | undefined, local: string): string | null {
  if (element === undefined) return null;
  return (
    element.attributes.find((attribute) => attribute.local === local && (attribute.uri === '' || WORD_NAMESPACES.has(attribute.uri)))
      ?.value ?? null
  );
}

function wordChild(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((child) => isWord(child, local));
}

/** A number attribute, or null when it is missing or not a number. */
function levelValue(element: XmlElement | undefined, local = 'val'): number | null {
  const value = wordAttribute(element, local);
  if (value === null || !/^\d{1,2}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** What a paragraph style says: its name, its parent style, and the outline and list level it gives. */
interface StyleFacts {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  /** The list level its numbering gives, -1 when it removes numbering, null when it says nothing. */
  listLevel: number | null;
}

type Styles = ReadonlyMap<string, StyleFacts>;

/** The list level a `w:numPr` gives: -1 for `numId` 0 (numbering removed), its `ilvl` (0 unless given) otherwise. */
function numberingLevel(numbering: XmlElement | undefined): number | null {
  if (numbering === undefined) return null;
  if (wordAttribute(wordChild(numbering, 'numId'), 'val')?.trim() === '0') return -1;
  return levelValue(wordChild(numbering, 'ilvl')) ?? 0;
}

/** Follows a style and the styles it is based on, nearest first, at most {@link MAX_STYLE_HOPS}. */
function* styleChain(styles: Styles, styleId: string | null): Iterable<{ id: string; style: StyleFacts | undefined }> {
  let id = styleId;
  for (let hops = 0; id !== null && hops < MAX_STYLE_HOPS; hops += 1) {
    const style = styles.get(id);
    yield { id, style };
    id = style?.basedOn ?? null;
  }
}

/**
 * The heading level (1 the highest) of a paragraph: its own outline level, else its style's (or a
 * style it is based on): built-in `heading 1`…`heading 9` and `Title` by name (whatever the
 * style's id in a translated Word), or any style with an outline level. Null for body text.
 */
function headingLevel(styles: Styles, styleId: string | null, outlineLevel: number | null): number | null {
  if (outlineLevel !== null) return outlineLevel <= 8 ? outlineLevel + 1 : null;
  for (const { id, style } of styleChain(styles, styleId)) {
    const name = style?.name ?? id;
    const heading = /^heading\s*([1-9])$/i.exec(name);
    if (heading?.[1] !== undefined) return Number(heading[1]);
    if (/^title$/i.test(name)) return 1;
    if (style?.outlineLevel !== null && style?.outlineLevel !== undefined) return style.outlineLevel <= 8 ? style.outlineLevel + 1 : null;
  }
  return null;
}

/** Whether a paragraph's style is a table of contents' (`TOC 1`…`TOC 9`, `TOC Heading`): the document's headings again, no one's words. */
function isContentsStyle(styles: Styles, styleId: string | null): boolean {
  for (const { id, style } of styleChain(styles, styleId)) {
    if (/^toc\s*(?:[1-9]|heading)?$/i.test(style?.name ?? id)) return true;
  }
  return false;
}

/** The list level (0 the outermost) of a paragraph from its own numbering or its style's; null when it is no list item. */
function listLevel(styles: Styles, styleId: string | null, ownLevel: number | null): number | null {
  const level = ownLevel ?? firstListLevel(styles, styleId);
  return level === null || level < 0 ? null : level;
}

function firstListLevel(styles: Styles, styleId: string | null): number | null {
  for (const { style } of styleChain(styles, styleId)) {
    if (style?.listLevel !== null && style?.listLevel !== undefined) return style.listLevel;
  }
  return null;
}

/** One paragraph as read, with the text boxes anchored in it. */
interface WordParagraph extends DocumentParagraph {
  /** The text boxes anchored in it, whose paragraphs are read after it. */
  textBoxes: XmlElement[];
}

/**
 * Reads a paragraph's text, walking its runs with an explicit stack (nesting costs memory, never
 * call stack): text runs joined as written, a tab as a space, a line break as a line break,
 * hyperlinks, insertions, fields' results and content controls by their text; deleted and
 * moved-away text, field codes and the fallback copy of a drawing left out.
 */
function readParagraph(paragraph: XmlElement, styles: Styles): WordParagraph {
  const parts: string[] = [];
  const textBoxes: XmlElement[] = [];
  let properties: XmlElement | undefined;
  const stack = [...paragraph.children].reverse();
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (!isWord(element)) {
      if (element.local === 'Fallback' && element.uri === MARKUP_COMPATIBILITY) continue;
      for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
      continue;
    }
    switch (element.local) {
      case 'pPr':
        properties ??= element;
        continue;
      case 't':
        parts.push(element.text);
        continue;
      case 'tab':
      case 'ptab':
        parts.push(' ');
        continue;
      case 'br':
      case 'cr':
        parts.push('\n');
        continue;
      case 'noBreakHyphen':
        parts.push('-');
        continue;
      case 'txbxContent':
        textBoxes.push(element);
        continue;
      case 'sdt':
        if (isPlaceholder(wordChild(element, 'sdtPr'))) continue;
        for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
        continue;
      case 'del':
      case 'delText':
      case 'delInstrText':
      case 'moveFrom':
      case 'instrText':
      case 'rPr':
        continue;
      default:
        for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
    }
  }
  const styleId = wordAttribute(wordChild(properties, 'pStyle'), 'val');
  return {
    text: parts
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .trim(),
    heading: headingLevel(styles, styleId, levelValue(wordChild(properties, 'outlineLvl'))),
    listLevel: listLevel(styles, styleId, numberingLevel(wordChild(properties, 'numPr'))),
    contents: isContentsStyle(styles, styleId),
    textBoxes,
  };
}

/** Whether a content control's properties say it shows its placeholder (`Click or tap here to enter text.`): a form field left empty. */
function isPlaceholder(properties: XmlElement | undefined): boolean {
  return wordChild(properties, 'showingPlcHdr') !== undefined && wordAttribute(wordChild(properties, 'showingPlcHdr'), 'val') !== 'false';
}

/** The paragraphs inside a text box, in order, found with an explicit stack. */
function textBoxParagraphs(textBox: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...textBox.children].reverse();
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

/** The styles of `word/styles.xml` by id; empty when the document has none. */
async function readStyles(file: string, data: Buffer | undefined): Promise<Map<string, StyleFacts>> {
  const styles = new Map<string, StyleFacts>();
  if (data === undefined) return styles;
  const select = (path: readonly XmlName[]): XmlSelection =>
    path.length === 2 && isWord(path[1] as XmlName, 'style') ? 'element' : 'skip';
  for await (const event of readXmlElements(zipPartSource(file, data), select)) {
    if (event.kind !== 'element') continue;
    const style = event.element;
    const id = wordAttribute(style, 'styleId');
    if (id === null || wordAttribute(style, 'type') === 'character') continue;
    const properties = wordChild(style, 'pPr');
    styles.set(id, {
      name: wordAttribute(wordChild(style, 'name'), 'val') ?? id,
      basedOn: wordAttribute(wordChild(style, 'basedOn'), 'val'),
      outlineLevel: levelValue(wordChild(properties, 'outlineLvl')),
      listLevel: numberingLevel(wordChild(properties, 'numPr')),
    });
  }
  return styles;
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
      for (const inner of textBoxParagraphs(textBox)) queue.push(inner);
    }
    yield* notes.paragraph(paragraph, inTable);
  }
}

/** Refuses a file that is not a zip, saying what it looks like instead. */
function checkSignature(source: InputSource): void {
  const head = source.headBytes;
  if (isCompoundFile(head)) {
    throw new InputError(`a Word 97-2003 (.doc) or password-protected document; tlap reads .docx documents`, {
      location: { file: source.path },
      hint: 'open it in Word or LibreOffice, remove any password and save it as .docx (Word Document)',
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

async function* readDocx(source: InputSource): AsyncIterable<AdapterItem> {
  checkSignature(source);
  const zip = await source.readBytes();
  const { names, parts } = readZipParts(source.path, zip, [DOCUMENT_PART, STYLES_PART, CORE_PART], DOCX_UNPACKED_LIMIT, WORD_DOCUMENT);
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
  yield* warnings;
  const notes = new DocumentNotes(source.path, date);
  const placeholder = { at: null as number | null };
  yield* documentPartNotes(
    source.path,
    { name: DOCUMENT_PART, data: document },
    selectDocumentElements,
    notes,
    (event) => wordEventNotes(notes, event, styles, placeholder),
    WORD_DOCUMENT,
  );
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
  read(source) {
    return readDocx(source);
  },
};
