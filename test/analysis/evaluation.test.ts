import { describe, expect, test } from '@jest/globals';
import { evaluateCodebook } from '../../src/analysis/evaluation.js';
import { parseGoldFile } from '../../src/stats/gold-file.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { codeRecords } from './coded-records.js';

const codebook = makeCodebook([
  { id: 'parking', keywords: ['parking', 'car'] },
  { id: 'staff', keywords: ['staff', 'nurse'] },
  { id: 'unused', keywords: ['zebra'] },
]);

const recordTexts = [
  { sourceId: 'a', text: 'No parking anywhere near the clinic.' },
  { sourceId: 'b', text: 'The car park charges are too high.' },
  { sourceId: 'c', text: 'Staff were kind, but the car park was full.' },
  { sourceId: 'd', text: 'The nurse was rude.' },
  { sourceId: 'e', text: 'Lovely receptionist and helpful doctors.' },
  { sourceId: 'f', text: 'I took the car and a nurse met me.' },
  { sourceId: 'g', text: 'Not in the gold.' },
];
const records = codeRecords(codebook, recordTexts);

const gold = parseGoldFile(
  ['source_id,themes', 'a,parking', 'b,parking', 'c,staff', 'd,staff', 'e,staff', 'f,', 'z,staff', 'e2,transport'].join('\n'),
  'gold.csv',
);

