import { stringify } from 'yaml';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { formatCodebookIssue } from '../../src/codebook/codebook-issue.js';

/** A theme as a test writes it; `label` defaults to the id. */
export interface ThemeSpec {
  id: string;
  label?: string;
  description?: string;
  keywords: string[];
  exclude?: string[];
}

/** The YAML text of a codebook with these themes (and an optional title). */
export function codebookYaml(themes: readonly ThemeSpec[], title?: string): string {
  return stringify({
    version: 1,
    ...(title === undefined ? {} : { title }),
    themes: themes.map((theme) => ({
      id: theme.id,
      label: theme.label ?? theme.id,
      ...(theme.description === undefined ? {} : { description: theme.description }),
      keywords: theme.keywords,
      ...(theme.exclude === undefined ? {} : { exclude: theme.exclude }),
    })),
  });
}

/**
 * A codebook parsed by the real parser (parseCodebook), from YAML text or from theme specs.
 * Throws, listing every issue, when the codebook is not valid: a test's codebook must be.
 */
export function makeCodebook(yamlOrThemes: string | readonly ThemeSpec[], options: { file?: string; title?: string } = {}): Codebook {
  const text = typeof yamlOrThemes === 'string' ? yamlOrThemes : codebookYaml(yamlOrThemes, options.title);
  const result = parseCodebook(text, options.file ?? 'themes.yaml');
  if ('issues' in result) {
    throw new Error(`makeCodebook: the test codebook is invalid:\n${result.issues.map(formatCodebookIssue).join('\n')}`);
  }
  return result.codebook;
}
