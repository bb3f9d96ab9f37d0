import iconv from 'iconv-lite';
import { buildDocx, formCheckBox, formDropDown, paragraph, run, symbolRun } from './docx-documents.js';
import CFB from 'cfb';

/** One paragraph of a generated Word 97-2003 document: its text and the mark that ends it, with its properties. */
export interface DocParagraph {
  text: string;
  /** `\r` a paragraph mark, `\x07` a cell mark (ending a cell, or a row with `rowEnd`). */
  end: '\r' | '\x07';
  /** Its style's index in the style sheet (istd); 0, Normal, unless given. */
  style?: number;
  inTable?: boolean;
  rowEnd?: boolean;
  /** Its own outline level (0 = level 1, 9 = body text). */
  outline?: number;
  /** Its list: the list format override (0 removes numbering) and level. */
  list?: { ilfo: number; ilvl: number };
}

/** A paragraph style of the style sheet: its name, built-in id (sti) and outline level. */
export interface DocStyle {
  name: string;
  sti?: number;
  outline?: number;
}

/** What goes into a generated Word 97-2003 document. */
export interface DocSpec {
  paragraphs: readonly DocParagraph[];
  /** Styles after Normal (istd 0), from istd 1. */
  styles?: readonly DocStyle[];
  /** Store the text as one byte a character (cp1252), as Word does for text with no other characters. */
  compressed?: boolean;
  /** The FIB's fEncrypted flag. */
  encrypted?: boolean;
  /** Changes made to the streams after they are built (to damage them), before they are packed. */
  tamper?: (streams: { word: Buffer; table: Buffer }) => void;
}

/** A body paragraph. */
export function docParagraph(text: string, properties: Omit<DocParagraph, 'text' | 'end'> = {}): DocParagraph {
  return { text, end: '\r', ...properties };
}

/** A table's paragraphs: each cell's text ended by a cell mark, each row by its row-end mark. */
export function docTable(rows: readonly (readonly string[])[]): DocParagraph[] {
  return rows.flatMap((row) => [
    ...row.map((cell): DocParagraph => ({ text: cell, end: '\x07', inTable: true })),
    { text: '', end: '\x07', inTable: true, rowEnd: true },
  ]);
}

/** Where the FIB's fields are in the WordDocument stream this builder writes (csw 14, cslw 22, 93 fc/lcb pairs). */
export const DOC_LAYOUT = {
  flags: 10,
  ccpText: 64 + 4 * 3,
  fcLcb: (index: number): number => 154 + 8 * index,
  clx: 33,
  stshf: 1,
  btePapx: 13,
  textAt: 1024,
} as const;

const FKP = 512;
const RUNS_PER_PAGE = 12;

function sprm(code: number, operand: Buffer): Buffer {
  const head = Buffer.alloc(2);
  head.writeUInt16LE(code);
  return Buffer.concat([head, operand]);
}

function byte(value: number): Buffer {
  return Buffer.from([value & 0xff]);
}

function word16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16LE(value);
  return buffer;
}

function paragraphProperties(paragraph: DocParagraph): Buffer {
  const parts: Buffer[] = [];
  if (paragraph.inTable === true) parts.push(sprm(0x2416, byte(1)));
  if (paragraph.rowEnd === true) parts.push(sprm(0x2417, byte(1)));
  if (paragraph.outline !== undefined) parts.push(sprm(0x2640, byte(paragraph.outline)));
  if (paragraph.list !== undefined) parts.push(sprm(0x260a, byte(paragraph.list.ilvl)), sprm(0x460b, word16(paragraph.list.ilfo)));
  return Buffer.concat(parts);
}

