import { createHash } from 'node:crypto';

/**
 * A font of the generated PDFs: the standard Helvetica faces, Symbol for Word's bullets, and
 * Helvetica with the ballot boxes `☐` and `☒` (as a form typed in Word and saved as PDF draws them).
 */
export type PdfFont = 'regular' | 'bold' | 'symbol' | 'boxes';

/** One run of text placed on a page, in PDF points from the bottom left corner of an A4 page. */
export interface PdfText {
  text: string;
  x: number;
  y: number;
  /** Font size in points; 11 unless given. */
  size?: number;
  font?: PdfFont;
  /** Turned by this many degrees (a watermark). */
  rotate?: number;
  /** Extra width of each space, in points (the `Tw` a justified line is set with). */
  wordSpacing?: number;
}

/** A text field of a fillable form, as filled in: its name, tooltip, value and box (left, bottom, right, top). */
export interface PdfField {
  name: string;
  tooltip?: string;
  value: string;
  rect: readonly [number, number, number, number];
  multiline?: boolean;
}

/**
 * A check box of a fillable form as saved: its name, its on state (`Yes` unless given, as
 * Acrobat names it; an exported form's `On`, `Agree` or `1`), whether it is ticked, and its box.
 * Written as Acrobat and LibreOffice write one: the field's `/V` and the widget's `/AS` both the
 * on state or `/Off`, and an `/AP /N` appearance for each state.
 */
export interface PdfCheckBox {
  name: string;
  onState?: string;
  checked: boolean;
  rect: readonly [number, number, number, number];
  /** Hidden (annotation flag 2), as a form hides a box that does not apply. */
  hidden?: boolean;
}

/**
 * A group of radio buttons of a fillable form as saved: one field (its name, and `/V` the chosen
 * button's on state, or `/Off` when none is chosen) whose kids are the buttons' widgets, each
 * with its own on state, `/AS` and `/AP /N` appearances.
 */
export interface PdfRadioGroup {
  name: string;
  /** The on state of the chosen button, or null. */
  chosen: string | null;
  buttons: readonly { state: string; rect: readonly [number, number, number, number] }[];
}

/**
 * A drop-down (combo box) or list box of a fillable form as saved: its options (`[export value,
 * shown text]` or one text for both), the chosen export values in `/V`, and its box.
 */
export interface PdfChoice {
  name: string;
  tooltip?: string;
  options: readonly (string | readonly [string, string])[];
  chosen: readonly string[];
  rect: readonly [number, number, number, number];
  /** A list box (any number chosen) rather than a drop-down. */
  list?: boolean;
}

/**
 * An annotation a reviewer (or a respondent typing onto a flat form) leaves on a page, written as
 * Acrobat writes one: its subtype, note (`/Contents`), author (`/T`), dates, box, the boxes of the
 * words it marks (as `/QuadPoints`, each box's corners top left, top right, bottom left, bottom
 * right), the annotation it answers (`/IRT`, by its index among the page's annotations; `/RT
 * /Group` when `group`), its intent (`/IT`) and a pop-up to show its note.
 */
export interface PdfAnnotation {
  subtype: 'Text' | 'FreeText' | 'Highlight' | 'Underline' | 'StrikeOut' | 'Squiggly' | 'Caret' | 'Square' | 'Link';
  contents?: string;
  author?: string;
  /** `/CreationDate` and `/M`, as PDF date strings. */
  created?: string;
  modified?: string;
  rect: readonly [number, number, number, number];
  quads?: readonly (readonly [number, number, number, number])[];
  replyTo?: number;
  group?: boolean;
  intent?: string;
  popup?: boolean;
}

/** One page: its runs of text, whether it shows a scanned image, its filled-in form fields and its annotations. */
export interface PdfPage {
  texts: readonly PdfText[];
  image?: boolean;
  fields?: readonly PdfField[];
  checkBoxes?: readonly PdfCheckBox[];
  radioGroups?: readonly PdfRadioGroup[];
  choices?: readonly PdfChoice[];
  annotations?: readonly PdfAnnotation[];
}

/** The box (left, bottom, right, top) of `part` of a run, as a highlight over those words marks it. */
export function wordsBox(run: PdfText, part: string): [number, number, number, number] {
  const size = run.size ?? 11;
  const at = run.text.indexOf(part);
  if (at < 0) throw new Error(`${JSON.stringify(part)} is not in ${JSON.stringify(run.text)}`);
  const left = run.x + textWidth(run.text.slice(0, at), size);
  return [left, run.y - 0.22 * size, left + textWidth(part, size), run.y + 0.9 * size];
}

/** What a generated PDF holds. */
export interface PdfContent {
  pages: readonly PdfPage[];
  /** The info dictionary's `CreationDate` and `ModDate`, as PDF date strings (`D:20240315103000Z`). */
  created?: string;
  modified?: string;
  /** Encrypted with a user password (the text is left unencrypted: a reader asks for the password before reading anything). */
  password?: boolean;
  /** Encrypted with an owner password only, as a PDF "secured" against editing or copying is: anyone can open it. */
  restricted?: boolean;
  /** A page after the others that points at an object the file does not hold (a damaged page). */
  missingPage?: boolean;
}

