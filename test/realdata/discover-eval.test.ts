import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { discoverThemes } from '../../src/analysis/gaps.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { REALDATA_ROOT } from '../helpers/read-fixture.js';

const describeRealdata = REALDATA_ROOT === null ? describe.skip : describe;
const CONSULTATION = join(REALDATA_ROOT ?? '', 'consultation');

/** Ingesting and discovering on 3,824 comments several times takes longer than jest's default on a busy machine. */
const SLOW = 180_000;

/** Record id → the human coder's themes (none for a record coded as no theme). */
type HumanCoding = ReadonlyMap<string, readonly string[]>;

/** Cohen's kappa between two sets of the `total` records: in one against in the other. */
function kappa(a: ReadonlySet<string>, b: ReadonlySet<string>, total: number): number {
  let both = 0;
  for (const id of a) if (b.has(id)) both += 1;
  const agree = (total - a.size - b.size + 2 * both) / total;
  const chance = (a.size / total) * (b.size / total) + (1 - a.size / total) * (1 - b.size / total);
  return chance === 1 ? 0 : (agree - chance) / (1 - chance);
}

/** The mean over `from` of each set's best kappa with any set of `to`. */
function meanBestKappa(from: ReadonlyMap<string, Set<string>>, to: ReadonlyMap<string, Set<string>>, total: number): number {
  let sum = 0;
  for (const set of from.values()) sum += Math.max(0, ...[...to.values()].map((other) => kappa(set, other, total)));
  return sum / from.size;
}

/**
 * How well `tlap gaps --discover` finds the themes people coded, as README states it: the starter
 * codebook it proposes from `records` alone, matched as written; for each human theme the best
 * kappa any proposed theme reaches (found), and for each proposed theme its best kappa with a
 * human theme (matching), each averaged.
 */
async function discoveredAgainst(records: readonly FeedbackRecord[], coding: HumanCoding): Promise<string[]> {
  const { codebook: yaml } = await discoverThemes(records);
  const codebook = makeCodebook(yaml, { file: 'starter.yaml' });
  const assigner = new ThemeAssigner(codebook);
  const proposed = new Map(codebook.themes.map((theme) => [theme.id, new Set<string>()]));
  const human = new Map<string, Set<string>>();
  for (const record of records) {
    for (const id of assigner.assign(record).themeIds) proposed.get(id)?.add(record.id);
    for (const theme of coding.get(record.id) ?? []) {
      const holders = human.get(theme) ?? new Set<string>();
      human.set(theme, holders.add(record.id));
    }
  }
  return [meanBestKappa(human, proposed, records.length), meanBestKappa(proposed, human, records.length)].map((score) => score.toFixed(3));
}

async function storedRecords(temp: string, name: string, paths: string[]): Promise<FeedbackRecord[]> {
  const storeDir = join(temp, name);
  await ingest({ paths, cwd: CONSULTATION, storeDir });
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(storeDir)) records.push(record);
  return records;
}

describeRealdata('tlap gaps --discover against human coding (README, "tlap gaps")', () => {
  let temp = '';
  let fft: FeedbackRecord[] = [];
  let fftCoding: HumanCoding = new Map();
  let gambling: FeedbackRecord[] = [];
  let gamblingCoding: HumanCoding = new Map();

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'tlap-discover-'));
    fft = await storedRecords(temp, 'fft', ['nhs-fft-patient-feedback-human-coded.csv']);
    fftCoding = new Map(
      fft.map((record) => {
        const answers = record.meta['answers'];
        const target = answers !== null && typeof answers === 'object' && !Array.isArray(answers) ? answers['target'] : undefined;
        return [record.id, typeof target === 'string' && target !== 'Miscellaneous' ? [target] : []];
      }),
    );
    gambling = await storedRecords(temp, 'gambling', ['themefinder-gambling-q1-responses.jsonl', 'themefinder-gambling-q1-question.json']);
    const mapping = (await readFile(join(CONSULTATION, 'themefinder-gambling-q1-mapping.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '');
    const labelsOf = new Map(
      mapping.map((line) => {
        const entry = JSON.parse(line) as { response_id: number; labels: string[] };
        // X (none of the above) and Y (no reason given) are no theme.
        return [String(entry.response_id), entry.labels.filter((label) => label !== 'X' && label !== 'Y')];
      }),
    );
    gamblingCoding = new Map(gambling.map((record) => [record.id, labelsOf.get(String(record.meta['respondent'])) ?? []]));
  }, SLOW);

  afterAll(async () => {
    await rm(temp, { recursive: true, force: true });
  });

  test('the question asked is never proposed as a theme', async () => {
    expect(gambling).toHaveLength(100);
    const { groups } = await discoverThemes(gambling);
    const seeds = groups.map((group) => group.terms[0]);
    for (const subject of ['gambling', 'sports', 'ban', 'banned', 'advertisements']) expect(seeds).not.toContain(subject);
  });

  test.each([
    ['all 3,824 FFT comments', (): FeedbackRecord[] => fft, ['0.208', '0.165']],
    [
      'Trust A (928)',
      (): FeedbackRecord[] => fft.filter((record) => String(record.meta['question']).startsWith('Trust A')),
      ['0.117', '0.100'],
    ],
    [
      'Trust B (891)',
      (): FeedbackRecord[] => fft.filter((record) => String(record.meta['question']).startsWith('Trust B')),
      ['0.164', '0.128'],
    ],
    [
      'Trust C (2,005)',
      (): FeedbackRecord[] => fft.filter((record) => String(record.meta['question']).startsWith('Trust C')),
      ['0.216', '0.190'],
    ],
    ['Trust A, Q2 (589)', (): FeedbackRecord[] => fft.filter((record) => record.meta['question'] === 'Trust A - Q2'), ['0.159', '0.138']],
  ])(
    '%s: human themes found and proposals matching one, by mean best kappa',
    async (_name, subset, expected) => {
      expect(await discoveredAgainst(subset(), fftCoding)).toEqual(expected);
    },
    SLOW,
  );

  test('ThemeFinder gambling answers (100): human themes found and proposals matching one, by mean best kappa', async () => {
    expect(await discoveredAgainst(gambling, gamblingCoding)).toEqual(['0.263', '0.325']);
  });
});
