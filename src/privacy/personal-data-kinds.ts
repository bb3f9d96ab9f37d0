/**
 * A kind of personal data tlap finds in people's words and replaces before anything is published:
 * - `email`: an e-mail address, also written as `jo [at] example [dot] com`;
 * - `phone`: a UK phone number (01, 02, 03, 05 and 07 numbers, national or +44 / 0044 forms);
 * - `postcode`: a full UK postcode (`SW1A 1AA`, `sw1a1aa`);
 * - `nhs-number`: an NHS (or CHI) number, 10 digits;
 * - `handle`: an @mention of a person on a social platform;
 * - `name`: a person's name (`Tracey`, `Mr Okafor`, `our care coordinator Julie Barnes`);
 * - `address`: a street address with its house number (`14 Acacia Avenue`, `Flat 3, 45 Hollybush Road`).
 */
export type PersonalDataKind = 'email' | 'phone' | 'postcode' | 'nhs-number' | 'handle' | 'name' | 'address';

/** Every kind of personal data, in the order reports and settings list them. */
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = Object.freeze([
  'email',
  'phone',
  'postcode',
  'nhs-number',
  'handle',
  'name',
  'address',
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
});

/** True when `value` names a {@link PersonalDataKind}. */
export function isPersonalDataKind(value: string): value is PersonalDataKind {
  return (PERSONAL_DATA_KINDS as readonly string[]).includes(value);
}
