import { describe, expect, it, test } from '@jest/globals';
import fc from 'fast-check';
import { CHANNELS } from '../../src/record/record.js';
import { contentSourceId, distinctSourceId, isRecordIdOf, makeRecordId, textFingerprint } from '../../src/record/record-id.js';
import { propertyRuns } from '../helpers/property-runs.js';

// Expected values computed independently: python3 -c "import hashlib; print(hashlib.sha256(b'survey\0R-0000001').hexdigest()[:20])"
describe('makeRecordId', () => {
  it('is the first 20 hex digits of sha256(channel NUL sourceId)', () => {
    expect(makeRecordId('survey', 'R-0000001')).toBe('4abe428af86cac0b8c33');
    expect(makeRecordId('twitter', '1457812345678901234')).toBe('7c1d5df1d71794a75396');
  });

  it('differs between channels for the same source id', () => {
    expect(makeRecordId('email', 'R-0000001')).not.toBe(makeRecordId('survey', 'R-0000001'));
  });
});

describe('contentSourceId', () => {
  it('hashes author, date and text, with empty strings for missing ones', () => {
    expect(contentSourceId('Jo', '2024-01-08T09:00:00.000Z', 'Hello')).toBe('content:bb0b0257206470fff954');
    expect(contentSourceId(null, null, 'Thank you')).toBe('content:fccba4037ad92f0a6b14');
  });
});

describe('textFingerprint', () => {
  it('is FNV-1a (32 bits) over the text, matching the published test vectors for ASCII', () => {
    expect(textFingerprint('')).toBe(0x811c9dc5);
    expect(textFingerprint('a')).toBe(0xe40c292c);
    expect(textFingerprint('foobar')).toBe(0xbf9cf968);
  });
});

describe('distinctSourceId', () => {
  it('appends the fingerprint as eight hex digits', () => {
    expect(distinctSourceId('1', 0xab)).toBe('1#000000ab');
    expect(distinctSourceId('R-7', textFingerprint('a'))).toBe('R-7#e40c292c');
  });
});

describe('isRecordIdOf', () => {
  test('agrees with makeRecordId on any channel and source id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), fc.string({ unit: 'grapheme', maxLength: 20 }), (channel, sourceId) => {
        const id = makeRecordId(channel, sourceId);
        expect(isRecordIdOf(id, channel, sourceId)).toBe(true);
        expect(isRecordIdOf(id.slice(0, -1), channel, sourceId)).toBe(false);
        expect(isRecordIdOf(`${id}0`, channel, sourceId)).toBe(false);
        expect(isRecordIdOf(id.toUpperCase(), channel, sourceId)).toBe(id === id.toUpperCase());
        expect(isRecordIdOf(id, channel, `${sourceId}x`)).toBe(false);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
