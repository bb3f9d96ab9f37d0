import { readFileSync } from 'node:fs';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { REDACTION_TOKENS } from '../../src/privacy/personal-data-kinds.js';
import type { RedactionPolicy } from '../../src/privacy/redaction-policy.js';

/** How redaction did on labelled lines: details labelled and found, tokens written, and the lines it got wrong. */
export interface DetailFigures {
  labels: number;
  found: number;
  flagged: number;
  correct: number;
  wrong: string[];
}

const TOKEN = new RegExp(
  Object.values(REDACTION_TOKENS)
    .map((token) => token.replace(/[[\]]/gu, '\\$&'))
    .join('|'),
  'gu',
);
const LABEL = /\[\[[a-z-]+:(.*?)\]\]/gu;

/** The lines of a labelled file (`[[kind:detail]]` marks a detail; `#` lines are comments). */
export function labelledLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/**
 * Scores redaction on labelled lines: a labelled detail is found when its text is gone from the
 * output; the tokens a line gains are its redactions, correct up to the number of details found.
 */
export function scoreDetails(lines: readonly string[], policy: RedactionPolicy): DetailFigures {
  const figures: DetailFigures = { labels: 0, found: 0, flagged: 0, correct: 0, wrong: [] };
  for (const line of lines) {
    const details = [...line.matchAll(LABEL)].map((match) => match[1] ?? '');
    const text = line.replace(LABEL, '$1');
    const output = redactPersonalData(text, policy).text;
    const tokens = (output.match(TOKEN) ?? []).length;
    const found = details.filter((detail) => !output.includes(detail)).length;
    figures.labels += details.length;
    figures.found += found;
    figures.flagged += tokens;
    figures.correct += Math.min(found, tokens);
    if (found < details.length || tokens > details.length) figures.wrong.push(output);
  }
  return figures;
}
