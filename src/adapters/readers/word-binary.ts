import iconv from 'iconv-lite';
import type { DocumentParagraph } from './document-notes.js';
import type { CommentAnchor, DocumentComment } from './document-comments.js';
import { MAX_COMMENTED_CHARS } from './document-comments.js';
import { shortenText } from '../../text/shortened-text.js';
import { NoteOutline } from './note-outline.js';
import { isWordPlaceholder } from './word-placeholders.js';
import {
  boxedChoice,
  headingLevel,
  isContentsStyle,
  listLevel,
  symbolFontBox,
  type DropDownChoice,
  type StyleFacts,
  type Styles,
} from './word-paragraphs.js';

/** Why a Word 97-2003 document cannot be read: damaged, encrypted, or from an older Word. */
export class WordBinaryProblem extends Error {
  constructor(
    message: string,
    /** What the user can do about it. */
    readonly hint: string,
  ) {
    super(message);
  }
}

/** One step of a document's body, in order, as the shared notes reader takes them (see DocumentNotes). */
export type WordBinaryEvent =
  { kind: 'table' } | { kind: 'row' } | { kind: 'cell' } | { kind: 'paragraph'; paragraph: DocumentParagraph; inTable: boolean };

/** What is read of a Word 97-2003 document: its body as events, and its reviewers' comments with where they are anchored. */
export interface WordBinaryDocument {
  events: WordBinaryEvent[];
  comments: DocumentComment[];
  anchors: Map<string, CommentAnchor>;
}

/** The streams of a compound file a Word document is read from, by name (null when it has none of that name). */
export type StreamReader = (name: string) => Buffer | null;

const WORD_IDENT = 0xa5ec;
/** The first nFib of Word 97; Word 6 and Word 95 files have lower ones and another layout. */
const WORD_97_NFIB = 0xc1;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TABLE = 0x0200;
const FKP_BYTES = 512;
/** How deep fields are followed; fields nested deeper are only counted, so that their ends still match. */
const MAX_FIELD_DEPTH = 64;
const NO_STYLE_BASE = 0xfff;
/** The most styles a style sheet can index (istd is 12 bits). */
const MAX_STYLES = 4095;

/** Where the FIB's fc/lcb pairs (FibRgFcLcb97) place the tables read, by index. */
const FC = {
  ffn: 15,
  stshf: 1,
  andRef: 4,
  andTxt: 5,
  btePapx: 13,
  bteChpx: 12,
  clx: 33,
  atnOwners: 36,
  atnBkmk: 37,
  atnBkf: 42,
  atnBkl: 43,
};
/** The index of AtrdExtra (comment dates), in FibRgFcLcb2002. */
const FC_ATRD_EXTRA = 112;
/** Where a font's name starts in its FFN: after its flags, weight, character set, alternative name index, PANOSE and signature. */
const FFN_NAME = 39;

/** The property codes (sprms) read: table marks, outline and list levels, deletions, fonts, form field data and symbols. */
const SPRM = {
  inTable: 0x2416,
  ttp: 0x2417,
  itap: 0x6649,
  outline: 0x2640,
  ilvl: 0x260a,
  ilfo: 0x460b,
  deleted: 0x0800,
  font: 0x4a4f,
  picLocation: 0x6a03,
  symbol: 0x6a09,
  defTable: 0xd608,
};

/** Built-in style ids: the first heading, the first table of contents level, the title. */
const STI = { heading: 1, contents: 19, title: 62 };

const CELL_MARK = '\x07';
const FIELD_BEGIN = '\x13';
const FIELD_SEPARATOR = '\x14';
const FIELD_END = '\x15';

/** Where a paragraph of the body lies (character positions `[start, end)`), its text, and the heading path it is under. */
interface ParagraphSpan {
  start: number;
  end: number;
  text: string;
  section: string;
}

/** What a paragraph's properties (its PAPX) say. */
interface ParagraphFacts {
  istd: number;
  inTable: boolean;
  rowEnd: boolean;
  outlineLevel: number | null;
  /** -1 when numbering is removed, null when it says nothing. */
  ownListLevel: number | null;
}

const PLAIN_PARAGRAPH: ParagraphFacts = { istd: 0, inTable: false, rowEnd: false, outlineLevel: null, ownListLevel: null };

/** One piece of the piece table: characters [cpStart, cpEnd) stored from byte `offset`, one byte (cp1252) or two (UTF-16) each. */
interface Piece {
  cpStart: number;
  cpEnd: number;
  offset: number;
  compressed: boolean;
}

function damaged(what: string): WordBinaryProblem {
  return new WordBinaryProblem(
    `a damaged Word 97-2003 document: ${what}`,
    'open it in Word or LibreOffice, and save it again (as .docx if it still fails)',
  );
}

