import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { GUARDED_PATTERNS as NAME_PATTERNS } from '../../src/privacy/person-names.js';
import { GUARDED_PATTERNS as PERSONAL_DATA_PATTERNS, PERSONAL_DATA } from '../../src/privacy/personal-data.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261202, numRuns: propertyRuns(400) });

/**
 * Pieces of text near what each kind of personal data and each way of naming someone looks for:
 * the data itself, its cue words, and the characters the guards look for alone, so that texts
 * made of them pass some guards and not others, and hold matches that overlap.
 */
const PIECES = [
  'jo.smith@example.com',
  'jo [at] example [dot] com',
  'jo dot smith at gmail dot com',
  'jane_smith(@)hotmail.co.uk',
  'at',
  ' dot ',
  '.com',
  '.uk',
  'did:plc:ibsnzlyetxg4',
  'facebook.com/jane.smith',
  'https://x.com/jo/status/1712345678901',
  'https://social.example/users/jo',
  'samcares.bsky.social',
  '?name=Priya+Shah',
  '&entry.123=Jo',
  'u/jsmith_77',
  '/u/18s',
  'DOB: 03/04/1951',
  'born on 3 April 1951',
  '(12/03/1938)',
  ', 04.05.1941,',
  'QQ 12 34 56 C',
  'NI',
  'patient number 1234567',
  'Mosaic ID',
  'my twitter is jsmith_77',
  'IG: sallycares',
  'X: ',
  'find me on insta as',
  '@ jsmith77',
  '@Tariq Mahmood',
  '999 000 0018',
  '07700 900123',
  '+44 (0)20 7946 0123',
  '447700900123',
  'SW1A 1AA',
  'm1 1ae',
  '14 Acacia Avenue',
  'Flat 4b, 112 Kingsway',
  '5 The Paddocks',
  'Rose Cottage, Mill Lane',
  'The Old Bakery, High Street',
  'Meadow View, Church Road',
  'oh seven seven double oh nine',
  '0 seven',
  'lives at number 12',
  'Mr Okafor',
  "I'm Liam",
  'Thanks, Priya',
  'Kind regards\nJo',
  'Thank you to Bernadette,',
  'Help came from Dev',
  'Vikram helped',
  'ask for Karen',
  'hi Jo!',
  'Raj, you had',
  'Signed: J. R. Whitelaw',
  'our care coordinator Julie Barnes',
  'Her carers Ruby and Precious',
  'Gethin, 12/05/1950, lives alone',
  'a carer called Joy',
  'her name is Dawn',
  "Sarah's mum",
  'Priya x',
  'Name: Olusegun Adeyemi',
  'my carer sarah',
  'cheers,\ngaz',
  "i'm sarah",
  'mrs smith',
  'spoke to jackie',
  'we moved to Meadow View last year',
  'lives at Rose Cottage now',
  'Bryn Awel',
  'We liked Priya',
  "'s visit",
  '- GIDEON: Yes.',
  'REBECCA: Thanks.',
  'my IP was 81.2.69.160',
  '2001:db8::1',
  'fe80::1ff:fe23:4567:890a',
  '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  'section 1.2.3.4',
  'Chrome 120.0.6099.109',
  '::',
  'std::vector',
  'card 4111 1111 1111 1111',
  '4111111111111111',
  '3782 822463 10005',
  'sort code 20-00-00',
  ' account 12345678',
  'a/c 1234 5678',
  '20 00 00 ',
  'GB29 NWBK 6016 1331 9268 19',
  'GB82WEST12345698765432',
  'ſ',
  'K',
  'É',
  '😀',
  '9',
  '@',
  '＠',
  '/',
  '=',
  ',',
  '.',
  ':',
  '-',
  '(',
  ')',
  '[',
  ']',
  "'",
  '’',
  'we need more support',
  'Care',
];
const SEPARATORS = ['', ' ', ' ', '\n', '\n\n', '. ', ', ', '\t'];

const textOfPieces = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

function described(match: RegExpExecArray): string {
  const groups = Object.entries(match.groups ?? {}).filter(([, value]) => value !== undefined);
  return `${match.index}:${match[0]}:${groups.map(([name]) => name).join(',')}`;
}

describe('the guards that let redaction skip patterns a text cannot match', () => {
  const combined = PERSONAL_DATA.combined();

  test('the personal data found is what the plain alternation of every kind finds', () => {
    fc.assert(
      fc.property(textOfPieces, (text) => {
        expect([...PERSONAL_DATA.matches(text)].map(described)).toEqual([...text.matchAll(combined)].map(described));
      }),
    );
  });

  const guarded = [
    ...NAME_PATTERNS.map((entry, index) => [`name pattern ${index}`, entry] as const),
    ...PERSONAL_DATA_PATTERNS.map((entry, index) => [`personal-data pattern ${index}`, entry] as const),
  ];

  test.each(guarded)('%s: every text it matches passes its guard', (_, { pattern, guard }) => {
    const anywhere = new RegExp(pattern.source, pattern.flags.replace('g', ''));
    fc.assert(
      fc.property(textOfPieces, (text) => {
        if (anywhere.test(text)) expect(guard.test(text)).toBe(true);
      }),
    );
  });

  test('each name pattern finds a name in some text made of the pieces, so its guard is put to the test', () => {
    const texts = fc.sample(textOfPieces, { numRuns: 2000, seed: 7 });
    const found = NAME_PATTERNS.map(({ pattern }) =>
      texts.some((text) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text)),
    );
    expect(found.map((hit, index) => (hit ? null : index)).filter((index) => index !== null)).toEqual([]);
  });
});
