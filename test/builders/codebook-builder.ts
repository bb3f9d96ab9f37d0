import { stringify } from 'yaml';
import { loadCodebookText } from '../../src/codebook/load-codebook.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { formatCodebookIssue } from '../../src/codebook/codebook-issue.js';

/** A theme as a test writes it; `label` defaults to the id. */
export interface ThemeSpec {
  id: string;
  label?: string;
  description?: string;
  keywords?: string[];
  exact?: string[];
  near?: { all: string[]; within: number }[];
  exclude?: (string | { near: string; within: number })[];
  parent?: string;
  otherwise?: boolean;
  min_hits?: number;
  examples?: { match?: string[]; no_match?: string[] };
}

/** Top-level settings a test codebook may carry besides its themes. */
export interface CodebookSettings {
  title?: string;
  unit?: 'record' | 'sentence';
  assign?: 'multi' | 'single';
  /** `report.groups`: part of the closed question that splits respondents into groups. */
  groups?: string;
  /** `publish.min_count`. */
  minCount?: number;
}

/** The YAML text of a codebook with these themes (and an optional title or other settings). */
export function codebookYaml(themes: readonly ThemeSpec[], settings: string | CodebookSettings = {}): string {
  const { title, unit, assign, groups, minCount }: CodebookSettings = typeof settings === 'string' ? { title: settings } : settings;
  return stringify({
    version: 1,
    ...(title === undefined ? {} : { title }),
    ...(unit === undefined ? {} : { unit }),
    ...(assign === undefined ? {} : { assign }),
    ...(minCount === undefined ? {} : { publish: { min_count: minCount } }),
    ...(groups === undefined ? {} : { report: { groups } }),
    themes: themes.map(({ id, label, ...theme }) => ({ id, label: label ?? id, ...theme })),
  });
}

/**
 * A codebook loaded by the real loader (loadCodebookText), from YAML text or from theme specs.
 * Throws, listing every issue, when the codebook is not valid: a test's codebook must be.
 */
export function makeCodebook(yamlOrThemes: string | readonly ThemeSpec[], options: CodebookSettings & { file?: string } = {}): Codebook {
  const { file, ...settings } = options;
  const text = typeof yamlOrThemes === 'string' ? yamlOrThemes : codebookYaml(yamlOrThemes, settings);
  const { codebook, errors } = loadCodebookText(text, file ?? 'themes.yaml');
  if (codebook === null) {
    throw new Error(`makeCodebook: the test codebook is invalid:\n${errors.map(formatCodebookIssue).join('\n')}`);
  }
  return codebook;
}
