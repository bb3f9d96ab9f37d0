import { describe, expect, test } from '@jest/globals';
import { discoverThemes, findGaps, keywordInContext } from '../../src/analysis/gaps.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { codeRecords } from './coded-records.js';

const codebook = makeCodebook([{ id: 'staff', keywords: ['staff', 'nurse'] }]);

function texts(): { text: string; channel: 'survey' | 'twitter' }[] {
  const rows: { text: string; channel: 'survey' | 'twitter' }[] = [];
  for (let index = 0; index < 8; index += 1) rows.push({ text: `The staff were kind on day ${index}.`, channel: 'survey' });
  for (let index = 0; index < 6; index += 1)
    rows.push({ text: `No parking spaces near the clinic, try ${index}.`, channel: index < 4 ? 'survey' : 'twitter' });
  for (let index = 0; index < 3; index += 1) rows.push({ text: `The bus timetable changed again ${index}.`, channel: 'survey' });
  return rows;
}

describe('findGaps', () => {
  test('ranks the words of unthemed records against themed ones, with context lines, channels and a YAML stub', async () => {
    const coded = codeRecords(
      codebook,
      texts().map((row, index) => ({ ...row, sourceId: `r${index}` })),
    );
    const report = await findGaps(codebook, coded);
    expect(report.records).toBe(17);
    expect(report.unthemed).toBe(9);
    const parking = report.terms.find((term) => term.term === 'parking');
    expect(parking).toMatchObject({ unthemed: 6, themed: 0, by_channel: { survey: 4, twitter: 2 } });
    expect(parking?.contexts[0]).toEqual({
      id: coded.find((item) => item.record.sourceId === 'r8')?.record.id,
      source_id: 'r8',
      line: 'No [parking] spaces near the clinic, try 0.',
    });
    expect(report.terms.map((term) => term.term)).not.toContain('staff');
    const stubThemes = makeCodebook(`version: 1\nthemes:\n${report.stub}`).themes;
    expect(stubThemes.flatMap((theme) => theme.rules.map((rule) => rule.source))).toEqual(expect.arrayContaining(['clinic', 'bus']));
  });

  test("the stub's examples are redacted by the codebook's own policy: a public figure it keeps stays, other names go", async () => {
    const keeping = makeCodebook(
      'version: 1\nredact:\n  keep_names: ["Jeremy Hunt"]\nthemes:\n  - id: staff\n    label: Staff\n    keywords: [staff, nurse]\n',
    );
    const rows = texts().map((row, index) => ({
      ...row,
      sourceId: `r${index}`,
      text: row.text.includes('parking') ? `${row.text} Jeremy Hunt promised more, Sarah Jones said.` : row.text,
    }));
    const stub = (await findGaps(keeping, codeRecords(keeping, rows))).stub;
    expect(stub).toContain('Jeremy Hunt promised more');
    expect(stub).not.toContain('Sarah Jones');
  });

  test("the stub's examples never quote a respondent who declined publication, nor a record quotes: exclude: names", async () => {
    const excluding = makeCodebook(
      'version: 1\nquotes:\n  exclude: [r11]\nthemes:\n  - id: staff\n    label: Staff\n    keywords: [staff, nurse]\n',
    );
    const rows = texts().map((row, index) => ({
      ...row,
      sourceId: `r${index}`,
      meta: index === 10 ? { answers: { 'May we publish your response?': 'Do not publish response' } } : {},
    }));
    const report = await findGaps(excluding, codeRecords(excluding, rows));
    const examples = report.groups.flatMap((group) => group.examples.map((example) => example.source_id));
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((id) => id === 'r10' || id === 'r11')).toEqual([]);
    expect(report.terms.find((term) => term.term === 'parking')?.unthemed).toBe(6);
  });

  test('records whose only themes are otherwise themes count as unthemed', async () => {
    const withOtherwise = { ...codebook, themes: codebook.themes.map((theme) => ({ ...theme, otherwise: true })) };
    const coded = codeRecords(codebook, [{ text: 'The staff were kind.' }, { text: 'No parking.' }]);
    expect((await findGaps(withOtherwise, coded)).unthemed).toBe(2);
  });
});

describe('discoverThemes', () => {
  test('proposes a deterministic starter codebook that tlap reads as is', async () => {
    const records = texts().map((row, index) => ({ id: `id${index}`, sourceId: `r${index}`, text: row.text }));
    const report = await discoverThemes(records);
    expect(await discoverThemes(records)).toEqual(report);
    expect(report.records).toBe(17);
    expect(report.groups.flatMap((group) => group.terms)).toEqual(expect.arrayContaining(['bus', 'clinic']));
    const parsed = makeCodebook(report.codebook);
    expect(parsed.themes.length).toBe(report.groups.length);
    expect(report.codebook).toMatch(/^# A starter codebook that tlap proposed from 17 records\./);
    expect(report.groups.find((group) => group.id === 'clinic')?.examples).toHaveLength(3);
  });

  test('a starter codebook counts its records with a thousands separator, as the report does', async () => {
    const records = Array.from({ length: 1500 }, (_unused, index) => ({
      id: `id${index}`,
      sourceId: `r${index}`,
      text: index % 2 === 0 ? `The bus to the clinic was late, trip ${index}.` : `The staff were kind, visit ${index}.`,
    }));
    expect((await discoverThemes(records)).codebook).toMatch(/^# A starter codebook that tlap proposed from 1,500 records\./);
  });

  test("a starter codebook's examples name records by tlap id and print their words as a published report would, personal data redacted", async () => {
    const records = texts().map((row, index) => ({
      id: `id${index}`,
      sourceId: `jo${index}@example.com`,
      text: `${row.text} Ring Sarah Jones on 07700 900123 or e-mail jo.smith@example.com.`,
    }));
    const report = await discoverThemes(records);
    const examples = report.groups.flatMap((group) => group.examples);
    expect(examples.length).toBeGreaterThan(0);
    expect(report.codebook).not.toMatch(/07700|jo\.smith|@example\.com|Sarah Jones/);
    expect(report.codebook).toMatch(/#   id\d: /);
    expect(examples.map((example) => example.text).join(' ')).toMatch(/\[phone\]|\[email\]/);
  });
});

test('a starter codebook never takes its examples from respondents who declined publication', async () => {
  const declined = { answers: { 'May we publish your response?': 'No' } };
  const records = texts().map((row, index) => ({
    id: `id${index}`,
    sourceId: `r${index}`,
    text: row.text,
    meta: index >= 8 ? declined : {},
  }));
  const report = await discoverThemes(records);
  const clinic = report.groups.find((group) => group.id === 'clinic');
  expect([clinic?.records, clinic?.examples]).toEqual([6, []]);
});

describe('keywordInContext', () => {
  test('marks the first occurrence of a term (by stem) with up to 40 characters each side', () => {
    expect(keywordInContext('We were well looked after, thank you', 'look after')).toBe('We were well [looked after], thank you');
    const long = `${'a '.repeat(40)}parking${' b'.repeat(40)}`;
    expect(keywordInContext(long, 'park')).toBe(`…${'a '.repeat(20)}[parking]${' b'.repeat(20)}…`);
  });
});