/** A bounds-checked view of a stream. */
class Bytes {
  constructor(
    readonly data: Buffer,
    private readonly name: string,
  ) {}

  u8(at: number): number {
    this.need(at, 1);
    return this.data.readUInt8(at);
  }

  u16(at: number): number {
    this.need(at, 2);
    return this.data.readUInt16LE(at);
  }

  i16(at: number): number {
    this.need(at, 2);
    return this.data.readInt16LE(at);
  }

  u32(at: number): number {
    this.need(at, 4);
    return this.data.readUInt32LE(at);
  }

  i32(at: number): number {
    this.need(at, 4);
    return this.data.readInt32LE(at);
  }

  /** A range `[at, at + length)` that must lie within the stream. */
  slice(at: number, length: number): Buffer {
    this.need(at, length);
    return this.data.subarray(at, at + length);
  }

  need(at: number, length: number): void {
    if (!Number.isInteger(at) || at < 0 || length < 0 || at + length > this.data.length) {
      throw damaged(`a structure lies past the end of its ${this.name} stream (is the file truncated?)`);
    }
  }
}

/** The FIB's fields this reader uses. */
interface Fib {
  tableStream: string;
  ccpText: number;
  ccpFtn: number;
  ccpHdd: number;
  ccpMcr: number;
  ccpAtn: number;
  fcLcb: (index: number) => { fc: number; lcb: number };
}

function readFib(word: Bytes): Fib {
  if (word.data.length < 34 || word.u16(0) !== WORD_IDENT) throw damaged('its WordDocument stream does not start with a Word file header');
  const nFib = word.u16(2);
  const flags = word.u16(10);
  if ((flags & F_ENCRYPTED) !== 0) {
    throw new WordBinaryProblem(
      'a password-protected Word 97-2003 document; tlap cannot read encrypted documents',
      'open it in Word or LibreOffice, remove the password and save it again',
    );
  }
  if (nFib < WORD_97_NFIB) {
    throw new WordBinaryProblem(
      'a Word 6 or Word 95 document, older than the Word 97-2003 format tlap reads',
      'open it in Word or LibreOffice and save it as .docx',
    );
  }
  const csw = word.u16(32);
  const lwAt = 34 + 2 * csw + 2;
  const cslw = word.u16(lwAt - 2);
  if (cslw < 11) throw damaged('its file header is too short');
  const lw = (index: number): number => Math.max(0, word.i32(lwAt + 4 * index));
  const fcAt = lwAt + 4 * cslw + 2;
  const pairs = word.u16(fcAt - 2);
  return {
    tableStream: (flags & F_WHICH_TABLE) !== 0 ? '1Table' : '0Table',
    ccpText: lw(3),
    ccpFtn: lw(4),
    ccpHdd: lw(5),
    ccpMcr: lw(6),
    ccpAtn: lw(7),
    fcLcb: (index) => (index < pairs ? { fc: word.u32(fcAt + 8 * index), lcb: word.u32(fcAt + 8 * index + 4) } : { fc: 0, lcb: 0 }),
  };
}

/** The piece table of the CLX: where each run of characters is stored. */
function readPieces(table: Bytes, word: Bytes, clx: { fc: number; lcb: number }): Piece[] {
  if (clx.lcb === 0) throw damaged('it has no piece table');
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  table.need(at, clx.lcb);
  while (at < end && table.u8(at) === 0x01) at += 3 + Math.max(0, table.i16(at + 1));
  if (at >= end || table.u8(at) !== 0x02) throw damaged('its piece table is missing from the table stream');
  const lcb = table.u32(at + 1);
  const plc = at + 5;
  table.need(plc, lcb);
  if (lcb < 16 || (lcb - 4) % 12 !== 0) throw damaged('its piece table has a wrong size');
  const count = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  let previous = 0;
  for (let index = 0; index < count; index += 1) {
    const cpStart = table.u32(plc + 4 * index);
    const cpEnd = table.u32(plc + 4 * index + 4);
    if (cpStart !== previous || cpEnd < cpStart) throw damaged('its piece table is out of order');
    previous = cpEnd;
    const raw = table.u32(plc + 4 * (count + 1) + 8 * index + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const offset = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
    word.need(offset, (cpEnd - cpStart) * (compressed ? 1 : 2));
    pieces.push({ cpStart, cpEnd, offset, compressed });
  }
  return pieces;
}

/** The document's characters `[from, to)` as one string, one UTF-16 unit per character position. */
function textOf(word: Bytes, pieces: readonly Piece[], from: number, to: number): string {
  const parts: string[] = [];
  for (const piece of pieces) {
    const start = Math.max(from, piece.cpStart);
    const end = Math.min(to, piece.cpEnd);
    if (start >= end) continue;
    const skip = start - piece.cpStart;
    parts.push(
      piece.compressed
        ? iconv.decode(word.slice(piece.offset + skip, end - start), 'windows-1252')
        : word.slice(piece.offset + 2 * skip, 2 * (end - start)).toString('utf16le'),
    );
  }
  return parts.join('');
}

/** The file offset of the character at `cp`, or null when no piece holds it. */
function fcOf(pieces: readonly Piece[], cp: number): number | null {
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const piece = pieces[middle] as Piece;
    if (cp < piece.cpStart) high = middle - 1;
    else if (cp >= piece.cpEnd) low = middle + 1;
    else return piece.offset + (cp - piece.cpStart) * (piece.compressed ? 1 : 2);
  }
  return null;
}

