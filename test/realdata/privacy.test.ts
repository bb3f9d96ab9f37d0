import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { GUARDED_PATTERNS as NAME_PATTERNS } from '../../src/privacy/person-names.js';
import { GUARDED_PATTERNS as PERSONAL_DATA_PATTERNS, PERSONAL_DATA, redactPersonalData } from '../../src/privacy/personal-data.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { escapeMarkdownText } from '../../src/report/markdown-text.js';
import { REALDATA_ROOT } from '../helpers/read-fixture.js';
import { elementNamesBesideAddressLinks, expectedMarkdownText, htmlTextContent, renderMarkdown } from '../helpers/rendered-html.js';

const describeWithRealData = REALDATA_ROOT === null ? describe.skip : describe;

/** The kinds found by patterns; names are measured apart (below and in test/privacy/name-detection.test.ts). */
const PATTERNED_KINDS = {
  ...DEFAULT_REDACTION_POLICY,
  kinds: new Set([...DEFAULT_REDACTION_POLICY.kinds].filter((kind) => kind !== 'name')),
};

function realFile(path: string): string {
  return readFileSync(join(REALDATA_ROOT ?? '', path), 'utf8');
}

function realFiles(): string[] {
  const root = REALDATA_ROOT ?? '';
  const files: string[] = [];
  for (const folder of readdirSync(root)) {
    if (!statSync(join(root, folder)).isDirectory()) continue;
    for (const file of readdirSync(join(root, folder))) files.push(relative(root, join(root, folder, file)));
  }
  return files.sort();
}

describeWithRealData('redaction on real public feedback: no false alarms', () => {
  test('NHS Friends & Family Test comments (3,832 patients: hospitals, wards, years, step counts) lose nothing', () => {
    const text = realFile('consultation/nhs-fft-patient-feedback-human-coded.csv');
    expect(text).toContain('increased from 2500 steps to 7200 steps');
    expect(text).toContain('Discharged from hospital in Nov 2019, only in Feb 2020 had a physio.');
    expect(redactPersonalData(text, PATTERNED_KINDS)).toEqual({ text, counts: {} });
  });

  test('Pol.is comments (896 citizens): only "@work" is taken for a handle; "@ 1.91%" is not one', () => {
    const text = realFile('consultation/polis-bowling-green-ky-comments.csv');
    const result = redactPersonalData(text, PATTERNED_KINDS);
    expect(result.counts).toEqual({ handle: 1 });
    expect(result.text).toBe(text.replace('Bypass @work"', 'Bypass [handle]"'));
    expect(result.text).toContain('homeless fam. @ 1.91% occ. tax');
  });

  test('tweets: every @mention goes, the words around it stay', () => {
    const text = realFile('twitter/archive-tweets.js');
    expect(text).toContain('"full_text": "@RPDeshaies Pretty much anything by Bal-Sagoth"');
    const result = redactPersonalData(text, PATTERNED_KINDS);
    expect(result.text).toContain('"full_text": "[handle] Pretty much anything by Bal-Sagoth"');
    expect(result.text).not.toMatch(/@[A-Za-z0-9_]/);
    expect(Object.keys(result.counts)).toEqual(['handle']);
  });
});

describeWithRealData('the guards that let redaction skip patterns, on real text', () => {
  test('every line of every real file: the personal data found is what the plain alternation finds, and every guarded pattern that matches passes its guard', () => {
    const combined = PERSONAL_DATA.combined();
    const anywhere = [...NAME_PATTERNS, ...PERSONAL_DATA_PATTERNS].map(({ pattern, guard }) => ({
      pattern: new RegExp(pattern.source, pattern.flags.replace('g', '')),
      guard,
    }));
    const wrong: { file: string; line: number; what: string }[] = [];
    let matches = 0;
    for (const file of realFiles()) {
      realFile(file)
        .split('\n')
        .forEach((line, index) => {
          const guarded = [...PERSONAL_DATA.matches(line)].map((match) => `${match.index}:${match[0]}`);
          const plain = [...line.matchAll(combined)].map((match) => `${match.index}:${match[0]}`);
          matches += plain.length;
          if (guarded.join('|') !== plain.join('|')) wrong.push({ file, line: index + 1, what: 'personal data' });
          anywhere.forEach(({ pattern, guard }, at) => {
            if (pattern.test(line) && !guard.test(line)) wrong.push({ file, line: index + 1, what: `guarded pattern ${at}` });
          });
        });
    }
    expect(wrong).toEqual([]);
    expect(matches).toBeGreaterThan(1000);
  });
});

describeWithRealData('markdown escaping of real text', () => {
  test('every line of every real file, escaped, renders through marked as exactly its text in one paragraph', () => {
    let lines = 0;
    const wrong: { file: string; line: number; html: string }[] = [];
    for (const file of realFiles()) {
      realFile(file)
        .split('\n')
        .forEach((line, index) => {
          const html = renderMarkdown(escapeMarkdownText(line));
          const expected = expectedMarkdownText(line, 'space');
          const names = elementNamesBesideAddressLinks(html);
          const rightShape = expected === '' ? names.length === 0 : names.length === 1 && names[0] === 'p';
          if (!rightShape || htmlTextContent(html) !== expected) wrong.push({ file, line: index + 1, html });
          lines += 1;
        });
    }
    expect(wrong).toEqual([]);
    expect(lines).toBeGreaterThan(20_000);
  });
});

describeWithRealData('names in real public feedback', () => {
  test('NHS Friends & Family Test comments: the staff patients name go; wards, trusts, teams and places stay', () => {
    const rows = parse(realFile('consultation/nhs-fft-patient-feedback-human-coded.csv'), { columns: true }) as Record<string, string>[];
    const chosen = rows
      .map((row) => row['feedback'] ?? '')
      .filter((text, index) => index < 300 || /Tracey went|Schofield|Trevor|Natasha|Park House|Crisis Team/.test(text));
    const redacted = chosen.map((text) => redactPersonalData(text, DEFAULT_REDACTION_POLICY).text).join('\n');
    for (const name of ['Tracey went', 'Dr Schofield', 'Thank you Trevor', 'Natasha is wonderful']) expect(redacted).not.toContain(name);
    for (const kept of ['Crisis Team', 'Park House', 'Bingham Health Centre', 'Step 4']) expect(redacted).toContain(kept);
  });
});