describe('evaluateCodebook', () => {
  test('a coding sheet scores its rows marked coded, says how many are not yet, and counts the rest of the store as outside it, not missing', async () => {
    const idOf = (sourceId: string): string => records.find((item) => item.record.sourceId === sourceId)?.record.id ?? '';
    const sheet = parseGoldFile(
      ['id,text,coded,parking,staff', `${idOf('a')},,x,1,`, `${idOf('d')},,x,,1`, `${idOf('e')},,,,`, 'gone,,x,1,'].join('\n'),
      'coding.csv',
    );
    const { report } = await evaluateCodebook(codebook, records, sheet, { resamples: 0 });
    expect(report.records).toBe(2);
    expect(report.sample).toEqual({ rows: 4, coded: 3, coded_by_themes: 0, not_coded: 1, outside: 4 });
    expect(report).toMatchObject({
      missing_from_gold: 0,
      missing_from_gold_ids: [],
      missing_from_store: 1,
      missing_from_store_ids: ['gone'],
    });
    expect((await evaluateCodebook(codebook, records, gold, { resamples: 0 })).report.sample).toBeNull();
  });

  test('a coding sheet row that marks a theme with its coded cell empty is scored, and counted as coded by its themes', async () => {
    const idOf = (sourceId: string): string => records.find((item) => item.record.sourceId === sourceId)?.record.id ?? '';
    const sheet = parseGoldFile(
      ['id,text,coded,parking,staff', `${idOf('a')},,x,1,`, `${idOf('d')},,,,1`, `${idOf('e')},,,,`].join('\n'),
      'coding.csv',
    );
    const { report } = await evaluateCodebook(codebook, records, sheet, { resamples: 0 });
    expect(report.records).toBe(2);
    expect(report.sample).toEqual({ rows: 3, coded: 2, coded_by_themes: 1, not_coded: 1, outside: 4 });
  });

  test('per theme precision, recall, F1, kappa and support over the records in both; worked by hand', async () => {
    const { report } = await evaluateCodebook(codebook, records, gold);
    expect(report.records).toBe(6);
    // parking: predicted a, b, c, f; gold a, b → tp 2, fp 2, fn 0, tn 2.
    // staff: predicted c, d, f; gold c, d, e → tp 2, fp 1, fn 1, tn 2.
    const [parking, staff, unused] = report.themes;
    expect(parking).toMatchObject({ id: 'parking', precision: 0.5, recall: 1, f1: 0.6667, support: 2 });
    expect(parking?.kappa).toBeCloseTo((4 / 6 - (4 * 2 + 2 * 4) / 36) / (1 - (4 * 2 + 2 * 4) / 36), 4);
    expect(staff).toMatchObject({ id: 'staff', precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 });
    expect(unused).toMatchObject({ id: 'unused', f1: 0, support: 0 });
    expect(report.macro_f1).toBeCloseTo(2 / 3, 4);
    expect(report.micro_f1).toBeCloseTo((2 * 4) / (2 * 4 + 3 + 1), 4);
    expect(report.macro_f1_ci[0]).toBeLessThanOrEqual(report.macro_f1);
    expect(report.macro_f1_ci[1]).toBeGreaterThanOrEqual(report.macro_f1_ci[0]);
    expect(report.bootstrap).toEqual({ resamples: 1000, seed: 20_260_801 });
  });

  test('each false positive names the keywords behind it; each false negative its telling words; both give the record by id and text', async () => {
    const { report } = await evaluateCodebook(codebook, records, gold);
    const [c, e, f] = ['c', 'e', 'f'].map((sourceId) => records.find((item) => item.record.sourceId === sourceId)?.record);
    expect(report.themes[0]?.false_positives).toEqual([
      { id: c?.id, source_id: 'c', keywords: ['car', 'parking'], text: c?.text },
      { id: f?.id, source_id: 'f', keywords: ['car'], text: f?.text },
    ]);
    expect(report.themes[1]?.false_positives).toEqual([{ id: f?.id, source_id: 'f', keywords: ['nurse'], text: f?.text }]);
    expect(report.themes[1]?.false_negatives).toEqual([{ id: e?.id, source_id: 'e', words: expect.any(Array), text: e?.text }]);
  });

  test("a gold theme named by a theme's label (any case or spacing) is read as that theme, and listed as read so", async () => {
    const labelled = makeCodebook([
      { id: 'parking', label: 'Car parking', keywords: ['parking', 'car'] },
      { id: 'staff', label: 'Staff attitude', keywords: ['staff', 'nurse'] },
      { id: 'unused', keywords: ['zebra'] },
    ]);
    const byId = await evaluateCodebook(labelled, codeRecords(labelled, recordTexts), gold);
    const byLabel = parseGoldFile(
      [
        'source_id,themes',
        'a,car parking',
        'b,Car  Parking',
        'c,Staff attitude',
        'd,staff',
        'e,STAFF ATTITUDE',
        'f,',
        'z,staff',
        'e2,transport',
      ].join('\n'),
      'gold.csv',
    );
    const { report } = await evaluateCodebook(labelled, codeRecords(labelled, recordTexts), byLabel);
    expect(report.themes).toEqual(byId.report.themes);
    expect(report.gold_theme_labels).toEqual([
      { label: 'car parking', theme: 'parking' },
      { label: 'Car  Parking', theme: 'parking' },
      { label: 'Staff attitude', theme: 'staff' },
      { label: 'STAFF ATTITUDE', theme: 'staff' },
    ]);
    expect(report.unknown_gold_themes).toEqual([{ theme: 'transport', records: 1, first_line: 9 }]);
  });

  test("a gold theme that is one theme's id and another's label is the theme with that id", async () => {
    const crossed = makeCodebook([
      { id: 'parking', label: 'staff', keywords: ['parking', 'car'] },
      { id: 'staff', label: 'Staff attitude', keywords: ['staff', 'nurse'] },
    ]);
    const { report } = await evaluateCodebook(crossed, codeRecords(crossed, recordTexts), gold);
    expect(report.gold_theme_labels).toEqual([]);
    expect(report.themes.find((theme) => theme.id === 'staff')?.support).toBe(3);
    expect(report.themes.find((theme) => theme.id === 'parking')?.support).toBe(2);
  });

  test("a code the gold file gives a label (ThemeFinder's topic A) is the theme with that label or id; an id or label the gold writes itself comes first", async () => {
    const coded = parseGoldFile(['source_id,themes', 'a,A', 'b,A', 'c,S', 'd,staff', 'e,S', 'f,Q'].join('\n'), 'mapping.csv');
    const withCodes = {
      ...coded,
      themeLabels: {
        labels: new Map([
          ['A', 'Car parking'],
          ['S', 'staff'],
          ['Q', 'Queues'],
          ['staff', 'Car parking'],
        ]),
        file: 'themes.json',
      },
    };
    const labelled = makeCodebook([
      { id: 'parking', label: 'Car Parking', keywords: ['parking', 'car'] },
      { id: 'staff', label: 'Staff attitude', keywords: ['staff', 'nurse'] },
    ]);
    const { report } = await evaluateCodebook(labelled, codeRecords(labelled, recordTexts), withCodes);
    expect(report.gold_code_labels_file).toBe('themes.json');
    expect(report.gold_theme_labels).toEqual([
      { label: 'A', theme: 'parking', code_label: 'Car parking' },
      { label: 'S', theme: 'staff', code_label: 'staff' },
    ]);
    expect(report.unknown_gold_themes.map((unknown) => unknown.theme)).toEqual(['Q']);
    expect(report.themes.find((theme) => theme.id === 'staff')?.support).toBe(3);
    expect(report.themes.find((theme) => theme.id === 'parking')?.support).toBe(2);
  });

  test("each keyword's precision on the gold, null when it hit nothing", async () => {
    const { report } = await evaluateCodebook(codebook, records, gold);
    expect(report.keywords).toEqual([
      { theme: 'parking', keyword: 'parking', precision: 0.6667, hits: 3 },
      { theme: 'parking', keyword: 'car', precision: 0.3333, hits: 3 },
      { theme: 'staff', keyword: 'staff', precision: 1, hits: 1 },
      { theme: 'staff', keyword: 'nurse', precision: 0.5, hits: 2 },
      { theme: 'unused', keyword: 'zebra', precision: null, hits: 0 },
    ]);
  });

  test('records missing from either side are counted and listed; unknown gold themes are reported, never dropped silently', async () => {
    const { report } = await evaluateCodebook(codebook, records, gold);
    expect(report.missing_from_store).toBe(2);
    expect(report.missing_from_store_ids).toEqual(['z', 'e2']);
    expect(report.missing_from_gold).toBe(1);
    expect(report.missing_from_gold_ids).toEqual(['g']);
    expect(report.unknown_gold_themes).toEqual([{ theme: 'transport', records: 1, first_line: 9 }]);
  });
});

