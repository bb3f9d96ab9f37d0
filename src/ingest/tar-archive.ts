/**
 * Tar archives, gzip-compressed or not (`.tar.gz`, `.tgz`, `.tar`), read as the folder they hold:
 * a Mastodon account archive comes as one (`outbox.json`, `actor.json`, `likes.json`,
 * `bookmarks.json`, the media). A tar has no directory: its files are listed by reading it through
 * once (their headers, the data passed over), and each file to read is unpacked by reading it
 * again up to its bytes. Nothing is held whole.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { formatBytes } from '../source/byte-size.js';
import { describeFsError } from '../source/fs-errors.js';
import { ARCHIVE_ENTRY_LIMIT } from './zip-archive.js';

const BLOCK = 512;
/** The largest pax or GNU long-name header read (they hold a file's name and a few fields): larger is damage. */
const MAX_NAME_HEADER_BYTES = 1024 * 1024;

/** One file in a tar archive. */
export interface TarEntry {
  /** Its path in the archive, as stored (`media_attachments/files/…/original/a.jpg`). */
  readonly name: string;
  /** Its bytes. */
  readonly size: number;
  /** Where its bytes start in the archive's (unpacked) tar stream. */
  readonly offset: number;
}

/** What a file is as a tar archive: one (`gzip` when compressed), or not. */
export type TarFileKind = { kind: 'tar'; gzip: boolean } | { kind: 'not-tar' };

/** How much of a gzip file is unpacked to find a tar header in it: enough for its first block, whatever its file name's length. */
const GZIP_HEAD_BYTES = 64 * 1024;

/**
 * Tells a tar archive by its first bytes: the `ustar` mark of a tar header at byte 257, in the
 * file itself or in what its gzip compression unpacks to. Every input that is no zip is asked, so
 * only its first block is read, and more only of a gzip file. A gzip of anything else (a
 * `.csv.gz`) is no tar. A file that cannot be opened is an InputError naming it.
 */
export async function tarFileKind(diskPath: string, displayPath: string): Promise<TarFileKind> {
  let handle: FileHandle;
  try {
    handle = await open(diskPath, 'r');
  } catch (error) {
    throw new InputError(`cannot read file (${describeFsError(error)})`, { location: { file: displayPath }, cause: error });
  }
  try {
    const head = Buffer.alloc(BLOCK);
    const headRead = (await handle.read(head, 0, BLOCK, 0)).bytesRead;
    if (isTarHeader(head.subarray(0, headRead))) return { kind: 'tar', gzip: false };
    if (headRead < 2 || head[0] !== 0x1f || head[1] !== 0x8b) return { kind: 'not-tar' };
    const packed = Buffer.alloc(GZIP_HEAD_BYTES);
    const bytes = packed.subarray(0, (await handle.read(packed, 0, GZIP_HEAD_BYTES, 0)).bytesRead);
    let unpacked: Buffer;
    try {
      unpacked = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return { kind: 'not-tar' };
    }
    return isTarHeader(unpacked) ? { kind: 'tar', gzip: true } : { kind: 'not-tar' };
  } finally {
    await handle.close();
  }
}

function isTarHeader(block: Buffer): boolean {
  return block.length >= 262 && block.subarray(257, 262).toString('latin1') === 'ustar';
}

/** The tar stream of an archive on disk, unpacked from its gzip compression when it has one. */
function tarStream(diskPath: string, gzip: boolean): Readable {
  const file = createReadStream(diskPath);
  if (!gzip) return file;
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  gunzip.on('close', () => file.destroy());
  return file.pipe(gunzip);
}

/**
 * Lists the files of a tar archive (regular files only: folders, links and the like are passed
 * over), in archive order. Long names are read from their pax (`path`) or GNU (`././@LongLink`)
 * headers. Throws an InputError naming the archive when it cannot be read or is damaged.
 */
