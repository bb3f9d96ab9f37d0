import { describe, expect, test } from '@jest/globals';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { labelledLines, scoreDetails } from './labelled-details.js';

const FIXTURES = 'fixtures/privacy/health-and-care';
const identifiers = labelledLines(`${FIXTURES}/identifiers.txt`);
const secondLook = labelledLines(`${FIXTURES}/second-look.txt`);
const datesWithoutCue = labelledLines(`${FIXTURES}/dates-without-cue.txt`);
const houseNames = labelledLines(`${FIXTURES}/house-names.txt`);
const datesHouses = labelledLines(`${FIXTURES}/held-out-dates-houses.txt`);
const welshDatesHouses = labelledLines(`${FIXTURES}/held-out-welsh-dates-houses.txt`);
const placesDates = labelledLines(`${FIXTURES}/held-out-places-dates.txt`);

describe('dates of birth, NI numbers, handles without @, phones half in words and house names, measured on labelled feedback (figures in README.md)', () => {
  test('identifiers.txt, written before any of them was looked for: 22 details in 41 lines, recall and precision 100% (1 of 22 found before)', () => {
    const figures = scoreDetails(identifiers, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, identifiers.length]).toEqual([22, 41]);
    expect(figures).toMatchObject({ found: 22, flagged: 22, correct: 22, wrong: [] });
  });

  test('second-look.txt, written after the patterns: 17 details in 28 lines, recall 100%, precision 94.4% (94.1% and 94.1% before a house with no house word was looked for)', () => {
    const figures = scoreDetails(secondLook, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, secondLook.length]).toEqual([17, 28]);
    expect(figures).toMatchObject({ found: 17, flagged: 18, correct: 17 });
    expect(figures.wrong).toEqual(['Our reference [NI number] was quoted on every letter from DWP.']);
  });

  test('dates-without-cue.txt, written before a date of birth with no word before it was looked for: recall 100% (14.3% before), precision 100% (66.7% before; 93.3% until `Dear Sir,` was no name, session 40)', () => {
    const figures = scoreDetails(datesWithoutCue, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, datesWithoutCue.length]).toEqual([14, 28]);
    expect(figures).toMatchObject({ found: 14, flagged: 14, correct: 14 });
    expect(figures.wrong).toEqual([]);
  });

  test('house-names.txt, written before a house named with no house word was looked for: recall 100% (0% before), precision 100%', () => {
    const figures = scoreDetails(houseNames, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, houseNames.length]).toEqual([10, 22]);
    expect(figures).toMatchObject({ found: 10, flagged: 10, correct: 10, wrong: [] });
  });

  test('held-out-dates-houses.txt, written before a date after a name alone, a house with no street or a shop before a street was looked at: recall 96.8% (41.9% before; 80.6% before a date after a name tlap did not find, "moved into" and houses named "... Bank" were read: not a blind figure, its misses were the brief of that work), precision 100% (59.1% before; 75.8% when first measured, before shops were read as no house)', () => {
    const figures = scoreDetails(datesHouses, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, datesHouses.length]).toEqual([31, 42]);
    expect(figures).toMatchObject({ found: 30, flagged: 30, correct: 30 });
    expect(figures.wrong).toEqual(['Met Priya - 5 May 2023 - at the hub.']);
  });

  test('held-out-welsh-dates-houses.txt, written before a date after a name tlap does not find, a house after "moved into", a house named "... Bank" or a Welsh house name was looked at: recall 100% (38.9% before), precision 100% (100% before)', () => {
    const figures = scoreDetails(welshDatesHouses, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, welshDatesHouses.length]).toEqual([18, 31]);
    expect(figures).toMatchObject({ found: 18, flagged: 18, correct: 18, wrong: [] });
  });

  test('held-out-places-dates.txt, written before a place named with a Welsh or Scottish place word before a date set off was looked at: recall 88.9% (88.9% before), precision 80.0% (66.7% before)', () => {
    const figures = scoreDetails(placesDates, DEFAULT_REDACTION_POLICY);
    expect([figures.labels, placesDates.length]).toEqual([18, 19]);
    expect(figures).toMatchObject({ found: 16, flagged: 20, correct: 16 });
    expect(figures.wrong).toEqual([
      '[name], [date of birth], changed how schools are run.',
      '[name], [date of birth], showed how tenants are ignored.',
      'Tsegay, 3 March 1948, needs a hoist.',
    ]);
  });
});
