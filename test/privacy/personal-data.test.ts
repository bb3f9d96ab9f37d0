import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { PERSONAL_DATA_KINDS, REDACTION_TOKENS, type PersonalDataKind } from '../../src/privacy/personal-data-kinds.js';
import { DEFAULT_REDACTION_POLICY, type RedactionPolicy } from '../../src/privacy/redaction-policy.js';
import { SAMPLE_EMAILS, SAMPLE_HANDLES, SAMPLE_NHS_NUMBERS, SAMPLE_PHONES, SAMPLE_POSTCODES } from '../helpers/personal-data-samples.js';

const TLAP_POLICY: RedactionPolicy = { kinds: new Set(PERSONAL_DATA_KINDS), keepHandles: ['@TLAP_News'] };

function policyFor(...kinds: PersonalDataKind[]): RedactionPolicy {
  return { kinds: new Set(kinds), keepHandles: ['@TLAP_News'] };
}

function redacted(text: string, policy: RedactionPolicy = TLAP_POLICY): string {
  return redactPersonalData(text, policy).text;
}

describe('redactPersonalData: each sample is replaced by its token, punctuation around it kept', () => {
  const samples: [PersonalDataKind, readonly string[]][] = [
    ['email', SAMPLE_EMAILS],
    ['phone', SAMPLE_PHONES],
    ['postcode', SAMPLE_POSTCODES],
    ['nhs-number', SAMPLE_NHS_NUMBERS],
    ['handle', SAMPLE_HANDLES],
  ];
  for (const [kind, values] of samples) {
    test.each(values)(`${kind}: %s`, (value) => {
      const result = redactPersonalData(`Contact (${value}), thanks.`, TLAP_POLICY);
      expect(result.text).toBe(`Contact (${REDACTION_TOKENS[kind]}), thanks.`);
      expect(result.counts).toEqual({ [kind]: 1 });
    });
  }
});

