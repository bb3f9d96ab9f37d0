import { describe, expect, test } from '@jest/globals';
import { flattenRecord, MAX_FLATTENED_DEPTH, MAX_FLATTENED_PATHS, namedValues } from '../../../src/adapters/readers/json-nested-fields.js';
import { graphComment, youtubeThread } from '../../builders/api-pages.js';

describe('flattenRecord: objects inside a record become dotted paths', () => {
  test('a Graph comment: from.name and parent.id are columns, in order; arrays stay values', () => {
    const flat = flattenRecord({ ...graphComment({ id: '1_2', message: 'Hi', name: 'Ann', parentId: '1_1' }), tags: ['a', { b: 1 }] });
    expect(flat.columns).toEqual(['created_time', 'from.name', 'from.id', 'message', 'id', 'parent.id', 'tags']);
    expect([...flat.nested]).toEqual(['from.name', 'from.id', 'parent.id']);
    expect(flat.row['from.name']).toBe('Ann');
    expect(flat.row['tags']).toEqual(['a', { b: 1 }]);
  });

  test('deep paths, as a YouTube thread has them', () => {
    const flat = flattenRecord(youtubeThread({ id: 'Ug1', textOriginal: 'Hello' }));
    expect(flat.row['snippet.topLevelComment.snippet.textOriginal']).toBe('Hello');
    expect(flat.row['snippet.topLevelComment.snippet.authorChannelId.value']).toBe('UCviewer');
  });

  test(`objects deeper than ${MAX_FLATTENED_DEPTH} levels stay whole under their path`, () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let level = 0; level < 20; level += 1) deep = { k: deep };
    const flat = flattenRecord({ text: 't', deep });
    const path = ['deep', ...Array.from({ length: MAX_FLATTENED_DEPTH }, () => 'k')].join('.');
    expect(flat.columns).toEqual(['text', path]);
    expect(typeof flat.row[path]).toBe('object');
  });

  test(`no more than about ${MAX_FLATTENED_PATHS} paths are made; a wider object stays whole`, () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_FLATTENED_PATHS + 1 }, (_, index) => [`k${index}`, index]));
    const flat = flattenRecord({ text: 't', wide, small: { a: 1 } });
    expect(flat.columns).toEqual(['text', 'wide', 'small.a']);
  });

  test('empty objects stay as values; a literal dotted key met first wins over the same path', () => {
    expect(flattenRecord({ a: {}, 'b.c': 1, b: { c: 2 } }).row).toEqual({ a: {}, 'b.c': 1 });
  });

  test('keys such as __proto__ are ordinary columns', () => {
    const flat = flattenRecord(JSON.parse('{"__proto__": {"name": "x"}, "text": "t"}') as Record<string, unknown>);
    expect(flat.columns).toEqual(['__proto__.name', 'text']);
  });
});

describe('namedValues: a list of named values is the object it stands for', () => {
  test("a response's answers as name and value pairs open into paths, an answer of several choices stays an array", () => {
    const flat = flattenRecord({
      id: 'c1',
      fields: [
        { name: 'anyOtherComments', value: 'You cannot pass a pushchair here.' },
        { name: 'whatIsTheIssue', value: ['Pavement too narrow', 'Traffic speed'] },
      ],
    });
    expect(flat.columns).toEqual(['id', 'fields.anyOtherComments', 'fields.whatIsTheIssue']);
    expect(flat.row['fields.anyOtherComments']).toBe('You cannot pass a pushchair here.');
    expect(flat.row['fields.whatIsTheIssue']).toEqual(['Pavement too narrow', 'Traffic speed']);
  });

  test('any other array stays a value: other keys beside name and value, a name twice, a name that is no string, plain values', () => {
    expect(namedValues([{ name: 'a', value: 1, id: 7 }])).toBeNull();
    expect(
      namedValues([
        { name: 'a', value: 1 },
        { name: 'a', value: 2 },
      ]),
    ).toBeNull();
    expect(namedValues([{ name: 3, value: 1 }])).toBeNull();
    expect(namedValues([{ name: 'a' }])).toBeNull();
    expect(namedValues(['a', 'b'])).toBeNull();
    expect(namedValues([])).toBeNull();
    expect(flattenRecord({ id: 'c1', tags: [{ name: 'a', value: 1, id: 7 }] }).columns).toEqual(['id', 'tags']);
  });
});