/** How many bytes a property's operand takes, from its sprm and the bytes after it. */
function operandSize(grpprl: Bytes, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return sprm === SPRM.defTable ? 1 + grpprl.u16(at) : 1 + grpprl.u8(at);
  }
}

/** Each property (sprm and where its operand starts) of a list of properties in `[from, to)`. */
function* properties(bytes: Bytes, from: number, to: number): Iterable<{ sprm: number; at: number }> {
  let at = from;
  while (at + 2 <= to) {
    const sprm = bytes.u16(at);
    const size = operandSize(bytes, sprm, at + 2);
    if (at + 2 + size > to) return;
    yield { sprm, at: at + 2 };
    at += 2 + size;
  }
}

/** What paragraph properties say about headings and lists, on top of `base`. */
function paragraphFacts(bytes: Bytes, from: number, to: number, base: ParagraphFacts): ParagraphFacts {
  const facts = { ...base };
  let ilvl: number | null = null;
  let ilfo: number | null = null;
  for (const { sprm, at } of properties(bytes, from, to)) {
    if (sprm === SPRM.inTable) facts.inTable = bytes.u8(at) !== 0;
    else if (sprm === SPRM.ttp) facts.rowEnd = bytes.u8(at) !== 0;
    else if (sprm === SPRM.itap) facts.inTable = bytes.i32(at) > 0;
    else if (sprm === SPRM.outline) facts.outlineLevel = bytes.u8(at);
    else if (sprm === SPRM.ilvl) ilvl = bytes.u8(at);
    else if (sprm === SPRM.ilfo) ilfo = bytes.i16(at);
  }
  if (ilfo !== null) facts.ownListLevel = ilfo === 0 ? -1 : Math.min(ilvl ?? 0, 8);
  return facts;
}

/**
 * Reads the properties of a paragraph or character by the file offset of one of its characters:
 * the bin table (PlcBte) names the 512-byte page (FKP) of the WordDocument stream that holds them.
 */
class FormattedPages {
  private readonly bounds: number[] = [];
  private readonly pages: number[] = [];

  constructor(
    private readonly word: Bytes,
    table: Bytes,
    plc: { fc: number; lcb: number },
  ) {
    if (plc.lcb === 0) return;
    table.need(plc.fc, plc.lcb);
    if (plc.lcb < 12 || (plc.lcb - 4) % 8 !== 0) throw damaged('its formatting bin table has a wrong size');
    const count = (plc.lcb - 4) / 8;
    for (let index = 0; index <= count; index += 1) this.bounds.push(table.u32(plc.fc + 4 * index));
    for (let index = 0; index < count; index += 1) this.pages.push(table.u32(plc.fc + 4 * (count + 1) + 4 * index) & 0x3fffff);
  }

  /** The page holding `fc` and the index of its run there, or null. */
  run(fc: number): { page: number; index: number; crun: number } | null {
    let low = 0;
    let high = this.pages.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (fc < (this.bounds[middle] ?? 0)) high = middle - 1;
      else if (fc >= (this.bounds[middle + 1] ?? 0)) low = middle + 1;
      else {
        found = middle;
        break;
      }
    }
    if (found < 0) return null;
    const page = (this.pages[found] ?? 0) * FKP_BYTES;
    this.word.need(page, FKP_BYTES);
    const crun = this.word.u8(page + FKP_BYTES - 1);
    for (let index = 0; index < crun; index += 1) {
      if (fc >= this.word.u32(page + 4 * index) && fc < this.word.u32(page + 4 * index + 4)) return { page, index, crun };
    }
    return null;
  }
}

