import { describe, expect, test } from '@jest/globals';
import { readZipDirectory } from '../../../src/adapters/readers/zip-directory.js';
import { storedZip, unpackZip } from '../../../src/adapters/readers/zip-unpack.js';
import { buildZip, type ZipFile } from '../../builders/zip-builder.js';

const files: ZipFile[] = [
  { name: 'xl/workbook.xml', content: '<workbook/>' },
  { name: 'xl/worksheets/sheet1.xml', content: '<worksheet>'.padEnd(5000, ' ') + '</worksheet>' },
];

function unpacked(zip: Buffer, limit: number) {
  const entries = readZipDirectory(zip);
  if (entries === null) throw new Error('no directory');
  return unpackZip(zip, entries, limit);
}

describe('unpacking a zip with the limit counted on the bytes inflated', () => {
  test('unpacks every entry when they fit, and the stored zip made of them lists the same files and sizes', () => {
    const result = unpacked(buildZip(files), 10_000);
    expect(result.kind).toBe('files');
    if (result.kind !== 'files') return;
    expect(result.files.map((file) => [file.name, file.data.length])).toEqual([
      ['xl/workbook.xml', 11],
      ['xl/worksheets/sheet1.xml', 5012],
    ]);
    const again = unpacked(storedZip(result.files), 10_000);
    expect(again.kind === 'files' ? again.files.map((file) => file.data.toString()) : []).toEqual(files.map((file) => file.content));
  });

  test('an entry whose headers claim 10 bytes but inflate to more than the limit stops at the limit', () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(4 * 1024 * 1024, 0x20) }], { declaredSize: 10 });
    expect(readZipDirectory(zip)?.[0]?.uncompressedSize).toBe(10);
    expect(unpacked(zip, 1024 * 1024)).toEqual({ kind: 'over-limit', entry: 'xl/worksheets/sheet1.xml' });
  });

  test('the limit is for the whole zip, not each entry', () => {
    expect(unpacked(buildZip(files), 5015)).toEqual({ kind: 'over-limit', entry: 'xl/worksheets/sheet1.xml' });
  });

  test('a directory pointing past the data is damaged, not a crash', () => {
    const zip = buildZip(files);
    const entries = readZipDirectory(zip) ?? [];
    const moved = entries.map((entry) => ({ ...entry, localHeaderOffset: entry.localHeaderOffset + 3 }));
    expect(unpackZip(zip, moved, 10_000).kind).toBe('damaged');
  });
});
