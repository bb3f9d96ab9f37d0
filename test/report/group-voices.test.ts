import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  addGroupVoice,
  emptyGroupVoiceSets,
  groupNumberOf,
  groupVoicesByKey,
  mergeGroupVoiceSets,
  type GroupVoiceSets,
} from '../../src/report/group-voices.js';
import { hashKey } from '../../src/stats/distinct-counter.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(150) });

/** More themes than one int of bits holds, so that a slot's second int is used. */
const THEMES = 40;
const GROUPS = ['Individual', 'individual', 'Organisation', 'Carer', '(no answer)'];
/** Answers `Individual` and `individual` publish alike. */
const keyOf = (group: string): string => group.toLowerCase();

interface Added {
  /** A voice's name, or null for a record without a voice key. */
  voice: string | null;
  group: string;
  themes: number[];
}

const added = fc.record({
  voice: fc.option(fc.constantFrom('ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ivy')),
  group: fc.constantFrom(...GROUPS),
  themes: fc.uniqueArray(fc.nat(THEMES - 1), { maxLength: 5 }),
});

function setsOf(records: readonly Added[]): GroupVoiceSets {
  const sets = emptyGroupVoiceSets(THEMES);
  for (const { voice, group, themes } of records) {
    addGroupVoice(sets, voice === null ? 0 : hashKey(voice), groupNumberOf(sets, group), themes, themes.length);
  }
  return sets;
}

/** Per published key (and per theme within it), the distinct voices, kept as sets of names: each record without a voice a name of its own. */
function reference(records: readonly Added[]): Map<string, Set<string>> {
  const voices = new Map<string, Set<string>>();
  const add = (key: string, voice: string): void => {
    const set = voices.get(key) ?? new Set<string>();
    set.add(voice);
    voices.set(key, set);
  };
  records.forEach(({ voice, group, themes }, index) => {
    const name = voice ?? `record ${index}`;
    add(keyOf(group), name);
    for (const theme of themes) add(`${keyOf(group)}#${theme}`, name);
  });
  return voices;
}

describe('distinct voices per respondent group, kept as (voice, group) pairs', () => {
  test('per published group and per theme within it, the distinct voices, whether the sets were kept in one place or in parts merged', () => {
    fc.assert(
      fc.property(fc.array(added, { maxLength: 80 }), fc.nat(80), fc.nat(80), (records, cutA, cutB) => {
        const [first, second] = [Math.min(cutA, cutB, records.length), Math.min(Math.max(cutA, cutB), records.length)];
        const merged = setsOf(records.slice(0, first));
        mergeGroupVoiceSets(merged, setsOf(records.slice(first, second)));
        mergeGroupVoiceSets(merged, structuredClone(setsOf(records.slice(second))));
        const expected = reference(records);
        for (const sets of [setsOf(records), merged]) {
          const counts = groupVoicesByKey(sets, keyOf);
          for (const key of new Set(GROUPS.map(keyOf))) {
            expect(counts.voicesOf(key)).toBe(expected.get(key)?.size ?? 0);
            for (let theme = 0; theme < THEMES; theme += 1) {
              expect(counts.themeVoicesOf(theme, key)).toBe(expected.get(`${key}#${theme}`)?.size ?? 0);
            }
          }
        }
      }),
    );
  });

  test('among several groups a voice counts once; records without a voice key each count', () => {
    const records: Added[] = [
      { voice: 'ann', group: 'Carer', themes: [1] },
      { voice: 'ann', group: 'Organisation', themes: [1, 35] },
      { voice: 'bob', group: 'Organisation', themes: [] },
      { voice: null, group: 'Carer', themes: [35] },
      { voice: null, group: 'Individual', themes: [35] },
    ];
    const counts = groupVoicesByKey(setsOf(records), keyOf);
    const among = new Set(['carer', 'organisation']);
    expect(counts.voicesAmong(among)).toBe(3);
    expect(counts.voicesAmong(among, 1)).toBe(1);
    expect(counts.voicesAmong(among, 35)).toBe(2);
    expect(counts.voicesAmong(new Set(['nobody']))).toBe(0);
    expect(counts.voicesOf('nobody')).toBe(0);
  });

  test('a table past its first slots keeps every pair: a thousand voices in two groups', () => {
    const records: Added[] = Array.from({ length: 2000 }, (_unused, index) => ({
      voice: `voice ${index % 1000}`,
      group: index < 1000 ? 'Carer' : 'Individual',
      themes: index % 2 === 0 ? [39] : [],
    }));
    const sets = setsOf(records);
    expect(sets.used).toBe(2000);
    const counts = groupVoicesByKey(sets, keyOf);
    expect([counts.voicesOf('carer'), counts.voicesOf('individual'), counts.themeVoicesOf(39, 'carer')]).toEqual([1000, 1000, 500]);
    expect(counts.voicesAmong(new Set(['carer', 'individual']))).toBe(1000);
  });
});
