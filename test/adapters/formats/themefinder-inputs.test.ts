import { describe, expect, test } from '@jest/globals';
import { themefinderInputsAdapter } from '../../../src/adapters/formats/themefinder-inputs.js';
import { jsonRecordsAdapter } from '../../../src/adapters/formats/json-records.js';
import { InputError } from '../../../src/errors.js';
import { bufferInputSource } from '../../../src/source/buffer-source.js';

const sniffInput = (path: string, headText: string) => ({
  path,
  extension: path.slice(path.lastIndexOf('.')),
  headText,
  headBytes: Buffer.from(headText),
});

describe('themefinder adapter: sniffing', () => {
  test.each([
    ['responses.jsonl', '{"response_id": 1001, "response": "Ban them."}\n{"response_id": 1002, "response": "No."}\n'],
    ['responses.jsonl', '{"themefinder_id": 3, "text": "Keep it.", "options": ["Agree"]}\n'],
    ['respondents.jsonl', '{"response_id": 1001, "demographic_data": {"Do you live in:": "England"}}\n'],
    ['respondents.jsonl', '{"themefinder_id": 1, "demographic_data": {"Area": ["North"]}}\n'],
    ['multi_choice.jsonl', '{"themefinder_id": 1, "options": ["Agree", "Other"]}\n'],
    ['question.json', '{\n    "question_number": 1,\n    "question_text": "Should adverts be banned?"\n}\n'],
    ['question.json', '{"question_text": "Should adverts be banned?"}'],
  ])('claims %s of the layout over the generic json reader', (path, head) => {
    const input = sniffInput(path, head);
    expect(themefinderInputsAdapter.sniff(input)).toBe(0.9);
    expect(themefinderInputsAdapter.sniff(input)).toBeGreaterThan(jsonRecordsAdapter.sniff(input));
  });

  test.each([
    [
      'ids that are not whole numbers (a form’s own ids)',
      'a.jsonl',
      '{"response_id": "a1", "response": "Direct payments gave me control."}\n',
    ],
    ['an id with no words, answers or options', 'x.jsonl', '{"themefinder_id": 1, "score": 3}\n'],
    ['a JSON array', 'x.json', '[{"response_id": 1, "response": "hi"}]'],
    ['a table', 'x.csv', 'response_id,response\n1,hi\n'],
  ])('leaves %s to other readers', (_what, path, head) => {
    expect(themefinderInputsAdapter.sniff(sniffInput(path, head))).toBe(0);
  });
});

describe("themefinder adapter: ThemeFinder's outputs", () => {
  /** The head of a `themes.json` as ThemeFinder writes it: a list of topics, indented. */
  const framework = (topics: readonly [string, string][]): string =>
    `[\n${topics.map(([id, label]) => `    {\n        "topic_id": "${id}",\n        "topic_label": "${label}",\n        "topic_description": "${label}."\n    }`).join(',\n')}\n]\n`;
  /** A `mapping.jsonl`: each response's topic codes and stances. */
  const mapping = (rows: readonly [number, string[]][]): string =>
    rows.map(([id, labels]) => `${JSON.stringify({ response_id: id, labels, stances: labels.map(() => 'POSITIVE') })}\n`).join('');

  test.each([
    [
      'themes.json',
      framework([
        ['A', 'Complete Ban Support'],
        ['B', 'Sports Funding'],
      ]),
      'a ThemeFinder theme framework',
    ],
    [
      'mapping.jsonl',
      mapping([
        [1001, ['A', 'D']],
        [1002, ['B']],
      ]),
      'a ThemeFinder mapping of responses to topics',
    ],
  ])(
    'claims %s and refuses it as not feedback, saying where it is of use, rather than a table with no text column',
    async (path, text, said) => {
      expect(themefinderInputsAdapter.sniff(sniffInput(path, text))).toBe(0.9);
      const source = bufferInputSource(path, path, Buffer.from(text));
      const items: unknown[] = [];
      const reading = async (): Promise<void> => {
        for await (const item of themefinderInputsAdapter.read(source, { map: {} })) items.push(item);
      };
      const refusal = await reading().then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(InputError);
      expect(refusal).toMatchObject({ code: 'NOT_FEEDBACK', reason: expect.stringContaining(said) as unknown });
      expect(items).toEqual([]);
    },
  );
});
