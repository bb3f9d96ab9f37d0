import { describe, expect, test } from '@jest/globals';
import { jsonArrayElements, type JsonArrayTarget, type JsonElement } from '../../src/adapters/readers/json-elements.js';

async function* chunksOf(text: string, size: number): AsyncIterable<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function collect(text: string, target?: JsonArrayTarget, size = 7): Promise<{ elements: JsonElement[]; error: string | null }> {
  const elements: JsonElement[] = [];
  try {
    for await (const element of jsonArrayElements('input.json', chunksOf(text, size), target)) elements.push(element);
    return { elements, error: null };
  } catch (error) {
    return { elements, error: error instanceof Error ? error.message : String(error) };
  }
}

const EXPORT = [
  '{',
  '  "version": 1,',
  '  "note": "a string with [brackets] and \\"comments\\": [1] inside",',
  '  "nested": {"comments": [{"wrong": true}]},',
  '  "comments": [',
  '    {"id": "a"},',
  '    {"id": "b", "tags": ["x", "]"]}',
  '  ],',
  '  "commenters": [{"name": "Jo"}]',
  '}',
].join('\n');

describe('jsonArrayElements with a member target', () => {
  test('streams the array held by the named member of the root object, skipping the others', async () => {
    const { elements, error } = await collect(EXPORT, { member: 'comments' });
    expect(error).toBeNull();
    expect(elements).toEqual([
      { kind: 'value', value: { id: 'a' }, line: 6, index: 0 },
      { kind: 'value', value: { id: 'b', tags: ['x', ']'] }, line: 7, index: 1 },
    ]);
  });

  test('finds a member after other arrays', async () => {
    const { elements } = await collect(EXPORT, { member: 'commenters' }, 3);
    expect(elements).toEqual([{ kind: 'value', value: { name: 'Jo' }, line: 9, index: 0 }]);
  });

  test('an absent optional member yields nothing; an absent required one is an error', async () => {
    expect(await collect(EXPORT, { member: 'threads', optional: true })).toEqual({ elements: [], error: null });
    expect((await collect(EXPORT, { member: 'threads' })).error).toBe('input.json: no "threads" array found in the JSON object');
    expect(await collect('[{"id": 1}]', { member: 'comments', optional: true })).toEqual({ elements: [], error: null });
  });

  test('a file cut inside the member array keeps the complete elements and fails with its position', async () => {
    const { elements, error } = await collect('{"comments": [\n{"id": "a"},\n{"id": "b"', { member: 'comments' });
    expect(elements).toEqual([{ kind: 'value', value: { id: 'a' }, line: 2, index: 0 }]);
    expect(error).toBe('input.json:3:11: JSON ends before the array is closed (is the file truncated?)');
  });

  test('without a target the first array is still the one streamed', async () => {
    const { elements } = await collect('{"a": [1, 2], "comments": [3]}');
    expect(elements.map((element) => (element.kind === 'value' ? element.value : null))).toEqual([1, 2]);
  });
});
