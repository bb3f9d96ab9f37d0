import { isOrganisationQuestion } from './contact-columns.js';
import { isContactField, isContactLine } from './contact-lines.js';
import { endsAddress, isAddressLine, MAX_ADDRESS_LINES, MAX_SIGNATURE_LINES, oneLinePart, SIGN_OFF } from './letter-parts.js';
import { isWordPlaceholder } from './word-placeholders.js';

/** One run of text as a PDF page places it: pdfjs's text content item, reduced to what layout needs. */
export interface PdfTextRun {
  text: string;
  /** Where the run starts and its baseline, in points from the page's bottom left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** The run ends its line (pdfjs's `hasEOL`). */
  endsLine: boolean;
}

/** One line of a page, its runs joined left to right. */
export interface PdfLine {
  /** Its text; a gap as wide as a tab between runs (a bullet and its text) is a tab. */
  text: string;
  x: number;
  /** Where its last run ends. */
  right: number;
  y: number;
  /** The size most of its characters are set in. */
  size: number;
  /** The number of the form field whose filled-in value it is, on lines that hold only that. */
  field?: number;
  /** It holds contact details whatever its words: the value of a form field asking for them. */
  contact?: boolean;
}

/** A text field of a fillable form, filled in: its value, what it is called, and its box on the page. */
export interface PdfFormField {
  value: string;
  /** Its tooltip, else its name (`Your name`, `email_address`). */
  label: string;
  left: number;
  bottom: number;
  right: number;
  top: number;
  multiline: boolean;
}

/** A check box or radio button of a fillable form: whether it is ticked, and its box on the page. */
export interface PdfFormBox {
  ticked: boolean;
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** The lines of one page, and the page's width in points (0 when unknown). */
export interface PdfPageLines {
  lines: readonly PdfLine[];
  width: number;
}

/** What a paragraph of a PDF turned out to be. */
export type PdfParagraphKind =
  | 'text'
  | 'heading'
  | 'question'
  | 'running-header'
  | 'page-number'
  | 'contact'
  | 'salutation'
  | 'date-line'
  | 'reference-line'
  | 'sign-off'
  | 'unanswered'
  | 'about';

/** One paragraph of a PDF, rebuilt from its lines. */
export interface PdfParagraph {
  /** The page it starts on, from 1. */
  page: number;
  /** Its place among the paragraphs of that page, from 1. */
  number: number;
  /** The baseline of its first line, in points from the page's bottom. */
  top: number;
  text: string;
  kind: PdfParagraphKind;
  /** Its heading level (1 the highest) when it is a heading. */
  heading: number | null;
  /** Its list level (0 the outermost) when it is a list item. */
  listLevel: number | null;
  /** For an answer about the respondent (kind `about`, its text the question): the answer. */
  answer?: string;
}

/** Runs on one line differ in baseline by less than this share of their size. */
const SAME_LINE_SHARE = 0.5;
/** A gap between runs wider than this share of the size is a space; wider than {@link TAB_GAP_SHARE}, a tab. */
const SPACE_GAP_SHARE = 0.15;
const TAB_GAP_SHARE = 0.9;
/** Lines further apart than this many line spacings belong to different paragraphs. */
const PARAGRAPH_GAP_SPACINGS = 1.35;
/** A line this much larger than the body text (and short) is a heading. */
const HEADING_SIZE_RATIO = 1.15;
const MAX_HEADING_CHARS = 150;
const MAX_HEADING_LINES = 3;
/** How many lines at the top and at the bottom of a page can be a running header, footer or page number. */
const FURNITURE_ZONE_LINES = 2;
/** A line that wrapped at the right edge holds at least this many characters. */
const MIN_WRAPPED_CHARS = 30;
/** A running header or footer whose numbers change from page to page (`Page 3 of 7`) is at most this long. */
const MAX_NUMBERED_FURNITURE_CHARS = 80;
const MAX_QUESTION_CHARS = 300;
/** A line narrower than this share of the text's width, as an address line is, never makes its paragraph prose. */
const NARROW_LINE_SHARE = 0.6;
const MAX_LIST_LEVEL = 8;

/** Bullets no sentence starts with. */
const STRONG_BULLET = /^[•▪‣◦●○■□►▸✓✔\u{F000}-\u{F0FF}]\s*(?=\S)/u;
/** Bullets (and numbers) that a wrapped line of prose could also start with: bullets only after a tab-wide gap or a line ended on purpose. */
const WEAK_BULLET = /^[-–—*·o](?:\t|\s)\s*(?=\S)/u;
const NUMBER_MARKER = /^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)](?:\t|\s)\s*(?=\S)/i;
/** A section number (`3.2`) starts a paragraph but makes no list item. */
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2})+\.?\s+\S/;

const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

