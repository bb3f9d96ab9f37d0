import { describe, expect, test } from '@jest/globals';
import { editTime } from '../../../src/adapters/readers/post-fields.js';
import { toIsoDate } from '../../../src/record/dates.js';

describe('editTime: the edit time an export gives, as ISO 8601 UTC', () => {
  test('reads epoch seconds (Reddit, Slack, Telegram) and ISO times with an offset (Mastodon, Discord)', () => {
    expect(editTime(1733690000)).toBe(toIsoDate(1733690000));
    expect(editTime('1705313000.000000')).toBe(toIsoDate(1705313000));
    expect(editTime('2024-06-12T10:09:00.000+01:00')).toBe(toIsoDate('2024-06-12T09:09:00Z'));
  });

  test('gives none for a post the export says was never edited', () => {
    for (const never of [null, undefined, false, '', true, 'yes']) expect(editTime(never)).toBeNull();
    expect(editTime('2024-02-10T18:04:11Z', '2024-02-10T18:04:11Z')).toBeNull();
    expect(editTime('2024-02-10T18:04:11.000Z', '2024-02-10T18:04:11Z')).toBeNull();
    expect(editTime('2024-02-11T08:31:02Z', '2024-02-11T08:30:00Z')).toBe(toIsoDate('2024-02-11T08:31:02Z'));
  });
});
