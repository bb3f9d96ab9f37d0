import { describe, expect, test } from '@jest/globals';
import { twarcText } from '../../../src/adapters/formats/twarc-csv.js';

describe('twarcText: the text cell as twarc-csv wrote it', () => {
  test('restores the newlines twarc-csv writes as \\n', () => {
    expect(twarcText('First line\\n\\nSecond line')).toBe('First line\n\nSecond line');
  });

  test('decodes a JSON-encoded cell (early twarc-csv, --json-encode-text)', () => {
    expect(twarcText('"can\\u2019t wait \\n@someone"')).toBe('can’t wait \n@someone');
  });

  test('keeps quotes that are part of the tweet when the cell is not one JSON string', () => {
    expect(twarcText('"Personal" budgets, they said. "Choice", they said.')).toBe('"Personal" budgets, they said. "Choice", they said.');
  });
});
