import { describe, expect, test } from '@jest/globals';
import { VoiceTally, voiceHashOf, voiceKeyOf } from '../../src/report/voice-tally.js';
import { WordNumbering } from '../../src/stats/numbered-terms.js';
import { normaliseText } from '../../src/text/normalise.js';
import { CONSULTATION_META, EXPORT_OWNER_META } from '../../src/record/record.js';
import { makeRecord } from '../builders/record-builder.js';

const CAMPAIGN = 'I object to the closure of the Elm Street day centre because it is the only place my family member can go.';
const numbering = new WordNumbering();
const words = (text: string): Int32Array =>
  Int32Array.from(normaliseText(text).tokens.map((token) => numbering.number(token.word, token.stem)));
const newTally = (themes: number): VoiceTally => new VoiceTally(themes, (id) => numbering.word(id));

describe('voiceKeyOf', () => {
  test('a respondent counts once per export file, whatever the question', () => {
    const q1 = makeRecord({ meta: { respondent: 'R1', question: 'Q1' }, provenance: { file: 'a.csv', row: 1 } });
    const q2 = makeRecord({ meta: { respondent: 'R1', question: 'Q2' }, provenance: { file: 'a.csv', row: 1 } });
    const other = makeRecord({ meta: { respondent: 'R1' }, provenance: { file: 'b.csv', row: 1 } });
    expect(voiceKeyOf(q1)).toBe(voiceKeyOf(q2));
    expect(voiceKeyOf(other)).not.toBe(voiceKeyOf(q1));
  });

  test("a consultation's respondent (ThemeFinder's layout: one file per question) counts once across its files, and only in it", () => {
    const answer = (file: string, consultation: string): ReturnType<typeof makeRecord> =>
      makeRecord({ channel: 'survey', meta: { respondent: '1001', [CONSULTATION_META]: consultation }, provenance: { file, line: 1 } });
    const part1 = answer('inputs/question_part_1/responses.jsonl', 'inputs');
    expect(voiceKeyOf(answer('inputs/question_part_2/responses.jsonl', 'inputs'))).toBe(voiceKeyOf(part1));
    expect(voiceKeyOf(answer('other/question_part_1/responses.jsonl', 'other'))).not.toBe(voiceKeyOf(part1));
    const plain = makeRecord({ meta: { respondent: '1001' }, provenance: { file: 'inputs/question_part_1/responses.jsonl', line: 1 } });
    expect(voiceKeyOf(plain)).not.toBe(voiceKeyOf(part1));
  });

  test('a survey row without a respondent id is one respondent; an author is one voice per channel; neither: no key', () => {
    const row = (question: string) => makeRecord({ channel: 'survey', meta: { question }, provenance: { file: 's.csv', row: 4 } });
    expect(voiceKeyOf(row('Q1'))).toBe(voiceKeyOf(row('Q2')));
    const tweet = makeRecord({ channel: 'twitter', author: '@Asha' });
    expect(voiceKeyOf(tweet)).toBe(voiceKeyOf(makeRecord({ channel: 'twitter', author: '@asha ' })));
    expect(voiceKeyOf(tweet)).not.toBe(voiceKeyOf(makeRecord({ channel: 'email', author: '@Asha' })));
    expect(voiceKeyOf(makeRecord({ channel: 'email', author: null, provenance: { file: 'm.mbox', line: 1 } }))).toBeNull();
  });

  test("the records marked as an export owner's own words count as one voice per file, and as theirs only", () => {
    const own = (file: string, line: number): ReturnType<typeof makeRecord> =>
      makeRecord({ channel: 'blog-comment', author: null, meta: { [EXPORT_OWNER_META]: true }, provenance: { file, line } });
    expect(voiceKeyOf(own('post_comments_1.json', 2))).toBe(voiceKeyOf(own('post_comments_1.json', 20)));
    expect(voiceKeyOf(own('post_comments_1.json', 2))).not.toBe(voiceKeyOf(own('other/post_comments_1.json', 2)));
    const unmarked = makeRecord({ channel: 'blog-comment', author: null, provenance: { file: 'post_comments_1.json', line: 2 } });
    expect(voiceKeyOf(unmarked)).toBeNull();
    const named = makeRecord({ channel: 'blog-comment', author: 'kirkstall_dad', meta: { [EXPORT_OWNER_META]: true } });
    expect(voiceKeyOf(named)).toBe(voiceKeyOf(makeRecord({ channel: 'blog-comment', author: 'kirkstall_dad' })));
  });
});

describe("voiceKeyOf: a transcript's speaker that names no one", () => {
  const turn = (author: string, file: string, line = 1): ReturnType<typeof makeRecord> =>
    makeRecord({ channel: 'transcript', author, provenance: { file, line } });

  test("every recording's Speaker 1 is a voice of its own; a named speaker is one voice across recordings", () => {
    expect(voiceKeyOf(turn('Speaker 1', 'monday.vtt'))).toBe(voiceKeyOf(turn('Speaker 1', 'monday.vtt', 40)));
    expect(voiceKeyOf(turn('Speaker 1', 'monday.vtt'))).not.toBe(voiceKeyOf(turn('Speaker 1', 'tuesday.vtt')));
    expect(voiceKeyOf(turn('SPEAKER_00', 'a.json'))).not.toBe(voiceKeyOf(turn('SPEAKER_00', 'b.json')));
    expect(voiceKeyOf(turn('Jane Smith', 'monday.vtt'))).toBe(voiceKeyOf(turn('Jane Smith', 'tuesday.vtt')));
  });

  test('the hash the tally counts by follows the key', () => {
    expect(voiceHashOf(turn('Speaker 1', 'monday.vtt'))).not.toBe(voiceHashOf(turn('Speaker 1', 'tuesday.vtt')));
    expect(voiceHashOf(turn('Jane Smith', 'monday.vtt'))).toBe(voiceHashOf(turn('Jane Smith', 'tuesday.vtt')));
  });

  test('outside transcripts such a name is an author like any other (a blog commenter called Guest)', () => {
    const comment = (file: string): ReturnType<typeof makeRecord> =>
      makeRecord({ channel: 'blog-comment', author: 'Guest', provenance: { file, line: 1 } });
    expect(voiceKeyOf(comment('a.xml'))).toBe(voiceKeyOf(comment('b.xml')));
  });
});

