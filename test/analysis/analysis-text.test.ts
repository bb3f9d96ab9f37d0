import { describe, expect, test } from '@jest/globals';
import { renderAgreementText, renderEvalText, renderGapsText } from '../../src/analysis/analysis-text.js';
import { compareCoders } from '../../src/analysis/coder-agreement.js';
import { findGaps } from '../../src/analysis/gaps.js';
import { evaluateCodebook } from '../../src/analysis/evaluation.js';
import { parseGoldFile } from '../../src/stats/gold-file.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { codeRecords } from './coded-records.js';

const codebook = makeCodebook([
  { id: 'parking', label: 'Car parking', keywords: ['parking', 'car'] },
  { id: 'staff', label: 'Staff attitude', keywords: ['staff', 'nurse'] },
]);

const longText = `The car park was full again, ${'and the machine took my money without a ticket '.repeat(4)}so I was late.`;
const records = codeRecords(codebook, [
  { sourceId: 'content:0a1b2c3d', text: longText },
  { sourceId: 'content:4e5f6a7b', text: 'The nurse\nwas kind to my mother.' },
  { sourceId: 'content:8c9d0e1f', text: 'Nobody explained the parking charges.' },
]);

async function evalText(goldLines: readonly string[]): Promise<string> {
  const { report } = await evaluateCodebook(codebook, records, parseGoldFile(goldLines.join('\n'), 'gold.csv'), { resamples: 0 });
  return renderEvalText(report, null);
}

