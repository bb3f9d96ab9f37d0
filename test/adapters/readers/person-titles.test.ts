import { describe, expect, test } from '@jest/globals';
import { isPersonTitle, isPersonTitleColumn } from '../../../src/adapters/readers/person-titles.js';

/** People's titles as forms' `Title` boxes hold them. */
const PERSON_TITLES = [
  'Mr',
  'Mrs.',
  'Dr',
  'Prof',
  'Cllr',
  'Care Manager',
  'Social Worker',
  'Occupational Therapist',
  'Team Leader',
  'Senior Support Worker',
  'Head of Adult Services',
  'Mental Health Nurse',
  'Registered Manager (Domiciliary Care)',
  'GP',
];

/** Posts' titles from the Decidim and ideas-board fixtures: what a person asks for, not who they are. */
const POST_TITLES = [
  'More cycle parking at the station',
  'A shelter at the bus interchange',
  'Safer junction at Mill Lane',
  'A water fountain in Victoria Park',
  'Keep the park toilets open until dusk',
  'More benches on the lakeside path',
  'Kinder staff',
  'Minibus on Saturdays',
  'Visiting rota',
  'Booking form',
  'Why does nobody ring back?',
];

describe('person-titles', () => {
  test('honorifics and job titles are people’s titles; posts’ titles are not', () => {
    expect(PERSON_TITLES.filter((title) => !isPersonTitle(title))).toEqual([]);
    expect(POST_TITLES.filter(isPersonTitle)).toEqual([]);
  });

  test('a column is one of people’s titles when most of its filled values are', () => {
    expect(isPersonTitleColumn(['Care Manager', 'Social Worker', '', 'Dr', 'Team Leader'])).toBe(true);
    expect(isPersonTitleColumn(['Care Manager', 'Minibus on Saturdays', 'Visiting rota', 'Booking form'])).toBe(false);
    expect(isPersonTitleColumn(POST_TITLES)).toBe(false);
    expect(isPersonTitleColumn(['', ' '])).toBe(false);
  });
});
