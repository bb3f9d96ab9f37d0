/**
 * A kind of personal data tlap finds in people's words and replaces before anything is published:
 * - `email`: an e-mail address, also written as `jo [at] example [dot] com`;
 * - `phone`: a UK phone number (01, 02, 03, 05 and 07 numbers, national or +44 / 0044 forms, also
 *   read out in words or half in words);
 * - `postcode`: a full UK postcode (`SW1A 1AA`, `sw1a1aa`);
 * - `nhs-number`: an NHS (or CHI) number, 10 digits;
 * - `handle`: an @mention of a person on a social platform, or an account named without its `@`
 *   where the words before say it is one (`my twitter is jsmith_77`);
 * - `name`: a person's name (`Tracey`, `Mr Okafor`, `our care coordinator Julie Barnes`);
 * - `address`: a street address with its house number (`14 Acacia Avenue`, `Flat 3, 45 Hollybush Road`)
 *   or a house's name (`Rose Cottage, Mill Lane`);
 * - `date-of-birth`: a date said to be someone's birth (`DOB 03/04/1951`, `born on 3 April 1951`);
 * - `ni-number`: a UK National Insurance number (`QQ 12 34 56 C`, `QQ123456C`);
 * - `case-number`: a number a health or care service knows a person by, after words that say so
 *   (`hospital number RWY1234567`, `Mosaic ID 1234567`, `complaint reference PALS-2024-0456`);
 * - `ip-address`: an IP address, an online identifier (`81.2.69.160`, `2001:db8::1`);
 * - `card-number`: a payment card's number, 13 to 19 digits passing the Luhn check
 *   (`4111 1111 1111 1111`);
 * - `bank-details`: a UK sort code or account number where the words or the other number beside it
 *   say so (`sort code 12-34-56`, `account 12345678`), or an IBAN (`GB29 NWBK 6016 1331 9268 19`);
 * - `vehicle-registration`: a UK vehicle registration mark, which names the vehicle's keeper to
 *   anyone who can look one up (`AB12 CDE`; `P123 RST` and `ABC 123D` after words that say so).
 */
export type PersonalDataKind =
  | 'email'
  | 'phone'
  | 'postcode'
  | 'nhs-number'
  | 'handle'
  | 'name'
  | 'address'
  | 'date-of-birth'
  | 'ni-number'
  | 'case-number'
  | 'ip-address'
  | 'card-number'
  | 'bank-details'
  | 'vehicle-registration';

/** Every kind of personal data, in the order reports and settings list them. */
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = Object.freeze([
  'email',
  'phone',
  'postcode',
  'nhs-number',
  'handle',
  'name',
  'address',
  'date-of-birth',
  'ni-number',
  'case-number',
  'ip-address',
  'card-number',
  'bank-details',
  'vehicle-registration',
] as const);

/**
 * The text that takes the place of each kind of personal data in redacted text. Tokens hold no
 * digit, no `@` and no capital letter, so redacted text never matches again.
 */
export const REDACTION_TOKENS: Readonly<Record<PersonalDataKind, string>> = Object.freeze({
  email: '[email]',
  phone: '[phone]',
  postcode: '[postcode]',
  'nhs-number': '[NHS number]',
  handle: '[handle]',
  name: '[name]',
  address: '[address]',
  'date-of-birth': '[date of birth]',
  'ni-number': '[NI number]',
  'case-number': '[case number]',
  'ip-address': '[IP address]',
  'card-number': '[card number]',
  'bank-details': '[bank details]',
  'vehicle-registration': '[vehicle registration]',
});

/**
 * The kinds added after codebooks could list their kinds, each with what a codebook that lists
 * kinds without it publishes: such a codebook is warned, since it was written before the kind
 * existed or leaves it out by mistake.
 */
export const KINDS_ADDED_LATER: Readonly<Partial<Record<PersonalDataKind, string>>> = Object.freeze({
  address: 'street addresses (14 Acacia Avenue)',
  'date-of-birth': 'dates of birth (DOB 03/04/1951)',
  'ni-number': 'National Insurance numbers (QQ 12 34 56 C)',
  'case-number': 'hospital and case numbers (hospital number RWY1234567)',
  'ip-address': 'IP addresses (81.2.69.160)',
  'card-number': 'payment card numbers (4111 1111 1111 1111)',
  'bank-details': 'sort codes, account numbers and IBANs (sort code 12-34-56)',
  'vehicle-registration': 'vehicle registration marks (AB12 CDE)',
});

/** True when `value` names a {@link PersonalDataKind}. */
export function isPersonalDataKind(value: string): value is PersonalDataKind {
  return (PERSONAL_DATA_KINDS as readonly string[]).includes(value);
}
