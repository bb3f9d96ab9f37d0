import type { AdapterOptions, AttachedDocument, AttachedFile, FormatAdapter, SniffInput } from '../adapters/format-adapter.js';
import { ADAPTERS } from '../adapters/registry.js';
import { detectFormat, SNIFF_THRESHOLD } from '../adapters/format-detection.js';
import { bufferInputSource } from '../source/buffer-source.js';
import { HEAD_BYTES } from '../source/input-source.js';

/**
 * The formats an attached file is read with: the documents and workbooks a response is sent as.
 * Every other file (pictures, calendar invitations, contact cards, signatures, `winmail.dat`, a
 * zip, a text file) is no response document and is not read.
 */
export const ATTACHED_DOCUMENT_FORMATS: ReadonlySet<string> = new Set(['docx', 'doc', 'odt', 'pdf', 'xlsx', 'xls', 'ods']);

/**
 * The reader of e-mails' attached files that ingest gives the e-mail formats: each file is
 * detected as a file on its own is, and read with the options that apply to a document
 * (`--document-text`, `--reviewed-draft`, `--date-order`); the table options (`--map`,
 * `--sheet`, `--skip-rows`) name the columns of the file given, not of its attachments.
 */
export function attachedFileReader(options: AdapterOptions): (file: AttachedFile, path: string) => AttachedDocument | null {
  const documentOptions: AdapterOptions = {
    map: {},
    ...(options.documentText === true ? { documentText: true } : {}),
    ...(options.reviewedDraft === true ? { reviewedDraft: true } : {}),
    ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
  };
  return (file, path) => {
    const adapter = attachedDocumentAdapter(file);
    if (adapter === null) return null;
    return { format: adapter.name, items: adapter.read(bufferInputSource(path, file.name, file.bytes), documentOptions) };
  };
}

/**
 * The reader of an attached file, or null when it is no document: the format its content shows
 * (its name's extension breaking ties, as for a file given), one of
 * {@link ATTACHED_DOCUMENT_FORMATS}; else, for a file whose name says it is such a document but
 * whose content does not show it (damaged, or another file renamed), the reader its name gives, so
 * that reader's error says what is wrong.
 */
export function attachedDocumentAdapter(file: AttachedFile): FormatAdapter | null {
  const dot = file.name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : file.name.slice(dot).toLowerCase();
  const headBytes = file.bytes.subarray(0, HEAD_BYTES);
  const input: SniffInput = { path: file.name, extension, headBytes, headText: headBytes.toString('latin1') };
  const named = extension === '' ? null : detectFormat(ADAPTERS, input);
  if (named !== null && ATTACHED_DOCUMENT_FORMATS.has(named.adapter.name) && named.adapter.sniff(input) >= SNIFF_THRESHOLD) {
    return named.adapter;
  }
  const byContent = detectFormat(ADAPTERS, { ...input, extension: '' });
  if (byContent !== null && ATTACHED_DOCUMENT_FORMATS.has(byContent.adapter.name)) return byContent.adapter;
  return named !== null && ATTACHED_DOCUMENT_FORMATS.has(named.adapter.name) ? named.adapter : null;
}
