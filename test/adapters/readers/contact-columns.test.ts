import { describe, expect, test } from '@jest/globals';
import {
  isContactColumn,
  isCoordinateColumn,
  isNameQuestion,
  isOrganisationQuestion,
  isGoesByNameColumn,
  isOtherPersonNameColumn,
  isPersonalDetailsColumn,
  isPostcodeColumn,
} from '../../../src/adapters/readers/contact-columns.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

describe('isContactColumn', () => {
  test.each([
    'Email',
    'Email Address',
    'E-mail',
    'What is your email address?',
    'Your email address (optional)',
    'Please give your phone number',
    'Telephone number:',
    'Contact number',
    'Contact telephone number',
    'Contact email',
    'Mobile phone',
    'Tel no.',
    'IP Address',
    'ipaddr',
    'First Name',
    'Surname',
    'Postal address',
    'Asker Email',
    'User Email',
    'Attendee email address',
    'RecipientEmail',
    'Recipient First Name',
    'RecipientLastName',
    'Attendee surname',
    'Name (First)',
    'Name (Last)',
    'Name - Middle',
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
    'Recipient Last Name of your choice?',
    'Service name',
  ])('%p does not', (header) => {
    expect(isContactColumn(header)).toBe(false);
  });
});

describe("a contact block's fields, as SurveyMonkey's Contact Information question exports them", () => {
  test.each([
    'Contact Information — Email Address',
    'Contact Information — Phone Number',
    'Contact Information — Address',
    'Contact Information — Address 2',
    'Your details — Email',
  ])('%p is a contact column', (header) => {
    expect(isContactColumn(header)).toBe(true);
  });

  test('its Name field asks for the name, and its ZIP/Postal Code field for a postcode', () => {
    expect(isNameQuestion('Contact Information — Name')).toBe(true);
    expect(isPostcodeColumn('Contact Information — ZIP/Postal Code')).toBe(true);
  });

  test.each(['Contact Information — City/Town', 'Contact Information — Company', 'How should we contact you? — Email'])(
    '%p is not one: a town, a company, or an option of a question that is no contact block',
    (header) => {
      expect(isContactColumn(header)).toBe(false);
    },
  );
});