describe('redactPersonalData: e-mail addresses', () => {
  test.each([
    ['mail jo [at] example [dot] com please', 'mail [email] please'],
    ['jo(at)example(dot)org', '[email]'],
    ['jo＠example.com', '[email]'],
    ['mailto:jo@example.com', 'mailto:[email]'],
    ['<jo@example.com>', '<[email]>'],
    ['"jo@example.com".', '"[email]".'],
    ['.jo@example.com-', '.[email]-'],
    ['see https://jo@example.com/path', 'see https://[email]/path'],
    ['07700900123@example.com', '[email]'],
    ['jo@example.com.', '[email].'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test('an e-mail address is one e-mail, never also a handle', () => {
    expect(redactPersonalData('write to TLAP_News@example.com', TLAP_POLICY)).toEqual({
      text: 'write to [email]',
      counts: { email: 1 },
    });
  });

  test('with e-mail redaction off, addresses stay whole (their domain is not taken for a handle)', () => {
    expect(redactPersonalData('jo@example.com and @bob', policyFor('handle'))).toEqual({
      text: 'jo@example.com and [handle]',
      counts: { handle: 1 },
    });
  });
});

describe('redactPersonalData: phone numbers', () => {
  test.each([
    ['ring 07700 900123.', 'ring [phone].'],
    ['ring 0770 090 0123', 'ring [phone]'],
    ['ring 07700–900–123', 'ring [phone]'],
    ['tel:+447700900123', 'tel:[phone]'],
    ['(+44) 7700 900123', '[phone]'],
    ['+44 020 7946 0123', '[phone]'],
    ['(07700 900123)', '([phone])'],
    ['((020) 7946 0123)', '([phone])'],
    ['0113 496 0123 or 0113 496 0124', '[phone] or [phone]'],
    ['07700 900123 07700 900124', '[phone] [phone]'],
    ['x07700900123y', 'x[phone]y'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['0800 123 4567', 'an 08 service number'],
    ['0300 12', 'too short'],
    ['077009001234567', 'inside a longer digit run'],
    ['01-02-2014 10', 'a date with a time'],
    ['01/02/2014', 'a date'],
    ['09:00-17:00', 'opening hours'],
    ['0.5 1.5', 'decimals'],
    ['£0.50', 'money'],
  ])('%j stays (%s)', (input) => {
    expect(redacted(input)).toBe(input);
  });
});

describe('redactPersonalData: postcodes', () => {
  test.each([
    ['SW1A 1AA', '[postcode]'],
    ['Leeds LS1 4AP.', 'Leeds [postcode].'],
    ['sw1a 1aa', '[postcode]'],
    ['Sw1A\u00a01aA', '[postcode]'],
    ['GIR 0AA', '[postcode]'],
    ['B338TH', '[postcode]'],
    ['(M1 1AE)', '([postcode])'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['SW1', 'an outward code alone (a district)'],
    ['the A1 road', 'a road'],
    ['TLAP13', 'a tag'],
    ['QA1 1AA', 'Q never starts a postcode'],
    ['SW1A 1CA', 'C never ends one'],
    ['XSW1A 1AA', 'inside a longer word'],
    ['SW1A 1AAB', 'inside a longer word'],
    ['B2B MP3 CO2 H2O Y2K', 'ordinary words with digits'],
  ])('%j stays (%s)', (input) => {
    expect(redacted(input)).toBe(input);
  });
});

describe('redactPersonalData: NHS numbers', () => {
  test.each([
    ['my number 9990000018', 'my number [NHS number]', 'valid check digit'],
    ['9990000018', '[NHS number]', 'valid check digit, no context needed'],
    ['999 000 0019', '[NHS number]', 'wrong check digit, but written 3-3-4'],
    ['123-456-7890', '[NHS number]', 'written 3-3-4 with dashes'],
    ['NHS: 9990000019', 'NHS: [NHS number]', 'wrong check digit, solid, after "NHS"'],
    ['hospital no. 1234567890', 'hospital no. [NHS number]', 'after "no."'],
    ['1234567890 is my patient number', '[NHS number] is my patient number', 'context after'],
    ['0123456788', '[phone]', 'not an NHS number, but a UK phone number'],
  ])('%j → %j (%s)', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['order 1234567890 arrived', 'solid, wrong check digit, no context'],
    ['12345678901', 'eleven digits'],
    ['999 000 001', 'nine digits'],
  ])('%j stays (%s)', (input) => {
    expect(redacted(input)).toBe(input);
  });

  test('the context window is 40 characters before the number', () => {
    const far = `NHS ${'x'.repeat(40)} 1234567890`;
    const near = `NHS ${'x'.repeat(30)} 1234567890`;
    expect(redacted(far)).toBe(far);
    expect(redacted(near)).toBe(`NHS ${'x'.repeat(30)} [NHS number]`);
  });
});

describe('redactPersonalData: handles', () => {
  test.each([
    ['thanks @jo_smith!', 'thanks [handle]!'],
    ['RT @bob: yes', 'RT [handle]: yes'],
    ['@jo.smith.', '[handle].'],
    ['hi @jo@mastodon.example', 'hi [handle]'],
    ['jo@localhost', 'jo[handle]'],
    ['https://medium.example/@jo/post', 'https://medium.example/[handle]/post'],
    ['@TLAP_NewsTeam', '[handle]'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['@TLAP_News'],
    ['@tlap_news said'],
    ['@TLAP_NEWS.'],
    ["@TLAP_News's event"],
    ['@TLAP_News.Great day'],
    ['meet @10am or @9.30pm'],
    ['meet @ the café'],
    ['@'],
  ])('%j stays', (input) => {
    expect(redacted(input)).toBe(input);
  });

  test('with no keep list every handle goes', () => {
    expect(redactPersonalData('@TLAP_News and @bob', DEFAULT_REDACTION_POLICY)).toEqual({
      text: '[handle] and [handle]',
      counts: { handle: 2 },
    });
  });

  test('a keep list entry written with ＠ works the same', () => {
    expect(redacted('@TLAP_News', { kinds: new Set(['handle']), keepHandles: ['＠tlap_news'] })).toBe('@TLAP_News');
  });
});

describe('redactPersonalData: numbers spaced out and postcodes with a dash', () => {
  test.each([
    ['call 0 7 7 0 0 9 0 0 1 2 3 after six', 'call [phone] after six'],
    ['my mobile is 0 7700 900 123', 'my mobile is [phone]'],
    ['the landline is 0 161 496 0000.', 'the landline is [phone].'],
    ['my postcode is SW1A-1AA and', 'my postcode is [postcode] and'],
    ['her number is oh seven seven double oh nine double oh one two three.', 'her number is [phone].'],
    ['call oh one six one, four nine six, oh oh oh oh', 'call [phone]'],
    ['B33–8TH', '[postcode]'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'The numbers are 0 to 10 and most said 7 or 8',
    'the M1 - 1 hour delay',
    'ring 111 or 999, or 0 8 0 0 numbers are free',
    'scores 0 1 2 3 4 5',
    'rated it one two three four five six seven eight nine ten',
    'zero to ten, I said nine',
    'Oh, one more thing: seven of us came',
  ])('no number: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: a house named by its number alone', () => {
  test.each([
    ['My neighbour Mrs Patel at number 12 drives me', 'My neighbour [name] at [address] drives me'],
    ['she lives at no. 4 with her son', 'she lives at [address] with her son'],
    ['Mum moved to number 27 last year', 'Mum moved to [address] last year'],
    ['next door at No 9 has a key', 'next door at [address] has a key'],
  ])('after words that say someone lives there: %j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each(['we are at number 3 on the waiting list', 'I came at number 5 in the queue', 'My mum is well. At number 10 they decide.'])(
    'a number with no home in its clause stays: %j',
    (text) => {
      expect(redacted(text)).toBe(text);
    },
  );
});

describe('redactPersonalData: street addresses', () => {
  test.each([
    ['I live at 14 Acacia Avenue Manchester', 'I live at [address] Manchester'],
    ['write to Flat 3, 45 Hollybush Road, Leeds.', 'write to [address], Leeds.'],
    ['at 7b Church Street and', 'at [address] and'],
    ['Apartment 12, 4 Wharf Yard', '[address]'],
    ['post it to 9 orchard close please', 'post it to [address] please'],
    ['12 ORCHARD CLOSE', '[address]'],
    ['Our address is 5 The Crescent, Bury', 'Our address is [address], Bury'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'a 2 way street',
    'a 20 minute drive',
    'a 3 bed terrace',
    'we waited 3 weeks for the green light',
    'on the A1 road',
    'the 2 hour walk',
  ])('a number before a word that names a street is no address: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: dates of birth', () => {
  test.each([
    ['Mum (DOB 03/04/1951) waits', 'Mum (DOB [date of birth]) waits'],
    ['DOB:19/07/1983', 'DOB:[date of birth]'],
    ['d.o.b 2/2/1940, no carers', 'd.o.b [date of birth], no carers'],
    ['He was born on 3 April 1951 and', 'He was born on [date of birth] and'],
    ['born on the 4th of July 1936 in Leeds', 'born on the [date of birth] in Leeds'],
    ['Date of birth: 14th February 1962.', 'Date of birth: [date of birth].'],
    ['my dob is 7/9/84 if', 'my dob is [date of birth] if'],
    ['I was born June 5, 1958 and', 'I was born [date of birth] and'],
    ['Birth date - 01-06-1975;', 'Birth date - [date of birth];'],
    ["BORN 22 SEPT '47", 'BORN [date of birth]'],
    ['date of birth 1951-04-03', 'date of birth [date of birth]'],
    ['Mum, b. 3/4/38, has been in hospital', 'Mum, b. [date of birth], has been in hospital'],
    ['My nan (b. 3 April 1938)', 'My nan (b. [date of birth])'],
  ])('%j → %j', (input, expected) => {
    expect(redactPersonalData(input, TLAP_POLICY)).toEqual({ text: expected, counts: { 'date-of-birth': 1 } });
  });

  test.each([
    'The review meeting is on 3 April 2024 at the town hall.',
    'Our group met on 14/03/2024 and again on 21.03.2024.',
    'Born in 1951, my dad has always been independent.',
    'born 6 weeks premature, mid 2019',
    'since my baby was born in October',
    'The scheme was born on the back of the 2012 cuts.',
    'My birthday was on Tuesday.',
    'a. the first session\nb. 12/03/2024, the second',
    'Plan b. 12/03/2024 if it rains',
  ])('a date no word says is a birth, or a birth with no full date, stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });

  test.each([
    ['Nan (14/02/1933) has had three falls', 'Nan ([date of birth]) has had three falls'],
    ['my grandad, 1 March 1930, still drives', 'my grandad, [date of birth], still drives'],
    ['Patient, 05.06.1944, no package', 'Patient, [date of birth], no package'],
    ['our daughter - 3/4/2011 - has ADHD', 'our daughter - [date of birth] - has ADHD'],
    ['Discharged: my dad, 7 Oct 1939.', 'Discharged: my dad, [date of birth].'],
  ])('a date set off right after a person, with no word before it: %j → %j', (input, expected) => {
    expect(redactPersonalData(input, TLAP_POLICY)).toEqual({ text: expected, counts: { 'date-of-birth': 1 } });
  });

  test.each([
    ['Margaret, 12/03/1938, was left on a trolley.', '[name], [date of birth], was left on a trolley.'],
    ['my dad Ron, 4 May 1940, lives alone.', 'my dad [name], [date of birth], lives alone.'],
    ['Re: Tariq Hussain, 12.09.1990, still no reply.', 'Re: [name], [date of birth], still no reply.'],
    ['It got worse. Edna - 02/02/1931 - fell twice.', 'It got worse. [name] - [date of birth] - fell twice.'],
  ])('a date set off right after a name alone that opens its clause, or after a relation: %j → %j', (input, expected) => {
    expect(redactPersonalData(input, DEFAULT_REDACTION_POLICY)).toEqual({ text: expected, counts: { name: 1, 'date-of-birth': 1 } });
  });

  test.each([
    ['I spoke to Karen, 12/03/2024, about the respite.', 'I spoke to [name], 12/03/2024, about the respite.'],
    ["Dear Dr Shah, 14/02/2024, re: my mother's care.", "Dear [name], 14/02/2024, re: my mother's care."],
    ['Hi Mr Jones, 3 April 2024, as promised.', 'Hi [name], 3 April 2024, as promised.'],
  ])('a date set off after a name inside a clause or after a greeting stays: %j → %j', (input, expected) => {
    expect(redactPersonalData(input, DEFAULT_REDACTION_POLICY)).toEqual({ text: expected, counts: { name: 1 } });
  });

  test('a date in brackets right after a name is taken with the name; between commas it stays', () => {
    expect(redactPersonalData('Our PA Kasia Nowak (03/04/1951) waits.', DEFAULT_REDACTION_POLICY)).toEqual({
      text: 'Our PA [name] ([date of birth]) waits.',
      counts: { name: 1, 'date-of-birth': 1 },
    });
    expect(redactPersonalData('Thanks, Priya, 12/03/2024, for the call.', DEFAULT_REDACTION_POLICY).text).toBe(
      'Thanks, [name], 12/03/2024, for the call.',
    );
  });

  test.each([
    'The assessment (12/03/2024) was cancelled.',
    'The panel, 04.05.2021, said no.',
    'My mum, on 3 April 2024, moved to a home.',
    'my son (12/03/2019 was when it started',
    'my son (12/03/2019, 14/03/2019 and later) was seen',
    'Minutes of the meeting, 12/03/2024, attached.',
  ])('a date set off after no person, or not closed as it opened, stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: National Insurance numbers', () => {
  test.each([
    ['My NI number is QQ 12 34 56 C and', 'My NI number is [NI number] and'],
    ['QQ123456C', '[NI number]'],
    ['qq123456c', '[NI number]'],
    ['AB-12-34-56-D', '[NI number]'],
    ['NI: jz 45 67 89 a - sent twice', 'NI: [NI number] - sent twice'],
    ['national insurance QQ123456 please', 'national insurance [NI number] please'],
  ])('%j → %j', (input, expected) => {
    expect(redactPersonalData(input, TLAP_POLICY)).toEqual({ text: expected, counts: { 'ni-number': 1 } });
  });

  test.each(['we met at 10 12 14 a time', 'AB123456 was the order', 'Item 12 34 56 on the agenda', 'QQ1234567C'])(
    'no NI number: %j',
    (text) => {
      expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
    },
  );
});

describe('redactPersonalData: handles written without @ where the words before say so', () => {
  test.each([
    ['my twitter is jsmith_77 if', 'my twitter is [handle] if'],
    ['Find me on insta as carer.life.leeds, I post', 'Find me on insta as [handle], I post'],
    ['follow me on tiktok sallycares for', 'follow me on tiktok [handle] for'],
    ['My Instagram handle is DisabledAndProud and', 'My Instagram handle is [handle] and'],
    ['my snapchat: lil_sue99', 'my snapchat: [handle]'],
    ["I'm on twitter as CarerVoiceBrum and", "I'm on twitter as [handle] and"],
    ['DM me on Instagram sue_cares_x', 'DM me on Instagram [handle]'],
    ['Add me on facebook Jenny Rowe, I run it', 'Add me on facebook [handle], I run it'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['Snapchat: kayleigh.b99 if you want to hear', 'Snapchat: [handle] if you want to hear'],
    ['Insta - carer.life.leeds', 'Insta - [handle]'],
    ['TikTok: CarerLifeUK', 'TikTok: [handle]'],
  ])("after the platform named as a label, a word with a handle's marks: %j → %j", (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['IG: sallycares', 'IG: [handle]'],
    ['IG: sallycares if anyone wants to chat', 'IG: [handle] if anyone wants to chat'],
    ['tiktok - ourlifewithautism', 'tiktok - [handle]'],
    ['FB: brumcarerdad.', 'FB: [handle].'],
    ['X: sallycares', 'X: [handle]'],
    ['Socials. X: sallycares', 'Socials. X: [handle]'],
    ['Twitter/X: sallycares', 'Twitter/X: [handle]'],
    ['bsky - sallycares', 'bsky - [handle]'],
  ])(
    'after the platform named as a label, one word in lower case that is no common word, alone in its clause: %j → %j',
    (input, expected) => {
      expect(redacted(input)).toBe(expected);
    },
  );

  test.each([
    'My twitter is down at the moment.',
    'I am on insta as well as facebook.',
    'my instagram is private but my facebook page is public',
    'Read more on Facebook: https://t.co/4Bh1UG7gXG',
    'find us on twitter: www.example.org',
    "I use Snapchat: it's great",
    'Facebook - the council page is better',
    'IG: lots of carers post there',
    'Insta: none',
    'Insta - none, I do not do social media.',
    'X: the council never answers letters.',
    'Option X: carers first',
    'Point x: physio',
    'Insta: great for carers',
  ])('a platform named with no account after it stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });

  test("an organisation's account stays, and one on keep_handles written without its @", () => {
    for (const text of [
      'follow us on twitter TLAP_News',
      'our twitter is BoltonCarers1',
      'The council is on facebook as Bolton Council',
      'My twitter is TLAP_News, I mean theirs',
      'I saw it on facebook at 10am and on twitter at 2020 prices',
    ]) {
      expect(redacted(text)).toBe(text);
    }
  });
});

describe('redactPersonalData: phone numbers half in words', () => {
  test.each([
    ['ring me on oh seven seven double one 234 567 after six', 'ring me on [phone] after six'],
    ['my landline is oh one one three 496 0218, leave a message', 'my landline is [phone], leave a message'],
    ['my mobile is 07 seven double 0 nine double 0 one two three', 'my mobile is [phone]'],
    ['zero seven seven, double oh, nine hundred, one two three', '[phone]'],
    ['oh seven seven double one 234 567 2 times', '[phone] 2 times'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each(['01-02-2014 10', 'oh two three four five, that is how many times', 'oh one one three, two four three'])(
    'no phone: %j',
    (text) => {
      expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
    },
  );
});

describe('redactPersonalData: a house named rather than numbered, before its street', () => {
  test.each([
    ['write to me at Rose Cottage, Mill Lane, Little Snoring.', 'write to me at [address], Little Snoring.'],
    ['We live at Ivy House Farm, Back Lane and', 'We live at [address] and'],
    ['Send the forms to The Old Bakery, High Street, Ashby.', 'Send the forms to [address], Ashby.'],
    ['Holly Bungalow, Station Road', '[address]'],
    ['At Rose Cottage, Mill Lane we keep hens', 'At [address] we keep hens'],
    ['2 The Cottages, Mill Lane', '[address]'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'Rose Cottage Day Centre in Mill Lane is the only place he enjoys.',
    'We use Park House, the respite unit on Mill Lane, twice a month.',
    'my cottage, Mill Lane end, is damp',
    'the House, Mill Lane',
    'Manor House, the dementia unit, on Friday',
    'The Orchard, our local day service, has cut its hours.',
  ])('a service or a house with no street after it stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });

  test.each([
    ['Lives at Sunnyside, Mill Road with her son', 'Lives at [address] with her son'],
    ['Address: The Beeches, Church Lane, Ripon', 'Address: [address], Ripon'],
    ['Hawthorn Rise, Low Street\nBedale', '[address]\nBedale'],
    ['Meadow View, Church Road', '[address]'],
  ])('a house named with no house word, where an address is written: %j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'Widen Cemetry Road, Russellville Road, Lover’s Lane, Campbell Lane',
    'Boots, High Street, closes at five.',
    'We met at Costa, Market Place, on Friday.',
    'Oak Lodge Care Home, Mill Road, is closing.',
    'In Leeds, Otley Road is gridlocked.',
    'Sunnyside Surgery, Mill Road, Ripon',
    'I moved to Leeds, Otley Road Surgery took me on.',
    'Tesco Extra, Station Road',
    "Sainsbury's Local, High Street",
    'Aldi, Bridge Street',
    'Boots, Market Place\nCo-op, Church Street',
  ])('a shop, a service, a town or a list of streets before a street stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: a house named where someone lives, with no street', () => {
  test.each([
    ['we moved to Meadow View last year', 'we moved to [address] last year'],
    ['she lives at Rose Cottage now', 'she lives at [address] now'],
    ['We live at The Old Forge by the green.', 'We live at [address] by the green.'],
    ['My address is Hillcrest Bungalow, near the church.', 'My address is [address], near the church.'],
    ['Home: Meadow View, Church Road', 'Home: [address]'],
    ['Dad moved into Ivy Lodge in the spring.', 'Dad moved into [address] in the spring.'],
    ['Mum moved into Fern Bank last spring.', 'Mum moved into [address] last spring.'],
    ['Please send the letters to Moss Bank, not my old address.', 'Please send the letters to [address], not my old address.'],
    ['Dad has moved into Bryn Awel with my sister.', 'Dad has moved into [address] with my sister.'],
    ['Holly Bank, Mill Lane, Settle', '[address], Settle'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'She lives at Park House care home now.',
    'The meeting moved to Hope House hospice.',
    'Come to Rose Cottage Surgery on Friday.',
    'We visited Chatsworth House for the day.',
    'We moved to Leeds last year.',
    'we moved to a bungalow, then a flat',
    'Send it to Lloyds Farm Shop',
    'Mum moved into Holly Ward on Monday.',
    'He moved into supported living through Mencap.',
    'Please send the money to Barclays Bank, not the council.',
    'Send donations to Bangor Food Bank.',
    'They moved to Holly Bank Road last year.',
    'Please send the forms to Holly Bank Surgery.',
    "We moved into Lloyds Bank's old building.",
    'She lives at Bryn Awel Nursing Home.',
    'Lloyds Bank, High Street',
    'Food Bank, High Street',
  ])('a service, a sight, a town or a house with no name stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: e-mail addresses spelled out in words', () => {
  test.each([
    ['Contact jane dot smith at gmail dot com if', 'Contact [email] if'],
    ['mike.brown at outlook dot com', '[email]'],
    ['chloe dot w at yahoo dot co dot uk she', '[email] she'],
    ['JO AT EXAMPLE DOT ORG', '[email]'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['email jane.smith @ gmail.com please', 'email [email] please'],
    ['jane . smith @ gmail . com', '[email]'],
    ['send it to jane_smith(@)hotmail.co.uk thanks', 'send it to [email] thanks'],
    ['pete dot jones @ outlook dot com is best', '[email] is best'],
    ['contact jane at gmail.com about it', 'contact [email] about it'],
    ['write to m.brown at btinternet.com not', 'write to [email] not'],
  ])('with spaces or brackets around the @, or `at` before a plain domain: %j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    ['contact me at helen [dot] ward [at] btinternet [dot] com', 'contact me at [email]'],
    ['jane (dot) smith (at) gmail (dot) com', '[email]'],
    ['My email is grandma underscore pat at hotmail dot co dot uk if', 'My email is [email] if'],
    ['sam dash jones at outlook dot com', '[email]'],
  ])('its local part joined by `[dot]` or by `underscore` said in words, so none of it is left: %j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'We are at home dot com all day',
    'meet at the hub',
    'look at example dot points',
    'see you @ 10.30 at the hub',
    'I shop at amazon.co.uk now',
    'look at nhs.uk for the information',
    'we meet @ the library',
    'the cut and dash at the hub dot uk',
  ])('no address: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: people in links', () => {
  test.each([
    ['https://www.facebook.com/jane.smith.5678 if', 'https://www.facebook.com/[handle] if'],
    ['https://twitter.com/janesmith_carer for', 'https://twitter.com/[handle] for'],
    ['x.com/janesmith and', 'x.com/[handle] and'],
    ['https://www.instagram.com/carer.life.leeds/', 'https://www.instagram.com/[handle]/'],
    ['https://www.tiktok.com/@carer_jo/video/1', 'https://www.tiktok.com/[handle]/video/1'],
    ['https://www.linkedin.com/in/jane-smith-12ab/', 'https://www.linkedin.com/in/[handle]/'],
    ['https://example.org/form?email=mike.brown@example.com&name=Mike+Brown', 'https://example.org/form?email=[email]&name=[name]'],
    [
      'https://example.org/r?ref=tlap&first_name=Sandra&surname=Mitchell#top',
      'https://example.org/r?ref=tlap&first_name=[name]&surname=[name]#top',
    ],
    ['https://example.org/c?tel=07700900123&user=carer_jo', 'https://example.org/c?tel=[phone]&user=[handle]'],
    ['https://www.facebook.com/profile.php?id=100012345678 is me', 'https://www.facebook.com/profile.php?id=[handle] is me'],
    ['https://www.reddit.com/user/Carer_Mum_Leeds/ posted it', 'https://www.reddit.com/user/[handle]/ posted it'],
    ['old.reddit.com/u/jsmith_77 said', 'old.reddit.com/u/[handle] said'],
    ['https://bsky.app/profile/carer.bsky.social/post/3kq2', 'https://bsky.app/profile/[handle]/post/3kq2'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'https://www.facebook.com/groups/carersuk',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://twitter.com/TLAP_News/status/1700000000000000001',
    'https://www.example.gov.uk/adult-social-care/carers?page=2',
    'https://notfacebook.com/jane',
    'https://example.org/item.php?id=42',
  ])('a page of a site, an organisation kept by keep_handles and other links stay: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: a Reddit user named as Reddit writes a mention', () => {
  test.each([
    ['Thanks u/jsmith_77 for the link', 'Thanks [handle] for the link'],
    ['As /u/Carer-Mum-Leeds said, respite matters', 'As [handle] said, respite matters'],
    ['(u/Dad0fThree)', '([handle])'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'see r/CasualUK and r/LegalAdviceUK',
    'https://www.reddit.com/r/CasualUK/comments/1abc2d/day_centres/',
    'youth services for u/18s and u/16s',
    'a u-turn on funding',
    'thanks u/TLAP_News',
    'the menu/u/item path',
  ])('a subreddit, an age group, an organisation kept by keep_handles and paths stay: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: accounts on Bluesky and Mastodon written without an @', () => {
  test.each([
    ['cc samcares.bsky.social who asked', 'cc [handle] who asked'],
    ['https://samcares.bsky.social', 'https://[handle]'],
    ['https://bsky.app/profile/samcares.bsky.social/post/3lbbw4fzqgc2y', 'https://bsky.app/profile/[handle]/post/3lbbw4fzqgc2y'],
    ['bsky.app/profile/leedscarers.org.uk', 'bsky.app/profile/[handle]'],
    ['at://did:plc:ibsnzlyetxg4rhubbw5fjisi/app.bsky.feed.post/3lbbw4fzqgc2y', 'at://[handle]/app.bsky.feed.post/3lbbw4fzqgc2y'],
    ['my DID is did:web:jo.example.org.', 'my DID is [handle].'],
    ['https://social.coop/users/pa_ruth/statuses/113516259998765432', 'https://social.coop/users/[handle]/statuses/113516259998765432'],
    ['new.reddit.com/u/quiet_carer_88/comments', 'new.reddit.com/u/[handle]/comments'],
  ])('%j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each(['bsky.social is where I post now; see bsky.app/profile', 'https://www.reddit.com/r/CarersUK/wiki/index'])(
    'the sites themselves and their pages stay: %j',
    (text) => {
      expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
    },
  );

  test('an organisation on keep_handles stays in every form', () => {
    const policy: RedactionPolicy = { ...TLAP_POLICY, keepHandles: ['@TLAP_News', '@thinklocalactpersonal.bsky.social'] };
    const text = 'u/TLAP_News and thinklocalactpersonal.bsky.social';
    expect(redactPersonalData(text, policy)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: a mention by first name takes its surname with it', () => {
  test.each([
    ['@Tariq Mahmood can you add this?', '[handle] can you add this?'],
    ['@Tariq McAllister can you add this?', '[handle] can you add this?'],
    ["@Siobhan O'Neill said so", '[handle] said so'],
    ['@Dave Leeds is where I live', '[handle] Leeds is where I live'],
    ['@carer_jo Okoro', '[handle] Okoro'],
    ['@TLAP_News Mahmood', '@TLAP_News Mahmood'],
  ])('%j → %j', (input, expected) => {
    expect(redactPersonalData(input, { ...TLAP_POLICY, kinds: new Set(['handle']) }).text).toBe(expected);
  });
});

describe('redactPersonalData: what is never redacted', () => {
  test.each([
    '£1,200',
    '2014-01-31',
    'in 2013',
    'a 10-minute visit',
    'Section 117',
    'TLAP13',
    'SW1',
    'A1 road',
    'NHS 111',
    'call 999',
    '24/7 care',
    'at 9am',
    '2014-01-31T09:15:00.000Z',
    'Care Act 2014 s.117(2)',
    'phone me on my mobile',
    'email me',
    'one in 10,000,000,000 people',
    '[email] [phone] [postcode] [NHS number] [handle] [name] [address] [date of birth] [NI number]',
    'DOB [date of birth], NI [NI number], my twitter is [handle]',
    'https://example.org/form?name=[name]&email=[email]',
  ])('%j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });
});

describe('redactPersonalData: policy and counts', () => {
  const text = 'jo@example.com 07700 900123 SW1A 1AA 9990000018 @bob and again @bob';

  test('counts each kind replaced', () => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({
      text: '[email] [phone] [postcode] [NHS number] [handle] and again [handle]',
      counts: { email: 1, phone: 1, postcode: 1, 'nhs-number': 1, handle: 2 },
    });
  });

  test('kinds not in the policy are left as written and not counted', () => {
    expect(redactPersonalData(text, policyFor('postcode', 'phone'))).toEqual({
      text: 'jo@example.com [phone] [postcode] 9990000018 @bob and again @bob',
      counts: { phone: 1, postcode: 1 },
    });
  });

  test('an empty set of kinds changes nothing', () => {
    expect(redactPersonalData(text, policyFor())).toEqual({ text, counts: {} });
  });

  test('a codebook listing the kinds before dates of birth and NI numbers publishes them as written, never as another kind', () => {
    const written = 'DOB 03/04/1951, NI QQ 12 34 56 C, at Rose Cottage, Mill Lane, my twitter is jsmith_77';
    expect(redactPersonalData(written, policyFor('email', 'phone', 'postcode', 'nhs-number', 'handle', 'address'))).toEqual({
      text: 'DOB 03/04/1951, NI QQ 12 34 56 C, at [address], my twitter is [handle]',
      counts: { address: 1, handle: 1 },
    });
  });

  test('the default policy redacts every kind', () => {
    expect(redactPersonalData(text).counts).toEqual({ email: 1, phone: 1, postcode: 1, 'nhs-number': 1, handle: 2 });
  });
});

describe('redactPersonalData: idempotent, also where a replacement frees a neighbour', () => {
  test.each([
    ['SW1A 1AA07700 900123', '[postcode][phone]'],
    ['07700900123SW1A 1AA', '[phone][postcode]'],
    ['SW1A 1AA.jo@example.com', '[postcode].[email]'],
    ['9990000018SW1A 1AA', '[NHS number][postcode]'],
  ])('%j → %j, and again gives the same', (input, expected) => {
    const once = redactPersonalData(input, TLAP_POLICY);
    expect(once.text).toBe(expected);
    expect(redactPersonalData(once.text, TLAP_POLICY)).toEqual({ text: expected, counts: {} });
  });
});

describe('redactPersonalData: disguises found by the red team of session 33', () => {
  const redact = (text: string): string => redactPersonalData(text, DEFAULT_REDACTION_POLICY).text;
  test.each([
    ['Ring O7700 900123 after six', 'Ring [phone] after six'],
    ['or +44 O7700 900456', 'or [phone]'],
    ['message me on wa.me/447700900123', 'message me on wa.me/[phone]'],
    ['mail jane\\_smith@gmail\\.com', 'mail [email]'],
    ['my email is jane.smith@gmail.', 'my email is [email].'],
    ['DM harriet_q on insta', 'DM [handle] on insta'],
    ['follow me @ jsmith77', 'follow me [handle]'],
    ['see https://x.com/i/web/status/1712345678901234567', 'see https://x.com/i/web/status/[handle]'],
    ['https://survey.example.org/s?respondent_id=R-20931&lang=en', 'https://survey.example.org/s?respondent_id=[handle]&lang=en'],
    ['https://example.org/reset?token=8f3a9c2b7d', 'https://example.org/reset?token=[handle]'],
    [
      'https://docs.google.com/forms/d/e/1FAIpQLSf3x/viewform?usp=pp_url&entry.1187654=Priya+Shah&entry.22=07700+900123',
      'https://docs.google.com/forms/d/e/1FAIpQLSf3x/viewform?usp=pp_url&entry.1187654=[name]&entry.22=[name]',
    ],
  ])('%j → %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  test.each([
    'My phone is on O2 and the signal is awful.',
    'Route O7 bus takes 40 minutes.',
    'see you @ 10.30',
    'the council page https://www.example.gov.uk/article?id=4471',
    'https://forms.example.org/carers?lang=cy&utm_source=newsletter',
    'I am on insta as well as facebook.',
    'order 441234567890123 ok',
  ])('%j stays', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redactPersonalData: flats, and streets named with no street word', () => {
  test.each([
    ['Write to me at Flat 12, Jubilee House, Ash Road, Cleckheaton.', 'Write to me at [address], Cleckheaton.'],
    ['Flat 3, Meadow View, Church Road', '[address], Church Road'],
    ['Our flat (Flat 4b, 112 Kingsway) has no lift', 'Our flat ([address]) has no lift'],
    ["Mum's bungalow, 5 The Paddocks, is too far", "Mum's bungalow, [address], is too far"],
    ['we live at 2 The Maltings now', 'we live at [address] now'],
    ['moved to 7 The Spinney, Leeds', 'moved to [address], Leeds'],
  ])('the flat\'s number goes with its address, and a house number before "The" and a plural is a street: %j → %j', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  test.each([
    'on Ward 7 The Oaks unit was closed',
    'in 2019 The Beatles were on the radio',
    'top 10 The Smiths songs',
    'There were 3 The Guardian articles about it',
    'Band 5 The Nurses union says',
  ])('a number of something else before "The" stays: %j', (text) => {
    expect(redactPersonalData(text, TLAP_POLICY).counts.address).toBeUndefined();
  });
});

describe('redactPersonalData: numbers a service knows a person by', () => {
  test.each([
    ["Dad's hospital number is RWY1234567 and", "Dad's hospital number is [case number] and"],
    ['My complaint reference is PALS-2024-0456 and', 'My complaint reference is [case number] and'],
    ["Mosaic ID 1234567, that's my son's case number", "Mosaic ID [case number], that's my son's case number"],
    ['Respondent ID: 4471923', 'Respondent ID: [case number]'],
    ['MRN 00123456', 'MRN [case number]'],
    ['client ref: AB/12345', 'client ref: [case number]'],
  ])('after words saying whose number it is: %j → %j', (input, expected) => {
    expect(redactPersonalData(input, TLAP_POLICY)).toEqual({ text: expected, counts: { 'case-number': 1 } });
  });

  test('ten digits there are an NHS number, as before', () => {
    expect(redacted('hospital number 4857773457')).toBe('hospital number [NHS number]');
  });

  test.each([
    'Policy ref ASC/2023/041 says reviews happen every 12 months',
    'NICE guideline NG97 says',
    'case no. 3 of 5 was closed',
    'the case number was never given',
    'Ward 12, bed 4',
  ])("a reference that is no person's, or a number too short to be one, stays: %j", (text) => {
    expect(redactPersonalData(text, TLAP_POLICY)).toEqual({ text, counts: {} });
  });

  test('with case-number left out of redact.kinds, the number is published', () => {
    const policy = { ...TLAP_POLICY, kinds: new Set([...TLAP_POLICY.kinds].filter((kind) => kind !== 'case-number')) };
    expect(redactPersonalData('hospital number RWY1234567', policy).text).toBe('hospital number RWY1234567');
  });
});

describe('redactPersonalData: IP addresses written in people’s words', () => {
  test.each([
    ['my IP was 81.2.69.160 if that helps', 'my IP was [IP address] if that helps'],
    ['blocked from 203.0.113.45, our library', 'blocked from [IP address], our library'],
    ['It says 2001:db8::1 is banned.', 'It says [IP address] is banned.'],
    ['Full: 2001:0db8:85a3:0000:0000:8a2e:0370:7334.', 'Full: [IP address].'],
    ['error at fe80::1ff:fe23:4567:890a today', 'error at [IP address] today'],
    ['server "10.127.16.2:9092" in the config', 'server "[IP address]:9092" in the config'],
    ['my IP is 1.2.3.4 still', 'my IP is [IP address] still'],
    ['my I.P. was 5.6.7.8', 'my I.P. was [IP address]'],
    ['my IP number is 1.2.3.4', 'my IP number is [IP address]'],
    ['requests from 10.0.0.12 were blocked', 'requests from [IP address] were blocked'],
    ['the router’s address 1.2.3.4', 'the router’s address [IP address]'],
    ['8.8.4.4 is the IP it showed', '[IP address] is the IP it showed'],
    ['7.1.2.9 (my home IP) was banned', '[IP address] (my home IP) was banned'],
    ['the IPv6 address fe80::1 showed', 'the IPv6 address [IP address] showed'],
    ['it tried IPv6 ::1 and gave up', 'it tried IPv6 [IP address] and gave up'],
    ['the server on ::1 refused', 'the server on [IP address] refused'],
  ])('%j becomes %j, counted as one ip-address', (text, expected) => {
    const result = redactPersonalData(text, TLAP_POLICY);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ 'ip-address': 1 });
  });

  test.each([
    'Chrome 120.0.6099.109 will not load the map',
    'Windows version 10.0.19041.1 and Edge',
    'See paragraph 3.2.1.4 of the draft.',
    'Section 1.2.3.4 of the plan',
    'Version 4.2.1.0 of the app fixed it.',
    'QUALCOMM Windows Eudora Pro Version 4.2.0.58',
    'The steps were 1.2.3.4 in order.',
    'numbers 0.5.0.1 in the appendix',
    'Ref 2024.10.3.1 and 1.2.3.4.5 and v1.2.3.4',
    'on 12.03.2024 at 10.30',
    'Use std::vector and Arc::drop',
    'ran 10:30:00 to 12:15:30, timecode 01:02:03:04, verse 3:16',
    'dead::beef and ab::cd',
    'The quote is from 3.1.4.2 of the strategy.',
    'The council must address 3.1.4.2 first.',
    'The IP policy in 4.1.2.1 is about copyright.',
    'my router firmware 2.0.1.7 crashes',
    'ran from 10:30 to 11:45, from 10::30 by mistake',
    'It cost £1.20 from 1.4.2024.',
    'I think 1.2.3.4 is mine',
    'See 4.1.2.1 (IP rights) of the contract.',
  ])('%j stays', (text) => {
    expect(redacted(text)).toBe(text);
  });

  test('an IP address is still recognised, and left as written, when the policy leaves the kind out', () => {
    expect(redactPersonalData('my IP was 81.2.69.160', policyFor('phone')).text).toBe('my IP was 81.2.69.160');
  });
});

describe('redactPersonalData: payment card numbers and bank details', () => {
  test.each([
    ['card 4111 1111 1111 1111', 'card [card number]', { 'card-number': 1 }],
    ['my prepaid card 5354 5600 1234 5678 was blocked', 'my prepaid card [card number] was blocked', { 'card-number': 1 }],
    ['paid with 4111-1111-1111-1111.', 'paid with [card number].', { 'card-number': 1 }],
    ['Amex 3782 822463 10005 on file', 'Amex [card number] on file', { 'card-number': 1 }],
    ['old Visa 4024007154327', 'old Visa [card number]', { 'card-number': 1 }],
    ['card 4111 1111 1111 1111 2 days ago', 'card [card number] 2 days ago', { 'card-number': 1 }],
    ['account number 4111 1111 1111 1111', 'account number [card number]', { 'card-number': 1 }],
    ['bank sort code 12-34-56 account 12345678', 'bank sort code [bank details] account [bank details]', { 'bank-details': 2 }],
    [
      'the council paid into my account 12345678 sort code 20-00-00',
      'the council paid into my account [bank details] sort code [bank details]',
      { 'bank-details': 2 },
    ],
    [
      'My sort code is 40 47 84 and the account number is 31926819.',
      'My sort code is [bank details] and the account number is [bank details].',
      { 'bank-details': 2 },
    ],
    ['a/c 55779911, s/c 309634', 'a/c [bank details], s/c [bank details]', { 'bank-details': 2 }],
    ['acc no 44556677 at Lloyds', 'acc no [bank details] at Lloyds', { 'bank-details': 1 }],
    ['Details: 20-00-00 12345678 in his name', 'Details: [bank details] [bank details] in his name', { 'bank-details': 2 }],
    ['IBAN GB29 NWBK 6016 1331 9268 19 please', 'IBAN [bank details] please', { 'bank-details': 1 }],
    ['to GB82WEST12345698765432 CASH', 'to [bank details] CASH', { 'bank-details': 1 }],
    ['to DE89 3704 0044 0532 0130 00 by mistake', 'to [bank details] by mistake', { 'bank-details': 1 }],
  ])('%j becomes %j', (text, expected, counts) => {
    const result = redactPersonalData(text, TLAP_POLICY);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual(counts);
  });

  test.each([
    'My card ending 1234 was charged twice.',
    'The statement shows **** **** **** 4242.',
    'They took £12,345,678 and then £12345678 out of the budget.',
    'Assessed on 12-03-56 according to the paperwork.',
    'Open 10:30-12:15, ages 12-16, room 12-34.',
    'Our invoice number is 12345678 and reference 87654321.',
    'Order number 1002 3344 5566 7781 never arrived.',
    'Serial number 4111 1111 1111 1111 is on the hoist.',
    'IMEI 490154203237518 and Tracking 4111111111111111',
    'The figures for 2016 2017 2018 2019 were lower.',
    'Scores were 12 34 56 78 across the groups.',
    'between 10-12-14 and 12345678',
    'GB29 NWBK 6016 1331 9268 18 is a wrong IBAN',
    'In the table: 12345678 | 87654321 | 11223344',
    'card 4111 1111 1111 1112 was mistyped',
  ])('%j stays', (text) => {
    expect(redacted(text)).toBe(text);
  });

  test('numbers of the other kinds stay theirs beside them', () => {
    expect(redacted('NHS 943 476 5919, call 0113 496 0000, hospital number RWY1234567, card 4111111111111111')).toBe(
      'NHS [NHS number], call [phone], hospital number [case number], card [card number]',
    );
    expect(redacted('account number 123456789 and account number 12345678')).toBe(
      'account number [case number] and account number [bank details]',
    );
  });

  test('card numbers and bank details are still recognised, and left as written, when the policy leaves their kinds out', () => {
    const text = 'sort code 20-00-00 account 12345678, card 4111 1111 1111 1111';
    expect(redactPersonalData(text, policyFor('phone', 'case-number')).text).toBe(text);
    expect(redactPersonalData(text, policyFor('card-number')).text).toBe('sort code 20-00-00 account 12345678, card [card number]');
  });
});