const QUESTION = /^(?:Q|Question)\s*\d{1,3}[a-z]?\b/i;
/** A form's label beside its answer: a question or prompt (`…?`, `…:`), or numbered as a question in English or Welsh (`Q2.`, `C2.`). */
const LABEL_BESIDE = /^(?:Q|C|Question|Cwestiwn)\s*\d{1,3}[a-z]?\b|[?:]["'”’)\]]*$/i;
/**
 * A question heading a row of a form's table drawn on one line, its answer a tab away (`Which
 * area do you live in?⇥Northgate`): asked with a question mark or numbered. A label ending in a
 * colon (`Ward:⇥South ward`) stays with its value, as a form's field does.
 */
const ROW_QUESTION = /^(?:Q|C|Question|Cwestiwn)\s*\d{1,3}[a-z]?\b|\?["'”’)\]]*$/i;
const SENTENCE_END = /[.!?]["'”’)\]]*$/;
const CLAUSE_END = /[.!?:;]["'”’)\]]*$/;

/** Letters of scripts written right to left (Hebrew, Arabic, Syriac, Thaana and their forms): a line holding one keeps its runs in drawing order. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * The lines of a page from its runs in the order the page draws them: a run starts a new line
 * when the one before ended its line or it sits on another baseline. Within a line the runs are
 * joined left to right, so a run drawn later but standing further left (a tick box set in a
 * symbol font after the words beside it, as LibreOffice draws `☐ Yes ☒ No`) takes its place;
 * a line of a right-to-left script keeps the order it was drawn in. Empty lines are dropped.
 */
export function pageLines(runs: readonly PdfTextRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfTextRun[] | null = null;
  let y = 0;
  let lineEnded = false;
  const close = () => {
    if (current === null) return;
    const line = joinedLine(current, y);
    if (line !== null) lines.push(line);
    current = null;
  };
  for (const run of runs) {
    if (run.text.trim() === '') {
      if (current !== null && run.text !== '') current.push({ ...run, text: ' ' });
      lineEnded ||= run.endsLine;
      continue;
    }
    if (current !== null && (lineEnded || Math.abs(run.y - y) > SAME_LINE_SHARE * Math.max(run.size, 1))) close();
    lineEnded = run.endsLine;
    if (current === null) {
      current = [run];
      y = run.y;
      continue;
    }
    current.push(run);
  }
  close();
  return lines;
}

/** One line from its runs (the first not blank), left to right unless it is written right to left; null when it holds nothing. */
function joinedLine(drawn: readonly PdfTextRun[], y: number): PdfLine | null {
  const runs = drawn.some((run) => RIGHT_TO_LEFT.test(run.text)) ? drawn : [...drawn].sort((a, b) => a.x - b.x);
  const parts: string[] = [];
  const sizes = new Map<number, number>();
  let right = -Infinity;
  for (const run of runs) {
    if (run.text === ' ') {
      if (parts.length > 0) parts.push(' ');
      continue;
    }
    if (parts.length > 0) {
      const gap = run.x - right;
      if (gap > TAB_GAP_SHARE * run.size) parts.push('\t');
      else if (gap > SPACE_GAP_SHARE * run.size) parts.push(' ');
    }
    parts.push(run.text);
    right = Math.max(right, run.x + run.width);
    const size = round(run.size);
    sizes.set(size, (sizes.get(size) ?? 0) + run.text.length);
  }
  const text = parts
    .join('')
    .replace(/[ \u00a0]+/g, ' ')
    .replace(/ ?\t[\t ]*/g, '\t')
    .trim();
  const first = runs.find((run) => run.text !== ' ');
  if (text === '' || first === undefined) return null;
  return { text, x: first.x, right, y, size: mostUsed(sizes) };
}

function round(value: number, step = 0.5): number {
  return Math.round(value / step) * step;
}

/** The key of a map whose value is largest (the first such key), or 0 when it is empty. */
function mostUsed(counts: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}

/** What the whole document's lines say about its layout. */
interface Layout {
  bodySize: number;
  lineSpacing: number;
  left: number;
  right: number;
  /** Heading level by (rounded) font size. */
  headingLevels: ReadonlyMap<number, number>;
}

/**
 * The body text's size (the size most characters are set in, page furniture aside), its line
 * spacing (the commonest step after a wrapped line: one as wide as most of the text, so that the
 * short lines of an address set right, which end at the right edge, are not taken for wrapped ones), its left edge, its right edge (where the
 * longest lines end; when fewer than two lines of some length reach that far, the page width less the left margin
 * if that is further right, margins being mostly alike), and the heading level of each larger size.
 */
function measureLayout(pages: readonly (readonly PdfLine[])[], pageWidth: number): Layout {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) {
    if (line.field === undefined) chars.set(round(line.size), (chars.get(round(line.size)) ?? 0) + line.text.length);
  }
  const bodySize = mostUsed(chars) || 11;
  const body = (line: PdfLine) => line.field === undefined && Math.abs(line.size - bodySize) < 0.5;
  const lefts = new Map<number, number>();
  let right = 0;
  for (const line of pages.flat()) {
    if (!body(line)) continue;
    lefts.set(Math.round(line.x), (lefts.get(Math.round(line.x)) ?? 0) + 1);
    right = Math.max(right, line.right);
  }
  const left = mostUsed(lefts);
  const nearRight = pages
    .flat()
    .filter((line) => body(line) && line.text.length >= MIN_WRAPPED_CHARS && right - line.right <= 0.15 * Math.max(right - left, 1)).length;
  if (nearRight < 2 && pageWidth > 2 * left) right = Math.max(right, pageWidth - left);
  const steps = new Map<number, number>();
  const narrow = (line: PdfLine) => line.right - line.x < NARROW_LINE_SHARE * Math.max(right - left, 1);
  for (const lines of pages) {
    for (const [index, line] of lines.entries()) {
      const previous = lines[index - 1];
      if (previous === undefined || !body(line) || !body(previous) || narrow(previous) || endsShort(previous, line, right)) continue;
      const step = previous.y - line.y;
      if (step > 0 && step < 2.5 * bodySize) steps.set(round(step), (steps.get(round(step)) ?? 0) + 1);
    }
  }
  const headingSizes = [...chars.keys()].filter((size) => size >= bodySize * HEADING_SIZE_RATIO).sort((a, b) => b - a);
  return {
    bodySize,
    lineSpacing: mostUsed(steps) || bodySize * 1.2,
    left,
    right,
    headingLevels: new Map(headingSizes.map((size, index) => [size, Math.min(index + 1, 6)])),
  };
}

/**
 * Whether a line was ended on purpose rather than wrapped: the first word of the line after it
 * would have fitted in the room left before the text's right edge. A line ending in a hyphen
 * after a letter was wrapped.
 */
function endsShort(line: PdfLine, next: PdfLine | undefined, right: number): boolean {
  if (next === undefined) return true;
  if (/\p{L}[-\u00ad]$/u.test(line.text)) return false;
  const charWidth = (next.right - next.x) / Math.max(next.text.length, 1);
  const firstWord = next.text.split(/\s/, 1)[0] ?? '';
  return right - line.right > (firstWord.length + 1) * charWidth + 0.1 * next.size;
}

/** A box glyph a form typed in a word processor draws, which a check box laid over it by a PDF editor stands for: at a run's start, or at its end. */
const LEADING_BOX = /^\s*[☐☑☒⊠□]/u;
const TRAILING_BOX = /[☐☑☒⊠□]\s*$/u;

/**
 * A page's runs with its form's check boxes and radio buttons drawn in as the boxes they show
 * (`☒` ticked, `☐` not), so that a line reads `☒ Yes ☐ No` or `Yes ☒ No ☐` as a form typed with
 * boxes does: each box is a run on the baseline of the text beside it, among that line's runs by
 * where it stands, as wide as the widget; a box the text draws where the widget stands (a form
 * typed with `☐` and made fillable by laying check boxes over them) becomes the widget's instead
 * of staying beside it. A box with no text on its line is left out: on its own it answers nothing
 * that can be read.
 */
export function withFormBoxes(runs: readonly PdfTextRun[], boxes: readonly PdfFormBox[]): PdfTextRun[] {
  const result = [...runs];
  const ordered = [...boxes].sort((a, b) => b.top - a.top || a.left - b.left);
  for (const box of ordered) {
    const middle = (box.top + box.bottom) / 2;
    const reach = (run: PdfTextRun) => Math.max(0.6 * run.size, (box.top - box.bottom) / 2);
    const distance = (run: PdfTextRun) => Math.abs(run.y + 0.3 * run.size - middle);
    const beside = result
      .filter((run) => run.text.trim() !== '' && distance(run) <= reach(run))
      .sort((a, b) => distance(a) - distance(b))[0];
    if (beside === undefined) continue;
    const line = [...result.entries()].filter(
      ([, run]) => run.text.trim() !== '' && Math.abs(run.y - beside.y) <= SAME_LINE_SHARE * Math.max(beside.size, 1),
    );
    const mark = box.ticked ? '☒' : '☐';
    const slack = 0.5 * beside.size;
    const leads = (run: PdfTextRun) => LEADING_BOX.test(run.text) && run.x >= box.left - slack && run.x <= box.right;
    const trails = (run: PdfTextRun) =>
      TRAILING_BOX.test(run.text) && run.x + run.width >= box.left && run.x + run.width <= box.right + slack;
    const under = line.find(([, run]) => leads(run) || trails(run));
    if (under !== undefined) {
      const [index, run] = under;
      const text = run.text.replace(leads(run) ? LEADING_BOX : TRAILING_BOX, (found) => found.replace(/\S/u, mark));
      result[index] = { ...run, text };
      continue;
    }
    const before = line.filter(([, run]) => run.x < box.left).sort(([, a], [, b]) => b.x - a.x)[0];
    const drawn: PdfTextRun = {
      text: mark,
      x: box.left,
      y: beside.y,
      width: box.right - box.left,
      size: beside.size,
      endsLine: false,
    };
    if (before === undefined) {
      result.splice(line[0]?.[0] ?? result.length, 0, drawn);
      continue;
    }
    const [index, run] = before;
    if (run.endsLine) {
      result[index] = { ...run, endsLine: false };
      drawn.endsLine = true;
    }
    result.splice(index + 1, 0, drawn);
  }
  return result;
}

/**
 * The page's lines with the filled-in values of its form's text fields placed among them by
 * where their boxes are: a one-line value beside a label on the same line (`Name:` [Jane]) is
 * added to the label's line; any other value is lines of its own, in its box, inserted above the
 * first line below it, that never join the page's text or another field's. A value whose field
 * asks for contact details is marked so. Sizes follow the text nearest the box.
 */
export function withFormFields(lines: readonly PdfLine[], fields: readonly PdfFormField[]): PdfLine[] {
  const result = [...lines];
  const ordered = [...fields].sort((a, b) => b.top - a.top || a.left - b.left);
  for (const [number, field] of ordered.entries()) {
    const values = field.value.replace(/\r\n?/g, '\n').split('\n');
    if (values.every((value) => value.trim() === '')) continue;
    const middle = (field.top + field.bottom) / 2;
    const nearest = [...result].sort((a, b) => Math.abs(a.y - middle) - Math.abs(b.y - middle))[0];
    const size = nearest?.size ?? 11;
    const contact = isContactField(field.label);
    const single = values.length === 1 && !field.multiline;
    const baseline = single ? field.bottom + Math.max(field.top - field.bottom - size, 0) / 2 + 0.2 * size : field.top - 1.2 * size;
    const beside = single
      ? result.find((line) => line.field === undefined && Math.abs(line.y - baseline) <= 0.6 * size && line.right <= field.left + 4)
      : undefined;
    const value = values[0]?.trim() ?? '';
    if (beside !== undefined) {
      beside.text = `${beside.text}\t${value}`;
      beside.right = Math.min(field.right, field.left + 2 + value.length * 0.5 * size);
      if (contact) beside.contact = true;
      continue;
    }
    let y = baseline;
    for (const text of values) {
      const line = text.trim();
      if (line !== '') {
        const placed: PdfLine = {
          text: line,
          x: field.left + 2,
          right: Math.min(field.right - 2, field.left + 2 + line.length * 0.5 * size),
          y,
          size,
          field: number,
          ...(contact ? { contact: true } : {}),
        };
        result.splice(insertionIndex(result, y), 0, placed);
      }
      y -= 1.2 * size;
    }
  }
  return result;
}

/** Where a line at height `y` goes among a page's lines: right after the nearest line above it, else right before the nearest below. */
function insertionIndex(lines: readonly PdfLine[], y: number): number {
  let above = -1;
  let below = -1;
  for (const [index, line] of lines.entries()) {
    if (line.y > y + 0.5 && (above === -1 || line.y < (lines[above]?.y ?? 0))) above = index;
    if (line.y <= y + 0.5 && (below === -1 || line.y > (lines[below]?.y ?? 0))) below = index;
  }
  if (above !== -1) return above + 1;
  return below === -1 ? lines.length : below;
}

/**
 * What tells a running header or footer: where the line stands on the page (to 3 pt) and its
 * words, lower-cased, spaces collapsed, and its numbers as `#` when `numbersAside`.
 */
function furnitureKey(line: PdfLine, numbersAside: boolean): string {
  const words = line.text.toLowerCase().replace(/\s+/g, ' ').trim();
  return `${numbersAside ? '#' : '='}${Math.round(line.y / 3)} ${numbersAside ? words.replace(/\d+/g, '#') : words}`;
}

/**
 * The lines that are page furniture, by page and line index: a bare page number at the top or
 * bottom of a page, and a line found at the top or bottom of more than half the pages (at least
 * two) at the same height with the same words: the same words numbers aside (`Page 3 of 7`) only for a short line
 * no larger than the text, so that a heading or paragraph opening every page (`Section 3`) stays.
 */
function pageFurniture(pages: readonly (readonly PdfLine[])[]): Map<number, Map<number, PdfParagraphKind>> {
  const zones = pages.map((lines) => {
    const byHeight = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.field === undefined)
      .sort((a, b) => b.line.y - a.line.y);
    const zone = [...byHeight.slice(0, FURNITURE_ZONE_LINES), ...byHeight.slice(-FURNITURE_ZONE_LINES)];
    return [...new Map(zone.map((entry) => [entry.index, entry.line])).entries()];
  });
  const pagesByKey = new Map<string, number>();
  for (const zone of zones) {
    const keys = new Set(zone.flatMap(([, line]) => [furnitureKey(line, false), furnitureKey(line, true)]));
    for (const key of keys) pagesByKey.set(key, (pagesByKey.get(key) ?? 0) + 1);
  }
  const chars = new Map<number, number>();
  for (const line of pages.flat()) chars.set(round(line.size), (chars.get(round(line.size)) ?? 0) + line.text.length);
  const textSize = mostUsed(chars);
  const withText = pages.filter((lines) => lines.length > 0).length;
  const repeated = Math.max(2, Math.floor(withText / 2) + 1);
  const isRepeated = (line: PdfLine): boolean =>
    (pagesByKey.get(furnitureKey(line, false)) ?? 0) >= repeated ||
    ((pagesByKey.get(furnitureKey(line, true)) ?? 0) >= repeated &&
      line.text.length <= MAX_NUMBERED_FURNITURE_CHARS &&
      round(line.size) <= textSize);
  const furniture = new Map<number, Map<number, PdfParagraphKind>>();
  for (const [pageIndex, zone] of zones.entries()) {
    const marks = new Map<number, PdfParagraphKind>();
    for (const [index, line] of zone) {
      if (PAGE_NUMBER.test(line.text.replace(/\t/g, ' '))) marks.set(index, 'page-number');
      else if (isRepeated(line)) marks.set(index, 'running-header');
    }
    furniture.set(pageIndex, marks);
  }
  return furniture;
}

/** The hyphenated words a document writes within its lines (`long-term`), lower-cased: their hyphen is real. */
function hyphenatedWords(pages: readonly (readonly PdfLine[])[]): Set<string> {
  const words = new Set<string>();
  for (const line of pages.flat()) {
    for (const match of line.text.matchAll(/[\p{L}\p{N}'’]+(?:-[\p{L}\p{N}'’]+)+/gu)) words.add(match[0].toLowerCase());
  }
  return words;
}

/** A line as the paragraph being built keeps it. */
interface HeldLine {
  text: string;
  /** Ended short of the right edge on purpose (known once the next line comes). */
  short: boolean;
  /** Narrower than {@link NARROW_LINE_SHARE} of the text's width, as the lines of an address are. */
  narrow: boolean;
  contact: boolean;
  /** The page's line it holds. */
  source: PdfLine;
}

/** A paragraph being built from lines. */
interface OpenParagraph {
  page: number;
  number: number;
  lines: HeldLine[];
  heading: number | null;
  /** Where its list marker stands, when it is a list item. */
  markerX: number | null;
  x: number;
  /** The baseline of its first line, and where its widest line ends. */
  top: number;
  right: number;
  last: PdfLine;
}

/** A line's list marker: a bullet (removed from the text) or a number (kept), and whether a sentence could start so too. */
function listMarker(text: string): { text: string; weak: boolean } | null {
  const strong = STRONG_BULLET.exec(text);
  if (strong !== null) return { text: text.slice(strong[0].length), weak: false };
  const weak = WEAK_BULLET.exec(text);
  if (weak !== null) return { text: text.slice(weak[0].length), weak: !text.slice(1).startsWith('\t') };
  if (NUMBER_MARKER.test(text)) return { text, weak: !/^\S+\t/.test(text) };
  return null;
}

/**
 * A paragraph's text from its lines: a line ended on purpose keeps its break, a wrapped line is
 * joined with a space, a word hyphenated across lines (`care-` `ful`, a lower-case letter before
 * the hyphen and after the break) is joined without it unless the document writes the word with
 * a hyphen elsewhere (`long-term`), and a hyphen before anything else is kept (`North-` `East`).
 */
function joinLines(lines: readonly HeldLine[], compounds: ReadonlySet<string>): string {
  let text = '';
  for (const [index, line] of lines.entries()) {
    const previous = lines[index - 1];
    if (previous === undefined) text = line.text;
    else if (previous.short) text += `\n${line.text}`;
    else if (text.endsWith('\u00ad')) text = text.slice(0, -1) + line.text;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) {
      const compound = `${/[\p{L}\p{N}'’-]*$/u.exec(text)?.[0] ?? ''}${/^[\p{L}\p{N}'’-]*/u.exec(line.text)?.[0] ?? ''}`.toLowerCase();
      text = compounds.has(compound) ? text + line.text : text.slice(0, -1) + line.text;
    } else if (/\S[-‐]$/u.test(text)) text += line.text;
    else text += ` ${line.text}`;
  }
  return text.replace(/\t/g, ' ').replace(/\u00ad/g, '');
}

