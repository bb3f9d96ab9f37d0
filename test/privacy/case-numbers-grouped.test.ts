import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { REDACTION_TOKENS } from '../../src/privacy/personal-data-kinds.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { digitPartLeft, labelledLines } from './labelled-details.js';

const lines = labelledLines('fixtures/privacy/case-numbers-grouped/labelled.txt');
const LABEL = /\[\[(case-number|nhs-number):(.*?)\]\]/gu;
const TOKEN = /\[[a-zA-Z ]+\]/gu;

interface Figures {
  labels: number;
  /** Numbers with no group of their digits left in the output. */
  hidden: number;
  /** Of those, hidden under their own kind's token. */
  ownKind: number;
  /** Tokens written beyond the numbers labelled (on lines that must stay, or more than a line's numbers). */
  falseAlarms: number;
  /** The outputs of lines where a number was left whole or in part. */
  leftStanding: string[];
}

function score(): Figures {
  const figures: Figures = { labels: 0, hidden: 0, ownKind: 0, falseAlarms: 0, leftStanding: [] };
  for (const line of lines) {
    const details = [...line.matchAll(LABEL)].map(
      (match) => ({ kind: match[1] === 'nhs-number' ? 'nhs-number' : 'case-number', text: match[2] ?? '' }) as const,
    );
    const output = redactPersonalData(line.replace(LABEL, '$2'), DEFAULT_REDACTION_POLICY).text;
    const hidden = details.filter((detail) => !digitPartLeft(detail.text, output));
    figures.labels += details.length;
    figures.hidden += hidden.length;
    figures.ownKind += hidden.filter((detail) => output.includes(REDACTION_TOKENS[detail.kind])).length;
    figures.falseAlarms += Math.max(0, (output.match(TOKEN) ?? []).length - details.length);
    if (hidden.length < details.length) figures.leftStanding.push(output);
  }
  return figures;
}

describe('case numbers written in groups, as read off a letter or a wristband (figures in README.md)', () => {
  test('labelled.txt: 18 of 19 numbers hidden whole, 16 under their own kind, and no number that is none taken', () => {
    const figures = score();
    expect(lines.length).toBe(33);
    expect(figures).toEqual({
      labels: 19,
      hidden: 18,
      ownKind: 16,
      falseAlarms: 0,
      leftStanding: ['Case ref [case number] 7 has been open for eleven months now.'],
    });
  });

  test('ten digits in groups after these words are an NHS number, as they are written unbroken', () => {
    expect(redactPersonalData('Patient number: 12345 67890 (from the card)').text).toBe('Patient number: [NHS number] (from the card)');
    expect(redactPersonalData('hospital number 943 476 5919').text).toBe('hospital number [NHS number]');
  });

  test('a card number after a case number’s words is still the card, whole', () => {
    expect(redactPersonalData('account number 4111 1111 1111 1111 please').text).toBe('account number [card number] please');
  });
});
