import { describe, expect, test } from '@jest/globals';
import { removeSoundAnnotations } from '../../../src/adapters/readers/sound-annotations.js';

describe('removeSoundAnnotations', () => {
  test.each([
    ['[Music]', ''],
    ['[ Music ] so the council said', 'so the council said'],
    ['It was a nightmare. (laughs)', 'It was a nightmare.'],
    ['From the GP side [inaudible 00:01:33] we hear the same.', 'From the GP side we hear the same.'],
    ['Yes [LAUGHTER].', 'Yes.'],
    ['[crosstalk] No, wait', 'No, wait'],
    ['[BLANK_AUDIO]', ''],
    ['Uh , making a profit . {vocalsound}', 'Uh , making a profit .'],
    ['So yeah , {disfmarker} The only', 'So yeah , The only'],
    ['at {gap} , um', 'at, um'],
    ['We met at [00:12:03] the centre', 'We met at the centre'],
  ])('%j → %j', (input, output) => {
    expect(removeSoundAnnotations(input)).toBe(output);
  });

  test.each(['the council [sic] said no', 'I told them (twice) already', '[Vec::new(); 2] would be allowed', 'Use {Name} in the template'])(
    'keeps other brackets: %j',
    (text) => {
      expect(removeSoundAnnotations(text)).toBe(text);
    },
  );
});