/**
 * Rebuilds a document's paragraphs from the lines of its pages (an empty list for a page that
 * could not be read), in order. A paragraph ends at a vertical gap clearly larger than the line
 * spacing, a change of size (a heading), a list marker, a line starting further in after a line
 * ended short, or a new sentence after a sentence ended short; a paragraph that runs off the
 * bottom of a page mid-sentence goes on at the top of the next. Running headers and footers and
 * page numbers are paragraphs of their own kind; so are lines of contact details and a letter's
 * salutation, date, reference and signature.
 */
export function documentParagraphs(pageTexts: readonly PdfPageLines[]): PdfParagraph[] {
  const pages = pageTexts.map((page) => page.lines);
  const furniture = pageFurniture(pages);
  const text = pages.map((lines, index) => lines.filter((_, line) => !furniture.get(index)?.has(line)));
  const widths = new Map<number, number>();
  for (const page of pageTexts) if (page.width > 0) widths.set(Math.round(page.width), (widths.get(Math.round(page.width)) ?? 0) + 1);
  const layout = measureLayout(text, mostUsed(widths));
  const listXs: number[] = [];
  const closed: { open: OpenParagraph; kind: PdfParagraphKind | null; text?: string }[] = [];
  let open: OpenParagraph | null = null;
  const compounds = hyphenatedWords(pages);
  const headingOf = (line: PdfLine) => (line.field === undefined ? (layout.headingLevels.get(round(line.size)) ?? null) : null);
  const close = () => {
    if (open !== null) closed.push({ open, kind: null });
    open = null;
  };
  for (const [pageIndex, lines] of pages.entries()) {
    const marks = furniture.get(pageIndex) ?? new Map<number, PdfParagraphKind>();
    let number = 0;
    let previousOnPage: PdfLine | null = null;
    for (const [index, line] of lines.entries()) {
      const mark = marks.get(index);
      if (mark !== undefined) {
        number += 1;
        closed.push({ open: lineParagraph(line, line.text, pageIndex + 1, number), kind: mark });
        continue;
      }
      const unanswered = unansweredLabel(line.text);
      if (unanswered !== null) {
        close();
        number += 1;
        previousOnPage = line;
        closed.push({ open: lineParagraph(line, unanswered, pageIndex + 1, number), kind: 'unanswered' });
        continue;
      }
      const heading = headingOf(line);
      const marker = heading === null ? listMarker(line.text) : null;
      const contact = line.contact === true || isContactLine(line.text);
      const previous: PdfLine | null = open === null ? null : (open as OpenParagraph).last;
      const previousShort: boolean = previous !== null && endsShort(previous, line, layout.right);
      const markerCounts: boolean = marker !== null && (!marker.weak || previous === null || previousShort || previousOnPage === null);
      let continues = false;
      if (open !== null && previous !== null && previous.field === line.field && !markerCounts && !SECTION_NUMBER.test(line.text)) {
        const current: OpenParagraph = open;
        const sameHeading = current.heading === heading;
        if (previousOnPage === null) {
          const lastContact = current.lines.at(-1)?.contact === true;
          continues =
            sameHeading &&
            heading === null &&
            line.field === undefined &&
            !previousShort &&
            !CLAUSE_END.test(previous.text) &&
            !contact &&
            !lastContact;
          if (continues && current.markerX !== null) continues = line.x > current.markerX + 0.3 * layout.bodySize;
        } else {
          const step = previous.y - line.y;
          const spacing = heading === null ? layout.lineSpacing : Math.max(layout.lineSpacing, 1.2 * line.size);
          const gap = PARAGRAPH_GAP_SPACINGS * spacing;
          continues = sameHeading && step > 0.5 && step <= gap;
          if (continues && current.markerX !== null) continues = line.x > current.markerX + 0.3 * layout.bodySize;
          if (continues && current.markerX === null && previousShort && line.x > previous.x + 0.5 * layout.bodySize) continues = false;
          if (continues && previousShort && SENTENCE_END.test(previous.text) && /^\p{Lu}/u.test(line.text)) {
            continues = false;
          }
        }
      }
      previousOnPage = line;
      const narrow = line.right - line.x < NARROW_LINE_SHARE * Math.max(layout.right - layout.left, 1);
      const held: HeldLine = {
        text: markerCounts && marker !== null ? marker.text : line.text,
        short: true,
        narrow,
        contact,
        source: line,
      };
      if (continues && open !== null) {
        const current: OpenParagraph = open;
        const last = current.lines.at(-1);
        if (last !== undefined) last.short = previousShort;
        current.lines.push(held);
        current.last = line;
        current.right = Math.max(current.right, line.right);
        continue;
      }
      close();
      number += 1;
      const markerX: number | null = markerCounts ? line.x : null;
      if (markerX !== null) listXs.push(markerX);
      open = { page: pageIndex + 1, number, lines: [held], heading, markerX, x: line.x, top: line.y, right: line.right, last: line };
    }
  }
  close();
  const levels = listLevels(listXs);
  const ordered = [...closed].sort((a, b) => a.open.page - b.open.page || a.open.number - b.open.number);
  const beside = ordered.map(({ open: left }, index) => {
    const right = ordered[index + 1]?.open;
    return right !== undefined && right.page === left.page && standsBeside(left, right, layout.bodySize);
  });
  return withAddressesAtHead(classify(ordered, levels, compounds, beside));
}

