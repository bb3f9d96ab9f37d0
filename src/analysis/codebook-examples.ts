import type { Codebook, Example, Theme } from '../codebook/codebook.js';
import type { Explanation } from './explain.js';
import { Explainer } from './explain.js';
import { counted } from '../counted.js';

/** One example of `examples:` that the codebook gets wrong. */
export interface ExampleFailure {
  theme: Theme;
  example: Example;
  /** Whether the example was listed under `match` (should be in the theme) or `no_match`. */
  expected: 'match' | 'no_match';
  /** How the codebook read the example. */
  explanation: Explanation;
}

/** The outcome of checking every example of a codebook. */
export interface ExampleResults {
  /** Examples checked. */
  total: number;
  /** Examples the codebook gets wrong, in codebook order. */
  failures: ExampleFailure[];
}

/**
 * Runs every theme's `examples:` through the codebook as if each were a record (min_hits,
 * otherwise, unit and assign all apply): a `match` example must get the theme, a `no_match` one
 * must not.
 */
export function checkCodebookExamples(codebook: Codebook): ExampleResults {
  const explainer = new Explainer(codebook);
  const failures: ExampleFailure[] = [];
  let total = 0;
  for (const theme of codebook.themes) {
    const cases: [Example, 'match' | 'no_match'][] = [
      ...theme.examples.match.map((example): [Example, 'match'] => [example, 'match']),
      ...theme.examples.noMatch.map((example): [Example, 'no_match'] => [example, 'no_match']),
    ];
    for (const [example, expected] of cases) {
      total += 1;
      const explanation = explainer.text(example.text);
      const inTheme = explanation.themeIds.includes(theme.id);
      if (inTheme !== (expected === 'match')) failures.push({ theme, example, expected, explanation });
    }
  }
  return { total, failures };
}

/**
 * A failure as one line, `themes.yaml:LINE:COL: theme "id" should match "text" but does not: …`,
 * with the reason: the hits that put the example in the theme, or what kept it out.
 */
export function describeExampleFailure(failure: ExampleFailure, file: string): string {
  const { theme, example, expected, explanation } = failure;
  const index = explanation.evidence.findIndex((evidence) => evidence.themeId === theme.id);
  const evidence = explanation.evidence[index];
  const hits = evidence?.hits ?? [];
  const vetoed = evidence?.vetoed ?? [];
  const where = `${file}:${example.position.line}:${example.position.col}`;
  if (expected === 'no_match') {
    const reasons = hits.map((hit) => `"${hit.keyword}" (line ${hit.position.line}) matched "${hit.words}"`);
    const because = reasons.length > 0 ? reasons.join(', ') : 'it is an otherwise theme and no other theme matched';
    return `${where}: theme "${theme.id}" should not match ${JSON.stringify(example.text)} but does: ${because}`;
  }
  const reasons: string[] = [];
  for (const hit of vetoed) reasons.push(`"${hit.keyword}" matched "${hit.words}" but "${hit.by}" (line ${hit.byPosition.line}) vetoed it`);
  if (hits.length > 0 && hits.length < theme.minHits) reasons.push(`${counted(hits.length, 'hit')}, min_hits is ${theme.minHits}`);
  const others = explanation.themeIds.filter((id) => id !== theme.id);
  if (theme.otherwise && others.length > 0) reasons.push(`otherwise, but ${others.join(', ')} matched`);
  else if (hits.length >= theme.minHits && others.length > 0) reasons.push(`assign: single chose ${others.join(', ')}`);
  if (reasons.length === 0) reasons.push('no keyword of the theme occurs in it');
  return `${where}: theme "${theme.id}" should match ${JSON.stringify(example.text)} but does not: ${reasons.join('; ')}`;
}
