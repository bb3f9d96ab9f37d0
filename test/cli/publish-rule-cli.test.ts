import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { runCli } from '../builders/cli-runner.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/report/small-numbers');

/** `tlap themes` on the fixture's store, in each format that shows counts. */
const outputs: Record<'md' | 'html' | 'json', string> = { md: '', html: '', json: '' };
let csv = '';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-publish-'));
  await cp(FIXTURE, dir, { recursive: true });
  const ingested = await runCli(['ingest', 'exports'], { cwd: dir });
  if (ingested.exitCode !== ExitCode.Ok) throw new Error(`ingest failed: ${ingested.stderr}`);
  for (const format of ['md', 'html', 'json'] as const) {
    const result = await runCli(['themes', '--format', format], { cwd: dir });
    if (result.exitCode !== ExitCode.Ok) throw new Error(`themes --format ${format} failed: ${result.stderr}`);
    outputs[format] = result.stdout;
  }
  csv = (await runCli(['themes', '--format', 'csv'], { cwd: dir })).stdout;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The cells of the markdown tables whose caption starts with `caption`, by row (first column left out). */
function tableCells(markdown: string, caption: string): string[][] {
  const start = markdown.indexOf(`Table: ${caption}`);
  if (start < 0) return [];
  const lines = markdown.slice(start).split('\n').slice(2);
  const rows = lines.slice(
    2,
    lines.findIndex((line) => !line.startsWith('|')),
  );
  return rows.map((row) =>
    row
      .split('|')
      .slice(2, -1)
      .map((cell) => cell.trim()),
  );
}

const ROUNDED_OR_HIDDEN = /^(?:\d*[05]|fewer than [35]|suppressed|—|\d+\.\d%)$/;

describe('publish: round_to and quantifiers, end to end (fixtures/report/small-numbers)', () => {
  test('the store holds the fixture: 37 records, theme totals exact', () => {
    const report = JSON.parse(outputs.json) as { records_total: number; themes: { id: string; count: number }[] };
    expect(report.records_total).toBe(37);
    expect(report.themes.map((theme) => [theme.id, theme.count])).toEqual([
      ['carers', 20],
      ['money', 14],
      ['transport', 2],
    ]);
  });

  test('md: every count in the channel (records and voices), breakdown, co-occurrence and month tables is a multiple of 5 or hidden', () => {
    const md = outputs.md;
    expect(tableCells(md, 'Records and voices by channel')).toEqual([
      ['5', '13.5%', '5'],
      ['30', '81.1%', '30'],
    ]);
    const themeTables = ['Carers', 'Money', 'Transport'].map((label) => tableCells(md, `${label}: records by channel`));
    for (const table of themeTables) for (const row of table) expect(row.at(-1)).toMatch(ROUNDED_OR_HIDDEN);
    expect(themeTables[2]?.map((row) => row.at(-1))).toEqual(['fewer than 3', 'fewer than 3', 'fewer than 3', 'fewer than 3']);
    const together = tableCells(md, 'Records in both themes');
    expect(together).toEqual([
      ['20', '5', '0'],
      ['5', '14', '0'],
      ['0', '0', '2'],
    ]);
    for (const row of tableCells(md, 'Records by month')) expect(row[0]).toMatch(ROUNDED_OR_HIDDEN);
    expect(md).toContain('| Carers | 20 | 54.1% |');
    expect(md).toContain('those counts are rounded to the nearest 5');
    expect(md).toContain('- Carers with Money: 5 records together (17.2% of the records in either).');
  });

  test('md: the key finding words the largest share with the declared quantifier (many from 45%), not the default', () => {
    expect(outputs.md).toContain('Many of the records raised Carers.');
    expect(outputs.md).not.toContain('Most of the records raised');
  });

  test('md: the methods say what each declared word means, so the word never stands undefined beside the figure', () => {
    expect(outputs.md).toContain(
      '- Words for shares in the key findings: “a few” means under 20% of the records, “some” 20% to under 45%, “many” 45% to under 90% and “most” 90% or more.',
    );
  });

  test('html: the same numbers as the markdown, in tables and in the charts (theme totals, voices and campaign counts are headline figures)', () => {
    const html = outputs.html;
    expect(html).toContain(
      'Voices (distinct people) and records by channel, with the records’ share of all records: Twitter/X 5 voices, 5 records (13.5%); Surveys 30 voices, 30 records (81.1%).',
    );
    expect(html).toContain('Many of the records raised Carers.');
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1] ?? '');
    const numeric = cells.filter(
      (cell) => (/^\d/.test(cell) && !/^\d{4}-\d{2}$/.test(cell)) || cell.startsWith('fewer') || cell === 'suppressed',
    );
    const report = JSON.parse(outputs.json) as { themes: { count: number; voices?: number; campaign_count?: number }[] };
    const headline = report.themes.flatMap((theme) => [theme.count, theme.voices ?? 0, theme.campaign_count ?? 0]);
    const themeTotals = new Set([...headline.map(String), '37', '54.1%', '37.8%', '5.4%']);
    for (const cell of numeric) if (!themeTotals.has(cell)) expect(cell).toMatch(ROUNDED_OR_HIDDEN);
    expect(html).not.toContain('Twitter/X 7');
  });

  test('json: every protected cell is a multiple of 5 or a suppression object; the rule and the key finding are there', () => {
    const report = JSON.parse(outputs.json) as {
      by_channel: Record<string, unknown>;
      themes: { by_channel: Record<string, unknown>; breakdowns: Record<string, { cells: Record<string, unknown> }> }[];
      co_occurrence: { counts: unknown[][]; strongest: { together: unknown; overlap: number | null }[] };
      small_numbers: unknown;
      key_findings: string[];
    };
    const cells: unknown[] = [
      ...Object.values(report.by_channel),
      ...report.themes.flatMap((theme) => [
        ...Object.values(theme.by_channel),
        ...Object.values(theme.breakdowns).flatMap((breakdown) => Object.values(breakdown.cells)),
      ]),
      ...report.co_occurrence.counts.flatMap((row, i) => row.filter((_, j) => i !== j)),
      ...report.co_occurrence.strongest.map((pair) => pair.together),
    ];
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) {
      if (typeof cell === 'number') expect(cell % 5).toBe(0);
      else expect(cell).toMatchObject({ suppressed: expect.stringMatching(/^(small|secondary)$/) });
    }
    expect(report.by_channel).toEqual({ twitter: 5, survey: 30 });
    expect(report.small_numbers).toEqual({ min_count: 3, round_to: 5 });
    expect(report.key_findings[0]).toContain('Many of the records raised Carers.');
  });

  test('csv: one row per record and no counts, so nothing to round', () => {
    expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(38);
    expect(csv.startsWith('\ufeffid,channel,author,date,context,themes,campaign,carers,money,transport,text')).toBe(true);
  });
});
