import { describe, expect, test } from '@jest/globals';
import { findPersonNames, isNameKeyword, type NameSpan } from '../../src/privacy/person-names.js';

const named = (text: string, spans: readonly NameSpan[]): string[] => spans.map((span) => text.slice(span.start, span.end));

describe('findPersonNames on sentences met before', () => {
  test('a sentence found again in another text gives the same names, at its place in that text', () => {
    const sentence = 'Then Sarah Jones came to see me at home, with Tom Jones.';
    const alone = findPersonNames(sentence);
    const later = `We waited a week. ${sentence} Nothing changed.`;
    const again = findPersonNames(later);
    expect(named(sentence, alone)).toEqual(['Sarah Jones', 'Tom Jones']);
    expect(named(later, again)).toEqual(named(sentence, alone));
    const shift = later.indexOf(sentence);
    expect(again).toEqual(alone.map((span) => ({ start: span.start + shift, end: span.end + shift })));
  });

  test('sentences of one length with names in different places keep their own names, however often they are read', () => {
    const first = 'Then Sarah Jones came to see me at home.';
    const second = 'Then we all went out and Tom Jones came.';
    expect(first.length).toBe(second.length);
    for (let round = 0; round < 3; round += 1) {
      expect(named(first, findPersonNames(first))).toEqual(['Sarah Jones']);
      expect(named(second, findPersonNames(second))).toEqual(['Tom Jones']);
    }
  });
});

describe('a sentence opened by a noun no given name ends like', () => {
  test('Communication, Management or Partnership before "from the council" is no person; Declan still is', () => {
    for (const text of [
      'Communication from the council is poor; nobody answers the phone.',
      'Management at the care home has been poor.',
      'Partnership from the council was promised.',
    ]) {
      expect(named(text, findPersonNames(text))).toEqual([]);
    }
    const declan = 'Declan from the carers centre rang me back.';
    expect(named(declan, findPersonNames(declan))).toEqual(['Declan']);
  });
});

describe('a surname with a capital inside it (McAllister, MacDonald)', () => {
  test('is found whole after a title, a role or a given name, so no part of it is left after the token', () => {
    for (const [text, name] of [
      ['Sister McAllister ran that ward like clockwork.', 'Sister McAllister'],
      ['Nurse McDonald was kind.', 'Nurse McDonald'],
      ['ask for Mrs MacKenzie on ward 3', 'Mrs MacKenzie'],
      ['My carer Ruby MacDonald was kind', 'Ruby MacDonald'],
      ['Thanks to Holly, Femi and Joy LeBlanc', 'Joy LeBlanc'],
    ] as const) {
      expect(named(text, findPersonNames(text))).toContain(name);
    }
  });

  test('a business named so stays', () => {
    expect(findPersonNames("The McDonald's on the ring road is open all night.")).toEqual([]);
  });
});

describe('a name in lower case after words of speaking to or asking for someone', () => {
  test('is found when the lexicon lists it as a given name and as no other word', () => {
    for (const [text, name] of [
      ['spoke to jackie on reception and she said no', 'jackie'],
      ['rang karen twice and got nowhere', 'karen'],
      ['asked for bev but she was off', 'bev'],
    ] as const) {
      expect(named(text, findPersonNames(text))).toEqual([name]);
    }
  });

  test('people, places and words spoken to or asked for stay', () => {
    for (const text of [
      'I spoke to reception',
      'ask for help at the desk',
      'spoke to will about it',
      'talked to someone',
      'spoke to mum',
      'thanks to everyone',
    ]) {
      expect(findPersonNames(text)).toEqual([]);
    }
  });
});

describe('places and conditions named like people', () => {
  test('towns a tagger reads as a given name and a surname, and conditions named after doctors, are no people', () => {
    for (const text of [
      'Carers Week runs from 9 to 15 June and nothing is planned in Kirkby Stephen.',
      'Milton Keynes and Stoke Mandeville both sent us home with no care plan.',
      "Crohn's, Addison's disease and Hodgkin's lymphoma all in one family.",
      "Mum has Bell's palsy and Dad has Graves' disease.",
    ]) {
      expect(named(text, findPersonNames(text))).toEqual([]);
    }
  });

  test('a person so named is still found', () => {
    for (const [text, name] of [
      ['Milton came round on Tuesday.', 'Milton'],
      ['Mrs Williams said the syndrome clinic was shut.', 'Mrs Williams'],
      ['Thanks to Stephen and Addison on the ward.', 'Stephen'],
    ] as const) {
      expect(named(text, findPersonNames(text))).toContain(name);
    }
  });
});

