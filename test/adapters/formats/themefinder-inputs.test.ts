import { describe, expect, test } from '@jest/globals';
import { themefinderInputsAdapter } from '../../../src/adapters/formats/themefinder-inputs.js';
import { jsonRecordsAdapter } from '../../../src/adapters/formats/json-records.js';

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
    ['a theme mapping of the outputs', 'mapping.jsonl', '{"response_id": 1001, "labels": ["A"], "stances": ["POSITIVE"]}\n'],
    ['an id with no words, answers or options', 'x.jsonl', '{"themefinder_id": 1, "score": 3}\n'],
    ['a JSON array', 'x.json', '[{"response_id": 1, "response": "hi"}]'],
    ['a table', 'x.csv', 'response_id,response\n1,hi\n'],
  ])('leaves %s to other readers', (_what, path, head) => {
    expect(themefinderInputsAdapter.sniff(sniffInput(path, head))).toBe(0);
  });
});
