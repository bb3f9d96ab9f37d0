import { readByEitherLabel } from '../../privacy/bilingual-labels.js';
import { columnPath, fieldWords, simplifyColumnName } from './column-names.js';
import {
  labelWordings,
  WELSH_CONTACT_HEADING,
  WELSH_GOES_BY_NAME_HEADING,
  WELSH_NAME_HEADING,
  WELSH_ORGANISATION_HEADING,
  WELSH_POSTCODE_HEADING,
} from './welsh-labels.js';

/**
 * Whether a heading is one that `isHeading` knows, in English or in Welsh (`welsh`): the whole
 * heading; either side of a slash (`E-bost / Email`, `Enw/Name`, and `Name / organisation`, which
 * asks for a name); or the label it knows of a heading in two languages set apart otherwise (`Enw
 * | Name`, `Postcode (Cod post)`, two lines; see {@link readByEitherLabel}: `Name (First)` is no
 * name). A path of three parts or more (`category/name/en`, as Decidim exports a translated field)
 * is no bilingual heading.
 */
function headingIs(header: string, isHeading: (wording: string) => boolean, welsh: RegExp): boolean {
  const trimmed = header.trim();
  const known = (wording: string): true | undefined => (isHeading(wording) || welsh.test(wording) ? true : undefined);
  const wordings = labelWordings(trimmed);
  if (wordings.length === 2 && wordings.some((wording) => known(wording) === true)) return true;
  return readByEitherLabel(trimmed, known) === true;
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
 * KoboToolbox record of the phone that filled the form; the hash of the IP address Decidim's
 * survey answers carry, `IP Hash`): with the IP address, or alone, they identify a device and
 * its SIM, and they answer nothing.
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
  'iphash',
  'hashedip',
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

/**
 * A question asking for the respondent's name: `Name`, `Your name`, `What is your name?`, `Full name
 * (optional)`, and the name they go by: `Display name`, `Preferred name`, `Nickname`.
 */
const NAME_QUESTION = /^(?:what\s+is\s+)?(?:your\s+)?(?:(?:full|display|preferred)\s+|nick\s*)?name(?:\s*\([^)]{0,40}\))?\s*[:?]?\s*$/i;

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

/**
 * The wordings of a column named by its path through a form's groups ({@link columnPath}): its
 * last part as words (`respondent_name` → `respondent name`) and the last two together
 * (`contact/phone` → `contact phone`), with the group's own name; an empty list for a plain column
 * and for an option of a question in KoboToolbox's label headers (`How should we contact
 * you?/Email`: a tick-box, not a field).
 */
function pathField(header: string): { leaf: string; pair: string; group: string } | undefined {
  const path = columnPath(header);
  if (path === undefined) return undefined;
  const leaf = fieldWords(path[path.length - 1] ?? '');
  const parent = path[path.length - 2] ?? '';
  if (parent.trim().endsWith('?') || leaf === '') return undefined;
  return { leaf, pair: `${fieldWords(parent)} ${leaf}`, group: fieldWords(parent) };
}

/** Whether the last part of a column's path, or its last two parts (see {@link pathField}), is a heading `isHeading` knows. */
function pathFieldIs(header: string, isHeading: (wording: string) => boolean, welsh: RegExp): boolean {
  const field = pathField(header);
  return field !== undefined && (headingIs(field.leaf, isHeading, welsh) || headingIs(field.pair, isHeading, welsh));
}

/** Whether a header, or the field it holds in a block of contact fields ({@link contactBlockField}), is one `isHeading` knows. */
function headingOrBlockFieldIs(header: string, isHeading: (wording: string) => boolean, welsh: RegExp): boolean {
  if (headingIs(header, isHeading, welsh)) return true;
  const field = contactBlockField(header);
  return field !== undefined && headingIs(field, isHeading, welsh);
}

/** {@link headingOrBlockFieldIs}, or the field at the end of the column's path through a form's groups ({@link pathField}). */
function headingOrFieldIs(header: string, isHeading: (wording: string) => boolean, welsh: RegExp): boolean {
  return headingOrBlockFieldIs(header, isHeading, welsh) || pathFieldIs(header, isHeading, welsh);
}

/** The simplified name of a column, and of the last part of its path through a form's groups. */
function simplifiedNames(header: string): string[] {
  const field = pathField(header);
  return field === undefined ? [simplifyColumnName(header)] : [simplifyColumnName(header), simplifyColumnName(field.leaf)];
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
  return simplifiedNames(header).some((name) => COORDINATE_COLUMNS.has(name));
}