/** What may stand at a letter's head among its addresses, the head going on past it. */
const HEAD_PARTS: ReadonlySet<PdfParagraphKind> = new Set(['contact', 'date-line', 'reference-line', 'running-header', 'page-number']);

/** A paragraph of one line of its own kind (page furniture, a field left empty), holding `text`. */
function lineParagraph(line: PdfLine, text: string, page: number, number: number): OpenParagraph {
  const held: HeldLine = { text, short: true, narrow: true, contact: false, source: line };
  return { page, number, lines: [held], heading: null, markerX: null, x: line.x, top: line.y, right: line.right, last: line };
}

/**
 * The paragraphs with an address set a line to a paragraph at the document's head marked as
 * contact details: the one-line paragraphs above a line that is a postcode (see {@link endsAddress}),
 * as a Word document's are read (src/adapters/readers/letter-parts.ts). The head ends at the first
 * paragraph that is none of {@link HEAD_PARTS} nor such a line, or after
 * {@link MAX_ADDRESS_LINES} such lines in a row.
 */
function withAddressesAtHead(paragraphs: PdfParagraph[]): PdfParagraph[] {
  let held: number[] = [];
  for (const [index, paragraph] of paragraphs.entries()) {
    if (paragraph.kind === 'text' && paragraph.listLevel === null && isAddressLine([paragraph.text])) {
      if (held.length === MAX_ADDRESS_LINES) break;
      held.push(index);
      continue;
    }
    if (paragraph.kind === 'contact' && endsAddress(paragraph.text.split('\n'))) {
      for (const at of held) paragraphs[at] = { ...(paragraphs[at] as PdfParagraph), kind: 'contact' };
    } else if (!HEAD_PARTS.has(paragraph.kind)) {
      break;
    }
    held = [];
  }
  return paragraphs;
}

