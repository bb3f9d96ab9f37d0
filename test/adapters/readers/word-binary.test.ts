import { describe, expect, test } from '@jest/globals';
import { checkCompoundFile } from '../../../src/adapters/readers/compound-file.js';
import { readWordBinary, type WordBinaryEvent } from '../../../src/adapters/readers/word-binary.js';
import { buildDoc, docParagraph, docTable, type DocSpec } from '../../builders/doc-documents.js';

/** The events of a generated document, a paragraph as its text (`~` marking one in a table). */
function events(spec: DocSpec): string[] {
  const check = checkCompoundFile(buildDoc(spec));
  if (check.kind !== 'sound') throw new Error(check.reason);
  return readWordBinary(check.readRootStream).events.map((event: WordBinaryEvent) =>
    event.kind === 'paragraph' ? `${event.inTable ? '~' : ''}${event.paragraph.text}` : event.kind,
  );
}

describe('readWordBinary', () => {
  test('a table opens at its first cell; rows end at their row-end marks; empty cells are cells', () => {
    expect(
      events({
        paragraphs: [
          docParagraph('Before'),
          ...docTable([
            ['Name', ''],
            ['', 'Answer'],
          ]),
          docParagraph('After'),
        ],
      }),
    ).toEqual(['Before', 'table', 'row', 'cell', '~Name', 'cell', '~', 'row', 'cell', '~', 'cell', '~Answer', 'After']);
  });

  test('two tables with a paragraph between them are two tables', () => {
    expect(events({ paragraphs: [...docTable([['A']]), docParagraph('Between'), ...docTable([['B']])] })).toEqual([
      'table',
      'row',
      'cell',
      '~A',
      'Between',
      'table',
      'row',
      'cell',
      '~B',
    ]);
  });

  test('fields nested deeper than the 64 followed still end where they end, and the text after them is read', () => {
    const deep = `${'\x13 IF '.repeat(100)}${'\x14\x15'.repeat(100)}`;
    expect(events({ paragraphs: [docParagraph(`Kept ${deep}after`), docParagraph('Next')] })).toEqual(['Kept after', 'Next']);
  });
});
