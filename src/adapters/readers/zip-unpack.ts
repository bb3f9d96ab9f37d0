import { crc32, inflateRawSync } from 'node:zlib';
import type { ZipDirectoryEntry } from './zip-directory.js';

/** One file unpacked from a zip. */
export interface UnpackedFile {
  name: string;
  data: Buffer;
}

/** What {@link unpackZip} found: every file, or the entry at which the unpacked bytes passed the limit. */
export type UnpackResult =
  { kind: 'files'; files: UnpackedFile[] } | { kind: 'over-limit'; entry: string } | { kind: 'damaged'; entry: string; reason: string };

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;
/** The most files {@link storedZip} can list without ZIP64 records. */
const MAX_ENTRIES = 0xffff;

/**
 * Unpacks every entry of a zip held in memory, counting the bytes actually inflated against
 * `limitBytes` for the whole zip, whatever sizes its headers declare: inflating stops as soon as
 * the count passes the limit, so an entry that lies about its size costs no more than the limit.
 */
export function unpackZip(zip: Buffer, entries: readonly ZipDirectoryEntry[], limitBytes: number): UnpackResult {
  const files: UnpackedFile[] = [];
  let unpacked = 0;
  if (entries.length > MAX_ENTRIES) return { kind: 'damaged', entry: '', reason: `it holds more than ${MAX_ENTRIES} files` };
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const start = entry.localHeaderOffset;
    if (start + LOCAL_HEADER_SIZE > zip.length || zip.readUInt32LE(start) !== LOCAL_HEADER) {
      return { kind: 'damaged', entry: entry.name, reason: 'its local header is missing' };
    }
    const dataStart = start + LOCAL_HEADER_SIZE + zip.readUInt16LE(start + 26) + zip.readUInt16LE(start + 28);
    if (dataStart + entry.compressedSize > zip.length) return { kind: 'damaged', entry: entry.name, reason: 'it ends after the zip does' };
    const packed = zip.subarray(dataStart, dataStart + entry.compressedSize);
    const remaining = limitBytes - unpacked;
    let data: Buffer;
    if (entry.method === STORED) {
      if (packed.length > remaining) return { kind: 'over-limit', entry: entry.name };
      data = packed;
    } else if (entry.method === DEFLATED) {
      try {
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, remaining) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { kind: 'over-limit', entry: entry.name };
        }
        return { kind: 'damaged', entry: entry.name, reason: error instanceof Error ? error.message : String(error) };
      }
      if (data.length > remaining) return { kind: 'over-limit', entry: entry.name };
    } else {
      return { kind: 'damaged', entry: entry.name, reason: `it is packed with method ${entry.method}, which tlap does not unpack` };
    }
    unpacked += data.length;
    files.push({ name: entry.name, data });
  }
  return { kind: 'files', files };
}

/**
 * Packs files into a zip without compression, sizes and checksums written from the bytes
 * themselves: what a reader of it unpacks is exactly these bytes.
 */
export function storedZip(files: readonly UnpackedFile[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const checksum = crc32(file.data);
    const local = Buffer.alloc(LOCAL_HEADER_SIZE);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(file.data.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, file.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(checksum, 16);
    entry.writeUInt32LE(file.data.length, 20);
    entry.writeUInt32LE(file.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += LOCAL_HEADER_SIZE + name.length + file.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}
