import { STDIN_PATH, type SourceLine } from '../../source/input-source.js';
import { lineByLineItems, type AdapterItem, type FormatAdapter } from '../format-adapter.js';
import { SNIFF_THRESHOLD } from '../format-detection.js';
import { isContactField, isContactLine } from '../readers/contact-lines.js';
import { LETTER_PART_DETAIL, LetterParts } from '../readers/letter-parts.js';
import { isQuestionAnswerHeader } from '../readers/document-notes.js';
import { markdownInlineText } from '../readers/markdown-inline-text.js';
import { isListLabel, NoteOutline } from '../readers/note-outline.js';

/** In plain text, a line at least this long that does not end a sentence is taken as hard-wrapped, and the next line continues it. */
const WRAPPED_LINE_CHARS = 60;

/** For text piped on stdin: just enough to be recognised, so that any format that claims the text outscores notes. */
const STDIN_TEXT_SCORE = SNIFF_THRESHOLD + 0.01;

/** The most lines read as front matter before deciding the file has none. */
const MAX_FRONT_MATTER_LINES = 500;

/** Typed-up notes from events, in markdown or plain text. */
export const eventNotesAdapter: FormatAdapter = {
  name: 'event-notes',
  description: 'Event notes in markdown or plain text: one record per bullet or paragraph, with its heading path as section',
  channel: 'event-note',
  extensions: ['.md', '.markdown', '.txt'],
  signature: 'markdown or plain text; for .txt and text piped on stdin, whatever no other format claims',
  sniff(input) {
    if (input.extension === '.md' || input.extension === '.markdown') return 0.9;
    if (input.extension === '.txt') return 0.2;
    const lines = input.headText.split(/\r?\n/).slice(0, 200);
    const heading = lines.some((line) => /^#{1,6}[ \t]+\S/.test(line));
    const bullets = lines.filter((line) => /^\s*[-*+][ \t]+\S/.test(line)).length;
    if (heading && bullets >= 2) return 0.55;
    return input.path === STDIN_PATH ? STDIN_TEXT_SCORE : 0;
  },
  read(source) {
    return lineByLineItems(source, new EventNotesReader(source.path, source.extension !== '.txt'));
  },
};

/** A list item's marker and the text after it, in markdown: `-`, `*`, `+`, `1.`, `1)`, and the bullets word processors write. */
const MARKDOWN_BULLET = /^([-*+•◦▪‣·–\uf0a7\uf0b7]|\d{1,9}[.)])([ \t]+|$)(.*)$/u;

/**
 * A question or answer line of notes typed as `Q: …` / `A: …` (`Q1.`, `Question:`, `Answer -`):
 * which, and its words. A single letter takes a dot only after a number, so `A. Smith said…` is
 * no answer.
 */
const QUESTION_ANSWER_LINE =
  /^(?:([QA])[ \t]?(?:\d{1,3}[ \t]*[:.)–-]|[:)–-])|(Question|Answer|Response)[ \t]?\d{0,3}[ \t]*[:.)–-])[ \t]+(\S.*)$/i;

/** Columns between tab stops. */
const TAB_STOP = 4;

/** {@link MARKDOWN_BULLET} in plain text, where an `o` before a tab or spaces is also a bullet (Word's second level, pasted as text). */
const PLAIN_BULLET = /^([-*+•◦▪‣·–\uf0a7\uf0b7]|\d{1,9}[.)]|o(?=[ \t]))([ \t]+|$)(.*)$/u;

/** An open list item, kept while its children may follow. */
interface ListItem {
  /** Column of its marker. */
  indent: number;
  /** Column its text starts at; lines indented this far belong to it. */
  contentIndent: number;
  /** Its text once read, the `meta.parent` of its children. */
  text: string;
}

/** The bullet or paragraph being read. */
interface OpenBlock {
  lines: string[];
  line: number;
  checked: boolean | null;
  parent: string | null;
  /** Set when the block is a list item. */
  item: ListItem | null;
}

type FrontMatter = 'first-line' | 'second-line' | 'inside' | 'done';

/**
 * Reads notes line by line, a small markdown block reader that keeps line numbers: ATX and
 * setext headings set the section path; each list item (at any depth) and each paragraph is one
 * record; front matter, fenced and indented code blocks, HTML comments and thematic breaks are not
 * records. In plain text (`markdown` false) each line is its own record unless it continues a
 * hard-wrapped line or an indented bullet, and indentation never means code.
 */
