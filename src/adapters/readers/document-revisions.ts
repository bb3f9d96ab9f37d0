import { contentSourceId } from '../../record/record-id.js';
import type { JsonValue } from '../../record/record.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import { shortenText } from '../../text/shortened-text.js';
import type { AdapterItem } from '../format-adapter.js';
import { MAX_COMMENTED_CHARS } from './document-comments.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { counted } from '../../counted.js';

/**
 * One suggested edit to a draft, as a word processor tracks it: what one reviewer typed in and
 * struck out in one place of a paragraph, with no untouched words between.
 */
export interface TrackedChange {
  author: string | null;
  /** When the edit was made, as the document says. */
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
export interface RevisionPiece {
  kind: 'text' | 'ins' | 'del';
  text: string;
  author: string | null;
  date: string | null;
}

/** Adds a stretch to a paragraph's pieces, joined to the last when it is of the same kind and reviewer. */
export function addPiece(pieces: RevisionPiece[], piece: RevisionPiece): void {
  const last = pieces.at(-1);
  if (last !== undefined && last.kind === piece.kind && last.author === piece.author) last.text += piece.text;
  else pieces.push(piece);
}

/**
 * Gathers a document's suggested edits paragraph by paragraph: in each, a reviewer's insertions and
 * deletions in one place (untouched words, not spaces, part them) are one edit.
 */
export class RevisionCollector {
  readonly tracked: TrackedChanges = { changes: [], draftChars: 0, insertedChars: 0 };

  /** Adds one paragraph's pieces, in order, under the heading path `section`. */
  paragraph(pieces: readonly RevisionPiece[], section: string): void {
    const draft = pieces
      .filter((piece) => piece.kind !== 'ins')
      .map((piece) => piece.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    this.tracked.draftChars += draft.length;
    const edits: { author: string | null; date: string | null; inserted: string[]; deleted: string[] }[] = [];
    let open: (typeof edits)[number] | null = null;
    for (const piece of pieces) {
      if (piece.kind === 'text') {
        if (piece.text.trim() !== '') open = null;
        continue;
      }
      if (piece.kind === 'ins') this.tracked.insertedChars += piece.text.length;
      if (open === null || open.author !== piece.author) {
        open = { author: piece.author, date: piece.date, inserted: [], deleted: [] };
        edits.push(open);
      }
      (piece.kind === 'ins' ? open.inserted : open.deleted).push(piece.text);
    }
    const paragraph = shortenText(draft, MAX_COMMENTED_CHARS);
    for (const { author, date, inserted, deleted } of edits) {
      this.tracked.changes.push({
        author,
        date,
        inserted: inserted.join('').trim(),
        deleted: deleted.join('').replace(/\s+/g, ' ').trim(),
        paragraph,
        section,
      });
    }
  }
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

/**
 * The warning on a document holding tracked changes but no comments, read as notes: its text is
 * read as the changes leave it, and the edits are not read apart.
 */
export function trackedChangesAcceptedWarning(file: string, edits: readonly TrackedChange[], part: string): AdapterItem {
  const people = new Set(edits.map((edit) => edit.author ?? '')).size;
  return {
    kind: 'warning',
    code: 'TRACKED_CHANGES_ACCEPTED',
    message: `holds ${counted(edits.length, 'tracked change')} by ${counted(people, 'person', 'people')} and no comments: read as notes, its text as the changes leave it`,
    provenance: { file, part },
  };
}
