import { describe, expect, test } from '@jest/globals';
import { AuditBuilder } from '../../src/analysis/audit.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { codeRecords } from './coded-records.js';

const codebook = makeCodebook([
  { id: 'communities', keywords: ['community', 'library', 'allotment'] },
  { id: 'information', keywords: ['communicat*', 'leaflet'] },
  { id: 'funding', keywords: ['cuts', 'money'] },
]);

function audit(texts: readonly string[]) {
  const builder = new AuditBuilder(codebook);
  for (const coded of codeRecords(
    codebook,
    texts.map((text) => ({ text })),
  ))
    builder.add(coded);
  return builder.finish();
}

describe('AuditBuilder', () => {
  const report = audit([
    'Our community centre closed.',
    'Communities need a library.',
    'Communication from the council is poor.',
    'Funding cuts to the library service.',
    'Money is tight.',
    'The council keeps cutting the red tape.',
  ]);

  test('per keyword: records hit, records it alone themes, and the distinct words it matched with counts', () => {
    expect(report.records).toBe(6);
    expect(report.themed).toBe(6);
    const community = report.keywords.find((entry) => entry.keyword === 'community');
    expect(community).toEqual({
      theme: 'communities',
      keyword: 'community',
      line: 6,
      col: 9,
      records: 3,
      sole: 2,
      words: [
        { words: 'communication', count: 1 },
        { words: 'communities', count: 1 },
        { words: 'community', count: 1 },
      ],
    });
    expect(report.keywords.find((entry) => entry.keyword === 'cuts')?.words).toEqual([
      { words: 'cuts', count: 1 },
      { words: 'cutting', count: 1 },
    ]);
  });

  test('keywords that match nothing, and words that count for two themes', () => {
    expect(report.unmatched).toEqual([
      { theme: 'communities', keyword: 'allotment', line: 8, col: 9 },
      { theme: 'information', keyword: 'leaflet', line: 13, col: 9 },
    ]);
    expect(report.shared).toEqual([
      {
        words: 'communication',
        themes: [
          { theme: 'communities', keyword: 'community', records: 1 },
          { theme: 'information', keyword: 'communicat*', records: 1 },
        ],
      },
    ]);
  });

  test('each problem comes with a fix in codebook syntax: an exact term or an exclude', () => {
    const kinds = report.problems.map((problem) => `${problem.kind} ${problem.keyword}`);
    expect(kinds).toEqual(['other-word community', 'shared-word community', 'matches-nothing allotment', 'matches-nothing leaflet']);
    expect(report.problems[0]).toMatchObject({
      message: '"community" (communities) also matched other words with its stem: communication 1',
      fix: 'exact: [community, communities] instead of the keyword, or exclude: [communication]',
    });
    expect(report.problems[1]?.fix).toBe('if it belongs to one theme only, add exclude: [communication] to the others');
  });

  test('a keyword alone behind most of a big theme is flagged for review', () => {
    const big = audit(Array.from({ length: 12 }, (_, index) => (index < 9 ? `money problem ${index}` : `cuts ${index}`)));
    expect(big.problems.filter((problem) => problem.kind === 'dominant')).toEqual([
      expect.objectContaining({ keyword: 'money', message: '"money" alone puts 9 of the 12 records in funding' }),
    ]);
  });
});
