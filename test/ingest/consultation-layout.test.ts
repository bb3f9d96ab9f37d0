import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { companionsFirst, ConsultationLayout, isConsultationCompanion } from '../../src/ingest/consultation-layout.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { RespondentGroupReader } from '../../src/report/respondent-group-reader.js';
import { voiceKeyOf } from '../../src/report/voice-tally.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { withTempDir } from '../builders/temp-dir.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/ingest/themefinder-consultation');
const Q1 = 'What would make the seafront a better place to spend a day?';
const Q2 = 'Do you agree with the proposal to charge for parking on the seafront?';
const RESPONDING_AS = 'Are you responding as an individual or on behalf of an organisation?';
const LIVE_IN = 'Which part of the district do you live in?';

async function ingestFixture(paths: readonly string[]): Promise<{ summary: IngestSummary; records: FeedbackRecord[] }> {
  return withTempDir(async (dir) => {
    const storeDir = join(dir, 'store');
    const summary = await ingest({ paths, cwd: FIXTURE, storeDir });
    const records: FeedbackRecord[] = [];
    for await (const record of readStoreRecords(storeDir)) records.push(record);
    return { summary, records };
  });
}

function bySourceId(records: readonly FeedbackRecord[]): Map<string, FeedbackRecord> {
  return new Map(records.map((record) => [record.sourceId, record]));
}

function voices(records: readonly FeedbackRecord[]): number {
  return new Set(records.map((record) => voiceKeyOf(record))).size;
}

describe('fixtures/ingest/themefinder-consultation: the inputs/ folder', () => {
  test('every item is accounted for: 8 answers stored, the question, respondents and choice files filtered, read first', async () => {
    const { summary } = await ingestFixture(['inputs']);
    expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
    expect(summary).toMatchObject({
      read: 19,
      added: 8,
      filtered: 11,
      rejected: 0,
      filteredByRule: { 'consultation-question': 2, 'closed-answers': 9 },
    });
    expect(summary.perFile.map((file) => [file.file, file.format, file.read, file.added, file.filtered])).toEqual([
      ['inputs/question_part_1/question.json', 'themefinder', 1, 0, 1],
      ['inputs/question_part_2/multi_choice.jsonl', 'themefinder', 4, 0, 4],
      ['inputs/question_part_2/question.json', 'themefinder', 1, 0, 1],
      ['inputs/respondents.jsonl', 'themefinder', 5, 0, 5],
      ['inputs/question_part_1/responses.jsonl', 'themefinder', 4, 4, 0],
      ['inputs/question_part_2/responses.jsonl', 'themefinder', 4, 4, 0],
    ]);
    expect(summary.notFeedback).toEqual([]);
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      'inputs/question_part_2/responses.jsonl: 1 response by respondents not in the respondents file: stored without closed answers',
    ]);
  });

  test('each answer is a survey record with its question, its respondent and their closed answers', async () => {
    const { records } = await ingestFixture(['inputs']);
    expect(records).toHaveLength(8);
    expect(new Set(records.map((record) => record.channel))).toEqual(new Set(['survey']));
    const stored = bySourceId(records);
    expect(stored.get('1:question_part_1')).toMatchObject({
      format: 'themefinder',
      author: null,
      text: 'More benches facing the sea, and shade for older people in the summer.',
      meta: {
        question: Q1,
        questionId: 'question_part_1',
        respondent: '1',
        consultation: 'inputs',
        answers: { [RESPONDING_AS]: 'Individual', [LIVE_IN]: 'Harbour', [Q2]: 'Disagree' },
      },
      provenance: { file: 'inputs/question_part_1/responses.jsonl', line: 1 },
    });
    expect(stored.get('3:question_part_2')?.meta).toMatchObject({
      question: Q2,
      questionId: 'question_part_2',
      answers: { [RESPONDING_AS]: 'Organisation', [LIVE_IN]: 'Harbour; Old Town', [Q2]: 'Disagree' },
    });
    expect(stored.get('4:question_part_1')?.meta['answers']).toEqual({ [RESPONDING_AS]: 'Individual', [LIVE_IN]: 'Not Provided' });
    expect(stored.get('6:question_part_2')?.meta).toEqual({
      question: Q2,
      questionId: 'question_part_2',
      respondent: '6',
      consultation: 'inputs',
    });
  });

  test('a respondent who answered both questions is one voice: 8 answers from 6 voices', async () => {
    const { records } = await ingestFixture(['inputs']);
    expect(voices(records)).toBe(6);
  });

  test('respondent groups come from their answers about themselves and from their choices', async () => {
    const { records } = await ingestFixture(['inputs']);
    const groups = (asked: string): Record<string, number> => {
      const reader = new RespondentGroupReader(asked);
      const counts: Record<string, number> = {};
      for (const record of records) counts[reader.groupOf(record)] = (counts[reader.groupOf(record)] ?? 0) + 1;
      return counts;
    };
    expect(groups('responding as')).toEqual({ Individual: 5, Organisation: 2, '(no answer)': 1 });
    expect(groups('charge for parking')).toEqual({ Disagree: 4, Agree: 1, "Don't know": 1, '(no answer)': 2 });
  });
});

