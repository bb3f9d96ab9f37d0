import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { labelledLines, scoreDetailsByKind } from './labelled-details.js';

const lines = labelledLines('fixtures/privacy/provider-emails/labelled.txt');

describe('e-mail addresses written with a mail provider and no ending (figures in README.md)', () => {
  test('labelled.txt: every address at a provider with no ending goes; the provider named in words that hold no address stays', () => {
    const { figures, wrong } = scoreDetailsByKind(lines, DEFAULT_REDACTION_POLICY);
    expect(lines.length).toBe(14);
    expect(figures).toEqual({ email: { labels: 8, found: 8, flagged: 8 } });
    expect(wrong).toEqual([]);
  });

  test('a phone number or a time before a provider is no local part: the number stays its own kind, the time stays', () => {
    expect(redactPersonalData('call 07700900123 at hotmail').text).toBe('call [phone] at hotmail');
    expect(redactPersonalData('from 10.30 at Outlook House').text).toBe('from 10.30 at Outlook House');
    expect(redactPersonalData('jane.doe at gmail.com or jane.doe at gmail').text).toBe('[email] or [email]');
  });
});
