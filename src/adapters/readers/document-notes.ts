import { InputError } from '../../errors.js';
import type { AdapterItem } from '../format-adapter.js';
import { asksConsent, consentLine, FormAnswers, isOptionAnswer, TICK_BOX_DETAIL, tickBoxAnswer } from './form-consent.js';
import { gridCellTicked, holdsTickBox, tickBoxOptions, tickedAnswer, tickedLabels } from '../../record/tick-boxes.js';
import { isListLabel, NoteOutline } from './note-outline.js';
import { isContactField } from './contact-lines.js';
import { endsAddress, isAddressLine, LETTER_PART_DETAIL, LetterParts, MAX_ADDRESS_LINES, type LetterPart } from './letter-parts.js';
import { isOrganisationQuestion } from './contact-columns.js';
import {
  MAX_XML_ELEMENT_CHARS,
  readXmlElements,
  recoveryWarnings,
  type XmlEvent,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from './xml-elements.js';
import { partError, zipPartSource, type ZipDocumentKind } from './zip-parts.js';

/**
 * One paragraph of a word-processor document (Word, OpenDocument) as its format's reader made
 * it: its text as the document now says it, and what its style makes it.
 */
export interface DocumentParagraph {
  text: string;
  /** Its heading level (1 the highest), or null for body text. */
  heading: number | null;
  /** Its list level (0 the outermost), or null when it is no list item. */
  listLevel: number | null;
  /** An entry (or the title) of a table of contents. */
  contents: boolean;
  /**
   * The question it stands under, when its format's reader finds questions itself (a PDF form's
   * `Question 3: …` paragraph): what an answer in tick boxes answers.
   */
  question?: string | null;
}

/** The longest text a two-column table's left cell may have to be read as the question its right cell answers. */
const MAX_QUESTION_CHARS = 300;

/** A question/answer table's header row: `Question | Response`. */
const HEADER_QUESTION = /^(?:questions?|topics?|prompts?|items?)\W*$/i;
const HEADER_ANSWER = /^(?:(?:your\s+)?(?:answers?|responses?|comments?|views?)|reply)\W*$/i;

/** Whether a two-column table's header row is a question | answer table's (`Question | Response`, `Topic | Comments`). */
export function isQuestionAnswerHeader(question: string, answer: string): boolean {
  return HEADER_QUESTION.test(question) || HEADER_ANSWER.test(answer);
}

/** A paragraph of a table cell, numbered as it was read. */
interface CellParagraph {
  paragraph: DocumentParagraph;
  ordinal: number;
}

/** A paragraph held back, with the question above it when it is an instruction to tick (`Please tick one:`). */
interface HeldParagraph extends CellParagraph {
  prompt?: CellParagraph;
}

/** The outermost table being read: its rows, each a list of cells, each a list of paragraphs. */
interface OpenTable {
  number: number;
  rows: CellParagraph[][][];
  /** The one-line paragraph held back above it (a question, an instruction to tick): the grid's question when the table is a grid, else a note. */
  above: HeldParagraph | null;
}

/**
 * Turns the paragraphs of a word-processor document, in order, into notes shaped like event
 * notes: headings set the section path, list paragraphs nested under a list item get it as their
 * parent, a one-line paragraph labelling the list below it is its section's last part, every
 * other paragraph with text is one note; a table's cells are read row by row, a two-column
 * question | answer table giving its answers their question. The format's reader says where
 * tables, rows and cells open and hands over each paragraph; provenance is `paragraph N`, N
 * counting the paragraphs with text. An answer to a question on publishing (a table row, a
 * `Question? answer` line, or a question paragraph and the short answer below it) is no note but
 * is kept in {@link DocumentNotes.answers}, which the document's records carry. So is an answer
 * given as tick boxes (`☐ Yes ☒ No` below or beside its question or an instruction to tick), and
 * each row of a grid (a table whose header row holds the options, see {@link gridRows}): ticked
 * options are no feedback.
 */
export class DocumentNotes {
  /** The document's answers on publishing its words, and to its other questions answered in tick boxes. */
  readonly answers = new FormAnswers();
  private readonly outline: NoteOutline;
  private list: { level: number; text: string }[] = [];
  /** The line above the list being read that labels it (see {@link isListLabel}), the last part of its items' section. */
  private label: string | null = null;
  /**
   * A one-line paragraph held back until the next shows whether it labels a list or asks what the
   * boxes below it answer; with `prompt`, an instruction (`Please tick one:`) held with the
   * question above it.
   */
  private pending: HeldParagraph | null = null;
  /**
   * A question (and the instruction below it, if any) held with the paragraphs below them that
   * each hold one option in a box, until the run of options ends.
   */
  private options: { question: CellParagraph; instruction: CellParagraph | null; items: CellParagraph[] } | null = null;
  private ordinal = 0;
  private tables = 0;
  private table: OpenTable | null = null;
  private readonly letter = new LetterParts();
  /**
   * One-line paragraphs at the document's head, held back until one ending in a postcode shows
   * them to be an address typed a line to a paragraph, or something else shows they are not.
   */
  private head: CellParagraph[] = [];
  /** The document's head (the addresses, date and reference of a letter) is still being read. */
  private atHead = true;

  constructor(
    private readonly file: string,
    date: string | null,
  ) {
    this.outline = new NoteOutline(date);
  }

  /**
   * A table opens (its rows and cells follow): the list above has ended, and the paragraph held
   * back is held with the table, a grid's question when the table is a grid, else a note.
   */
  *openTable(): Iterable<AdapterItem> {
    yield* this.endHead();
    this.letter.interrupt();
    yield* this.endOptions();
    const above = this.pending;
    this.pending = null;
    this.list = [];
    this.label = null;
    this.tables += 1;
    this.table = { number: this.tables, rows: [], above };
  }

  /** A row of the open table opens. */
  openRow(): void {
    this.table?.rows.push([]);
  }

  /** A cell of the open row opens. */
  openCell(): void {
    this.table?.rows.at(-1)?.push([]);
  }

  /** The next paragraph, in a cell of the open table or outside any table (which ends the table). Empty ones are no items. */
  *paragraph(paragraph: DocumentParagraph, inTable: boolean): Iterable<AdapterItem> {
    if (!inTable) yield* this.closeTable();
    if (paragraph.text === '') {
      if (!inTable) yield* this.flushPending();
      return;
    }
    this.ordinal += 1;
    if (inTable) this.cell().push({ paragraph, ordinal: this.ordinal });
    else yield* this.letterParagraph(paragraph, this.ordinal);
  }

  /** A paragraph too large to build: one rejection, numbered like the paragraphs around it. */
  *tooLarge(inTable: boolean): Iterable<AdapterItem> {
    if (!inTable) {
      yield* this.endHead();
      yield* this.closeTable();
      yield* this.endList();
    }
    this.ordinal += 1;
    yield {
      kind: 'rejected',
      code: 'XML_ELEMENT_TOO_LARGE',
      message: `a paragraph holds more than ${MAX_XML_ELEMENT_CHARS.toLocaleString('en-GB')} characters of text; skipped`,
      provenance: { file: this.file, part: `paragraph ${this.ordinal}` },
    };
  }

  /** The notes still held: a paragraph held back, a table the document ended in (or broke off inside). */
  *end(): Iterable<AdapterItem> {
    yield* this.endHead();
    yield* this.endOptions();
    yield* this.flushPending();
    yield* this.closeTable();
  }

  /** The cell being read, made when a paragraph comes before any row or cell opened. */
  private cell(): CellParagraph[] {
    this.table ??= { number: (this.tables += 1), rows: [], above: null };
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

  /**
   * A paragraph of the body, unless it is a formal part of a letter (see {@link LetterParts}): an
   * address, its date, reference or salutation, or its sign-off and signature, filtered so that
   * the names and addresses in them are never stored. Short lines at the document's head are held
   * until a line ending in a postcode shows them to be an address, or the head ends.
   */
  private *letterParagraph(paragraph: DocumentParagraph, ordinal: number): Iterable<AdapterItem> {
    if (paragraph.heading !== null || paragraph.listLevel !== null || paragraph.contents) {
      yield* this.endHead();
      this.letter.interrupt();
      yield* this.bodyParagraph(paragraph, ordinal);
      return;
    }
    const lines = paragraph.text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const part = this.letter.partOf(lines);
    if (part !== null) {
      if (part === 'contact' && endsAddress(lines)) {
        for (const held of this.head) yield this.letterPartItem(held.paragraph, held.ordinal, 'contact');
        this.head = [];
      }
      yield* this.releaseHead();
      if (part === 'salutation' || part === 'sign-off') this.atHead = false;
      yield* this.endList();
      yield this.letterPartItem(paragraph, ordinal, part);
      return;
    }
    if (this.atHead && isAddressLine(lines) && this.head.length < MAX_ADDRESS_LINES) {
      this.head.push({ paragraph, ordinal });
      return;
    }
    yield* this.endHead();
    yield* this.bodyParagraph(paragraph, ordinal);
  }

  /** The document's head is over: the lines held there are paragraphs of the body after all. */
  private *endHead(): Iterable<AdapterItem> {
    this.atHead = false;
    yield* this.releaseHead();
  }

  /** The lines held at the head are no address: paragraphs of the body, in order. */
  private *releaseHead(): Iterable<AdapterItem> {
    const held = this.head;
    this.head = [];
    for (const { paragraph, ordinal } of held) yield* this.bodyParagraph(paragraph, ordinal);
  }

  /** A formal part of a letter: filtered; its note is made and dropped, so that the notes after it keep their ids. */
  private letterPartItem(paragraph: DocumentParagraph, ordinal: number, part: LetterPart): AdapterItem {
    const provenance = this.at(ordinal);
    this.outlineNote(paragraph, provenance);
    return { kind: 'filtered', rule: 'not-feedback', provenance, detail: LETTER_PART_DETAIL[part] };
  }

  private at(ordinal: number): { file: string; part: string } {
    return { file: this.file, part: `paragraph ${ordinal}` };
  }

  /**
   * A paragraph of the body: a heading sets the section; a one-line paragraph that could label a
   * list waits for the next, and is the list's label (no record) when a list starts right below
   * it, as in event notes; anything else is a note.
   */
  private *bodyParagraph(paragraph: DocumentParagraph, ordinal: number): Iterable<AdapterItem> {
    if (this.options !== null) {
      if (paragraph.heading === null && !paragraph.contents && isOneOption(paragraph.text)) {
        this.options.items.push({ paragraph, ordinal });
        return;
      }
      yield* this.endOptions();
    }
    const pending = this.pending;
    const asked =
      pending === null || pending.prompt !== undefined || paragraph.heading !== null ? null : consentLine(pending.paragraph.text);
    if (pending !== null && asked !== null && asked.answer === '' && isOptionAnswer(paragraph.text)) {
      this.pending = null;
      yield this.consentItem(pending.paragraph, this.at(pending.ordinal), asked.question, '');
      yield this.consentItem(paragraph, this.at(ordinal), asked.question, paragraph.text);
      return;
    }
    if (pending !== null && paragraph.heading === null && !paragraph.contents) {
      const asker = pending.prompt ?? pending;
      const question = questionOf(asker.paragraph.text);
      const closed = tickBoxAnswer(paragraph.text, question);
      if (closed !== null && closed.question === question) {
        this.pending = null;
        if (pending.prompt !== undefined)
          yield this.closedItem(pending.prompt.paragraph, this.at(pending.prompt.ordinal), { question, answer: null });
        yield this.closedItem(pending.paragraph, this.at(pending.ordinal), { question, answer: null });
        yield this.closedItem(paragraph, this.at(ordinal), closed);
        return;
      }
      if ((pending.prompt !== undefined || isChoiceQuestion(pending.paragraph.text.trim())) && isOneOption(paragraph.text)) {
        this.pending = null;
        this.options = { question: asker, instruction: pending.prompt === undefined ? null : pending, items: [{ paragraph, ordinal }] };
        return;
      }
      if (
        pending.prompt === undefined &&
        isChoiceQuestion(pending.paragraph.text.trim()) &&
        !isInstruction(pending.paragraph.text) &&
        paragraph.listLevel === null &&
        isInstruction(paragraph.text)
      ) {
        this.pending = { paragraph, ordinal, prompt: pending };
        return;
      }
    }
    const line = paragraph.heading === null && !paragraph.contents ? consentLine(paragraph.text) : null;
    if (line !== null && line.answer !== '') {
      yield* this.flushPending();
      yield this.consentItem(paragraph, this.at(ordinal), line.question, line.answer);
      return;
    }
    this.pending = null;
    if (pending?.prompt !== undefined) yield this.note(pending.prompt.paragraph, this.at(pending.prompt.ordinal));
    if (pending !== null && paragraph.heading === null && paragraph.listLevel !== null && isListLabel(pending.paragraph.text)) {
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
      if (!paragraph.contents && !paragraph.text.includes('\n') && (isListLabel(paragraph.text) || isInstruction(paragraph.text))) {
        this.pending = { paragraph, ordinal };
        return;
      }
    }
    yield this.note(paragraph, this.at(ordinal));
  }

  private *flushPending(): Iterable<AdapterItem> {
    const pending = this.pending;
    this.pending = null;
    if (pending?.prompt !== undefined) yield this.note(pending.prompt.paragraph, this.at(pending.prompt.ordinal));
    if (pending !== null) yield this.note(pending.paragraph, this.at(pending.ordinal));
  }

  /**
   * The run of options held below a question ends: two or more are its answer in tick boxes (the
   * question and each option filtered, the ticked ones kept in {@link DocumentNotes.answers}), and
   * so is one alone under a question mark (`Do you drive?`, `☒ Yes`) or an instruction to tick
   * (`Please tick:`, or `Tick one:` under its question); one alone under another label
   * (`Actions:`) is a note, as is its label.
   */
  private *endOptions(): Iterable<AdapterItem> {
    const run = this.options;
    this.options = null;
    if (run === null) return;
    const { question, instruction, items } = run;
    const held = instruction === null ? [question] : [question, instruction];
    const asks = instruction !== null || isQuestion(question.paragraph.text) || isInstruction(question.paragraph.text);
    if (items.length < 2 && !asks) {
      for (const { paragraph, ordinal } of [...held, ...items]) yield this.note(paragraph, this.at(ordinal));
      return;
    }
    const asked = questionOf(question.paragraph.text);
    const answer = tickedLabels(items.flatMap(({ paragraph }) => tickBoxOptions(paragraph.text) ?? []));
    yield this.closedItem(question.paragraph, this.at(question.ordinal), { question: asked, answer });
    for (const { paragraph, ordinal } of [...held.slice(1), ...items]) {
      yield this.closedItem(paragraph, this.at(ordinal), { question: asked, answer: null });
    }
  }

  /** The paragraph held back is a note after all, and the list above has ended. */
  private *endList(): Iterable<AdapterItem> {
    yield* this.endOptions();
    yield* this.flushPending();
    this.list = [];
    this.label = null;
  }

  /**
   * An answer on publishing (or the question it answers): kept in {@link DocumentNotes.answers}
   * and filtered; its note is made and dropped, so that the notes after it keep their ids.
   */
  private consentItem(
    paragraph: DocumentParagraph,
    provenance: { file: string; part: string },
    question: string,
    answer: string,
  ): AdapterItem {
    this.outlineNote(paragraph, provenance);
    this.answers.answer(question, tickedAnswer(answer) ?? answer);
    return this.answers.filtered(provenance);
  }

  /**
   * An answer given in tick boxes (or the question it answers), no feedback: filtered, and kept in
   * {@link DocumentNotes.answers} under its question when it has one; its note is made and
   * dropped, so that the notes after it keep their ids.
   */
  private closedItem(
    paragraph: DocumentParagraph,
    provenance: { file: string; part: string },
    closed: { question: string | null; answer: string | null },
  ): AdapterItem {
    this.outlineNote(paragraph, provenance);
    if (closed.question !== null && closed.answer !== null) this.answers.answer(closed.question, closed.answer);
    return this.answers.filtered(provenance, closed.question !== null && asksConsent(closed.question) ? undefined : TICK_BOX_DETAIL);
  }

  /**
   * A note for a paragraph, its parent the list item it is nested under; an entry of a table of
   * contents is filtered, and so is an answer in tick boxes (of `question`, when it has one).
   */
  private note(paragraph: DocumentParagraph, provenance: { file: string; part: string }, question?: string): AdapterItem {
    const closed = paragraph.contents ? null : tickBoxAnswer(paragraph.text, question ?? paragraph.question ?? null);
    if (closed !== null) return this.closedItem(paragraph, provenance, closed);
    return this.outlineNote(paragraph, provenance, question);
  }

  /** The outline's note for a paragraph, whatever it holds (an entry of a table of contents filtered). */
  private outlineNote(paragraph: DocumentParagraph, provenance: { file: string; part: string }, question?: string): AdapterItem {
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
    const grid = questions === null ? gridRows(table.rows) : null;
    for (const held of table.above === null ? [] : [table.above.prompt, table.above]) {
      if (held === undefined) continue;
      yield grid === null
        ? this.note(held.paragraph, this.at(held.ordinal))
        : this.closedItem(held.paragraph, this.at(held.ordinal), { question: null, answer: null });
    }
    for (const [rowIndex, row] of table.rows.entries()) {
      const at = (ordinal: number) => ({ file: this.file, part: `table ${table.number}, row ${rowIndex + 1}, paragraph ${ordinal}` });
      const gridRow = grid?.[rowIndex];
      if (gridRow !== undefined && gridRow !== null) {
        yield* this.gridRow(row, gridRow, at);
        continue;
      }
      const question = questions?.[rowIndex];
      if (question !== undefined) {
        const answers = row[1] ?? [];
        const asked = question.kind === 'question' && question.text !== null && asksConsent(question.text) ? question.text : null;
        if (asked !== null) {
          this.answers.answer(asked, '');
          for (const { paragraph, ordinal } of answers) yield this.consentItem(paragraph, at(ordinal), asked, paragraph.text);
          this.list = [];
          continue;
        }
        if (question.kind === 'about') {
          for (const { paragraph, ordinal } of answers) {
            this.answers.answer(question.text, paragraph.text);
            yield this.answers.filtered(at(ordinal), ABOUT_RESPONDENT_DETAIL);
          }
          this.list = [];
          continue;
        }
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

  /**
   * A row of a grid: its header (or a caption above it) filtered as a table header; a statement
   * row a closed answer, its statement the question and the headings of its ticked columns the
   * answer, each of its paragraphs filtered as {@link closedItem} does.
   */
  private *gridRow(
    row: readonly (readonly CellParagraph[])[],
    gridRow: GridRow,
    at: (ordinal: number) => { file: string; part: string },
  ): Iterable<AdapterItem> {
    const paragraphs = row.flat();
    if (gridRow.kind === 'header') {
      for (const { ordinal } of paragraphs)
        yield { kind: 'filtered', rule: 'not-feedback', provenance: at(ordinal), detail: 'table header' };
      return;
    }
    for (const [index, { paragraph, ordinal }] of paragraphs.entries()) {
      yield this.closedItem(paragraph, at(ordinal), { question: gridRow.question, answer: index === 0 ? gridRow.answer : null });
    }
    this.list = [];
  }
}

/** What a grid makes of one of its rows: the header (or a caption above it), or a statement answered in its boxes. */
type GridRow = { kind: 'header' } | { kind: 'statement'; question: string; answer: string };

/** The most words a grid's column heading may have (`Neither agree nor disagree`, `Don't know / not sure`). */
const MAX_GRID_HEADING_WORDS = 8;

/**
 * What each row of a grid makes of it, when the table is one: a table whose header row holds
 * two options or more (`| Strongly agree | Agree | … | Disagree`) after a first cell (empty, or
 * naming the statements or the question), and whose rows below hold a statement in their first
 * cell and, under the options, only boxes (`☒`, `☐`, a check box, or a mark typed alone: `X`) or
 * nothing, one box or mark at least in the whole grid. Rows above the header with one cell of
 * text at most (a caption merged across the table) are its header too. A row of another cell
 * count, or with words beside a box under an option (`☒ a quiet room`), is null, read as any
 * table's cells are. Null for any other table, and for one with words and no box under an option
 * (an action table's `Owner` column beside its `Done` ticks).
 */
function gridRows(rows: readonly (readonly (readonly CellParagraph[])[])[]): (GridRow | null)[] | null {
  const headerIndex = rows.findIndex((row) => row.filter((cell) => cell.length > 0).length > 1);
  const header = rows[headerIndex];
  if (header === undefined || header.length < 3) return null;
  if (rows.slice(0, headerIndex).some((row) => row.filter((cell) => cell.length > 0).length > 1)) return null;
  const headings: string[] = [];
  for (const cell of header.slice(1)) {
    const heading = cell.length === 1 ? (cell[0]?.paragraph.text.replace(/\s+/g, ' ').trim() ?? '') : '';
    if (!/\p{L}|\p{N}/u.test(heading) || holdsTickBox(heading) || heading.split(' ').length > MAX_GRID_HEADING_WORDS) return null;
    headings.push(heading);
  }
  const grid: (GridRow | null)[] = rows.map((_, index) => (index <= headerIndex ? { kind: 'header' } : null));
  let boxes = 0;
  for (const [index, row] of rows.entries()) {
    if (index <= headerIndex || row.length !== header.length) continue;
    const [first, ...cells] = row;
    const statement = (first ?? [])
      .map((cell) => cell.paragraph.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!/\p{L}/u.test(statement) || statement.length > MAX_QUESTION_CHARS || holdsTickBox(statement)) continue;
    const ticks = cells.map((cell) => (cell.length > 1 ? null : gridCellTicked(cell[0]?.paragraph.text ?? '')));
    if (ticks.some((tick) => tick === null)) {
      if (cells.some((cell) => cell.some(({ paragraph }) => !holdsTickBox(paragraph.text)))) return null;
      continue;
    }
    boxes += cells.filter((cell) => cell.length > 0).length;
    const answer = headings.filter((_, column) => ticks[column] === true).join('; ');
    grid[index] = { kind: 'statement', question: statement, answer };
  }
  return boxes > 0 ? grid : null;
}

/** What a question/answer table's left cell makes of its row. */
type RowQuestion =
  | { kind: 'question'; text: string | null }
  | { kind: 'header'; text: null }
  | { kind: 'contact'; text: null }
  | { kind: 'about'; text: string };

/**
 * Rows asking for contact details or the organisation that make a two-column table a form's "About
 * you" block even when no answer is longer than its question (`Name | Jane Smith`, `Email |
 * jane@example.org`): two, so that a table headed `Name | Email` over a list of people is not one.
 */
const MIN_ABOUT_ROWS = 2;

/** What an answer about the respondent (the organisation they answer for) is counted as: it goes to every record's `meta.answers`. */
export const ABOUT_RESPONDENT_DETAIL = 'answer about the respondent';

/**
 * The question of each row when a table is a two-column question | answer table, as consultation
 * response forms are: every row two cells, every left cell one paragraph of at most
 * {@link MAX_QUESTION_CHARS} characters (or empty, continuing the question above), some answer
 * longer than its question. A first row `Question | Response` is its header; a row asking for a
 * name, e-mail, phone, address or signature holds contact details; a row asking which
 * organisation the respondent answers for holds an answer about them, as a survey's organisation
 * column does; a table of such rows alone is one too (see {@link MIN_ABOUT_ROWS}). Null for any
 * other table.
 */
function tableQuestions(rows: readonly (readonly (readonly CellParagraph[])[])[]): RowQuestion[] | null {
  const questions: RowQuestion[] = [];
  let previous: string | null = null;
  let answered = false;
  let aboutRows = 0;
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
    if (index === 0 && question !== null && isQuestionAnswerHeader(question, answer)) {
      questions.push({ kind: 'header', text: null });
      continue;
    }
    if (question !== null && isContactField(question)) {
      questions.push({ kind: 'contact', text: null });
      aboutRows += 1;
      previous = null;
      continue;
    }
    if (question !== null && isOrganisationQuestion(question)) {
      questions.push({ kind: 'about', text: question });
      aboutRows += 1;
      previous = null;
      continue;
    }
    previous = question ?? previous;
    if (answer.length > longestWording(previous ?? '')) answered = true;
    questions.push({ kind: 'question', text: previous });
  }
  return answered || aboutRows >= MIN_ABOUT_ROWS ? questions : null;
}

/**
 * The length of a question's longest wording: a bilingual form asks each question twice, in Welsh
 * and in English (`C1. Beth …? / Q1. What …?`), and its answer is given once.
 */
function longestWording(question: string): number {
  return Math.max(0, ...question.split(/\s+\/\s+/).map((wording) => wording.length));
}

/** A document's main part, as unpacked from its zip. */
export interface DocumentPart {
  name: string;
  data: Buffer;
}

/**
 * Reads a document's main part into `notes`: each XML event `select` keeps goes to `noteEvent`,
 * the XML reader's recoveries are reported as they come, and the notes are ended. A part that
 * turns out malformed keeps the notes read before it and ends in an error naming the part. Hold
 * the items with `notes.answers` so that each record carries the document's answer on publishing.
 */
export async function* documentPartNotes(
  file: string,
  part: DocumentPart,
  select: (path: readonly XmlName[]) => XmlSelection,
  notes: DocumentNotes,
  noteEvent: (event: XmlEvent) => Iterable<AdapterItem>,
  kind: ZipDocumentKind,
): AsyncIterable<AdapterItem> {
  const recoveries: XmlRecovery[] = [];
  try {
    const events = readXmlElements(zipPartSource(part.name, part.data), select, (recovery) => recoveries.push(recovery));
    for await (const event of events) {
      yield* recoveryWarnings(file, recoveries, part.name);
      yield* noteEvent(event);
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    yield* notes.end();
    throw partError(file, part.name, error, kind);
  }
  yield* recoveryWarnings(file, recoveries, part.name);
  yield* notes.end();
}

/** The most words an option given alone in a paragraph may have (`☒ On behalf of an organisation`). */
const MAX_OPTION_WORDS = 12;

/** Whether a paragraph is one option in a box (`☒ An individual`), as forms list options one to a line. */
function isOneOption(text: string): boolean {
  const options = tickBoxOptions(text);
  return options?.length === 1 && (options[0]?.label.split(' ').length ?? 0) <= MAX_OPTION_WORDS;
}

/**
 * Whether a one-line paragraph asks for a choice (`Do you live in Northgate?`, `Are you
 * responding as:`, `Please tick one:`), so that boxed options below it answer it; a label such as
 * `Actions:` or `Next steps:` heads a to-do list instead.
 */
function isChoiceQuestion(text: string): boolean {
  if (isQuestion(text) || isInstruction(text)) return true;
  return (
    /:$/.test(text) &&
    (/^(?:are|is|do|does|did|have|has|which|what|how|who|would|will|can|please)\b/i.test(text) ||
      /\b(?:tick|select|choose|indicate)\b/i.test(text))
  );
}

/** The most words an instruction to tick may have (`Please put a cross in the box that applies to you:`). */
const MAX_INSTRUCTION_WORDS = 12;

/**
 * An instruction to tick, as forms print it under or after a question, in English or Welsh
 * (`Please tick one:`, `Tick all that apply.`, `(Select one)`, `Put an X in one box:`, `Ticiwch
 * un / Tick one:`, `Dewiswch un:`): its verb first, after an opening bracket or `Please`.
 */
const INSTRUCTION =
  /^\(?\s*(?:please\s+|plis\s+)?(?:tick|select|choose|indicate|mark|circle|ticiwch|dewiswch|(?:put|place|rhowch)\b.*\b(?:x|cross|tick|croes|tic))\b[^()]*\)?[.:]?$/i;

/**
 * Whether a one-line paragraph asks for a choice by instruction: an instruction to tick alone
 * (see {@link INSTRUCTION}), or after its question on the same line (`Do you drive? (Tick one)`).
 */
function isInstruction(text: string): boolean {
  const line = text.trim();
  if (line.includes('\n')) return false;
  const instruction = line.slice(line.lastIndexOf('?') + 1).trim();
  return instruction.split(/\s+/).length <= MAX_INSTRUCTION_WORDS && INSTRUCTION.test(instruction);
}

/** The question a paragraph asks, as a closed answer is kept under it: as written, without a closing colon. */
function questionOf(text: string): string {
  return text.trim().replace(/\s*:$/, '');
}

/** Whether a paragraph ends with a question mark (before any closing quote or bracket). */
function isQuestion(text: string): boolean {
  return /\?["'”’)\]]*$/.test(text.trim());
}
