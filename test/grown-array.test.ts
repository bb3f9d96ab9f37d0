import { describe, expect, test } from '@jest/globals';
import { grownArray } from '../src/grown-array.js';

describe('grownArray', () => {
  test('keeps the kind and the contents, and zeroes the rest', () => {
    const grown = grownArray(Uint16Array.from([7, 65535, 3]), 5);
    expect(grown).toBeInstanceOf(Uint16Array);
    expect([...grown]).toEqual([7, 65535, 3, 0, 0]);
  });

  test('copies a view, not the buffer behind it, so the new array owns a buffer of its own length', () => {
    const view = new Int32Array(8).fill(-1).subarray(2, 4);
    const grown = grownArray(view, 3);
    expect([...grown]).toEqual([-1, -1, 0]);
    expect(grown.buffer.byteLength).toBe(3 * Int32Array.BYTES_PER_ELEMENT);
  });
});
