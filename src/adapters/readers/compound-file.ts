/** The eight bytes every OLE2 compound file ([MS-CFB]) starts with. */
export const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** True when the bytes start with the compound file signature. */
export function isCompoundFile(head: Buffer): boolean {
  return head.length >= COMPOUND_FILE_SIGNATURE.length && head.subarray(0, COMPOUND_FILE_SIGNATURE.length).equals(COMPOUND_FILE_SIGNATURE);
}

/** How deep storages may nest (an Outlook item holding a forwarded item holding another…): deeper is refused. */
export const MAX_STORAGE_DEPTH = 32;

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const MINI_SECTOR_BYTES = 64;
const MINI_STREAM_CUTOFF = 4096;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

/** A stream or storage directly under the root storage, with its size in bytes (0 for a storage). */
export interface RootEntry {
  name: string;
  size: number;
}

/**
 * What the structural check found: the root storage's own streams and storages, with a reader of
 * the root's streams by name (null for a name that is no stream at the root), or what is broken.
 */
export type CompoundFileCheck =
  { kind: 'sound'; rootEntries: RootEntry[]; readRootStream: (name: string) => Buffer | null } | { kind: 'damaged'; reason: string };

class Damaged extends Error {}

/**
 * Checks a compound file's structure ([MS-CFB]) with bounded loops before a reader that trusts it
 * walks it: every sector chain ends within the file and claims no sector another chain claims (so
 * no chain can loop), the directory is a tree (each entry reached once, storages nested at most
 * {@link MAX_STORAGE_DEPTH} deep), and every stream's chain is long enough for its size. Linear in
 * the file's size. Reads nothing the check does not need.
 */
export function checkCompoundFile(bytes: Buffer): CompoundFileCheck {
  try {
    return { kind: 'sound', ...checkedRootEntries(bytes) };
  } catch (error) {
    if (error instanceof Damaged) return { kind: 'damaged', reason: error.message };
    throw error;
  }
}

