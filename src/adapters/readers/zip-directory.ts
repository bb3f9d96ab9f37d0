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

function findEndRecord(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT_LENGTH);
  for (let offset = zip.length - END_RECORD_SIZE; offset >= earliest; offset -= 1) {
    if (zip.readUInt32LE(offset) === END_RECORD && offset + END_RECORD_SIZE + zip.readUInt16LE(offset + 20) === zip.length) return offset;
  }
  return -1;
}

function readU64(zip: Buffer, offset: number): number {
  return Number(zip.readBigUInt64LE(offset));
}

/** Where the directory starts and how many entries it has, from the classic or the ZIP64 end record. */
function directoryLocation(zip: Buffer, endRecord: number): { offset: number; count: number } | null {
  const count = zip.readUInt16LE(endRecord + 10);
  const offset = zip.readUInt32LE(endRecord + 16);
  if (count !== U16_MAX && offset !== U32_MAX) return { offset, count };
  const locator = endRecord - 20;
  if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
  const record = readU64(zip, locator + 8);
  if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_END_RECORD) return null;
  return { offset: readU64(zip, record + 48), count: readU64(zip, record + 32) };
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

/**
 * Lists the files in a zip held in memory, from its central directory, without unpacking
 * anything: enough to tell a truncated file from a whole one, and to know what a workbook
 * unpacks to before it is unpacked. Null when the directory is missing or damaged.
 */
export function readZipDirectory(zip: Buffer): ZipDirectoryEntry[] | null {
  if (zip.length < END_RECORD_SIZE) return null;
  const endRecord = findEndRecord(zip);
  if (endRecord < 0) return null;
  const location = directoryLocation(zip, endRecord);
  if (location === null) return null;
  const entries: ZipDirectoryEntry[] = [];
  let offset = location.offset;
  for (let index = 0; index < location.count; index += 1) {
    if (offset + DIRECTORY_ENTRY_SIZE > zip.length || zip.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const uncompressed = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const nameStart = offset + DIRECTORY_ENTRY_SIZE;
    const next = nameStart + nameLength + extraLength + commentLength;
    if (next > zip.length) return null;
    const name = zip.toString('utf8', nameStart, nameStart + nameLength);
    if (compressed === U32_MAX || uncompressed === U32_MAX || localOffset === U32_MAX) {
      const extra = zip.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
      const sizes = zip64Sizes(extra, compressed, uncompressed, localOffset);
      if (sizes === null) return null;
      entries.push({ name, method, ...sizes });
    } else {
      entries.push({ name, method, compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset });
    }
    offset = next;
  }
  return entries;
}