/** What the paragraph whose mark is at file offset `fc` says of itself (its PAPX). */
function paragraphAt(word: Bytes, pages: FormattedPages, fc: number | null): ParagraphFacts {
  const run = fc === null ? null : pages.run(fc);
  if (run === null) return PLAIN_PARAGRAPH;
  const bx = word.u8(run.page + 4 * (run.crun + 1) + 13 * run.index);
  if (bx === 0) return PLAIN_PARAGRAPH;
  const at = run.page + 2 * bx;
  const cb = word.u8(at);
  const start = cb === 0 ? at + 2 : at + 1;
  const length = cb === 0 ? 2 * word.u8(at + 1) : 2 * cb - 1;
  const end = Math.min(start + length, run.page + FKP_BYTES - 1);
  if (end < start + 2) return PLAIN_PARAGRAPH;
  return paragraphFacts(word, start + 2, end, { ...PLAIN_PARAGRAPH, istd: word.u16(start) });
}

/** What a run of characters' properties (its CHPX) say that changes its text. */
interface CharacterFacts {
  /** Deleted text of a tracked change. */
  deleted: boolean;
  /** The font of its characters (sprmCRgFtc0), as an index into the font table. */
  font: number | null;
  /** Where its picture or form field data is in the Data stream (sprmCPicLocation). */
  data: number | null;
  /** The symbol it draws (sprmCSymbol): a font and a character. */
  symbol: { font: number; code: number } | null;
}

const PLAIN_CHARACTERS: CharacterFacts = { deleted: false, font: null, data: null, symbol: null };

/** The properties of the character at a file offset, with the last run's kept for the characters after it. */
class CharacterRuns {
  private last: { from: number; to: number; facts: CharacterFacts } | null = null;

  constructor(
    private readonly word: Bytes,
    private readonly pages: FormattedPages,
  ) {}

  at(fc: number | null): CharacterFacts {
    if (fc === null) return PLAIN_CHARACTERS;
    if (this.last !== null && fc >= this.last.from && fc < this.last.to) return this.last.facts;
    const run = this.pages.run(fc);
    if (run === null) return PLAIN_CHARACTERS;
    const from = this.word.u32(run.page + 4 * run.index);
    const to = this.word.u32(run.page + 4 * run.index + 4);
    const facts = characterFacts(this.word, run);
    this.last = { from, to, facts };
    return facts;
  }
}

function characterFacts(word: Bytes, run: { page: number; index: number; crun: number }): CharacterFacts {
  const offset = word.u8(run.page + 4 * (run.crun + 1) + run.index);
  if (offset === 0) return PLAIN_CHARACTERS;
  const at = run.page + 2 * offset;
  const end = Math.min(at + 1 + word.u8(at), run.page + FKP_BYTES - 1);
  const facts = { ...PLAIN_CHARACTERS };
  for (const { sprm, at: operand } of properties(word, at + 1, end)) {
    if (sprm === SPRM.deleted) facts.deleted = (word.u8(operand) & 0x01) !== 0;
    else if (sprm === SPRM.font) facts.font = word.u16(operand);
    else if (sprm === SPRM.picLocation) facts.data = word.u32(operand);
    else if (sprm === SPRM.symbol) facts.symbol = { font: word.u16(operand), code: word.u16(operand + 2) };
  }
  return facts;
}

/** The font names of the font table (SttbfFfn), by index. */
function readFonts(table: Bytes, fonts: { fc: number; lcb: number }): string[] {
  const names: string[] = [];
  if (fonts.lcb < 4) return names;
  table.need(fonts.fc, fonts.lcb);
  const end = fonts.fc + fonts.lcb;
  const count = table.u16(fonts.fc);
  let at = fonts.fc + 4;
  for (let index = 0; index < count && at < end; index += 1) {
    const size = table.u8(at);
    const ffn = at + 1;
    at = ffn + size;
    if (at > end) break;
    const chars = table.slice(ffn + FFN_NAME, Math.max(0, size - FFN_NAME)).toString('utf16le');
    names.push(chars.split('\0')[0] ?? '');
  }
  return names;
}

/** A legacy form field's data (FFData): a check box's state, or a drop-down's entries and chosen one. */
type FormField = { kind: 'check-box'; checked: boolean } | { kind: 'drop-down'; choice: DropDownChoice } | null;

/**
 * Reads the FFData of a legacy form field (FORMCHECKBOX, FORMDROPDOWN) from the Data stream at
 * `offset`: after its 68-byte header, its type and result, then its strings, then a drop-down's
 * entries. A result of 25 means the field's default. Null for a text field or damaged data.
 */
