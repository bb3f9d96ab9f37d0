import { describe, expect, test } from '@jest/globals';
import { ThemeReportBuilder } from '../../src/report/build-theme-report.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { RecordFactExtractor } from '../../src/report/record-facts.js';
import { FactsPacker, FactsReader, LINE_IN, releaseAnswer, WordNumberer } from '../../src/run/assign-worker-messages.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import type { ThemeReport } from '../../src/report/theme-report.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';

const CAMPAIGN = 'We the undersigned carers ask the council to keep the respite centre open and fund short breaks for every family.';

const codebook = makeCodebook(
  [
    { id: 'carers', label: 'Carers', keywords: ['carer', 'respite', 'short break'] },
    { id: 'money', label: 'Money', keywords: ['budget', 'cuts'], exclude: ['personal budget'] },
    { id: 'centre', label: 'Centre', parent: 'carers', keywords: ['centre'] },
  ],
  { file: 'themes.yaml' },
);

function records(): FeedbackRecord[] {
  const channels = ['survey', 'email', 'twitter'] as const;
  return Array.from({ length: 400 }, (_unused, index) =>
    makeRecord({
      sourceId: `f${index}`,
      channel: channels[index % 3] ?? 'survey',
      author: index % 4 === 0 ? null : `person${index % 30}`,
      date: index % 9 === 0 ? null : `2024-0${1 + (index % 5)}-0${1 + (index % 9)}T09:00:00Z`,
      meta: index % 3 === 0 ? { question: `Q${index % 2} What helps?` } : {},
      text:
        index % 6 === 0
          ? index % 12 === 0
            ? CAMPAIGN
            : `${CAMPAIGN} Please.`
          : index % 10 === 5
            ? `Parking near the leisure pool ${index}.`
            : index % 5 === 0
              ? `Parking and bus routes ${index % 4} trouble Jane Smith at jane${index}@example.org near the leisure pool.`
              : index % 7 === 0
                ? 'The personal budget cuts hurt; the centre closed.'
                : `Carers need respite number ${index}, and the budget matters.`,
    }),
  );
}

function newBuilder(book: Codebook): ThemeReportBuilder {
  return new ThemeReportBuilder(book, { redact: createRedactor(book), includeAuthors: false, toolVersion: '9.9.9' });
}

/** The report built on one thread: every record added whole, then offered again for unthemed quotes. */
function onOneThread(book: Codebook, all: readonly FeedbackRecord[]): ThemeReport {
  const assigner = new ThemeAssigner(book);
  const builder = newBuilder(book);
  for (const record of all) {
    const { themed, tokens } = assigner.assignWithTokens(record);
    builder.add(themed, builder.wordIdsOf(tokens));
  }
  for (const record of all) builder.offerUnthemedQuote(record);
  return builder.finish();
}

/**
 * The report built as the parallel path builds it, with its "workers" in this thread: batches go
 * round `workers` extractors, whose facts cross a packed answer and are added in order, and
 * whose order-free counts are merged at the end. Each worker numbers a word once per generation of
 * its word table, as a worker's assigner asks, and its table starts afresh every `recordsAfresh`
 * records (mid-batch too).
 */
