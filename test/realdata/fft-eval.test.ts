import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { applySuggestions } from '../../src/analysis/codebook-patch.js';
import { codedRecordOf, type CodedRecord } from '../../src/analysis/coded-record.js';
import { evaluateCodebook } from '../../src/analysis/evaluation.js';
import { goldFromRecords } from '../../src/analysis/stored-gold.js';
import { suggestChanges } from '../../src/analysis/suggestions.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { parseGoldFile, type GoldFile } from '../../src/stats/gold-file.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { drawCodingSample, renderCodingSheet } from '../../src/run/coding-sample.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { PROJECT_ROOT, REALDATA_ROOT } from '../helpers/read-fixture.js';

const describeRealdata = REALDATA_ROOT === null ? describe.skip : describe;

/** The human label of each FFT comment (its `target` answer) → the theme id of fixtures/analysis/fft-codebook. */
const THEME_OF_TARGET: Readonly<Record<string, string>> = {
  Staff: 'staff',
  'Care received': 'care-received',
  Communication: 'communication',
  Access: 'access',
  'Environment/facilities': 'environment',
  Dignity: 'dignity',
  'Transition/coordination': 'transition',
  Miscellaneous: '',
};

const CODEBOOK_PATH = join(PROJECT_ROOT, 'fixtures/analysis/fft-codebook/themes.yaml');

let temp = '';
let records: FeedbackRecord[] = [];
let codebookText = '';
let codebook: Codebook;
/** The FFT comments coded by the first-draft codebook. */
let original: CodedRecord[] = [];

function targetOf(record: FeedbackRecord): string {
  const answers = record.meta['answers'];
  const target = answers !== null && typeof answers === 'object' && !Array.isArray(answers) ? answers['target'] : undefined;
  return typeof target === 'string' ? (THEME_OF_TARGET[target] ?? '') : '';
}

/** Every record coded by the real matcher, with its evidence, as the analysis commands read them. */
function coded(book: Codebook): CodedRecord[] {
  const assigner = new ThemeAssigner(book);
  return records.map((record) => codedRecordOf(assigner.assign(record)));
}

/** The FFT tests read 3,824 comments several times; on a busy machine that takes longer than jest's default. */
const SLOW = 180_000;

/** A gold file (tlap's CSV shape) of the given records, from their human codes. */
function goldOf(subset: readonly FeedbackRecord[]): GoldFile {
  const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
  return parseGoldFile(
    ['source_id,themes', ...subset.map((record) => `${quote(record.sourceId)},${targetOf(record)}`)].join('\n'),
    'fft-gold.csv',
  );
}