describe('VoiceTally', () => {
  test('40 respondents sending one campaign answer beside 40 of their own: 80 voices, one campaign of 40', () => {
    const tally = newTally(1);
    for (let index = 0; index < 80; index += 1) {
      const text =
        index % 2 === 0
          ? CAMPAIGN
          : `Answer ${index}: ${'minibus lunch club library staff meals respite transport'.split(' ')[index % 7]} matters to us.`;
      const record = makeRecord({ text, meta: { respondent: `R${index}` }, provenance: { file: 'survey.csv', row: index + 1 } });
      tally.add(record, words(text), [0]);
    }
    const counts = tally.finish();
    expect(counts.voices).toBe(80);
    expect(counts.themeVoices).toEqual([80]);
    expect(counts.campaigns.map((campaign) => [campaign.records, campaign.voices, campaign.themes])).toEqual([[40, 40, [0]]]);
    expect(counts.campaigns[0]?.example?.text).toBe(CAMPAIGN);
    expect(counts.themeCampaigns).toEqual([[0]]);
  });

  test('one author sending the same long text twice is a repeat, not a campaign; records without an author count one each', () => {
    const tally = newTally(2);
    tally.add(makeRecord({ channel: 'email', author: 'Jo', text: CAMPAIGN }), words(CAMPAIGN), [0]);
    tally.add(makeRecord({ channel: 'email', author: 'Jo', text: CAMPAIGN }), words(CAMPAIGN), [0]);
    tally.add(makeRecord({ channel: 'email', author: null, text: 'Yes' }), words('Yes'), [1]);
    tally.add(makeRecord({ channel: 'email', author: null, text: 'Yes' }), words('Yes'), [1]);
    const counts = tally.finish();
    expect(counts.campaigns).toEqual([]);
    expect(counts.voices).toBe(3);
    expect(counts.themeVoices).toEqual([1, 2]);
  });

  test('voices per channel: each distinct voice of a channel once, a respondent on two channels in each, records without a voice key one each', () => {
    const tally = newTally(1);
    const add = (overrides: Parameters<typeof makeRecord>[0]): void => {
      const record = makeRecord(overrides);
      tally.add(record, words(record.text), [0]);
    };
    for (const question of ['Q1', 'Q2', 'Q3']) add({ channel: 'survey', text: 'Yes', meta: { respondent: 'R1', question } });
    add({ channel: 'survey', text: 'Yes', meta: { respondent: 'R2' } });
    add({ channel: 'other', text: 'Yes', meta: { respondent: 'R1' } });
    add({ channel: 'twitter', author: '@Asha', text: 'One' });
    add({ channel: 'twitter', author: '@asha ', text: 'Two' });
    add({ channel: 'email', author: '@Asha', text: 'Three' });
    add({ channel: 'email', author: null, text: 'Four' });
    add({ channel: 'email', author: null, text: 'Five' });
    const counts = tally.finish();
    expect([...counts.channelVoices]).toEqual([
      ['twitter', 1],
      ['email', 3],
      ['survey', 2],
      ['other', 1],
    ]);
    expect(counts.voices).toBe(6);
  });

  test('a later copy is told apart from the first by its group', () => {
    const tally = newTally(0);
    const first = tally.add(makeRecord({ text: CAMPAIGN }), words(CAMPAIGN), []);
    const second = tally.add(makeRecord({ text: CAMPAIGN }), words(CAMPAIGN), []);
    const short = tally.add(makeRecord({ text: 'No comment' }), words('No comment'), []);
    expect(tally.groupOf(first)).toBe(first);
    expect(tally.groupOf(second)).toBe(first);
    expect(short).toBe(-1);
  });

  test('with more campaigns than examples are held, every campaign a report lists keeps its words', () => {
    const tally = newTally(0);
    const textOf = (campaign: number): string => Array.from({ length: 12 }, (_, word) => `c${campaign}w${word}`).join(' ');
    for (let round = 0; round < 6; round += 1) {
      for (let campaign = 0; campaign < 700; campaign += 1) {
        if (round >= 2 + (campaign % 5)) continue;
        const text = textOf(campaign);
        tally.add(makeRecord({ text, meta: { respondent: `R${campaign}-${round}` } }), words(text), []);
      }
    }
    const counts = tally.finish();
    expect(counts.campaigns).toHaveLength(700);
    for (const campaign of counts.campaigns.slice(0, 20)) {
      expect(campaign.records).toBe(6);
      expect(campaign.example?.text).toMatch(/^c\d+w0 /);
    }
  });
});
