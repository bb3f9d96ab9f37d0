import { describe, expect, test } from '@jest/globals';
import { RepeatedTextIds } from '../../../src/adapters/readers/repeated-text-ids.js';
import { contentSourceId } from '../../../src/record/record-id.js';

describe('RepeatedTextIds', () => {
  test('the first occurrence gets null (the usual content hash), repeats get the hash with #2, #3', () => {
    const ids = new RepeatedTextIds();
    const hash = contentSourceId('Chair', null, 'Okay.');
    expect(ids.sourceIdFor('Chair', 'Okay.')).toBeNull();
    expect(ids.sourceIdFor('Chair', ' Okay.  ')).toBe(`${hash}#2`);
    expect(ids.sourceIdFor('Carer', 'Okay.')).toBeNull();
    expect(ids.sourceIdFor('Chair', 'Okay.')).toBe(`${hash}#3`);
  });

  test('empty text never counts', () => {
    const ids = new RepeatedTextIds();
    expect(ids.sourceIdFor(null, '')).toBeNull();
    expect(ids.sourceIdFor(null, ' ')).toBeNull();
  });

  test('the date is part of the text: the same words on another date are a first occurrence', () => {
    const ids = new RepeatedTextIds();
    const hash = contentSourceId(null, '2024-03-01T00:00:00.000Z', 'Keep the centre open.');
    expect(ids.sourceIdFor(null, 'Keep the centre open.', '2024-03-01T00:00:00.000Z')).toBeNull();
    expect(ids.sourceIdFor(null, 'Keep the centre open.', '2024-03-02T00:00:00.000Z')).toBeNull();
    expect(ids.sourceIdFor(null, 'Keep the centre open.', '2024-03-01T00:00:00.000Z')).toBe(`${hash}#2`);
  });

  test('counts stay right past the table growing (5,000 distinct texts, each seen twice)', () => {
    const ids = new RepeatedTextIds();
    const texts = Array.from({ length: 5000 }, (_, index) => `answer ${index}`);
    expect(texts.filter((text) => ids.sourceIdFor(null, text) !== null)).toEqual([]);
    expect(texts.filter((text) => ids.sourceIdFor(null, text) !== `${contentSourceId(null, null, text)}#2`)).toEqual([]);
  });
});