const FONT_KEYS: Readonly<Record<PdfFont, string>> = { regular: 'F1', bold: 'F2', symbol: 'F3', boxes: 'F4' };

/** The codes of the ballot boxes in the `boxes` font, named in its encoding's differences. */
const BOX_CODES: ReadonlyMap<string, number> = new Map([
  ['☐', 1],
  ['☒', 2],
]);

/** Unicode characters outside Latin-1 and their WinAnsiEncoding bytes. */
const WIN_ANSI: ReadonlyMap<string, number> = new Map([
  ['€', 0x80],
  ['…', 0x85],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['™', 0x99],
]);

/** A run's text as a PDF hex string in WinAnsiEncoding (Symbol's own codes for the symbol font: `•` is 0xB7). */
function hexString(text: string, font: PdfFont): string {
  const bytes = [...text].map((character) => {
    if (font === 'symbol') {
      if (character === '•') return 0xb7;
      throw new Error(`the symbol font here has only •, not ${character}`);
    }
    const box = font === 'boxes' ? BOX_CODES.get(character) : undefined;
    if (box !== undefined) return box;
    const code = character.codePointAt(0) ?? 0;
    const mapped = WIN_ANSI.get(character) ?? (code >= 0x20 && code <= 0xff && (code < 0x7f || code >= 0xa0) ? code : undefined);
    if (mapped === undefined) throw new Error(`${JSON.stringify(character)} has no WinAnsiEncoding byte`);
    return mapped;
  });
  return `<${Buffer.from(bytes).toString('hex')}>`;
}

/** A PDF text string in UTF-16BE with its byte order mark, as a form's values are written. */
function textString(text: string): string {
  return `<feff${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;
}

function textOperators(run: PdfText): string {
  const size = run.size ?? 11;
  const angle = ((run.rotate ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)].map((value) => Number(value.toFixed(4)));
  const matrix = `${cos} ${sin} ${-(sin ?? 0)} ${cos} ${run.x} ${run.y} Tm`;
  const spacing = run.wordSpacing === undefined ? '' : `${run.wordSpacing.toFixed(3)} Tw `;
  return `BT /${FONT_KEYS[run.font ?? 'regular']} ${size} Tf ${spacing}${matrix} ${hexString(run.text, run.font ?? 'regular')} Tj ET`;
}

/** A PDF name, its characters outside the regular ones written `#xx`. */
function pdfName(name: string): string {
  return `/${[...Buffer.from(name, 'utf8')].map((byte) => (byte > 0x20 && byte < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`)).join('')}`;
}

/** A content stream object. */
function stream(dictionary: string, data: string): string {
  return `<< ${dictionary}/Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
}

/**
 * Builds a small valid PDF 1.4 by hand, the same bytes every time: a catalog, a page tree, the
 * three standard fonts, one content stream per page, an info dictionary and a cross-reference
 * table with each object's byte offset.
 */
