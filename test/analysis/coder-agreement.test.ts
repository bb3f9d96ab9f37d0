import { describe, expect, test } from '@jest/globals';
import { compareCoders } from '../../src/analysis/coder-agreement.js';
import { InputError } from '../../src/errors.js';
import { parseGoldFile } from '../../src/stats/gold-file.js';
import { makeCodebook } from '../builders/codebook-builder.js';

const codebook = makeCodebook([
  { id: 'staff', label: 'Staff attitude', keywords: ['staff'] },
  { id: 'parking', keywords: ['parking'] },
  { id: 'food', keywords: ['food'] },
]);

/** A coding sheet as tlap sample writes it, coded: one row per [id, coded cell, staff cell, parking cell]. */
function sheet(rows: readonly (readonly string[])[], header = 'id,text,coded,staff,parking'): ReturnType<typeof parseGoldFile> {
  return parseGoldFile(
    [header, ...rows.map(([id, coded, staff, parking]) => `${id},words,${coded},${staff},${parking}`)].join('\n'),
    'sheet.csv',
  );
}

describe('compareCoders', () => {
  const first = sheet([
    ['a', 'x', '1', ''],
    ['b', 'x', '1', '1'],
    ['c', 'x', '', '1'],
    ['d', 'x', '', ''],
    ['e', 'x', '1', ''],
    ['f', 'x', '', ''],
    ['g', '', '', ''],
  ]);
  const second = sheet([
    ['a', 'x', '1', ''],
    ['b', 'x', '', '1'],
    ['c', 'x', '', '1'],
    ['d', 'x', '1', ''],
    ['e', 'x', '1', ''],
    ['f', 'x', '', ''],
    ['h', 'x', '1', ''],
  ]);

  test('kappa and positive agreement per theme over the records both coded; worked by hand', () => {
    const agreement = compareCoders(codebook, first, second);
    expect(agreement).toMatchObject({ key_column: 'id', records: 6, first_only_records: 0, second_only_records: 1, same_themes: 4 });
    // staff: both a, e; first only b; second only d; neither c, f. po = 4/6, pe = (3/6)(3/6) + (3/6)(3/6) = 0.5.
    // parking: both b, c; neither a, d, e, f: kappa 1.
    expect(agreement.themes).toEqual([
      { id: 'staff', both: 2, first_only: 1, second_only: 1, kappa: 0.3333, positive_agreement: 0.6667 },
      { id: 'parking', both: 2, first_only: 0, second_only: 0, kappa: 1, positive_agreement: 1 },
      { id: 'food', both: 0, first_only: 0, second_only: 0, kappa: null, positive_agreement: null },
    ]);
    expect(agreement.mean_kappa).toBeCloseTo((1 / 3 + 1) / 2, 4);
  });

  test('each record coded differently, with its text as the sheet shows it and the line and themes of each coding', () => {
    expect(compareCoders(codebook, first, second).disagreements).toEqual([
      { key: 'b', text: 'words', first: { line: 3, themes: ['staff', 'parking'] }, second: { line: 3, themes: ['parking'] } },
      { key: 'd', text: 'words', first: { line: 5, themes: [] }, second: { line: 5, themes: ['staff'] } },
    ]);
  });

  test('a disagreement takes its text from the second file when the first has no text column, and is null when neither has', () => {
    const bare = parseGoldFile('id,coded,staff,parking\nb,x,,1\n', 'bare.csv');
    const texted = parseGoldFile('id,text,coded,staff,parking\nb,"The staff, and the car park",x,1,\n', 'texted.csv');
    expect(compareCoders(codebook, bare, texted).disagreements[0]?.text).toBe('The staff, and the car park');
    expect(compareCoders(codebook, bare, bare).disagreements).toEqual([]);
    const other = parseGoldFile('id,coded,staff,parking\nb,x,1,\n', 'other.csv');
    expect(compareCoders(codebook, bare, other).disagreements[0]?.text).toBeNull();
  });

  test('a theme named by its label is that theme; a name neither id nor label is left out and listed', () => {
    const labelled = sheet([['a', 'x', '1', '1']], 'id,text,coded,Staff attitude,parkin');
    const agreement = compareCoders(codebook, labelled, sheet([['a', 'x', '1', '']]));
    expect(agreement.same_themes).toBe(1);
    expect(agreement.unknown_themes).toEqual(['parkin']);
  });

  test('files that name records differently have none in common: an error that says how to mend it', () => {
    const bySource = parseGoldFile('source_id,themes\na,staff\n', 'gold.csv');
    expect(() => compareCoders(codebook, first, bySource)).toThrow(InputError);
    expect(() => compareCoders(codebook, first, bySource)).toThrow('the first by id, the second by source_id');
  });
});
