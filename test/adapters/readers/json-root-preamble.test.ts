import { describe, expect, test } from '@jest/globals';
import { membersBeforeArray } from '../../../src/adapters/readers/json-root-preamble.js';

describe('membersBeforeArray', () => {
  test.each([
    ['{"name": "Carers chat", "id": 4012, "messages": [{"id": 1}', { name: 'Carers chat', id: 4012 }],
    [
      '{\n "guild": {"id": "1", "name": "Carers"},\n "channel": {"id": "2"},\n "messages": [\n',
      { guild: { id: '1', name: 'Carers' }, channel: { id: '2' } },
    ],
    ['{"messages": [', {}],
    ['{"a": {"messages": [1]}, "b": "\\"messages\\": [", "messages": [', { a: { messages: [1] }, b: '"messages": [' }],
  ])('%s', (head, expected) => {
    expect(membersBeforeArray(head, 'messages')).toEqual(expected);
  });

  test.each([
    ['the array is not in the head', '{"name": "Carers chat", "id": 40'],
    ['the member is not an array', '{"messages": {"list": []}}'],
    ["the member is nested, not the root object's", '{"chats": {"messages": ['],
    ['the file is not an object', '[{"messages": ['],
    ['what comes before nests too deeply', `{"a": ${'['.repeat(300)}${']'.repeat(300)}, "messages": [`],
    ['what comes before does not parse', '{"a": tru, "messages": ['],
  ])('null when %s', (_why, head) => {
    expect(membersBeforeArray(head, 'messages')).toBeNull();
  });
});
