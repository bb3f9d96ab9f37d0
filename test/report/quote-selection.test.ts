import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Channel, FeedbackRecord } from '../../src/record/record.js';
import {
  allocateQuotes,
  compareCandidates,
  HELD_PER_CHANNEL,
  QUOTE_POOL_PER_CHANNEL,
  QuotePool,
  quoteAuthorKey,
  quoteTextKey,
  type PooledCandidate,
  type PublishedQuoteText,
} from '../../src/report/quote-selection.js';
import { ThemeReportBuilder } from '../../src/report/build-theme-report.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { renderJsonReport } from '../../src/report/json-report.js';
import type { Quote, ThemeReport } from '../../src/report/theme-report.js';
import type { ThemedRecord } from '../../src/themes/themed-record.js';
import { codebookYaml, makeCodebook, type ThemeSpec } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { makeRecord, type RecordOverrides } from '../builders/record-builder.js';
import { buildReport, textOfLength } from './report-fixture.js';
import { propertyRuns } from '../helpers/property-runs.js';

const THEMES: ThemeSpec[] = [
  { id: 'carers', label: 'Carers', keywords: ['carer', 'respite'] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
];
const codebook = makeCodebook(THEMES);

function record(text: string, overrides: RecordOverrides = {}): ThemedRecord {
  return makeThemedRecord(codebook, { text, ...overrides });
}

function quotesOf(report: ThemeReport, themeId: string): Quote[] {
  return report.themes.find((theme) => theme.id === themeId)?.quotes ?? [];
}

function ids(quotes: readonly Quote[]): string[] {
  return quotes.map((quote) => quote.id);
}

/** Every rotation and the reverse of a list. */
function orders<T>(items: readonly T[]): T[][] {
  const rotations = items.map((_, shift) => [...items.slice(shift), ...items.slice(0, shift)]);
  return [...rotations, [...items].reverse()];
}

describe('quotes holding a redaction token', () => {
  test('a clean quote is chosen before one that would print a token, though it ranks lower otherwise', () => {
    const tainted = record(textOfLength('A carer needs respite; my NHS number is 943 476 5919, please check', 120));
    const clean = record('A carer');
    const quotes = quotesOf(buildReport(codebook, [tainted, clean]), 'carers');
    expect(ids(quotes)).toEqual([clean.record.id, tainted.record.id]);
    expect(quotes[1]?.text).toContain('[NHS number]');
  });

  test('the decision is made on the text as published: an address hidden in entities counts, one the ingest already replaced counts', () => {
    const entity = record(textOfLength('A carer asked for respite, write to jane.doe&#64;example.com', 100));
    const stored = record(textOfLength('A carer asked for respite, write to [email] please', 100));
    const clean = record('A carer, short');
    expect(ids(quotesOf(buildReport(codebook, [entity, stored, clean]), 'carers'))[0]).toBe(clean.record.id);
  });

  test('a tainted quote is used only as a last resort: with no clean candidate the slot is still filled', () => {
    const only = record(textOfLength('A carer, call me on 07700 900123', 80));
    const quotes = quotesOf(buildReport(codebook, [only]), 'carers');
    expect(quotes.map((quote) => quote.text)).toEqual([expect.stringContaining('[phone]')]);
  });

  test('one clean candidate is found behind many better-ranked tainted ones, in any order', () => {
    const tainted = Array.from({ length: 30 }, (_, index) =>
      record(textOfLength(`A carer needs respite ${index}, ring 07700 900${String(index).padStart(3, '0')}`, 90)),
    );
    const clean = record('carer');
    for (const order of orders([clean, ...tainted]).slice(0, 4)) {
      expect(ids(quotesOf(buildReport(codebook, order), 'carers'))[0]).toBe(clean.record.id);
    }
  });
});

describe('one voice per slot', () => {
  test('one quote per author per theme; records with no author are each their own author', () => {
    const first = record(textOfLength('A carer speaks first', 60), { author: 'Asha' });
    const second = record(textOfLength('A carer speaks again', 61), { author: ' asha ' });
    const anonymous = [record(textOfLength('A carer, anonymous', 62)), record(textOfLength('A carer, anonymous too', 63))];
    const quotes = quotesOf(buildReport(codebook, [first, second, ...anonymous]), 'carers');
    expect(quotes).toHaveLength(3);
    expect(ids(quotes).filter((id) => id === first.record.id || id === second.record.id)).toHaveLength(1);
  });

  test('identical texts (ignoring case, spacing and punctuation) fill one slot', () => {
    const campaign = Array.from({ length: 5 }, (_, index) =>
      record(index % 2 === 0 ? 'Protect carers’ respite breaks NOW!' : 'protect carers respite  breaks now'),
    );
    const other = record('A carer who writes in her own words');
    const quotes = quotesOf(buildReport(codebook, [...campaign, other]), 'carers');
    expect(quotes).toHaveLength(2);
    expect(ids(quotes)).toContain(other.record.id);
  });

  test('no record is quoted under two themes while a theme has other candidates; it is reused when there is none', () => {
    const both = record(textOfLength('A carer budget: respite and a budget', 80));
    const carersOnly = [record('A carer, short one'), record('A carer, short two')];
    const moneyOnly = record('budget');
    const report = buildReport(codebook, [both, ...carersOnly, moneyOnly]);
    const carers = ids(quotesOf(report, 'carers'));
    const money = ids(quotesOf(report, 'money'));
    expect(carers).toContain(both.record.id);
    expect(money).toEqual([moneyOnly.record.id, both.record.id]);
    const alone = buildReport(codebook, [both]);
    expect([ids(quotesOf(alone, 'carers')), ids(quotesOf(alone, 'money'))]).toEqual([[both.record.id], [both.record.id]]);
  });

  test('the larger theme chooses first (ties in codebook order), so a record shared by two themes goes to the larger', () => {
    const shared = record(textOfLength('Carer and budget, carer and respite', 90));
    const money = [record('budget one'), record('budget two')];
    const moneyFirst = buildReport(codebook, [shared, ...money, record('budget three'), record('budget four')]);
    expect(ids(quotesOf(moneyFirst, 'money'))[0]).toBe(shared.record.id);
    expect(ids(quotesOf(moneyFirst, 'carers'))).toEqual([shared.record.id]);
  });
});

describe('channels balanced', () => {
  test('a theme with candidates from several channels takes them in turn, best first within each channel', () => {
    const email = [0, 1, 2].map((index) =>
      record(textOfLength(`A carer writes, e-mail ${index}, about respite`, 100), { channel: 'email' }),
    );
    const tweet = record('carer', { channel: 'twitter' });
    const survey = record('A carer answers', { channel: 'survey' });
    const quotes = quotesOf(buildReport(codebook, [...email, tweet, survey]), 'carers');
    expect(quotes.map((quote) => quote.channel).sort()).toEqual(['email', 'survey', 'twitter']);
    expect(quotes[0]?.channel).toBe('email');
  });

  test('a channel gives a second quote once every channel with candidates has given one', () => {
    const email = [0, 1].map((index) => record(textOfLength(`A carer writes, e-mail ${index}`, 100), { channel: 'email' }));
    const tweet = record('carer', { channel: 'twitter' });
    expect(quotesOf(buildReport(codebook, [...email, tweet]), 'carers').map((quote) => quote.channel)).toEqual([
      'email',
      'twitter',
      'email',
    ]);
  });
});

describe('quotes: exclude:', () => {
  const vetoed = record(textOfLength('A carer who asked not to be quoted', 80), { sourceId: 'msg-42@example.org' });
  const byId = record(textOfLength('A carer the analyst chose to leave out', 80));
  const kept = record('A carer, short');
  const unthemed = record('Nothing in any theme here');
  const excluding = makeCodebook(
    `${codebookYaml(THEMES)}quotes:\n  exclude: [${JSON.stringify(byId.record.id)}, "msg-42@example.org", "${unthemed.record.id}", "no-such-record"]\n`,
  );
  const rethemed = [vetoed, byId, kept, unthemed].map(({ record: entry }) => makeThemedRecord(excluding, entry));

  function build(): { report: ThemeReport; unmatched: string[] } {
    const builder = new ThemeReportBuilder(excluding, { redact: createRedactor(excluding), includeAuthors: false, toolVersion: '9.9.9' });
    for (const entry of rethemed) builder.add(entry);
    for (const entry of rethemed) builder.offerUnthemedQuote(entry.record);
    return { report: builder.finish(), unmatched: builder.unmatchedQuoteExclusions() };
  }

  test('vetoes records by tlap id or by the export’s own id, from themes and the unthemed sample; they are still counted', () => {
    const { report } = build();
    expect(ids(quotesOf(report, 'carers'))).toEqual([kept.record.id]);
    expect(report.unthemedSample).toEqual([]);
    expect(report.themes.find((theme) => theme.id === 'carers')?.count).toBe(3);
    expect(report.quoteExclusions).toEqual({ records: 3, entries: 4 });
  });

  test('an entry that names no record is reported for a warning, not an error', () => {
    expect(build().unmatched).toEqual(['no-such-record']);
  });

  test('the methods section says how many records the analyst excluded, without their ids; JSON counts them', () => {
    const { report } = build();
    const markdown = renderMarkdownReport(report);
    expect(markdown).toContain(
      '- The analyst excluded 3 records from quoting (quotes: exclude: in the codebook); they are still counted in every theme.',
    );
    expect(markdown).not.toContain('msg-42');
    expect(JSON.parse(renderJsonReport(report))).toMatchObject({ quotes_excluded_by_analyst: 3 });
    expect(renderMarkdownReport(buildReport(codebook, [kept]))).not.toContain('excluded');
  });
});

describe('consent to publish, as the export asked it', () => {
  const question = 'May we publish your response?';
  const declined = record(textOfLength('A carer who ticked do not publish', 80), {
    meta: { answers: { [question]: 'Do not publish response' } },
  });
  const confidential = record(textOfLength('A carer who asked for confidentiality', 80), {
    meta: { 'Would you like your response to be kept confidential?': 'Yes' },
  });
  const anonymous = record(textOfLength('A carer happy to be quoted without a name', 80), {
    meta: { answers: { [question]: 'Publish response only (without name)' } },
  });
  const unthemed = record('Nothing in any theme here', { meta: { answers: { [question]: 'No' } } });
  const report = buildReport(codebook, [declined, confidential, anonymous, unthemed]);

  test('a respondent who did not agree is never quoted, in a theme or the unthemed sample, and is still counted', () => {
    expect(ids(quotesOf(report, 'carers'))).toEqual([anonymous.record.id]);
    expect([
      report.unthemedSample,
      report.themes.find((theme) => theme.id === 'carers')?.count,
      report.declinedPublication.records,
    ]).toEqual([[], 3, 3]);
  });

  test('the methods section and the JSON say how many were withheld; a report with none says nothing of it', () => {
    expect(renderMarkdownReport(report)).toContain(
      "- 3 records are from respondents who did not agree to their words being published (their answer to the export's question on publishing, such as “Do not publish response”, or a request for confidentiality, in the export or in their own words such as “please do not publish this”): they are counted in every figure but never quoted, and the CSV of coded records leaves out their words.",
    );
    expect(JSON.parse(renderJsonReport(report))).toMatchObject({ quotes_withheld_without_consent: 3 });
    const none = buildReport(codebook, [anonymous]);
    expect([
      renderMarkdownReport(none).includes('did not agree'),
      'quotes_withheld_without_consent' in JSON.parse(renderJsonReport(none)),
    ]).toEqual([false, false]);
  });
});

describe('quotes: consent: ignore', () => {
  const declined = record(textOfLength('A carer who ticked do not publish', 80), {
    meta: { answers: { 'May we publish your response?': 'Do not publish response' } },
  });
  const ignoring = makeCodebook(`${codebookYaml(THEMES)}quotes:\n  consent: ignore\n`);
  const report = buildReport(ignoring, [makeThemedRecord(ignoring, declined.record)]);

  test('quotes a respondent who declined, and the methods section and JSON say the codebook chose so', () => {
    expect(ids(quotesOf(report, 'carers'))).toEqual([declined.record.id]);
    expect(renderMarkdownReport(report)).toContain('; the codebook sets quotes: consent: ignore, so it may be quoted like any other.');
    expect(JSON.parse(renderJsonReport(report))).toMatchObject({ quotes_consent_ignored: 1 });
  });
});

test('the choice does not depend on the order records arrive in', () => {
  const records = [
    record(textOfLength('A carer and a budget, call 07700 900123', 90), { channel: 'email', author: 'Ann' }),
    record(textOfLength('A carer and a budget again', 90), { channel: 'email', author: 'Ann' }),
    record('carer respite', { channel: 'twitter' }),
    record('budget budget', { channel: 'survey' }),
    record('Same words here, a carer', { channel: 'survey' }),
    record('same words here a carer', { channel: 'event-note' }),
    record(textOfLength('A carer budget respite', 45), { channel: 'blog-comment' }),
  ];
  const reports = orders(records).map((order) => buildReport(codebook, order));
  for (const report of reports) expect(report).toEqual(reports[0]);
});

test('a campaign whose records the analyst excluded is listed without its words', () => {
  const words = 'I object to the closure of the day centre because it is the only place my family member can go, as a carer.';
  const copies = Array.from({ length: 6 }, (_, index) => record(words, { meta: { respondent: `R${index}` } }));
  const excluding = makeCodebook(
    `${codebookYaml(THEMES)}quotes:\n  exclude: [${copies.map((entry) => JSON.stringify(entry.record.id)).join(', ')}]\n`,
  );
  const plain = buildReport(codebook, copies);
  const vetoed = buildReport(
    excluding,
    copies.map(({ record: entry }) => makeThemedRecord(excluding, entry)),
  );
  expect(plain.campaigns[0]?.quote?.text).toContain('I object');
  expect(vetoed.campaigns).toHaveLength(1);
  expect(vetoed.campaigns[0]?.quote).toBeNull();
});

describe('a quote pool publishes late', () => {
  const channels = ['survey', 'email', 'twitter'] as const;
  const offer = fc.record({
    tier: fc.integer({ min: 0, max: 1 }),
    distinctKeywords: fc.integer({ min: 1, max: 3 }),
    channel: fc.constantFrom(...channels),
    text: fc.integer({ min: 0, max: 30 }),
    tainted: fc.boolean(),
  });

  /** What a pool keeps, by definition: per channel the best of each text, its eight first in full order; then across channels, each text once. */
  function expected(candidates: readonly PooledCandidate[]): string[] {
    const kept: PooledCandidate[] = [];
    for (const channel of channels) {
      const best = new Map<string, PooledCandidate>();
      for (const entry of candidates.filter((candidate) => candidate.record.channel === channel)) {
        const held = best.get(entry.textKey);
        if (held === undefined || compareCandidates(entry, held) < 0) best.set(entry.textKey, entry);
      }
      kept.push(...[...best.values()].sort(compareCandidates).slice(0, QUOTE_POOL_PER_CHANNEL));
    }
    kept.sort(compareCandidates);
    const seen = new Set<string>();
    return kept.filter((entry) => !seen.has(entry.textKey) && seen.add(entry.textKey)).map((entry) => entry.record.id);
  }

  test.each([QUOTE_POOL_PER_CHANNEL, 2 * QUOTE_POOL_PER_CHANNEL, HELD_PER_CHANNEL])(
    'keeps what publishing every candidate at once would keep, publishing each at most once, in any order of arrival (holding %s a channel)',
    (heldPerChannel) => {
      fc.assert(
        fc.property(fc.array(offer, { maxLength: 300, size: 'max' }), (offers) => {
          const taint = new Map<string, boolean>();
          const candidates = offers.map((entry, index) => {
            const record = makeRecord({
              id: `r${String((index * 7919) % 1000).padStart(3, '0')}-${index}`,
              channel: entry.channel,
              text: `words ${entry.text}`,
            });
            taint.set(record.id, entry.tainted);
            return { record, tier: entry.tier, distinctKeywords: entry.distinctKeywords };
          });
          const published = new Map<string, number>();
          const publish = (record: FeedbackRecord): PublishedQuoteText => {
            published.set(record.id, (published.get(record.id) ?? 0) + 1);
            return { text: record.text, counts: {}, tainted: taint.get(record.id) === true };
          };
          const pool = new QuotePool(publish, heldPerChannel);
          for (const candidate of candidates) pool.offer(candidate);
          const all = candidates.map((candidate) => ({
            ...candidate,
            published: { text: candidate.record.text, counts: {}, tainted: taint.get(candidate.record.id) === true },
            textKey: quoteTextKey(candidate.record.text),
            authorKey: quoteAuthorKey(candidate.record),
          }));
          expect(
            pool
              .finalists(() => true)
              .all()
              .map((entry) => entry.record.id),
          ).toEqual(expected(all));
          expect([...published].filter(([, times]) => times !== 1)).toEqual([]);
        }),
        { numRuns: propertyRuns(200) },
      );
    },
  );
});

describe('quotes are chosen reading no further down the candidates than needed', () => {
  const channels = ['survey', 'email', 'twitter', 'blog-comment'] as const;
  const offer = fc.record({
    theme: fc.integer({ min: 0, max: 2 }),
    tier: fc.integer({ min: 0, max: 1 }),
    distinctKeywords: fc.integer({ min: 1, max: 3 }),
    channel: fc.constantFrom(...channels),
    text: fc.integer({ min: 0, max: 25 }),
    author: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    tainted: fc.boolean(),
    inCampaign: fc.boolean(),
  });

  /** The choice as made before it was lazy: every theme's whole list of kept candidates published, then chosen from. */
  function chosenFromWholeLists(
    themes: readonly { id: string; candidates: readonly PooledCandidate[] }[],
    perTheme: number,
  ): Map<string, string[]> {
    const quoted = new Set<string>();
    const result = new Map<string, string[]>();
    for (const theme of themes) {
      const chosen: PooledCandidate[] = [];
      const authors = new Set<string>();
      const texts = new Set<string>();
      const perChannel = new Map<Channel, number>();
      let remaining = [...theme.candidates];
      while (chosen.length < perTheme) {
        remaining = remaining.filter((entry) => !authors.has(entry.authorKey) && !texts.has(entry.textKey));
        if (remaining.length === 0) break;
        const classOf = (entry: PooledCandidate): number =>
          (entry.published.tainted ? 2 : 0) + (quoted.has(`id:${entry.record.id}`) || quoted.has(`text:${entry.textKey}`) ? 1 : 0);
        const best = Math.min(...remaining.map(classOf));
        const inClass = remaining.filter((entry) => classOf(entry) === best);
        const fewest = Math.min(...inClass.map((entry) => perChannel.get(entry.record.channel) ?? 0));
        const next = inClass.find((entry) => (perChannel.get(entry.record.channel) ?? 0) === fewest);
        if (next === undefined) break;
        chosen.push(next);
        authors.add(next.authorKey);
        texts.add(next.textKey);
        perChannel.set(next.record.channel, (perChannel.get(next.record.channel) ?? 0) + 1);
      }
      for (const entry of chosen) {
        quoted.add(`id:${entry.record.id}`);
        quoted.add(`text:${entry.textKey}`);
      }
      result.set(
        theme.id,
        chosen.map((entry) => entry.record.id),
      );
    }
    return result;
  }

  test('chooses what choosing from the whole lists chooses, and publishes no more', () => {
    fc.assert(
      fc.property(fc.array(offer, { maxLength: 250, size: 'max' }), fc.integer({ min: 1, max: 4 }), (offers, perTheme) => {
        const taint = new Map<string, boolean>();
        const campaign = new Set<string>();
        const records = offers.map((entry, index) => {
          const made = makeRecord({
            id: `r${String((index * 7919) % 1000).padStart(3, '0')}-${index}`,
            channel: entry.channel,
            author: entry.author === null ? null : `person ${entry.author}`,
            text: `words ${entry.text}`,
          });
          taint.set(made.id, entry.tainted);
          if (entry.inCampaign) campaign.add(made.id);
          return made;
        });
        const run = (): { pools: QuotePool[]; publishedCount: () => number } => {
          let count = 0;
          const publish = (made: FeedbackRecord): PublishedQuoteText => {
            count += 1;
            return { text: made.text, counts: {}, tainted: taint.get(made.id) === true };
          };
          const pools = [0, 1, 2].map(() => new QuotePool(publish));
          offers.forEach((entry, index) => {
            const made = records[index];
            if (made !== undefined) pools[entry.theme]?.offer({ record: made, tier: entry.tier, distinctKeywords: entry.distinctKeywords });
          });
          return { pools, publishedCount: () => count };
        };
        const outsideCampaigns = (made: FeedbackRecord): boolean => !campaign.has(made.id);
        const lazy = run();
        const chosen = allocateQuotes(
          lazy.pools.map((pool, index) => ({ id: `t${index}`, candidates: pool.finalists(outsideCampaigns) })),
          perTheme,
        );
        const whole = run();
        const expected = chosenFromWholeLists(
          whole.pools.map((pool, index) => ({
            id: `t${index}`,
            candidates: pool
              .finalists(() => true)
              .all()
              .filter((entry) => outsideCampaigns(entry.record)),
          })),
          perTheme,
        );
        expect(new Map([...chosen].map(([id, entries]) => [id, entries.map((entry) => entry.record.id)]))).toEqual(expected);
        expect(lazy.publishedCount()).toBeLessThanOrEqual(whole.publishedCount());
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
