import { describe, expect, test } from '@jest/globals';
import { isPlaceholderSpeaker, isUnknownSpeaker } from '../../src/record/speaker-placeholders.js';

describe('speaker labels that name no one', () => {
  test.each([
    'Speaker 1',
    'Speaker A',
    'speaker 12',
    'SPEAKER_00',
    'spk_0',
    'Participant 2',
    'Attendee 3',
    'Guest',
    'Caller',
    'Unknown Speaker',
    'Unidentified speaker',
  ])('%s is a placeholder', (label) => {
    expect(isPlaceholderSpeaker(label)).toBe(true);
  });

  test.each(['Jane Smith', 'Speakers Corner', 'Guest Speaker Amina Yusuf', 'Dr Unknown', 'Participant Services Team', 'Sam'])(
    '%s names someone',
    (label) => {
      expect(isPlaceholderSpeaker(label)).toBe(false);
    },
  );

  test('only an unknown speaker may be someone else at each turn', () => {
    expect(isUnknownSpeaker('Unknown Speaker')).toBe(true);
    expect(isUnknownSpeaker('unidentified speaker')).toBe(true);
    expect(isUnknownSpeaker('Speaker 1')).toBe(false);
  });
});