describe('renderEvalText', () => {
  test('each error names its record by tlap id, what the gold and explain take, with the start of its text on one line', async () => {
    const [first, second] = records;
    const text = await evalText(['id,themes', `${first?.record.id ?? ''},`, `${second?.record.id ?? ''},parking`]);
    const lines = text.split('\n');
    const plus = lines.indexOf(`  + ${first?.record.id ?? ''}  by car, parking`);
    expect(plus).toBeGreaterThan(-1);
    const excerpt = lines[plus + 1] ?? '';
    expect(excerpt.startsWith('      The car park was full again, and the machine')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(6 + 100);
    const minus = lines.findIndex((line) => line.startsWith(`  - ${second?.record.id ?? ''}  telling words:`));
    expect(lines[minus + 1]).toBe('      The nurse was kind to my mother.');
    expect(text).not.toContain('content:');
  });

  test('gold themes left out, or read by label, are said before the scores', async () => {
    const [first, second, third] = records.map((item) => item.record.id);
    const text = await evalText(['id,themes', `${first ?? ''},Car parking`, `${second ?? ''},staff;kindness`, `${third ?? ''},kindness`]);
    const lines = text.split('\n');
    const scores = lines.findIndex((line) => line.startsWith('macro-F1'));
    expect(lines.slice(1, scores)).toEqual([
      `The gold names 1 theme by label, read as the codebook's theme with that label: "Car parking" as parking`,
      'The gold uses theme "kindness" (2 records, first on line 3), which the codebook does not have, by id or label: left out',
    ]);
    expect(text).not.toContain('every score below is 0');
  });

  test('a codebook theme no gold record has is named, with macro-F1 over the themes the gold uses beside the one it pulls down', async () => {
    const [first, second, third] = records.map((item) => item.record.id);
    const text = await evalText(['id,themes', `${first ?? ''},parking`, `${second ?? ''},`, `${third ?? ''},`]);
    const lines = text.split('\n');
    const scores = lines.findIndex((line) => line.startsWith('macro-F1'));
    const parking = lines.find((line) => line.startsWith('parking ')) ?? '';
    const f1 = parking.trim().split(/ +/)[3] ?? '';
    expect(lines.slice(1, scores)).toEqual([
      `1 theme of the codebook is in no gold record (staff): it scores 0 and pulls macro-F1 down; over the 1 theme the gold uses, macro-F1 is ${f1}`,
    ]);
  });

  test('a gold none of whose themes is the codebook’s says that the scores compare nothing, and names the ids to use', async () => {
    const [first, second] = records.map((item) => item.record.id);
    const text = await evalText(['id,themes', `${first ?? ''},Parking and access`, `${second ?? ''},Staff`]);
    const scores = text.indexOf('macro-F1');
    const warning = text.indexOf(
      "No theme of the gold is a theme of the codebook, so every score below is 0 and says nothing: name the gold's themes by the codebook's ids (parking, staff) or labels",
    );
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(scores);
  });
});

describe('renderGapsText', () => {
  test('each keyword-in-context line names its record by tlap id, as the stub below it does, not by the export’s id', async () => {
    const staffOnly = makeCodebook([{ id: 'staff', keywords: ['staff'] }]);
    const coded = codeRecords(
      staffOnly,
      ['The staff were kind.', 'No parking near the clinic.', 'Parking costs too much.'].map((text, index) => ({
        text,
        sourceId: `content:${index}`,
      })),
    );
    const text = renderGapsText(await findGaps(staffOnly, coded));
    const parking = coded[1]?.record.id ?? '';
    expect(text).toContain(`      ${parking}: No [parking] near the clinic.`);
    expect(text).not.toContain('content:');
  });
});

describe('renderEvalText and a gold of 0/1 theme columns', () => {
  test('rows whose themes cell and 0/1 columns disagree are counted before the scores, with the first, and what to do', async () => {
    const [first, second] = records.map((item) => item.record.id);
    const text = await evalText(['id,themes,parking,staff', `${first ?? ''},parking,0,1`, `${second ?? ''},,0,0`]);
    const lines = text.split('\n');
    expect(lines[1]).toBe(
      "1 gold row gives themes in the themes cell that the row's 0/1 theme columns do not, or the other way round (the first, on line 2: the cell gives parking, the columns mark staff); the themes cell is what is scored: correct it, or delete the themes column to score the 0/1 columns",
    );
  });
});

test('counts of a thousand or more are written with a thousands separator, as the report writes them', async () => {
  const many = codeRecords(
    codebook,
    Array.from({ length: 1000 }, (_, index) => ({ sourceId: `s${index}`, text: 'The nurse was kind.' })),
  );
  const gold = parseGoldFile(['id,themes', ...many.map((item) => `${item.record.id},staff`)].join('\n'), 'gold.csv');
  const { report } = await evaluateCodebook(codebook, many, gold, { resamples: 0 });
  const lines = renderEvalText(report, null).split('\n');
  expect([lines[0]?.startsWith('1,000 records coded in both'), lines.some((line) => /^staff\s.*\s1,000$/.test(line))]).toEqual([
    true,
    true,
  ]);
});

describe('renderEvalText with suggestions', () => {
  const suggestion = { theme: 'staff', action: 'add', keyword: 'doctor', precision: 1, support: 5, delta_f1: 0.1 } as const;

  async function withHeldOut(before: number, after: number): Promise<string> {
    const ids = records.map((item) => item.record.id);
    const { report } = await evaluateCodebook(
      codebook,
      records,
      parseGoldFile(['id,themes', ...ids.map((id) => `${id},staff`)].join('\n'), 'gold.csv'),
      {
        resamples: 0,
      },
    );
    return renderEvalText(report, {
      suggestions: [suggestion],
      method: { folds: 5, min_folds: 3, cross_validated_macro_f1: [before, after] },
    });
  }

  test('changes that lower the held-out macro-F1 are said to, with what to do, below the list', async () => {
    const lines = (await withHeldOut(0.385, 0.367)).trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      "On records they were not chosen from, these changes lower macro-F1 (0.385 → 0.367): on 3 coded records they fit the coding's accidents more than the feedback; code more records before accepting any.",
    );
  });

  test('changes that raise it are listed without that warning', async () => {
    expect(await withHeldOut(0.415, 0.463)).not.toContain('these changes lower macro-F1');
  });
});

