import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  ConsentQuestionKinds,
  consentOfAnswer,
  consentQuestionKind,
  PublicationConsentReader,
  refusalInText,
  type ConsentQuestionKind,
} from '../../src/privacy/publication-consent.js';
import { makeRecord } from '../builders/record-builder.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const LABELLED = join(PROJECT_ROOT, 'fixtures/privacy/publication-consent');

/** The rows of a labelled TSV file under its header, each split at tabs. */
function labelledRows(name: string): string[][] {
  const [, ...rows] = readFileSync(join(LABELLED, name), 'utf8').split('\n');
  return rows.filter((row) => row !== '').map((row) => row.split('\t'));
}

function asKind(label: string | undefined): ConsentQuestionKind | null {
  return label === 'permission' || label === 'confidentiality' ? label : null;
}

describe('consent to publish, scored on the labelled questions and answers (figures in README.md)', () => {
  test('every labelled question is read as its label says: permission, confidentiality or no consent question', () => {
    const rows = labelledRows('questions.tsv');
    const wrong = rows.filter(([label, question]) => consentQuestionKind(question ?? '') !== asKind(label));
    expect({ questions: rows.length, wrong }).toEqual({ questions: 51, wrong: [] });
  });

  test('every labelled answer is read as its label says, given or declined', () => {
    const rows = labelledRows('answers.tsv');
    const wrong = rows.filter(([kind, answer, label]) => consentOfAnswer(asKind(kind) ?? 'permission', answer ?? '') !== label);
    expect({ answers: rows.length, wrong }).toEqual({ answers: 64, wrong: [] });
  });
});

describe('PublicationConsentReader', () => {
  const reader = new PublicationConsentReader();

  test.each([
    [{ answers: { 'May we publish your response?': 'Do not publish response' } }, 'declined'],
    [{ answers: { 'May we publish your response?': 'Publish response only (without name)' } }, 'given'],
    [{ answers: { 'May we publish your response?': '' } }, 'declined'],
    [{ answers: { 'Would you like your response to be kept confidential?': 'Yes' } }, 'declined'],
    [{ answers: { 'Would you like your response to be kept confidential?': '' } }, 'given'],
    [{ 'Can we publish your comments?': 'No' }, 'declined'],
    [{ answers: { 'Are you responding as an individual?': 'Individual' } }, 'not-asked'],
    [{ 'Date published': '2024-03-05', question: 'Have you read our published strategy?' }, 'not-asked'],
    [{}, 'not-asked'],
  ])('meta %j: %s', (meta, consent) => {
    expect(reader.consentOf(makeRecord({ meta }))).toBe(consent);
  });

  test('a refusal in any of two consent questions declines; a long answer that qualifies consent is no yes, so it declines', () => {
    const twoQuestions = {
      answers: { 'May we publish your response?': 'Yes', 'Do you want your response to be treated as confidential?': 'Yes' },
    };
    const longAnswer = {
      'Can we quote you?':
        'Only if you take out the part about my neighbour, who would not want to be named in anything the council puts out.',
    };
    expect([reader.consentOf(makeRecord({ meta: twoQuestions })), reader.consentOf(makeRecord({ meta: longAnswer }))]).toEqual([
      'declined',
      'declined',
    ]);
  });
});

describe('ConsentQuestionKinds', () => {
  test('gives what consentQuestionKind gives, however many questions it has met', () => {
    const kinds = new ConsentQuestionKinds();
    const questions = Array.from({ length: 3000 }, (_, index) => `Column ${index}`);
    for (const question of questions) kinds.kindOf(question);
    expect([kinds.kindOf('May we publish your response?'), kinds.kindOf('Column 7'), kinds.kindOf('Confidentiality')]).toEqual([
      'permission',
      null,
      'confidentiality',
    ]);
  });
});

describe('refusalInText: a writer asking in their own words not to be published', () => {
  test.each([
    'Not for publication please, but the bus never comes.',
    "please don't print this, the carers centre is shut",
    'I would prefer this not to be published.',
    'We do not want this quoted in any report.',
    "this is confidential - my son's carer shouted at him",
    'Strictly off-the-record: the day centre has no staff.',
    'never quote me on this',
  ])('%j declines', (text) => {
    expect(refusalInText(text)).not.toBeNull();
  });

  test.each([
    "I don't want to be a burden but respite is needed.",
    'The records were lost and nobody told us.',
    'Do not use this service, it is awful.',
    'Please do not use my name.',
    'Private carers are expensive.',
    'They printed the wrong date on the letter.',
    'The strategy must not be published before carers see it.',
    'I have no confidence in the council.',
  ])('%j is no refusal', (text) => {
    expect(refusalInText(text)).toBeNull();
  });

  test('a record whose text refuses is declined, whatever its export asked, and the refusal names the words', () => {
    const reader = new PublicationConsentReader();
    const record = makeRecord({
      text: 'Off the record, the day centre staff are at breaking point.',
      meta: { 'May we publish your response?': 'Yes' },
    });
    expect(reader.consentOf(record)).toBe('declined');
    expect(reader.refusalOf(record)).toEqual({ question: '', answer: 'Off the record' });
    expect(reader.consentOf(makeRecord({ text: 'The day centre is a lifeline.' }))).toBe('not-asked');
  });

  test('held out (fixtures/privacy/in-text-refusals/held-out.tsv, written before the rule): 18 refusals and 18 sentences that are none, all read as labelled (17 of 18 refusals found at the first measurement)', () => {
    const rows = readFileSync(join(PROJECT_ROOT, 'fixtures/privacy/in-text-refusals/held-out.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t') as [string, string]);
    const wrong = rows.filter(([label, text]) => (refusalInText(text) !== null) !== (label === 'declined')).map(([, text]) => text);
    expect(rows.filter(([label]) => label === 'declined')).toHaveLength(18);
    expect(rows).toHaveLength(36);
    expect(wrong).toEqual([]);
  });
});
