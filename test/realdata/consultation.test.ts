import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readDelimitedTable } from '../../src/adapters/readers/delimited-table.js';
import { openInputSource } from '../../src/source/input-source.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { RespondentGroupReader } from '../../src/report/respondent-group-reader.js';
import { voiceKeyOf } from '../../src/report/voice-tally.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { withTempDir } from '../builders/temp-dir.js';
import { countItems, readFileItems, recordsOf, REALDATA_ROOT, inputErrorOf as inputErrorOfFile } from '../helpers/read-fixture.js';

const describeRealdata = REALDATA_ROOT === null ? describe.skip : describe;
const folder = join(REALDATA_ROOT ?? '', 'consultation');
const file = (name: string): string => join(folder, name);
const reads = new Map<string, ReturnType<typeof readFileItems>>();
/** Reads a file of the folder once (as ingest does, shown by its bare name) and shares the result between tests. */
function read(name: string): ReturnType<typeof readFileItems> {
  const cached = reads.get(name) ?? readFileItems(file(name), { displayPath: name });
  reads.set(name, cached);
  return cached;
}

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

/** Texts that hold U+FFFD, an e-mail address, an HTML tag, a `>` quote line or untrimmed space: there should be none. */
function uncleanTexts(records: readonly FeedbackRecord[]): string[] {
  return records
    .map((record) => record.text)
    .filter(
      (text) =>
        text.includes('\ufffd') ||
        EMAIL.test(text) ||
        /<\/?(p|br|div|span|a|b|i|em|strong|ul|ol|li|html|body|img|script)\b[^>]*>/i.test(text) ||
        /^>/m.test(text) ||
        text !== text.trim(),
    );
}

async function inputErrorOf(name: string): Promise<{ message: string; hint: string | undefined }> {
  return inputErrorOfFile(file(name), name);
}

describeRealdata('realdata: consultation/nhs-fft-patient-feedback-human-coded.csv', () => {
  const name = 'nhs-fft-patient-feedback-human-coded.csv';

  test('read as a long-format survey: one record per non-sentinel feedback cell, 3,832 rows in all', async () => {
    const result = await read(name);
    expect(result.error).toBeNull();
    expect(result.format).toBe('survey-csv');
    // 3,832 rows: 4 NULL, 2 N/A, 1 n/a and 1 #NAME? (an Excel error) are sentinels; the other 3,824 are answers.
    expect(countItems(result)).toEqual({ record: 3824, 'filtered:sentinel-value': 8, warning: 1 });
    const sentinels = result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []));
    expect(sentinels.sort()).toEqual([
      '"#NAME?" in column "feedback"',
      '"N/A" in column "feedback"',
      '"N/A" in column "feedback"',
      '"NULL" in column "feedback"',
      '"NULL" in column "feedback"',
      '"NULL" in column "feedback"',
      '"NULL" in column "feedback"',
      '"n/a" in column "feedback"',
    ]);
  });

  test('only `feedback` is free text; the question comes from the `question` column; codes are answers', async () => {
    const records = recordsOf(await read(name));
    const first = records[0];
    expect(first).toMatchObject({
      channel: 'survey',
      format: 'survey-csv',
      text: 'Nothing.',
      meta: { question: 'Trust A - Q1', answers: { code: 'xn', target: 'Miscellaneous', criticality: '-9', trust: 'Trust A' } },
      provenance: { file: name, line: 2, row: 1 },
    });
    expect(first?.sourceId).toMatch(/^content:[0-9a-f]{20}$/);
    expect(new Set(records.map((record) => record.meta['question']))).toEqual(
      new Set(['Trust A - Q1', 'Trust A - Q2', 'Trust B - Q1', 'Trust C - Q1']),
    );
    expect(new Set(records.map((record) => record.sourceId)).size).toBe(records.length);
    expect(records.at(-1)).toMatchObject({ text: '😊 Happy', meta: { question: 'Trust C - Q1' } });
    expect(records.filter((record) => record.text === 'None')).toHaveLength(5);
  });

  test('the 16 stray cp1252 bytes on 14 lines are decoded (no U+FFFD) and the warning names every line', async () => {
    const result = await read(name);
    const warnings = result.items.filter((item) => item.kind === 'warning');
    expect(warnings).toEqual([
      {
        kind: 'warning',
        code: 'ENCODING_FALLBACK',
        message:
          '14 lines were not valid UTF-8 and were read as Windows-1252 (lines 1026, 1041, 1042, 1043, 1276, 1373, 1451, 1473, 1474, 1498, 1772, 1814, 1962, 1968)',
        provenance: { file: name, line: 1026 },
      },
    ]);
    const records = recordsOf(result);
    expect(uncleanTexts(records)).toEqual([]);
    expect(records.find((record) => record.provenance.row === 939)).toMatchObject({
      text: '“excellent care, very happy”',
      provenance: { line: 1041 },
    });
    const wife = records.find((record) => record.provenance.row === 936);
    expect(wife?.text.startsWith('Contact made with patient’s wife. Family are extremely happy')).toBe(true);
    expect(wife?.provenance.line).toBe(1025);
    expect(records.find((record) => record.provenance.row === 1363)?.text).toContain('time slot is up...…..do this');
  });

  test('the 104 multi-line cells are read whole (92 keep an inner line break once trimmed)', async () => {
    const source = await openInputSource(file(name), { displayPath: name });
    let multiLine = 0;
    let rows = 0;
    for await (const event of readDelimitedTable(source)) {
      if (event.kind !== 'row') continue;
      rows += 1;
      if ((event.cells[2] ?? '').includes('\n')) multiLine += 1;
    }
    expect(rows).toBe(3832);
    expect(multiLine).toBe(104);
    const records = recordsOf(await read(name));
    expect(records.filter((record) => record.text.includes('\n'))).toHaveLength(92);
  });
});

