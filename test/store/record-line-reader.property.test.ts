import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readRecordLine } from '../../src/store/record-line-reader.js';
import { outcome, storedLine } from '../helpers/record-lines.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(150) });

/** Numbers as JSON writes them, and as it does not (signs, leading zeros, fractions, exponents, too many digits). */
const numberText = fc.oneof(
  fc.nat().map(String),
  fc.bigInt({ min: 10n ** 14n, max: 10n ** 25n }).map(String),
  fc.constantFrom('0', String(Number.MAX_SAFE_INTEGER), '999999999999999', '9999999999999999', '12345678901234567890123', ''),
  fc.tuple(fc.constantFrom('0', '-', '+', ' ', '00'), fc.nat()).map(([before, value]) => `${before}${value}`),
  fc.tuple(fc.nat(), fc.constantFrom('.5', 'e2', 'E+1', ' ', '.')).map(([value, after]) => `${value}${after}`),
);

/** A `meta` value as the store writes it, or as a hand might leave it. */
const metaText = fc.constantFrom(
  '{}',
  '{ }',
  '[]',
  '""',
  '12',
  'null',
  '{"a":"b"}',
  '{"a":1}',
  '{"provenance":{"file":"f"}}',
  '{"a":1,"provenance":{"file":"f","line":1}}',
  '{"a":{"b":1,"provenance":{"file":"f"}}}',
  '{}}',
  '{',
);

/** A provenance as the store writes it (a file, then line and/or row, sometimes a part), or edited (file names written raw: escapes and control characters as they stand). */
const provenanceText = fc
  .record(
    {
      file: fc.constantFrom(
        'survey.csv',
        'survey.txt',
        'survey.csv2',
        'survey',
        '',
        'a/very/long/path/to/the/export.csv',
        'x\\',
        'C:\\\\in.csv',
        'x\\u0041',
        'tab\there',
        '\u0001',
        'a/very/long/\ttabbed/path.csv',
      ),
      line: numberText,
      row: numberText,
      part: fc.constant('p'),
    },
    { requiredKeys: ['file'] },
  )
  .map(({ file, line, row, part }) => {
    const fields = [`"file":"${file}"`];
    if (line !== undefined) fields.push(`"line":${line}`);
    if (row !== undefined) fields.push(`"row":${row}`);
    if (part !== undefined) fields.push(`"part":"${part}"`);
    return `{${fields.join(',')}}`;
  });

/** A line without escapes whose tail (`meta`, `provenance` and the closing brace) is written as the store writes it, or edited. */
const lineWithTail = fc
  .tuple(
    storedLine,
    metaText,
    provenanceText,
    fc.constantFrom('', '', '', '}', ' ', ',"x":1', ',"provenance":{"file":"g"}', ',"meta":{}'),
    fc.constantFrom('"row":', '"line":', '"file":'),
  )
  .map(([line, meta, where, extra, swap]) => {
    const head = line.slice(0, line.indexOf(',"meta":'));
    const tail = `,"meta":${meta},"provenance":${where}${extra}}`;
    return head.includes('\\') ? null : { line: `${head}${tail}`, swapped: `${head}${tail.replace(swap, '"other":')}` };
  })
  .filter((value): value is { line: string; swapped: string } => value !== null);

/** A line as the store writes it from one of a few files of like names, its `meta` sometimes another two-character value. */
const lineFromFewFiles = fc
  .tuple(
    storedLine,
    fc.constantFrom('survey.csv', 'survey.txt', 'survey.cs', 'survey.csv2', 'an export over twelve.csv', 'an export over twelve.txt'),
    fc.constantFrom('{}', '[]', '""', '{"a":"b"}'),
    fc.nat(),
  )
  .map(
    ([line, file, meta, row]) =>
      `${line.slice(0, line.indexOf(',"meta":'))},"meta":${meta},"provenance":{"file":"${file}","line":${row + 1},"row":${row}}}`,
  );

describe('readRecordLine on runs of lines (property)', () => {
  test('reads runs of lines from a few files as JSON.parse does, each with its own file', () => {
    fc.assert(
      fc.property(fc.array(lineFromFewFiles, { minLength: 2, maxLength: 8 }), (lines) => {
        for (const line of lines) expect(outcome(() => readRecordLine(line))).toEqual(outcome(() => JSON.parse(line)));
      }),
    );
  });

  test('reads runs of lines as JSON.parse does, whichever file the line before came from', () => {
    fc.assert(
      fc.property(fc.array(storedLine, { minLength: 2, maxLength: 6 }), (lines) => {
        for (const line of lines) expect(outcome(() => readRecordLine(line))).toEqual(outcome(() => JSON.parse(line)));
      }),
    );
  });

  test('reads the tails of runs of lines without escapes as JSON.parse does, the store wrote them or not', () => {
    fc.assert(
      fc.property(fc.array(lineWithTail, { minLength: 1, maxLength: 6 }), (lines) => {
        for (const { line, swapped } of lines) {
          expect(outcome(() => readRecordLine(line))).toEqual(outcome(() => JSON.parse(line)));
          expect(outcome(() => readRecordLine(swapped))).toEqual(outcome(() => JSON.parse(swapped)));
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
