import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Codebook } from '../../src/codebook/codebook.js';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSummary } from '../../src/ingest/ingest-summary.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { themeOutput } from '../../src/run/theme-output.js';
import { expectGolden } from '../helpers/golden.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const DEMO = join(PROJECT_ROOT, 'fixtures/demo');
const GOLDEN_FILES: readonly (readonly [format: string, file: string])[] = [
  ['md', 'summary.md'],
  ['html', 'summary.html'],
  ['json', 'summary.json'],
  ['csv', 'coded-records.csv'],
];

let storeDir = '';
let summary: IngestSummary;
const firstRenders = new Map<string, Promise<string>>();

/** themes.yaml, loaded once: every rendering, the second of each format too, themes with this one codebook. */
let codebookLoaded: Promise<Codebook> | undefined;

function demoCodebook(): Promise<Codebook> {
  codebookLoaded ??= loadCodebook(join(PROJECT_ROOT, 'themes.yaml'), 'themes.yaml').then(({ codebook, errors }) => {
    if (codebook === null) throw new Error(`themes.yaml does not load: ${errors.map((issue) => issue.message).join('; ')}`);
    return codebook;
  });
  return codebookLoaded;
}

async function render(format: string): Promise<string> {
  const codebook = await demoCodebook();
  const parts: string[] = [];
  for await (const chunk of themeOutput({ storeDir, codebook, format, includeAuthors: false, redact: createRedactor(codebook) })) {
    parts.push(chunk);
  }
  return parts.join('');
}

/** The first rendering of `format` in this run, made once and shared by the golden and the determinism checks. */
function firstRender(format: string): Promise<string> {
  const rendered = firstRenders.get(format) ?? render(format);
  firstRenders.set(format, rendered);
  return rendered;
}

describe('the demo consultation report (fixtures/demo)', () => {
  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'tlap-demo-'));
    summary = await ingest({ paths: ['fixtures/demo/exports'], storeDir, cwd: PROJECT_ROOT });
  });
  afterAll(async () => {
    await rm(storeDir, { recursive: true, force: true });
  });

  test('every demo export is read, and every item is accounted for', () => {
    expect(summary.skipped).toEqual([]);
    expect(summary.rejected).toBe(0);
    expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
  });

  test.each(GOLDEN_FILES)('%s output matches fixtures/demo/%s', async (format, file) => {
    expectGolden(join(DEMO, file), await firstRender(format));
  });

  test.each(GOLDEN_FILES)('%s output is deterministic: a second run gives the same text', async (format) => {
    expect(await render(format)).toBe(await firstRender(format));
  });
});