function styleSheet(styles: readonly DocStyle[]): Buffer {
  const all: DocStyle[] = [{ name: 'Normal', sti: 0 }, ...styles];
  const stshi = Buffer.alloc(18);
  stshi.writeUInt16LE(all.length, 0);
  stshi.writeUInt16LE(10, 2);
  const parts: Buffer[] = [word16(18), stshi];
  for (const [istd, style] of all.entries()) {
    const base = Buffer.alloc(10);
    base.writeUInt16LE((style.sti ?? 0x0ffe) & 0x0fff, 0);
    base.writeUInt16LE(1 | ((istd === 0 ? 0x0fff : 0) << 4), 2);
    base.writeUInt16LE(2, 4);
    const name = Buffer.concat([word16(style.name.length), Buffer.from(style.name, 'utf16le'), Buffer.alloc(2)]);
    const grpprl = style.outline === undefined ? Buffer.alloc(0) : sprm(0x2640, byte(style.outline));
    let std = Buffer.concat([base, name]);
    if (std.length % 2 === 1) std = Buffer.concat([std, Buffer.alloc(1)]);
    std = Buffer.concat([std, word16(2 + grpprl.length), word16(istd), grpprl]);
    if (std.length % 2 === 1) std = Buffer.concat([std, Buffer.alloc(1)]);
    std = Buffer.concat([std, word16(0)]);
    parts.push(word16(std.length), std);
  }
  return Buffer.concat(parts);
}

/** The FKPs of the paragraphs' properties, from page `firstPage` of the WordDocument stream, and their bin table. */
function paragraphPages(
  paragraphs: readonly DocParagraph[],
  ends: readonly number[],
  start: number,
  firstPage: number,
): { pages: Buffer; bin: Buffer } {
  const pages: Buffer[] = [];
  const bounds: number[] = [start];
  const numbers: number[] = [];
  for (let first = 0; first < paragraphs.length; first += RUNS_PER_PAGE) {
    const chunk = paragraphs.slice(first, first + RUNS_PER_PAGE);
    const page = Buffer.alloc(FKP);
    page.writeUInt32LE(first === 0 ? start : (ends[first - 1] ?? 0), 0);
    let free = FKP - 1;
    for (const [index, paragraph] of chunk.entries()) {
      page.writeUInt32LE(ends[first + index] ?? 0, 4 * (index + 1));
      let papx = Buffer.concat([word16(paragraph.style ?? 0), paragraphProperties(paragraph)]);
      if (papx.length % 2 === 1) papx = Buffer.concat([papx, Buffer.alloc(1)]);
      const record = Buffer.concat([byte(0), byte(papx.length / 2), papx]);
      free -= record.length;
      free -= free % 2;
      record.copy(page, free);
      page.writeUInt8(free / 2, 4 * (chunk.length + 1) + 13 * index);
    }
    page.writeUInt8(chunk.length, FKP - 1);
    pages.push(page);
    numbers.push(firstPage + pages.length - 1);
    bounds.push(ends[first + chunk.length - 1] ?? 0);
  }
  const bin = Buffer.alloc(4 * bounds.length + 4 * numbers.length);
  bounds.forEach((bound, index) => bin.writeUInt32LE(bound, 4 * index));
  numbers.forEach((page, index) => bin.writeUInt32LE(page, 4 * bounds.length + 4 * index));
  return { pages: Buffer.concat(pages), bin };
}

/**
 * Builds a Word 97-2003 document ([MS-DOC]) as an OLE2 compound file written with SheetJS cfb: a
 * FIB, the text in one piece (UTF-16, or cp1252 when `compressed`), the paragraphs' properties in
 * FKPs, and a style sheet, with the CLX, the style sheet and the paragraph bin table in `1Table`.
 */
