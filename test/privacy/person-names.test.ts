import { describe, expect, test } from '@jest/globals';
import { findPersonNames, type NameSpan } from '../../src/privacy/person-names.js';

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
