import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ingestAndReport, publishedWords } from '../builders/report-outputs.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const FIXTURE = join(PROJECT_ROOT, 'fixtures/report/publication-consent');
const FORMATS = ['md', 'html', 'json', 'csv'] as const;

/** Words of respondents who declined publication (by answer, by a blank permission, by asking for confidentiality). */
const DECLINED = [
  'Respite for my wife who cares for me every night',
  'The day centre bus no longer stops in our village',
  'A carer who knows my mother and her routines',
  'Without the day centre I could not keep my job',
  "My son's carer changes every week and nobody tells us why",
];

let outputs: Partial<Record<(typeof FORMATS)[number], string>> = {};
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-consent-'));
  await cp(FIXTURE, dir, { recursive: true });
  outputs = await ingestAndReport(dir, 'exports', FORMATS);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('respondents who did not agree to publication, end to end', () => {
  test('their words are in no format of the report', () => {
    expect(publishedWords(outputs, DECLINED)).toEqual([]);
  });

  test('they are counted: in the themes, the methods section and the JSON; the others are quoted', () => {
    const json = JSON.parse(outputs.json ?? '{}') as { records_total: number; quotes_withheld_without_consent: number };
    expect([json.records_total, json.quotes_withheld_without_consent]).toEqual([11, 5]);
    expect(outputs.md).toContain('- 5 records are from respondents who did not agree to their words being published');
    expect(outputs.md).toContain('The day centre gives my husband a reason to get up');
  });

  test('the CSV keeps their rows and themes, with a note for the text', () => {
    const rows = (outputs.csv ?? '')
      .split('\n')
      .filter((row) => row.includes('[not published: the respondent did not agree to publication]'));
    expect(rows).toHaveLength(5);
  });
});
