import { simplifyColumnName } from './column-names.js';
import {
  labelWordings,
  WELSH_CONTACT_HEADING,
  WELSH_NAME_HEADING,
  WELSH_ORGANISATION_HEADING,
  WELSH_POSTCODE_HEADING,
} from './welsh-labels.js';

/**
 * Whether a heading, or either side of a bilingual one (`E-bost / Email`, `Enw / Name`), is one
 * that `isHeading` knows, in English or in Welsh (`welsh`). A path of three parts or more
 * (`category/name/en`, as Decidim exports a translated field) is no bilingual heading.
 */
function headingIs(header: string, isHeading: (wording: string) => boolean, welsh: RegExp): boolean {
  const trimmed = header.trim();
  if (isHeading(trimmed) || welsh.test(trimmed)) return true;
  const wordings = labelWordings(trimmed);
  return wordings.length === 2 && wordings.some((wording) => isHeading(wording) || welsh.test(wording));
}

/** Column names (simplified) of contact details and of parts of a person's name, never read as answers nor kept. */
const CONTACT_COLUMNS = new Set([
  'email',
  'emailaddress',
  'youremail',
  'youremailaddress',
  'respondentemail',
  'mail',
  'ipaddress',
  'ip',
  'ipaddr',
  'phone',
  'phonenumber',
  'telephone',
  'telephonenumber',
  'tel',
  'mobile',
  'mobilenumber',
  'mobileno',
  'mobilephone',
  'mobilephonenumber',
  'phoneno',
  'telno',
  'telephoneno',
  'contactnumber',
  'contactphone',
  'contactphonenumber',
  'contacttelephone',
  'contacttelephonenumber',
  'contactemail',
  'contactemailaddress',
  'address',
  'address2',
  'addressline1',
  'addressline2',
  'streetaddress',
  'homeaddress',
  'postaladdress',
  'firstname',
  'forename',
  'givenname',
  'lastname',
  'surname',
  'familyname',
  'recipientemail',
  'recipientfirstname',
  'recipientlastname',
]);

/**
 * Column names (simplified) of where a person is or put a pin on a map: map-based engagement tools
 * export each comment's pin as coordinates (`Latitude`, `Longitude`, GeoJSON's
 * `geometry.coordinates`), precise enough to find a home, and so personal data as an address is.
 * A place named in words (`Location`, `Ward`, `Site`) is not one of them.
 */
const COORDINATE_COLUMNS = new Set([
  'latitude',
  'longitude',
  'lat',
  'lng',
  'lon',
  'latlng',
  'latlong',
  'latlon',
  'lnglat',
  'latitudelongitude',
  'coordinates',
  'geocoordinates',
  'gpscoordinates',
  'geolocation',
  'geometrycoordinates',
  'pinlocation',
  'pincoordinates',
  'locationlatitude',
  'locationlongitude',
]);

/**
 * Column names (simplified) of the browser or phone a response came from, as survey tools log it
 * (Alchemer's `User Agent`; the `deviceid`, `subscriberid`, `simserial` and `imei` that ODK and
 * KoboToolbox record of the phone that filled the form): with the IP address, or alone, they
 * identify a device and its SIM, and they answer nothing.
 */
const DEVICE_COLUMNS = new Set([
  'useragent',
  'browseruseragent',
  'httpuseragent',
  'deviceid',
  'subscriberid',
  'simserial',
  'simserialnumber',
  'simimei',
  'imei',
  'imsi',
]);

/** A question asking for contact details: `What is your email address?`, `Email address (optional)`, `Your phone number`. */
const CONTACT_QUESTION =
  /^(?:(?:please\s+)?(?:give|enter|provide)\s+|what\s+is\s+)?(?:your\s+)?(?:e-?mail(?:\s+address)?|(?:tele)?phone(?:\s+number)?|mobile(?:\s+number)?|(?:postal\s+|home\s+)?address|first\s+name|last\s+name|surname)(?:\s*\([^)]{0,40}\))?\s*[:?]?\s*$/i;

/** A person's e-mail named by their role, as event tools head it: `Asker Email`, `User Email`, `Attendee email address`. */
const ROLE_EMAIL = /^\p{L}+\s+e-?mail(?:\s+address)?$/iu;

/** Part of a person's name named by their role, as survey tools head it: `Recipient First Name` (Qualtrics), `Attendee surname`. */
const ROLE_NAME_PART = /^\p{L}+\s+(?:(?:first|last|given|family)\s+name|forename|surname)$/iu;

/** One part of a name field that a form builder splits in columns: `Name (First)`, `Name (Last)` (Formstack), `Name - Middle`. */
const NAME_SUBFIELD =
  /^(?:your\s+)?(?:full\s+)?name\s*(?:\(\s*|[-–:]\s*)(?:first|last|middle|given|family|surname|prefix|suffix|title|initials?)(?:\s+name)?\s*\)?$/i;

/** A question asking for the respondent's name: `Name`, `Your name`, `What is your name?`, `Full name (optional)`. */
const NAME_QUESTION = /^(?:what\s+is\s+)?(?:your\s+)?(?:full\s+)?name(?:\s*\([^)]{0,40}\))?\s*[:?]?\s*$/i;

