import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** One file listed in a zip's central directory. */
export interface ZipDirectoryEntry {
  /** The entry's path inside the zip, as stored (`xl/worksheets/sheet1.xml`). */
  readonly name: string;
  /** Bytes it takes in the zip. */
  readonly compressedSize: number;
  /** Bytes it unpacks to, as the directory declares. */
  readonly uncompressedSize: number;
  /** How it is packed: 0 stored, 8 deflated. */
  readonly method: number;
  /** Where its local header starts in the zip. */
  readonly localHeaderOffset: number;
  /** The CRC-32 of the unpacked bytes, as the directory declares. */
  readonly crc32: number;
  /** True when the entry is encrypted (general purpose flag bit 0): it cannot be unpacked without its password. */
  readonly encrypted: boolean;
}

/**
 * Bytes of a zip, read at absolute offsets: the whole zip held in memory, or a file on disk read
 * piece by piece. `read` gives null for a range outside the zip.
 */
export interface ZipBytes {
  readonly size: number;
  read(offset: number, length: number): Buffer | null;
}

const END_RECORD = 0x06054b50;
const END_RECORD_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const DIRECTORY_ENTRY_SIZE = 46;
const ZIP64_EXTRA_FIELD = 0x0001;
const MAX_COMMENT_LENGTH = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/** Where the end record starts in the last bytes of a zip, or -1: the last signature whose comment ends the zip. */
function findEndRecord(tail: Buffer): number {
  const earliest = Math.max(0, tail.length - END_RECORD_SIZE - MAX_COMMENT_LENGTH);
  for (let offset = tail.length - END_RECORD_SIZE; offset >= earliest; offset -= 1) {
    if (tail.readUInt32LE(offset) === END_RECORD && offset + END_RECORD_SIZE + tail.readUInt16LE(offset + 20) === tail.length)
      return offset;
  }
  return -1;
}

function readU64(bytes: Buffer, offset: number): number {
  return Number(bytes.readBigUInt64LE(offset));
}

/**
 * Where the directory starts, where it ends (the end record that follows it) and how many
 * entries it has, from the classic or the ZIP64 end record.
 */
function directoryLocation(zip: ZipBytes, endRecord: Buffer, endRecordAt: number): { offset: number; end: number; count: number } | null {
  const count = endRecord.readUInt16LE(10);
  const offset = endRecord.readUInt32LE(16);
  if (count !== U16_MAX && offset !== U32_MAX) return { offset, end: endRecordAt, count };
  const locator = zip.read(endRecordAt - 20, 20);
  if (locator === null || locator.readUInt32LE(0) !== ZIP64_LOCATOR) return null;
  const recordAt = readU64(locator, 8);
  const record = zip.read(recordAt, 56);
  if (record === null || record.readUInt32LE(0) !== ZIP64_END_RECORD) return null;
  return { offset: readU64(record, 48), end: recordAt, count: readU64(record, 32) };
}

/** Sizes and offsets too big for 32 bits are kept in the ZIP64 extra field, in this order. */
function zip64Sizes(
  extra: Buffer,
  compressed: number,
  uncompressed: number,
  localOffset: number,
): { compressedSize: number; uncompressedSize: number; localHeaderOffset: number } | null {
  for (let offset = 0; offset + 4 <= extra.length;) {
    const id = extra.readUInt16LE(offset);
    const size = extra.readUInt16LE(offset + 2);
    if (id === ZIP64_EXTRA_FIELD) {
      let field = offset + 4;
      const end = field + size;
      let uncompressedSize = uncompressed;
      let compressedSize = compressed;
      let localHeaderOffset = localOffset;
      if (uncompressed === U32_MAX) {
        if (field + 8 > end || end > extra.length) return null;
        uncompressedSize = readU64(extra, field);
        field += 8;
      }
      if (compressed === U32_MAX) {
        if (field + 8 > end || end > extra.length) return null;
        compressedSize = readU64(extra, field);
        field += 8;
      }
      if (localOffset === U32_MAX) {
        if (field + 8 > end || end > extra.length) return null;
        localHeaderOffset = readU64(extra, field);
      }
      return { compressedSize, uncompressedSize, localHeaderOffset };
    }
    offset += 4 + size;
  }
  return null;
}