describe('evaluateCodebook with a gold keyed by tlap id', () => {
  test('store records the gold does not code are listed by id, as the gold names records, so rows can be added for them', async () => {
    const byId = parseGoldFile(
      ['id,themes', ...records.filter((item) => item.record.sourceId !== 'g').map((item) => `${item.record.id},`)].join('\n'),
      'gold.csv',
    );
    const { report } = await evaluateCodebook(codebook, records, byId);
    expect(report.missing_from_gold_ids).toEqual([records.find((item) => item.record.sourceId === 'g')?.record.id]);
  });
});

describe('evaluateCodebook with a gold of 0/1 theme columns', () => {
  const ids = (sourceIds: readonly string[]): string[] =>
    sourceIds.map((sourceId) => records.find((item) => item.record.sourceId === sourceId)?.record.id ?? '');

  test('a gold marking themes in columns scores as the same gold written in a themes cell', async () => {
    const [a, b, c] = ids(['a', 'b', 'c']);
    const cells = parseGoldFile(['id,themes', `${a},parking`, `${b},`, `${c},parking;staff`].join('\n'), 'gold.csv');
    const columns = parseGoldFile(['id,parking,staff', `${a},1,`, `${b},,`, `${c},1,1`].join('\n'), 'gold.csv');
    expect((await evaluateCodebook(codebook, records, columns)).report.themes).toEqual(
      (await evaluateCodebook(codebook, records, cells)).report.themes,
    );
  });

  test('rows whose themes cell and 0/1 columns disagree on a theme of the codebook are listed; the cell is scored', async () => {
    const [a, b, c] = ids(['a', 'b', 'c']);
    const report = (
      await evaluateCodebook(
        codebook,
        records,
        parseGoldFile(
          [
            'id,themes,parking,staff,consent',
            `${a},parking,1,0,1`,
            `${b},parking,0,0,0`,
            `${c},staff,0,1,0`,
            `${ids(['d'])[0] ?? ''},,0,1,1`,
          ].join('\n'),
          'gold.csv',
        ),
      )
    ).report;
    expect(report.gold_column_disagreements).toEqual([
      { line: 3, themes: ['parking'], marked: [] },
      { line: 5, themes: [], marked: ['staff'] },
    ]);
    expect(report.themes.find((theme) => theme.id === 'parking')?.support).toBe(2);
  });
});
