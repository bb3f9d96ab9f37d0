import { toIsoDate } from '../../record/dates.js';
import { contentSourceId } from '../../record/record-id.js';
import type { JsonValue } from '../../record/record.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import { shortenText } from '../../text/shortened-text.js';
import type { AdapterItem } from '../format-adapter.js';
import { MAX_COMMENTED_CHARS } from './document-comments.js';
import { NoteOutline } from './note-outline.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { isWord, MARKUP_COMPATIBILITY, readParagraph, wordAttribute, type Styles } from './word-paragraphs.js';
import { readXmlElements, type XmlElement, type XmlName, type XmlSelection } from './xml-elements.js';
import { zipPartSource } from './zip-parts.js';

/**
 * One suggested edit to a draft, as Word tracks it: what one reviewer typed in (`w:ins`) and struck
 * out (`w:del`) in one place of a paragraph, with no untouched words between.
 */
export interface TrackedChange {
  author: string | null;
  /** When the edit was made: Word's `w:date`, the reviewer's local time marked as UTC. */
  date: string | null;
  /** The words typed in, as written. */
  inserted: string;
  /** The words struck out of the draft. */
  deleted: string;
  /** The paragraph as the draft had it (struck-out words in, typed-in words out), at most {@link MAX_COMMENTED_CHARS}. */
  paragraph: string;
  /** The heading path above it, as `meta.section` is written. */
  section: string;
}

/** A document's tracked changes, and how much of its text is the draft's own and how much was typed in. */
export interface TrackedChanges {
  changes: TrackedChange[];
  /** Characters of the document's text outside any insertion, deleted ones included: the draft as it was. */
  draftChars: number;
  /** Characters typed in as tracked insertions. */
  insertedChars: number;
}

/** One stretch of a paragraph's text: the draft's own, or typed in or struck out by a reviewer. */
interface Piece {
  kind: 'text' | 'ins' | 'del';
  text: string;
  author: string | null;
  date: string | null;
}

/** Selects the document's outermost paragraphs (table cells' included), outside any drawing's fallback copy. */
function selectParagraphs(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined || !isWord(element, 'p')) return 'skip';
  if (path.some((name) => name.local === 'Fallback' && name.uri === MARKUP_COMPATIBILITY)) return 'skip';
  return path.slice(0, -1).some((name) => isWord(name, 'p')) ? 'skip' : 'element';
}

/**
 * The stretches of a paragraph in order, each typed-in or struck-out one with its reviewer and
 * date; moved text read where it now stands, as the draft's; field codes and properties left out.
 * Walked with an explicit stack, so nesting costs memory, never call stack.
 */
function paragraphPieces(paragraph: XmlElement): Piece[] {
  const pieces: Piece[] = [];
  const stack: { element: XmlElement; change: Piece | null }[] = [...paragraph.children]
    .reverse()
    .map((element) => ({ element, change: null }));
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { element, change } = entry;
    let inner = change;
    if (isWord(element)) {
      switch (element.local) {
        case 'pPr':
        case 'rPr':
        case 'instrText':
        case 'delInstrText':
        case 'moveFrom':
          continue;
        case 't':
        case 'delText': {
          const kind = change?.kind ?? 'text';
          const last = pieces.at(-1);
          if (last !== undefined && last.kind === kind && last.author === (change?.author ?? null)) last.text += element.text;
          else pieces.push({ kind, text: element.text, author: change?.author ?? null, date: change?.date ?? null });
          continue;
        }
        case 'tab':
        case 'br':
        case 'cr':
          pieces.push({ kind: change?.kind ?? 'text', text: ' ', author: change?.author ?? null, date: change?.date ?? null });
          continue;
        case 'ins':
        case 'del':
          inner = {
            kind: element.local,
            text: '',
            author: wordAttribute(element, 'author')?.trim() || null,
            date: toIsoDate(wordAttribute(element, 'date')),
          };
          break;
        default:
          break;
      }
    } else if (element.local === 'Fallback' && element.uri === MARKUP_COMPATIBILITY) continue;
    for (let index = element.children.length - 1; index >= 0; index -= 1) {
      stack.push({ element: element.children[index] as XmlElement, change: inner });
    }
  }
  return pieces;
}

