import { InputError } from '../../errors.js';
import { formatBytes } from '../../source/byte-size.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { commentRecords, reviewedDraftWarning } from '../readers/document-comments.js';
import { ABOUT_RESPONDENT_DETAIL, DocumentNotes } from '../readers/document-notes.js';
import { asksConsent } from '../readers/form-consent.js';
import {
  holdsReviewNotes,
  markupAnnotations,
  reviewComments,
  sectionsOf,
  typedFields,
  type AnnotatedPage,
} from '../readers/pdf-annotations.js';
import {
  withFormBoxes,
  withFormFields,
  type PdfFormBox,
  type PdfFormField,
  documentParagraphs,
  pageLines,
  type PdfPageLines,
  type PdfParagraph,
  type PdfParagraphKind,
  type PdfTextRun,
} from '../readers/pdf-layout.js';

/** The largest PDF read, checked before any of it is: a consultation response is a few megabytes; a 256 MiB file is a scan or a bundle. */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** The most pages a PDF may have to be read, checked before its first page is. */
export const MAX_PDF_PAGES = 2000;

/** How long opening the PDF, or reading one page's text, may take before it is given up. */
const STEP_TIMEOUT_MS = 30_000;

/** Where a PDF's `%PDF-` header may start: readers accept up to 1 KiB of junk before it. */
const HEADER_WINDOW = 1024;

const SIGNATURE = '%PDF-';

const OCR_ADVICE = 'run OCR on it (for example with ocrmypdf) and ingest the result';

/** What each kind of filtered paragraph is called in its `detail`. */
const FILTERED_DETAIL: Partial<Record<PdfParagraphKind, string>> = {
  'running-header': 'running header or footer',
  'page-number': 'page number',
  contact: 'contact details',
  salutation: 'letter salutation',
  'date-line': 'letter date',
  'reference-line': 'letter reference',
  'sign-off': 'letter sign-off and signature',
  unanswered: 'form field left empty',
};

function hasSignature(head: Buffer): boolean {
  return head.subarray(0, HEADER_WINDOW).includes(SIGNATURE, 0, 'latin1');
}

/** An ISO UTC date from a PDF date string (`D:20240315103000+01'00'`), or null when it is not one. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(value.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part, index) => Number(part ?? (index < 3 ? 1 : 0)));
  const offset = match[8] === undefined ? 0 : (match[8] === '-' ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10] ?? 0));
  if (
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    year === undefined
  ) {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Resolves as `work` does, or rejects once {@link STEP_TIMEOUT_MS} has passed. */
async function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
}

/** The runs of a page's text content, leaving out empty marked-content entries and turned text (watermarks, margin notes). */
function textRuns(items: readonly unknown[]): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item) || !('transform' in item)) continue;
    const { str, transform, width, hasEOL } = item as { str: unknown; transform: unknown; width: unknown; hasEOL: unknown };
    if (typeof str !== 'string' || !Array.isArray(transform)) continue;
    const [a, b, c, d, x, y] = transform.map((value) => (typeof value === 'number' ? value : 0));
    if (Math.abs(b ?? 0) > 0.01 || Math.abs(c ?? 0) > 0.01 || (a ?? 0) <= 0) continue;
    runs.push({
      text: str,
      x: x ?? 0,
      y: y ?? 0,
      width: typeof width === 'number' ? width : 0,
      size: Math.abs(d ?? 0) || Math.abs(a ?? 0),
      endsLine: hasEOL === true,
    });
  }
  return runs;
}

/** A widget annotation's box on the page (left, bottom, right, top), or null when it has none. */
function widgetRect(rect: unknown): [number, number, number, number] | null {
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((value) => typeof value === 'number')) return null;
  const [x1, y1, x2, y2] = rect as [number, number, number, number];
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/** The visible form widgets among a page's annotations (pdfjs's widget annotation data), hidden ones left out. */
function visibleWidgets(annotations: readonly unknown[]): { data: Record<string, unknown>; rect: [number, number, number, number] }[] {
  return annotations.flatMap((annotation) => {
    if (typeof annotation !== 'object' || annotation === null) return [];
    const data = annotation as Record<string, unknown>;
    const rect = widgetRect(data['rect']);
    return data['subtype'] === 'Widget' && data['hidden'] !== true && rect !== null ? [{ data, rect }] : [];
  });
}