describeRealdata('realdata: consultation/polis-bowling-green-ky-comments.csv', () => {
  const name = 'polis-bowling-green-ky-comments.csv';

  test('896 comments: 607 kept, 289 removed by the moderators', async () => {
    const result = await read(name);
    expect(result.format).toBe('polis');
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 607, 'filtered:moderated-out': 289 });
    const removed = result.items.find((item) => item.kind === 'filtered');
    expect(removed).toEqual({
      kind: 'filtered',
      rule: 'moderated-out',
      provenance: { file: name, line: 5, row: 4 },
      sourceId: '892',
      detail: 'moderated = -1 (removed by the moderators)',
    });
  });

  test('records carry the comment id, the participant, UTC dates from epoch milliseconds and the vote counts', async () => {
    const records = recordsOf(await read(name));
    expect(records[0]).toMatchObject({
      sourceId: '895',
      channel: 'survey',
      author: '1756',
      date: '2018-02-13T05:58:16.471Z',
      text: 'Smallhouse Rd (at Campbell Ln) heading into town needs to be widened to have room for three lanes (left turn, straight, right turn).',
      meta: { agrees: 48, disagrees: 8, moderated: 1 },
      provenance: { file: name, line: 2, row: 1 },
    });
    expect(records.at(-1)).toMatchObject({
      sourceId: '0',
      date: '2018-02-02T20:34:40.343Z',
      text: 'Local schools should help make up the pension fund crisis by learning to live with budget cuts.',
    });
    expect(records.find((record) => record.sourceId === '847')?.text).toBe(
      'Build parking garage behind Spencer’s, remove some parking from Ft. Square. Add a green space on top of garage! Soccer field or rooftop food',
    );
    expect(uncleanTexts(records)).toEqual([]);
  });
});

