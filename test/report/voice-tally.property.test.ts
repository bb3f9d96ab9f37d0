import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { VoiceTally } from '../../src/report/voice-tally.js';
import { WordNumbering } from '../../src/stats/numbered-terms.js';
import { normaliseText } from '../../src/text/normalise.js';
import { makeRecord } from '../builders/record-builder.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(60) });

const TEXTS = [
  'I object to the closure of the Elm Street day centre because it is the only place my family member can go.',
  'Please keep the respite service open for every unpaid carer in the borough, it is a lifeline for all of us.',
  'Bus routes to the leisure centre were cut last year and now older people cannot get to their friends at all.',
];
const numbering = new WordNumbering();
const words = TEXTS.map((text) => Int32Array.from(normaliseText(text).tokens.map((token) => numbering.number(token.word, token.stem))));

describe('VoiceTally theme lists (numbered through an array, a map of numbers or their text)', () => {
  test.each([3, 14, 39, 40, 300])('a campaign is in the themes of its records, whatever their lists, with %i themes', (themeCount) => {
    const themeList = fc.uniqueArray(fc.nat(themeCount - 1), { maxLength: 6 }).map((list) => list.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(TEXTS.length - 1), themeList), { minLength: 1, maxLength: 40 }), (added) => {
        const tally = new VoiceTally(themeCount, (id) => numbering.word(id));
        const expected = TEXTS.map(() => new Set<number>());
        added.forEach(([text, themes], index) => {
          tally.add(
            makeRecord({ channel: 'email', author: `person${index}`, text: TEXTS[text] ?? '' }),
            words[text] ?? new Int32Array(),
            themes,
          );
          for (const theme of themes) expected[text]?.add(theme);
        });
        const { campaigns } = tally.finish();
        const found = campaigns.map((campaign) => [campaign.records, campaign.themes]).sort();
        const wanted = TEXTS.flatMap((_text, text) => {
          const records = added.filter(([of]) => of === text).length;
          return records < 2 ? [] : [[records, [...(expected[text] ?? [])].sort((a, b) => a - b)]];
        }).sort();
        expect(found).toEqual(wanted);
      }),
    );
  });
});
