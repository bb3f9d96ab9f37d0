import { describe, expect, test } from '@jest/globals';
import { isFormOfKeyword } from '../../src/analysis/word-forms.js';

describe('isFormOfKeyword', () => {
  test.each([
    ['community', 'communities'],
    ['carer', 'carers'],
    ['looking after', 'looked after'],
    ['decide', 'deciding'],
    ['stop', 'stopped'],
    ['box', 'boxes'],
    ['cuts', 'cutting'],
    ['signpost*', 'signposting'],
    ['well-being', 'wellbeing'],
    ['excellent', 'excellant'],
    ['received', 'recieved'],
    ['appointment', 'appointmnet'],
  ])('%s matching %s is the keyword itself', (keyword, words) => {
    expect(isFormOfKeyword(keyword, words)).toBe(true);
  });

  test.each([
    ['community', 'communication'],
    ['consultation', 'consultant'],
    ['continuity', 'continue'],
    ['accessible', 'access'],
    ['information', 'informative'],
    ['excellent', 'excellence'],
    ['police', 'policy'],
  ])('%s matching %s is another word sharing its stem', (keyword, words) => {
    expect(isFormOfKeyword(keyword, words)).toBe(false);
  });
});
