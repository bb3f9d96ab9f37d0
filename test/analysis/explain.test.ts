import { describe, expect, test } from '@jest/globals';
import { Explainer, explanationJsonLine, renderExplanation } from '../../src/analysis/explain.js';
import { codebookYaml, makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'], exclude: ["carer's allowance"] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
  { id: 'places', label: 'Places', keywords: ['day centre'] },
]);

describe('explain', () => {
  test('JSON Lines exactly as specified: every theme, hits with line/col/words/offsets, vetoed with by', () => {
    const text = "Respite helps; my carer's allowance doesn't";
    const record = makeRecord({ id: 'r1', sourceId: 's1', text, provenance: { file: 'exports/comments.csv', line: 12, row: 11 } });
    const line = explanationJsonLine(new Explainer(codebook).record(record));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      id: 'r1',
      source_id: 's1',
      from: 'exports/comments.csv:12',
      text,
      themes: [
        {
          id: 'carers',
          hits: [{ keyword: 'respite', line: 7, col: 9, words: 'Respite', start: 0, end: 7 }],
          vetoed: [{ keyword: 'carer', by: "carer's allowance", start: 18, end: 25 }],
        },
        { id: 'money', hits: [], vetoed: [] },
        { id: 'places', hits: [], vetoed: [] },
      ],
    });
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['id', 'source_id', 'from', 'text', 'themes']);
  });

  test("a stored record is named with where it was read, so the analyst can open the export's row", () => {
    const explainer = new Explainer(codebook);
    const row = explainer.record(
      makeRecord({ id: 'r1', sourceId: 'content:ab12', text: 'budget', provenance: { file: 'fft.csv', line: 3495 } }),
    );
    expect(renderExplanation(row, codebook).split('\n')[0]).toBe('r1 source content:ab12, read from fft.csv:3495');
    const sheet = explainer.record(
      makeRecord({ id: 'r2', sourceId: 's2', text: 'budget', provenance: { file: 'survey.xlsx', part: 'sheet "Responses"', row: 12 } }),
    );
    expect(renderExplanation(sheet, codebook).split('\n')[0]).toBe('r2 source s2, read from survey.xlsx: sheet "Responses", row 12');
    expect(JSON.parse(explanationJsonLine(explainer.text('budget'))) as object).toMatchObject({ id: null, source_id: null, from: null });
  });

  test('a text given directly has null ids', () => {
    const explanation = new Explainer(codebook).text('budget');
    expect([explanation.id, explanation.sourceId, explanation.themeIds]).toEqual([null, null, ['money']]);
  });

  test('the terminal view marks the words, lists hits with file:line:col, vetoes and the themes not matched', () => {
    const explanation = new Explainer(codebook).text("Our carer's allowance and the day-centre");
    const style = { hit: (text: string) => `[${text}]`, vetoed: (text: string) => `~${text}~`, dim: (text: string) => text };
    expect(renderExplanation(explanation, codebook, style)).toBe(
      [
        '(text)',
        "  Our ~carer's~ allowance and the [day-centre]",
        '  carers: Carers (not in theme: every hit vetoed)',
        `    vetoed  "carer" themes.yaml:6:9 matched "carer's" [4, 11) by "carer's allowance" themes.yaml:9:9`,
        '  places: Places (in theme)',
        '    hit     "day centre" themes.yaml:17:9 matched "day-centre" [30, 40)',
        '  not matched: money',
        '',
      ].join('\n'),
    );
  });

  test('a theme with a parent says the record counts there too', () => {
    const family = makeCodebook([
      { id: 'care', label: 'Care', keywords: ['care'] },
      { id: 'staff', label: 'Staff', keywords: ['nurse'], parent: 'care' },
    ]);
    expect(renderExplanation(new Explainer(family).text('a nurse'), family)).toContain('  staff: Staff (in theme; counts in care too)\n');
  });
});

describe('explain says when a record is never quoted, and why', () => {
  const question = 'May we publish your response?';

  test('a respondent who declined publication: the question and answer, in the terminal and in JSON', () => {
    const record = makeRecord({ id: 'r2', text: 'My carer needs respite', meta: { answers: { [question]: 'Do not publish response' } } });
    const explanation = new Explainer(codebook).record(record);
    expect(renderExplanation(explanation, codebook).split('\n')[2]).toBe(
      '  never quoted: the respondent answered “Do not publish response” to “May we publish your response?”; still counted in every theme',
    );
    expect(JSON.parse(explanationJsonLine(explanation))).toMatchObject({
      never_quoted: { reason: 'declined', question, answer: 'Do not publish response' },
    });
  });

  test('a record quotes: exclude: names by its source id; a record free to quote has no such line or key', () => {
    const excluding = makeCodebook(`${codebookYaml([{ id: 'carers', keywords: ['carer'] }])}quotes:\n  exclude: [S-017]\n`);
    const explainer = new Explainer(excluding);
    const named = explainer.record(makeRecord({ sourceId: 'S-017', text: 'A carer' }));
    const free = explainer.record(makeRecord({ sourceId: 'S-018', text: 'A carer', meta: { answers: { [question]: 'Yes' } } }));
    expect(renderExplanation(named, excluding)).toContain(`never quoted: quotes: exclude: in ${excluding.file} names it (S-017)`);
    expect([renderExplanation(free, excluding).includes('never quoted'), 'never_quoted' in JSON.parse(explanationJsonLine(free))]).toEqual([
      false,
      false,
    ]);
  });
});
