import { describe, expect, test } from '@jest/globals';
import { gridCellTicked, tickBoxOptions, tickedAnswer } from '../../src/record/tick-boxes.js';

describe('tickBoxOptions', () => {
  test('boxes before their options, on one line or one a line', () => {
    expect(tickBoxOptions('☐ Yes ☒ No')).toEqual([
      { label: 'Yes', ticked: false },
      { label: 'No', ticked: true },
    ]);
    expect(tickBoxOptions('☒ An individual\n☐ On behalf of an organisation')).toEqual([
      { label: 'An individual', ticked: true },
      { label: 'On behalf of an organisation', ticked: false },
    ]);
  });

  test('boxes after their options, with the punctuation around a label left out', () => {
    expect(tickBoxOptions('Yes ☐  No ☒')).toEqual([
      { label: 'Yes', ticked: false },
      { label: 'No', ticked: true },
    ]);
    expect(tickBoxOptions('Yes: [ ] / No: [x]')).toEqual([
      { label: 'Yes', ticked: false },
      { label: 'No', ticked: true },
    ]);
  });

  test('boxes typed as brackets, and the ballot boxes with a tick or a cross', () => {
    expect(tickBoxOptions('[X] Carer (x) Parent ( ) Neither ☑ Both ⊠ Other [ ] None')?.map((option) => option.ticked)).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  test('no box, a box inside a sentence, bullets, or a long run of words after a box is no tick-box answer', () => {
    expect(tickBoxOptions('Yes, publish it')).toBeNull();
    expect(tickBoxOptions('I ticked ☒ because the form asked me to')).toBeNull();
    expect(tickBoxOptions('● Staff were kind\n● Parking is hard')).toBeNull();
    expect(tickBoxOptions('✓ Friendly staff ✓ Clean wards')).toBeNull();
    expect(tickBoxOptions('□ Yes ■ No')).toBeNull();
    expect(tickBoxOptions(`☒ ${'word '.repeat(30)}`)).toBeNull();
    expect(tickBoxOptions('☒ ☐')).toBeNull();
  });
});

describe('tickedAnswer', () => {
  test('the ticked options, none as blank, and null for any other text', () => {
    expect(tickedAnswer('Yes ☐  No ☒')).toBe('No');
    expect(tickedAnswer('☒ Day centre ☐ Home care ☒ Respite')).toBe('Day centre; Respite');
    expect(tickedAnswer('☐ Yes ☐ No')).toBe('');
    expect(tickedAnswer('No')).toBeNull();
  });
});

describe('gridCellTicked', () => {
  test('a box alone, or a mark typed alone, says whether a grid cell is ticked; an empty cell is not; anything else is no grid cell', () => {
    expect(['☒', '☑', '[x]', 'X', ' x ', '✓', '☐', '[ ]', ''].map(gridCellTicked)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(['☒ Yes', 'Yes', 'xx', '2'].map(gridCellTicked)).toEqual([null, null, null, null]);
  });
});
