import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { PERSONAL_DATA_KINDS } from '../../src/privacy/personal-data-kinds.js';
import type { RedactionPolicy } from '../../src/privacy/redaction-policy.js';

// Inputs of 100,000 characters: a pattern that backtracked would not finish, which no shorter
// input shows without timing it. In npm test, not in npm run test:fast.

const TLAP_POLICY: RedactionPolicy = { kinds: new Set(PERSONAL_DATA_KINDS), keepHandles: ['@TLAP_News'] };

describe('redactPersonalData: runs in linear time on long adversarial input', () => {
  const LENGTH = 100_000;
  const cases: [string, string][] = [
    ['letters', 'a'.repeat(LENGTH)],
    ['local-part characters with no @', 'a.'.repeat(LENGTH / 2)],
    ['@ after @', '@'.repeat(LENGTH)],
    ['a@ repeated', 'a@'.repeat(LENGTH / 2)],
    ['domain labels that never end', `x@${'a-'.repeat(LENGTH / 2)}`],
    ['domain dots with no label', `x@a${'.-'.repeat(LENGTH / 2)}`],
    ['digits', '1'.repeat(LENGTH)],
    ['zeros and spaces', '0 '.repeat(LENGTH / 2)],
    ['phone prefixes', '+44 (0)'.repeat(LENGTH / 7)],
    ['brackets', '('.repeat(LENGTH)],
    ['postcode starts', 'SW1A '.repeat(LENGTH / 5)],
    ['obfuscated at', 'jo [at] '.repeat(LENGTH / 8)],
    ['handles with dots', `@${'a.'.repeat(LENGTH / 2)}`],
    ['glued postcodes and phones', 'SW1A 1AA07700900123'.repeat(LENGTH / 19)],
    ['digits in 3-3-4 near misses', '123 456 789 '.repeat(LENGTH / 12)],
    ['a long domain with no dot', `${'a'.repeat(64)}@${'b'.repeat(LENGTH)}`],
    ['punctuation before an address', `${'.'.repeat(LENGTH)}jo@example.com`],
    ['phone separators with no digits', `07700${' - '.repeat(LENGTH / 3)}`],
    ['accented letters then @', `${'é'.repeat(LENGTH)}@x`],
  ];

  test.each(cases)('%s', (_name, input) => {
    const once = redactPersonalData(input, TLAP_POLICY);
    expect(typeof once.text).toBe('string');
    expect(redactPersonalData(once.text, TLAP_POLICY).text).toBe(once.text);
  });

  test('100k characters of real personal data are all replaced', () => {
    const line = 'jo@example.com 07700 900123 SW1A 1AA 9990000018 @bob\n';
    const input = line.repeat(Math.ceil(LENGTH / line.length));
    const result = redactPersonalData(input, TLAP_POLICY);
    const lines = Math.ceil(LENGTH / line.length);
    expect(result.counts).toEqual({ email: lines, phone: lines, postcode: lines, 'nhs-number': lines, handle: lines });
    expect(result.text).toBe('[email] [phone] [postcode] [NHS number] [handle]\n'.repeat(lines));
  });
});
