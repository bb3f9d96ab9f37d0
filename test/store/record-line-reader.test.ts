import { describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { serialiseRecord } from '../../src/store/record-store.js';
import { readRecordLine } from '../../src/store/record-line-reader.js';
import { makeRecord } from '../builders/record-builder.js';
import { outcome, storedLine } from '../helpers/record-lines.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261129, numRuns: propertyRuns(150) });

/** Edits a tool, a hand or a later tlap might make to a line. */
const edited = fc
  .tuple(storedLine, fc.nat(), fc.constantFrom('truncate', 'insert', 'extra-field', 'space', 'control', 'number', 'swap', 'none'))
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
      case 'control':
        return `${line.slice(0, cut)}${['\n', '\t', '\u0001', '\u001f'][at % 4] ?? ''}${line.slice(cut)}`;
      case 'number':
        return line.replace('"author":null', '"author":7').replace('"url":null', '"url":1e3');
      case 'swap':
        return line.replace('{"id":', '{"x":1,"id":');
      default:
        return line;
    }
  });

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