describe('renderAgreementText', () => {
  /** A coding sheet whose rows are coded with the staff theme or none, by the ids given. */
  function sheetOf(coded: readonly [string, boolean][]): ReturnType<typeof parseGoldFile> {
    const rows = coded.map(([id, staff]) => `${id},words,x,${staff ? '1' : ''},`);
    return parseGoldFile(['id,text,coded,staff,parking', ...rows].join('\n'), 'sheet.csv');
  }

  test('two files that share fewer records than they code apart (two different samples) are said not to be copies of one sheet', () => {
    const first = sheetOf([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    const second = sheetOf([
      ['a', true],
      ['x', false],
      ['y', true],
    ]);
    const lines = renderAgreementText(compareCoders(codebook, first, second), 'a.csv', 'b.csv').split('\n');
    expect(lines[2]).toBe(
      'More records are coded in one file only (4) than in both (1), and every figure below is over those in both: for agreement, give each coder a copy of the same sheet and have both code it from the top row',
    );
  });

  test('a record coded differently is named by its line in each file, and by its spreadsheet row where a line break above moves it', () => {
    const header = 'id,text,coded,staff,parking';
    const first = parseGoldFile([header, 'a,"two\nlines",x,1,', 'b,words,x,1,'].join('\n'), 'a.csv');
    const second = parseGoldFile([header, 'a,words,x,1,', 'b,words,x,,1'].join('\n'), 'b.csv');
    const agreement = compareCoders(codebook, first, second);
    expect(agreement.disagreements).toEqual([
      { key: 'b', text: 'words', first: { line: 4, row: 3, themes: ['staff'] }, second: { line: 3, themes: ['parking'] } },
    ]);
    expect(renderAgreementText(agreement, 'a.csv', 'b.csv')).toContain('\n  b  a.csv:4 (row 3) staff  b.csv:3 parking\n      words\n');
  });

  test('two copies of a sheet neither coder has begun say so, with no share of nothing', () => {
    const blank = parseGoldFile(['id,text,coded,staff,parking', 'a,words,,,', 'b,words,,,'].join('\n'), 'sheet.csv');
    const lines = renderAgreementText(compareCoders(codebook, blank, blank), 'a.csv', 'b.csv').split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '0 records coded by both a.csv and b.csv; 0 coded only in a.csv, 0 only in b.csv',
      'The same themes for 0 of 0 records (-); mean kappa - over the themes either coder used',
      'Neither file codes a record yet, so there is nothing to compare: each coder puts 1 under every theme a row is about and 1 in its coded cell, then run this again',
    ]);
  });

  test('one coder further down the same sheet than the other is no such case', () => {
    const first = sheetOf([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    const second = sheetOf([
      ['a', true],
      ['b', false],
    ]);
    expect(renderAgreementText(compareCoders(codebook, first, second), 'a.csv', 'b.csv')).not.toContain('one file only');
  });
});

test('a gold id a spreadsheet turned into a number (6.95659E+19) is named as such below the ids missing from the store', async () => {
  const [first] = records.map((item) => item.record.id);
  const text = await evalText(['id,themes', `${first ?? ''},staff`, '6.95659E+19,parking', 'gone,staff']);
  const lines = text.split('\n');
  const missing = lines.indexOf('Missing from the store: 6.95659E+19, gone');
  expect(missing).toBeGreaterThan(-1);
  expect(lines[missing + 1]).toBe(
    '  6.95659E+19: what a spreadsheet makes of an id of digits when it opens a CSV, the record no longer named; a workbook keeps ids as text (draw the sheet as .xlsx), or copy the id from the sheet as drawn',
  );
  expect(await evalText(['id,themes', `${first ?? ''},staff`, 'gone,staff'])).not.toContain('what a spreadsheet makes');
});

test('a coding sheet with no row marked coded, or a gold with no record of the store, says its scores of 0 say nothing, and why', async () => {
  const [first] = records.map((item) => item.record.id);
  const sheet = await evalText(['id,text,coded,parking,staff', `${first ?? ''},words,,,`]);
  expect(sheet.split('\n')[1]).toBe(
    'No row of the coding sheet is marked coded yet, so every score below is 0 and says nothing: put 1 in the coded cell of each row once it is coded',
  );
  const elsewhere = await evalText(['id,themes', 'another-store,staff']);
  expect(elsewhere.split('\n')[1]).toBe(
    'No record is coded in both the store and the gold, so every score below is 0 and says nothing: the gold names records by ids this store does not hold',
  );
  expect(await evalText(['id,themes', `${first ?? ''},staff`])).not.toContain('says nothing');
});