/**
 * Reads the tracked changes of a Word document's body, paragraph by paragraph: each suggested edit
 * (a reviewer's insertions and deletions in one place, with no untouched words between them), with
 * the paragraph as the draft had it and the headings above it. Malformed XML is an InputError
 * naming the part.
 */
export async function readTrackedChanges(name: string, data: Buffer, styles: Styles): Promise<TrackedChanges> {
  const outline = new NoteOutline();
  const changes: TrackedChange[] = [];
  let draftChars = 0;
  let insertedChars = 0;
  for await (const event of readXmlElements(zipPartSource(name, data), selectParagraphs)) {
    if (event.kind !== 'element') continue;
    const heading = readParagraph(event.element, styles);
    const pieces = paragraphPieces(event.element);
    const draft = pieces
      .filter((piece) => piece.kind !== 'ins')
      .map((piece) => piece.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    draftChars += draft.length;
    const section = outline.section();
    let open: TrackedChange | null = null;
    const close = () => {
      if (open !== null) changes.push({ ...open, inserted: open.inserted.trim(), deleted: open.deleted.replace(/\s+/g, ' ').trim() });
      open = null;
    };
    for (const piece of pieces) {
      if (piece.kind === 'text') {
        if (piece.text.trim() !== '') close();
        continue;
      }
      if (piece.kind === 'ins') insertedChars += piece.text.length;
      const current: TrackedChange | null = open;
      if (current === null || current.author !== piece.author) {
        close();
        open = {
          author: piece.author,
          date: piece.date,
          inserted: '',
          deleted: '',
          paragraph: shortenText(draft, MAX_COMMENTED_CHARS),
          section,
        };
      }
      const target = open as TrackedChange | null;
      if (target === null) continue;
      if (piece.kind === 'ins') target.inserted += piece.text;
      else target.deleted += `${piece.text}`;
    }
    close();
    if (heading.heading !== null && heading.text !== '') outline.setHeading(heading.heading, heading.text);
  }
  return { changes, draftChars, insertedChars };
}

/**
 * The share of a document's text that may have been typed in as tracked insertions for it still
 * to be a draft that reviewers edited: past it, the document was written with tracking on (its
 * own text all insertions), and is read as notes are.
 */
const MOST_INSERTED_SHARE = 0.5;

/** The suggested edits of a document read as a reviewed draft: none when it was written with tracking on (see {@link MOST_INSERTED_SHARE}). */
export function suggestedEdits(tracked: TrackedChanges): TrackedChange[] {
  const total = tracked.draftChars + tracked.insertedChars;
  return total > 0 && tracked.insertedChars <= MOST_INSERTED_SHARE * total ? tracked.changes : [];
}

/**
 * The items of a reviewed draft's suggested edits, in document order, each located `change N`: an
 * edit that types words in is a record of them by its reviewer (`meta.change` `insertion`, or
 * `replacement` with the words struck out in `meta.deletedText`), with the paragraph as the draft
 * had it (`meta.commentedText`) and the headings above it; one that only strikes words out, or
 * only changes punctuation or spacing, has no words of the reviewer's and is filtered.
 */
export function* trackedChangeItems(file: string, changes: readonly TrackedChange[]): Iterable<AdapterItem> {
  const ids = new RepeatedTextIds();
  for (const [index, change] of changes.entries()) {
    const provenance = { file, part: `change ${index + 1}` };
    if (!/[\p{L}\p{N}]/u.test(change.inserted)) {
      const detail = change.deleted === '' ? 'tracked change of punctuation or spacing' : 'tracked deletion';
      yield { kind: 'filtered', rule: 'not-feedback', provenance, detail };
      continue;
    }
    const meta: Record<string, JsonValue> = { change: change.deleted === '' ? 'insertion' : 'replacement' };
    if (change.deleted !== '') meta['deletedText'] = shortenText(change.deleted, MAX_COMMENTED_CHARS);
    if (change.paragraph !== '') meta['commentedText'] = change.paragraph;
    if (change.section !== '') meta['section'] = change.section;
    yield {
      kind: 'record',
      draft: {
        sourceId:
          ids.sourceIdFor(change.author, change.inserted, change.date) ??
          contentSourceId(change.author, change.date, cleanRecordText(change.inserted)),
        channel: 'other',
        author: change.author,
        date: change.date,
        text: change.inserted,
        meta,
        provenance,
      },
    };
  }
}
