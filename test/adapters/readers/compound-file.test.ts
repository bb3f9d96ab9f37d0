import { describe, expect, test } from '@jest/globals';
import CFB from 'cfb';
import { checkCompoundFile, MAX_STORAGE_DEPTH } from '../../../src/adapters/readers/compound-file.js';
import { buildOutlookMsg, OUTLOOK_REPLY } from '../../builders/outlook-msg-builder.js';

const SECTOR = 512;

/** Where things are in a version 3 compound file (512-byte sectors, one FAT sector). */
function layout(bytes: Buffer): { directory: number; fat: number; entry: (index: number) => number } {
  const directory = bytes.readUInt32LE(0x30);
  const fat = bytes.readUInt32LE(0x4c);
  return { directory, fat, entry: (index) => (directory + 1) * SECTOR + 128 * index };
}

function damagedReason(bytes: Buffer): string {
  const check = checkCompoundFile(bytes);
  if (check.kind !== 'damaged') throw new Error('read as sound');
  return check.reason;
}

describe('checkCompoundFile', () => {
  test('a sound item lists its root streams', () => {
    const check = checkCompoundFile(buildOutlookMsg(OUTLOOK_REPLY));
    expect(check.kind).toBe('sound');
    if (check.kind === 'sound') {
      expect(check.rootEntries).toEqual(
        expect.arrayContaining([
          { name: '__substg1.0_0037001F', size: Buffer.byteLength('RE: Your views on day services\0', 'utf16le') },
          expect.objectContaining({ name: '__properties_version1.0' }),
        ]),
      );
    }
  });

  test('reads a root stream whole, from the mini stream (under 4,096 bytes) or from sectors, and null for one it does not hold', () => {
    const small = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));
    const large = Buffer.from(Array.from({ length: 9000 }, (_, index) => (index * 7) % 253));
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/Small', small);
    CFB.utils.cfb_add(container, '/Large', large);
    CFB.utils.cfb_add(container, '/Storage/Inner', Buffer.from('not at the root'));
    const check = checkCompoundFile(Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array));
    if (check.kind !== 'sound') throw new Error(check.reason);
    expect(check.readRootStream('Small')?.equals(small)).toBe(true);
    expect(check.readRootStream('Large')?.equals(large)).toBe(true);
    expect(check.readRootStream('Inner')).toBeNull();
    expect(check.readRootStream('Missing')).toBeNull();
  });

  test('a header whose directory chain is empty is refused as damaged, not read from a sector that is not there', () => {
    const bytes = Buffer.from(buildOutlookMsg(OUTLOOK_REPLY)).subarray(0, SECTOR);
    bytes.writeUInt32LE(0, 0x2c);
    bytes.writeUInt32LE(0xfffffffe, 0x30);
    expect(damagedReason(bytes)).toMatch(/no directory/);
  });

  test('a sector chain that loops back on itself is refused (a reader following it would never stop)', () => {
    const bytes = Buffer.from(buildOutlookMsg(OUTLOOK_REPLY));
    const { directory, fat } = layout(bytes);
    bytes.writeUInt32LE(directory, (fat + 1) * SECTOR + 4 * directory);
    expect(damagedReason(bytes)).toMatch(/loops/);
  });

  test('a directory whose entries point back at each other is refused', () => {
    const bytes = Buffer.from(buildOutlookMsg(OUTLOOK_REPLY));
    const { entry } = layout(bytes);
    const child = bytes.readUInt32LE(entry(0) + 0x4c);
    bytes.writeUInt32LE(child, entry(child) + 0x44);
    expect(damagedReason(bytes)).toMatch(/not a tree/);
  });

  test('a stream larger than the file is refused before anything allocates it', () => {
    const bytes = Buffer.from(buildOutlookMsg(OUTLOOK_REPLY));
    const { entry } = layout(bytes);
    const child = bytes.readUInt32LE(entry(0) + 0x4c);
    bytes.writeUInt32LE(0x7fffffff, entry(child) + 0x78);
    expect(damagedReason(bytes)).toMatch(/larger than the file/);
  });

  test('a FAT count beyond the file is refused', () => {
    const bytes = Buffer.from(buildOutlookMsg(OUTLOOK_REPLY));
    bytes.writeUInt32LE(0xffffff, 0x2c);
    expect(damagedReason(bytes)).toMatch(/more FAT sectors/);
  });

  test(`storages nested more than ${MAX_STORAGE_DEPTH} deep are refused`, () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, `/${Array.from({ length: MAX_STORAGE_DEPTH + 2 }, () => 'a').join('/')}/leaf`, Buffer.from('x'));
    const bytes = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    expect(damagedReason(bytes)).toMatch(/nest more than/);
  });

  test('a file shorter than a header, or without the signature, is damaged', () => {
    expect(damagedReason(buildOutlookMsg(OUTLOOK_REPLY).subarray(0, 100))).toMatch(/shorter than a compound file header/);
    expect(damagedReason(Buffer.alloc(4096))).toMatch(/signature/);
  });
});

describe('checkCompoundFile: an empty mini stream', () => {
  test('a root with no mini stream may point at a chain another stream owns (msgreader walks it and stops)', () => {
    const bytes = Buffer.from(buildOutlookMsg(OUTLOOK_REPLY));
    const { directory, entry } = layout(bytes);
    bytes.writeUInt32LE(0, entry(0) + 0x78);
    bytes.writeUInt32LE(directory, entry(0) + 0x74);
    const check = checkCompoundFile(bytes);
    expect(check.kind === 'damaged' ? check.reason : 'sound').not.toMatch(/mini stream (loops|crosses)/);
  });
});

describe('checkCompoundFile: reading a root stream', () => {
  /** Bytes that differ from sector to sector, so a sector read from the wrong place shows. */
  const patterned = (length: number, seed: number): Buffer =>
    Buffer.from(Array.from({ length }, (_, index) => (index * 31 + seed + (index >> 9)) % 256));

  test('gives a root stream byte for byte, from the mini stream and from whole sectors; a storage’s stream is not a root stream', () => {
    const small = patterned(3000, 1);
    const large = patterned(70_000, 2);
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/Workbook', large);
    CFB.utils.cfb_add(container, '/Small', small);
    CFB.utils.cfb_add(container, '/Storage/Inner', Buffer.from('not a root stream'));
    const check = checkCompoundFile(Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array));
    expect(check.kind).toBe('sound');
    if (check.kind !== 'sound') return;
    expect(check.readRootStream('Workbook')?.equals(large)).toBe(true);
    expect(check.readRootStream('Small')?.equals(small)).toBe(true);
    expect(check.readRootStream('Inner')).toBeNull();
    expect(check.readRootStream('Missing')).toBeNull();
  });
});
