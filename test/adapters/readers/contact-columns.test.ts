import { describe, expect, test } from '@jest/globals';
import { isContactColumn, isNameQuestion, isOrganisationQuestion } from '../../../src/adapters/readers/contact-columns.js';

describe('isContactColumn', () => {
  test.each([
    'Email',
    'Email Address',
    'E-mail',
    'What is your email address?',
    'Your email address (optional)',
    'Please give your phone number',
    'Telephone number:',
    'IP Address',
    'First Name',
    'Surname',
    'Postal address',
    'Asker Email',
    'User Email',
    'Attendee email address',
  ])('%p holds contact details', (header) => {
    expect(isContactColumn(header)).toBe(true);
  });

  test.each([
    'Email updates from the council',
    'Address of the service you use',
    'Phone calls are answered quickly: do you agree?',
    'What matters most to you?',
    'Name',
    'Organisation',
    'Why email the council?',
  ])('%p does not', (header) => {
    expect(isContactColumn(header)).toBe(false);
  });
});

describe('isNameQuestion', () => {
  test.each(['Name', 'Your name', 'What is your name?', 'Full name (optional)', 'Your full name:'])('%p asks for a name', (header) => {
    expect(isNameQuestion(header)).toBe(true);
  });

  test.each(['Name of your organisation', 'What is the name of the service you use?', 'First name', 'Organisation name'])(
    '%p does not ask for the respondent’s name',
    (header) => {
      expect(isNameQuestion(header)).toBe(false);
    },
  );
});

describe('isOrganisationQuestion', () => {
  test.each(['Organisation', 'Organization name', 'What is your organisation?', 'Name of your organisation (if applicable)', 'Company'])(
    '%p asks for the organisation answered for',
    (header) => {
      expect(isOrganisationQuestion(header)).toBe(true);
    },
  );

  test.each(['How could organisations work better together?', 'Organisation type', 'What does your organisation do well?'])(
    '%p is a question',
    (header) => {
      expect(isOrganisationQuestion(header)).toBe(false);
    },
  );
});
