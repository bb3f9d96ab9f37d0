import { createReadStream, createWriteStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { InputError } from '../errors.js';
import { formatBytes } from '../source/byte-size.js';
import { describeFsError } from '../source/fs-errors.js';
import { isZipFile, readZipDirectoryFrom, type ZipDirectoryEntry } from '../adapters/readers/zip-directory.js';

/** The most one entry of an archive may unpack to: it is written to a temporary file before it is read. */
export const ARCHIVE_ENTRY_LIMIT = 2 * 1024 * 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;

/** What a zip file is, by its directory: an archive of files to read one by one, a document or workbook packed as a zip, or not a zip. */
export type ZipFileKind =
  { kind: 'archive'; entries: ZipDirectoryEntry[] } | { kind: 'package' } | { kind: 'damaged' } | { kind: 'not-zip' };

/**
 * Entries that mark a zip as one document rather than an archive of files: Office Open XML
 * (`.xlsx`, `.docx`, `.pptx`) declares its parts in `[Content_Types].xml`, OpenDocument (`.odt`,
 * `.ods`) and EPUB name their type in `mimetype`.
 */
const PACKAGE_MARKERS = new Set(['[Content_Types].xml', 'mimetype']);

/** Reads a file on disk at absolute offsets, for the zip directory reader. */
function fileBytes(fd: number): { size: number; read: (offset: number, length: number) => Buffer | null } {
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) return null;
      const buffer = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const read = readSync(fd, buffer, filled, length - filled, offset + filled);
        if (read === 0) return null;
        filled += read;
      }
      return buffer;
    },
  };
}

/**
 * Tells what a file is by its first bytes and, for a zip, its directory (read from the end of the
 * file; nothing is unpacked): an archive of exports, or a workbook or document that a format
 * reads whole. Throws an InputError naming the file when it cannot be opened or read.
 */
export function zipFileKind(diskPath: string, displayPath: string): ZipFileKind {
  let fd: number | null = null;
  try {
    fd = openSync(diskPath, 'r');
    const zip = fileBytes(fd);
    const head = zip.read(0, Math.min(4, zip.size));
    if (head === null || !isZipFile(head)) return { kind: 'not-zip' };
    const entries = readZipDirectoryFrom(zip);
    if (entries === null) return { kind: 'damaged' };
    if (entries.some((entry) => PACKAGE_MARKERS.has(entry.name))) return { kind: 'package' };
    return { kind: 'archive', entries };
  } catch (error) {
    throw new InputError(`cannot read file (${describeFsError(error)})`, { location: { file: displayPath }, cause: error });
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Counts and checks what an entry unpacks to as it streams: refused as soon as it passes the size
 * the directory declares (a zip bomb's lie, or damage), and checked against the declared size and
 * CRC-32 at the end.
 */
class CheckedEntryBytes extends Transform {
  private written = 0;
  private checksum = 0;

  constructor(
    private readonly entry: ZipDirectoryEntry,
    private readonly fail: (reason: string) => InputError,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.written += chunk.length;
    if (this.written > this.entry.uncompressedSize) {
      done(this.fail(`it unpacks to more than the ${formatBytes(this.entry.uncompressedSize)} its zip declares`));
      return;
    }
    this.checksum = crc32(chunk, this.checksum);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.written !== this.entry.uncompressedSize) done(this.fail('it unpacks to fewer bytes than its zip declares'));
    else if (this.checksum >>> 0 !== this.entry.crc32 >>> 0) done(this.fail('its bytes do not match the checksum its zip declares'));
    else done();
  }
}

/**
 * Unpacks one entry of a zip archive on disk to `target`, streaming (never held whole). Each
 * refusal is an InputError naming the entry as `displayPath`: encrypted, packed in a way tlap does
 * not unpack, over {@link ARCHIVE_ENTRY_LIMIT}, or damaged (its bytes are not what its directory
 * declares).
 */
export async function unpackArchiveEntry(
  archivePath: string,
  entry: ZipDirectoryEntry,
  target: string,
  displayPath: string,
): Promise<void> {
  const refuse = (reason: string, advice: string): InputError =>
    new InputError(`${reason}; ${advice}`, { location: { file: displayPath }, hint: advice });
  const damaged = (reason: string): InputError =>
    refuse(
      `cannot unpack it from its zip archive (${reason})`,
      'check that the archive is complete (download it again), or unzip it and ingest the folder it gives',
    );
  if (entry.encrypted) {
    throw refuse('encrypted in its zip archive, refused', 'unzip the archive with its password and ingest the folder it gives');
  }
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw refuse(
      `packed in its zip archive with method ${entry.method}, which tlap does not unpack`,
      "unzip the archive with your system's tool and ingest the folder it gives",
    );
  }
  if (entry.uncompressedSize > ARCHIVE_ENTRY_LIMIT) {
    throw refuse(
      `unpacks to ${formatBytes(entry.uncompressedSize)}, over the ${formatBytes(ARCHIVE_ENTRY_LIMIT)} tlap unpacks from one entry of an archive, refused`,
      'unzip the archive and ingest the file itself, which tlap reads as a stream',
    );
  }
  let dataStart: number;
  let fd: number;
  try {
    fd = openSync(archivePath, 'r');
  } catch (error) {
    throw refuse(
      `cannot open its zip archive again (${describeFsError(error)})`,
      'check that the archive was not moved or deleted while tlap read it, then ingest it again',
    );
  }
  try {
    const header = fileBytes(fd).read(entry.localHeaderOffset, LOCAL_HEADER_SIZE);
    if (header === null || header.readUInt32LE(0) !== LOCAL_HEADER) throw damaged('its local header is missing');
    dataStart = entry.localHeaderOffset + LOCAL_HEADER_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataStart + entry.compressedSize > fstatSync(fd).size) throw damaged('it ends after the archive does');
  } finally {
    closeSync(fd);
  }
  const output = createWriteStream(target);
  try {
    if (entry.compressedSize === 0) {
      if (entry.uncompressedSize !== 0) throw damaged('it holds no bytes to unpack');
      await pipeline((async function* () {})(), output);
    } else {
      const input = createReadStream(archivePath, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
      const check = new CheckedEntryBytes(entry, damaged);
      if (entry.method === DEFLATED) await pipeline(input, createInflateRaw(), check, output);
      else await pipeline(input, check, output);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_'))
      throw damaged(error.message);
    throw refuse(
      `cannot unpack it from its zip archive (${describeFsError(error)})`,
      'free some space in the temporary folder, or unzip the archive and ingest the folder it gives',
    );
  }
}