export function buildPdf(content: PdfContent): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pages = add('');
  const fonts = [
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'),
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>'),
  ];
  let dingbats = 0;
  const image = add(
    stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 ', '\x00\xff\xff\x00'),
  );
  const boxes = content.pages.some((page) => page.texts.some((run) => run.font === 'boxes'))
    ? ` /F4 ${add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [1 /uni2610 /uni2612] >> /FirstChar 1 /LastChar 2 /Widths [800 800] >>')} 0 R`
    : '';
  const resources = `<< /Font << /F1 ${fonts[0]} 0 R /F2 ${fonts[1]} 0 R /F3 ${fonts[2]} 0 R${boxes} >> /XObject << /Im1 ${image} 0 R >> >>`;
  const fields: number[] = [];
  const kids = content.pages.map((page) => {
    const operators = [...(page.image === true ? ['q 500 0 0 700 48 70 cm /Im1 Do Q'] : []), ...page.texts.map(textOperators)].join('\n');
    const contents = add(stream('', operators));
    const kid = add('');
    const annotations = (page.fields ?? []).map((field) =>
      add(
        `<< /Type /Annot /Subtype /Widget /FT /Tx /T ${textString(field.name)}${field.tooltip === undefined ? '' : ` /TU ${textString(field.tooltip)}`} /V ${textString(field.value)} /Rect [${field.rect.join(' ')}] /P ${kid} 0 R /F 4${field.multiline === true ? ' /Ff 4096' : ''} /DA (/Helv 0 Tf 0 g) >>`,
      ),
    );
    fields.push(...annotations);
    const appearances = (state: string, rect: readonly number[], mark: string): string => {
      const [width, height] = [(rect[2] ?? 0) - (rect[0] ?? 0), (rect[3] ?? 0) - (rect[1] ?? 0)];
      if (dingbats === 0) dingbats = add('<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>');
      const form = (data: string) =>
        add(
          stream(`/Type /XObject /Subtype /Form /BBox [0 0 ${width} ${height}] /Resources << /Font << /ZaDb ${dingbats} 0 R >> >> `, data),
        );
      const frame = `0 g 0.5 0.5 ${width - 1} ${height - 1} re s`;
      const on = form(`${frame}\nq BT /ZaDb ${height - 2} Tf 0 g 1.5 1.5 Td (${mark}) Tj ET Q`);
      const off = form(frame);
      return `/AP << /N << ${pdfName(state)} ${on} 0 R /Off ${off} 0 R >> /D << ${pdfName(state)} ${on} 0 R /Off ${off} 0 R >> >> /MK << /CA (${mark}) >>`;
    };
    for (const box of page.checkBoxes ?? []) {
      const state = box.onState ?? 'Yes';
      const value = box.checked ? pdfName(state) : '/Off';
      const widget = add(
        `<< /Type /Annot /Subtype /Widget /FT /Btn /T ${textString(box.name)} /V ${value} /AS ${value} ${appearances(state, box.rect, '4')} /Rect [${box.rect.join(' ')}] /P ${kid} 0 R /F ${box.hidden === true ? 6 : 4} /DA (/ZaDb 0 Tf 0 g) >>`,
      );
      annotations.push(widget);
      fields.push(widget);
    }
    for (const group of page.radioGroups ?? []) {
      const parent = add('');
      const kids = group.buttons.map((button) =>
        add(
          `<< /Type /Annot /Subtype /Widget /Parent ${parent} 0 R /AS ${group.chosen === button.state ? pdfName(button.state) : '/Off'} ${appearances(button.state, button.rect, 'l')} /Rect [${button.rect.join(' ')}] /P ${kid} 0 R /F 4 /DA (/ZaDb 0 Tf 0 g) >>`,
        ),
      );
      objects[parent - 1] =
        `<< /FT /Btn /Ff 49152 /T ${textString(group.name)} /V ${group.chosen === null ? '/Off' : pdfName(group.chosen)} /Kids [${kids.map((each) => `${each} 0 R`).join(' ')}] >>`;
      annotations.push(...kids);
      fields.push(parent);
    }
    for (const choice of page.choices ?? []) {
      const options = choice.options.map((option) =>
        typeof option === 'string' ? textString(option) : `[${textString(option[0])} ${textString(option[1])}]`,
      );
      const exports = choice.options.map((option) => (typeof option === 'string' ? option : option[0]));
      const value =
        choice.list === true
          ? `[${choice.chosen.map(textString).join(' ')}]`
          : choice.chosen[0] === undefined
            ? '()'
            : textString(choice.chosen[0]);
      const indices = choice.list === true ? ` /I [${choice.chosen.map((each) => exports.indexOf(each)).join(' ')}]` : '';
      const widget = add(
        `<< /Type /Annot /Subtype /Widget /FT /Ch /Ff ${choice.list === true ? 2097152 : 131072} /T ${textString(choice.name)}${choice.tooltip === undefined ? '' : ` /TU ${textString(choice.tooltip)}`} /Opt [${options.join(' ')}] /V ${value}${indices} /Rect [${choice.rect.join(' ')}] /P ${kid} 0 R /F 4 /DA (/Helv 0 Tf 0 g) >>`,
      );
      annotations.push(widget);
      fields.push(widget);
    }
    const markups = (page.annotations ?? []).map(() => add(''));
    for (const [index, annotation] of (page.annotations ?? []).entries()) {
      const number = markups[index] ?? 0;
      const parts = [`/Type /Annot /Subtype /${annotation.subtype} /Rect [${annotation.rect.join(' ')}] /P ${kid} 0 R /F 4`];
      if (annotation.contents !== undefined) parts.push(`/Contents ${textString(annotation.contents)}`);
      if (annotation.author !== undefined) parts.push(`/T ${textString(annotation.author)}`);
      if (annotation.created !== undefined) parts.push(`/CreationDate (${annotation.created})`);
      if (annotation.modified !== undefined) parts.push(`/M (${annotation.modified})`);
      if (annotation.quads !== undefined) {
        const points = annotation.quads.flatMap(([left, bottom, right, top]) => [left, top, right, top, left, bottom, right, bottom]);
        parts.push(`/QuadPoints [${points.map((point) => Number(point.toFixed(3))).join(' ')}]`);
      }
      if (annotation.replyTo !== undefined) {
        parts.push(`/IRT ${markups[annotation.replyTo] ?? 0} 0 R${annotation.group === true ? ' /RT /Group' : ''}`);
      }
      if (annotation.intent !== undefined) parts.push(`/IT ${pdfName(annotation.intent)}`);
      if (annotation.subtype === 'FreeText') parts.push('/DA (/Helv 11 Tf 0 g)');
      if (annotation.popup === true) {
        const popup = add(`<< /Type /Annot /Subtype /Popup /Parent ${number} 0 R /Rect [400 600 580 700] /Open false >>`);
        parts.push(`/Popup ${popup} 0 R`);
        annotations.push(number, popup);
      } else annotations.push(number);
      objects[number - 1] = `<< ${parts.join(' ')} >>`;
    }
    const annots = annotations.length === 0 ? '' : ` /Annots [${annotations.map((annotation) => `${annotation} 0 R`).join(' ')}]`;
    objects[kid - 1] =
      `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${contents} 0 R${annots} >>`;
    return kid;
  });
  const form =
    fields.length === 0 ? '' : ` /AcroForm << /Fields [${fields.map((field) => `${field} 0 R`).join(' ')}] /DA (/Helv 0 Tf 0 g) >>`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pages} 0 R${form} >>`;
  const missing = content.missingPage === true ? [999] : [];
  objects[pages - 1] =
    `<< /Type /Pages /Kids [${[...kids, ...missing].map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length + missing.length} >>`;
  const dates = [
    content.created === undefined ? '' : `/CreationDate (${content.created}) `,
    content.modified === undefined ? '' : `/ModDate (${content.modified}) `,
  ].join('');
  const info = add(`<< /Producer (tlap test builder) ${dates}>>`);
  const id = '<7464617020746573742062756c6c6572>';
  const restriction = content.restricted === true ? ownerPasswordOnly(Buffer.from(id.slice(1, -1), 'hex')) : null;
  const encrypt =
    content.password === true
      ? ` /Encrypt ${add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`)} 0 R`
      : restriction !== null
        ? ` /Encrypt ${add(restriction.dictionary)} 0 R`
        : '';
  const encrypted = objects.length;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    const written = restriction === null || index + 1 === encrypted ? body : restriction.encryptObject(index + 1, body);
    pdf += `${index + 1} 0 obj\n${written}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R /ID [${id} ${id}]${encrypt} >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** RC4, the cipher of the PDF 1.4 standard security handler. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const state = Array.from({ length: 256 }, (_, index) => index);
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + (state[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [state[i], state[j]] = [state[j] ?? 0, state[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  let a = 0;
  let b = 0;
  for (let index = 0; index < data.length; index += 1) {
    a = (a + 1) & 255;
    b = (b + (state[a] ?? 0)) & 255;
    [state[a], state[b]] = [state[b] ?? 0, state[a] ?? 0];
    out[index] = (data[index] ?? 0) ^ (state[((state[a] ?? 0) + (state[b] ?? 0)) & 255] ?? 0);
  }
  return out;
}

/** The password padding of the standard security handler. */
const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();

/**
 * Encryption with an empty user password and an owner password (revision 2, 40-bit RC4): the
 * Encrypt dictionary, and each object's streams and strings encrypted with its own key.
 */
function ownerPasswordOnly(fileId: Buffer): { dictionary: string; encryptObject(number: number, body: string): string } {
  const permissions = -3904;
  const owner = rc4(md5(Buffer.concat([Buffer.from('owner'), PASSWORD_PADDING]).subarray(0, 32)).subarray(0, 5), PASSWORD_PADDING);
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(PASSWORD_PADDING, owner, p, fileId).subarray(0, 5);
  const user = rc4(key, PASSWORD_PADDING);
  const objectKey = (number: number) =>
    md5(key, Buffer.from([number & 255, (number >> 8) & 255, (number >> 16) & 255, 0, 0])).subarray(0, 10);
  return {
    dictionary: `<< /Filter /Standard /V 1 /R 2 /Length 40 /P ${permissions} /O <${owner.toString('hex')}> /U <${user.toString('hex')}> >>`,
    encryptObject(number, body) {
      const cipher = (data: Buffer) => rc4(objectKey(number), data);
      const streamAt = body.indexOf('\nstream\n');
      const head = streamAt === -1 ? body : body.slice(0, streamAt);
      const strings = head.replace(/\(([^()\\]*)\)|<([0-9a-f]{2,})>/gi, (_, literal: string | undefined, hex: string | undefined) => {
        const bytes = literal === undefined ? Buffer.from(hex ?? '', 'hex') : Buffer.from(literal, 'latin1');
        return `<${cipher(bytes).toString('hex')}>`;
      });
      if (streamAt === -1) return strings;
      const end = body.lastIndexOf('\nendstream');
      const data = Buffer.from(body.slice(streamAt + 8, end), 'latin1');
      return `${strings}\nstream\n${cipher(data).toString('latin1')}${body.slice(end)}`;
    },
  };
}

/** A block of lines laid out down a page, as a word processor sets a paragraph. */
export interface PdfBlock {
  /** Its lines as they wrap on the page. */
  lines: readonly string[];
  size?: number;
  font?: PdfFont;
  /** Left edge of its lines (72 unless given), and of its first line when that differs. */
  x?: number;
  firstX?: number;
  /** A bullet glyph drawn apart at `x - 18` before its first line, as Word draws list bullets. */
  bullet?: { text: string; font?: PdfFont };
  /** Space above it beyond the line spacing, in points (7 unless given: paragraph spacing). */
  spaceBefore?: number;
  /** Every line but the last stretched to the right margin, as justified text is. */
  justify?: boolean;
}

/** Helvetica's advance widths (thousandths of the size) for the characters the fixtures use; 556 for any other. */
// prettier-ignore
const HELVETICA_WIDTHS: Readonly<Record<string, number>> = {
  ' ': 278, '!': 278, '"': 355, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333, ',': 278, '-': 333, '.': 278, '/': 278,
  ':': 278, ';': 278, '?': 556, '@': 1015, a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222,
  k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500,
  z: 500, A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722,
  O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611, '’': 222, '‘': 222,
  '“': 333, '”': 333, '–': 556, '—': 1000, '•': 350,
};

/** The width of text set in Helvetica at `size` points. */
function textWidth(text: string, size: number): number {
  return ([...text].reduce((total, character) => total + (HELVETICA_WIDTHS[character] ?? 556), 0) * size) / 1000;
}

/** The width of the text area of an A4 page with 72 pt margins. */
export const TEXT_WIDTH = 595 - 2 * 72;

/**
 * Wraps text into lines no wider than `width` as a word processor does: at spaces, after a
 * hyphen, or at a soft hyphen (U+00AD, shown as `-` where the line breaks and left out elsewhere).
 */
export function wrap(text: string, width = TEXT_WIDTH, size = 11): string[] {
  const pieces = text.split(' ').flatMap((word) => word.split(/(?<=-)|(?<=\u00ad)/u));
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const joined = line === '' || /[-\u00ad]$/u.test(line) ? line + piece : `${line} ${piece}`;
    if (line !== '' && textWidth(joined.replace(/\u00ad(?!$)/gu, '').replace(/\u00ad$/u, '-'), size) > width) {
      lines.push(line.replace(/\u00ad$/u, '-'));
      line = piece;
    } else line = joined;
  }
  lines.push(line);
  return lines.map((each) => each.replace(/\u00ad/gu, ''));
}

/** Shorthand for a body paragraph, wrapped to the text width. */
export function para(text: string): PdfBlock {
  return { lines: wrap(text) };
}

/** Shorthand for a heading in bold at `size` points. */
export function heading(text: string, size = 15): PdfBlock {
  return { lines: [text], size, font: 'bold', spaceBefore: 12 };
}

/** Shorthand for a bulleted list item at `level` (0 the outermost), its bullet drawn apart, its text wrapped. */
export function bulleted(level: number, text: string): PdfBlock {
  const x = 90 + level * 18;
  return { lines: wrap(text, TEXT_WIDTH - (x - 72)), x, bullet: { text: level === 0 ? '•' : 'o' }, spaceBefore: 0 };
}

/** What is printed on every page outside the text: a running header and footer. */
export interface PdfFurniture {
  header?: string;
  /** The footer of page `page` of `pages` (`Page 2 of 3`). */
  footer?: (page: number, pages: number) => string;
}

/**
 * Sets pages of blocks as a word processor would: top down from y 770 with 13.2 pt between 11 pt
 * lines, each block's lines at its left edge, a header at y 800 and footer at y 40 on every page.
 */
export function layoutPages(pages: readonly (readonly PdfBlock[])[], furniture: PdfFurniture = {}): PdfPage[] {
  return pages.map((blocks, pageIndex) => {
    const texts: PdfText[] = [];
    if (furniture.header !== undefined) texts.push({ text: furniture.header, x: 72, y: 800, size: 9 });
    let y = 770;
    let first = true;
    for (const block of blocks) {
      const size = block.size ?? 11;
      if (!first) y -= block.spaceBefore ?? 7;
      for (const [index, line] of block.lines.entries()) {
        if (!first || index > 0) y -= size * 1.2;
        first = false;
        const x = index === 0 ? (block.firstX ?? block.x ?? 72) : (block.x ?? 72);
        const at = Number(y.toFixed(2));
        if (index === 0 && block.bullet !== undefined) {
          texts.push({ text: block.bullet.text, x: x - 18, y: at, size, font: block.bullet.font ?? 'regular' });
        }
        const run: PdfText = { text: line, x, y: at, size, font: block.font ?? 'regular' };
        const spaces = line.split(' ').length - 1;
        if (block.justify === true && index < block.lines.length - 1 && spaces > 0) {
          run.wordSpacing = (72 + TEXT_WIDTH - x - textWidth(line, size)) / spaces;
        }
        texts.push(run);
      }
    }
    if (furniture.footer !== undefined) texts.push({ text: furniture.footer(pageIndex + 1, pages.length), x: 280, y: 40, size: 9 });
    return { texts };
  });
}

/** A letter's address block: short lines with no space between them, at `x`. */
function addressBlock(lines: readonly string[], x = 72): PdfBlock[] {
  return lines.map((line, index) => ({ lines: [line], x, spaceBefore: index === 0 ? 14 : 0 }));
}

/** A letter from an organisation to a consultation, over two pages. */
function letter(): Buffer {
  const ranger = wrap(
    'We ask the council to fund a part-time ranger, as other boroughs have done. A ranger would look after the paths, open the toilets for longer and work with the volunteers who already give hundreds of hours a year. We would be glad to meet officers soon to discuss a long-term plan for the park with the ward councillors.',
  );
  const pages = layoutPages(
    [
      [
        ...addressBlock(
          ['Friends of Anytown Park', '12 High Street', 'Anytown', 'AT1 2CD', 'Tel: 01234 567890', 'hello@friendsofanytownpark.org.uk'],
          340,
        ),
        { lines: ['15 March 2024'], spaceBefore: 14 },
        ...addressBlock(['Consultation Team', 'Anytown Borough Council', 'Town Hall', 'Anytown AT1 1AA']),
        { lines: ['Our ref: FAP/2024/03'], spaceBefore: 14 },
        { lines: ['Dear Sir or Madam,'], spaceBefore: 14 },
        { lines: ['Response to the draft parks strategy'], size: 13, font: 'bold', spaceBefore: 12 },
        para(
          'We welcome the draft strategy and the council’s commitment to keep every park open. Our members use the park every day, and we have read all the proposals in full with great care\u00adful attention to what they mean for older residents and for families with young children.',
        ),
        para('We have three concerns:'),
        bulleted(0, 'The toilets by the bandstand close at four in the afternoon.'),
        bulleted(
          0,
          'The path to the pond floods after heavy rain, so that people who use wheelchairs and pushchairs cannot use it for days.',
        ),
        bulleted(1, 'The ramp by the gate is too steep as well.'),
        bulleted(0, 'There is no long-term budget for the park’s trees.'),
        { lines: ranger.slice(0, 2) },
      ],
      [
        { lines: ranger.slice(2) },
        { lines: ['Yours faithfully,'], spaceBefore: 14 },
        { lines: ['Jane Example'], spaceBefore: 30 },
        { lines: ['Chair, Friends of Anytown Park'], spaceBefore: 0 },
      ],
    ],
    { footer: (page, count) => `Page ${page} of ${count}` },
  );
  return buildPdf({ pages, created: "D:20240315103000+00'00'" });
}

/** A consultation response form filled in and saved as PDF, with a running header. */
function responseForm(): Buffer {
  const numbered = (text: string): PdfBlock => ({ lines: [text], x: 72, spaceBefore: 0 });
  const pages = layoutPages(
    [
      [
        { lines: ['Draft parks strategy: response form'], size: 18, font: 'bold' },
        heading('About you', 14),
        para('Name: Sam Sample'),
        para('Email: sam.sample@example.org'),
        para('Organisation: Anytown Ramblers'),
        heading('Your views', 14),
        { lines: ['Question 1: Do you agree with the proposed opening hours?'], font: 'bold' },
        para(
          'Mostly. Opening at seven is right for dog walkers and people going to work, but closing at dusk in winter means the park is shut by four, when children come out of school.',
        ),
        para('Please keep it open until six all year.'),
      ],
      [
        { lines: ['Question 2: What else should the strategy do?'], font: 'bold' },
        para('Three things:'),
        numbered('1. Mark the footpaths that link the parks.'),
        numbered('2. Publish the grass-cutting calendar so walkers can plan.'),
        numbered('3. Put benches every few hundred metres.'),
        { lines: ['Question 3: Any other comments?'], font: 'bold' },
        para('No.'),
      ],
    ],
    { header: 'Anytown Borough Council – parks strategy consultation', footer: (page) => `- ${page} -` },
  );
  return buildPdf({ pages, modified: 'D:20240402091500Z' });
}

/** A three-page report of an engagement event: title, headings, bullets, first-line indents and a running footer. */
function eventReport(): Buffer {
  const indented = (text: string): PdfBlock => ({ lines: wrap(text, TEXT_WIDTH - 18), firstX: 90, spaceBefore: 0 });
  const transport = wrap(
    'The community transport is booked weeks ahead and the last bus to the day centre leaves at six, so carers who work cannot use it. Several carers said they had given up their jobs because of it.',
  );
  const pages = layoutPages(
    [
      [
        { lines: ['Carers’ forum: report of the March event'], size: 20, font: 'bold' },
        heading('Summary'),
        indented(
          'Forty-two carers came to the forum at the Civic Centre on 12 March. They talked in four groups about respite, transport and information.',
        ),
        indented(
          'Everyone agreed that the carers’ assessment is hard to find out about, and that the information pack should be sent to every new carer.',
        ),
        heading('What carers told us'),
        { lines: ['Respite'], size: 13, font: 'bold', spaceBefore: 10 },
        bulleted(0, 'More respite care at weekends.'),
        bulleted(1, 'Saturday mornings most of all.'),
        bulleted(0, 'A sitting service for a few hours, booked at short notice.'),
      ],
      [{ lines: ['Transport'], size: 13, font: 'bold' }, { lines: transport.slice(0, 2) }],
      [{ lines: transport.slice(2) }, heading('Next steps'), para('The council will reply to the forum by the end of May.')],
    ],
    { footer: (page, count) => `Anytown carers’ forum – report   Page ${page} of ${count}` },
  );
  return buildPdf({ pages, created: 'D:20240314170000Z' });
}

/**
 * A fillable response form (as councils publish for download) filled in on screen and saved:
 * the questions are the page's text, the answers are the values of its form fields.
 */
export function fillableForm(): Buffer {
  const text = (line: string, y: number, size = 11, font: PdfFont = 'regular'): PdfText => ({ text: line, x: 72, y, size, font });
  const pages: PdfPage[] = [
    {
      texts: [
        text('Draft parks strategy: response form', 780, 18, 'bold'),
        text('About you', 740, 14, 'bold'),
        text('Name:', 715),
        text('Organisation:', 690),
        text('Your email address', 665),
        text('Your views', 610, 14, 'bold'),
        text('Question 1: Do you agree with the proposed opening hours?', 585),
        text('Question 2: What else should the strategy do?', 440),
      ],
      fields: [
        { name: 'name', value: 'Sam Sample', rect: [150, 711, 450, 727] },
        { name: 'organisation', value: 'Anytown Ramblers', rect: [150, 686, 450, 702] },
        { name: 'emailAddress', tooltip: 'Email address', value: 'sam.sample@example.org', rect: [72, 636, 450, 652] },
        {
          name: 'q1',
          value:
            'Mostly. Opening at seven is right for dog walkers and people going to work.\n\nBut closing at dusk in winter means the park is shut by four, when children come out of school. Please keep it open until six all year.',
          rect: [72, 460, 523, 575],
          multiline: true,
        },
        { name: 'q2', value: 'Mark the footpaths that link the parks.', rect: [72, 330, 523, 430], multiline: true },
      ],
    },
  ];
  return buildPdf({ pages, created: 'D:20240405120000Z' });
}

/**
 * A response form saved as PDF whose respondent declined publication: the numbered consent
 * question stands last, after the answers it covers, and a fillable field beside its label asks
 * to quote them.
 */
function declinedForm(): Buffer {
  const pages = layoutPages([
    [
      { lines: ['Draft parks strategy: response form'], size: 18, font: 'bold' },
      { lines: ['Question 1: Do you agree with the proposed opening hours?'], font: 'bold' },
      para('No. Closing at dusk in winter shuts the park before the school run ends, so children have nowhere to play on the way home.'),
      { lines: ['Question 2: What else should the strategy do?'], font: 'bold' },
      para('Light the path along the river so it is safe after dark, and keep the toilets by the bandstand open on Sundays.'),
      { lines: ['Question 3: May we publish your response?'], font: 'bold' },
      para('No'),
    ],
  ]);
  const first = pages[0];
  const quote: PdfPage = {
    texts: [{ text: 'Can we quote you?', x: 72, y: 400 }],
    fields: [{ name: 'quote', value: 'No', rect: [200, 396, 300, 412] }],
  };
  return buildPdf({ pages: first === undefined ? [quote] : [first, quote], created: 'D:20240406090000Z' });
}

/**
 * A fillable response form whose closed questions are answered on screen in its widgets, as a
 * council publishes one: a radio group before its options (on states named by the options, as
 * LibreOffice writes them), a drop-down beside its label, a text field, two check boxes after
 * their options answering the question on publishing (on states `Yes` and `On`).
 */
export function tickedForm(): Buffer {
  const text = (line: string, x: number, y: number, size = 11, font: PdfFont = 'regular'): PdfText => ({ text: line, x, y, size, font });
  const box = (x: number, y: number): [number, number, number, number] => [x, y - 2, x + 10, y + 8];
  const pages: PdfPage[] = [
    {
      texts: [
        text('Town centre plan: response form', 72, 780, 18, 'bold'),
        text('About you', 72, 750, 14, 'bold'),
        text('Ward:', 72, 725),
        text('Your views', 72, 695, 14, 'bold'),
        text('Question 1: Are you responding as', 72, 670),
        text('an individual', 88, 650),
        text('an organisation', 208, 650),
        text('Question 2: What would make the town centre better?', 72, 625),
        text('Question 3: May we publish your response?', 72, 520),
        text('Yes', 72, 500),
        text('No', 120, 500),
      ],
      radioGroups: [
        {
          name: 'respondingAs',
          chosen: 'individual',
          buttons: [
            { state: 'individual', rect: box(72, 650) },
            { state: 'organisation', rect: box(192, 650) },
          ],
        },
      ],
      choices: [
        {
          name: 'ward',
          options: [
            ['N', 'North ward'],
            ['S', 'South ward'],
          ],
          chosen: ['S'],
          rect: [110, 721, 300, 737],
        },
      ],
      fields: [
        {
          name: 'q2',
          value: 'Fewer empty shops, and a market in the square on Saturdays.',
          rect: [72, 540, 523, 615],
          multiline: true,
        },
      ],
      checkBoxes: [
        { name: 'publishYes', checked: true, rect: box(96, 500) },
        { name: 'publishNo', onState: 'On', checked: false, rect: box(138, 500) },
      ],
    },
  ];
  return buildPdf({ pages, created: 'D:20241104100000Z' });
}

/** A letter scanned to PDF: one image per page, no text layer. */
function scannedLetter(): Buffer {
  return buildPdf({
    pages: [
      { texts: [], image: true },
      { texts: [], image: true },
    ],
    created: 'D:20240301090000Z',
  });
}

/**
 * The inputs of fixtures/adapters/pdf/<case>/, rebuilt and compared byte for byte by
 * test/adapters/formats/pdf-document.test.ts (`npm run test:update` writes them).
 */
/** The lines of the draft partnership agreement the reviewed-draft fixture comments on. */
const DRAFT_LINES: readonly PdfBlock[] = [
  { lines: ['Draft partnership agreement'], size: 18, font: 'bold' },
  heading('Our shared commitments', 14),
  para('Councils, the NHS and providers will share budgets and plan services with the people who use them.'),
  para('Everyone who draws on care will have a named contact who knows them.'),
  heading('How we will know', 14),
  para('We will publish what people tell us every year.'),
];

/** The run of the reviewed draft's first page that holds `words`. */
function draftRun(page: PdfPage, words: string): PdfText {
  const run = page.texts.find((text) => text.text.includes(words));
  if (run === undefined) throw new Error(`no line of the draft holds ${JSON.stringify(words)}`);
  return run;
}

/**
 * A draft partnership agreement returned as a PDF with reviewers' notes, as Acrobat saves them: a
 * sticky note beside a paragraph, a highlight with a note and a reply to it, a reply setting the
 * highlight's status to Completed, a highlight whose note Acrobat filled with the words it marks,
 * a "replace text" (a caret grouped with a strike-out of the words it replaces), and a link.
 */
export function reviewedDraft(): Buffer {
  const [page] = layoutPages([DRAFT_LINES]);
  if (page === undefined) throw new Error('the draft has a page');
  const budgets = draftRun(page, 'share budgets');
  const contact = draftRun(page, 'named contact');
  const publish = draftRun(page, 'publish what');
  const contactBox = wordsBox(contact, 'a named contact');
  const annotations: PdfAnnotation[] = [
    {
      subtype: 'Text',
      contents: 'We support pooled budgets.\nBut who decides how they are spent?',
      author: 'Anytown Carers Network',
      created: "D:20240306090000+00'00'",
      rect: [40, budgets.y - 4, 60, budgets.y + 12],
      popup: true,
    },
    {
      subtype: 'Highlight',
      contents: 'A named contact is what families ask for most. Say how quickly they will reply.',
      author: 'Priya Shah',
      created: "D:20240307143000+00'00'",
      rect: contactBox,
      quads: [contactBox],
      popup: true,
    },
    {
      subtype: 'Text',
      contents: 'Agreed, and say what happens when the contact is on leave.',
      author: 'Sam Osei',
      created: "D:20240308101500+00'00'",
      rect: contactBox,
      replyTo: 1,
    },
    { subtype: 'Text', contents: 'Completed set by Priya Shah', author: 'Priya Shah', rect: contactBox, replyTo: 1 },
    {
      subtype: 'Highlight',
      contents: 'publish what people tell us',
      author: 'Sam Osei',
      rect: wordsBox(publish, 'publish what people tell us'),
      quads: [wordsBox(publish, 'publish what people tell us')],
    },
    {
      subtype: 'Caret',
      contents: 'every six months, in plain English',
      author: 'Anytown Carers Network',
      created: "D:20240306091500+00'00'",
      rect: wordsBox(publish, 'every year'),
    },
    { subtype: 'StrikeOut', rect: wordsBox(publish, 'every year'), quads: [wordsBox(publish, 'every year')], replyTo: 5, group: true },
    { subtype: 'Link', rect: [72, 60, 200, 72] },
  ];
  return buildPdf({ pages: [{ ...page, annotations }], created: "D:20240301120000+00'00'" });
}

/**
 * A flat response form (no form fields) filled in with Acrobat's Fill & Sign: each answer a text
 * box typed onto the page (a `FreeText` annotation, intent `FreeTextTypeWriter`) beside or under
 * its question, one of them two lines long.
 */
export function typedOnForm(): Buffer {
  const pages = layoutPages([
    [
      { lines: ['Partnership agreement: response form'], size: 18, font: 'bold' },
      para('Name:'),
      { lines: ['Question 1: What matters most to you about care and support?'], font: 'bold', spaceBefore: 14 },
      { lines: ['Question 2: Any other comments?'], font: 'bold', spaceBefore: 54 },
    ],
  ]);
  const [page] = pages;
  if (page === undefined) throw new Error('the form has a page');
  const name = draftRun(page, 'Name:');
  const first = draftRun(page, 'Question 1');
  const second = draftRun(page, 'Question 2');
  const typed = (contents: string, rect: readonly [number, number, number, number]): PdfAnnotation => ({
    subtype: 'FreeText',
    contents,
    author: 'Respondent',
    intent: 'FreeTextTypeWriter',
    rect,
  });
  const annotations = [
    typed('Ceri Example', [110, name.y - 3, 300, name.y + 11]),
    typed('Being able to choose who comes to the house.\nAnd knowing the rota a week ahead.', [72, first.y - 44, 520, first.y - 8]),
    typed('Thank you for asking carers.', [72, second.y - 22, 520, second.y - 8]),
  ];
  return buildPdf({ pages: [{ ...page, annotations }], created: "D:20240310150000+00'00'" });
}

export const PDF_FIXTURE_INPUTS: Readonly<Record<string, { name: string; build: () => Buffer }>> = {
  'reviewed-draft': { name: 'input.pdf', build: reviewedDraft },
  'typed-on-form': { name: 'input.pdf', build: typedOnForm },
  letter: { name: 'input.pdf', build: letter },
  'response-form': { name: 'input.pdf', build: responseForm },
  'fillable-form': { name: 'input.pdf', build: fillableForm },
  'declined-form': { name: 'input.pdf', build: declinedForm },
  'ticked-form': { name: 'input.pdf', build: tickedForm },
  'event-report': { name: 'input.pdf', build: eventReport },
  'scanned-letter': { name: 'input.pdf', build: scannedLetter },
  'password-protected': { name: 'input.pdf', build: () => buildPdf({ pages: layoutPages([[para('Secret.')]]), password: true }) },
  truncated: {
    name: 'input.pdf',
    build: () => {
      const whole = letter();
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
  },
  'not-a-pdf': {
    name: 'input.pdf',
    build: () => Buffer.from('<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Your session has expired.</body></html>\n'),
  },
};
