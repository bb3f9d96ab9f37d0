import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { VoiceTally, voiceKeyOf } from '../../src/report/voice-tally.js';
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

const CAMPAIGNS = [
  'I object to the closure of the Elm Street day centre because it is the only place my family member can go.',
  'Please keep the respite service open for carers in the north of the county, it gives us a break every month.',
  'We ask the council to fund short breaks and a personal budget for every family caring for a disabled child.',
];

/** A record: one of the campaign texts (perhaps with a word added) or a text of its own, by one of a few authors or none. */
const entry = fc.record({
  campaign: fc.integer({ min: -1, max: CAMPAIGNS.length - 1 }),
  edit: fc.constantFrom('', ' Thanks.', ' Really.'),
  author: fc.option(fc.constantFrom('ana', 'ben', 'cy', 'dee', 'eli', 'fay'), { nil: null }),
  channel: fc.constantFrom('email', 'twitter', 'survey'),
  themes: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }).map((themes) => themes.sort((a, b) => a - b)),
});

describe('VoiceTally.finish against a model of campaigns over its groups', () => {
  test('the campaigns (groups of two or more members from two or more voices), their counts, themes and order', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const numbering = new WordNumbering();
        const tally = new VoiceTally(4, (id) => numbering.word(id));
        const added = entries.map((each, index) => {
          const text =
            each.campaign < 0
              ? `My own view number ${index} on the day centre and the respite service.`
              : `${CAMPAIGNS[each.campaign]}${each.edit}`;
          const record = makeRecord({ sourceId: `s${index}`, text, author: each.author, channel: each.channel });
          const ids = Int32Array.from(normaliseText(text).tokens.map((token) => numbering.number(token.word, token.stem)));
          return { record, themes: each.themes, member: tally.add(record, ids, each.themes), index };
        });
        const counts = tally.finish();
        const groups = new Map<number, { records: number; voices: Set<string>; themes: Set<number> }>();
        for (const { record, themes, member, index } of added) {
          if (member < 0) continue;
          const root = tally.groupOf(member);
          const group = groups.get(root) ?? { records: 0, voices: new Set<string>(), themes: new Set<number>() };
          groups.set(root, group);
          group.records += 1;
          group.voices.add(voiceKeyOf(record) ?? `anonymous ${index}`);
          for (const theme of themes) group.themes.add(theme);
        }
        const expected = [...groups]
          .filter(([, group]) => group.records >= 2 && group.voices.size >= 2)
          .map(([root, group]) => ({
            root,
            records: group.records,
            voices: group.voices.size,
            themes: [...group.themes].sort((a, b) => a - b),
          }))
          .sort((a, b) => b.records - a.records || b.voices - a.voices || a.root - b.root);
        expect(counts.campaigns.map(({ records, voices, themes }) => ({ records, voices, themes }))).toEqual(
          expected.map(({ records, voices, themes }) => ({ records, voices, themes })),
        );
        expect(counts.themeCampaigns).toEqual(
          [0, 1, 2, 3].map((theme) => expected.flatMap((campaign, index) => (campaign.themes.includes(theme) ? [index] : []))),
        );
        for (const { member } of added) {
          const campaign = member < 0 ? -1 : expected.findIndex((each) => each.root === tally.groupOf(member));
          expect(counts.campaignOf(member)).toBe(campaign);
        }
      }),
    );
  });
});