describe("fixtures/analysis/themefinder-mapping: the inputs with ThemeFinder's outputs beside them", () => {
  test('the theme framework and the mapping in the folder are listed as not feedback, not rejected as tables with no text', async () => {
    const summary = await withTempDir((dir) =>
      ingest({
        paths: ['inputs', 'outputs'],
        cwd: join(PROJECT_ROOT, 'fixtures/analysis/themefinder-mapping'),
        storeDir: join(dir, 'store'),
      }),
    );
    expect(summary).toMatchObject({ added: 8, rejected: 0 });
    expect(summary.notFeedback).toEqual(
      expect.arrayContaining(['outputs/question_part_1/mapping.jsonl', 'outputs/question_part_1/themes.json']),
    );
    expect(summary.perFile.map((file) => file.file)).toEqual([
      'inputs/question_part_1/question.json',
      'inputs/question_part_1/responses.jsonl',
    ]);
  });
});

describe('fixtures/ingest/themefinder-consultation: given otherwise', () => {
  test('one question_part folder: its question joined, the missing respondents said in one line, the same ids and voices', async () => {
    const whole = await ingestFixture(['inputs']);
    const { summary, records } = await ingestFixture(['inputs/question_part_2']);
    expect(summary).toMatchObject({ read: 9, added: 4, filtered: 5, rejected: 0 });
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      "inputs/question_part_2/responses.jsonl: 4 responses stored without their respondents' closed answers (no respondents.jsonl in or above their folder was read before them in this run); ingest them with the consultation's other files in one run to join them",
    ]);
    const wholeIds = bySourceId(whole.records);
    for (const record of records) {
      expect(wholeIds.get(record.sourceId)?.id).toBe(record.id);
      expect(voiceKeyOf(record)).toBe(voiceKeyOf(wholeIds.get(record.sourceId) as FeedbackRecord));
      expect(record.meta['question']).toBe(Q2);
    }
    expect(bySourceId(records).get('1:question_part_2')?.meta['answers']).toEqual({ [Q2]: 'Disagree' });
  });

  test('the files one by one, responses first: read in the order that joins them, with nothing missing', async () => {
    const { summary, records } = await ingestFixture([
      'inputs/question_part_1/responses.jsonl',
      'inputs/question_part_1/question.json',
      'inputs/respondents.jsonl',
    ]);
    expect(summary).toMatchObject({ read: 10, added: 4, filtered: 6, rejected: 0 });
    expect(summary.warnings).toEqual([]);
    expect(summary.perFile.map((file) => file.file)).toEqual([
      'inputs/question_part_1/question.json',
      'inputs/respondents.jsonl',
      'inputs/question_part_1/responses.jsonl',
    ]);
    expect(bySourceId(records).get('2:question_part_1')?.meta).toMatchObject({
      question: Q1,
      answers: { [RESPONDING_AS]: 'Individual', [LIVE_IN]: 'Old Town' },
    });
  });

  test('a responses file alone is stored, saying in one line that it lacks its question and its respondents', async () => {
    const { summary, records } = await ingestFixture(['inputs/question_part_1/responses.jsonl']);
    expect(summary).toMatchObject({ read: 4, added: 4, rejected: 0 });
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]?.message).toMatch(
      /^inputs\/question_part_1\/responses\.jsonl: 4 responses stored without their question .* and without their respondents' closed answers/,
    );
    expect(records.every((record) => record.meta['question'] === undefined && record.channel === 'survey')).toBe(true);
  });

  test('respondents.jsonl alone is no rejection: its 5 respondents are read and filtered as closed answers', async () => {
    const { summary } = await ingestFixture(['inputs/respondents.jsonl']);
    expect(summary).toMatchObject({ read: 5, added: 0, filtered: 5, rejected: 0, filteredByRule: { 'closed-answers': 5 } });
  });

  test('a responses file read in a later run gains its question from a copy that has it, as a hashtag-panel answer does', async () => {
    await withTempDir(async (dir) => {
      const storeDir = join(dir, 'store');
      await ingest({ paths: ['inputs/question_part_1/responses.jsonl'], cwd: FIXTURE, storeDir });
      const again = await ingest({ paths: ['inputs/question_part_1'], cwd: FIXTURE, storeDir });
      expect(again).toMatchObject({ added: 0, duplicates: 4, updated: 4 });
      const records: FeedbackRecord[] = [];
      for await (const record of readStoreRecords(storeDir)) records.push(record);
      expect(records.map((record) => record.meta['question'])).toEqual([Q1, Q1, Q1, Q1]);
    });
  });
});

