import fc from 'fast-check';
import { serialiseRecord } from '../../src/store/record-store.js';
import { makeRecord } from '../builders/record-builder.js';
import { codePointStrings } from './code-point-strings.js';

/** Strings with quotes, backslashes, control characters, surrogates and other Unicode. */
const anyString = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0000', 'é', '😀', '\ud800', '{', '}', ',', ':') }),
  codePointStrings(),
);
/** Strings that JSON writes without an escape (most of a store's lines), or any string. */
const fieldString = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '/', 'é', '😀', '{', '}', '[', ',', ':', '0') }), weight: 3 },
  { arbitrary: anyString, weight: 1 },
);
const nullable = fc.option(fieldString, { nil: null });

/** File names, some of them one another's prefixes, as a run of lines from a few files repeats them. */
const fileName = fc.oneof(fc.constantFrom('survey.csv', 'survey.csv2', 'survey', '', '/work/exports/long-survey-name.csv'), fieldString);
const wholeNumber = fc.oneof(fc.nat(), fc.constant(0), fc.constant(Number.MAX_SAFE_INTEGER));

/** Provenances as adapters write them (a file, a line and/or a row, sometimes a part), in any combination. */
const provenance = fc.record({ file: fileName, line: wholeNumber, row: wholeNumber, part: fieldString }, { requiredKeys: ['file'] });

/** Meta objects, some holding a `provenance` key of their own at any depth. */
const meta = fc.oneof(
  { arbitrary: fc.constant({}), weight: 2 },
  fc.dictionary(fc.oneof(fieldString, fc.constant('provenance')), fc.oneof(fieldString, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 3 }),
  fc.record({ provenance: fc.oneof(provenance, fc.record({ provenance })) }),
);

export const storedLine = fc
  .record({
    sourceId: fieldString,
    author: nullable,
    date: nullable,
    text: fieldString,
    url: nullable,
    inReplyTo: nullable,
    meta,
    provenance,
  })
  .map(({ meta: fields, provenance: where, ...rest }) =>
    serialiseRecord(makeRecord({ ...rest, meta: fields as Record<string, string>, provenance: where })),
  );

/** What reading a line gives (its JSON, key order included) or that it throws. */
export function outcome(read: () => unknown): { value: string } | { threw: true } {
  try {
    return { value: JSON.stringify(read()) };
  } catch {
    return { threw: true };
  }
}