describe('isNameQuestion', () => {
  test.each(['Name', 'Your name', 'What is your name?', 'Full name (optional)', 'Your full name:', 'Name (if you wish)'])(
    '%p asks for a name',
    (header) => {
      expect(isNameQuestion(header)).toBe(true);
    },
  );

  test.each([
    'Name of your organisation',
    'What is the name of the service you use?',
    'First name',
    'Organisation name',
    'Name (First)',
    'Name (Last)',
    'category/name/en',
    'scope/name/en',
  ])('%p does not ask for the respondent’s name', (header) => {
    expect(isNameQuestion(header)).toBe(false);
  });
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

describe('Welsh and bilingual headings', () => {
  const welshHeadings: [string, (header: string) => boolean, readonly string[]][] = [
    [
      'contact details',
      isContactColumn,
      [
        'E-bost',
        'Cyfeiriad e-bost (dewisol)',
        'Beth yw eich cyfeiriad e-bost?',
        'Rhif ffôn',
        'Ffôn symudol',
        'Cyfeiriad post',
        'Cyfenw',
        'E-bost / Email',
        'Email address / Cyfeiriad e-bost',
      ],
    ],
    ['the name', isNameQuestion, ['Enw', 'Eich enw', 'Enw llawn:', 'Beth yw eich enw?', 'Enw / Name', 'Your name / Eich enw']],
    ['the postcode', isPostcodeColumn, ['Cod post', 'Côd post', 'Beth yw eich cod post?', 'Cod post / Postcode']],
    [
      'the organisation',
      isOrganisationQuestion,
      ['Sefydliad', "Enw'r sefydliad", 'Enw eich sefydliad (os yw’n berthnasol)', 'Organisation / Sefydliad'],
    ],
  ];
  test.each(welshHeadings)('headings asking for %s, in Welsh or both languages, are read as the English are', (_, isHeading, headers) => {
    expect(headers.filter((header) => !isHeading(header))).toEqual([]);
  });

  test.each([
    'Beth sy’n bwysig i chi?',
    'Enw’r gwasanaeth rydych chi’n ei ddefnyddio',
    'Pam e-bostio’r cyngor?',
    'Do you live/work in the area?',
    'Cyfeiriad y gwasanaeth',
  ])('%p is a question, in any of them', (header) => {
    expect([isContactColumn(header), isNameQuestion(header), isPostcodeColumn(header), isOrganisationQuestion(header)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  test('a Welsh survey export keeps no e-mail, stores the name as the author and the postcode as its district', async () => {
    const result = await readTempInput(
      'arolwg.csv',
      [
        'ID Ymateb,Enw,E-bost,Cod post,Beth sy’n bwysig i chi?',
        'R1,Siân Jones,sian@example.cymru,CF10 1AA,Mwy o gefnogaeth i ofalwyr di-dâl yn y cartref.',
        'R2,Dafydd Evans,dafydd@example.cymru,LL55 4UR,Gwasanaethau yn Gymraeg pan fydd eu hangen arnaf.',
        '',
      ].join('\n'),
    );
    expect(result.format).toBe('survey-csv');
    const records = recordsOf(result);
    expect(records.map((record) => record.sourceId)).toEqual(['R1:Beth sy’n bwysig i chi?', 'R2:Beth sy’n bwysig i chi?']);
    expect(records.map((record) => [record.author, record.text])).toEqual([
      ['Siân Jones', 'Mwy o gefnogaeth i ofalwyr di-dâl yn y cartref.'],
      ['Dafydd Evans', 'Gwasanaethau yn Gymraeg pan fydd eu hangen arnaf.'],
    ]);
    for (const record of records) expect(JSON.stringify(record.meta)).not.toMatch(/@|1AA|4UR/);
    expect(records.map((record) => (record.meta['answers'] as Record<string, string>)['Cod post'])).toEqual(['CF10', 'LL55']);
  });
});

describe('isCoordinateColumn', () => {
  test.each([
    'Latitude',
    'Longitude',
    'lat',
    'LNG',
    'Lat/Long',
    'Latitude, Longitude',
    'geometry.coordinates',
    'Pin location',
    'GPS coordinates',
    'LocationLatitude',
    'Location Longitude',
  ])('%p holds where a pin was put: never kept', (header) => {
    expect(isCoordinateColumn(header)).toBe(true);
    expect(isPersonalDetailsColumn(header)).toBe(true);
    expect(isContactColumn(header)).toBe(false);
  });

  test.each(['Location', 'Ward', 'Site', 'Where did this happen?', 'Long-term condition', 'Latest news'])('%p does not', (header) => {
    expect(isCoordinateColumn(header)).toBe(false);
  });
});

describe('the browser and device a response came from', () => {
  test.each([
    'User Agent',
    'UserAgent',
    'Browser user agent',
    'Device ID',
    'deviceid',
    'subscriberid',
    'simserial',
    'sim_imei',
    'imei',
    'IP Hash',
  ])('%p is never kept, nor asked (the phone and SIM ODK and KoboToolbox record)', (header) => {
    expect(isPersonalDetailsColumn(header)).toBe(true);
  });

  test.each(['Which browser do you use?', 'Device', 'Agent', 'What device did you use to take part?'])('%p is kept', (header) => {
    expect(isPersonalDetailsColumn(header)).toBe(false);
  });
});

describe('map pins are never kept', () => {
  test("a table's Latitude and Longitude columns are left out of meta; the comment and its other columns are kept", async () => {
    const result = await readTempInput(
      'pins.csv',
      ['Comment,Latitude,Longitude,Agree count', 'The crossing outside the school is dangerous at 3pm.,53.80081,-1.54912,12', ''].join(
        '\n',
      ),
    );
    expect(recordsOf(result).map((record) => [record.text, record.meta])).toEqual([
      ['The crossing outside the school is dangerous at 3pm.', { 'Agree count': '12' }],
    ]);
  });

  test("a GeoJSON feature's geometry.coordinates is left out of meta", async () => {
    const result = await readTempInput(
      'pins.json',
      JSON.stringify([
        { id: 'c1', geometry: { type: 'Point', coordinates: [-1.54912, 53.80081] }, properties: { comment: 'The crossing is dangerous.' } },
      ]),
    );
    expect(recordsOf(result).map((record) => [record.text, record.meta])).toEqual([
      ['The crossing is dangerous.', { 'geometry.type': 'Point' }],
    ]);
  });

  test('in a survey, a pin is no answer', async () => {
    const result = await readTempInput(
      'survey.csv',
      [
        'Response ID,Latitude,Longitude,What is the problem here?,What would make it better?',
        'R1,53.80081,-1.54912,The crossing outside the school is dangerous at 3pm.,A lollipop person at home time please.',
        'R2,53.79012,-1.53377,Cars park on the pavement by the shops every day.,Bollards along the kerb would stop them.',
        '',
      ].join('\n'),
    );
    expect(result.format).toBe('survey-csv');
    const metas = recordsOf(result).map((record) => JSON.stringify(record.meta));
    expect(metas).toHaveLength(4);
    for (const meta of metas) expect(meta).not.toMatch(/Latitude|Longitude|53\.\d|-1\.5/);
  });
});

describe('isPostcodeColumn', () => {
  test.each([
    'Postcode',
    'Post code',
    'Postal Code',
    'What is your postcode?',
    'Your home postcode (optional)',
    'Please enter your postcode:',
    'ZIP code',
    'Postcode/ZIP',
    'properties.fields.postcode',
    'Postal',
  ])('%p holds where a respondent lives: kept as its district alone', (header) => {
    expect(isPostcodeColumn(header)).toBe(true);
  });

  test.each([
    'Postcode district of the service',
    'Why does your postcode matter?',
    'Postcards',
    'Ward',
    'Location',
    'Postal address',
    'Postal vote',
  ])('%p does not', (header) => {
    expect(isPostcodeColumn(header)).toBe(false);
  });
});

describe('postcodes are kept as their district alone', () => {
  test("a table's Postcode column keeps the district in meta; anything but a UK postcode is left out", async () => {
    const result = await readTempInput(
      'postcodes.csv',
      [
        'Comment,Postcode,Ward',
        'The crossing outside the school is dangerous.,LS6 2AB,Headingley',
        'More buses please.,ls11 5rt,Beeston',
        'Too many potholes.,90210,Holbeck',
        '',
      ].join('\n'),
    );
    expect(recordsOf(result).map((record) => record.meta)).toEqual([
      { Postcode: 'LS6', Ward: 'Headingley' },
      { Postcode: 'LS11', Ward: 'Beeston' },
      { Ward: 'Holbeck' },
    ]);
  });

  test("a survey's postcode question is an answer holding the district, never a question to theme", async () => {
    const result = await readTempInput(
      'survey.csv',
      [
        'Response ID,What is your postcode?,Are you responding as an individual or on behalf of an organisation?,What would make the park better?',
        '1,LS6 2AB,Individual,More benches near the pond',
        '2,LS6 4QZ,Individual,Better lighting on the paths at night',
        '3,LS11 5RT,Organisation,A cafe open all year round',
        '4,Paris 75001,Individual,Bins emptied more often please',
        '',
      ].join('\n'),
    );
    const records = recordsOf(result);
    expect(records.map((record) => [record.text, record.meta['answers']])).toEqual([
      [
        'More benches near the pond',
        { 'What is your postcode?': 'LS6', 'Are you responding as an individual or on behalf of an organisation?': 'Individual' },
      ],
      [
        'Better lighting on the paths at night',
        { 'What is your postcode?': 'LS6', 'Are you responding as an individual or on behalf of an organisation?': 'Individual' },
      ],
      [
        'A cafe open all year round',
        { 'What is your postcode?': 'LS11', 'Are you responding as an individual or on behalf of an organisation?': 'Organisation' },
      ],
      ['Bins emptied more often please', { 'Are you responding as an individual or on behalf of an organisation?': 'Individual' }],
    ]);
  });

  test("a JSON record that does not fit the first record's columns keeps no contact detail, pin or full postcode either", async () => {
    const result = await readTempInput(
      'comments.json',
      JSON.stringify([
        { id: 'c1', comment: 'The crossing is dangerous.' },
        { id: 'c2', comment: 'More buses.', email: 'jo@example.org', latitude: 53.8, postcode: 'LS6 2AB', extra: { x: 1 } },
      ]),
    );
    const metas = recordsOf(result).map((record) => JSON.stringify(record.meta));
    for (const meta of metas) expect(meta).not.toMatch(/jo@example|53\.8|2AB/);
  });
});

describe('fields inside a form’s groups (ODK Central, KoboToolbox), read by the last part of their path', () => {
  test.each([
    'group_abc/respondent_name',
    'personal-name',
    '/data/group/name',
    '/data/respondent/full_name',
    'Your details/Your name',
    'hh_head/name',
  ])('%p asks for the name', (header) => {
    expect(isNameQuestion(header)).toBe(true);
  });

  test.each([
    'school_info/name',
    'group_location/name',
    'visit-site-name',
    'category/name',
    'category/name/en',
    'feedback-what_works',
    'first-name',
    'personal-last_name',
    'geo.name',
    'geo.full_name',
  ])('%p names no person', (header) => {
    expect(isNameQuestion(header)).toBe(false);
  });

  test.each([
    'group_x/phone_number',
    'personal-phone',
    'respondent/email',
    '/data/contact/email_address',
    'contact.mobile',
    'meta/deviceid',
    'grp/_location_latitude',
  ])('%p is never kept', (header) => {
    expect(isPersonalDetailsColumn(header)).toBe(true);
  });

  test('a postcode and an organisation in a group are found; other fields are not contact details', () => {
    expect(isPostcodeColumn('group_about/postcode')).toBe(true);
    expect(isPostcodeColumn('about-home_postcode')).toBe(true);
    expect(isOrganisationQuestion('organisation-name')).toBe(true);
    expect(['Follow-up call', 'group_fb/what_works', 'Comments/Suggestions', 'age-band'].filter(isPersonalDetailsColumn)).toEqual([]);
  });
});

describe("flat survey, ODK and KoboToolbox columns whose names hold a person's name", () => {
  test.each([
    'respondent_fullname',
    'respondent_name',
    'full_name',
    'fullname',
    'your_name',
    'Name of person completing',
    'Name of person completing this form',
    'Name of respondent',
  ])("%p asks for the respondent's own name", (header) => {
    expect(isNameQuestion(header)).toBe(true);
  });

  test.each([
    'hh_head_name',
    'enumerator_name',
    'interviewer_name',
    'name_of_carer',
    "carer's name",
    'Carer’s name',
    'Name of the child',
    'child_name',
    'next_of_kin_name',
    'gp_name',
    'staff_member_name',
    'username',
    'user_name',
    'group_hh/hh_head_name',
    "Your carer's name (optional)",
    'Name of the staff member who helped you',
    'Full name of the person you care for',
    'Name of the person you look after',
    'cared_for_person_name',
  ])('%p names another person (or an account): kept out as a name, not the respondent’s own', (header) => {
    expect(isOtherPersonNameColumn(header)).toBe(true);
    expect(isNameQuestion(header)).toBe(false);
    expect(isPersonalDetailsColumn(header)).toBe(true);
  });

  test.each([
    'Display name',
    'display_name',
    'DisplayName',
    'Preferred name',
    'Your preferred name (optional)',
    'Nickname',
    'nick_name',
    'Contact information — Nickname',
    'group_about_you/preferred_name',
    'Llysenw',
    'Enw arddangos',
    'Eich enw a ffefrir',
    'Llysenw / Nickname',
  ])('%p asks for the name the respondent goes by: a name question, never an answer nor kept', (header) => {
    expect(isGoesByNameColumn(header)).toBe(true);
    expect(isNameQuestion(header)).toBe(true);
    expect(isPersonalDetailsColumn(header)).toBe(true);
  });

  test.each([
    'Name',
    'Your name',
    'Enw',
    'Enw (dewisol)',
    'Which name do you prefer for the new centre?',
    'Name of the service you prefer',
  ])('%p is no name the respondent goes by', (header) => {
    expect(isGoesByNameColumn(header)).toBe(false);
  });

  test.each(['Handle', 'Your handle', 'Twitter handle', 'Social media handle', 'Screen name', 'Username', 'Enw defnyddiwr'])(
    '%p names an account: kept out as a name, not the respondent’s own',
    (header) => {
      expect(isOtherPersonNameColumn(header)).toBe(true);
      expect(isNameQuestion(header)).toBe(false);
      expect(isPersonalDetailsColumn(header)).toBe(true);
    },
  );

  test.each(['How did we handle it?', 'How did staff handle your complaint?', 'Handle with care'])(
    '%p is a question, no account',
    (header) => {
      expect(isOtherPersonNameColumn(header)).toBe(false);
    },
  );

  test.each([
    'school_name',
    'place_name',
    'service_name',
    'file_name',
    'filename',
    'name_of_scheme',
    'Name of your organisation',
    'hospital_name',
    'village_name',
    'name_of_the_service',
    'What is the name of the service you use?',
    'Name',
    'Your name',
    "Name of carer's organisation",
    'Name of the service your carer works for',
    'What would improve support for you or the person you care for?',
    'Name of the service the person you care for uses',
  ])('%p names no other person', (header) => {
    expect(isOtherPersonNameColumn(header)).toBe(false);
  });

  test("their values are kept out of every record's answers, and the respondent's own name is the author", async () => {
    const records = recordsOf(
      await readTempInput(
        'survey.csv',
        [
          '_id,enumerator_name,hh_head_name,respondent_fullname,school_name,What could be better about the service?',
          '1,Siobhan Okafor,Kwame Mensah,Ruth Bainbridge,Hilltop Primary,The buses are late and the clinic is far away from us',
          '2,Siobhan Okafor,Tariq Aziz,Joan Featherstone,Oak Lane School,Nobody rings back when we ask about the forms at all',
        ].join('\n'),
      ),
    );
    expect(records.map((record) => record.author)).toEqual(['Ruth Bainbridge', 'Joan Featherstone']);
    const answers = records.map((record) => JSON.stringify(record.meta));
    for (const kept of answers) {
      expect(kept).not.toMatch(/Siobhan|Okafor|Kwame|Tariq|Ruth|Joan/u);
      expect(kept).toMatch(/Hilltop Primary|Oak Lane School/u);
    }
  });
});
