import { describe, expect, test } from '@jest/globals';
import { summaryDate } from '../../../src/adapters/readers/summary-information.js';

const CREATED = 0x0c;
const LAST_SAVED = 0x0d;
const VT_FILETIME = 0x40;

/** A summary information property set ([MS-OLEPS]) of one section holding the given FILETIME properties. */
function propertySet(properties: ReadonlyArray<{ id: number; date: Date | bigint; type?: number }>): Buffer {
  const header = Buffer.alloc(48);
  header.writeUInt16LE(0xfffe, 0);
  header.writeUInt32LE(1, 24);
  header.writeUInt32LE(48, 44);
  const section = Buffer.alloc(8 + 8 * properties.length + 12 * properties.length);
  section.writeUInt32LE(section.length, 0);
  section.writeUInt32LE(properties.length, 4);
  properties.forEach((property, index) => {
    const at = 8 + 8 * properties.length + 12 * index;
    section.writeUInt32LE(property.id, 8 + 8 * index);
    section.writeUInt32LE(at, 12 + 8 * index);
    section.writeUInt32LE(property.type ?? VT_FILETIME, at);
    const ticks = typeof property.date === 'bigint' ? property.date : BigInt(property.date.getTime()) * 10000n + 116444736000000000n;
    section.writeBigUInt64LE(ticks, at + 4);
  });
  return Buffer.concat([header, section]);
}

describe('summaryDate', () => {
  test('the creation date, else the last-saved date, as ISO 8601 in UTC', () => {
    const created = new Date('2024-03-04T17:30:00Z');
    const saved = new Date('2024-03-09T08:00:00Z');
    expect(
      summaryDate(
        propertySet([
          { id: LAST_SAVED, date: saved },
          { id: CREATED, date: created },
        ]),
      ),
    ).toBe('2024-03-04T17:30:00.000Z');
    expect(summaryDate(propertySet([{ id: LAST_SAVED, date: saved }]))).toBe('2024-03-09T08:00:00.000Z');
  });

  test('null when the stream is missing, short, unset, of another type, or points past its end', () => {
    expect(summaryDate(null)).toBeNull();
    expect(summaryDate(Buffer.alloc(20))).toBeNull();
    expect(summaryDate(propertySet([{ id: CREATED, date: 0n }]))).toBeNull();
    expect(summaryDate(propertySet([{ id: CREATED, date: new Date('2024-01-01T00:00:00Z'), type: 0x1f }]))).toBeNull();
    const cut = propertySet([{ id: CREATED, date: new Date('2024-01-01T00:00:00Z') }]);
    expect(summaryDate(cut.subarray(0, cut.length - 6))).toBeNull();
  });
});