/**
 * The words a drop-down or list box shows chosen: the display text of each chosen option
 * (pdfjs gives their export values in `fieldValue`), joined by `; `; a value typed into an
 * editable drop-down is itself.
 */
function chosenText(fieldValue: unknown, options: unknown): string {
  const values = (Array.isArray(fieldValue) ? fieldValue : [fieldValue]).filter((value): value is string => typeof value === 'string');
  const shown = values.map((value) => {
    const option = (Array.isArray(options) ? options : []).find(
      (each): each is { exportValue: unknown; displayValue: unknown } =>
        typeof each === 'object' && each !== null && (each as { exportValue?: unknown }).exportValue === value,
    );
    return typeof option?.displayValue === 'string' && option.displayValue.trim() !== '' ? option.displayValue : value;
  });
  return shown
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .join('; ');
}

/**
 * The filled-in text fields, and the chosen options of drop-downs and list boxes, among a
 * page's annotations (pdfjs's widget annotations), leaving out hidden ones.
 */
function formFields(annotations: readonly unknown[]): PdfFormField[] {
  const fields: PdfFormField[] = [];
  for (const { data, rect } of visibleWidgets(annotations)) {
    const { fieldType, fieldValue, fieldName, alternativeText, multiLine, options } = data;
    const value =
      fieldType === 'Tx' && typeof fieldValue === 'string' ? fieldValue : fieldType === 'Ch' ? chosenText(fieldValue, options) : '';
    if (value.trim() === '') continue;
    const [left, bottom, right, top] = rect;
    const label =
      typeof alternativeText === 'string' && alternativeText.trim() !== ''
        ? alternativeText
        : typeof fieldName === 'string'
          ? fieldName
          : '';
    fields.push({ value, label, left, bottom, right, top, multiline: fieldType === 'Tx' && multiLine === true });
  }
  return fields;
}

/**
 * The check boxes and radio buttons among a page's annotations, leaving out hidden ones and push
 * buttons, each ticked as pdfjs reads it: a check box when its state (its `/AS`, else the field's
 * `/V`) is its own on state (`exportValue`, whatever it is called: `Yes`, `On`, `Agree`), a radio
 * button when its group's value is its own on state (`buttonValue`).
 */
function formBoxes(annotations: readonly unknown[]): PdfFormBox[] {
  const boxes: PdfFormBox[] = [];
  for (const { data, rect } of visibleWidgets(annotations)) {
    const { fieldType, fieldValue, checkBox, radioButton, exportValue, buttonValue } = data;
    if (fieldType !== 'Btn' || (checkBox !== true && radioButton !== true)) continue;
    const on = checkBox === true ? exportValue : buttonValue;
    const ticked =
      typeof fieldValue === 'string' &&
      fieldValue !== 'Off' &&
      (typeof on === 'string' ? fieldValue === on : checkBox === true && fieldValue !== '');
    const [left, bottom, right, top] = rect;
    boxes.push({ ticked, left, bottom, right, top });
  }
  return boxes;
}

async function* readPdf(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const file = source.path;
  if (source.size === 0) {
    throw new InputError('the PDF is empty (0 bytes); check that the download or copy finished', {
      location: { file },
      hint: 'check that the download or copy finished',
    });
  }
  if (!hasSignature(source.headBytes)) {
    throw new InputError('not a PDF: it does not start with %PDF-; check that this is the file you meant', {
      location: { file },
      hint: 'check that this is the file you meant; a document saved from Word or LibreOffice can be read as .docx or .odt',
    });
  }
  if (source.size > MAX_PDF_BYTES) {
    throw new InputError(
      `the PDF is ${formatBytes(source.size)}, over the ${formatBytes(MAX_PDF_BYTES)} tlap reads from one PDF; split it into smaller PDFs`,
      { location: { file }, hint: 'split it into smaller PDFs, or save its text as a Word document' },
    );
  }
  const bytes = await source.readBytes(MAX_PDF_BYTES);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await withinTime(task.promise, 'opening the PDF');
  } catch (error) {
    await task.destroy();
    if (errorName(error) === 'PasswordException') {
      throw new InputError('the PDF is protected by a password; remove the password and save it again', {
        location: { file },
        hint: 'open it with its password, remove the password (or print it to a new PDF) and save it again',
      });
    }
    throw new InputError(`cannot read the PDF (${errorText(error)}); is it damaged or truncated? check that the file is complete`, {
      location: { file },
      hint: 'check that the file is complete; if it opens, save or print it to a new PDF',
    });
  }
  try {
    yield* documentItems(file, document, options.documentText === true);
  } finally {
    await document.destroy();
  }
}

