import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { applySuggestions } from '../../src/analysis/codebook-patch.js';
import { codedRecordOf, type CodedRecord } from '../../src/analysis/coded-record.js';
import { evaluateCodebook } from '../../src/analysis/evaluation.js';
import { suggestChanges } from '../../src/analysis/suggestions.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { readGoldFile, type GoldFile } from '../../src/stats/gold-file.js';
import { parseGoldJson } from '../../src/stats/gold-json.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { PROJECT_ROOT, REALDATA_ROOT } from '../helpers/read-fixture.js';

const describeRealdata = REALDATA_ROOT === null ? describe.skip : describe;
const CONSULTATION = join(REALDATA_ROOT ?? '', 'consultation');
const CODEBOOK_PATH = join(PROJECT_ROOT, 'fixtures/analysis/themefinder-gambling-codebook/themes.yaml');

let temp = '';
let codebookText = '';
let codebook: Codebook;
let records: FeedbackRecord[] = [];
let mappingLines: string[] = [];
let gold: GoldFile;

function coded(book: Codebook): CodedRecord[] {
  const assigner = new ThemeAssigner(book);
  return records.map((record) => codedRecordOf(assigner.assign(record)));
}

/** The mapping's lines whose response id is odd (or even), read as a gold with the whole mapping's topic labels. */
function half(odd: boolean): GoldFile {
  const lines = mappingLines.filter((line) => ((JSON.parse(line) as { response_id: number }).response_id % 2 === 1) === odd);
  const labels = gold.themeLabels;
  if (labels === undefined) throw new Error('the mapping was read without the topic labels of its themes.json');
  return { ...parseGoldJson(lines.join('\n'), 'mapping.jsonl'), themeLabels: labels };
}

describeRealdata("tlap eval on i.AI ThemeFinder's gambling evaluation set (question 1): its mapping as the gold", () => {
  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'tlap-themefinder-'));
    await mkdir(join(temp, 'mapping'));
    await copyFile(join(CONSULTATION, 'themefinder-gambling-q1-mapping.jsonl'), join(temp, 'mapping', 'mapping.jsonl'));
    await copyFile(join(CONSULTATION, 'themefinder-gambling-q1-themes.json'), join(temp, 'mapping', 'themes.json'));
    const store = join(temp, 'store');
    await ingest({ paths: ['themefinder-gambling-q1-responses.jsonl'], cwd: CONSULTATION, storeDir: store });
    for await (const record of readStoreRecords(store)) records.push(record);
    codebookText = await readFile(CODEBOOK_PATH, 'utf8');
    codebook = makeCodebook(codebookText, { file: CODEBOOK_PATH });
    gold = await readGoldFile(join(temp, 'mapping', 'mapping.jsonl'), 'mapping/mapping.jsonl');
    mappingLines = (await readFile(join(temp, 'mapping', 'mapping.jsonl'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
  });

  afterAll(async () => {
    await rm(temp, { recursive: true, force: true });
    records = [];
  });

  test('every response is matched to its mapping line, and every topic code the mapping uses to a theme through the labels of themes.json', async () => {
    const { report } = await evaluateCodebook(codebook, coded(codebook), gold, { resamples: 0 });
    expect(report.records).toBe(100);
    expect(report.missing_from_store).toBe(0);
    expect(report.missing_from_gold).toBe(0);
    expect(report.unknown_gold_themes).toEqual([]);
    expect(report.gold_code_labels_file).toBe('mapping/themes.json');
    expect(new Set(report.gold_theme_labels.map((entry) => entry.label))).toEqual(new Set('ABCDEFGHIJK'.split('')));
    expect(report.gold_theme_labels.find((entry) => entry.label === 'H')).toEqual({
      label: 'H',
      theme: 'normalisation',
      code_label: 'Cultural Normalization Concerns',
    });
    expect(report.macro_f1).toBeCloseTo(0.5146, 4);
    expect(report.micro_f1).toBeCloseTo(0.5271, 4);
  });

  test("suggestions drawn from either half never lower macro-F1 on the other, and never add the consultation's own subject", async () => {
    const pointScores = { resamples: 0 };
    const original = coded(codebook);
    const found: string[] = [];
    for (const trainOnOdd of [false, true]) {
      const drawn = await evaluateCodebook(codebook, original, half(trainOnOdd), pointScores);
      const { suggestions } = suggestChanges(codebook, drawn.records);
      expect(suggestions.map((entry) => entry.keyword)).not.toContain('gambling');
      const patched = makeCodebook(applySuggestions(codebookText, suggestions), { file: 'patched.yaml' });
      const before = await evaluateCodebook(codebook, original, half(!trainOnOdd), pointScores);
      const after = await evaluateCodebook(patched, coded(patched), half(!trainOnOdd), pointScores);
      expect(after.report.macro_f1).toBeGreaterThanOrEqual(before.report.macro_f1);
      found.push(`${before.report.macro_f1.toFixed(3)} → ${after.report.macro_f1.toFixed(3)}`);
    }
    expect(found).toEqual(['0.468 → 0.481', '0.499 → 0.499']);
  });
});
