import { describe, expect, test } from '@jest/globals';
import { folderOf, lastStep } from '../../src/ingest/input-path-steps.js';

describe('the steps of an input path', () => {
  test.each([
    ['archive/data/tweets.js', 'tweets.js', 'archive/data'],
    ['archive\\data\\note-tweet.js', 'note-tweet.js', 'archive/data'],
    ['survey.csv', 'survey.csv', '.'],
    ['/survey.csv', 'survey.csv', '/'],
  ])('%s: its last step and its folder', (path, last, folder) => {
    expect([lastStep(path), folderOf(path)]).toEqual([last, folder]);
  });
});
