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
});
