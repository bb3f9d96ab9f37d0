import { describe, expect, test } from '@jest/globals';
import { labelWordings, WELSH_CONTACT_WORDS } from '../../../src/adapters/readers/welsh-labels.js';

describe('Welsh labels', () => {
  const contact = new RegExp(`^${WELSH_CONTACT_WORDS}$`, 'i');

  test('the Welsh labels asking for contact details are known, and other Welsh labels are not', () => {
    expect(
      [
        'Enw',
        'Enw llawn',
        'Eich enw',
        'E-bost',
        'Cyfeiriad e-bost',
        'Rhif ffôn',
        'Ffôn symudol',
        'Cyfeiriad',
        'Cod post',
        'Llofnod',
      ].filter((label) => !contact.test(label)),
    ).toEqual([]);
    expect(['Enw’r sefydliad', 'Sylwadau', 'Ardal', 'Dyddiad'].filter((label) => contact.test(label))).toEqual([]);
  });

  test('a bilingual label is its two wordings; a label in one language is one', () => {
    expect(labelWordings('Enw / Name')).toEqual(['Enw', 'Name']);
    expect(labelWordings('Cod post/Postcode')).toEqual(['Cod post', 'Postcode']);
    expect(labelWordings('Email address')).toEqual(['Email address']);
  });
});