/**
 * True for a column never read as an answer nor kept in `meta`: contact details and parts of a
 * name ({@link isContactColumn}), map coordinates ({@link isCoordinateColumn}), another person's
 * name or an account's ({@link isOtherPersonNameColumn}), the name the respondent goes by
 * ({@link isGoesByNameColumn}: the author's where it is taken for one), and the browser and device a response
 * came from ({@link DEVICE_COLUMNS}).
 */
export function isPersonalDetailsColumn(header: string): boolean {
  return (
    isContactColumn(header) ||
    isCoordinateColumn(header) ||
    isOtherPersonNameColumn(header) ||
    isGoesByNameColumn(header) ||
    simplifiedNames(header).some((name) => DEVICE_COLUMNS.has(name))
  );
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
    POSTCODE_QUESTION.test(fieldWords(trimmed.slice(trimmed.lastIndexOf('.') + 1)))
  );
}

/**
 * A field of a form's group that holds a person's whole name, by its name as words: `name`,
 * `full name`, `respondent name`, `participant name` (`group_abc/respondent_name`).
 */
const PERSON_NAME_FIELD =
  /^(?:(?:respondent|respondents|participant|participants|interviewee|informant|resident|person|resp|your|full|display|preferred)\s+)*(?:nick\s*)?name$/iu;

/** Words of a form's group whose `name` is no person's: a place's, an organisation's, a file's (`school_info/name`, `group_location/name`, a tweet's `geo.full_name`). */
const NOT_A_PERSON_GROUP =
  /\b(?:place|geo|country|region|county|site|location|village|town|city|district|ward|area|community|settlement|school|facility|clinic|hospital|organi[sz]ation|org|company|business|employer|project|event|venue|service|file|street|road|product|category|scope|space|component)\b/iu;

/** True for a field at the end of a column's path that holds a person's whole name (see {@link PERSON_NAME_FIELD}). */
function isPersonNameField(header: string): boolean {
  const field = pathField(header);
  if (field === undefined) return false;
  return PERSON_NAME_FIELD.test(field.leaf) || isWholeNameHeading(field.leaf) || WELSH_NAME_HEADING.test(field.leaf);
}

/** A heading asking for a whole name (`Name`, `Your full name`), not one part of it (`Name (First)`). */
function isWholeNameHeading(wording: string): boolean {
  return NAME_QUESTION.test(wording) && !NAME_SUBFIELD.test(wording);
}

/**
 * True for a column asking for the respondent's whole name (`Your name`, `What is your name?`),
 * also inside a form's groups (`group_abc/respondent_name`, `personal-name`, `/data/respondent/name`),
 * but not the `name` of a group about a place or a thing (`school_info/name`, `category/name`),
 * nor a part of a name (`first-name`: a contact detail, never kept).
 */
export function isNameQuestion(header: string): boolean {
  const field = pathField(header);
  if (field !== undefined && (NOT_A_PERSON_GROUP.test(field.group) || isContactColumn(header))) return false;
  return (
    headingOrBlockFieldIs(header, isWholeNameHeading, WELSH_NAME_HEADING) ||
    isPersonNameField(header) ||
    RESPONDENT_NAME_WORDS.test(nameWording(header))
  );
}

/** A header read as lower-case words: `_` and a change to a capital as a space, a curly apostrophe as a straight one, a closing `:`, `?` or `(optional)` dropped (`Carer’s name:` → `carer's name`, `SubmitterName` → `submitter name`). */
function nameWording(header: string): string {
  return fieldWords(
    header
      .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')
      .toLowerCase()
      .replace(/[’‘]/gu, "'"),
  )
    .replace(/\s*\([^)]{0,40}\)\s*$/u, '')
    .replace(/\s*[:?*]+\s*$/u, '')
    .trim();
}

/**
 * A flat column, or a question, naming the respondent's own whole name by its words:
 * `respondent_fullname`, `full_name`, `your_name`, `Name of respondent`, `Name of person
 * completing (this form)`, and the name they go by: `display_name`, `PreferredName`, `nickname`.
 */
const RESPONDENT_NAME_WORDS =
  /^(?:(?:(?:respondent|respondents|participant|interviewee|resp|your|full)\s+)+(?:full\s*|display\s*|preferred\s*|nick\s*)?name|fullname|(?:display|preferred|nick)\s*name|name\s+of\s+(?:the\s+)?(?:respondent|participant|interviewee|person\s+(?:completing|filling\s+in|responding|submitting)(?:\s+(?:this|the)\s+(?:form|survey|questionnaire))?))$/u;

/**
 * The people other than the respondent a form asks the name of: who collected the answers
 * (`enumerator`, `interviewer`), the household's head, family, carers, staff, the person the
 * respondent cares for and the like.
 */
