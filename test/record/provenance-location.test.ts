import { describe, expect, test } from '@jest/globals';
import { provenanceLocation } from '../../src/record/provenance-location.js';

describe('provenanceLocation', () => {
  test.each([
    [{ file: 'survey.csv', line: 3, row: 2 }, 'survey.csv:3'],
    [{ file: 'posts.json', line: 1, part: 'posts[5]' }, 'posts.json:1: posts[5]'],
    [{ file: 'survey.xlsx', part: 'sheet "Responses"', row: 12 }, 'survey.xlsx: sheet "Responses", row 12'],
    [{ file: 'survey.xls', row: 4 }, 'survey.xls: row 4'],
    [{ file: 'notes.docx' }, 'notes.docx'],
  ])('%j is named %s', (provenance, named) => {
    expect(provenanceLocation(provenance)).toBe(named);
  });
});