function readFormField(data: Bytes | null, offset: number): FormField {
  if (data === null) return null;
  try {
    let at = offset + 68;
    if (data.u32(at) !== 0xffffffff) return null;
    const bits = data.u16(at + 4);
    const type = bits & 0x03;
    const result = (bits >> 2) & 0x1f;
    at += 10;
    const skipString = (): void => {
      at += 2 + 2 * data.u16(at) + 2;
    };
    skipString();
    if (type === 0) return null;
    const fallback = data.u16(at);
    at += 2;
    for (let string = 0; string < 5; string += 1) skipString();
    const chosen = result === 25 ? fallback : result;
    if (type === 1) return { kind: 'check-box', checked: chosen !== 0 };
    if (type !== 2) return null;
    const extended = data.u16(at) === 0xffff;
    const count = data.u16(at + (extended ? 2 : 0));
    at += extended ? 6 : 4;
    const options: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const chars = data.u16(at);
      options.push(
        data
          .slice(at + 2, 2 * chars)
          .toString('utf16le')
          .trim(),
      );
      at += 2 + 2 * chars;
    }
    return { kind: 'drop-down', choice: { chosen: options[chosen] ?? '', options: options.filter((option) => option !== '') } };
  } catch (error) {
    if (error instanceof WordBinaryProblem) return null;
    throw error;
  }
}

/**
 * The English name of a built-in style that says what a paragraph is (`heading 1`…`heading 9`,
 * `Title`, `toc 1`…`toc 9`), by its built-in id (sti): a Word in another language stores these
 * styles under translated names. Null for any other style.
 */
function builtInStyleName(sti: number): string | null {
  if (sti >= STI.heading && sti < STI.heading + 9) return `heading ${sti - STI.heading + 1}`;
  if (sti >= STI.contents && sti < STI.contents + 9) return `toc ${sti - STI.contents + 1}`;
  return sti === STI.title ? 'Title' : null;
}

/** The style sheet (STSH): each paragraph style's name, base, and the outline and list level it gives, by istd. */
function readStyles(table: Bytes, stsh: { fc: number; lcb: number }): Map<string, StyleFacts> {
  const styles = new Map<string, StyleFacts>();
  if (stsh.lcb < 4) return styles;
  table.need(stsh.fc, stsh.lcb);
  const end = stsh.fc + stsh.lcb;
  const cbStshi = table.u16(stsh.fc);
  const cstd = Math.min(table.u16(stsh.fc + 2), MAX_STYLES);
  const baseSize = table.u16(stsh.fc + 4);
  let at = stsh.fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd += 1) {
    const cbStd = table.u16(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0 || at > end || cbStd < baseSize + 2) continue;
    const sti = table.u16(std) & 0x0fff;
    const kind = table.u16(std + 2) & 0x000f;
    const base = table.u16(std + 2) >> 4;
    if (kind !== 1) continue;
    const nameAt = std + baseSize;
    const chars = Math.min(table.u16(nameAt), (at - nameAt - 2) >> 1);
    const name = table.slice(nameAt + 2, 2 * chars).toString('utf16le');
    let upx = nameAt + 2 + 2 * (chars + 1);
    upx += upx % 2;
    let facts: ParagraphFacts = PLAIN_PARAGRAPH;
    if (upx + 4 <= at) {
      const size = table.u16(upx);
      facts = paragraphFacts(table, upx + 4, Math.min(upx + 2 + size, at), PLAIN_PARAGRAPH);
    }
    styles.set(String(istd), {
      name: builtInStyleName(sti) ?? (name !== '' ? name : String(istd)),
      basedOn: base === NO_STYLE_BASE ? null : String(base),
      outlineLevel: facts.outlineLevel,
      listLevel: facts.ownListLevel,
    });
  }
  return styles;
}

/** What a character needs beside itself to be read: its properties, the font table, and the Data stream of form fields. */
interface CharacterContext {
  facts: CharacterFacts;
  fonts: readonly string[];
  data: Bytes | null;
}

/**
 * A paragraph's characters as they read: field codes left out and their results kept, a legacy
 * form check box as `☒` or `☐` from its state and a form drop-down as its chosen entry (alone in
 * the paragraph, as all its entries in boxes), a Wingdings box as `☐`, `☑` or `☒`, a tab as a
 * space, a line break as a line break, a non-breaking hyphen as a hyphen, and the marks of
 * pictures, footnotes and comments and other control characters dropped.
 */
class ParagraphText {
  private readonly parts: string[] = [];
  /** Per open field, whether its result has begun (its code is over), and its form field data. */
  private readonly fields: { result: boolean; form: FormField }[] = [];
  private deeper = 0;
  private readonly dropDowns: { at: number; boxed: string | null }[] = [];