const OTHER_PERSON =
  '(?:enumerator|interviewer|surveyor|data\\s+collector|collector|researcher|facilitator|supervisor|moderator|(?:hh|household)\\s+head|head\\s+of\\s+(?:the\\s+)?household|hoh|carer|caregiver|care\\s+giver|parent|guardian|child|son|daughter|mother|father|mum|dad|spouse|partner|husband|wife|patient|client|service\\s+user|resident|member|staff(?:\\s+member)?|volunteer|(?:key\\s+|social\\s+|support\\s+|care\\s+)?worker|next\\s+of\\s+kin|kin|witness|advocate|representative|referrer|gp|doctor|nurse|midwife|teacher|chw|translator|interpreter|beneficiary|applicant|tenant|landlord|contact\\s+person|informant|submitter|person\\s+(?:you|they|we)\\s+(?:care\\s+for|cared\\s+for|look\\s+after|looked\\s+after|support)|cared[-\\s]for\\s+person)';

/** Whom a tweet table names beside its author: the account replied to, quoted, retweeted or mentioned (`quoted_name`, `retweet_name`). */
const TWEET_PERSON = '(?:(?:in\\s+)?reply\\s+to|replied\\s+to|quoted|retweet|retweeted|mentions?)';

/**
 * An account's handle, by its words: `Handle`, `Your handle`, `Twitter handle`, `Social media
 * handle`; not a question about handling something (`How did staff handle it`).
 */
const ACCOUNT_HANDLE =
  '(?:(?:your|their|the|my|account|user|online|social\\s+media|twitter|x|instagram|tiktok|threads|mastodon|bluesky|facebook|fediverse)\\s+){0,2}handle';

/**
 * A column naming another person, by its words: `hh_head_name`, `enumerator_name`, `carer's name`,
 * `name_of_carer`, `Name of the child`, `SubmitterName`, and an account's `username`, `Handle`,
 * `Enw defnyddiwr` (Welsh: user name) or `in_reply_to_screen_name` (a person's name on a platform), or the name of one a tweet replies
 * to, quotes or retweets (`quoted_name`).
 */
const OTHER_PERSON_NAME_WORDS = new RegExp(
  `^(?:(?:(?:the|your|their)\\s+)?${OTHER_PERSON}(?:'s|s'|s)?\\s+(?:full\\s*)?(?:first\\s+|last\\s+|given\\s+|family\\s+|sur)?name|(?:full\\s+)?name\\s+of\\s+(?:the\\s+|your\\s+|their\\s+)?${OTHER_PERSON}s?(?:\\s+(?:who|that|you|if|whom)\\s.*)?|(?:[\\p{L}\\d]+\\s+){0,3}(?:user\\s*name|screen\\s*name)|${ACCOUNT_HANDLE}|enw\\s+defnyddiwr|${TWEET_PERSON}\\s+name)$`,
  'u',
);

/**
 * True for a column holding the name of a person other than the respondent, or an account's name
 * (`hh_head_name`, `enumerator_name`, `name_of_carer`, `carer's name`, `username`), at the top
 * level or at the end of a form's group path: never read as an answer nor kept in `meta` (see
 * {@link isPersonalDetailsColumn}), and not the author where the respondent's own name is asked. A place's, a service's, a file's or a
 * scheme's name (`school_name`, `service_name`, `file_name`, `name_of_scheme`) is none.
 */
export function isOtherPersonNameColumn(header: string): boolean {
  const field = pathField(header);
  return (
    OTHER_PERSON_NAME_WORDS.test(nameWording(header)) || (field !== undefined && OTHER_PERSON_NAME_WORDS.test(nameWording(field.leaf)))
  );
}

/** The name a person goes by, as words: `Display name`, `display_name`, `Preferred name`, `Nickname`, `Your nickname`. */
const GOES_BY_NAME = /^(?:your\s+)?(?:display|preferred|nick)\s*name$/u;

/**
 * True for a column of the name the respondent goes by (`Display name`, `Preferred name`,
 * `Nickname`, the Welsh `Llysenw`, `Enw arddangos`), at the top level, in a contact block or at the
 * end of a form's group path: a name question ({@link isNameQuestion}) that, when it is not taken
 * for the author, is still never an answer nor kept in `meta`.
 */
export function isGoesByNameColumn(header: string): boolean {
  return headingOrFieldIs(header, (wording) => GOES_BY_NAME.test(nameWording(wording)), WELSH_GOES_BY_NAME_HEADING);
}

/** True for a column naming the organisation a respondent answers for (`Organisation`, `What is your organisation?`): an answer about the respondent, never a question to theme. */
export function isOrganisationQuestion(header: string): boolean {
  const isHeading = (wording: string): boolean => ORGANISATION_QUESTION.test(wording);
  return headingIs(header, isHeading, WELSH_ORGANISATION_HEADING) || pathFieldIs(header, isHeading, WELSH_ORGANISATION_HEADING);
}
