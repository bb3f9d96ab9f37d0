import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { buildDocx, paragraph, table } from '../builders/docx-documents.js';
import { ingestAndReport, publishedWords } from '../builders/report-outputs.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FORMATS = ['md', 'html', 'json', 'csv'] as const;

/** The response forms whose respondents declined publication, each with a consent answer after the words it covers. */
const DECLINED_FORMS = ['docx/declined-form/input.docx', 'odt/confidential-form/input.odt', 'pdf/declined-form/input.pdf'];

/** Words from those forms, before and after their answer on publishing. */
const DECLINED = [
  'We run the reading group that meets on Tuesday evenings',
  'Opening until eight, and a quiet room for homework',
  'The 42 is the only bus that reaches the estate after seven',
  'Keep the evening 42, even if it runs every hour',
  'Closing at dusk in winter shuts the park',
  'Light the path along the river so it is safe after dark',
];

/** A form whose respondent agreed to publication without their name: quoted as before. */
const AGREED = buildDocx({
  core: { created: '2024-05-23T09:00:00Z' },
  body: [
    paragraph('Library opening hours: response form'),
    table([
      ['Q1. What would help you use the library more?', 'A later bus home so I can stay until the library closes at eight.'],
      ['May we publish your response?', 'Publish response only (without name)'],
    ]),
  ].join(''),
});

let outputs: Partial<Record<(typeof FORMATS)[number], string>> = {};
let dir = '';
let explained = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-document-consent-'));
  await mkdir(join(dir, 'forms'));
  for (const [index, form] of DECLINED_FORMS.entries()) {
    await copyFile(
      join(PROJECT_ROOT, 'fixtures/adapters', form),
      join(dir, 'forms', `declined-${index}${form.slice(form.lastIndexOf('.'))}`),
    );
  }
  await writeFile(join(dir, 'forms', 'agreed.docx'), AGREED);
  await writeFile(
    join(dir, 'themes.yaml'),
    codebookYaml([
      { id: 'library', keywords: ['library', 'reading group', 'homework'] },
      { id: 'transport', keywords: ['bus', 'route', 'evening'] },
      { id: 'parks', keywords: ['park', 'path', 'river'] },
    ]),
  );
  outputs = await ingestAndReport(dir, 'forms', FORMATS);
  const csv = outputs.csv ?? '';
  const id = /^([0-9a-f]{20}),/m.exec(csv.split('\n').find((row) => row.includes('[not published')) ?? '')?.[1] ?? '';
  explained = (await runCli(['explain', id], { cwd: dir })).stdout;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('response forms (docx, odt, pdf) whose respondent declined publication, end to end', () => {
  test('their words are in no format of the report', () => {
    expect(publishedWords(outputs, DECLINED)).toEqual([]);
  });

  test('they are counted, and the form that agreed is quoted', () => {
    const json = JSON.parse(outputs.json ?? '{}') as { records_total: number; quotes_withheld_without_consent: number };
    expect([json.records_total, json.quotes_withheld_without_consent]).toEqual([12, 10]);
    expect(outputs.md).toContain('A later bus home so I can stay until the library closes at eight.');
  });

  test('the CSV prints a note for their text, and explain says why', () => {
    const notes = (outputs.csv ?? '')
      .split('\n')
      .filter((row) => row.includes('[not published: the respondent did not agree to publication]'));
    expect(notes).toHaveLength(10);
    expect(explained).toContain('May we publish your response?');
  });
});
