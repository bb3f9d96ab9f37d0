import { describe, expect, test } from '@jest/globals';
import {
  isAnonymousValue,
  isEmailValue,
  isIpAddressValue,
  isLikertValue,
  isPhoneValue,
  isProperName,
  isSentinelValue,
  profileColumn,
} from '../../../src/adapters/readers/free-text-columns.js';

const kindOf = (cells: string[]): string => profileColumn('column', cells).kind;

describe('isSentinelValue', () => {
  test.each([
    'NA',
    'N/A',
    'n/a',
    ' NULL ',
    'NaN',
    '-9',
    '-0',
    '-99',
    '.',
    '-',
    '#N/A',
    '#NAME?',
    '#VALUE!',
    '---',
    ':---:',
    ' ------ ',
    '===',
    'Click or tap here to enter text.',
    ' Choose an item. ',
    'Cliciwch neu tapiwch yma i roi testun.',
  ])('%p stands for no answer', (cell) => {
    expect(isSentinelValue(cell)).toBe(true);
  });

  test.each([
    'None',
    'Nothing',
    'No',
    '0',
    '9',
    'n/a really',
    'NA is not enough',
    '--- see above',
    'A-B',
    'Click here to enter text. I did.',
  ])('%p is an answer', (cell) => {
    expect(isSentinelValue(cell)).toBe(false);
  });
});

describe('isLikertValue', () => {
  test.each(['Strongly agree', 'neither agree nor disagree', 'Don’t know', 'Yes', 'very dissatisfied', 'Agree.'])(
    '%p is a scale answer',
    (cell) => {
      expect(isLikertValue(cell)).toBe(true);
    },
  );

  test('a sentence that starts with agree is not', () => {
    expect(isLikertValue('Agree, but only if transport is provided')).toBe(false);
  });
});

describe('profileColumn: free text is told apart by content, not header', () => {
  test('varied sentences are free text', () => {
    expect(kindOf(['I liked the staff a lot', 'The bus is always late', 'Nothing to add really', 'More evening sessions please'])).toBe(
      'free-text',
    );
  });

  test('sentinels and blanks are left out of the judgement', () => {
    expect(profileColumn('q', ['N/A', '', 'We need more carers at weekends', '-9']).filled).toBe(1);
    expect(kindOf(['N/A', '', '-9'])).toBe('empty');
  });

  test('agree/disagree and yes/no columns are scales', () => {
    expect(kindOf(['Strongly agree', 'Agree', 'Disagree', 'Neither agree nor disagree'])).toBe('likert');
    expect(kindOf(['Yes', 'No', 'No', 'Yes'])).toBe('likert');
  });

  test('numbers, amounts and decimal commas are numbers', () => {
    expect(kindOf(['-9', '3', '2', '-0', '4'])).toBe('number');
    expect(kindOf(['1,673,907.50', '800,000.00', '£12'])).toBe('number');
    expect(kindOf(['0,611553068', '0,559014092'])).toBe('number');
  });

  test('dates in many spellings are dates, even with words in them', () => {
    expect(kindOf(['Tue Feb 13 12:58:16 WIB 2018', 'Sat Feb 03 03:34:40 WIB 2018'])).toBe('date');
    expect(kindOf(['21 Mar  2012', '4th March, 2012', '01-01-13'])).toBe('date');
  });

  test('ids and codes are identifiers', () => {
    expect(kindOf(['R-001', 'R-002', 'R-003'])).toBe('identifier');
  });

  test('a few repeated short values are a choice; repeated multi-word values are not free text', () => {
    expect(kindOf(['Carer', 'Person who uses services', 'Carer', 'Professional'])).toBe('choice');
    expect(
      kindOf(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? 'Grants to External Organisations' : 'Commercial Property Rent'))),
    ).toBe('choice');
  });

  test('varied upper-case names are short text, not free text', () => {
    expect(kindOf(Array.from({ length: 30 }, (_, index) => `LONDON BOROUGH OF PLACE${String.fromCharCode(65 + index)}`))).toBe(
      'short-text',
    );
  });
});

describe('profileColumn: closed answers against a repeated campaign answer', () => {
  const campaign = 'I object to the closure of the Elm Street day centre because it is the only place my mother can go.';
  const individual = (index: number): string => `Answer number ${index} says something of its own about the service.`;

  test('a column full of one repeated long answer from different respondents is free text', () => {
    expect(kindOf(Array.from({ length: 40 }, () => campaign))).toBe('free-text');
  });

  test('one long answer repeated beside individual answers is free text, however many copies', () => {
    for (const copies of [20, 40, 60]) {
      const cells = [...Array.from({ length: copies }, () => campaign), ...Array.from({ length: 20 }, (_, index) => individual(index))];
      expect(kindOf(cells)).toBe('free-text');
    }
  });

  test('a small set of short options is a choice, even with several words each', () => {
    const options = ['Local government organisation', 'Voluntary or community sector', 'Private sector business'];
    expect(kindOf(Array.from({ length: 30 }, (_, index) => options[index % 3] ?? ''))).toBe('choice');
  });

  test('a closed question named by its header is a choice even in a few rows', () => {
    expect(
      profileColumn('Are you responding as', ['An individual', 'On behalf of an organisation', 'An individual', 'A carer of a relative'])
        .kind,
    ).toBe('choice');
    expect(
      profileColumn('Sector', ['Local government organisation', 'Voluntary or community sector', 'Private sector business']).kind,
    ).toBe('choice');
  });

  test('two long options that alternate with no other answers are not a campaign', () => {
    const options = [
      'Yes, I am responding on behalf of an organisation or a group of people',
      'No, I am responding as an individual member of the public today',
    ];
    expect(kindOf(Array.from({ length: 30 }, (_, index) => options[index % 2] ?? ''))).not.toBe('free-text');
  });

  test('short free answers that are all different stay free text', () => {
    expect(kindOf(['More buses please', 'Cheaper parking near the hospital', 'Longer opening hours', 'Friendlier reception staff'])).toBe(
      'free-text',
    );
  });
});

