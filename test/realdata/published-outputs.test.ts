import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { ingest } from '../../src/ingest/ingest.js';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { buildThemeReport, renderReport, themeOutput } from '../../src/run/theme-output.js';
import { decodeHtmlEntities } from '../../src/text/html-entities.js';
import { csvExport } from '../builders/export-files.js';
import { PROJECT_ROOT, REALDATA_ROOT } from '../helpers/read-fixture.js';
import { readLabelledSentences, type LabelledSentence } from '../privacy/name-detection-figures.js';

const describeWithRealData = REALDATA_ROOT === null ? describe.skip : describe;

/** The kinds found by patterns, to look for in published output. */
const CONTACT_KINDS = { ...DEFAULT_REDACTION_POLICY, kinds: new Set(['email', 'phone', 'postcode', 'nhs-number'] as const) };
const EMAIL_ADDRESS = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** tlap's record ids and fingerprints: hex runs that hold digits but are not anybody's number. */
const TLAP_HEX = /\b[0-9a-f]{16,20}\b/g;

/** Contact details as they are written to get past a filter (issue 9, item 2). */
const OBFUSCATED = [
  'Write to jane.doe&#64;example.com about the respite service',
  'or jane&#x2e;doe&#x40;example&#x2e;com for carers',
  'Ring <b>07700</b> 900123 about my care budget',
  'Full width ０７７００ ９００１２３ for the day centre',
  'Call 07700&nbsp;900123 about the support plan',
  'My postcode is SW1A&nbsp;1AA and my NHS number is 999&#32;000&#32;0018',
];

const LABELLED = ['with-names.txt', 'held-out.txt'].flatMap((file) =>
  readLabelledSentences(join(PROJECT_ROOT, 'fixtures/privacy/names', file)),
);

function emailFiles(root: string): string[] {
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile() && /\.(?:eml|mbox)$/.test(path));
}

function messageIds(paths: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const path of paths) {
    for (const match of readFileSync(path, 'latin1').matchAll(/^Message-I[Dd]:[ \t]*<?([^>\s]+)>?/gm)) {
      if (match[1] !== undefined) ids.add(match[1]);
    }
  }
  return [...ids];
}

/** What a reader sees of an output: the page's style sheet (colours such as `#f4f7fb`) left out, entities decoded. */
function asRead(output: string): string {
  return decodeHtmlEntities(output.replace(/<style>[\s\S]*?<\/style>/g, '')).normalize('NFKC');
}

describeWithRealData('published outputs of the shared real files, the demo and the labelled names (issue 9: done when)', () => {
  const outputs: Record<string, string> = {};
  let dir = '';
  let codebook: Codebook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-published-'));
    const rows = [
      ...LABELLED.map((sentence, index) => ({ id: `n${index + 1}`, text: sentence.text })),
      ...OBFUSCATED.map((text, index) => ({ id: `o${index + 1}`, text })),
    ];
    await writeFile(join(dir, 'labelled.csv'), csvExport(rows));
    const load = await loadCodebook(join(PROJECT_ROOT, 'themes.yaml'), 'themes.yaml');
    if (load.codebook === null) throw new Error('themes.yaml does not load');
    codebook = load.codebook;
    const storeDir = join(dir, '.tlap');
    await ingest({
      paths: [REALDATA_ROOT ?? '', join(PROJECT_ROOT, 'fixtures/demo/exports'), join(dir, 'labelled.csv')],
      storeDir,
      cwd: dir,
    });
    const report = await buildThemeReport({ storeDir, codebook, format: 'json' });
    for (const format of ['md', 'html', 'json']) outputs[format] = await renderReport(report, format);
    const csv: string[] = [];
    for await (const chunk of themeOutput({ storeDir, codebook, format: 'csv' })) csv.push(chunk);
    outputs['csv'] = csv.join('');
  }, 300_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each(['md', 'html', 'json', 'csv'])(
    '%s: no e-mail address, phone number, postcode or NHS number, however it was written',
    (format) => {
      const text = asRead(outputs[format] ?? '');
      expect(text.length).toBeGreaterThan(10_000);
      expect(EMAIL_ADDRESS.exec(text)?.[0]).toBeUndefined();
      expect(redactPersonalData(text.replace(TLAP_HEX, ''), CONTACT_KINDS).counts).toEqual({});
    },
  );

  test('the obfuscated contact details were read and published as tokens', () => {
    const csv = outputs['csv'] ?? '';
    for (const published of [
      'Write to [email] about the respite service',
      'or [email] for carers',
      'Ring [phone] about my care budget',
      'Full width [phone] for the day centre',
      'Call [phone] about the support plan',
      'My postcode is [postcode] and my NHS number is [NHS number]',
    ]) {
      expect(csv).toContain(published);
    }
  });

  test.each(['md', 'html', 'json', 'csv'])('%s: no Message-ID of the e-mails read', (format) => {
    const ids = messageIds([
      ...emailFiles(join(REALDATA_ROOT ?? '', 'email')),
      join(PROJECT_ROOT, 'fixtures/demo/exports/emailed-contributions.mbox'),
    ]);
    expect(ids.length).toBeGreaterThan(10);
    const text = asRead(outputs[format] ?? '');
    expect(ids.filter((id) => text.includes(id))).toEqual([]);
  });

  test.each(['md', 'html', 'json', 'csv'])(
    '%s: a labelled name is published only where the name detector measurably misses it',
    (format) => {
      const redact = createRedactor(codebook);
      const missedByDetector = (sentence: LabelledSentence): boolean =>
        sentence.names.some((span) => redact(sentence.text).text.includes(sentence.text.slice(span.start, span.end)));
      const text = asRead(outputs[format] ?? '');
      const named = LABELLED.filter((sentence) => sentence.names.length > 0);
      const published = named.filter((sentence) => text.includes(sentence.text.replace(/\s+/g, ' ').trim()));
      expect(published.filter((sentence) => !missedByDetector(sentence)).map((sentence) => sentence.text)).toEqual([]);
      expect(named.filter(missedByDetector).length).toBeLessThanOrEqual(6);
      if (format === 'csv') {
        const rows = named.filter((sentence) => text.includes(redact(sentence.text).text));
        expect(rows.length).toBeGreaterThan(named.length * 0.9);
      }
    },
  );
});