describeRealdata('realdata: consultation/polis-bowling-green-ky-summary.csv', () => {
  test('a key,value summary is not responses: it fails with a message naming the right file', async () => {
    const name = 'polis-bowling-green-ky-summary.csv';
    expect(await inputErrorOf(name)).toEqual({
      message: `${name}: a Pol.is conversation summary (key,value lines: topic, url, views, comments…), not a table of comments`,
      hint: "ingest the conversation's comments.csv instead",
    });
    const result = await read(name);
    expect(result.format).toBe('polis');
    expect(result.items).toEqual([]);
  });
});

describeRealdata('realdata: consultation/themefinder-consultation-export-lgr-format.csv', () => {
  const name = 'themefinder-consultation-export-lgr-format.csv';

  test('5 respondents x 2 free-text questions = 10 records; the Likert and profile columns are answers', async () => {
    const result = await read(name);
    expect(result.format).toBe('survey-csv');
    expect(countItems(result)).toEqual({ record: 10 });
    const records = recordsOf(result);
    const q8 = 'Prop 1 Q8 - Please use this space to explain your answers to questions 1-7';
    const p2q8 = 'Prop 2 Q8 - Please use this space to explain your answers to questions 1-7';
    expect(records.map((record) => record.meta['question'])).toEqual([q8, p2q8, q8, p2q8, q8, p2q8, q8, p2q8, q8, p2q8]);
    expect(records[0]).toMatchObject({
      text: 'I support this because it provides better local services for residents',
      meta: {
        answers: {
          'Respondent type - Respondent type': 'Individual',
          'Location - address': 'Derbyshire',
          'Organisation type - Organisation type': 'Other',
          'Prop 1 Q1 - Do you agree or disagree with the proposal?': 'Strongly agree',
          'Prop 1 Q2 - To what extent do you agree the councils will deliver the outcomes?': 'Agree',
          'Prop 2 Q1 - Do you agree or disagree with this proposal?': 'Strongly agree',
        },
      },
      provenance: { file: name, line: 2, row: 1 },
    });
    expect(records[0]?.meta['respondent']).toBeUndefined();
    expect(records.at(-1)).toMatchObject({
      text: 'The same concerns apply equally to the second proposal here',
      provenance: { line: 6, row: 5 },
    });
    expect(new Set(records.map((record) => record.sourceId)).size).toBe(10);
    expect(uncleanTexts(records)).toEqual([]);
  });
});

describeRealdata('realdata: consultation/themefinder-gambling-q1-responses.jsonl', () => {
  test('read alone by the themefinder reader: a survey answer per line, for its respondent, saying what it lacks', async () => {
    const name = 'themefinder-gambling-q1-responses.jsonl';
    const result = await read(name);
    expect(result.format).toBe('themefinder');
    expect(countItems(result)).toEqual({ record: 100, warning: 1 });
    const records = recordsOf(result);
    expect(records[0]).toMatchObject({
      sourceId: '1001:themefinder-gambling-q1',
      channel: 'survey',
      text: "Yes, absolutely ban them. My son started gambling after seeing these ads during football matches. It's predatory marketing targeting vulnerable people when they're relaxed and enjoying sports.",
      meta: { respondent: '1001' },
      provenance: { file: name, line: 1 },
    });
    expect(records.at(-1)).toMatchObject({
      sourceId: '1100:themefinder-gambling-q1',
      text: 'Sports needs to find ethical sponsors. Short-term pain for long-term gain.',
    });
    expect(uncleanTexts(records)).toEqual([]);
  });
});