function fromFacts(
  book: Codebook,
  all: readonly FeedbackRecord[],
  workers: number,
  batchSize: number,
  recordsAfresh = Infinity,
): ThemeReport {
  const assigner = new ThemeAssigner(book);
  const builder = newBuilder(book);
  const pool = Array.from({ length: workers }, () => {
    const table = { generation: 0, records: 0, numbers: new Map<string, number>() };
    const numberer = new WordNumberer(() => table.generation);
    const numberWord = (word: string, stem: string): number => {
      const known = table.numbers.get(word);
      if (known !== undefined) return known;
      const id = numberer.number(word, stem);
      table.numbers.set(word, id);
      return id;
    };
    const beginRecord = (): void => {
      table.records += 1;
      if (table.records % recordsAfresh !== 0) return;
      table.generation += 1;
      table.numbers.clear();
    };
    return {
      numberWord,
      beginRecord,
      extractor: new RecordFactExtractor(book, (id) => numberer.word(id), true),
      numberer,
      packer: new FactsPacker(),
      mapping: builder.wordMapping(),
    };
  });
  const facts = ThemeReportBuilder.emptyFacts();
  const lineOf = new Map(all.map((record, index) => [record, index + 1]));
  const unreadLines: string[] = [];
  for (let start = 0, batch = 0; start < all.length; start += batchSize, batch += 1) {
    const worker = pool[batch % workers];
    if (worker === undefined) throw new Error('no worker');
    const lines = all.slice(start, start + batchSize);
    for (const record of lines) {
      const { themed, tokens } = assigner.assignWithTokens(record);
      worker.beginRecord();
      const ids = Int32Array.from(tokens.map((token) => worker.numberWord(token.word, token.stem)));
      if (batch % 2 === 0) worker.packer.prepare(worker.extractor.facts);
      worker.packer.add(worker.extractor.extract(themed, ids), ids);
    }
    const newWords = worker.numberer.takeNew();
    for (let index = 0; index + 1 < newWords.length; index += 2) worker.mapping.adopt(newWords[index] ?? '', newWords[index + 1] ?? '');
    const answer = worker.packer.take(batch, newWords, lines.length, null);
    const reader = new FactsReader(answer);
    for (const record of lines) {
      const outcome = reader.next(facts);
      if (outcome !== LINE_IN) {
        unreadLines.push(`${record.sourceId}: ${outcome}`);
        continue;
      }
      const words = { ids: answer.ints, start: reader.wordsAt, end: reader.wordsAt + facts.words, mapping: worker.mapping };
      builder.addFacts(facts, words, { read: () => record, hold: () => () => record, line: () => lineOf.get(record) ?? 0 });
    }
    releaseAnswer(answer);
  }
  expect(unreadLines).toEqual([]);
  for (const worker of pool) builder.mergeCounts(worker.extractor.counts);
  const wanted = builder.keptUnthemedQuoteLines();
  builder.offerKeptUnthemedQuotes(new Map(wanted.flatMap((line) => all.slice(line - 1, line).map((record) => [line, record] as const))));
  return builder.finish();
}

describe('a report built from facts found on other threads', () => {
  test('is the report built on one thread, whatever the workers and batch size', () => {
    const all = records();
    const expected = onOneThread(codebook, all);
    expect([expected.campaignsTotal > 0, expected.unthemedTerms.length > 0, expected.unthemedSample.length > 0]).toEqual([
      true,
      true,
      true,
    ]);
    for (const [workers, batchSize] of [
      [1, 400],
      [2, 7],
      [3, 50],
    ] as const) {
      expect(fromFacts(codebook, all, workers, batchSize)).toEqual(expected);
    }
  });

  test('counts voices per channel as on one thread: the ten authors of each channel and each of its records without one', () => {
    const all = records();
    const expected = onOneThread(codebook, all);
    expect(expected.byChannel).toEqual([
      { channel: 'twitter', count: 133, voices: 10 + 33 },
      { channel: 'email', count: 133, voices: 10 + 33 },
      { channel: 'survey', count: 134, voices: 10 + 34 },
    ]);
    expect(expected.voicesTotal).toBe(30 + 100);
    for (const [workers, batchSize] of [
      [2, 7],
      [3, 50],
    ] as const) {
      expect(fromFacts(codebook, all, workers, batchSize).byChannel).toEqual(expected.byChannel);
    }
  });

  test("is the same when the workers' word tables start afresh, between batches and within them", () => {
    const all = records();
    const expected = onOneThread(codebook, all);
    for (const [workers, batchSize, recordsAfresh] of [
      [1, 400, 3],
      [2, 7, 5],
      [3, 50, 40],
    ] as const) {
      expect(fromFacts(codebook, all, workers, batchSize, recordsAfresh)).toEqual(expected);
    }
  });

  test('is the same with respondents who did not agree to publication', () => {
    const all = records().map((record, index) =>
      index % 4 === 1
        ? { ...record, meta: { ...record.meta, answers: { 'May we publish your response?': 'Do not publish response' } } }
        : record,
    );
    const expected = onOneThread(codebook, all);
    expect(expected.declinedPublication.records).toBeGreaterThan(1);
    expect(fromFacts(codebook, all, 2, 16)).toEqual(expected);
  });

  test('is the same with quotes excluded by id and by source id', () => {
    const all = records();
    const book = { ...codebook, quotes: { ...codebook.quotes, exclude: [all[1]?.id ?? '', all[12]?.sourceId ?? '', 'nobody'] } };
    const expected = onOneThread(book, all);
    expect(expected.quoteExclusions.records).toBe(2);
    expect(fromFacts(book, all, 2, 16)).toEqual(expected);
  });

  test('is the same with records split by respondent group, several questions matched and some unanswered', () => {
    const groups = ['Individual', 'On behalf of an organisation', null, 'Individual', null] as const;
    const all = records().map((record, index) => {
      const group = groups[index % groups.length] ?? null;
      const answers = group === null ? {} : { 'Are you responding as an individual or on behalf of an organisation?': group };
      return { ...record, meta: { ...record.meta, answers: index % 7 === 0 ? { ...answers, 'Responding as a carer?': 'Yes' } : answers } };
    });
    const book = { ...codebook, report: { groups: 'RESPONDING AS' } };
    const expected = onOneThread(book, all);
    expect(expected.groups?.questions).toHaveLength(2);
    expect(expected.breakdowns.find((entry) => entry.dimension === 'group')?.cells.map((entry) => entry.key)).toEqual([
      'Individual',
      'On behalf of an organisation',
      'Yes',
      '(no answer)',
    ]);
    for (const [workers, batchSize] of [
      [1, 400],
      [2, 7],
      [3, 50],
    ] as const) {
      expect(fromFacts(book, all, workers, batchSize)).toEqual(expected);
    }
  });
});