export async function listTarEntries(diskPath: string, gzip: boolean, displayPath: string): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let position = 0;
  /** Bytes of the current entry's data (and padding) still to pass over. */
  let skip = 0;
  /** A long name or pax record being gathered, and how many of its bytes are still to come. */
  let gathering: { kind: 'pax' | 'long-name'; bytes: Buffer[]; left: number; padding: number } | null = null;
  let nextName: string | null = null;
  let ended = false;
  try {
    for await (const chunk of tarStream(diskPath, gzip)) {
      pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      while (!ended) {
        if (skip > 0) {
          const passed = Math.min(skip, pending.length);
          skip -= passed;
          position += passed;
          pending = pending.subarray(passed);
          if (skip > 0) break;
          continue;
        }
        if (gathering !== null) {
          const taken = Math.min(gathering.left, pending.length);
          gathering.bytes.push(pending.subarray(0, taken));
          gathering.left -= taken;
          position += taken;
          pending = pending.subarray(taken);
          if (gathering.left > 0) break;
          const text = Buffer.concat(gathering.bytes).toString('utf8');
          nextName = gathering.kind === 'long-name' ? text.replace(/\0.*$/s, '') : (paxPath(text) ?? nextName);
          skip = gathering.padding;
          gathering = null;
          continue;
        }
        if (pending.length < BLOCK) break;
        const header = pending.subarray(0, BLOCK);
        pending = pending.subarray(BLOCK);
        position += BLOCK;
        if (header.every((byte) => byte === 0)) {
          ended = true;
          break;
        }
        if (!checksumMatches(header)) throw new Error(`a damaged header at byte ${position - BLOCK}`);
        const size = octalNumber(header.subarray(124, 136));
        const type = String.fromCharCode(header[156] ?? 0);
        const padding = (BLOCK - (size % BLOCK)) % BLOCK;
        if (type === 'x' || type === 'L') {
          if (size > MAX_NAME_HEADER_BYTES) throw new Error(`a long-name header of ${formatBytes(size)} at byte ${position - BLOCK}`);
          gathering = { kind: type === 'x' ? 'pax' : 'long-name', bytes: [], left: size, padding };
          continue;
        }
        if (type === '0' || type === '\0' || type === '7') {
          const prefix = cString(header.subarray(345, 500));
          const stored = cString(header.subarray(0, 100));
          entries.push({ name: nextName ?? (prefix === '' ? stored : `${prefix}/${stored}`), size, offset: position });
        }
        nextName = null;
        skip = size + padding;
      }
      if (ended) break;
    }
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error ? describeFsError(error) : error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read the tar archive (${reason}): download it again, or unpack it and ingest the folder it gives`, {
      location: { file: displayPath },
      hint: 'download it again, or unpack it (tar -xzf FILE) and ingest the folder it gives',
      cause: error,
    });
  }
  return entries;
}

/**
 * Unpacks one file of a tar archive to `target`, reading the archive again up to its bytes.
 * Refused by an InputError naming it as `displayPath` when it is over {@link ARCHIVE_ENTRY_LIMIT}
 * or the archive ends before its bytes do.
 */
export async function unpackTarEntry(diskPath: string, gzip: boolean, entry: TarEntry, target: string, displayPath: string): Promise<void> {
  if (entry.size > ARCHIVE_ENTRY_LIMIT) {
    const advice = 'unpack the archive and ingest the file itself, which tlap reads as a stream';
    throw new InputError(
      `unpacks to ${formatBytes(entry.size)}, over the ${formatBytes(ARCHIVE_ENTRY_LIMIT)} tlap unpacks from one entry of an archive, refused; ${advice}`,
      { location: { file: displayPath }, hint: advice },
    );
  }
  const out = createWriteStream(target);
  const stream = tarStream(diskPath, gzip);
  let position = 0;
  let written = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      const start = Math.max(0, entry.offset - position);
      const end = Math.min(bytes.length, entry.offset + entry.size - position);
      position += bytes.length;
      if (start < end) {
        written += end - start;
        if (!out.write(bytes.subarray(start, end))) await once(out, 'drain');
      }
      if (written === entry.size) break;
    }
    if (written !== entry.size) throw new Error('the archive ends before the file does');
  } catch (error) {
    const advice = 'check that the archive is complete (download it again), or unpack it and ingest the folder it gives';
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot unpack it from its tar archive (${reason}); ${advice}`, {
      location: { file: displayPath },
      hint: advice,
      cause: error,
    });
  } finally {
    stream.destroy();
    out.end();
    await once(out, 'close');
  }
}

/** A tar header's checksum: the sum of its bytes with the checksum field read as spaces. */
function checksumMatches(header: Buffer): boolean {
  const stored = octalNumber(header.subarray(148, 156));
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
  return sum === stored;
}

/** A number field: octal digits, or base-256 (its first byte's high bit set) for sizes over 8 GiB. */
function octalNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (let index = 1; index < field.length; index += 1) value = value * 256 + (field[index] ?? 0);
    return value;
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ].*$/s, '')
    .trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

/** The `path` record of a pax extended header (`27 path=some/long/name\n`), or null. */
function paxPath(records: string): string | null {
  for (const line of records.split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}
