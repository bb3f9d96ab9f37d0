import { describe, expect, test } from '@jest/globals';
import { publishedCodebookFile, publishedFileNames, publishedSourceGlob } from '../../src/report/published-file-names.js';

describe('publishedFileNames', () => {
  test('a file stored by an absolute path is named by its own name', () => {
    expect(publishedFileNames(['file: /home/jane.smith/Downloads/survey.csv'])).toEqual(
      new Map([['file: /home/jane.smith/Downloads/survey.csv', 'file: survey.csv']]),
    );
  });

  test('files of one name in different folders keep as many folders as tell them apart, and no more', () => {
    const names = publishedFileNames([
      'file: /home/jo/trust-a/2024/survey.csv',
      'file: /home/jo/trust-b/2024/survey.csv',
      'file: /home/jo/trust-b/notes.md',
    ]);
    expect(names).toEqual(
      new Map([
        ['file: /home/jo/trust-a/2024/survey.csv', 'file: trust-a/2024/survey.csv'],
        ['file: /home/jo/trust-b/2024/survey.csv', 'file: trust-b/2024/survey.csv'],
        ['file: /home/jo/trust-b/notes.md', 'file: notes.md'],
      ]),
    );
  });

  test('Windows paths, drive or share, are cut the same way', () => {
    const names = publishedFileNames(['file: C:\\Users\\Jane Smith\\Desktop\\replies.xlsx', 'file: \\\\server\\team\\Jane\\emails.mbox']);
    expect([...names.values()]).toEqual(['file: replies.xlsx', 'file: emails.mbox']);
  });

  test('a relative path, a post and a thread print as stored, and a cut name never takes one of theirs', () => {
    const names = publishedFileNames([
      'file: survey.csv',
      'file: exports/notes.md',
      'post: Why we are updating',
      'file: /Users/jane/exports/survey.csv',
    ]);
    expect(names).toEqual(new Map([['file: /Users/jane/exports/survey.csv', 'file: exports/survey.csv']]));
  });

  test('a relative path climbing out with .. is cut as an absolute one is: the folders above can be a home folder', () => {
    expect(publishedFileNames(['file: ../../jane.smith/Downloads/survey.csv', 'file: exports/..hidden/notes.md'])).toEqual(
      new Map([['file: ../../jane.smith/Downloads/survey.csv', 'file: survey.csv']]),
    );
    expect(publishedCodebookFile('../jane.smith/themes.yaml')).toBe('themes.yaml');
  });

  test('an entry of a zip archive is named from the archive in', () => {
    expect([...publishedFileNames(['file: /home/jo/Downloads/form.zip/responses.csv']).values()]).toEqual(['file: responses.csv']);
  });

  test('the names do not depend on the order the sources come in', () => {
    const sources = ['file: /a/x/s.csv', 'file: /b/x/s.csv', 'file: /c/s.csv', 'file: /d/y/t.csv', 'file: x/s.csv'];
    const first = publishedFileNames(sources);
    expect(publishedFileNames([...sources].reverse())).toEqual(first);
    expect(first.get('file: /a/x/s.csv')).toBe('file: a/x/s.csv');
    expect(first.get('file: /c/s.csv')).toBe('file: c/s.csv');
  });
});

describe('publishedCodebookFile', () => {
  test('an absolute path is cut to the file, a relative one kept', () => {
    expect(publishedCodebookFile('/home/jane.smith/consultation/themes.yaml')).toBe('themes.yaml');
    expect(publishedCodebookFile('codebooks/themes.yaml')).toBe('codebooks/themes.yaml');
  });
});

describe('publishedSourceGlob', () => {
  test('a --source glob from the root or climbing out is cut to its last part; a relative one is kept', () => {
    expect(publishedSourceGlob('/home/jane.smith/exports/*.csv')).toBe('*.csv');
    expect(publishedSourceGlob('C:\\Users\\Jane Smith\\exports\\**')).toBe('…/**');
    expect(publishedSourceGlob('../jane.smith/survey.csv')).toBe('survey.csv');
    expect(publishedSourceGlob('exports/**/*.mbox')).toBe('exports/**/*.mbox');
    expect(publishedSourceGlob('survey.zip')).toBe('survey.zip');
  });
});
