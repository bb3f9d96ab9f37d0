import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  jsonFileValues,
  jsonValueItems,
  parseKeepingLongNumbers,
  partWithin,
  type JsonElement,
} from '../../../src/adapters/readers/json-elements.js';
import { openInputSource } from '../../../src/source/input-source.js';

async function valuesOf(content: string, name = 'input.json'): Promise<JsonElement[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'tlap-json-')), name);
  writeFileSync(path, content);
  const source = await openInputSource(path, { displayPath: name });
  const values: JsonElement[] = [];
  for await (const value of jsonFileValues(source)) values.push(value);
  return values;
}

describe('jsonFileValues: one reader for the shapes JSON exports come in', () => {
  test('a top-level array yields its elements with their lines', async () => {
    expect(await valuesOf('[\n  {"a": 1},\n  {"a": 2}\n]\n')).toEqual([
      { kind: 'value', value: { a: 1 }, line: 2, index: 0 },
      { kind: 'value', value: { a: 2 }, line: 3, index: 1 },
    ]);
  });

  test('JSON Lines yield one value per line, a broken line as invalid', async () => {
    const values = await valuesOf('{"a": 1}\n{"a": \n{"a": 3}\n', 'input.jsonl');
    expect(values.map((value) => value.kind)).toEqual(['value', 'invalid', 'value']);
    expect(values[2]).toEqual({ kind: 'value', value: { a: 3 }, line: 3 });
  });

  test('one compact object on one line is read as JSON Lines', async () => {
    expect(await valuesOf('{"data": [{"id": "1"}]}\n')).toEqual([{ kind: 'value', value: { data: [{ id: '1' }] }, line: 1 }]);
  });

  test('a pretty-printed object (first line a lone "{") is read whole as one value', async () => {
    expect(await valuesOf('\n{\n  "meta": {"result_count": 0},\n  "data": []\n}\n')).toEqual([
      { kind: 'value', value: { meta: { result_count: 0 }, data: [] }, line: 2 },
    ]);
  });

  test('a pretty-printed object that does not parse fails the file with line and column', async () => {
    await expect(valuesOf('{\n  "data": [\n    {"id": "1" "text": "x"}\n  ]\n}\n', 'page.json')).rejects.toThrow(
      /^page\.json:3:16: invalid JSON: /,
    );
  });
});

describe('jsonValueItems: where each item is', () => {
  async function partsOf(content: string, name: string): Promise<(string | undefined)[]> {
    const path = join(mkdtempSync(join(tmpdir(), 'tlap-json-')), name);
    writeFileSync(path, content);
    const source = await openInputSource(path, { displayPath: name });
    const parts: (string | undefined)[] = [];
    const items = jsonValueItems(source, (value, provenance) => [
      { kind: 'rejected', code: 'NOT_A_POST', message: String(value), provenance },
    ]);
    for await (const item of items) parts.push(item.kind === 'rejected' ? `${item.provenance.line}: ${item.provenance.part}` : undefined);
    return parts;
  }

  test('the elements of a minified array, all on line 1, are each named by their place; an array inside a line by both', async () => {
    expect(await partsOf(JSON.stringify([{ a: 1 }, null, 'x', [{ b: 1 }, 2]]), 'posts.json')).toEqual([
      '1: [0]',
      '1: [1]',
      '1: [2]',
      '1: [3][0]',
      '1: [3][1]',
    ]);
    expect(await partsOf(`${JSON.stringify({ a: 1 })}\n${JSON.stringify([1, 2])}\n`, 'posts.jsonl')).toEqual([
      '1: undefined',
      '2: [0]',
      '2: [1]',
    ]);
  });

  test('partWithin joins a member to the place it is in, an index without a dot', () => {
    expect([partWithin(undefined, 'posts[1]'), partWithin('[2]', 'statuses[0]'), partWithin('[2]', '[0]')]).toEqual([
      'posts[1]',
      '[2].statuses[0]',
      '[2][0]',
    ]);
  });
});

describe('parseKeepingLongNumbers', () => {
  const long = '1'.repeat(70);

  test('keeps each of several over-long numbers as its digits, and the text between them', () => {
    expect(parseKeepingLongNumbers(`{"a": ${long}, "b": "x", "c": [${long}, 2]}`)).toEqual({ a: long, b: 'x', c: [long, 2] });
  });

  test('with exactIntegers, keeps an integer beyond 2^53 exact as its digits, and leaves safe integers, decimals and strings alone', () => {
    const parsed = parseKeepingLongNumbers(
      '{"id": 1623013456789012345, "reply": -1623013456789012345, "safe": 9007199254740991, "ratio": 1623013456789012345.5, "text": "ref 1623013456789012345"}',
      { exactIntegers: true },
    );
    expect(parsed).toEqual({
      id: '1623013456789012345',
      reply: '-1623013456789012345',
      safe: 9007199254740991,
      ratio: Number('1623013456789012345.5'),
      text: 'ref 1623013456789012345',
    });
  });

  test('without it, an integer beyond 2^53 is the double JSON.parse gives', () => {
    expect(parseKeepingLongNumbers('{"id": 1623013456789012345}')).toEqual({ id: Number('1623013456789012345') });
  });
});
