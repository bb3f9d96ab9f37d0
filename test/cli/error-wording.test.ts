import { describe, expect, test } from '@jest/globals';
import { wordForCli, wordWarningForCli } from '../../src/cli/error-wording.js';
import { InputError, StoreError, TlapError, UnknownNameError } from '../../src/errors.js';

describe('the CLI words library errors in flags', () => {
  test('an unknown format name becomes the --format flag with the known formats', () => {
    const error = new UnknownNameError('format', 'nope', ['csv', 'mbox'], 'no such format "nope" (known formats: csv, mbox)');
    expect(wordForCli(error)).toEqual({ message: '--format nope: no such format (known formats: csv, mbox)', hint: 'see tlap formats' });
  });

  test('an unknown encoding keeps the library hint, which names no flag', () => {
    const error = new UnknownNameError('encoding', 'klingon-8', [], 'no such encoding "klingon-8"', 'use a name such as utf-8');
    expect(wordForCli(error)).toEqual({ message: '--encoding klingon-8: no such encoding', hint: 'use a name such as utf-8' });
  });

  test('a code with a flag hint replaces the library hint; other errors keep their words', () => {
    expect(wordForCli(new StoreError('s: no record store here', { hint: 'ingest first', code: 'NO_STORE' })).hint).toBe(
      'run tlap ingest first, or name the store with --store DIR',
    );
    expect(wordForCli(new TlapError('a theme worker ran out of its 512 MB of memory', { code: 'WORKER_OUT_OF_MEMORY' })).hint).toBe(
      'run again with --threads 0 (one thread, no worker memory limit)',
    );
    expect(wordForCli(new InputError('no such file or folder', { location: { file: 'a.csv' }, hint: 'check the path' }))).toEqual({
      message: 'a.csv: no such file or folder',
      hint: 'check the path',
    });
  });

  test('a coded warning gets its flag; an uncoded one is printed as it is', () => {
    expect(wordWarningForCli({ message: 'a.xlsx: sheet "W" is hidden and was not read', code: 'HIDDEN_SHEET_SKIPPED' })).toBe(
      'a.xlsx: sheet "W" is hidden and was not read; name it with --sheet to read it',
    );
    expect(wordWarningForCli({ message: 'store: repaired a line' })).toBe('store: repaired a line');
  });

  test('lines read as Windows-1252 beside UTF-8 ones are not answered with --encoding alone, which would read the UTF-8 lines wrong', () => {
    const warning = {
      message: 'fft.csv:1026: 14 lines were not valid UTF-8 and were read as Windows-1252',
      code: 'ENCODING_FALLBACK',
    } as const;
    expect(wordWarningForCli(warning)).toBe(
      'fft.csv:1026: 14 lines were not valid UTF-8 and were read as Windows-1252; every other line was read as UTF-8, as a file pasted together from several programs needs; only if the whole file is in one other encoding, name it with --encoding',
    );
  });

  test('a codebook that is not there is answered with the command that drafts one, beside the flag that names another', () => {
    const missing = new InputError('cannot read the codebook (no such file)', {
      location: { file: 'themes.yaml' },
      code: 'CODEBOOK_UNREADABLE',
    });
    expect(wordForCli(missing).hint).toContain(
      'draft one from the records with tlap gaps --discover > themes.yaml, or name one with --themes FILE',
    );
  });
});

describe('InputError carries where it happened as fields', () => {
  test('the location is a field; the message joins it to the reason', () => {
    const error = new InputError('JSON ends early', { location: { file: 'a.json', line: 3, col: 7 }, code: 'JSON_TRUNCATED' });
    expect(error.location).toEqual({ file: 'a.json', line: 3, col: 7 });
    expect(error.reason).toBe('JSON ends early');
    expect(error.message).toBe('a.json:3:7: JSON ends early');
  });

  test('a part without a line follows the file', () => {
    expect(new InputError('no text column', { location: { file: 'b.xlsx', part: 'sheet "A"' } }).message).toBe(
      'b.xlsx: sheet "A": no text column',
    );
  });
});
