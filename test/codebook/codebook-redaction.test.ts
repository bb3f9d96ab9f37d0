import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadCodebookText } from '../../src/codebook/load-codebook.js';
import { PERSONAL_DATA_KINDS } from '../../src/privacy/personal-data-kinds.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const THEMES = 'themes:\n  - id: carers\n    label: Carers\n    keywords: [carer]\n';

function codebookOf(yaml: string) {
  const result = loadCodebookText(yaml, 'themes.yaml');
  if (result.codebook === null) throw new Error(result.errors.map((issue) => issue.message).join('\n'));
  return result.codebook;
}

describe('the redact: block of themes.yaml', () => {
  test('absent: every kind of personal data is redacted and no handle kept', () => {
    const codebook = codebookOf(`version: 1\n${THEMES}`);
    expect([...codebook.redaction.kinds].sort()).toEqual([...PERSONAL_DATA_KINDS].sort());
    expect(createRedactor(codebook)('ask @TLAP_News or @jo').text).toBe('ask [handle] or [handle]');
  });

  test('kinds and keep_handles are honoured by the published-text redactor', () => {
    const codebook = codebookOf(`version: 1\nredact:\n  kinds: [email, handle]\n  keep_handles: ["@TLAP_News"]\n${THEMES}`);
    expect(createRedactor(codebook)('ask @TLAP_News or @jo, 07700 900123, jo@example.com').text).toBe(
      'ask @TLAP_News or [handle], 07700 900123, [email]',
    );
  });

  test('changing the policy changes the codebook fingerprint', () => {
    const all = codebookOf(`version: 1\n${THEMES}`);
    const some = codebookOf(`version: 1\nredact:\n  kinds: [email]\n${THEMES}`);
    expect(some.fingerprint).not.toBe(all.fingerprint);
  });

  test('every problem in the settings is reported at once with its line and column', () => {
    const yaml = readFileSync(join(PROJECT_ROOT, 'fixtures/codebook/bad-redact-settings/themes.yaml'), 'utf8');
    const result = loadCodebookText(yaml, 'themes.yaml');
    expect(result.codebook).toBeNull();
    expect(result.errors.map((issue) => [issue.line, issue.col])).toEqual([
      [3, 18],
      [3, 26],
      [4, 18],
      [5, 9],
    ]);
    expect(result.errors.every((issue) => issue.hint.length > 0)).toBe(true);
    expect(result.errors[0]?.message).toMatch(/phones/);
  });
});
