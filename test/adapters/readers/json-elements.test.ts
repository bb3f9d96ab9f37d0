import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { jsonFileValues, type JsonElement } from '../../../src/adapters/readers/json-elements.js';
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
      { kind: 'value', value: { a: 1 }, line: 2 },
      { kind: 'value', value: { a: 2 }, line: 3 },
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
