import fc from 'fast-check';
import { nhsCheckDigit } from '../../src/privacy/nhs-number.js';
import type { PersonalDataKind } from '../../src/privacy/personal-data-kinds.js';

/**
 * Personal data that belongs to nobody: example.com addresses, Ofcom's drama numbers, NHS
 * numbers in the never-issued 999 range (check digits worked out by hand), and postcodes of
 * public buildings.
 */
export const SAMPLE_EMAILS = ['jo.smith@example.com', 'JO+care@EXAMPLE.ORG', "o'brien@example.co.uk", 'chloë@example.com'];
export const SAMPLE_PHONES = [
  '07700 900123',
  '07700900123',
  '07700-900-123',
  '0113 496 0123',
  '(0113) 496 0123',
  '020 7946 0123',
  '(020) 7946 0123',
  '02079460123',
  '+44 20 7946 0123',
  '+44 (0)20 7946 0123',
  '+44 (0) 7700 900123',
  '+447700900123',
  '0044 113 496 0123',
  '01632 960123',
  '0306 999 0123',
];
export const SAMPLE_POSTCODES = ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'W1A 0AX', 'SW1A1AA', 'ec1a 1bb'];
/** Valid: 999 000 001 → check 8, 999 000 002 → 6, 999 123 457 → 8, 999 876 543 → 9. */
export const SAMPLE_NHS_NUMBERS = ['999 000 0018', '999-000-0026', '9991234578', '999 876 5439'];
export const SAMPLE_HANDLES = ['@jo_smith', '@Carer4Life', '@jo.smith', '＠jo', '@jo@mastodon.example'];