describe('ConsultationLayout: which files go together', () => {
  test('a question pairs with the responses beside it by the name before their role, or as the only question of the folder', () => {
    const layout = new ConsultationLayout();
    layout.addQuestion('export/q1-question.json', { text: 'First?', number: 1 });
    layout.addQuestion('export/q2-question.json', { text: 'Second?', number: 2 });
    layout.addQuestion('inputs/question_part_3/question.json', { text: 'Third?', number: 3 });
    expect(layout.responsesIn('export/q2-responses.jsonl')).toMatchObject({
      question: { text: 'Second?' },
      part: 'q2',
      consultation: 'export',
    });
    expect(layout.responsesIn('export/other-responses.jsonl').question).toBeNull();
    expect(layout.responsesIn('inputs/question_part_3/responses.jsonl')).toMatchObject({
      question: { text: 'Third?' },
      part: 'question_part_3',
      consultation: 'inputs',
    });
  });

  test('a respondents file serves the responses in its folder and below; the nearest one wins', () => {
    const layout = new ConsultationLayout();
    layout.addRespondent('a/respondents.jsonl', '1', { Area: 'North' });
    layout.addRespondent('a/b/respondents.jsonl', '1', { Area: 'South' });
    expect(layout.responsesIn('a/question_part_1/responses.jsonl').answersOf('1')).toEqual({ Area: 'North' });
    expect(layout.responsesIn('a/b/question_part_1/responses.jsonl').answersOf('1')).toEqual({ Area: 'South' });
    expect(layout.responsesIn('c/question_part_1/responses.jsonl')).toMatchObject({ respondentsRead: false });
    expect(layout.responsesIn('a/question_part_1/responses.jsonl').answersOf('2')).toBeNull();
  });

  test('a choice goes under the question beside it, to the responses of every question of the consultation', () => {
    const layout = new ConsultationLayout();
    layout.addChoices('inputs/question_part_2/multi_choice.jsonl', '7', 'Agree');
    expect(layout.responsesIn('inputs/question_part_1/responses.jsonl').answersOf('7')).toEqual({ question_part_2: 'Agree' });
    layout.addQuestion('inputs/question_part_2/question.json', { text: 'Do you agree?', number: 2 });
    expect(layout.responsesIn('inputs/question_part_1/responses.jsonl').answersOf('7')).toEqual({ 'Do you agree?': 'Agree' });
    expect(layout.responsesIn('other/question_part_1/responses.jsonl').answersOf('7')).toBeNull();
  });

  test('the files that hold no feedback are read first, each group in the order given', () => {
    expect(isConsultationCompanion('x/respondents.jsonl')).toBe(true);
    expect(isConsultationCompanion('x/responses.jsonl')).toBe(false);
    const paths = ['a/q/responses.jsonl', 'a/q/question.json', 'a/notes.txt', 'a/respondents.jsonl'];
    expect(companionsFirst(paths, (path) => path)).toEqual([
      'a/q/question.json',
      'a/respondents.jsonl',
      'a/q/responses.jsonl',
      'a/notes.txt',
    ]);
  });
});