  add(character: string, context: CharacterContext | null): void {
    if (character === FIELD_BEGIN) {
      if (this.fields.length < MAX_FIELD_DEPTH) this.fields.push({ result: false, form: null });
      else this.deeper += 1;
      return;
    }
    const top = this.fields.at(-1);
    if (character === FIELD_SEPARATOR) {
      if (this.deeper === 0 && top !== undefined) top.result = true;
      return;
    }
    if (character === FIELD_END) {
      if (this.deeper > 0) {
        this.deeper -= 1;
        return;
      }
      const field = this.fields.pop();
      if (field !== undefined && field.form !== null && this.visible()) this.addForm(field.form);
      return;
    }
    if (context?.facts.deleted === true || this.deeper > 0) return;
    if (top !== undefined && !top.result) {
      if (character === '\x01' && context !== null && context.facts.data !== null)
        top.form = readFormField(context.data, context.facts.data);
      return;
    }
    if (!this.visible()) return;
    const code = character.charCodeAt(0);
    const symbol = context?.facts.symbol ?? null;
    if (symbol !== null) {
      this.parts.push(symbolFontBox(context?.fonts[symbol.font] ?? '', symbol.code));
    } else if (code >= 0xf000 && code <= 0xf0ff) {
      this.parts.push(symbolFontBox(context?.fonts[context.facts.font ?? -1] ?? '', code));
    } else if (character === '\t') this.parts.push(' ');
    else if (character === '\x0b' || character === '\x0e') this.parts.push('\n');
    else if (character === '\x1e') this.parts.push('-');
    else if (code >= 0x20 || character === '\n') this.parts.push(character);
  }

  private visible(): boolean {
    return this.fields.every((field) => field.result);
  }

  private addForm(form: NonNullable<FormField>): void {
    if (form.kind === 'check-box') {
      this.parts.push(form.checked ? '☒ ' : '☐ ');
      return;
    }
    this.dropDowns.push({ at: this.parts.length, boxed: boxedChoice(form.choice) });
    this.parts.push(form.choice.chosen);
  }

  /** The text read, trimmed as a Word paragraph's is; empties it for the next paragraph (open fields carry on). */
  take(): string {
    const only = this.dropDowns.length === 1 ? this.dropDowns[0] : undefined;
    if (only !== undefined && only.boxed !== null && this.parts.every((part, index) => index === only.at || part.trim() === '')) {
      this.parts[only.at] = only.boxed;
    }
    const text = this.parts
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .trim();
    this.parts.length = 0;
    this.dropDowns.length = 0;
    return text;
  }
}

/**
 * Reads the main text `[0, ccpText)` into events: each paragraph (ended by a paragraph mark, a
 * cell mark or a section break) with its heading and list level; where a table, its rows and
 * its cells open. A cell mark ends a cell unless its paragraph ends a row (TTP).
 */
function bodyEvents(
  word: Bytes,
  pieces: readonly Piece[],
  end: number,
  paragraphs: FormattedPages,
  characters: (fc: number | null) => CharacterContext,
  styles: Styles,
): { events: WordBinaryEvent[]; spans: ParagraphSpan[]; text: string } {
  const events: WordBinaryEvent[] = [];
  const spans: ParagraphSpan[] = [];
  const outline = new NoteOutline();
  let start = 0;
  const text = textOf(word, pieces, 0, end);
  const reader = new ParagraphText();
  let table: 'none' | 'row-ended' | 'cell-ended' | 'in-cell' = 'none';
  for (let cp = 0; cp < text.length; cp += 1) {
    const character = text[cp] as string;
    if (character !== '\r' && character !== CELL_MARK && character !== '\x0c') {
      reader.add(character, characters(fcOf(pieces, cp)));
      continue;
    }
    const facts = paragraphAt(word, paragraphs, fcOf(pieces, cp));
    const read = reader.take();
    const paragraphText = isWordPlaceholder(read) ? '' : read;
    const heading = headingLevel(styles, String(facts.istd), facts.outlineLevel);
    if (heading !== null && paragraphText !== '') outline.setHeading(heading, paragraphText);
    spans.push({ start, end: cp + 1, text: paragraphText, section: outline.section() });
    start = cp + 1;
    const inTable = facts.inTable || character === CELL_MARK;
    if (!inTable) {
      table = 'none';
    } else if (table === 'none') {
      events.push({ kind: 'table' }, { kind: 'row' }, { kind: 'cell' });
      table = 'in-cell';
    } else if (table === 'row-ended') {
      events.push({ kind: 'row' }, { kind: 'cell' });
      table = 'in-cell';
    } else if (table === 'cell-ended') {
      if (character === CELL_MARK && facts.rowEnd) {
        table = 'row-ended';
        continue;
      }
      events.push({ kind: 'cell' });
      table = 'in-cell';
    }
    if (character === CELL_MARK && facts.rowEnd && paragraphText === '') {
      table = 'row-ended';
      continue;
    }
    events.push({
      kind: 'paragraph',
      paragraph: {
        text: paragraphText,
        heading,
        listLevel: listLevel(styles, String(facts.istd), facts.ownListLevel),
        contents: isContentsStyle(styles, String(facts.istd)),
      },
      inTable,
    });
    if (character === CELL_MARK) table = 'cell-ended';
  }
  return { events, spans, text };
}

