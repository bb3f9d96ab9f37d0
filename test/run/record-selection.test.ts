import { describe, expect, test } from '@jest/globals';
import { SelectionError } from '../../src/errors.js';
import { globToRegExp, recordSelector } from '../../src/run/record-selection.js';
import { makeRecord } from '../builders/record-builder.js';

describe('recordSelector', () => {
  test('dates are inclusive days in UTC; undated records are told apart', () => {
    const select = recordSelector({ since: '2014-01-20', until: '2014-01-31' });
    expect(select(makeRecord({ date: '2014-01-20T00:00:00.000Z' }))).toBe('in');
    expect(select(makeRecord({ date: '2014-01-31T23:59:59.999Z' }))).toBe('in');
    expect(select(makeRecord({ date: '2014-01-19T23:59:59.999Z' }))).toBe('out');
    expect(select(makeRecord({ date: '2014-02-01T00:00:00.000Z' }))).toBe('out');
    expect(select(makeRecord({ date: null }))).toBe('undated');
  });

  test('without a date selection, undated records are in', () => {
    expect(recordSelector({ channels: ['survey'] })(makeRecord({ channel: 'survey', date: null }))).toBe('in');
    expect(recordSelector({ channels: ['email', 'twitter'] })(makeRecord({ channel: 'survey' }))).toBe('out');
  });

  test('--source globs the provenance file as stored, or its name when the glob has no /', () => {
    const record = makeRecord({ provenance: { file: 'exports/2014/mail.mbox' } });
    expect(recordSelector({ source: '*.mbox' })(record)).toBe('in');
    expect(recordSelector({ source: 'exports/*.mbox' })(record)).toBe('out');
    expect(recordSelector({ source: 'exports/**/*.mbox' })(record)).toBe('in');
    expect(recordSelector({ source: 'exports/**/*.{csv,mbox}' })(record)).toBe('in');
    expect(recordSelector({ source: 'mail.csv' })(record)).toBe('out');
    expect(globToRegExp('a?c.(x)').test('abc.(x)')).toBe(true);
  });

  test('--source naming a zip archive or folder finds the files read from inside it', () => {
    const record = makeRecord({ provenance: { file: 'exports/survey.zip/CSV/Sheet_1.csv' } });
    expect(recordSelector({ source: 'exports/survey.zip' })(record)).toBe('in');
    expect(recordSelector({ source: 'exports/' })(record)).toBe('in');
    expect(recordSelector({ source: '*/survey.zip' })(record)).toBe('in');
    expect(recordSelector({ source: 'survey.zip' })(record)).toBe('in');
    expect(recordSelector({ source: '*.zip' })(record)).toBe('in');
    expect(recordSelector({ source: 'other.zip' })(record)).toBe('out');
    expect(recordSelector({ source: 'exports/survey' })(record)).toBe('out');
    expect(recordSelector({ source: 'exports/other.zip' })(record)).toBe('out');
  });

  test('--question is a case-insensitive substring of meta.question; records without one are out', () => {
    const select = recordSelector({ question: 'trust a - q1' });
    expect(select(makeRecord({ meta: { question: 'Trust A - Q1: what went well?' } }))).toBe('in');
    expect(select(makeRecord({ meta: { question: 'Trust A - Q2' } }))).toBe('out');
    expect(select(makeRecord({ meta: {} }))).toBe('out');
  });

  test('bad days and a reversed range are usage errors with a code', () => {
    for (const selection of [{ since: '2014-02-30' }, { until: '31/01/2014' }, { since: '2014-02-01', until: '2014-01-01' }]) {
      expect(() => recordSelector(selection)).toThrow(SelectionError);
    }
    expect(() => recordSelector({ source: '{a,b' })).toThrow(expect.objectContaining({ code: 'BAD_SELECTION_GLOB' }));
  });
});