/**
 * Whether `right`, the paragraph after `left`, is the next cell of the same table row: it starts
 * to the right of every line of `left`, level with one of them. A form laid out as a table
 * (question | answer) is drawn row by row, so its cells come in this order; a page of two
 * columns is drawn column by column, so the first paragraph of its second column comes after
 * the last of its first, level with none of its lines.
 */
function standsBeside(left: OpenParagraph, right: OpenParagraph, bodySize: number): boolean {
  const slack = 0.6 * bodySize;
  return right.x > left.right + 0.5 * bodySize && right.top <= left.top + slack && right.top >= left.last.y - slack;
}

/**
 * The label of a form's field left empty, as a line shows it: '' for a line that is only the
 * placeholder an empty Word content control shows (`Click or tap here to enter text.`), the
 * label for a line that ends in one a tab away (`Date⇥Click or tap to enter a date.`); null
 * for any other line.
 */
function unansweredLabel(text: string): string | null {
  if (isWordPlaceholder(text)) return '';
  const cells = text.split('\t');
  return cells.length > 1 && isWordPlaceholder(cells.at(-1) ?? '') ? cells.slice(0, -1).join('\t') : null;
}

/** The level of each list marker position: positions within 4 pt are one level, the leftmost level 0. */
function listLevels(xs: readonly number[]): (x: number) => number {
  const stops: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    if (stops.length === 0 || x - (stops.at(-1) ?? 0) > 4) stops.push(x);
  }
  return (x) => {
    let level = 0;
    for (const [index, stop] of stops.entries()) if (x >= stop - 4) level = index;
    return Math.min(level, MAX_LIST_LEVEL);
  };
}

