import { describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { serialiseRecord } from '../../src/store/record-store.js';
import { readRecordLine } from '../../src/store/record-line-reader.js';
import { makeRecord } from '../builders/record-builder.js';
import { codePointStrings } from '../helpers/code-point-strings.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(150) });

/** Strings with quotes, backslashes, control characters, surrogates and other Unicode. */
const anyString = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0000', 'é', '😀', '\ud800', '{', '}', ',', ':') }),
  codePointStrings(),
);
const nullable = fc.option(anyString, { nil: null });

const storedLine = fc
  .record({
    sourceId: anyString,
    author: nullable,
    date: nullable,
    text: anyString,
    url: nullable,
    inReplyTo: nullable,
    meta: fc.oneof(fc.constant({}), fc.dictionary(anyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })),
  })
  .map(({ meta, ...fields }) => serialiseRecord(makeRecord({ ...fields, meta: meta as Record<string, string> })));

/** Edits a tool, a hand or a later tlap might make to a line. */
const edited = fc
  .tuple(storedLine, fc.nat(), fc.constantFrom('truncate', 'insert', 'extra-field', 'space', 'number', 'swap', 'none'))
  .map(([line, at, edit]) => {
    const cut = at % (line.length + 1);
    switch (edit) {
      case 'truncate':
        return line.slice(0, cut);
      case 'insert':
        return `${line.slice(0, cut)}"${line.slice(cut)}`;
      case 'extra-field':
        return `${line.slice(0, -1)},"language":"en"}`;
      case 'space':
        return `${line.slice(0, cut)} ${line.slice(cut)}`;
      case 'number':
        return line.replace('"author":null', '"author":7').replace('"url":null', '"url":1e3');
      case 'swap':
        return line.replace('{"id":', '{"x":1,"id":');
      default:
        return line;
    }
  });

function outcome(read: () => unknown): { value: string } | { threw: true } {
  try {
    return { value: JSON.stringify(read()) };
  } catch {
    return { threw: true };
  }
}

describe('readRecordLine', () => {
  test('reads a stored line as JSON.parse does, key order included', () => {
    fc.assert(
      fc.property(storedLine, (line) => {
        expect(readRecordLine(line)).toEqual(JSON.parse(line));
        expect(outcome(() => readRecordLine(line))).toEqual(outcome(() => JSON.parse(line)));
      }),
    );
  });

  test('parses only the tail of a line the store wrote, not the whole line', () => {
    const line = serialiseRecord(makeRecord({ text: 'Carers need a break', author: 'Jo', meta: { ward: 'North' } }));
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(readRecordLine(line)).toEqual(JSON.parse(line));
      expect(parse.mock.calls.filter(([text]) => text === line)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });

  test('reads any edited, damaged or extended line as JSON.parse does, and throws where it throws', () => {
    fc.assert(
      fc.property(edited, (line) => {
        expect(outcome(() => readRecordLine(line))).toEqual(outcome(() => JSON.parse(line)));
      }),
    );
  });
});