/** Words that hold no personal data: no digit, no `@`, no bracket. */
const FILLER_WORDS = [
  'we',
  'need',
  'more',
  'support',
  'carer',
  'social',
  'care',
  'the',
  'council',
  'NHS',
  'Section',
  'TLAP',
  'café',
  'naïve',
  'Ålesund',
  '日本語',
  'Здравствуйте',
  'مرحبا',
  '😀',
  'e\u0301',
  'was',
  'great',
  'no',
];
/** ASCII punctuation other than `@` (which starts a handle) and `_` (part of a handle), plus some Unicode punctuation. */
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?[\\]^`{|}~', '—', '“', '”', '…', '«', '»', '‘', '’'];

/** Arbitrary text of filler words, never holding personal data. */
export const fillerText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...FILLER_WORDS), { maxLength: 6 })
  .map((words) => words.join(' '));

/** A short run of punctuation (possibly empty) to put around personal data. */
export const punctuation: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...PUNCTUATION), { maxLength: 3 })
  .map((characters) => characters.join(''));

const lowerAlphanumeric = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 8 });

/** E-mail addresses at example domains, in mixed case and with `.`, `+`, `-`, `_` in the local part. */
export const emailArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    lowerAlphanumeric,
    fc.array(fc.tuple(fc.constantFrom('.', '+', '-', '_'), lowerAlphanumeric), { maxLength: 2 }),
    fc.constantFrom('example.com', 'example.org', 'example.net', 'mail.example.co.uk', 'EXAMPLE.COM'),
    fc.boolean(),
  )
  .map(([first, rest, domain, upper]) => {
    const address = `${first}${rest.map(([separator, part]) => separator + part).join('')}@${domain}`;
    return upper ? address.toUpperCase() : address;
  });

interface DramaNumber {
  area: string;
  local: string[];
}

const dramaNumber: fc.Arbitrary<DramaNumber> = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map((n) => ({ area: '7700', local: ['900', pad(n, 3)] })),
  fc.integer({ min: 0, max: 999 }).map((n) => ({ area: '20', local: ['7946', `0${pad(n, 3)}`] })),
  fc
    .tuple(
      fc.constantFrom('113', '114', '115', '116', '117', '118', '121', '131', '141', '151', '161', '191'),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([area, n]) => ({ area, local: ['496', `0${pad(n, 3)}`] })),
  fc.integer({ min: 0, max: 999 }).map((n) => ({ area: '1632', local: [`960${pad(n, 3)}`] })),
  fc.integer({ min: 0, max: 999 }).map((n) => ({ area: '28', local: ['9649', `6${pad(n, 3)}`] })),
  fc.integer({ min: 0, max: 999 }).map((n) => ({ area: '306', local: ['999', `0${pad(n, 3)}`] })),
);

const PHONE_LAYOUTS: ReadonlyArray<(number: DramaNumber) => string> = [
  ({ area, local }) => `0${area} ${local.join(' ')}`,
  ({ area, local }) => `0${area}${local.join('')}`,
  ({ area, local }) => `0${area}-${local.join('-')}`,
  ({ area, local }) => `0${area}.${local.join('.')}`,
  ({ area, local }) => `(0${area}) ${local.join(' ')}`,
  ({ area, local }) => `+44 ${area} ${local.join(' ')}`,
  ({ area, local }) => `+44 (0)${area} ${local.join(' ')}`,
  ({ area, local }) => `+44 (0) ${area} ${local.join(' ')}`,
  ({ area, local }) => `+44${area}${local.join('')}`,
  ({ area, local }) => `0044 ${area} ${local.join(' ')}`,
  ({ area, local }) => `+44-${area}-${local.join('-')}`,
];

/** Ofcom drama numbers (never allocated) in the layouts people write UK numbers in. */
export const phoneArbitrary: fc.Arbitrary<string> = fc
  .tuple(dramaNumber, fc.integer({ min: 0, max: PHONE_LAYOUTS.length - 1 }))
  .map(([number, layout]) => (PHONE_LAYOUTS[layout] ?? PHONE_LAYOUTS[0]!)(number));

const POSTCODE_FIRST = [...'ABCDEFGHIJKLMNOPRSTUWYZ'];
const POSTCODE_SECOND = [...'ABCDEFGHKLMNOPQRSTUVWXY'];
const POSTCODE_THIRD = [...'ABCDEFGHJKPSTUW'];
const POSTCODE_FOURTH = [...'ABEHMNPRVWXY'];
const POSTCODE_INWARD = [...'ABDEFGHJLNPQRSTUWXYZ'];
const digit = fc.integer({ min: 0, max: 9 }).map(String);

const outwardCode: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...POSTCODE_FIRST), digit).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...POSTCODE_FIRST), digit, digit).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...POSTCODE_FIRST), digit, fc.constantFrom(...POSTCODE_THIRD)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...POSTCODE_FIRST), fc.constantFrom(...POSTCODE_SECOND), digit).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...POSTCODE_FIRST), fc.constantFrom(...POSTCODE_SECOND), digit, digit).map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom(...POSTCODE_FIRST), fc.constantFrom(...POSTCODE_SECOND), digit, fc.constantFrom(...POSTCODE_FOURTH))
    .map((parts) => parts.join('')),
);

/** Postcodes in every outward format, with or without the space, upper or lower case. */
export const postcodeArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    outwardCode,
    fc.constantFrom(' ', ''),
    digit,
    fc.constantFrom(...POSTCODE_INWARD),
    fc.constantFrom(...POSTCODE_INWARD),
    fc.constantFrom('upper', 'lower'),
  )
  .map(([outward, space, sector, unitA, unitB, letterCase]) => {
    const postcode = `${outward}${space}${sector}${unitA}${unitB}`;
    return letterCase === 'lower' ? postcode.toLowerCase() : postcode;
  });

/** Valid NHS numbers in the never-issued 999 range, solid or in 3-3-4 groups with spaces or dashes. */
export const nhsNumberArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(' ', '-', ''))
  .map(([serial, separator]) => {
    const firstNine = `999${pad(serial, 6)}`;
    return { firstNine, check: nhsCheckDigit(firstNine), separator };
  })
  .filter(({ check }) => check !== null)
  .map(({ firstNine, check, separator }) => {
    const digits = `${firstNine}${check}`;
    return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)].join(separator);
  });

const HANDLE_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'];
const TIME_LIKE = /^\d{1,2}(?:\.\d{2})?(?:am|pm)?$/i;

/**
 * @handles of people (Twitter style, Instagram style with a dot before a letter, fediverse
 * `@name@server`), never one on `kept` (compared without case) and never a time such as `@10am`.
 */
export function handleArbitrary(kept: readonly string[]): fc.Arbitrary<string> {
  const keptNames = new Set(kept.map((handle) => handle.slice(1).toLowerCase()));
  const name = fc
    .string({ unit: fc.constantFrom(...HANDLE_CHARACTERS), minLength: 1, maxLength: 15 })
    .filter((candidate) => !TIME_LIKE.test(candidate) && !keptNames.has(candidate.toLowerCase()));
  return fc.oneof(
    name.map((n) => `@${n}`),
    fc.tuple(name, fc.constantFrom(...'abcxyzABCXYZ_'), name).map(([a, letter, b]) => `@${a}.${letter}${b}`),
    name.map((n) => `＠${n}`),
    name.map((n) => `@${n}@mastodon.example`),
  );
}

/** One piece of personal data, with its kind. */
export interface PersonalDataSample {
  kind: PersonalDataKind;
  value: string;
}

/** Any kind of personal data, tagged with its kind. */
export function personalDataArbitrary(keptHandles: readonly string[]): fc.Arbitrary<PersonalDataSample> {
  return fc.oneof(
    emailArbitrary.map((value) => ({ kind: 'email' as const, value })),
    phoneArbitrary.map((value) => ({ kind: 'phone' as const, value })),
    postcodeArbitrary.map((value) => ({ kind: 'postcode' as const, value })),
    nhsNumberArbitrary.map((value) => ({ kind: 'nhs-number' as const, value })),
    handleArbitrary(keptHandles).map((value) => ({ kind: 'handle' as const, value })),
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