describeRealdata('tlap eval on the NHS Friends and Family Test comments coded by NHS staff', () => {
  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'tlap-fft-'));
    const store = join(temp, 'store');
    await ingest({ paths: ['nhs-fft-patient-feedback-human-coded.csv'], cwd: join(REALDATA_ROOT ?? '', 'consultation'), storeDir: store });
    for await (const record of readStoreRecords(store)) records.push(record);
    codebookText = await readFile(CODEBOOK_PATH, 'utf8');
    codebook = makeCodebook(codebookText, { file: CODEBOOK_PATH });
    original = coded(codebook);
  }, SLOW);

  afterAll(async () => {
    await rm(temp, { recursive: true, force: true });
    records = [];
    original = [];
  });

  test(
    'agrees with an independent computation of the same scores, and names the keyword behind each error',
    async () => {
      const { report } = await evaluateCodebook(codebook, original, goldOf(records));
      expect(report.records).toBe(3824);
      expect(report.missing_from_store).toBe(0);
      expect(report.missing_from_gold).toBe(0);

      // The independent computation: the matcher's themes per record, counted into 2×2 tables here.
      const assigner = new ThemeAssigner(codebook);
      const predicted = records.map((record) => new Set(assigner.assign(record).themeIds));
      let pooled = { tp: 0, fp: 0, fn: 0 };
      const f1s: number[] = [];
      for (const theme of codebook.themes) {
        let [tp, fp, fn, tn] = [0, 0, 0, 0];
        records.forEach((record, index) => {
          const p = predicted[index]?.has(theme.id) === true;
          const g = targetOf(record) === theme.id;
          if (p && g) tp += 1;
          else if (p) fp += 1;
          else if (g) fn += 1;
          else tn += 1;
        });
        const n = tp + fp + fn + tn;
        const precision = tp / (tp + fp);
        const recall = tp / (tp + fn);
        const f1 = (2 * precision * recall) / (precision + recall);
        const po = (tp + tn) / n;
        const pe = (((tp + fp) / n) * (tp + fn)) / n + (((fn + tn) / n) * (fp + tn)) / n;
        const mine = report.themes.find((entry) => entry.id === theme.id);
        expect(mine?.precision).toBeCloseTo(precision, 4);
        expect(mine?.recall).toBeCloseTo(recall, 4);
        expect(mine?.f1).toBeCloseTo(f1, 4);
        expect(mine?.kappa).toBeCloseTo((po - pe) / (1 - pe), 4);
        expect(mine?.support).toBe(tp + fn);
        expect(mine?.false_positives).toHaveLength(fp);
        expect(mine?.false_negatives).toHaveLength(fn);
        f1s.push(f1);
        pooled = { tp: pooled.tp + tp, fp: pooled.fp + fp, fn: pooled.fn + fn };
      }
      expect(report.macro_f1).toBeCloseTo(f1s.reduce((sum, value) => sum + value, 0) / f1s.length, 4);
      expect(report.micro_f1).toBeCloseTo((2 * pooled.tp) / (2 * pooled.tp + pooled.fp + pooled.fn), 4);
      expect(report.macro_f1_ci[0]).toBeLessThan(report.macro_f1);
      expect(report.macro_f1_ci[1]).toBeGreaterThan(report.macro_f1);
      // README, "Suggestions you can accept": the first draft on all 3,824 comments.
      expect([report.macro_f1, ...report.macro_f1_ci, report.micro_f1].map((score) => score.toFixed(3))).toEqual([
        '0.415',
        '0.387',
        '0.445',
        '0.577',
      ]);

      for (const theme of report.themes) {
        const keywords = new Set(codebook.themes.find((entry) => entry.id === theme.id)?.rules.map((rule) => rule.source));
        for (const error of theme.false_positives) {
          expect(error.keywords.length).toBeGreaterThan(0);
          for (const keyword of error.keywords) expect(keywords.has(keyword)).toBe(true);
        }
      }
    },
    SLOW,
  );

  test(
    "--gold-column target reads the staff's labels from the records themselves and scores as the gold mapped by hand does",
    async () => {
      const pointScores = { resamples: 0 };
      const byHand = await evaluateCodebook(codebook, original, goldOf(records), pointScores);
      const fromColumn = await evaluateCodebook(codebook, original, await goldFromRecords(records, 'target'), pointScores);
      expect(fromColumn.report.themes).toEqual(byHand.report.themes);
      expect(fromColumn.report.macro_f1).toBe(byHand.report.macro_f1);
      expect(fromColumn.report.gold_theme_labels).toHaveLength(7);
      expect(fromColumn.report.unknown_gold_themes.map((unknown) => unknown.theme)).toEqual(['Miscellaneous']);
    },
    SLOW,
  );

  test(
    "assign: single raises macro-F1 on the staff's single-label coding, by README's figures",
    async () => {
      const pointScores = { resamples: 0 };
      const single = makeCodebook(
        codebookText.replace(/^title: .*$/m, (title) => `${title}\nassign: single`),
        { file: 'single.yaml' },
      );
      const scores = async (book: Codebook, coding: CodedRecord[]): Promise<string[]> => {
        const { report } = await evaluateCodebook(book, coding, goldOf(records), pointScores);
        const pooled = report.themes.reduce(
          (sum, theme) => ({
            tp: sum.tp + theme.support - theme.false_negatives.length,
            fp: sum.fp + theme.false_positives.length,
            fn: sum.fn + theme.false_negatives.length,
          }),
          { tp: 0, fp: 0, fn: 0 },
        );
        return [report.macro_f1, pooled.tp / (pooled.tp + pooled.fp), pooled.tp / (pooled.tp + pooled.fn)].map((score) => score.toFixed(3));
      };
      // README, "Matching rules": macro-F1 0.415 -> 0.447, micro precision 0.557 -> 0.715, micro recall 0.598 -> 0.555.
      expect(await scores(codebook, original)).toEqual(['0.415', '0.557', '0.598']);
      expect(await scores(single, coded(single))).toEqual(['0.447', '0.715', '0.555']);
    },
    SLOW,
  );

  /** Suggestions drawn from one half of the coded comments, scored on the other: macro- and micro-F1 before and after. */
  async function halfSplit(drawFrom: readonly FeedbackRecord[], scoreOn: readonly FeedbackRecord[]) {
    // Point scores only: the bootstrap intervals (1,000 draws of 1,900 records each) are not read here.
    const pointScores = { resamples: 0 };
    const drawn = await evaluateCodebook(codebook, original, goldOf(drawFrom), pointScores);
    const { suggestions } = suggestChanges(codebook, drawn.records);
    const patched = makeCodebook(applySuggestions(codebookText, suggestions), { file: 'patched.yaml' });
    const before = await evaluateCodebook(codebook, original, goldOf(scoreOn), pointScores);
    const after = await evaluateCodebook(patched, coded(patched), goldOf(scoreOn), pointScores);
    return { changes: suggestions.length, before: before.report, after: after.report };
  }

  test(
    "accepting --suggest on one half of the coded comments raises macro-F1 on the other half, by README's figures",
    async () => {
      const evenHalf = records.filter((_, index) => index % 2 === 0);
      const oddHalf = records.filter((_, index) => index % 2 === 1);
      const evenToOdd = await halfSplit(evenHalf, oddHalf);
      const oddToEven = await halfSplit(oddHalf, evenHalf);
      const figures = (split: typeof evenToOdd): string[] => [
        String(split.changes),
        split.before.macro_f1.toFixed(3),
        split.after.macro_f1.toFixed(3),
        split.before.micro_f1.toFixed(3),
        split.after.micro_f1.toFixed(3),
      ];
      // README, "Suggestions you can accept": the table measured on real human coding.
      expect(figures(evenToOdd)).toEqual(['25', '0.416', '0.474', '0.581', '0.634']);
      expect(figures(oddToEven)).toEqual(['19', '0.416', '0.448', '0.573', '0.621']);
    },
    SLOW,
  );

  test(
    'three coding sheets of 200 drawn by tlap sample, coded with the NHS coding, each hold the scores on all 3,824 within their intervals',
    async () => {
      const { report: whole } = await evaluateCodebook(codebook, original, goldOf(records));
      const found: string[] = [];
      for (const seed of [1, 2, 3]) {
        const sample = await drawCodingSample(records, { size: 200, seed });
        const rows = parse(renderCodingSheet(sample, codebook, createRedactor(codebook)), { bom: true }) as string[][];
        const header = rows[0] ?? [];
        rows.slice(1).forEach((row, index) => {
          const record = sample.records[index];
          const target = record === undefined ? '' : targetOf(record);
          row[header.indexOf('coded')] = 'x';
          if (target !== '') row[header.indexOf(target)] = '1';
        });
        const sheet = parseGoldFile(stringify(rows), 'coding.csv');
        const { report } = await evaluateCodebook(codebook, original, sheet);
        expect(report.sample).toEqual({ rows: 200, coded: 200, coded_by_themes: 0, not_coded: 0, outside: 3624 });
        expect(report.records).toBe(200);
        found.push(`${report.macro_f1.toFixed(3)} (${report.macro_f1_ci.map((bound) => bound.toFixed(3)).join('–')})`);
        expect(report.macro_f1_ci[0]).toBeLessThan(whole.macro_f1);
        expect(report.macro_f1_ci[1]).toBeGreaterThan(whole.macro_f1);
      }
      expect(found).toEqual(['0.441 (0.301–0.559)', '0.373 (0.285–0.446)', '0.434 (0.327–0.538)']);
    },
    SLOW,
  );
});