/** The authors of comments (GrpXstAtnOwners), in order. */
function readAuthors(table: Bytes, owners: { fc: number; lcb: number }): string[] {
  const authors: string[] = [];
  if (owners.lcb === 0) return authors;
  table.need(owners.fc, owners.lcb);
  const end = owners.fc + owners.lcb;
  for (let at = owners.fc; at + 2 <= end;) {
    const chars = table.u16(at);
    if (at + 2 + 2 * chars > end) break;
    authors.push(table.slice(at + 2, 2 * chars).toString('utf16le'));
    at += 2 + 2 * chars;
  }
  return authors;
}

/** A PLC's character positions: `count + 1` of them from `fc`. */
function positions(table: Bytes, fc: number, count: number): number[] {
  const cps: number[] = [];
  for (let index = 0; index <= count; index += 1) cps.push(table.u32(fc + 4 * index));
  return cps;
}

/** The character ranges of comments by their bookmark tag: SttbfAtnBkmk names the tags, PlcfAtnBkf and PlcfAtnBkl the starts and ends. */
function commentRanges(table: Bytes, fib: Fib): Map<number, { start: number; end: number }> {
  const ranges = new Map<number, { start: number; end: number }>();
  const names = fib.fcLcb(FC.atnBkmk);
  const starts = fib.fcLcb(FC.atnBkf);
  const ends = fib.fcLcb(FC.atnBkl);
  if (names.lcb < 6 || starts.lcb < 4 || ends.lcb < 4) return ranges;
  table.need(names.fc, names.lcb);
  const extended = table.u16(names.fc) === 0xffff;
  const count = Math.min(table.u16(names.fc + (extended ? 2 : 0)), Math.floor((starts.lcb - 4) / 8));
  const extra = table.u16(names.fc + (extended ? 4 : 2));
  const startCps = positions(table, starts.fc, count);
  const endCount = (ends.lcb - 4) / 4;
  const endCps = positions(table, ends.fc, Math.max(0, Math.floor(endCount)));
  let at = names.fc + (extended ? 6 : 4);
  for (let index = 0; index < count; index += 1) {
    const chars = table.u16(at);
    const tagAt = at + 2 + (extended ? 2 : 1) * chars + 2;
    if (extra >= 6) {
      const tag = table.i32(tagAt);
      const endIndex = table.u16(starts.fc + 4 * (count + 1) + 4 * index);
      const start = startCps[index] ?? 0;
      const rangeEnd = endCps[endIndex];
      if (rangeEnd !== undefined && rangeEnd >= start) ranges.set(tag, { start, end: rangeEnd });
    }
    at += 2 + (extended ? 2 : 1) * chars + extra;
  }
  return ranges;
}

/** A DTTM (minutes, hours, day, month, years since 1900) as an ISO 8601 date in UTC, as Word's comment dates are kept; null when unset or impossible. */
function dttmDate(value: number): string | null {
  const minute = value & 0x3f;
  const hour = (value >>> 6) & 0x1f;
  const day = (value >>> 11) & 0x1f;
  const month = (value >>> 16) & 0x0f;
  const year = 1900 + ((value >>> 20) & 0x1ff);
  if (value === 0 || day === 0 || month === 0 || month > 12 || hour > 23 || minute > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return date.getUTCDate() === day ? date.toISOString() : null;
}

/** The text of characters `[from, to)` as a comment or a commented passage reads: paragraphs joined by `joiner`. */
function plainText(text: string, from: number, to: number, joiner: string): string {
  const reader = new ParagraphText();
  const lines: string[] = [];
  for (let cp = Math.max(0, from); cp < Math.min(to, text.length); cp += 1) {
    const character = text[cp] as string;
    if (character === '\r' || character === CELL_MARK || character === '\x0c') lines.push(reader.take());
    else reader.add(character, null);
  }
  lines.push(reader.take());
  return lines.filter((line) => line !== '').join(joiner);
}

/** The body paragraph holding character `cp`. */
function spanAt(spans: readonly ParagraphSpan[], cp: number): ParagraphSpan | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as ParagraphSpan;
    if (cp < span.start) high = middle - 1;
    else if (cp >= span.end) low = middle + 1;
    else return span;
  }
  return undefined;
}

/**
 * The reviewers' comments (annotations): their text after the main text, footnotes and headers,
 * each ended where the next begins (PlcfandTxt); their authors (GrpXstAtnOwners, by the index each
 * reference gives in PlcfandRef); their dates when the document keeps them (AtrdExtra); and where
 * each is anchored: the words its bookmark spans, else the paragraph of its reference mark.
 */
