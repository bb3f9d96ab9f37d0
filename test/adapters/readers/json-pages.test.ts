import { describe, expect, test } from '@jest/globals';
import { chooseRecordMember, recordArrayMember, RootArrayScan } from '../../../src/adapters/readers/json-pages.js';
import { graphComments, graphPage, youtubeThread, youtubeThreadPage } from '../../builders/api-pages.js';

function scan(text: string, chunkSize = 5): RootArrayScan {
  const result = new RootArrayScan();
  for (let start = 0; start < text.length; start += chunkSize) if (result.feed(text.slice(start, start + chunkSize))) break;
  return result;
}

describe('recordArrayMember: which member of a parsed API page holds its records', () => {
  test('known names win: Graph data, YouTube items, Microsoft Graph value', () => {
    expect(recordArrayMember(graphPage(graphComments(2)))).toBe('data');
    expect(recordArrayMember(youtubeThreadPage([youtubeThread({ id: 'Ug1', textOriginal: 'Hi' })]))).toBe('items');
    expect(recordArrayMember({ '@odata.context': 'x', value: [{ body: 'b' }], tags: [{ a: 1 }, { a: 2 }] })).toBe('value');
  });

  test('an empty page under a known name is still a page', () => {
    expect(recordArrayMember({ data: [], meta: { result_count: 0 } })).toBe('data');
  });

  test('otherwise the longest array of objects; arrays of strings and error lists are not records', () => {
    expect(recordArrayMember({ a: [{ x: 1 }], b: [{ x: 1 }, { x: 2 }] })).toBe('b');
    expect(recordArrayMember({ response_id: 1, labels: ['A', 'B'] })).toBeNull();
    expect(recordArrayMember({ errors: [{ message: 'rate limited' }] })).toBeNull();
    expect(recordArrayMember({ paging: { cursors: {} } })).toBeNull();
  });
});

describe('RootArrayScan: the array members of a root object, without parsing it', () => {
  const text = JSON.stringify(
    {
      note: 'a string with "data": [{ inside',
      nested: { data: [{ wrong: true }] },
      kind: 'youtube#commentThreadListResponse',
      items: [{ id: 'a', tags: ['x', ']'] }, { id: 'b' }, 3],
      labels: ['A'],
      empty: [],
    },
    null,
    2,
  );

  test('names root arrays with their element counts and first element, skipping strings and nested members', () => {
    const result = scan(text);
    expect(result.complete).toBe(true);
    expect(result.members).toEqual([
      { name: 'items', elements: 3, firstIsObject: true },
      { name: 'labels', elements: 1, firstIsObject: false },
      { name: 'empty', elements: 0, firstIsObject: false },
    ]);
    expect(result.otherMembers).toEqual(['note', 'nested', 'kind']);
    expect(chooseRecordMember(result.members, true)).toBe('items');
  });

  test('the same whatever the chunk size', () => {
    for (const size of [1, 3, 64, 100_000]) expect(scan(text, size).members).toEqual(scan(text).members);
  });

  test('a head cut inside the object: known names decide, the longest array waits for the whole object', () => {
    const partial = scan(text.slice(0, text.indexOf('"labels"')));
    expect(partial.complete).toBe(false);
    expect(chooseRecordMember(partial.members, false)).toBe('items');
    const unknown = scan('{"meta": 1, "answers": [{"a": 1}');
    expect(chooseRecordMember(unknown.members, false)).toBeNull();
    expect(chooseRecordMember(unknown.members, true)).toBe('answers');
  });

  test('text that is not an object stops the scan at once', () => {
    const result = scan('  [1, 2]');
    expect([result.notAnObject, result.members]).toEqual([true, []]);
  });

  test('keys with escapes are never chosen', () => {
    expect(scan('{"da\\u0074a": [{"a": 1}]}').members).toEqual([]);
  });
});
