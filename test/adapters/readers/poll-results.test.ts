import { describe, expect, test } from '@jest/globals';
import { isAnswerHeading, isOpenPollType, isWordColumn, pollColumns } from '../../../src/adapters/readers/poll-results.js';

describe('pollColumns: a poll or presentation tool results table, by its header', () => {
  test('an option beside a votes column is a tally, with the poll, its type and the count', () => {
    expect(pollColumns(['Poll', 'Poll type', 'Option', 'Votes', 'Percentage'])).toEqual({
      kind: 'tally',
      answer: 'Option',
      question: 'Poll',
      count: 'Votes',
      type: 'Poll type',
    });
    expect(pollColumns(['Word', 'Count'])).toEqual({ kind: 'tally', answer: 'Word', count: 'Count' });
    expect(pollColumns(['Answer', '%'])).toEqual({ kind: 'tally', answer: 'Answer', count: '%' });
  });

  test('an answer beside a column only poll tools write is one answer a row, the participant named', () => {
    expect(pollColumns(['Poll', 'Poll question', 'Participant', 'Answer', 'Date'])).toEqual({
      kind: 'answers',
      answer: 'Answer',
      question: 'Poll question',
      participant: 'Participant',
    });
    expect(pollColumns(['Question', 'Question type', 'Response'])).toEqual({
      kind: 'answers',
      answer: 'Response',
      question: 'Question',
      type: 'Question type',
    });
  });

  test('a survey long format, a live Q&A and a plain comments table are none', () => {
    expect(pollColumns(['code', 'theme', 'feedback', 'question'])).toBeUndefined();
    expect(pollColumns(['respondent', 'question', 'answer'])).toBeUndefined();
    expect(pollColumns(['Question', 'Author', 'Likes', 'Date'])).toBeUndefined();
    expect(pollColumns(['id', 'comment', 'author'])).toBeUndefined();
  });
});

describe('isOpenPollType: whether a poll type is of people’s own words', () => {
  test.each(['Open text', 'Word cloud', 'Open Ended', 'Q&A', 'open-text poll'])('%s is open', (type) => {
    expect(isOpenPollType(type)).toBe(true);
  });
  test.each(['Multiple choice', 'Rating', 'Quiz', 'Ranking', 'Scales', 'Quiz question'])('%s is closed', (type) => {
    expect(isOpenPollType(type)).toBe(false);
  });
});

describe('headings of answers', () => {
  test('Responses, Answers and Option name the answers below them; a sentence does not', () => {
    expect(isAnswerHeading('Responses')).toBe(true);
    expect(isAnswerHeading(' Answers ')).toBe(true);
    expect(isAnswerHeading('Option')).toBe(true);
    expect(isAnswerHeading('More benches please')).toBe(false);
  });

  test('a word column is a word cloud’s', () => {
    expect(isWordColumn('Words')).toBe(true);
    expect(isWordColumn('Option')).toBe(false);
  });
});