function readComments(
  word: Bytes,
  table: Bytes,
  pieces: readonly Piece[],
  fib: Fib,
  body: { spans: readonly ParagraphSpan[]; text: string },
): { comments: DocumentComment[]; anchors: Map<string, CommentAnchor> } {
  const comments: DocumentComment[] = [];
  const anchors = new Map<string, CommentAnchor>();
  const references = fib.fcLcb(FC.andRef);
  const texts = fib.fcLcb(FC.andTxt);
  if (fib.ccpAtn === 0 || references.lcb < 4 + 34 || texts.lcb < 8) return { comments, anchors };
  table.need(references.fc, references.lcb);
  table.need(texts.fc, texts.lcb);
  const count = Math.min(Math.floor((references.lcb - 4) / 34), texts.lcb / 4 - 1);
  const atnStart = fib.ccpText + fib.ccpFtn + fib.ccpHdd + fib.ccpMcr;
  const atnText = textOf(word, pieces, atnStart, atnStart + fib.ccpAtn);
  const textCps = positions(table, texts.fc, count);
  const referenceCps = positions(table, references.fc, count);
  const authors = readAuthors(table, fib.fcLcb(FC.atnOwners));
  const ranges = commentRanges(table, fib);
  const extra = fib.fcLcb(FC_ATRD_EXTRA);
  for (let index = 0; index < count; index += 1) {
    const atrd = references.fc + 4 * (count + 1) + 30 * index;
    const author = authors[table.i16(atrd + 20)]?.trim() ?? '';
    const tag = table.i32(atrd + 26);
    const date = extra.lcb >= 18 * (index + 1) ? dttmDate(table.u32(extra.fc + 18 * index)) : null;
    const id = String(index);
    comments.push({
      id,
      author: author === '' ? null : author,
      date,
      text: plainText(atnText, textCps[index] ?? 0, textCps[index + 1] ?? 0, '\n'),
      threadId: null,
      parentThreadId: null,
      resolved: false,
    });
    const range = tag === -1 ? undefined : ranges.get(tag);
    const reference = spanAt(body.spans, referenceCps[index] ?? 0);
    const span = spanAt(body.spans, range?.start ?? referenceCps[index] ?? 0) ?? reference;
    if (span === undefined) continue;
    const words = range === undefined ? span.text : plainText(body.text, range.start, range.end, ' ');
    anchors.set(id, { text: shortenText(words, MAX_COMMENTED_CHARS), section: span.section });
  }
  return { comments, anchors };
}

/** The most a Word 97-2003 document's main text may hold, in characters: more than its WordDocument stream could store is damage. */
function checkCounts(fib: Fib, word: Bytes): void {
  const total = fib.ccpText + fib.ccpFtn + fib.ccpHdd + fib.ccpMcr + fib.ccpAtn;
  if (total > word.data.length) throw damaged('its file header counts more characters than the file holds (is it truncated?)');
}

/**
 * Reads a Word 97-2003 document ([MS-DOC]) from its compound file's streams: the main text through
 * the piece table, each paragraph's style (heading, list, table of contents) and table marks, and
 * its comments. Every structure is bounds-checked against its stream and every loop is bounded by
 * a stream's size, so a damaged or hostile file is a {@link WordBinaryProblem}, never a crash.
 */
export function readWordBinary(streams: StreamReader): WordBinaryDocument {
  const wordData = streams('WordDocument');
  if (wordData === null) throw damaged('it has no WordDocument stream');
  const word = new Bytes(wordData, 'WordDocument');
  const fib = readFib(word);
  const tableData = streams(fib.tableStream);
  if (tableData === null) throw damaged(`it has no ${fib.tableStream} stream`);
  const table = new Bytes(tableData, fib.tableStream);
  checkCounts(fib, word);
  const pieces = readPieces(table, word, fib.fcLcb(FC.clx));
  const styles = readStyles(table, fib.fcLcb(FC.stshf));
  const paragraphs = new FormattedPages(word, table, fib.fcLcb(FC.btePapx));
  const runs = new CharacterRuns(word, new FormattedPages(word, table, fib.fcLcb(FC.bteChpx)));
  const fonts = readFonts(table, fib.fcLcb(FC.ffn));
  const dataStream = streams('Data');
  const data = dataStream === null ? null : new Bytes(dataStream, 'Data');
  const context: CharacterContext = { facts: PLAIN_CHARACTERS, fonts, data };
  const characters = (fc: number | null): CharacterContext => {
    context.facts = runs.at(fc);
    return context;
  };
  const body = bodyEvents(word, pieces, fib.ccpText, paragraphs, characters, styles);
  const { comments, anchors } = readComments(word, table, pieces, fib, body);
  return { events: body.events, comments, anchors };
}
