import { describe, expect, test } from '@jest/globals';
import { shellWord } from '../../src/cli/shell-word.js';

describe('shellWord', () => {
  test('a path or flag value of plain characters is printed as it is; anything else in single quotes, a quote inside closed and reopened', () => {
    expect(['coding.csv', 'exports/2024-01/*.csv', "Jo's notes.csv", 'a b'].map(shellWord)).toEqual([
      'coding.csv',
      "'exports/2024-01/*.csv'",
      "'Jo'\\''s notes.csv'",
      "'a b'",
    ]);
  });
});
