import { describe, expect, test } from '@jest/globals';
import { loadCodebookText } from '../../src/codebook/load-codebook.js';
import { codebookYaml, makeCodebook } from '../builders/codebook-builder.js';

const THEMES = [{ id: 'funding', keywords: ['fund', 'budget'] }];

function issuesOf(text: string): string[] {
  return loadCodebookText(text, 'themes.yaml').errors.map((issue) => `${issue.line}:${issue.col} ${issue.message} (${issue.hint})`);
}

describe('report.groups in the codebook', () => {
  test('names the question by part of its text, kept as written (trimmed)', () => {
    expect(makeCodebook(THEMES, { groups: '  Responding as ' }).report).toEqual({ groups: 'Responding as' });
  });

  test('left out, or report: without groups, there is no group breakdown', () => {
    expect(makeCodebook(THEMES).report).toEqual({ groups: null });
    expect(makeCodebook(`${codebookYaml(THEMES)}report: {}\n`).report).toEqual({ groups: null });
  });

  test('a codebook without it keeps the fingerprint it had; naming a question, or another one, changes it', () => {
    const without = makeCodebook(THEMES).fingerprint;
    expect(makeCodebook(`${codebookYaml(THEMES)}report: {}\n`).fingerprint).toBe(without);
    const asked = makeCodebook(THEMES, { groups: 'responding as' }).fingerprint;
    expect(asked).not.toBe(without);
    expect(makeCodebook(THEMES, { groups: 'organisation type' }).fingerprint).not.toBe(asked);
  });

  test('a value that is not words of a question is an error at its line and column, with a hint', () => {
    const base = codebookYaml(THEMES);
    expect(issuesOf(`${base}report:\n  groups: ''\n`)).toEqual([
      `${base.split('\n').length + 1}:11 report.groups must be words of the question that splits respondents into groups, not "" (write part of the question as the export heads it, e.g. "groups: responding as")`,
    ]);
    expect(issuesOf(`${base}report:\n  groups: [a, b]\n`)[0]).toMatch(
      /^\d+:11 report\.groups must be words of the question .*, not a list/,
    );
  });

  test('report: that is not a mapping, or a key it does not know, is an error with a hint', () => {
    const base = codebookYaml(THEMES);
    const line = base.split('\n').length;
    expect(issuesOf(`${base}report: responding as\n`)).toEqual([
      `${line}:9 report must be a mapping, not "responding as" (write "report: {groups: responding as}")`,
    ]);
    expect(issuesOf(`${base}report:\n  group: responding as\n`)).toEqual([
      `${line + 1}:3 unknown key "group" in report (did you mean "groups"?)`,
    ]);
  });

  test('a misspelt report key at the top level is suggested', () => {
    expect(issuesOf(`${codebookYaml(THEMES)}reprot: {groups: x}\n`)[0]).toContain('did you mean "report"?');
  });
});