class EventNotesReader {
  private readonly outline = new NoteOutline();
  private list: ListItem[] = [];
  private block: OpenBlock | null = null;
  private afterBlank = true;
  private previousLine = '';
  private fence: { marker: string; length: number } | null = null;
  private inComment = false;
  private codeIndent: number | null = null;
  private frontMatter: FrontMatter = 'first-line';
  private frontMatterLines: SourceLine[] = [];
  /** The line that introduces the list being read (see {@link isListLabel}): the last part of its items' section. */
  private listLabel: string | null = null;
  /** The last `Q:` line's question, the `meta.question` of the notes under it until the next question or heading. */
  private question: string | null = null;
  /** The line before was a contact label alone (`Name`, `Email address`): a short line after it is what it asks for. */
  private contactLabelAbove = false;
  /** The Markdown pipe table being read (its header row read and underlined): whether it is a question | answer table. */
  private table: { questionAnswer: boolean } | null = null;
  /** A letter's formal parts among the notes (its date, salutation, sign-off and signature, an address block). */
  private readonly letter = new LetterParts();

  constructor(
    private readonly file: string,
    private readonly markdown: boolean,
  ) {}

  feed(line: SourceLine): AdapterItem[] {
    switch (this.frontMatter) {
      case 'first-line':
        if (/^(?:---|\+\+\+)\s*$/.test(line.text)) {
          this.frontMatter = 'second-line';
          this.frontMatterLines = [line];
          return [];
        }
        this.frontMatter = 'done';
        return this.process(line);
      case 'second-line':
        this.frontMatterLines.push(line);
        if (/^(?:[\w-]+\s*[:=]|#)/.test(line.text)) {
          this.frontMatter = 'inside';
          return [];
        }
        return this.replayFrontMatter();
      case 'inside':
        if (/^(?:---|\.\.\.|\+\+\+)\s*$/.test(line.text)) {
          this.frontMatter = 'done';
          this.frontMatterLines = [];
          return [];
        }
        this.frontMatterLines.push(line);
        return this.frontMatterLines.length > MAX_FRONT_MATTER_LINES ? this.replayFrontMatter() : [];
      case 'done':
        return this.process(line);
    }
  }

  end(): AdapterItem[] {
    const replayed = this.frontMatter === 'done' ? [] : this.replayFrontMatter();
    return [...replayed, ...this.closeBlock()];
  }

  /** The lines taken for front matter were not: read them as notes after all. */
  private replayFrontMatter(): AdapterItem[] {
    const lines = this.frontMatterLines;
    this.frontMatterLines = [];
    this.frontMatter = 'done';
    return lines.flatMap((line) => this.process(line));
  }

  private process(line: SourceLine): AdapterItem[] {
    const expanded = expandTabs(line.text);
    const indent = expanded.length - expanded.trimStart().length;
    let content = expanded.trim();
    const previousLine = this.previousLine;
    this.previousLine = content;

    if (this.fence !== null) {
      const closing = /^(`{3,}|~{3,})\s*$/.exec(content);
      if (indent <= 3 && closing?.[1] !== undefined && closing[1][0] === this.fence.marker && closing[1].length >= this.fence.length) {
        this.fence = null;
      }
      return [];
    }
    if (this.inComment) {
      if (content.includes('-->')) this.inComment = false;
      return [];
    }
    if (content === '') {
      this.afterBlank = true;
      this.table = null;
      return this.closeBlock();
    }
    if (this.codeIndent !== null) {
      if (indent >= this.codeIndent) return [];
      this.codeIndent = null;
    }
    const provenance = { file: this.file, line: line.line };

    if (this.table !== null) {
      if (content.includes('|')) return this.tableRow(content, provenance);
      this.table = null;
    }
    const header = this.block;
    if (
      this.markdown &&
      indent <= 3 &&
      content.includes('|') &&
      TABLE_DELIMITER_ROW.test(content) &&
      header !== null &&
      header.item === null &&
      header.lines.length === 1 &&
      (header.lines[0] ?? '').includes('|')
    ) {
      const names = tableCells(header.lines[0] ?? '');
      if (names.length === tableCells(content).length) {
        this.block = null;
        this.table = { questionAnswer: names.length === 2 && isQuestionAnswerHeader(names[0] ?? '', names[1] ?? '') };
        return [{ kind: 'filtered', rule: 'not-feedback', provenance: { file: this.file, line: header.line }, detail: 'table header' }];
      }
    }

    if (indent <= 3) {
      const atx = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(content);
      if (atx?.[1] !== undefined) {
        const items = this.closeBlock();
        this.setHeading(atx[1].length, atx[2] ?? '');
        return items;
      }
      const block = this.block;
      const underline = /^(=+|-+)[ \t]*$/.exec(content);
      if (underline?.[1] !== undefined && block !== null && block.item === null && !this.afterBlank) {
        this.block = null;
        this.setHeading(underline[1].startsWith('=') ? 1 : 2, block.lines.join('\n'));
        return [];
      }
      if (/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(content)) {
        const items = this.closeBlock();
        this.list = [];
        this.listLabel = null;
        this.afterBlank = true;
        return items;
      }
      const fence = /^(`{3,}|~{3,})/.exec(content);
      if (fence?.[1] !== undefined) {
        const items = this.closeBlock();
        this.fence = { marker: fence[1].charAt(0), length: fence[1].length };
        return [...items, { kind: 'filtered', rule: 'not-feedback', provenance, detail: 'code block' }];
      }
      if (content.startsWith('<!--')) {
        const items = this.closeBlock();
        if (!content.includes('-->', 4)) this.inComment = true;
        this.afterBlank = true;
        return items;
      }
    }

    const quote = /^(?:>[ \t]?)+/.exec(content);
    if (quote !== null) {
      content = content.slice(quote[0].length).trim();
      if (content === '') {
        this.afterBlank = true;
        return this.closeBlock();
      }
    }

    const outsideLists = this.list.length === 0 || indent <= (this.list[0]?.indent ?? 0);
    const questionAnswer = outsideLists ? QUESTION_ANSWER_LINE.exec(content) : null;
    if (questionAnswer !== null) {
      this.list = [];
      return this.questionOrAnswer(line.line, questionAnswer[1] ?? questionAnswer[2] ?? '', questionAnswer[3] ?? '');
    }

    const bullet = (this.markdown ? MARKDOWN_BULLET : PLAIN_BULLET).exec(content);
    if (bullet !== null) return this.startItem(line.line, indent, bullet[1] ?? '', bullet[2] ?? '', bullet[3] ?? '');

    const block = this.block;
    if (block !== null && !this.afterBlank && this.continues(block, indent, previousLine)) {
      block.lines.push(content);
      return [];
    }
    const items = this.closeBlock();
    while ((this.list.at(-1)?.contentIndent ?? 0) > indent) this.list.pop();
    const container = this.list.at(-1);
    if (container === undefined && this.afterBlank) this.listLabel = null;
    const containerIndent = container?.contentIndent ?? 0;
    if (this.markdown && this.afterBlank && indent >= containerIndent + 4) {
      this.codeIndent = containerIndent + 4;
      return [...items, { kind: 'filtered', rule: 'not-feedback', provenance, detail: 'code block' }];
    }
    this.block = { lines: [content], line: line.line, checked: null, parent: nonEmpty(container?.text), item: null };
    this.afterBlank = false;
    return items;
  }

  /** Whether a text line right after `block` (no blank line between) continues it. */
  private continues(block: OpenBlock, indent: number, previousLine: string): boolean {
    if (this.markdown) return true;
    if (block.item !== null && indent >= block.item.contentIndent) return true;
    return previousLine.length >= WRAPPED_LINE_CHARS && !/[.!?:;…]["'”’)\]]*$/.test(previousLine);
  }

  private startItem(line: number, indent: number, marker: string, spacing: string, rest: string): AdapterItem[] {
    const above = this.block;
    const label = above?.lines[0];
    if (above !== null && above.item === null && above.lines.length === 1 && label !== undefined && this.list.length === 0) {
      const text = markdownInlineText(label).replace(/\s+/g, ' ').trim();
      if (!this.afterBlank && isListLabel(text)) {
        this.block = null;
        this.listLabel = text;
      }
    }
    const items = this.closeBlock();
    const gap = spacing.length >= 1 && spacing.length <= 4 ? spacing.length : 1;
    while (this.list.length > 0 && (this.list.at(-1)?.contentIndent ?? 0) > indent) this.list.pop();
    const parent = nonEmpty(this.list.at(-1)?.text);
    const item: ListItem = { indent, contentIndent: indent + marker.length + gap, text: '' };
    this.list.push(item);
    const checkbox = /^\[([ xX])\](?:[ \t]+|$)/.exec(rest);
    const text = checkbox === null ? rest : rest.slice(checkbox[0].length);
    const checked = checkbox === null ? null : checkbox[1] !== ' ';
    this.block = { lines: [text], line, checked, parent, item };
    this.afterBlank = false;
    return items;
  }

  /**
   * A `Q: …` or `A: …` line: each is a note of its own, without its prefix (`Q`, `A` are no
   * speakers); the notes after a question carry it as `meta.question`, as survey answers do.
   */
  private questionOrAnswer(line: number, prefix: string, rest: string): AdapterItem[] {
    const items = this.closeBlock();
    const asked = /^q/i.test(prefix);
    if (asked) this.question = null;
    this.block = { lines: [rest], line, checked: null, parent: null, item: null };
    this.afterBlank = false;
    if (!asked) return items;
    const question = this.closeBlock();
    this.question = markdownInlineText(rest).replace(/\s+/g, ' ').trim();
    return [...items, ...question];
  }

  /**
   * A row of a Markdown pipe table: each cell a note, as a document's table cells are; in a
   * question | answer table the answer a note carrying its question; a row whose first cell asks
   * for contact details filtered, never stored.
   */
  private tableRow(content: string, provenance: { file: string; line: number }): AdapterItem[] {
    const cells = tableCells(content).map((cell) => markdownInlineText(cell).trim());
    const first = cells[0] ?? '';
    if (first !== '' && isContactField(first)) return [{ kind: 'filtered', rule: 'not-feedback', provenance, detail: 'contact details' }];
    const note = (text: string, question: string | null): AdapterItem =>
      this.outline.note(text, provenance, {
        parent: null,
        checked: null,
        label: null,
        ...(question === null ? {} : { meta: { question } }),
      });
    if (this.table?.questionAnswer === true && cells.length === 2) {
      const answer = cells[1] ?? '';
      return answer === '' ? [] : [note(answer, first === '' ? null : first)];
    }
    return cells.filter((cell) => cell !== '').map((cell) => note(cell, this.question));
  }

  private setHeading(level: number, markdown: string): void {
    this.question = null;
    this.outline.setHeading(level, markdownInlineText(markdown));
    this.list = [];
    this.listLabel = null;
    this.afterBlank = true;
  }

  private closeBlock(): AdapterItem[] {
    const block = this.block;
    this.block = null;
    if (block === null) return [];
    const text = markdownInlineText(block.lines.join('\n')).trim();
    if (block.item !== null) block.item.text = text.replace(/\s+/g, ' ');
    const labelAbove = this.contactLabelAbove;
    this.contactLabelAbove = false;
    const provenance = { file: this.file, line: block.line };
    const plain = block.item === null && block.parent === null && this.question === null;
    const part = plain
      ? this.letter.partOf(
          text
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        )
      : null;
    if (!plain) this.letter.interrupt();
    if (block.lines.length === 1 && (isContactLine(text) || (labelAbove && block.item === null && isShortValue(text)))) {
      this.contactLabelAbove = block.item === null && isContactField(text);
      return [{ kind: 'filtered', rule: 'not-feedback', provenance, detail: 'contact details' }];
    }
    const note = this.outline.note(text, provenance, {
      parent: block.parent,
      checked: block.checked,
      label: this.listLabel,
      ...(this.question === null ? {} : { meta: { question: this.question } }),
    });
    return [part === null ? note : { kind: 'filtered', rule: 'not-feedback', provenance, detail: LETTER_PART_DETAIL[part] }];
  }
}

/** The most characters of what a contact label alone on its line asks for, on the line after it (`Jane Smith`). */
const MAX_CONTACT_VALUE_CHARS = 60;
/** The most words of it. */
const MAX_CONTACT_VALUE_WORDS = 6;

/** A short line that is no sentence: what a contact label on the line above (`Name`) asks for, as a form saved as text writes it. */
function isShortValue(text: string): boolean {
  return text.length <= MAX_CONTACT_VALUE_CHARS && text.split(/\s+/).length <= MAX_CONTACT_VALUE_WORDS && !/[.!?]["'”’)\]]*$/.test(text);
}

/** A Markdown pipe table's delimiter row, under its header: `|---|:---:|`, `--- | ---`. */
const TABLE_DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** The cells of a Markdown pipe table's row: split at each `|` not escaped, the outer pipes dropped, each trimmed. */
function tableCells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/**
 * A line with its tabs turned into spaces up to the next tab stop (every 4 columns, as CommonMark
 * reads them), so that `•<TAB>Item` and `<TAB>o<TAB>Sub-item`, as Word writes a two-level list
 * as plain text, put the sub-item's bullet under the item's text.
 */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let expanded = '';
  for (const character of text) {
    expanded += character === '\t' ? ' '.repeat(TAB_STOP - (expanded.length % TAB_STOP)) : character;
  }
  return expanded;
}
