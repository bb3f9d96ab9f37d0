import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One file to put in a zip made by {@link buildZip}. */
export interface ZipFile {
  name: string;
  content: Buffer | string;
  /** The file holds `content` this many times over (1 by default): a big file that is never built in memory. */
  repeat?: number;
  /** Store it uncompressed (as an OpenDocument's `mimetype` must be) instead of deflating it. */
  stored?: boolean;
  /** The name as raw bytes (a name in code page 437, as Windows writes it), instead of `name` in UTF-8. */
  nameBytes?: Buffer;
  /** General purpose flags written in its headers (bit 0: encrypted; bit 11: UTF-8 name). */
  flags?: number;
  /** The packing method its headers declare, whatever the bytes are (12 is bzip2). */
  declaredMethod?: number;
  /** Flip the last packed byte after the checksum is taken, as a damaged download does. */
  damaged?: boolean;
}

/** How {@link buildZip} writes the zip. */
export interface ZipLayout {
  /** Write the ZIP64 end records and sizes in ZIP64 extra fields, as big archives do. */
  zip64?: boolean;
  /** The archive comment written after the end record. */
  comment?: string;
  /** The unpacked size every header declares, whatever the files hold (a zip that lies about its sizes). */
  declaredSize?: number;
}

/** A final deflate block with no data: what ends a stream of blocks that were each flushed. */
const EMPTY_FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** `content` repeated `times`, deflated: one piece compressed once, its blocks repeated, then the final block. */
function deflateRepeated(content: Buffer, times: number): { packed: Buffer; crc: number; size: number } {
  if (times === 1) return { packed: deflateRawSync(content), crc: crc32(content), size: content.length };
  const blocks = deflateRawSync(content, { finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let index = 0; index < times; index += 1) crc = crc32(content, crc);
  return { packed: Buffer.concat([...Array.from({ length: times }, () => blocks), EMPTY_FINAL_BLOCK]), crc, size: content.length * times };
}

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function zip64Extra(compressed: number, uncompressed: number, localOffset: number): Buffer {
  const extra = Buffer.alloc(4 + 24);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(uncompressed), 4);
  extra.writeBigUInt64LE(BigInt(compressed), 12);
  extra.writeBigUInt64LE(BigInt(localOffset), 20);
  return extra;
}

/**
 * Builds a zip in memory, every file deflated unless marked stored: for tests that need zips no archiver writes
 * (ZIP64 records on a small archive, a workbook that unpacks to gigabytes).
 */
export function buildZip(files: readonly ZipFile[], layout: ZipLayout = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const content = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    const {
      packed: written,
      crc,
      size,
    } = file.stored === true ? { packed: content, crc: crc32(content), size: content.length } : deflateRepeated(content, file.repeat ?? 1);
    const method = file.declaredMethod ?? (file.stored === true ? 0 : 8);
    const name = file.nameBytes ?? Buffer.from(file.name);
    const packed = file.damaged === true ? Buffer.from(written) : written;
    if (file.damaged === true && packed.length > 0) packed[packed.length - 1] = (packed[packed.length - 1] ?? 0) ^ 0xff;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(file.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(layout.declaredSize ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const extra = layout.zip64 === true ? zip64Extra(packed.length, size, offset) : Buffer.alloc(0);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(file.flags ?? 0, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(layout.zip64 === true ? U32_MAX : packed.length, 20);
    entry.writeUInt32LE(layout.zip64 === true ? U32_MAX : (layout.declaredSize ?? size), 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(layout.zip64 === true ? U32_MAX : offset, 42);
    directory.push(entry, name, extra);
    offset += local.length + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const tail: Buffer[] = [];
  if (layout.zip64 === true) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(files.length), 24);
    record.writeBigUInt64LE(BigInt(files.length), 32);
    record.writeBigUInt64LE(BigInt(directoryBytes.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directoryBytes.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const comment = Buffer.from(layout.comment ?? '');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(layout.zip64 === true ? U16_MAX : files.length, 8);
  end.writeUInt16LE(layout.zip64 === true ? U16_MAX : files.length, 10);
  end.writeUInt32LE(layout.zip64 === true ? U32_MAX : directoryBytes.length, 12);
  end.writeUInt32LE(layout.zip64 === true ? U32_MAX : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directoryBytes, ...tail, end, comment]);
}
