import { describe, expect, test } from '@jest/globals';
import { consentLine, FormAnswers, isOptionAnswer, tickBoxAnswer } from '../../../src/adapters/readers/form-consent.js';
import type { AdapterItem } from '../../../src/adapters/format-adapter.js';
import type { JsonValue } from '../../../src/record/record.js';

describe('consentLine: a `Question? answer` line on publishing', () => {
  test.each([
    ['May we publish your response? No', { question: 'May we publish your response?', answer: 'No' }],
    [
      'Q7: May we publish your response? Do not publish response',
      { question: 'Q7: May we publish your response?', answer: 'Do not publish response' },
    ],
    ['Consent to publish: Yes', { question: 'Consent to publish', answer: 'Yes' }],
    ['Can we quote you?\tNo', { question: 'Can we quote you?', answer: 'No' }],
    ['Publication consent\tYes', { question: 'Publication consent', answer: 'Yes' }],
    [
      'Would you like your response to be kept confidential?',
      { question: 'Would you like your response to be kept confidential?', answer: '' },
    ],
  ])('%j', (line, expected) => {
    expect(consentLine(line)).toEqual(expected);
  });

  test.each([
    'Date published: 3 March',
    'Confidentiality: we will keep your details private and secure.',
    'May we publish your response? I would rather you did not print my street, because my neighbours would know it is me.',
    'Q1: What matters most to you?',
    'May we publish your response?\nNo',
  ])('%j is no answer on publishing', (line) => {
    expect(consentLine(line)).toBeNull();
  });

  test('an option is one short line', () => {
    expect(isOptionAnswer('Publish response only (without name)')).toBe(true);
    expect(isOptionAnswer('No, because the council would then know who wrote it')).toBe(false);
    expect(isOptionAnswer('')).toBe(false);
  });
});

describe('FormAnswers', () => {
  const record = (text: string, meta: Record<string, JsonValue> = {}): AdapterItem => ({
    kind: 'record',
    draft: { sourceId: `content:${text}`, text, meta, provenance: { file: 'f.docx' } },
  });

  test('every held record gets the answers found anywhere in the document, parts of one answer joined', () => {
    const consent = new FormAnswers();
    const items = [record('before', { question: 'Q1' }), consent.filtered({ file: 'f.docx', part: 'paragraph 2' })];
    consent.answer('May we publish your response?', '');
    consent.answer('May we publish your response?', 'Do not');
    consent.answer('May we publish your response?', 'publish');
    const released = [...consent.release([...items, record('after')])];
    expect(released.map((item) => (item.kind === 'record' ? item.draft.meta : item.kind))).toEqual([
      { question: 'Q1', answers: { 'May we publish your response?': 'Do not publish' } },
      'filtered',
      { answers: { 'May we publish your response?': 'Do not publish' } },
    ]);
  });

  test('a document without one keeps its records as they were', () => {
    const consent = new FormAnswers();
    expect([...consent.release([record('text', { section: 'A' })])]).toEqual([record('text', { section: 'A' })]);
  });

  test('the items read before a failure are given before it', async () => {
    const consent = new FormAnswers();
    async function* failing(): AsyncIterable<AdapterItem> {
      yield record('kept');
      consent.answer('Can we quote you?', 'No');
      throw new Error('broken part');
    }
    const seen: AdapterItem[] = [];
    await expect(
      (async () => {
        for await (const item of consent.hold(failing())) seen.push(item);
      })(),
    ).rejects.toThrow('broken part');
    expect(seen).toEqual([record('kept', { answers: { 'Can we quote you?': 'No' } })]);
  });
});

describe('tickBoxAnswer', () => {
  test('a question with its boxed options after it on one line is that question answered, whatever question stands above', () => {
    expect(tickBoxAnswer('Are you responding as: ☒ An individual ☐ An organisation', 'Question 1')).toEqual({
      question: 'Are you responding as',
      answer: 'An individual',
    });
    expect(tickBoxAnswer('Do you drive? (x) Yes ( ) No', null)).toEqual({ question: 'Do you drive?', answer: 'Yes' });
    expect(tickBoxAnswer('Age group\t[ ] Under 18 [ ] 18 to 64 [ ] 65 or over', null)).toEqual({ question: 'Age group', answer: '' });
    expect(tickBoxAnswer('Do you drive? Yes ☐  No ☒', null)).toEqual({ question: 'Do you drive?', answer: 'No' });
    expect(tickBoxAnswer('Which services do you use: Day centre [x] Home care [ ] Respite [x]', 'Q4')).toEqual({
      question: 'Which services do you use',
      answer: 'Day centre; Respite',
    });
  });

  test('two options or more answer the question given, none ticked as blank; without a question they are kept under none', () => {
    expect(tickBoxAnswer('☒ Carer ☐ Parent', 'You are a:')).toEqual({ question: 'You are a:', answer: 'Carer' });
    expect(tickBoxAnswer('Yes ☐  No ☐', 'Do you drive?')).toEqual({ question: 'Do you drive?', answer: '' });
    expect(tickBoxAnswer('☒ Carer ☐ Parent', null)).toEqual({ question: null, answer: null });
  });

  test('one box answers only a statement on publishing; beside other words it is no answer', () => {
    expect(tickBoxAnswer('☒ I agree to my response being published', null)).toEqual({
      question: 'I agree to my response being published',
      answer: 'Yes',
    });
    expect(tickBoxAnswer('[ ] I am happy for my comments to be published', 'Q9')).toEqual({
      question: 'I am happy for my comments to be published',
      answer: '',
    });
    expect(tickBoxAnswer('[x] Book the hall for March', 'Actions')).toBeNull();
    expect(tickBoxAnswer('Book the hall: [x] March', null)).toBeNull();
    expect(tickBoxAnswer('[x] March: [ ] April [ ] May', null)).toEqual({ question: null, answer: null });
    expect(tickBoxAnswer('The hall is booked for March', 'Actions')).toBeNull();
  });
});