/** The kind of each paragraph: a heading, a question of a response form, contact details, a letter's formalities, or text. */
function classify(
  closed: readonly { open: OpenParagraph; kind: PdfParagraphKind | null }[],
  level: (x: number) => number,
  compounds: ReadonlySet<string>,
  beside: readonly boolean[],
): PdfParagraph[] {
  const paragraphs: PdfParagraph[] = [];
  let signature = false;
  for (let index = 0; index < closed.length; index += 1) {
    const entry = closed[index];
    if (entry === undefined) continue;
    const { open } = entry;
    const text = joinLines(beside[index - 1] === true ? wrappedInCell(open) : open.lines, compounds);
    const kind = entry.kind ?? (isWordPlaceholder(text) ? 'unanswered' : null);
    const block = open.lines.slice(0, -1).every((line) => line.short || line.narrow);
    const oneLine = open.lines.length === 1;
    const base = { page: open.page, number: open.number, top: open.top, heading: null, listLevel: null };
    if (kind !== null) {
      paragraphs.push({ ...base, text, kind });
      continue;
    }
    if (open.heading !== null && text.length <= MAX_HEADING_CHARS && open.lines.length <= MAX_HEADING_LINES) {
      signature = false;
      paragraphs.push({ ...base, text: text.replace(/\s+/g, ' '), kind: 'heading', heading: open.heading });
      continue;
    }
    const contacts = open.lines.filter((line) => line.contact).length;
    const firstLine = open.lines[0]?.text ?? '';
    let filtered: PdfParagraphKind | null = null;
    if (block && SIGN_OFF.test(firstLine)) signature = true;
    else if (signature && !(block && open.lines.length <= MAX_SIGNATURE_LINES && open.markerX === null)) signature = false;
    if (signature) filtered = 'sign-off';
    else if (contacts > 0 && (block || contacts === open.lines.length)) filtered = 'contact';
    else if (oneLine) filtered = oneLinePart(text);
    if (filtered === 'contact') {
      let run: HeldLine[] = [];
      for (const line of open.lines) {
        const row = organisationRow(line.text);
        if (row === null) {
          run.push(line);
          continue;
        }
        if (run.length > 0) paragraphs.push({ ...base, text: joinLines(run, compounds), kind: 'contact' });
        run = [];
        paragraphs.push({ ...base, ...row, kind: 'about' });
      }
      if (run.length > 0) paragraphs.push({ ...base, text: joinLines(run, compounds), kind: 'contact' });
      continue;
    }
    if (filtered !== null) {
      paragraphs.push({ ...base, text, kind: filtered });
      continue;
    }
    const row = oneLine ? organisationRow(open.lines[0]?.text ?? '') : null;
    if (row !== null) {
      paragraphs.push({ ...base, ...row, kind: 'about' });
      continue;
    }
    if (contacts > 0) {
      for (const piece of splitContacts(open, base, compounds)) paragraphs.push(piece);
      continue;
    }
    if (open.markerX === null && open.lines.some((line) => rowLabel(line) !== null)) {
      for (const piece of rowPieces(open.lines, base, compounds)) paragraphs.push(piece);
      continue;
    }
    const spaced = text.replace(/\s+/g, ' ');
    if (open.markerX === null && beside[index] === true && spaced.length <= MAX_QUESTION_CHARS) {
      const next = closed[index + 1];
      if (isOrganisationQuestion(spaced) && next !== undefined && next.kind === null) {
        paragraphs.push({
          ...base,
          text: spaced.replace(/\s*:$/, ''),
          kind: 'about',
          answer: joinLines(next.open.lines, compounds).replace(/\s+/g, ' '),
        });
        index += 1;
        continue;
      }
      if (LABEL_BESIDE.test(spaced)) {
        paragraphs.push({ ...base, text: spaced.replace(/\s*:$/, ''), kind: 'question' });
        continue;
      }
    }
    if (open.markerX === null && QUESTION.test(text) && text.length <= MAX_QUESTION_CHARS) {
      paragraphs.push({ ...base, text: spaced, kind: 'question' });
      continue;
    }
    paragraphs.push({ ...base, text, kind: 'text', listLevel: open.markerX === null ? null : level(open.markerX) });
  }
  return paragraphs;
}