describe('a worker numbering words', () => {
  test('numbers each word it is given anew, in order, and gives them as word then stem once', () => {
    const numberer = new WordNumberer(() => 0);
    expect([numberer.number('cats', 'cat'), numberer.number('dog', 'dog'), numberer.number('cats', 'cat')]).toEqual([0, 1, 2]);
    expect(numberer.takeNew()).toEqual(['cats', 'cat', 'dog', 'dog', 'cats', 'cat']);
    expect(numberer.takeNew()).toEqual([]);
    expect([numberer.word(0), numberer.word(1), numberer.word(2)]).toEqual(['cats', 'dog', 'cats']);
  });

  test("holds only the words of its word table's current generation", () => {
    const table = { generation: 0 };
    const numberer = new WordNumberer(() => table.generation);
    numberer.number('cats', 'cat');
    numberer.number('dog', 'dog');
    table.generation = 1;
    expect(numberer.number('cats', 'cat')).toBe(2);
    expect(numberer.word(2)).toBe('cats');
    expect(() => numberer.word(1)).toThrow('word 1 was not numbered');
    expect(numberer.takeNew()).toEqual(['cats', 'cat', 'dog', 'dog', 'cats', 'cat']);
  });
});

describe('an answer read to its end', () => {
  test('is released: its arrays are emptied, their memory handed to a buffer nothing holds', () => {
    const assigner = new ThemeAssigner(codebook);
    const numberer = new WordNumberer(() => 0);
    const extractor = new RecordFactExtractor(codebook, (id) => numberer.word(id), true);
    const packer = new FactsPacker();
    for (const record of records().slice(0, 20)) {
      const { themed, tokens } = assigner.assignWithTokens(record);
      const ids = Int32Array.from(tokens.map((token) => numberer.number(token.word, token.stem)));
      packer.add(extractor.extract(themed, ids), ids);
    }
    const answer = packer.take(0, numberer.takeNew(), 20, Int32Array.of(0, 0, 1));
    expect([answer.ints.length > 0, answer.hashes.length, answer.sketches.length > 0, answer.spans?.length]).toEqual([true, 40, true, 3]);
    releaseAnswer(answer);
    expect([answer.ints.length, answer.hashes.length, answer.sketches.length, answer.spans?.length]).toEqual([0, 0, 0, 0]);
    expect(answer.ints.buffer.byteLength).toBe(0);
  });
});