/** A question asking which organisation the respondent answers for: `Organisation`, `Name of your organisation (if applicable)`. */
const ORGANISATION_QUESTION =
  /^(?:what\s+is\s+)?(?:the\s+)?(?:name\s+of\s+)?(?:your\s+)?(?:organi[sz]ation|company|employer|business)(?:\s+name)?(?:\s*\([^)]{0,40}\))?\s*[:?]?\s*$/i;

/** What joins a question and the option or field a column of it holds, in a header made of two header rows: `Contact information — Email Address`. */
export const ANSWER_LABEL_SEPARATOR = ' — ';

/**
 * A question that asks for contact details as a block of fields, one column each, as SurveyMonkey's
 * Contact Information question exports them under its answer labels (`Name`, `Company`, `Address`,
 * `ZIP/Postal Code`, `Email Address`, `Phone Number`): `Contact information`, `Your details`.
 */
const CONTACT_BLOCK =
  /^(?:your\s+)?(?:contact\s+(?:information|info|details)|(?:personal\s+)?details|personal\s+information|about\s+you)\s*[:?]?$/i;

/** The field a column holds in a block of contact fields (`Email Address` of `Contact information — Email Address`), or undefined. */
function contactBlockField(header: string): string | undefined {
  const at = header.indexOf(ANSWER_LABEL_SEPARATOR);
  if (at === -1 || !CONTACT_BLOCK.test(header.slice(0, at).trim())) return undefined;
  return header.slice(at + ANSWER_LABEL_SEPARATOR.length).trim();
}

/** Whether a header, or the field it holds in a block of contact fields ({@link contactBlockField}), is one `isHeading` knows. */
function headingOrFieldIs(header: string, isHeading: (wording: string) => boolean, welsh: RegExp): boolean {
  if (headingIs(header, isHeading, welsh)) return true;
  const field = contactBlockField(header);
  return field !== undefined && headingIs(field, isHeading, welsh);
}

/**
 * True for a column of contact details (e-mail, phone, IP or postal address) or of a part of a
 * person's name, by its header: the names exports use (`Email`, `Email Address`, `IP Address`,
 * `Surname`…), the questions forms ask (`What is your email address?`), and such a field of a
 * contact block (`Contact information — Phone Number`).
 */
export function isContactColumn(header: string): boolean {
  return headingOrFieldIs(header, isEnglishContactHeading, WELSH_CONTACT_HEADING);
}

function isEnglishContactHeading(header: string): boolean {
  return (
    CONTACT_COLUMNS.has(simplifyColumnName(header)) ||
    CONTACT_QUESTION.test(header) ||
    ROLE_EMAIL.test(header) ||
    ROLE_NAME_PART.test(header) ||
    NAME_SUBFIELD.test(header)
  );
}

/** True for a column of map coordinates, where a person is or put a pin (see {@link COORDINATE_COLUMNS}). */
export function isCoordinateColumn(header: string): boolean {
  return COORDINATE_COLUMNS.has(simplifyColumnName(header));
}

/**
 * True for a column never read as an answer nor kept in `meta`: contact details and parts of a
 * name ({@link isContactColumn}), map coordinates ({@link isCoordinateColumn}), and the browser
 * and device a response came from ({@link DEVICE_COLUMNS}).
 */
export function isPersonalDetailsColumn(header: string): boolean {
  return isContactColumn(header) || isCoordinateColumn(header) || DEVICE_COLUMNS.has(simplifyColumnName(header));
}

/**
 * A column of the respondent's postcode: `Postcode`, `Post code`, `Postal code`, `Postal` (as Alchemer heads the one it looks up), `ZIP code`,
 * `Postcode/ZIP`, `What is your postcode?`, `Your home postcode (optional)`.
 */
const POSTCODE_QUESTION =
  /^(?:(?:please\s+)?(?:give|enter|provide)\s+|what\s+is\s+)?(?:your\s+)?(?:home\s+)?(?:post\s?code|postal(?:\s+code)?|zip(?:\s+code)?)(?:\s*\/\s*(?:post\s?code|postal\s+code|zip(?:\s+code)?))?(?:\s*\([^)]{0,40}\))?\s*[:?]?\s*$/i;

/**
 * True for a column of the respondent's postcode, by its header (in a JSON file, by the last part
 * of its path: `properties.fields.postcode`): kept as its district alone (see `postcodeDistrict`),
 * never whole, and never a question to theme.
 */
export function isPostcodeColumn(header: string): boolean {
  const trimmed = header.trim();
  return (
    headingOrFieldIs(trimmed, (wording) => POSTCODE_QUESTION.test(wording), WELSH_POSTCODE_HEADING) ||
    POSTCODE_QUESTION.test(trimmed.slice(trimmed.lastIndexOf('.') + 1))
  );
}

/** True for a column asking for the respondent's whole name (`Your name`, `What is your name?`). */
export function isNameQuestion(header: string): boolean {
  return headingOrFieldIs(header, (wording) => NAME_QUESTION.test(wording) && !NAME_SUBFIELD.test(wording), WELSH_NAME_HEADING);
}

/** True for a column naming the organisation a respondent answers for (`Organisation`, `What is your organisation?`): an answer about the respondent, never a question to theme. */
export function isOrganisationQuestion(header: string): boolean {
  return headingIs(header, (wording) => ORGANISATION_QUESTION.test(wording), WELSH_ORGANISATION_HEADING);
}