describeRealdata('realdata: the ThemeFinder gambling set ingested together (responses, question, respondents)', () => {
  const QUESTION =
    'Should gambling advertisements be completely banned during televised sporting events, and what impact do you think this would have on sports viewing and gambling behavior?';
  const NAMES = [
    'themefinder-gambling-q1-responses.jsonl',
    'themefinder-gambling-q1-question.json',
    'themefinder-gambling-respondents.jsonl',
  ];

  async function ingested(cwd: string, paths: readonly string[]): Promise<{ summary: IngestSummary; records: FeedbackRecord[] }> {
    return withTempDir(async (dir) => {
      const storeDir = join(dir, 'store');
      const summary = await ingest({ paths, cwd, storeDir });
      const records: FeedbackRecord[] = [];
      for await (const record of readStoreRecords(storeDir)) records.push(record);
      return { summary, records };
    });
  }

  /** The respondents file's own count of each answer to `question`. */
  function answerCounts(question: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const line of readFileSync(file('themefinder-gambling-respondents.jsonl'), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const answer = (JSON.parse(line) as { demographic_data: Record<string, string> }).demographic_data[question] ?? '';
      counts[answer] = (counts[answer] ?? 0) + 1;
    }
    return counts;
  }

  test('the files as published, named in any order: 100 answers with their question and respondents, nothing rejected', async () => {
    const { summary, records } = await ingested(folder, NAMES);
    expect(summary).toMatchObject({ read: 201, added: 100, filtered: 101, rejected: 0, warnings: [] });
    expect(summary.filteredByRule).toEqual({ 'closed-answers': 100, 'consultation-question': 1 });
    expect(records).toHaveLength(100);
    expect(records.every((record) => record.channel === 'survey' && record.meta['question'] === QUESTION)).toBe(true);
    expect(new Set(records.map((record) => voiceKeyOf(record))).size).toBe(100);
    for (const question of ['Do you live in:', 'Do you consider yourself to have a health condition or a disability?']) {
      const reader = new RespondentGroupReader(question);
      const groups: Record<string, number> = {};
      for (const record of records) groups[reader.groupOf(record)] = (groups[reader.groupOf(record)] ?? 0) + 1;
      expect(groups).toEqual(answerCounts(question));
    }
    expect(answerCounts('Do you live in:')).toEqual({ England: 59, Scotland: 16, Wales: 15, 'Northern Ireland': 10 });
  });

  test('laid out as ThemeFinder takes it, with the answers given again as a second question: 200 records, still 100 voices', async () => {
    await withTempDir(async (dir) => {
      for (const part of ['question_part_1', 'question_part_2']) {
        mkdirSync(join(dir, 'inputs', part), { recursive: true });
        copyFileSync(file('themefinder-gambling-q1-question.json'), join(dir, 'inputs', part, 'question.json'));
        copyFileSync(file('themefinder-gambling-q1-responses.jsonl'), join(dir, 'inputs', part, 'responses.jsonl'));
      }
      copyFileSync(file('themefinder-gambling-respondents.jsonl'), join(dir, 'inputs', 'respondents.jsonl'));
      const { summary, records } = await ingested(dir, ['inputs']);
      expect(summary).toMatchObject({ read: 302, added: 200, filtered: 102, rejected: 0, warnings: [] });
      expect(new Set(records.map((record) => record.meta['questionId']))).toEqual(new Set(['question_part_1', 'question_part_2']));
      expect(new Set(records.map((record) => voiceKeyOf(record))).size).toBe(100);
    });
  });
});

describeRealdata(
  'realdata: ThemeFinder output files (a mapping, a theme framework) are refused as not feedback, saying what they are for',
  () => {
    test.each([
      [
        'themefinder-gambling-q1-mapping.jsonl',
        'a ThemeFinder mapping of responses to topics (response_id, labels, stances): coding of the feedback, not feedback',
        'score a codebook against it as gold (README, "Gold as JSON"); ingest the responses.jsonl it codes',
      ],
      [
        'themefinder-gambling-q1-themes.json',
        'a ThemeFinder theme framework (topic_id, topic_label, topic_description): themes, not feedback',
        'it names the topics of the mapping.jsonl beside it, which scores a codebook as gold (README, "Gold as JSON")',
      ],
    ])('%s', async (name, message, hint) => {
      expect(await inputErrorOf(name)).toEqual({ message: `${name}: ${message}`, hint });
      expect((await read(name)).format).toBe('themefinder');
    });
  },
);
