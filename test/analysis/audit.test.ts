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

describe('AuditBuilder: keywords that add nothing', () => {
  function auditWith(themes: Parameters<typeof makeCodebook>[0], texts: readonly string[]) {
    const book = makeCodebook(themes);
    const builder = new AuditBuilder(book);
    for (const coded of codeRecords(
      book,
      texts.map((text) => ({ text })),
    ))
      builder.add(coded);
    return builder.finish().problems.filter((problem) => problem.kind === 'redundant');
  }

  const texts = ['They listen to me.', 'Nobody would listen.', 'Staff listen to families.', 'The ward was clean.'];

  test('a phrase that matched only where a word of its theme also matched is flagged, with the word and a fix', () => {
    expect(auditWith([{ id: 'communication', keywords: ['listen to', 'listen'] }], texts)).toEqual([
      {
        kind: 'redundant',
        theme: 'communication',
        keyword: 'listen to',
        message:
          '"listen to" (communication, themes.yaml:6:9) matched only where "listen" (line 7) also matched, in its 2 records: it adds nothing to the theme',
        fix: 'remove "listen to": no record\'s themes change',
      },
    ]);
  });

  test("a phrase that matched once without the word, or beside another theme's word, or a word a phrase holds, is not flagged", () => {
    expect(auditWith([{ id: 'communication', keywords: ['listen to', 'nobody'] }], texts)).toEqual([]);
    expect(
      auditWith(
        [
          { id: 'communication', keywords: ['listen to'] },
          { id: 'hearing', keywords: ['listen'] },
        ],
        texts,
      ),
    ).toEqual([]);
    expect(auditWith([{ id: 'communication', keywords: ['listen', 'nobody would'] }], texts)).toEqual([]);
  });

  test('a theme that needs two hits keeps its phrase: there it counts', () => {
    expect(auditWith([{ id: 'communication', keywords: ['listen to', 'listen'], min_hits: 2 }], texts)).toEqual([]);
  });

  test('of two keywords that matched the same words, only the later one is flagged', () => {
    expect(auditWith([{ id: 'communication', keywords: ['listen'], exact: ['listen'] }], texts)).toEqual([
      expect.objectContaining({
        keyword: 'listen',
        message:
          '"listen" (communication, themes.yaml:8:9) matched only where "listen" (line 6) also matched, in its 3 records: it adds nothing to the theme',
      }),
    ]);
  });
});
