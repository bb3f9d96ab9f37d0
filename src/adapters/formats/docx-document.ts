import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { isListLabel, NoteOutline } from '../readers/note-outline.js';
import {
  MAX_XML_ELEMENT_CHARS,
  readXmlElements,
  type XmlElement,
  type XmlEvent,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { readZipParts, zipPartSource, type ZipDocumentKind } from '../readers/zip-parts.js';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
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

/** The longest text a two-column table's left cell may have to be read as the question its right cell answers. */
const MAX_QUESTION_CHARS = 300;

/** How far a style's `basedOn` chain is followed to find whether it is a heading or a list. */
const MAX_STYLE_HOPS = 16;

const WORD_DOCUMENT: ZipDocumentKind = { noun: 'Word document', saveAs: 'open it in Word or LibreOffice and save it as .docx' };

/** A question/answer table's header row: `Question | Response`. */
const HEADER_QUESTION = /^(?:questions?|topics?|prompts?|items?)\W*$/i;
const HEADER_ANSWER = /^(?:(?:your\s+)?(?:answers?|responses?|comments?|views?)|reply)\W*$/i;

/** A question/answer table's row that holds the respondent's contact details, never read as an answer (as survey tables drop contact columns). */
const CONTACT_LABEL =
  /^(?:your\s+)?(?:full\s+)?(?:name|e-?mail(?:\s+address)?|(?:tele)?phone(?:\s+number)?|mobile(?:\s+number)?|tel\.?|(?:postal\s+|home\s+|street\s+)?address|post\s*code|signature|signed)\s*:?\s*$/i;

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

/** One paragraph as read: its text as the document now says it, and what its properties make it. */
interface WordParagraph {
  text: string;
  heading: number | null;
  listLevel: number | null;
  /** An entry (or the title) of a table of contents. */
  contents: boolean;
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

/** A paragraph of a table cell, numbered as it was read. */
interface CellParagraph {
  paragraph: WordParagraph;
  ordinal: number;
}

/** The outermost table being read: its rows, each a list of cells, each a list of paragraphs. */
interface OpenTable {
  number: number;
  rows: CellParagraph[][][];
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

/**
 * Turns the paragraphs of a Word document, in order, into notes: headings set the section path,
 * list paragraphs nested under a list item get it as their parent, every other paragraph with
 * text is one note; a table's cells are read row by row, a two-column question | answer table
 * giving its answers their question.
 */
class WordNotes {
  private readonly outline: NoteOutline;
  private list: { level: number; text: string }[] = [];
  /** The line above the list being read that labels it (see {@link isListLabel}), the last part of its items' section. */
  private label: string | null = null;
  /** A one-line paragraph held back until the next shows whether it labels a list. */
  private pending: CellParagraph | null = null;
  private ordinal = 0;
  private tables = 0;
  private table: OpenTable | null = null;
  /** Where the content control showing its placeholder stands among the ancestors of what it holds. */
  private placeholder: number | null = null;

  constructor(
    private readonly file: string,
    private readonly styles: Styles,
    date: string | null,
  ) {
    this.outline = new NoteOutline(date);
  }

  *read(event: XmlEvent): Iterable<AdapterItem> {
    if (event.kind === 'start') {
      if (event.element.local === 'tbl') yield* this.endList();
      this.open(event.element.local);
      return;
    }
    if (event.kind === 'element' && event.element.local === 'sdtPr') {
      this.placeholder = isPlaceholder(event.element) ? event.ancestors.length - 1 : null;
      return;
    }
    if (this.placeholder !== null && !isWord(event.ancestors[this.placeholder] ?? { uri: '', local: '' }, 'sdt')) this.placeholder = null;
    if (this.placeholder !== null) return;
    const inTable = event.ancestors.some((name) => isWord(name, 'tbl'));
    if (!inTable) yield* this.closeTable();
    if (event.kind === 'too-large') {
      if (!inTable) yield* this.endList();
      this.ordinal += 1;
      yield {
        kind: 'rejected',
        code: 'XML_ELEMENT_TOO_LARGE',
        message: `a paragraph holds more than ${MAX_XML_ELEMENT_CHARS.toLocaleString('en-GB')} characters of text; skipped`,
        provenance: { file: this.file, part: `paragraph ${this.ordinal}` },
      };
      return;
    }
    const queue = [event.element];
    for (let next = 0; next < queue.length; next += 1) {
      const paragraph = readParagraph(queue[next] as XmlElement, this.styles);
      for (const textBox of paragraph.textBoxes) {
        for (const inner of textBoxParagraphs(textBox)) queue.push(inner);
      }
      if (paragraph.text === '') {
        if (!inTable) yield* this.flushPending();
        continue;
      }
      this.ordinal += 1;
      if (inTable) this.cell().push({ paragraph, ordinal: this.ordinal });
      else yield* this.bodyParagraph(paragraph, this.ordinal);
    }
  }

  /** The notes still held: a paragraph held back, a table the document ended in (or broke off inside). */
  *end(): Iterable<AdapterItem> {
    yield* this.flushPending();
    yield* this.closeTable();
  }

  private open(local: string): void {
    if (local === 'tbl') {
      this.tables += 1;
      this.table = { number: this.tables, rows: [] };
    } else if (local === 'tr') {
      this.table?.rows.push([]);
    } else if (local === 'tc') {
      this.table?.rows.at(-1)?.push([]);
    }
  }

  /** The cell being read, made when a paragraph comes before any row or cell opened. */
  private cell(): CellParagraph[] {
    this.table ??= { number: (this.tables += 1), rows: [] };
    let row = this.table.rows.at(-1);
    if (row === undefined) {
      row = [];
      this.table.rows.push(row);
    }
    let cell = row.at(-1);
    if (cell === undefined) {
      cell = [];
      row.push(cell);
    }
    return cell;
  }

  private at(ordinal: number): { file: string; part: string } {
    return { file: this.file, part: `paragraph ${ordinal}` };
  }

  /**
   * A paragraph of the body: a heading sets the section; a one-line paragraph that could label a
   * list waits for the next, and is the list's label (no record) when a list starts right below
   * it, as in event notes; anything else is a note.
   */
  private *bodyParagraph(paragraph: WordParagraph, ordinal: number): Iterable<AdapterItem> {
    const pending = this.pending;
    this.pending = null;
    if (pending !== null && paragraph.heading === null && paragraph.listLevel !== null) {
      this.label = pending.paragraph.text;
    } else if (pending !== null) {
      yield this.note(pending.paragraph, this.at(pending.ordinal));
    }
    if (paragraph.heading !== null) {
      this.outline.setHeading(paragraph.heading, paragraph.text);
      this.list = [];
      this.label = null;
      return;
    }
    if (paragraph.listLevel === null) {
      this.list = [];
      this.label = null;
      if (!paragraph.contents && !paragraph.text.includes('\n') && isListLabel(paragraph.text)) {
        this.pending = { paragraph, ordinal };
        return;
      }
    }
    yield this.note(paragraph, this.at(ordinal));
  }

  private *flushPending(): Iterable<AdapterItem> {
    const pending = this.pending;
    this.pending = null;
    if (pending !== null) yield this.note(pending.paragraph, this.at(pending.ordinal));
  }

  /** Before a table: the paragraph held back is a note after all, and the list above has ended. */
  private *endList(): Iterable<AdapterItem> {
    yield* this.flushPending();
    this.list = [];
    this.label = null;
  }

  /** A note for a paragraph, its parent the list item it is nested under; an entry of a table of contents is filtered. */
  private note(paragraph: WordParagraph, provenance: { file: string; part: string }, question?: string): AdapterItem {
    if (paragraph.contents) return { kind: 'filtered', rule: 'not-feedback', provenance, detail: 'table of contents' };
    const meta = question === undefined ? {} : { meta: { question } };
    const level = paragraph.listLevel;
    if (level === null) {
      this.list = [];
      return this.outline.note(paragraph.text, provenance, meta);
    }
    while ((this.list.at(-1)?.level ?? -1) >= level) this.list.pop();
    const parent = this.list.at(-1)?.text ?? null;
    this.list.push({ level, text: paragraph.text.replace(/\s+/g, ' ') });
    return this.outline.note(paragraph.text, provenance, { parent, label: this.label, ...meta });
  }

  private *closeTable(): Iterable<AdapterItem> {
    const table = this.table;
    this.table = null;
    if (table === null) return;
    this.list = [];
    const questions = tableQuestions(table.rows);
    for (const [rowIndex, row] of table.rows.entries()) {
      const at = (ordinal: number) => ({ file: this.file, part: `table ${table.number}, row ${rowIndex + 1}, paragraph ${ordinal}` });
      const question = questions?.[rowIndex];
      if (question !== undefined) {
        const answers = row[1] ?? [];
        const filtered = question.kind === 'header' ? 'table header' : question.kind === 'contact' ? 'contact details' : null;
        for (const { paragraph, ordinal } of answers) {
          yield filtered === null
            ? this.note(paragraph, at(ordinal), question.text ?? undefined)
            : { kind: 'filtered', rule: 'not-feedback', provenance: at(ordinal), detail: filtered };
        }
        this.list = [];
        continue;
      }
      for (const cell of row) {
        for (const { paragraph, ordinal } of cell) yield this.note(paragraph, at(ordinal));
        this.list = [];
      }
    }
  }
}

/** What a question/answer table's left cell makes of its row. */
type RowQuestion = { kind: 'question'; text: string | null } | { kind: 'header'; text: null } | { kind: 'contact'; text: null };

/**
 * The question of each row when a table is a two-column question | answer table, as consultation
 * response forms are: every row two cells, every left cell one paragraph of at most
 * {@link MAX_QUESTION_CHARS} characters (or empty, continuing the question above), some answer
 * longer than its question. A first row `Question | Response` is its header; a row asking for a
 * name, e-mail, phone, address or signature holds contact details. Null for any other table.
 */
function tableQuestions(rows: readonly (readonly (readonly CellParagraph[])[])[]): RowQuestion[] | null {
  const questions: RowQuestion[] = [];
  let previous: string | null = null;
  let answered = false;
  for (const [index, row] of rows.entries()) {
    if (row.every((cell) => cell.length === 0)) {
      questions.push({ kind: 'question', text: previous });
      continue;
    }
    const [left, right, ...more] = row;
    if (left === undefined || right === undefined || more.length > 0 || left.length > 1) return null;
    const question = left[0]?.paragraph.text.replace(/\s+/g, ' ') ?? null;
    const answer = right.map((cell) => cell.paragraph.text).join(' ');
    if (question === null && previous === null) return null;
    if (question !== null && question.length > MAX_QUESTION_CHARS) return null;
    if (index === 0 && question !== null && (HEADER_QUESTION.test(question) || HEADER_ANSWER.test(answer))) {
      questions.push({ kind: 'header', text: null });
      continue;
    }
    if (question !== null && CONTACT_LABEL.test(question)) {
      questions.push({ kind: 'contact', text: null });
      previous = null;
      continue;
    }
    previous = question ?? previous;
    if (answer.length > (previous?.length ?? 0)) answered = true;
    questions.push({ kind: 'question', text: previous });
  }
  return answered ? questions : null;
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

/** An error in a part of the document, located in that part: `notes.docx: word/document.xml:2:31: XML_MALFORMED: …`. */
function partError(file: string, part: string, error: InputError): InputError {
  const { line, col } = error.location ?? {};
  const position = line === undefined ? '' : `:${line}${col === undefined ? '' : `:${col}`}`;
  return new InputError(error.reason, {
    location: { file, part: `${part}${position}` },
    hint: error.hint ?? 'the document is damaged; if Word or LibreOffice opens it, save it as .docx again',
    cause: error,
  });
}

/** A part the document can be read without (its styles, its properties), read leniently: when it is damaged, a warning. */
async function readOptionalPart<T>(file: string, part: string, fallback: T, read: () => Promise<T>, warnings: AdapterItem[]): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    warnings.push({
      kind: 'warning',
      message: `${part} could not be read (${error.reason}); the document is read without it`,
      provenance: { file, part },
    });
    return fallback;
  }
}

/** Refuses a file that is not a zip, saying what it looks like instead. */
function checkSignature(source: InputSource): void {
  const head = source.headBytes;
  if (head.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) {
    throw new InputError(`a Word 97-2003 (.doc) or password-protected document; tlap reads .docx documents`, {
      location: { file: source.path },
      hint: 'open it in Word or LibreOffice, remove any password and save it as .docx (Word Document)',
    });
  }
  if (head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return;
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
  const recoveries: { part: string; recovery: XmlRecovery }[] = [];
  const note = (part: string) => (recovery: XmlRecovery) => recoveries.push({ part, recovery });
  const styles = await readOptionalPart(
    source.path,
    STYLES_PART,
    new Map<string, StyleFacts>(),
    () => readStyles(STYLES_PART, parts.get(STYLES_PART)),
    warnings,
  );
  const date = await readOptionalPart(source.path, CORE_PART, null, () => readCreated(CORE_PART, parts.get(CORE_PART)), warnings);
  yield* warnings;
  const notes = new WordNotes(source.path, styles, date);
  try {
    for await (const event of readXmlElements(zipPartSource(DOCUMENT_PART, document), selectDocumentElements, note(DOCUMENT_PART))) {
      yield* recoveryItems(source.path, recoveries);
      yield* notes.read(event);
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    yield* notes.end();
    throw partError(source.path, DOCUMENT_PART, error);
  }
  yield* recoveryItems(source.path, recoveries);
  yield* notes.end();
}

/** Warnings for what the XML reader recovered from, each naming the part and line. */
function* recoveryItems(file: string, recoveries: { part: string; recovery: XmlRecovery }[]): Iterable<AdapterItem> {
  for (const { part, recovery } of recoveries.splice(0)) {
    yield { kind: 'warning', message: recovery.message, provenance: { file, part: `${part}:${recovery.line}` } };
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
    if (!input.headBytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return 0;
    if (input.headBytes.includes(DOCUMENT_PART, 0, 'latin1')) return 0.9;
    return input.headBytes.includes('word/', 0, 'latin1') ? 0.8 : 0;
  },
  read(source) {
    return readDocx(source);
  },
};
