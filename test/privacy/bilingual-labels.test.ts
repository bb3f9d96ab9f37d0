import { describe, expect, test } from '@jest/globals';
import { bilingualLabels, isOtherLanguageLabel, readByEitherLabel } from '../../src/privacy/bilingual-labels.js';

/** A reader that knows a few English labels, each as a role. */
const ROLES: Readonly<Record<string, string>> = { date: 'date', time: 'date', name: 'author', comments: 'text', yes: 'answer' };
const role = (label: string): string | undefined => ROLES[label.trim().toLowerCase()];

describe('bilingualLabels: the two labels of a header in two languages', () => {
  test('a slash with a space beside it, a bar, a line break, a label in brackets', () => {
    expect(bilingualLabels('Dyddiad / Date')).toEqual(['Dyddiad', 'Date']);
    expect(bilingualLabels('Date / Dyddiad')).toEqual(['Date', 'Dyddiad']);
    expect(bilingualLabels('Enw | Name')).toEqual(['Enw', 'Name']);
    expect(bilingualLabels('Enw |Name')).toEqual(['Enw', 'Name']);
    expect(bilingualLabels('Dyddiad\nDate')).toEqual(['Dyddiad', 'Date']);
    expect(bilingualLabels('Dyddiad\r\nDate')).toEqual(['Dyddiad', 'Date']);
    expect(bilingualLabels('Date (Dyddiad)')).toEqual(['Date', 'Dyddiad']);
    expect(bilingualLabels("Enw'r sefydliad (Organisation name)")).toEqual(["Enw'r sefydliad", 'Organisation name']);
  });

  test('no two labels: a slash with no space, a path, three labels, a note with digits or a slash', () => {
    expect(bilingualLabels('Date/time')).toBeUndefined();
    expect(bilingualLabels('and/or')).toBeUndefined();
    expect(bilingualLabels('group_abc/respondent_name')).toBeUndefined();
    expect(bilingualLabels('Enw / Name / Nom')).toBeUndefined();
    expect(bilingualLabels('Date (dd/mm/yyyy)')).toBeUndefined();
    expect(bilingualLabels('Question 1 (Q1)')).toBeUndefined();
    expect(bilingualLabels('Date')).toBeUndefined();
    expect(bilingualLabels(' / Date')).toBeUndefined();
  });
});

describe('isOtherLanguageLabel: a label with a word that is not English', () => {
  test('Welsh, French and Irish labels are; English ones are not', () => {
    for (const label of ['Dyddiad', 'E-bost', 'Sylwadau', 'Dyddiad cyflwyno', 'Commentaires', 'Ainm'])
      expect(isOtherLanguageLabel(label)).toBe(true);
    for (const label of ['organisation', 'time', 'No', 'Comments (optional)', 'Any other comments', '#'])
      expect(isOtherLanguageLabel(label)).toBe(false);
  });
});

describe('readByEitherLabel: a header read by the label a reader knows', () => {
  test('the whole header first', () => {
    expect(readByEitherLabel('Date', role)).toBe('date');
  });

  test('either label, in either order, when the other is in another language', () => {
    expect(readByEitherLabel('Dyddiad / Date', role)).toBe('date');
    expect(readByEitherLabel('Date / Dyddiad', role)).toBe('date');
    expect(readByEitherLabel('Sylwadau\nComments', role)).toBe('text');
    expect(readByEitherLabel('Name (Enw)', role)).toBe('author');
  });

  test('both labels known: one heading only when they read alike', () => {
    expect(readByEitherLabel('Date / time', role)).toBe('date');
    expect(readByEitherLabel('Date / Comments', role)).toBeUndefined();
    expect(readByEitherLabel('Date / Comments', role, () => true)).toBe('date');
  });

  test('one label known and the other English: no bilingual heading', () => {
    expect(readByEitherLabel('Name / organisation', role)).toBeUndefined();
    expect(readByEitherLabel('Yes / No', role)).toBeUndefined();
    expect(readByEitherLabel('Comments (optional)', role)).toBeUndefined();
  });
});
