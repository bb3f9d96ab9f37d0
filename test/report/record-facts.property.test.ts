import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Codebook } from '../../src/codebook/codebook.js';
import { CHANNELS, type Channel, type FeedbackRecord } from '../../src/record/record.js';
import {
  emptyOrderFreeCounts,
  KEYED_DIMENSIONS,
  mergeOrderFreeCounts,
  RecordFactExtractor,
  type KeyedCounts,
  type OrderFreeCounts,
} from '../../src/report/record-facts.js';
import { recordSource } from '../../src/report/record-source.js';
import type { KeywordHit, ThemeEvidence } from '../../src/themes/match-evidence.js';
import type { ThemedRecord } from '../../src/themes/themed-record.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(150) });

/** Four themes, `centre` under `carers` and `respite` under `centre`, and a quote exclusion. */
const codebook: Codebook = {
  ...makeCodebook([
    { id: 'carers', keywords: ['carer', 'respite'] },
    { id: 'money', keywords: ['budget', 'cuts'] },
    { id: 'centre', parent: 'carers', keywords: ['centre'] },
    { id: 'respite', parent: 'centre', keywords: ['short break'] },
  ]),
  quotes: { exclude: ['s3', 's7'], consent: 'respect' },
};
const THEME_IDS = codebook.themes.map((theme) => theme.id);
const KEYWORDS = ['carer', 'respite', 'budget', 'short break'];
const WORDS = ['carer', 'Carer', 'CARERS', 'short  break', 'Short\tBreak', 'budget', 'ünpaid', 'a much longer form of words'];

const record = fc
  .record({
    sourceId: fc.constantFrom('s1', 's3', 's7', 's9'),
    channel: fc.constantFrom(...CHANNELS),
    date: fc.option(
      fc.constantFrom(
        '2024-01-05T09:00:00Z',
        '2024-01-28T10:00:00Z',
        '2023-12-31T23:59:00Z',
        '2024-02-01',
        '2024-1',
        '2025-07-14T00:00:00Z',
      ),
    ),
    question: fc.option(fc.constantFrom('Q1 What helps?', '  Q1 What helps?  ', 'Q2', '   ')),
    postTitle: fc.option(fc.constantFrom('Day centres', ' ', 'Respite')),
    subject: fc.option(fc.constantFrom('Re: Budget', 'Budget', 'RE: ')),
    file: fc.constantFrom('a.csv', 'b.csv', '', '-'),
  })
  .map(({ sourceId, channel, date, question, postTitle, subject, file }) =>
    makeRecord({
      sourceId,
      channel,
      date,
      meta: {
        ...(question === null ? {} : { question }),
        ...(postTitle === null ? {} : { postTitle }),
        ...(subject === null ? {} : { subject }),
      },
      provenance: { file, line: 2, row: 1 },
    }),
  );

const hit = fc
  .record({ keyword: fc.constantFrom(...KEYWORDS), words: fc.constantFrom(...WORDS) })
  .map(({ keyword, words }): KeywordHit => ({ keyword, position: { line: 1, col: 1 }, words, start: 0, end: words.length }));

/** A record with some of the themes (in codebook order) and hits for them. */
const themedRecord = fc
  .tuple(
    record,
    fc.subarray(THEME_IDS),
    fc.array(fc.array(hit, { maxLength: 20 }), { minLength: THEME_IDS.length, maxLength: THEME_IDS.length }),
  )
  .map(([of, themeIds, hits]): ThemedRecord => ({
    record: of,
    themeIds,
    evidence: THEME_IDS.map((themeId, index): ThemeEvidence => ({ themeId, hits: hits[index] ?? [], vetoed: [] })),
  }));

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The counts of these records as the report defines them, kept in maps record by record. */
function referenceCounts(records: readonly ThemedRecord[]): OrderFreeCounts {
  const counts = emptyOrderFreeCounts(THEME_IDS.length);
  const addKeys = (keyed: KeyedCounts, of: FeedbackRecord): void => {
    const question = of.meta['question'];
    if (typeof question === 'string' && question.trim() !== '') increment(keyed.question, question.trim());
    const source = recordSource(of);
    if (source !== null) increment(keyed.source, source);
    if (of.date !== null) increment(keyed.month, of.date.slice(0, 7));
  };
  for (const { record: of, themeIds, evidence } of records) {
    counts.total += 1;
    increment(counts.byChannel, of.channel);
    if (of.date === null) counts.undated += 1;
    else {
      if (counts.from === null || of.date < counts.from) counts.from = of.date;
      if (counts.to === null || of.date > counts.to) counts.to = of.date;
    }
    addKeys(counts.keyed, of);
    const named = codebook.quotes.exclude.filter((entry) => entry === of.id || entry === of.sourceId);
    if (named.length > 0) {
      for (const entry of named) counts.excludeMatched.add(entry);
      counts.excludedIds.add(of.id);
      counts.excludedRecords += 1;
    }
    if (themeIds.length === 0) {
      counts.unthemed += 1;
      continue;
    }
    const counted = new Set<number>();
    for (const themeId of themeIds) {
      for (let id: string | null = themeId; id !== null; id = codebook.themes.find((theme) => theme.id === id)?.parent ?? null) {
        counted.add(THEME_IDS.indexOf(id));
      }
    }
    const indices = [...counted].sort((a, b) => a - b);
    indices.forEach((a, at) => {
      for (const b of indices.slice(at + 1)) increment(counts.pairs, a * THEME_IDS.length + b);
    });
    for (const index of counted) {
      const theme = counts.themes[index];
      if (theme === undefined) continue;
      theme.count += 1;
      theme.recordIds.push(of.id);
      addKeys(theme.keyed, of);
      increment(theme.byChannel, of.channel);
    }
    for (const themeId of themeIds) {
      const index = THEME_IDS.indexOf(themeId);
      const words = counts.themes[index]?.words;
      for (const { keyword, words: written } of evidence[index]?.hits ?? []) {
        const forms = words?.get(keyword) ?? new Map<string, number>();
        words?.set(keyword, forms);
        increment(forms, written.replace(/\s+/g, ' ').toLowerCase());
      }
    }
  }
  return counts;
}