/**
 * The lines of a table's cell (a paragraph beside the one before it), each ended short or wrapped
 * as judged against the cell's own right edge (where its widest line ends), not the page's: a
 * cell's lines wrap where the cell ends. The cell may reach further than its widest line, so a
 * line that ends mid-clause before a word in lower case was wrapped too.
 */
function wrappedInCell(open: OpenParagraph): HeldLine[] {
  return open.lines.map((line, index) => {
    const next = open.lines[index + 1];
    if (next === undefined) return line;
    const midClause = !CLAUSE_END.test(line.text) && /^\p{Ll}/u.test(next.text);
    return { ...line, short: !midClause && endsShort(line.source, next.source, open.right) };
  });
}

/** A line of a form's table naming the organisation the respondent answers for (`Organisation⇥Anytown Carers`): its question and answer. */
function organisationRow(text: string): { text: string; answer: string } | null {
  const tab = text.indexOf('\t');
  if (tab === -1) return null;
  const label = text.slice(0, tab).trim().replace(/\s*:$/, '');
  const answer = text
    .slice(tab + 1)
    .replace(/\s+/g, ' ')
    .trim();
  return answer !== '' && isOrganisationQuestion(label) ? { text: label, answer } : null;
}

/** The question of a line that is a row of a form's table a tab apart ({@link ROW_QUESTION}, then its answer); null for any other line. */
function rowLabel(line: HeldLine): string | null {
  const tab = line.text.indexOf('\t');
  if (tab === -1) return null;
  const label = line.text.slice(0, tab).replace(/\s+/g, ' ').trim();
  return label.length <= MAX_QUESTION_CHARS && ROW_QUESTION.test(label) && line.text.slice(tab + 1).trim() !== '' ? label : null;
}