function checkedRootEntries(bytes: Buffer): { rootEntries: RootEntry[]; readRootStream: (name: string) => Buffer | null } {
  if (!isCompoundFile(bytes)) throw new Damaged('it does not start with the compound file signature');
  if (bytes.length < 512) throw new Damaged('it is shorter than a compound file header (is it truncated?)');
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new Damaged(`its sector size (2^${shift}) is not 512 or 4096 bytes`);
  if (bytes.readUInt16LE(0x20) !== 6) throw new Damaged('its mini sector size is not 64 bytes');
  if (bytes.readUInt32LE(0x38) !== MINI_STREAM_CUTOFF) throw new Damaged('its mini stream cutoff is not 4096 bytes');
  const sectorSize = 1 << shift;
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const perSector = sectorSize / 4;
  const sectorAt = (sector: number): number => (sector + 1) * sectorSize;
  const inFile = (sector: number): boolean => sector < sectorCount && sectorAt(sector) + sectorSize <= bytes.length;

  const fatSectors = fatSectorList(bytes, sectorSize, sectorCount, inFile, sectorAt);
  const nextSector = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return END_OF_CHAIN;
    return bytes.readUInt32LE(sectorAt(fatSector) + 4 * (sector % perSector));
  };
  const claimed = new Uint8Array(sectorCount);
  const chain = (start: number, what: string, minLength = 0, owner = claimed): number[] => {
    const sectors: number[] = [];
    for (let sector = start; sector !== END_OF_CHAIN; sector = nextSector(sector)) {
      if (!inFile(sector)) throw new Damaged(`${what} runs past the end of the file (is it truncated?)`);
      if (owner[sector] === 1) throw new Damaged(`${what} loops or crosses another chain`);
      owner[sector] = 1;
      sectors.push(sector);
    }
    if (sectors.length < minLength) throw new Damaged(`${what} is shorter than its size (is the file truncated?)`);
    return sectors;
  };

  const directory = chain(bytes.readUInt32LE(0x30), 'the directory');
  if (directory.length === 0) throw new Damaged('it has no directory');
  const entryCount = (directory.length * sectorSize) / DIRECTORY_ENTRY_BYTES;
  const entryOffset = (index: number): number => {
    const sector = directory[Math.floor((index * DIRECTORY_ENTRY_BYTES) / sectorSize)] ?? 0;
    return sectorAt(sector) + ((index * DIRECTORY_ENTRY_BYTES) % sectorSize);
  };
  const entry = (index: number): DirectoryEntry => readEntry(bytes, entryOffset(index));
  const root = entry(0);
  if (root.type !== ROOT) throw new Damaged('its directory does not start with a root entry');
  if (root.size > bytes.length) throw new Damaged('its mini stream is larger than the file');

  // A root with no mini stream may point at a chain another stream owns; msgreader walks it all the same, so it must end.
  const miniStream =
    root.size === 0
      ? chain(root.start, 'the mini stream', 0, new Uint8Array(sectorCount)).slice(0, 0)
      : chain(root.start, 'the mini stream', Math.ceil(root.size / sectorSize));
  const miniFat = bytes.readUInt32LE(0x40) === 0 ? [] : chain(bytes.readUInt32LE(0x3c), 'the mini FAT');
  const miniSectorCount = Math.min((miniStream.length * sectorSize) / MINI_SECTOR_BYTES, (miniFat.length * sectorSize) / 4);
  const claimedMini = new Uint8Array(miniSectorCount);
  const nextMini = (sector: number): number => {
    const fatSector = miniFat[Math.floor(sector / perSector)];
    return fatSector === undefined ? END_OF_CHAIN : bytes.readUInt32LE(sectorAt(fatSector) + 4 * (sector % perSector));
  };
  const miniChain = (start: number, what: string, minLength: number): void => {
    let length = 0;
    for (let sector = start; sector !== END_OF_CHAIN; sector = nextMini(sector)) {
      if (sector >= miniSectorCount) throw new Damaged(`${what} runs past the end of the mini stream`);
      if (claimedMini[sector] === 1) throw new Damaged(`${what} loops or crosses another chain`);
      claimedMini[sector] = 1;
      length += 1;
    }
    if (length < minLength) throw new Damaged(`${what} is shorter than its size (is the file truncated?)`);
  };

  const reached = new Uint8Array(entryCount);
  reached[0] = 1;
  const rootEntries: RootEntry[] = [];
  const rootStreams = new Map<string, { start: number; size: number }>();
  const pending: { index: number; depth: number; parent: number }[] = [];
  const visitChildren = (storage: number, child: number, depth: number): void => {
    if (child === NO_STREAM) return;
    if (depth > MAX_STORAGE_DEPTH) throw new Damaged(`its storages nest more than ${MAX_STORAGE_DEPTH} deep`);
    pending.push({ index: child, depth, parent: storage });
  };
  visitChildren(0, root.child, 1);
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) break;
    const { index, depth, parent } = next;
    if (index >= entryCount) throw new Damaged('a directory entry points past the directory');
    if (reached[index] === 1) throw new Damaged('its directory is not a tree (an entry is reached twice)');
    reached[index] = 1;
    const found = entry(index);
    if (found.type !== STORAGE && found.type !== STREAM) throw new Damaged('a directory entry in use is marked empty');
    if (parent === 0) rootEntries.push({ name: found.name, size: found.type === STREAM ? found.size : 0 });
    if (parent === 0 && found.type === STREAM && !rootStreams.has(found.name))
      rootStreams.set(found.name, { start: found.start, size: found.size });
    if (found.left !== NO_STREAM) pending.push({ index: found.left, depth, parent });
    if (found.right !== NO_STREAM) pending.push({ index: found.right, depth, parent });
    if (found.type === STORAGE) {
      visitChildren(index, found.child, depth + 1);
      continue;
    }
    if (found.size === 0) continue;
    const name = `stream ${JSON.stringify(found.name)}`;
    if (found.size > bytes.length) throw new Damaged(`its ${name} is larger than the file`);
    if (found.size < MINI_STREAM_CUTOFF) miniChain(found.start, `the ${name}`, Math.ceil(found.size / MINI_SECTOR_BYTES));
    else chain(found.start, `the ${name}`, Math.ceil(found.size / sectorSize));
  }
  const readRootStream = (name: string): Buffer | null => {
    const stream = rootStreams.get(name);
    if (stream === undefined) return null;
    const out = Buffer.alloc(stream.size);
    if (stream.size >= MINI_STREAM_CUTOFF) {
      let sector = stream.start;
      for (let at = 0; at < stream.size; at += sectorSize, sector = nextSector(sector)) {
        bytes.copy(out, at, sectorAt(sector), sectorAt(sector) + Math.min(sectorSize, stream.size - at));
      }
      return out;
    }
    let sector = stream.start;
    for (let at = 0; at < stream.size; at += MINI_SECTOR_BYTES, sector = nextMini(sector)) {
      const offset = sector * MINI_SECTOR_BYTES;
      const from = sectorAt(miniStream[Math.floor(offset / sectorSize)] ?? 0) + (offset % sectorSize);
      bytes.copy(out, at, from, from + Math.min(MINI_SECTOR_BYTES, stream.size - at));
    }
    return out;
  };
  return { rootEntries, readRootStream };
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function readEntry(bytes: Buffer, offset: number): DirectoryEntry {
  const nameBytes = Math.min(bytes.readUInt16LE(offset + 0x40), 64);
  return {
    name: bytes.toString('utf16le', offset, offset + Math.max(0, nameBytes - 2)),
    type: bytes.readUInt8(offset + 0x42),
    left: bytes.readUInt32LE(offset + 0x44),
    right: bytes.readUInt32LE(offset + 0x48),
    child: bytes.readUInt32LE(offset + 0x4c),
    start: bytes.readUInt32LE(offset + 0x74),
    size: bytes.readUInt32LE(offset + 0x78),
  };
}

