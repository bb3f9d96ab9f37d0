import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { labelledLines, scoreDetailsByKind } from './labelled-details.js';

const lines = labelledLines('fixtures/privacy/vehicle-registrations/labelled.txt');

describe('UK vehicle registration marks (figures in README.md)', () => {
  test('labelled.txt: every mark goes, today’s form anywhere in capitals and older forms after words that say so; codes, rooms, roads and postcodes stay theirs', () => {
    const { figures, wrong } = scoreDetailsByKind(lines, DEFAULT_REDACTION_POLICY);
    expect(lines.length).toBe(19);
    expect(figures).toEqual({
      'vehicle-registration': { labels: 10, found: 10, flagged: 10 },
      postcode: { labels: 1, found: 1, flagged: 1 },
      phone: { labels: 1, found: 1, flagged: 1 },
    });
    expect(wrong).toEqual([]);
  });

  test('a mark in lower case, or of an older form, with no word saying it is one, stays', () => {
    expect(redactPersonalData('ab12 cde').text).toBe('ab12 cde');
    expect(redactPersonalData('Room P123 RST').text).toBe('Room P123 RST');
    expect(redactPersonalData('car reg p123 rst').text).toBe('car reg [vehicle registration]');
  });

  test('a policy leaving the kind out publishes the mark as written', () => {
    const kinds = new Set([...DEFAULT_REDACTION_POLICY.kinds].filter((kind) => kind !== 'vehicle-registration'));
    expect(redactPersonalData('The car AB12 CDE was there', { ...DEFAULT_REDACTION_POLICY, kinds }).text).toBe(
      'The car AB12 CDE was there',
    );
  });
});