/** The part of pdfjs's document this adapter uses. */
interface PdfDocument {
  numPages: number;
  getMetadata(): Promise<{ info: object }>;
  getPage(
    number: number,
  ): Promise<{ view: number[]; getTextContent(): Promise<{ items: unknown[] }>; getAnnotations(): Promise<unknown[]> }>;
}

/** A page as read: its text runs, its annotations, and its width. */
interface ReadPage {
  runs: PdfTextRun[];
  annotations: unknown[];
  width: number;
}

/**
 * The items of a PDF: its paragraphs, or, when reviewers have left notes on it (a draft sent back
 * with comments), one record per note and, unless `documentText`, not its own text.
 */
async function* documentItems(file: string, document: PdfDocument, documentText: boolean): AsyncIterable<AdapterItem> {
  if (document.numPages > MAX_PDF_PAGES) {
    throw new InputError(
      `the PDF has ${document.numPages.toLocaleString('en-GB')} pages, over the ${MAX_PDF_PAGES.toLocaleString('en-GB')} tlap reads from one PDF; split it into smaller PDFs`,
      { location: { file }, hint: 'split it into smaller PDFs' },
    );
  }
  const date = await readDate(document);
  const read: (ReadPage | null)[] = [];
  const failed = new Map<number, string>();
  for (let number = 1; number <= document.numPages; number += 1) {
    try {
      read.push(
        await withinTime(
          document.getPage(number).then(async (page) => ({
            runs: textRuns((await page.getTextContent()).items),
            annotations: await page.getAnnotations(),
            width: (page.view[2] ?? 0) - (page.view[0] ?? 0),
          })),
          `reading page ${number}`,
        ),
      );
    } catch (error) {
      failed.set(number, errorText(error));
      read.push(null);
    }
  }
  const annotated: AnnotatedPage[] = read.map((page, index) => ({
    page: index + 1,
    markups: page === null ? [] : markupAnnotations(page.annotations, pdfDate),
    runs: page?.runs ?? [],
  }));
  const rejections = [...failed.entries()].map(([page, reason]): AdapterItem => ({
    kind: 'rejected',
    code: 'PDF_PAGE_UNREADABLE',
    message: `page ${page} cannot be read (${reason}); skipped`,
    provenance: { file, part: `page ${page}` },
  }));
  const reviewed = annotated.some((page) => holdsReviewNotes(page.markups));
  const pages: PdfPageLines[] = read.map((page, index) => {
    if (page === null) return { lines: [], width: 0 };
    const fields = reviewed
      ? formFields(page.annotations)
      : formFields(page.annotations).concat(typedFields(annotated[index]?.markups ?? []));
    return { lines: withFormFields(pageLines(withFormBoxes(page.runs, formBoxes(page.annotations))), fields), width: page.width };
  });
  const paragraphs = documentParagraphs(pages);
  if (reviewed) {
    const review = reviewComments(file, annotated, sectionsOf(paragraphs));
    yield* commentRecords(file, review.comments, review.anchors);
    yield* review.filtered;
    if (!documentText) {
      yield* rejections;
      yield reviewedDraftWarning(file, review.comments, 'annotations');
      return;
    }
  }
  const blank = pages.flatMap((page, index) => (page.lines.length === 0 && !failed.has(index + 1) ? [index + 1] : []));
  if (blank.length === pages.length && pages.length > 0) {
    throw new InputError(`the PDF has no text on any page: it holds images of text only; ${OCR_ADVICE}`, {
      location: { file },
      hint: OCR_ADVICE,
    });
  }
  if (blank.length > 0 && blank.length < pages.length - failed.size) {
    yield {
      kind: 'warning',
      message: `${blank.length === 1 ? 'page' : 'pages'} ${blank.join(', ')} of ${pages.length} hold no text; if ${blank.length === 1 ? 'it is a scanned image' : 'they are scanned images'}, ${OCR_ADVICE}`,
      provenance: { file },
    };
  }
  yield* paragraphItems(file, paragraphs, date, rejections);
}