/**
 * The sectors that hold the FAT: the first 109 listed in the header, the rest in the DIFAT chain,
 * each in the file and listed once.
 */
function fatSectorList(
  bytes: Buffer,
  sectorSize: number,
  sectorCount: number,
  inFile: (sector: number) => boolean,
  sectorAt: (sector: number) => number,
): number[] {
  const fatCount = bytes.readUInt32LE(0x2c);
  if (fatCount > sectorCount) throw new Damaged('its header lists more FAT sectors than the file holds (is it truncated?)');
  const fat: number[] = [];
  for (let index = 0; index < Math.min(fatCount, HEADER_DIFAT_ENTRIES); index += 1) fat.push(bytes.readUInt32LE(0x4c + 4 * index));
  const perDifat = sectorSize / 4 - 1;
  const seen = new Set<number>();
  let difat = bytes.readUInt32LE(0x44);
  let difatCount = bytes.readUInt32LE(0x48);
  while (difatCount > 0 && difat !== END_OF_CHAIN && difat !== NO_STREAM) {
    if (!inFile(difat)) throw new Damaged('its DIFAT runs past the end of the file (is it truncated?)');
    if (seen.has(difat)) throw new Damaged('its DIFAT loops');
    seen.add(difat);
    const at = sectorAt(difat);
    for (let index = 0; index < perDifat && fat.length < fatCount; index += 1) {
      const sector = bytes.readUInt32LE(at + 4 * index);
      if (sector === END_OF_CHAIN || sector === NO_STREAM) break;
      fat.push(sector);
    }
    difat = bytes.readUInt32LE(at + 4 * perDifat);
    difatCount -= 1;
  }
  for (const sector of fat) {
    if (!inFile(sector)) throw new Damaged('a FAT sector lies past the end of the file (is it truncated?)');
  }
  return fat;
}
