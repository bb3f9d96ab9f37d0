import type { AdapterItem, AttachedFile, AttachedFileReader } from '../format-adapter.js';
import { authorForId, dateForId, type JsonValue, type Provenance, type RecordDraft } from '../../record/record.js';
import { isRejectionCode } from '../../rejection-code.js';
import { InputError } from '../../errors.js';
import { isCoverNote } from '../../text/cover-note.js';
import { maskAddresses } from './email-addresses.js';

/** The most documents attached to one message that are read; the rest are one `TOO_MANY_ATTACHMENTS` rejection. */
export const MAX_ATTACHED_DOCUMENTS = 20;

/** The message a document is attached to: where it is, and what it says of its sender. */
export interface DocumentMessage {
  provenance: Provenance;
  /** The sender's display name, or null. */
  author: string | null;
  /** When it was sent, ISO 8601 UTC, or null. */
  date: string | null;
  subject: string | null;
}

/** What a message's attached documents gave. */
export interface AttachedDocumentItems {
  items: AdapterItem[];
  /** The names of the documents read (`response.docx`), in attachment order. */
  names: string[];
  /** How many records they gave. */
  records: number;
}

/**
 * The items of the documents attached to a message, each read by `read` (the reader tlap uses
 * for the file on its own; null for a file that is no document, which is passed over), after the
 * first {@link MAX_ATTACHED_DOCUMENTS} one rejection. Provenance keeps the message's file and line
 * and names the attachment in `part` (`message 3 › attachment "response.docx" › paragraph 4`).
 * The document's words are the sender's: a record its reader gives no author (a paragraph, an
 * answer) gets the sender as author and the sent time as date, its content hash still made of
 * what the document alone gives, so the same document sent twice is one record; a record its
 * reader names an author for (a reviewer's comment, a tracked change) keeps that author and date.
 * A document that cannot be read is one rejection naming the message and the attachment.
 */
export async function attachedDocumentItems(
  files: readonly AttachedFile[],
  message: DocumentMessage,
  read: AttachedFileReader | undefined,
): Promise<AttachedDocumentItems> {
  const result: AttachedDocumentItems = { items: [], names: [], records: 0 };
  if (read === undefined) return result;
  const within = message.provenance.part === undefined ? '' : `${message.provenance.part} › `;
  let skipped = 0;
  for (const [index, file] of files.entries()) {
    const document = read(file, message.provenance.file);
    if (document === null) continue;
    if (result.names.length >= MAX_ATTACHED_DOCUMENTS) {
      skipped += 1;
      continue;
    }
    const name = file.name === '' ? `attachment ${index + 1}` : file.name;
    result.names.push(name);
    const part = `${within}attachment ${file.name === '' ? index + 1 : JSON.stringify(file.name)}`;
    const at = (provenance: Provenance): Provenance => attachmentProvenance(message.provenance, part, provenance);
    try {
      for await (const item of document.items) {
        if (item.kind === 'record') {
          result.records += 1;
          result.items.push({ kind: 'record', draft: senderDraft(item.draft, message, name, document.format, at(item.draft.provenance)) });
        } else {
          result.items.push({ ...item, provenance: at(item.provenance) });
        }
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const located = error.location?.part;
      result.items.push({
        kind: 'rejected',
        code: isRejectionCode(error.code) ? error.code : 'FILE_UNREADABLE',
        message: `the attached ${document.format} document cannot be read: ${located === undefined ? '' : `${located}: `}${error.reason}`,
        provenance: { ...message.provenance, part },
      });
    }
  }
  if (skipped > 0) {
    result.items.push({
      kind: 'rejected',
      code: 'TOO_MANY_ATTACHMENTS',
      message: `${skipped === 1 ? '1 attached document is' : `${skipped} attached documents are`} past the first ${MAX_ATTACHED_DOCUMENTS}; not read`,
      provenance: message.provenance,
    });
  }
  return result;
}

/**
 * The message's own items once its documents are read: when they gave records and its words say
 * nothing beyond pointing at them ({@link isCoverNote}), its record is filtered `cover-note`;
 * a record kept names the documents read in `meta.attachments`.
 */
export function withCoverNote(items: readonly AdapterItem[], documents: AttachedDocumentItems): AdapterItem[] {
  if (documents.names.length === 0) return [...items];
  return items.map((item) => {
    if (item.kind !== 'record') return item;
    const { draft } = item;
    if (documents.records > 0 && isCoverNote(draft.text)) {
      return {
        kind: 'filtered',
        rule: 'cover-note',
        provenance: draft.provenance,
        ...(draft.sourceId === null ? {} : { sourceId: draft.sourceId }),
        detail: `a cover note: its words only point at ${documents.names.map((name) => JSON.stringify(name)).join(', ')}, read as records`,
      };
    }
    return { kind: 'record', draft: { ...draft, meta: { ...draft.meta, attachments: documents.names } } };
  });
}

/** A word naming an attachment, which a note pointing at one that is missing holds. */
const ATTACHMENT_WORD = /\b(?:attach|enclos)/iu;

/**
 * The message's own items when it carries nothing attached (no document, no e-mail): a record whose
 * words only point at an attachment ({@link isCoverNote}, naming one: `attached`, `attachment`,
 * `enclosed`; as `Please find attached.`, not `Please see below.`) is filtered
 * `cover-note`, marked `attachmentMissing`, since the document it speaks for never came with it.
 * Any other record is kept as it is.
 */
export function withMissingAttachment(items: readonly AdapterItem[]): AdapterItem[] {
  return items.map((item) => {
    if (item.kind !== 'record' || !ATTACHMENT_WORD.test(item.draft.text) || !isCoverNote(item.draft.text)) return item;
    const { draft } = item;
    return {
      kind: 'filtered',
      rule: 'cover-note',
      provenance: draft.provenance,
      ...(draft.sourceId === null ? {} : { sourceId: draft.sourceId }),
      detail: 'a cover note pointing at an attachment the message does not carry',
      attachmentMissing: true,
    };
  });
}

function attachmentProvenance(message: Provenance, part: string, inDocument: Provenance): Provenance {
  const within = [inDocument.part, inDocument.line === undefined ? undefined : `line ${inDocument.line}`].filter(
    (piece): piece is string => piece !== undefined && piece !== '',
  );
  return {
    ...message,
    part: [part, ...within].join(' › '),
    ...(inDocument.row === undefined ? {} : { row: inDocument.row }),
  };
}

function senderDraft(draft: RecordDraft, message: DocumentMessage, name: string, format: string, provenance: Provenance): RecordDraft {
  const meta: Record<string, JsonValue> = { ...draft.meta, attachment: name };
  if (message.subject !== null && message.subject.trim() !== '') meta['subject'] = maskAddresses(message.subject.trim());
  const own = draft.author ?? null;
  const date = own === null ? (message.date ?? draft.date ?? null) : (draft.date ?? null);
  if (own === null && draft.date !== undefined && draft.date !== null && draft.date !== date) meta['documentDate'] = draft.date;
  return {
    ...draft,
    format,
    author: own ?? message.author,
    date,
    idAuthor: authorForId(draft),
    idDate: dateForId(draft),
    meta,
    provenance,
  };
}