describe('e-mail columns', () => {
  test.each(['asha@example.org', ' r.jones+forms@mail.example.co.uk ', 'mailto:jo@example.org', '<jo@example.org>'])(
    '%p is an e-mail address',
    (cell) => {
      expect(isEmailValue(cell)).toBe(true);
    },
  );

  test.each(['asha at example.org', 'email me: jo@example.org', 'jo@localhost', '@carer1'])('%p is not one', (cell) => {
    expect(isEmailValue(cell)).toBe(false);
  });

  test('a column of addresses, with the anonymous Microsoft Forms writes for an unnamed respondent, is an e-mail column whatever its header', () => {
    expect(profileColumn('Contact', ['asha@example.org', 'anonymous', 'anonymous', 'r.jones@example.net']).kind).toBe('email');
    expect(isAnonymousValue('Anonymous')).toBe(true);
  });

  test('a column that only says anonymous holds no address', () => {
    expect(kindOf(['anonymous', 'anonymous', 'anonymous'])).not.toBe('email');
  });
});

describe('phone columns', () => {
  test.each(["'+447700900123", "'+34 662 22 79 31", '+447700900123', '07700 900123'])('%p is a phone number', (cell) => {
    expect(isPhoneValue(cell)).toBe(true);
  });

  test('a column of numbers Typeform wrote with an apostrophe before them is a phone column whatever its header', () => {
    expect(profileColumn('Best number to reach you on', ["'+447700900123", "'+447700900456", "'+34662227931"]).kind).toBe('phone');
  });

  test.each(["'Tis the season", "'+1"])('%p is not one', (cell) => {
    expect(isPhoneValue(cell)).toBe(false);
  });
});

describe('IP address columns', () => {
  test.each(['192.0.2.10', ' 203.0.113.44 ', '2001:db8::1f', 'fe80:0:0:0:202:b3ff:fe1e:8329'])('%p is an IP address', (cell) => {
    expect(isIpAddressValue(cell)).toBe(true);
  });

  test.each(['10:15:30', '1.2.3', '256.1.1.1', '3.14', 'v1.2.3.4'])('%p is not one', (cell) => {
    expect(isIpAddressValue(cell)).toBe(false);
  });

  test('a column of IP addresses is one whatever its header', () => {
    expect(profileColumn('G02Q06', ['198.51.100.7', '2001:db8::1f', '203.0.113.44']).kind).toBe('ip-address');
  });
});

describe('names are not free text', () => {
  test.each(['Carers Network North', 'Age UK Leeds & District', 'Friends of the Earth', 'NHS Leeds', 'Margaret Okafor'])(
    '%p is a proper name',
    (cell) => {
      expect(isProperName(cell)).toBe(true);
    },
  );

  test.each(['Keep the centre open', 'KEEP THE CENTRE OPEN', 'Staff Are Lovely.', 'Carers Need More Respite And Better Pay Now'])(
    '%p is not',
    (cell) => {
      expect(isProperName(cell)).toBe(false);
    },
  );

  test('a column of organisations, each given once, is not a question to theme', () => {
    expect(kindOf(['Carers Network North', 'Leeds Older People’s Forum', 'Age UK Leeds & District'])).not.toBe('free-text');
  });
});

describe('several ticked options in one cell', () => {
  test('Microsoft Forms’ `A;B;` cells of a closed set are a choice', () => {
    expect(kindOf(['Day centre;Home care;', 'Day centre;', 'Meals at home;', 'Home care;Meals at home;'])).toBe('choice');
  });

  test('Google Forms’ `A, B` cells of a closed set are a choice', () => {
    expect(kindOf(['Day centre, Home care', 'Day centre', 'Meals at home', 'Home care, Meals at home, Day centre'])).toBe('choice');
  });

  test('sentences with semicolons and commas stay free text', () => {
    expect(
      kindOf([
        'The staff are kind; the building is cold.',
        'I waited six weeks, then nobody came.',
        'Transport is the problem; we live too far out.',
        'Lunch is good, but the room is noisy.',
      ]),
    ).toBe('free-text');
  });
});