/** The four bytes a zip file (and so every workbook and document packed as one) starts with. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** True when the bytes start with a zip file's signature. */
export function isZipFile(head: Buffer): boolean {
  return head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE);
}

/** A zip held in memory, as {@link ZipBytes}. */
function bytesInMemory(zip: Buffer): ZipBytes {
  return {
    size: zip.length,
    read: (offset, length) => (offset >= 0 && length >= 0 && offset + length <= zip.length ? zip.subarray(offset, offset + length) : null),
  };
}

/** General purpose flag bit 0: the entry is encrypted. */
const ENCRYPTED_FLAG = 0x0001;
/** General purpose flag bit 11: the entry's name is UTF-8. */
const UTF8_NAME_FLAG = 0x0800;

/**
 * An entry's name: UTF-8 when its flag says so or its bytes are valid UTF-8 (macOS writes UTF-8
 * without the flag), else code page 437, as Windows' "Send to compressed folder" writes it.
 */
function entryName(bytes: Buffer, flags: number): string {
  if ((flags & UTF8_NAME_FLAG) !== 0 || isUtf8(bytes)) return bytes.toString('utf8');
  return iconv.decode(bytes, 'cp437');
}

/**
 * Lists the files in a zip held in memory, from its central directory, without unpacking
 * anything: enough to tell a truncated file from a whole one, and to know what a workbook
 * unpacks to before it is unpacked. Null when the directory is missing or damaged.
 */
export function readZipDirectory(zip: Buffer): ZipDirectoryEntry[] | null {
  return readZipDirectoryFrom(bytesInMemory(zip));
}

/**
 * {@link readZipDirectory} for a zip read piece by piece (a file on disk): only its last bytes and
 * its directory are read. Null when the directory is missing or damaged.
 */
export function readZipDirectoryFrom(zip: ZipBytes): ZipDirectoryEntry[] | null {
  if (zip.size < END_RECORD_SIZE) return null;
  const tailLength = Math.min(zip.size, END_RECORD_SIZE + MAX_COMMENT_LENGTH);
  const tailStart = zip.size - tailLength;
  const tail = zip.read(tailStart, tailLength);
  if (tail === null) return null;
  const endRecord = findEndRecord(tail);
  if (endRecord < 0) return null;
  const location = directoryLocation(zip, tail.subarray(endRecord), tailStart + endRecord);
  if (location === null || location.offset > location.end) return null;
  const directory = zip.read(location.offset, location.end - location.offset);
  if (directory === null) return null;
  const entries: ZipDirectoryEntry[] = [];
  let offset = 0;
  for (let index = 0; index < location.count; index += 1) {
    if (offset + DIRECTORY_ENTRY_SIZE > directory.length || directory.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
    const flags = directory.readUInt16LE(offset + 8);
    const method = directory.readUInt16LE(offset + 10);
    const crc32 = directory.readUInt32LE(offset + 16);
    const compressed = directory.readUInt32LE(offset + 20);
    const uncompressed = directory.readUInt32LE(offset + 24);
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const localOffset = directory.readUInt32LE(offset + 42);
    const nameStart = offset + DIRECTORY_ENTRY_SIZE;
    const next = nameStart + nameLength + extraLength + commentLength;
    if (next > directory.length) return null;
    const name = entryName(directory.subarray(nameStart, nameStart + nameLength), flags);
    const described = { name, method, crc32, encrypted: (flags & ENCRYPTED_FLAG) !== 0 };
    if (compressed === U32_MAX || uncompressed === U32_MAX || localOffset === U32_MAX) {
      const extra = directory.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
      const sizes = zip64Sizes(extra, compressed, uncompressed, localOffset);
      if (sizes === null) return null;
      entries.push({ ...described, ...sizes });
    } else {
      entries.push({ ...described, compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset });
    }
    offset = next;
  }
  return entries;
}
