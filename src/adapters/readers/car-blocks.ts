import { CidLink, DagCborError, decodeDagCborPrefix } from './dag-cbor.js';

/** The blocks of a CAR (Content Addressable aRchive) file, version 1, by their CIDs. */
export interface CarBlocks {
  /** The header's `roots`: for an AT Protocol repository, its signed commit. */
  roots: CidLink[];
  /** Each block's bytes, by its CID's {@link CidLink.key}. */
  blocks: Map<string, Uint8Array>;
}

/** Why a CAR file cannot be read, with the byte it went wrong at. */
export class CarFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'CarFormatError';
  }
}

/** The first bytes of a CARv2 file: a fixed header saying version 2. */
const CAR_V2_PRAGMA = Buffer.from('0aa16776657273696f6e02', 'hex');

/**
 * Reads a CARv1 file held whole: a varint-prefixed DAG-CBOR header `{version: 1, roots: [CID…]}`,
 * then sections of a varint length, a CID and the block's bytes. Every length is checked against
 * the bytes left: a file cut short, a length past its end or a header that is not one is a
 * {@link CarFormatError}. Blocks are views into `bytes`, not copies.
 */
export function readCarBlocks(bytes: Uint8Array): CarBlocks {
  if (bytes.length >= CAR_V2_PRAGMA.length && Buffer.from(bytes.subarray(0, CAR_V2_PRAGMA.length)).equals(CAR_V2_PRAGMA)) {
    throw new CarFormatError('a CAR file of version 2, where only version 1 is read', 0);
  }
  if (bytes.length === 0) throw new CarFormatError('the file is empty', 0);
  const headerLength = readVarint(bytes, 0);
  const headerStart = headerLength.next;
  if (headerLength.value === 0 || headerLength.value > bytes.length - headerStart) {
    throw new CarFormatError('no CAR header (the file is empty, cut short or not a CAR file)', 0);
  }
  const header = decodeHeader(bytes.subarray(headerStart, headerStart + headerLength.value));
  const blocks = new Map<string, Uint8Array>();
  let offset = headerStart + headerLength.value;
  while (offset < bytes.length) {
    const section = readVarint(bytes, offset);
    const start = section.next;
    if (section.value > bytes.length - start) {
      throw new CarFormatError(
        `a block of ${section.value} bytes at byte ${offset} runs past the end of the file (is it cut short?)`,
        offset,
      );
    }
    const end = start + section.value;
    const cidLength = cidByteLength(bytes, start, end);
    blocks.set(Buffer.from(bytes.subarray(start, start + cidLength)).toString('hex'), bytes.subarray(start + cidLength, end));
    offset = end;
  }
  return { roots: header, blocks };
}

function decodeHeader(bytes: Uint8Array): CidLink[] {
  let header: unknown;
  try {
    const decoded = decodeDagCborPrefix(bytes);
    header = decoded.value;
  } catch (error) {
    if (error instanceof DagCborError) throw new CarFormatError(`the CAR header cannot be read: ${error.message}`, error.offset);
    throw error;
  }
  const fields = header !== null && typeof header === 'object' && !Array.isArray(header) ? (header as Record<string, unknown>) : null;
  if (fields === null || !Array.isArray(fields['roots'])) throw new CarFormatError('the header is not a CAR header (no "roots")', 0);
  if (fields['version'] !== 1)
    throw new CarFormatError(`a CAR header of version ${String(fields['version'])}, where only version 1 is read`, 0);
  return fields['roots'].filter((root): root is CidLink => root instanceof CidLink);
}

/** How many bytes the CID at `start` takes: 34 for a CIDv0 (a bare SHA-256 multihash), else version, codec and multihash. */
function cidByteLength(bytes: Uint8Array, start: number, end: number): number {
  if (bytes[start] === 0x12 && bytes[start + 1] === 0x20) return checkedCid(34, start, end);
  const version = readVarint(bytes, start, end);
  if (version.value !== 1) throw new CarFormatError(`a block's CID is of version ${version.value}`, start);
  const codec = readVarint(bytes, version.next, end);
  const hashCode = readVarint(bytes, codec.next, end);
  const digestLength = readVarint(bytes, hashCode.next, end);
  return checkedCid(digestLength.next + digestLength.value - start, start, end);
}

function checkedCid(length: number, start: number, end: number): number {
  if (length > end - start) throw new CarFormatError('a block is shorter than its CID', start);
  return length;
}

/** An unsigned LEB128 varint at `offset` (at most 8 bytes, a length or code well within 2^53), and where it ends. */
function readVarint(bytes: Uint8Array, offset: number, end = bytes.length): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let at = offset; at < end && at < offset + 8; at += 1) {
    const byte = bytes[at] ?? 0;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return { value, next: at + 1 };
    scale *= 128;
  }
  throw new CarFormatError(`a length at byte ${offset} cannot be read (is the file cut short?)`, offset);
}