/**
 * Lines of a paragraph as text, each row of a form's table drawn a tab apart on one line (`Which
 * area do you live in?⇥Northgate`, see {@link rowLabel}) split into its question and its answer,
 * which goes on on the lines below that stand further in than the row (an answer cell that wraps).
 */
function rowPieces(lines: readonly HeldLine[], base: Omit<PdfParagraph, 'text' | 'kind'>, compounds: ReadonlySet<string>): PdfParagraph[] {
  const pieces: PdfParagraph[] = [];
  let run: HeldLine[] = [];
  const flush = () => {
    if (run.length > 0) pieces.push({ ...base, text: joinLines(run, compounds), kind: 'text', listLevel: null });
    run = [];
  };
  let rowX: number | null = null;
  for (const line of lines) {
    const label = rowLabel(line);
    if (label === null) {
      if (rowX !== null && line.source.x <= rowX + 2) {
        flush();
        rowX = null;
      }
      run.push(line);
      continue;
    }
    flush();
    rowX = line.source.x;
    pieces.push({ ...base, text: label, kind: 'question' });
    run.push({ ...line, text: line.text.slice(line.text.indexOf('\t') + 1).trim() });
  }
  flush();
  return pieces;
}

/** A paragraph of prose with lines of contact details in it: the contact lines apart (filtered), the prose around them as text. */
function splitContacts(open: OpenParagraph, base: Omit<PdfParagraph, 'text' | 'kind'>, compounds: ReadonlySet<string>): PdfParagraph[] {
  const pieces: PdfParagraph[] = [];
  let run: HeldLine[] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (open.markerX !== null) pieces.push({ ...base, text: joinLines(run, compounds), kind: 'text', listLevel: null });
    else for (const piece of rowPieces(run, base, compounds)) pieces.push(piece);
    run = [];
  };
  for (const line of open.lines) {
    if (!line.contact) {
      run.push(line);
      continue;
    }
    flush();
    pieces.push({ ...base, text: line.text, kind: 'contact' });
  }
  flush();
  return pieces;
}
