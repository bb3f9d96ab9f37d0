import { describe, expect, test } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { readGoldFile } from '../../src/stats/gold-file.js';
import { isJsonGold, parseGoldJson } from '../../src/stats/gold-json.js';
import { withTempDir } from '../builders/temp-dir.js';

/** A ThemeFinder mapping line: a response's id, its topic codes and their stances. */
function mappingLine(responseId: number, labels: readonly string[]): string {
  return JSON.stringify({ response_id: responseId, labels, stances: labels.map(() => 'POSITIVE') });
}

describe('parseGoldJson', () => {
  test("reads ThemeFinder's mapping.jsonl: response_id keys records by respondent, labels are the themes, stances are ignored", () => {
    const gold = parseGoldJson(
      [mappingLine(1001, ['A', 'D']), mappingLine(1002, []), mappingLine(1003, ['B', 'B'])].join('\n') + '\n',
      'mapping.jsonl',
    );
    expect(gold.keyColumn).toBe('respondent');
    expect(gold.entries).toEqual([
      { key: '1001', themes: ['A', 'D'], line: 1 },
      { key: '1002', themes: [], line: 2 },
      { key: '1003', themes: ['B'], line: 3 },
    ]);
    expect(gold.problems).toEqual([]);
    expect(gold.themesColumn).toBe(true);
    expect(gold.markColumns).toEqual([]);
  });

  test("reads a JSON array in tlap's own field names, themes as a list or joined by ;, with each item's line and its text", () => {
    const text = `[\n  {"source_id": "s1", "themes": ["carers"], "text": "respite, please"},\n  {\n    "source_id": "s2",\n    "themes": "carers; funding"\n  }\n]\n`;
    const gold = parseGoldJson(text, 'gold.json');
    expect(gold.entries).toEqual([
      { key: 's1', themes: ['carers'], line: 2 },
      { key: 's2', themes: ['carers', 'funding'], line: 3 },
    ]);
    expect(gold.texts.get('s1')).toBe('respite, please');
  });

  test('an id keys records by tlap id', () => {
    expect(parseGoldJson('{"id": "abc", "themes": []}', 'gold.jsonl').keyColumn).toBe('id');
  });

  test('a bad line, a record without its key or themes, and a key coded twice are problems naming their lines; the rest is read', () => {
    const text = [
      mappingLine(1, ['A']),
      '{"response_id": 2, "labels": ["A"',
      '{"response_id": 3}',
      '{"labels": ["B"]}',
      mappingLine(1, ['B']),
      '7',
      mappingLine(4, ['C']),
    ].join('\n');
    const gold = parseGoldJson(text, 'mapping.jsonl');
    expect(gold.entries.map((entry) => [entry.key, entry.line])).toEqual([
      ['1', 1],
      ['4', 7],
    ]);
    expect(gold.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
      'mapping.jsonl:2: not a JSON object: each line of a JSON Lines gold file holds one record; this line is left out',
      'mapping.jsonl:3: no themes or labels in this record: give its themes as a list, [] for none',
      'mapping.jsonl:4: no response_id in this record',
      'mapping.jsonl:5: response_id 1 is already coded on line 1; this record is left out',
      'mapping.jsonl:6: not a JSON object: each coded record is an object with its key and themes; this item is left out',
    ]);
  });

  test('a file whose first record has no key field, or an array that is not JSON, is an InputError naming the file and line', () => {
    expect(() => parseGoldJson('\n{"labels": ["A"]}\n', 'mapping.jsonl')).toThrow(InputError);
    expect(() => parseGoldJson('\n{"labels": ["A"]}\n', 'mapping.jsonl')).toThrow(
      /first coded record has no source_id, response_id, id field/,
    );
    try {
      parseGoldJson('[{"id": 1,', 'gold.json');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toEqual({ file: 'gold.json', line: 1 });
    }
  });

  test('isJsonGold tells JSON from a table: an object or an array first, past a byte order mark and white space', () => {
    expect(isJsonGold('\ufeff  \n{"id": 1}')).toBe(true);
    expect(isJsonGold('[')).toBe(true);
    expect(isJsonGold('source_id,themes\n')).toBe(false);
    expect(isJsonGold('"{x}",themes\n')).toBe(false);
  });
});

describe('readGoldFile: a ThemeFinder mapping beside its themes.json', () => {
  test('reads the mapping, and the topic labels of the themes.json beside it', async () => {
    await withTempDir(async (dir) => {
      const folder = join(dir, 'question_part_1');
      await mkdir(folder);
      await writeFile(join(folder, 'mapping.jsonl'), `${mappingLine(1001, ['A'])}\n`);
      await writeFile(
        join(folder, 'themes.json'),
        JSON.stringify([
          { topic_id: 'A', topic_label: 'Complete Ban Support', topic_description: 'd', topic: 't' },
          { topic_id: 'X', topic_label: 'None of the Above' },
        ]),
      );
      const gold = await readGoldFile(join(folder, 'mapping.jsonl'), 'question_part_1/mapping.jsonl');
      expect(gold.entries).toEqual([{ key: '1001', themes: ['A'], line: 1 }]);
      expect(gold.questionPart).toBe('question_part_1');
      expect(gold.themeLabels).toEqual({
        labels: new Map([
          ['A', 'Complete Ban Support'],
          ['X', 'None of the Above'],
        ]),
        file: 'question_part_1/themes.json',
      });
    });
  });

  test('without a themes.json beside it there are no labels; a damaged one is an InputError naming it', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'mapping.jsonl'), `${mappingLine(1001, ['A'])}\n`);
      expect((await readGoldFile(join(dir, 'mapping.jsonl'), 'mapping.jsonl')).themeLabels).toBeUndefined();
      await writeFile(join(dir, 'themes.json'), '[{"topic_id": "A",');
      await expect(readGoldFile(join(dir, 'mapping.jsonl'), 'mapping.jsonl')).rejects.toThrow(
        /topics beside the gold file are not readable JSON/,
      );
    });
  });
});
