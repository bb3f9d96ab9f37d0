import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { checkCompoundFile, isCompoundFile } from '../readers/compound-file.js';
import { commentRecords, reviewedDraftWarning } from '../readers/document-comments.js';
import { DocumentNotes } from '../readers/document-notes.js';
import { speakerTranscriptLines, transcriptItems } from '../readers/document-transcript.js';
import { readWordBinary, WordBinaryProblem, type WordBinaryDocument } from '../readers/word-binary.js';
import { summaryDate } from '../readers/summary-information.js';
import { isZipFile } from '../readers/zip-directory.js';

/** The largest Word 97-2003 document read: it is read whole, and a 1,000-page report with photos stays well under it. */
export const MAX_DOC_BYTES = 64 * 1024 * 1024;

const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');
const ENCRYPTED_PACKAGE = 'EncryptedPackage';
const SUMMARY_STREAM = '\x05SummaryInformation';
const RTF_SIGNATURE = Buffer.from('{\\rtf');

/** Where a document's comments come from, as a reviewed draft's warning names it. */
const COMMENTS_PART = 'annotations';

/**
 * Whether a sector in the first bytes of a compound file starts a Word 97-2003 file header (its
 * identifier, then an nFib of Word 97 or later): a long document's directory, which names its
 * WordDocument stream, may lie past the bytes sniffing sees, while the stream starts early.
 */
function startsWordStream(head: Buffer): boolean {
  for (let at = 512; at + 4 <= head.length; at += 512) {
    if (head.readUInt16LE(at) === 0xa5ec && head.readUInt16LE(at + 2) >= 0xc1 && head.readUInt16LE(at + 2) < 0x200) return true;
  }
  return false;
}

/** Refuses a file that is no compound file, saying what it looks like instead. */
function checkSignature(source: InputSource): void {
  const head = source.headBytes;
  if (isCompoundFile(head)) return;
  const rtf = head.subarray(0, RTF_SIGNATURE.length).equals(RTF_SIGNATURE);
  const zip = isZipFile(head);
  const text = !head.includes(0);
  throw new InputError(
    `not a Word 97-2003 .doc document (it does not start with a compound file signature)${
      zip ? '; it is a zip, as a .docx is' : rtf ? '; it is a Rich Text (RTF) document' : text ? '; it looks like text' : ''
    }`,
    {
      location: { file: source.path },
      hint: zip
        ? 'read it as a Word .docx document'
        : rtf
          ? 'open it in Word or LibreOffice and save it as .docx'
          : text
            ? 'a .doc saved from a web page or e-mail is often text: read it as event notes'
            : 'check that this is the document you meant',
    },
  );
}

/**
 * The document's compound file checked and its Word streams read, with when it was created (else
 * last saved) from its summary information, or one InputError naming the file.
 */
function readDocument(file: string, bytes: Buffer): { document: WordBinaryDocument; date: string | null } {
  const check = checkCompoundFile(bytes);
  if (check.kind === 'damaged') {
    throw new InputError(`a damaged Word 97-2003 document: ${check.reason}`, {
      location: { file },
      hint: 'open it in Word or LibreOffice, and save it again (as .docx if it still fails)',
    });
  }
  const names = check.rootEntries.map((entry) => entry.name);
  if (!names.includes('WordDocument')) {
    const encrypted = names.includes(ENCRYPTED_PACKAGE);
    throw new InputError(
      encrypted
        ? 'a password-protected Office document; tlap cannot read encrypted documents'
        : 'a compound file without a WordDocument stream: not a Word 97-2003 document',
      {
        location: { file },
        hint: encrypted
          ? 'open it in Word or LibreOffice, remove the password and save it again'
          : 'check that this is the document you meant',
      },
    );
  }
  try {
    return { document: readWordBinary(check.readRootStream), date: summaryDate(check.readRootStream(SUMMARY_STREAM)) };
  } catch (error) {
    if (error instanceof WordBinaryProblem) throw new InputError(error.message, { location: { file }, hint: error.hint });
    throw error;
  }
}

async function* readDoc(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  checkSignature(source);
  const { document, date } = readDocument(source.path, await source.readBytes(MAX_DOC_BYTES));
  if (document.comments.length > 0) {
    yield* commentRecords(source.path, document.comments, document.anchors);
    if (options.documentText !== true) {
      yield reviewedDraftWarning(source.path, document.comments, COMMENTS_PART);
      return;
    }
  }
  const texts = document.events.flatMap((event) => (event.kind === 'paragraph' ? [event.paragraph.text] : []));
  const transcript = await speakerTranscriptLines(texts);
  if (transcript !== null) {
    yield* transcriptItems(source.path, transcript, date);
    return;
  }
  const notes = new DocumentNotes(source.path, date);
  yield* notes.answers.hold(bodyNotes(notes, document));
}

/** The document's body read into notes, as a .docx's is: each event in order, then the end. */
async function* bodyNotes(notes: DocumentNotes, document: WordBinaryDocument): AsyncIterable<AdapterItem> {
  for (const event of document.events) {
    if (event.kind === 'table') yield* notes.openTable();
    else if (event.kind === 'row') notes.openRow();
    else if (event.kind === 'cell') notes.openCell();
    else yield* notes.paragraph(event.paragraph, event.inTable);
  }
  yield* notes.end();
}

/**
 * Word 97-2003 documents (.doc): read as the same document saved as .docx is, one record per
 * paragraph or list item with headings as the section path and tables cell by cell, response
 * forms' contact rows left out, reviewers' comments on a draft as records, and a Teams meeting
 * transcript saved as .doc as a speaker transcript.
 */
export const docDocumentAdapter: FormatAdapter = {
  name: 'doc',
  description:
    'Word 97-2003 document (.doc): read as its .docx is, one record per paragraph or bullet, headings as section, table cells apart',
  channel: 'event-note',
  extensions: ['.doc', '.dot'],
  signature: 'an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) holding a WordDocument stream',
  binary: true,
  sniff(input) {
    if (!isCompoundFile(input.headBytes)) return 0;
    if (input.headBytes.includes(WORD_STREAM)) return 0.9;
    if (startsWordStream(input.headBytes)) return 0.8;
    return input.extension === '.doc' || input.extension === '.dot' ? 0.6 : 0;
  },
  read(source, options) {
    return readDoc(source, options);
  },
};