describe('a name beside the field or sentence that follows it', () => {
  test("the next field's label, a word opening a sentence or a role after a name stays, and the name goes whole", () => {
    for (const [text, name] of [
      ['Name: Deborah Smith Date of birth: 3/4/1950', 'Deborah Smith'],
      ['Name Deborah Smith Date of birth 3/4/1950 Address 4 Elm Road', 'Deborah Smith'],
      ['Carer: Deborah Smith Relationship: daughter', 'Deborah Smith'],
      ['Name: John Brown Phone: 01234 567890', 'John Brown'],
      ['From: Deborah Smith Sent: Monday', 'Deborah Smith'],
      ['Thanks to Deborah Smith Staff were lovely', 'Deborah Smith'],
      ['Spoke to Deborah Smith Social Worker', 'Deborah Smith'],
    ] as const) {
      expect(named(text, findPersonNames(text))).toEqual([name]);
    }
  });

  test("a tagger's person run on past a word opening a sentence is the name after it, not the common word before", () => {
    const text = '"ss","Staff","That Charlotte is a very great nurse. "';
    expect(named(text, findPersonNames(text))).toEqual(['Charlotte']);
  });

  test("names of three words, and names with a surname's particle, go whole", () => {
    for (const [text, name] of [
      ['Name: Mary Ann Smith Date of birth: 3/4/1950', 'Mary Ann Smith'],
      ['Mary Ann Smith rang me.', 'Mary Ann Smith'],
      ['I spoke to Jean-Paul de Souza yesterday.', 'Jean-Paul de Souza'],
      ['Our carer Maria da Silva is great.', 'Maria da Silva'],
      ['Our GP Dr van der Berg is great.', 'Dr van der Berg'],
      ['Thanks to Anna von Trapp.', 'Anna von Trapp'],
    ] as const) {
      expect(named(text, findPersonNames(text))).toEqual([name]);
    }
  });

  test("a name after a form's label for it is found whatever its words are; a word for giving none stays", () => {
    expect(named('Name: Tom Field Date of birth: 1/1/1950', findPersonNames('Name: Tom Field Date of birth: 1/1/1950'))).toEqual([
      'Tom Field',
    ]);
    expect(named('Carer name: Rose Hill', findPersonNames('Carer name: Rose Hill'))).toEqual(['Rose Hill']);
    expect(named('Name Olusegun Adeyemi Telephone 01632 960218', findPersonNames('Name Olusegun Adeyemi Telephone 01632 960218'))).toEqual([
      'Olusegun Adeyemi',
    ]);
    for (const text of ['Name: Anonymous', 'Name: Withheld', 'Name Withheld', 'Company name: Acme Widgets', 'Name and address supplied']) {
      expect(findPersonNames(text)).toEqual([]);
    }
  });
});

describe('a name in the possessive opening a sentence', () => {
  test('a given name, or a word that may be a name before a role or relation, is found', () => {
    for (const [text, name] of [
      ["Sarah's mum rang the office.", "Sarah's"],
      ["Sarah's disease got worse.", "Sarah's"],
      ["We asked twice. Gethin's dad needs help.", "Gethin's"],
      ["Imogen's carer still turns up late.", "Imogen's"],
      ['"Callum\'s school rang me again," she wrote.', "Callum's"],
    ] as const) {
      expect(named(text, findPersonNames(text))).toEqual([name]);
    }
  });

  test('conditions named after doctors, days named after people, relations, places and organisations stay', () => {
    for (const text of [
      "Addison's disease is rare.",
      "Barrett's oesophagus was found.",
      "Gilbert's syndrome is harmless, the GP said.",
      'Charles Bonnet syndrome explains what Mum sees.',
      "Valentine's Day was quiet.",
      "Winston's Wish helped.",
      "Mum's carer was late.",
      "Sheffield's social workers are great.",
      "Barnardo's support worker rang.",
    ]) {
      expect(named(text, findPersonNames(text))).toEqual([]);
    }
  });
});

describe("a codebook keyword that names a person (the JSON report printed `sarah` among the codebook's keywords)", () => {
  test.each(['sarah', 'morgan', 'nurse patel', 'Sarah Jones', 'john', 'sue'])('%j is one', (keyword) => {
    expect(isNameKeyword(keyword)).toBe(true);
  });

  test.each(['hope', 'ward', 'norm', 'will', 'dawn', 'bradford', 'waiting list', 'parkinson', 'care home'])(
    '%j, also a word, place or condition, is none',
    (keyword) => {
      expect(isNameKeyword(keyword)).toBe(false);
    },
  );

  test('nor is one whose name words redact.keep_names keeps', () => {
    expect(isNameKeyword('jeremy hunt', ['Jeremy Hunt'])).toBe(false);
    expect(isNameKeyword('sarah', ['Jeremy Hunt'])).toBe(true);
  });
});
