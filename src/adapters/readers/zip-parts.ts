import { InputError } from '../../errors.js';
import { formatBytes } from '../../source/byte-size.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import { readZipDirectory } from './zip-directory.js';
import { unpackZip } from './zip-unpack.js';

/** How a document packed as a zip (a Word or OpenDocument file) is named in messages. */
export interface ZipDocumentKind {
  /** What the file should be, for messages: `Word document`. */
  noun: string;
  /** How to make a readable copy, for the hints: `open it in Word or LibreOffice and save it as .docx`. */
  saveAs: string;
}

/** What {@link readZipParts} found: every entry name in the zip, and the bytes of the parts asked for that it holds. */
export interface ZipParts {
  names: readonly string[];
  parts: ReadonlyMap<string, Buffer>;
}

/**
 * Unpacks the named parts of a zip held in memory, and only those (a document's photos are never
 * inflated). The directory is checked before anything is unpacked (whole, and the parts not over
 * `limitBytes` as declared), then the limit is counted on the bytes actually inflated, so a zip
 * whose headers lie about its sizes (a zip bomb) is stopped at the limit. Each refusal is an
 * InputError naming the file.
 */
export function readZipParts(file: string, zip: Buffer, wanted: readonly string[], limitBytes: number, kind: ZipDocumentKind): ZipParts {
  const entries = readZipDirectory(zip);
  if (entries === null) {
    throw new InputError(`cannot read the ${kind.noun} (the file ends in the middle of the zip, or its zip is damaged; is it truncated?)`, {
      location: { file },
      hint: `check that the file is complete; if it opens, ${kind.saveAs} again`,
    });
  }
  const selected = entries.filter((entry) => wanted.includes(entry.name));
  const declared = selected.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (declared > limitBytes) {
    throw new InputError(
      `the ${kind.noun}'s text unpacks to ${formatBytes(declared)}, over the ${formatBytes(limitBytes)} tlap reads from one file; refused`,
      {
        location: { file },
        hint: 'split it into smaller documents, or save it as plain text, which tlap reads as a stream',
      },
    );
  }
  const result = unpackZip(zip, selected, limitBytes);
  if (result.kind === 'over-limit') {
    throw new InputError(
      `the ${kind.noun} unpacks to more than ${formatBytes(limitBytes)} (its entry ${JSON.stringify(result.entry)} inflates past the sizes its zip declares); refused`,
      { location: { file }, hint: 'check that this is the document you meant: its zip is not what it says it is' },
    );
  }
  if (result.kind === 'damaged') {
    throw new InputError(`cannot read the ${kind.noun} (entry ${JSON.stringify(result.entry)}: ${result.reason})`, {
      location: { file },
      hint: `check that the file is complete; if it opens, ${kind.saveAs} again`,
    });
  }
  return { names: entries.map((entry) => entry.name), parts: new Map(result.files.map((part) => [part.name, part.data])) };
}

/** How much text is passed on at a time from a part held in memory. */
const PART_SLICE_CHARS = 1024 * 1024;

/**
 * A part unpacked from a zip as something the XML reader can stream, under the name `path` its
 * messages give. XML parts are UTF-8 unless they start with a UTF-16 byte order mark.
 */
export function zipPartSource(path: string, data: Buffer): Pick<InputSource, 'path' | 'text'> {
  const littleEndian = data[0] === 0xff && data[1] === 0xfe;
  const bigEndian = data[0] === 0xfe && data[1] === 0xff;
  const text = littleEndian
    ? data.subarray(2).toString('utf16le')
    : bigEndian
      ? Buffer.from(data.subarray(2, data.length - (data.length % 2)))
          .swap16()
          .toString('utf16le')
      : new TextDecoder('utf-8', { ignoreBOM: false }).decode(data);
  return {
    path,
    async *text() {
      for (let start = 0; start < text.length; start += PART_SLICE_CHARS) yield text.slice(start, start + PART_SLICE_CHARS);
    },
  };
}

/** An error in a part of the document, located in that part: `notes.docx: word/document.xml:2:31: XML_MALFORMED: …`. */
export function partError(file: string, part: string, error: InputError, kind: ZipDocumentKind): InputError {
  const { line, col } = error.location ?? {};
  const position = line === undefined ? '' : `:${line}${col === undefined ? '' : `:${col}`}`;
  return new InputError(error.reason, {
    location: { file, part: `${part}${position}` },
    hint: error.hint ?? `the document is damaged; if it opens, ${kind.saveAs} again`,
    cause: error,
  });
}

/** A part the document can be read without (its styles, its properties), read leniently: when it is damaged, a warning. */
export async function readOptionalPart<T>(
  file: string,
  part: string,
  fallback: T,
  read: () => Promise<T>,
  warnings: AdapterItem[],
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    warnings.push({
      kind: 'warning',
      message: `${part} could not be read (${error.reason}); the document is read without it`,
      provenance: { file, part },
    });
    return fallback;
  }
}
