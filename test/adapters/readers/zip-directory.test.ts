import { describe, expect, test } from '@jest/globals';
import { readZipDirectory } from '../../../src/adapters/readers/zip-directory.js';
import { buildZip, type ZipFile } from '../../builders/zip-builder.js';
import { buildWorkbook } from '../../builders/xlsx-workbooks.js';

const files: ZipFile[] = [
  { name: 'xl/workbook.xml', content: '<workbook/>' },
  { name: 'xl/worksheets/sheet1.xml', content: '<worksheet>'.padEnd(5000, ' ') + '</worksheet>' },
];
const listed = [
  { name: 'xl/workbook.xml', uncompressedSize: 11 },
  { name: 'xl/worksheets/sheet1.xml', uncompressedSize: 5012 },
];

describe('reading a zip directory', () => {
  test('lists every entry with the size it unpacks to', () => {
    const entries = readZipDirectory(buildZip(files));
    expect(entries?.map(({ name, uncompressedSize }) => ({ name, uncompressedSize }))).toEqual(listed);
    expect(entries?.[1]?.compressedSize).toBeLessThan(100);
  });

  test('reads sizes from ZIP64 end records and extra fields', () => {
    const entries = readZipDirectory(buildZip(files, { zip64: true }));
    expect(entries?.map(({ name, uncompressedSize }) => ({ name, uncompressedSize }))).toEqual(listed);
  });

  test('finds the end record behind an archive comment', () => {
    expect(readZipDirectory(buildZip(files, { comment: 'PK\u0005\u0006 looks like an end record' }))?.map((entry) => entry.name)).toEqual(
      listed.map((entry) => entry.name),
    );
  });

  test('lists what exceljs writes into a workbook', async () => {
    const entries = readZipDirectory(await buildWorkbook((workbook) => workbook.addWorksheet('S').addRow(['comment'])));
    expect(entries?.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']),
    );
  });

  test('a zip cut short anywhere has no directory', () => {
    const zip = buildZip(files, { comment: 'end' });
    for (let length = 0; length < zip.length; length += 7) expect(readZipDirectory(zip.subarray(0, length))).toBeNull();
  });

  test('bytes that are not a zip have no directory', () => {
    expect(readZipDirectory(Buffer.from('id,text\n1,hello\n'.repeat(10)))).toBeNull();
    expect(readZipDirectory(Buffer.alloc(0))).toBeNull();
  });
});
