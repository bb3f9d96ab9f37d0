import { describe, expect, test } from '@jest/globals';
import { loadCodebookText } from '../../src/codebook/load-codebook.js';
import { codebookYaml } from '../builders/codebook-builder.js';

// Codebooks far bigger than anyone writes, to show that loading one stays bounded. In npm test,
// not in npm run test:fast.

describe('codebooks far bigger than anyone writes', () => {
  test('50,000 aliases on one line are one error that counts them', () => {
    const text = `version: 1\nthemes:\n  - id: a\n    label: A\n    keywords: &a [x]\n  - id: b\n    label: B\n    keywords: [${Array.from({ length: 50_000 }, () => '*a').join(', ')}]\n`;
    const result = loadCodebookText(text, 'themes.yaml');
    expect(result.codebook).toBeNull();
    expect(result.errors.map((issue) => [issue.severity, `${issue.line}:${issue.col}`, issue.message])).toEqual([
      ['error', '5:18', 'YAML anchors and aliases (&name, *name) are not allowed'],
      ['error', '8:16', 'YAML anchors and aliases (&name, *name) are not allowed (50000 on this line)'],
    ]);
  });

  test('a long chain of parents is walked without recursion', () => {
    const themes = Array.from({ length: 3000 }, (_, index) => ({
      id: `t${index}`,
      keywords: [`word${index}`],
      ...(index > 0 ? { parent: `t${index - 1}` } : {}),
    }));
    const result = loadCodebookText(codebookYaml(themes), 'themes.yaml');
    expect(result.errors).toEqual([]);
  });
});
