import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { REPORT_FORMATS } from '../../src/report/report-formats.js';
import type { ThemeReport } from '../../src/report/theme-report.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { buildReport } from '../report/report-fixture.js';

/** Where the screenshots go: a CI artefact folder, gitignored. */
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const CHROMIUM_CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromium = CHROMIUM_CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
const DESKTOP = { name: 'desktop', width: 1280, height: 900 } as const;
const WIDTHS = [DESKTOP, { name: 'phone', width: 390, height: 844 }] as const;

if (chromium === undefined) {
  process.stderr.write(
    'SKIPPED test/browser: no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome); install it with: apt-get install -y chromium\n',
  );
}
const describeWithBrowser = chromium === undefined ? describe.skip : describe;

/** A report over several months, channels and respondent groups, so every chart and table is drawn. */
function spreadReport(): ThemeReport {
  const codebook = makeCodebook(
    [
      { id: 'carers', label: 'Support for carers', keywords: ['carer', 'respite'] },
      { id: 'money', label: 'Personal budgets and direct payments', keywords: ['budget'] },
      { id: 'places', label: 'Places & spaces <near> "home"', keywords: ['day centre'] },
    ],
    { title: 'What we heard <in 2014>', groups: 'responding as', minCount: 5 },
  );
  const texts = ['A carer needs respite', 'My budget was cut', 'The day centre closed and my budget went', 'Nothing to do with it'];
  const channels = ['twitter', 'survey', 'email', 'blog-comment'] as const;
  const records = Array.from({ length: 120 }, (_, index) =>
    makeThemedRecord(codebook, {
      text: `${texts[index % texts.length] ?? ''} (${index})`,
      channel: channels[index % channels.length] ?? 'survey',
      date: index % 10 === 0 ? null : `2014-${String((index % 6) + 1).padStart(2, '0')}-1${index % 9}T12:00:00.000Z`,
      meta: {
        ...(index % 4 === 1 ? { question: `Q${(index % 3) + 1} What matters to you?` } : {}),
        answers: {
          'Are you responding as an individual or on behalf of an organisation?':
            index % 3 === 0 ? 'On behalf of an organisation' : 'Individual',
        },
      },
    }),
  );
  return buildReport(codebook, records);
}

async function renderHtml(report: ThemeReport): Promise<string> {
  const html = REPORT_FORMATS.find((format) => format.name === 'html');
  if (html?.kind !== 'document') throw new Error('no html format');
  return (await html.load())(report);
}

interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

async function openPage(browser: Browser, file: string, width: number, height: number): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage();
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(String(error)));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`));
  await page.setViewport({ width, height });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, problems };
}

describeWithBrowser('the HTML report in a real browser (Chromium, headless)', () => {
  let browser: Browser;
  /** Each report opened once at the desktop width, shared by the cases (opening a page costs a second or two). */
  const desktop: { name: string; file: string; page: Page; problems: PageProblems }[] = [];

  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: chromium ?? '',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
    const spread = join(ARTIFACTS, 'spread-report.html');
    await writeFile(spread, await renderHtml(spreadReport()));
    for (const { name, file } of [
      { name: 'demo', file: join(PROJECT_ROOT, 'fixtures/demo/summary.html') },
      { name: 'spread', file: spread },
    ]) {
      desktop.push({ name, file, ...(await openPage(browser, file, DESKTOP.width, DESKTOP.height)) });
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('loads with no console error and no blocked or failed resource; draws its charts', async () => {
    for (const { name, page, problems } of desktop) {
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
      const charts = (await page.evaluate(
        `[...document.querySelectorAll('svg[role="img"]')].map((svg) => ({ title: svg.querySelector('title')?.textContent ?? '', width: svg.getBoundingClientRect().width }))`,
      )) as { title: string; width: number }[];
      expect(charts.length).toBeGreaterThanOrEqual(name === 'spread' ? 3 : 2);
      for (const chart of charts) {
        expect(chart.title).not.toBe('');
        expect(chart.width).toBeGreaterThan(100);
      }
    }
  }, 60_000);

  test('screenshots at desktop and phone widths go to test-artifacts/; nothing overflows the phone width', async () => {
    for (const { file, name, page: desktopPage } of desktop) {
      for (const size of WIDTHS) {
        const page = size === DESKTOP ? desktopPage : (await openPage(browser, file, size.width, size.height)).page;
        // A page behind another tab draws no frames, and a screenshot waits for one.
        await page.bringToFront();
        const path = join(ARTIFACTS, `${name}-${size.name}.png`);
        // A full desktop page is over 20 megapixels: fast PNG compression (a larger file) halves the time.
        await page.screenshot({ path, fullPage: true, optimizeForSpeed: true });
        expect(existsSync(path)).toBe(true);
        const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
        expect(overflow).toBeLessThanOrEqual(0);
        if (page !== desktopPage) await page.close();
      }
    }
  }, 90_000);

  test('axe finds no serious or critical accessibility violation', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const { name, page } of desktop) {
      await page.bringToFront();
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(
        `axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 3) })))`,
      )) as { id: string; impact: string | null; nodes: string[] }[];
      const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect({ name, serious }).toEqual({ name, serious: [] });
    }
  }, 90_000);
});
