import { describe, expect, test } from '@jest/globals';
import { Explainer, explanationJsonLine, renderExplanation } from '../../src/analysis/explain.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'], exclude: ["carer's allowance"] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
  { id: 'places', label: 'Places', keywords: ['day centre'] },
]);

describe('explain', () => {
  test('JSON Lines exactly as specified: every theme, hits with line/col/words/offsets, vetoed with by', () => {
    const text = "Respite helps; my carer's allowance doesn't";
    const line = explanationJsonLine(new Explainer(codebook).record(makeRecord({ id: 'r1', sourceId: 's1', text })));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      id: 'r1',
      source_id: 's1',
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
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['id', 'source_id', 'text', 'themes']);
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