export function buildDoc(spec: DocSpec): Buffer {
  const text = spec.paragraphs.map((paragraph) => paragraph.text + paragraph.end).join('');
  const compressed = spec.compressed === true;
  const stored = compressed ? iconv.encode(text, 'windows-1252') : Buffer.from(text, 'utf16le');
  const width = compressed ? 1 : 2;
  const ends: number[] = [];
  let cp = 0;
  for (const paragraph of spec.paragraphs) {
    cp += paragraph.text.length + 1;
    ends.push(DOC_LAYOUT.textAt + width * cp);
  }
  const firstPage = Math.ceil((DOC_LAYOUT.textAt + stored.length) / FKP);
  const { pages, bin } = paragraphPages(spec.paragraphs, ends, DOC_LAYOUT.textAt, firstPage);
  const word = Buffer.alloc(firstPage * FKP + pages.length);
  word.writeUInt16LE(0xa5ec, 0);
  word.writeUInt16LE(0xc1, 2);
  word.writeUInt16LE(0x0200 | (spec.encrypted === true ? 0x0100 : 0), DOC_LAYOUT.flags);
  word.writeUInt16LE(14, 32);
  word.writeUInt16LE(22, 62);
  word.writeInt32LE(text.length, DOC_LAYOUT.ccpText);
  word.writeUInt16LE(93, 152);
  stored.copy(word, DOC_LAYOUT.textAt);
  pages.copy(word, firstPage * FKP);

  const stsh = styleSheet(spec.styles ?? []);
  const plc = Buffer.alloc(16);
  plc.writeUInt32LE(0, 0);
  plc.writeUInt32LE(text.length, 4);
  plc.writeUInt32LE(compressed ? (DOC_LAYOUT.textAt * 2) | 0x40000000 : DOC_LAYOUT.textAt, 10);
  const clx = Buffer.concat([byte(2), Buffer.alloc(4), plc]);
  clx.writeUInt32LE(plc.length, 1);
  const table = Buffer.concat([stsh, clx, bin]);
  const place = (index: number, at: number, length: number): void => {
    word.writeUInt32LE(at, DOC_LAYOUT.fcLcb(index));
    word.writeUInt32LE(length, DOC_LAYOUT.fcLcb(index) + 4);
  };
  place(DOC_LAYOUT.stshf, 0, stsh.length);
  place(DOC_LAYOUT.clx, stsh.length, clx.length);
  place(DOC_LAYOUT.btePapx, stsh.length + clx.length, bin.length);
  spec.tamper?.({ word, table });

  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', word);
  CFB.utils.cfb_add(container, '/1Table', table);
  CFB.utils.cfb_del(container, '/\u0001Sh33tJ5');
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** An OLE2 compound file holding a password-protected Office Open XML document (EncryptionInfo and EncryptedPackage streams). */
export function buildEncryptedPackage(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  CFB.utils.cfb_del(container, '/\u0001Sh33tJ5');
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** The `damaged-header` fixture: the compound file signature, then zeros. */
export function buildDamagedHeader(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]);
}

/**
 * The Word document the `legacy-form-fields` fixture was converted from: legacy form check boxes
 * (ticked, unticked, ticked by default), a form drop-down, and Wingdings boxes typed with Insert
 * Symbol, each answering the question above it.
 */
export function buildLegacyFormDocx(): Buffer {
  const line = (inner: string): string => `<w:p>${inner}</w:p>`;
  return buildDocx({
    core: { created: '2024-07-02T09:00:00Z' },
    body: [
      paragraph('Q1. Do you use the 42 bus?'),
      line(`${formCheckBox({ checked: true })}${run(' Yes ')}${formCheckBox({ checked: false })}${run(' No')}`),
      paragraph('Which area do you live in?'),
      line(formDropDown(['Northgate', 'Southgate', 'Eastgate'], { result: 1 })),
      paragraph('Do you drive?'),
      line(`${symbolRun('Wingdings', 'F0A8')}${run(' Yes ')}${symbolRun('Wingdings', 'F0FE')}${run(' No')}`),
      line(`${formCheckBox({ default: true })}${run(' I agree to my response being published')}`),
      paragraph('Keep the evening 42, even if it runs every hour.'),
    ].join(''),
  });
}