/** Counts as plain sorted data: the report reads maps by key or sorts them, never by their order. */
function comparable(counts: OrderFreeCounts): unknown {
  const sorted = <K, V>(map: ReadonlyMap<K, V>): [K, V][] => [...map].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const keyed = (of: KeyedCounts): unknown => KEYED_DIMENSIONS.map((dimension) => sorted(of[dimension]));
  return {
    ...counts,
    byChannel: sorted(counts.byChannel),
    keyed: keyed(counts.keyed),
    themes: counts.themes.map((theme) => ({
      ...theme,
      byChannel: sorted(theme.byChannel),
      keyed: keyed(theme.keyed),
      words: sorted(theme.words).map(([keyword, forms]) => [keyword, sorted(forms)]),
      recordIds: [...theme.recordIds].sort(),
    })),
    pairs: sorted(counts.pairs),
    excludeMatched: [...counts.excludeMatched].sort(),
    excludedIds: [...counts.excludedIds].sort(),
  };
}

describe('RecordFactExtractor counts (slots added to maps when read) against counts kept in maps per record', () => {
  test('the same counts, read at any points, with counts from elsewhere merged in between', () => {
    fc.assert(
      fc.property(
        fc.array(themedRecord, { maxLength: 60 }),
        fc.array(themedRecord, { maxLength: 20 }),
        fc.uniqueArray(fc.nat(60)),
        (records, elsewhere, readAt) => {
          const extractor = new RecordFactExtractor(codebook, () => 'word', true);
          const other = new RecordFactExtractor(codebook, () => 'word', true);
          for (const themed of elsewhere) other.extract(themed, []);
          const half = Math.floor(records.length / 2);
          records.forEach((themed, index) => {
            if (index === half) mergeOrderFreeCounts(extractor.counts, other.counts);
            if (readAt.includes(index)) expect(extractor.counts.total).toBe(index + (index >= half ? elsewhere.length : 0));
            extractor.extract(themed, []);
          });
          if (records.length <= half) mergeOrderFreeCounts(extractor.counts, other.counts);
          expect(comparable(extractor.counts)).toEqual(comparable(referenceCounts([...records, ...elsewhere])));
        },
      ),
    );
  });

  test('each record’s themes counted and distinct keywords quoted as the report defines them', () => {
    fc.assert(
      fc.property(fc.array(themedRecord, { maxLength: 30 }), (records) => {
        const extractor = new RecordFactExtractor(codebook, () => 'word', false);
        for (const themed of records) {
          const facts = extractor.extract(themed, []);
          const counted = new Set<number>();
          for (const themeId of themed.themeIds) {
            for (let id: string | null = themeId; id !== null; id = codebook.themes.find((theme) => theme.id === id)?.parent ?? null) {
              counted.add(THEME_IDS.indexOf(id));
            }
          }
          expect(new Set(facts.counted)).toEqual(counted);
          expect(facts.counted).toHaveLength(counted.size);
          const quoted = themed.themeIds.flatMap((themeId) => {
            const index = THEME_IDS.indexOf(themeId);
            return [index, new Set((themed.evidence[index]?.hits ?? []).map((each) => each.keyword)).size];
          });
          expect(facts.quoted).toEqual(themed.themeIds.length === 0 ? [] : quoted);
        }
      }),
    );
  });

  test('keys past those counted in slots are counted in the maps at once, to the same counts', () => {
    const records = Array.from({ length: 2500 }, (_unused, index): ThemedRecord => {
      const of = makeRecord({
        channel: CHANNELS[index % CHANNELS.length] as Channel,
        date: `${1900 + (index % 1300)}-0${1 + (index % 9)}-01`,
        meta: { postTitle: `Post ${index % 1800}`, question: `Q${index % 1200}` },
      });
      const themeIds = THEME_IDS.filter((_id, theme) => (index >> theme) % 2 === 1);
      const hits: KeywordHit[] = [{ keyword: 'carer', position: { line: 1, col: 1 }, words: `Carer ${index % 1500}`, start: 0, end: 1 }];
      return { record: of, themeIds, evidence: THEME_IDS.map((themeId) => ({ themeId, hits, vetoed: [] })) };
    });
    const extractor = new RecordFactExtractor(codebook, () => 'word', true);
    records.forEach((themed, index) => {
      if (index % 700 === 0) expect(extractor.counts.total).toBe(index);
      extractor.extract(themed, []);
    });
    expect(comparable(extractor.counts)).toEqual(comparable(referenceCounts(records)));
  });
});