/** When the PDF was created (else last modified), from its info dictionary; null when it does not say. */
async function readDate(document: PdfDocument): Promise<string | null> {
  try {
    const { info } = await withinTime(document.getMetadata(), 'reading the PDF information');
    const fields = info as Record<string, unknown>;
    return pdfDate(fields['CreationDate']) ?? pdfDate(fields['ModDate']);
  } catch {
    return null;
  }
}

/**
 * The items of a PDF's paragraphs, read as a Word document's are (headings set the section, list
 * items name their parent), each located `page P, paragraph N`; page furniture, contact details
 * and a letter's formalities are filtered; a response form's answers carry their question, and
 * its answer on publishing is filtered and carried by every record in `meta.answers`.
 */
function paragraphItems(
  file: string,
  paragraphs: readonly PdfParagraph[],
  date: string | null,
  rejections: readonly AdapterItem[],
): Iterable<AdapterItem> {
  const notes = new DocumentNotes(file, date);
  return notes.answers.release(noteItems(file, paragraphs, notes, rejections));
}

/** The items of {@link paragraphItems} in order, before the form's answers on publishing are added. */
function* noteItems(
  file: string,
  paragraphs: readonly PdfParagraph[],
  notes: DocumentNotes,
  rejections: readonly AdapterItem[],
): Iterable<AdapterItem> {
  const fed: { part: string; question: string | null }[] = [];
  let question: string | null = null;
  let rejected = 0;
  const located = (item: AdapterItem): AdapterItem => {
    if (item.kind !== 'record' && item.kind !== 'filtered') return item;
    const provenance = item.kind === 'record' ? item.draft.provenance : item.provenance;
    const ordinal = Number(/^paragraph (\d+)$/.exec(provenance.part ?? '')?.[1] ?? 0);
    const place = fed[ordinal - 1];
    if (place === undefined) return item;
    if (item.kind === 'filtered') return { ...item, provenance: { file, part: place.part } };
    if (place.question !== null && asksConsent(place.question)) {
      notes.answers.answer(place.question, item.draft.text);
      return notes.answers.filtered({ file, part: place.part });
    }
    const draft = { ...item.draft, provenance: { file, part: place.part } };
    return {
      kind: 'record',
      draft: place.question === null ? draft : { ...draft, meta: { ...item.draft.meta, question: place.question } },
    };
  };
  for (const paragraph of paragraphs) {
    for (; rejected < rejections.length; rejected += 1) {
      const rejection = rejections[rejected];
      const page = Number(/\d+/.exec(rejection?.kind === 'rejected' ? (rejection.provenance.part ?? '') : '')?.[0] ?? 0);
      if (rejection === undefined || page > paragraph.page) break;
      yield rejection;
    }
    const part = `page ${paragraph.page}, paragraph ${paragraph.number}`;
    const detail = FILTERED_DETAIL[paragraph.kind];
    if (detail !== undefined) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance: { file, part }, detail };
      continue;
    }
    if (paragraph.kind === 'about') {
      notes.answers.answer(paragraph.text, paragraph.answer ?? '');
      yield notes.answers.filtered({ file, part }, ABOUT_RESPONDENT_DETAIL);
      continue;
    }
    if (paragraph.kind === 'question') {
      question = paragraph.text;
      if (asksConsent(question)) notes.answers.answer(question, '');
      continue;
    }
    if (paragraph.kind === 'heading') question = null;
    fed.push({ part, question });
    const items = notes.paragraph(
      { text: paragraph.text, heading: paragraph.heading, listLevel: paragraph.listLevel, contents: false, question },
      false,
    );
    for (const item of items) yield located(item);
  }
  yield* rejections.slice(rejected);
  for (const item of notes.end()) yield located(item);
}

/**
 * PDF documents (letters, filled-in response forms, reports of events), read like a Word
 * document from their text layer: one record per paragraph or list item, headings as section; a
 * draft that reviewers have left notes on, like a Word document with comments: one record per note.
 */
export const pdfDocumentAdapter: FormatAdapter = {
  name: 'pdf',
  description:
    "PDF documents (letters, response forms, event reports): one record per paragraph or bullet, headings as section; a draft with reviewers' notes on it: one record per note",
  channel: 'event-note',
  extensions: ['.pdf'],
  signature: '%PDF- (within the first 1 KiB)',
  binary: true,
  sniff(input) {
    if (input.headBytes.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE) return 0.95;
    return hasSignature(input.headBytes) ? 0.7 : 0;
  },
  read(source, options) {
    return readPdf(source, options);
  },
};
