import { isValidNhsNumber } from './nhs-number.js';
import { ibanLength, passesLuhn } from './payment-details.js';
import { endsWithPersonMention, findPersonNames, isCommonWordForm, isNameLikeWord, startsWithOrganisation } from './person-names.js';
import { REDACTION_TOKENS, type PersonalDataKind } from './personal-data-kinds.js';
import { DEFAULT_REDACTION_POLICY, type RedactionPolicy } from './redaction-policy.js';
import { GuardedAlternation, guardedMatches, type GuardedRegExp } from '../guarded-alternation.js';

/** Text with its personal data replaced, and how many of each kind were replaced. */
export interface RedactionResult {
  /** The text with every match of an enabled kind replaced by its token (see `REDACTION_TOKENS`). */
  text: string;
  /** How many were replaced, per kind; kinds with none are absent. */
  counts: Partial<Record<PersonalDataKind, number>>;
}

const WORD = '\\p{L}\\p{M}\\p{N}';
const AT_SIGNS = '@\\uFF20';
/** Punctuation of an address's local part, with the backslash markdown escapes it with (`jane\_smith@…`, as Reddit's text holds it). */
const LOCAL_PUNCTUATION = "._%+'\\\\\\-";

function obfuscated(word: string): string {
  return `[ \\t]?[\\[(]${word}[\\])][ \\t]?`;
}

const DOMAIN_LABEL = `[${WORD}](?:[${WORD}\\-]*[${WORD}])?`;
const DOMAIN = `${DOMAIN_LABEL}(?:(?:\\\\?\\.|${obfuscated('dot')})${DOMAIN_LABEL})+`;
/**
 * The local part is at most 64 characters (RFC 5321), so an attempt at each position costs a
 * bounded amount before the `@`; punctuation it starts with is given back by the replacement.
 */
/**
 * A mail provider's name left without its ending (`jane.smith@gmail`, `mike_b@hotmail`), as people
 * write an address in a hurry: after a local part, the whole is an e-mail address, not a word and
 * an `@gmail` handle.
 */
const PROVIDER_ALONE = `(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|btinternet|btopenworld|aol|msn|virginmedia|talktalk|protonmail)(?![${WORD}@]|\\.[${WORD}])`;
const EMAIL =
  `[${LOCAL_PUNCTUATION}]{0,64}[${WORD}][${WORD}${LOCAL_PUNCTUATION}]{0,63}` +
  `(?:[${AT_SIGNS}]|${obfuscated('at')})(?:${DOMAIN}|${PROVIDER_ALONE})`;
const HANDLE_CHARACTER = `[${WORD}_]`;
const HANDLE = `[${AT_SIGNS}]${HANDLE_CHARACTER}+(?:\\.[\\p{L}_]${HANDLE_CHARACTER}*)*(?:[${AT_SIGNS}]${DOMAIN})?`;
/**
 * A Reddit user named as Reddit writes a mention (`u/name`, `/u/name`): 3 to 20 letters, digits,
 * `_` or `-`, not inside a word or a path (`reddit.com/u/…` is a profile link, read as one), and
 * not an age group written short (`services for u/18s`).
 */
const REDDIT_USER = '(?<![\\p{L}\\p{N}_/.\\-])/?u/(?!\\d+s?(?![A-Za-z0-9_\\-]))[A-Za-z0-9_\\-]{3,20}(?![\\p{L}\\p{N}_/\\-])';
const REDDIT_USER_HEAD = /^\/?u\//iu;
const NHS_GAP = '[ \\u00a0\\-./]';
/** Ten digits as an NHS number is written: solid or 3-3-4, or grouped 3-4-3 or 4-3-3, with spaces, dashes, dots or slashes. */
const TEN_DIGITS =
  `(?<!\\d)\\d{3}${NHS_GAP}?\\d{3}${NHS_GAP}?\\d{4}(?!\\d)|` +
  `(?<!\\d${NHS_GAP}?)(?:\\d{3}${NHS_GAP}\\d{4}${NHS_GAP}\\d{3}|\\d{4}${NHS_GAP}\\d{3}${NHS_GAP}\\d{3})(?!${NHS_GAP}?\\d)`;
const THREE_THREE_FOUR = /^\d{3}[ \u00a0-]\d{3}[ \u00a0-]\d{4}$/u;
const PHONE_GAP = '[ \\u00a0.\\-\\u2010-\\u2015()]';
/** A number's `0`, or the letter O written for it at a word's start (`O7700 900123`). */
const PHONE_ZERO = '(?:0|(?<![\\p{L}\\p{M}\\p{N}])o)';
/** `0` or `+44` / `0044` (with an optional `(0)`), then 9 or 10 digits starting 1, 2, 3, 5 or 7; or `44` and those digits written solid. */
const PHONE =
  `(?<!\\d)\\(?(?:(?:\\+|00)[ \\u00a0]?44${PHONE_GAP}{0,3}${PHONE_ZERO}?${PHONE_GAP}{0,3}|${PHONE_ZERO}[ \\u00a0]?)` +
  `[12357][ \\u00a0]?\\d(?:${PHONE_GAP}{0,3}\\d){7,8}(?!\\d)|` +
  // `447700900123`, as a WhatsApp link (`wa.me/447700900123`) or an export writes a number without its `+`
  `(?<![\\d+])44[12357]\\d{8,9}(?!\\d)`;
const POSTCODE_SPACE = '(?:[ \\t\\u00a0]{0,2}|[ \\t\\u00a0]?[\\-\\u2010-\\u2013][ \\t\\u00a0]?)';
/** Position-specific letter classes as in Microsoft Presidio's UK postcode recogniser. */
const POSTCODE =
  `(?<![${WORD}])(?:GIR${POSTCODE_SPACE}0AA|[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?)` +
  `${POSTCODE_SPACE}\\d[ABD-HJLNP-UW-Z]{2})(?![${WORD}])`;

/** Top-level domains an address spelled out in words ends with (`… at gmail dot com`). */
const SPELLED_TLD = '(?:com|org|net|uk|gov|nhs|ac|edu|info|me|io|scot|wales|ie)';
const SPELLED_WORD = `[${WORD}]+`;
/** Between the words of a disguised address: ` dot `, `[dot]` or `(dot)`, a dot with a space either side or none. */
const SPELLED_DOT = '(?:[ \\t]+dot[ \\t]+|[ \\t]*[\\[({]dot[\\])}][ \\t]*|[ \\t]\\.[ \\t]|\\.)';
/** Between the words of a disguised address's local part as well: `_` and `-`, or said in words (`jane underscore smith`). */
const SPELLED_JOIN = '(?:[_\\-]|[ \\t]+(?:underscore|dash|hyphen)[ \\t]+)';
/** ` at `, `[at]` or `(at)` (its words joined by `[dot]`), an `@` with spaces around it, or `(@)` / `[@]`. */
const SPELLED_AT = `(?:[ \\t]+at[ \\t]+|[ \\t]*[\\[({]at[\\])}][ \\t]*|[ \\t]*[${AT_SIGNS}][ \\t]*|[ \\t]*[\\[(][${AT_SIGNS}][\\])][ \\t]*)`;
/** A disguised address's local part: words joined by dots or joins, written or said (`jane dot smith`, `jane_smith`). */
const SPELLED_LOCAL_PART = `${SPELLED_WORD}(?:(?:${SPELLED_DOT}|${SPELLED_JOIN})${SPELLED_WORD}){0,5}`;
/**
 * An e-mail address disguised with words or spaces (`jane dot smith at gmail dot com`, `jane.smith
 * @ gmail.com`, `jane_smith(@)hotmail.co.uk`): a local part, an `at`, and a domain ending in a
 * known ending. Which of these is an address is decided by {@link isDisguisedEmail}.
 */
const SPELLED_EMAIL =
  `(?<![${WORD}@.])${SPELLED_LOCAL_PART}${SPELLED_AT}` +
  `[${WORD}\\-]+(?:${SPELLED_DOT}[${WORD}\\-]+){0,4}${SPELLED_DOT}${SPELLED_TLD}(?![${WORD}])`;
const SPELLED_AT_WORD = /[ \t]+at[ \t]+/iu;
/** Mail providers whose name after ` at ` makes an address even written plainly (`jane at gmail.com`). */
const MAIL_PROVIDERS = [
  'gmail',
  'googlemail',
  'hotmail',
  'outlook',
  'yahoo',
  'ymail',
  'icloud',
  'btinternet',
  'btopenworld',
  'aol',
  'live',
  'msn',
  'sky',
  'virginmedia',
  'talktalk',
  'protonmail',
  'proton',
  'mail',
];
const MAIL_PROVIDER = new RegExp(`^(?:${MAIL_PROVIDERS.join('|')})$`, 'iu');
/** Providers whose name alone, with no ending, ends an address people write (`jane.doe at gmail`): not those that are words. */
const BARE_MAIL_PROVIDER = MAIL_PROVIDERS.filter((provider) => !['live', 'sky', 'mail', 'proton', 'msn'].includes(provider)).join('|');
/**
 * An e-mail address written with its provider's name and no ending (`jane.doe at gmail`,
 * `jsmith77 at hotmail`, `jane dot doe at outlook`): a local part, an `at`, and a provider. Only a
 * local part that starts with a letter and has an address's marks (`.`, `_`, `-` or a digit,
 * also said in words) is taken, so `we met at Gmail's offices`, `I am at hotmail a lot`, `from
 * 10.30 at Outlook House` and a phone number before `at hotmail` are left (the number to its own kind).
 */
const PROVIDER_EMAIL =
  `(?<![${WORD}@.])(?=\\p{L})(?<providerLocal>${SPELLED_LOCAL_PART})${SPELLED_AT}` +
  `(?:${BARE_MAIL_PROVIDER})(?![${WORD}@]|[.'’][${WORD}])`;
/** What marks a word as an address's local part rather than a word of prose. */
const LOCAL_PART_MARKS = /[._\-\d]|[ \t](?:dot|underscore|dash|hyphen)[ \t]/iu;
/** The sites whose first path segment names an account (`facebook.com/jane.smith`, `tiktok.com/@name`). */
const PROFILE_SITE =
  '(?<=(?<![\\w.\\-])(?:(?:www|m|mobile|uk|old|new)\\.)?(?:facebook\\.com|fb\\.com|twitter\\.com|x\\.com|instagram\\.com|tiktok\\.com|threads\\.net|linkedin\\.com/in|youtube\\.com/(?:user|c)|youtube\\.com|reddit\\.com/(?:user|u)|bsky\\.app/profile)/@?|' +
  '(?<![\\w.\\-])https?://[\\w\\-]+(?:\\.[\\w\\-]+)+/users/)';
/** Path segments of those sites that name a page of the site, not an account. */
const SITE_PAGE =
  '(?:groups|pages|events|watch|hashtag|search|home|share|sharer|sharer\\.php|profile\\.php|intent|i|explore|p|reel|reels|stories|policies|help|login|about|legal|privacy|settings|messages|channel|playlist|shorts|results|feed|tv|live|watch\\?.*)(?![\\w.\\-])';
/**
 * A Bluesky handle on Bluesky's own domain written without its `@` (`samcares.bsky.social`), also as
 * the host of a link (`https://samcares.bsky.social`, `at://samcares.bsky.social/…`).
 */
const BLUESKY_HANDLE = `(?<![${WORD}.@\\-]|(?<!/)/)(?:[${WORD}\\-]+\\.)+bsky\\.social(?![${WORD}.\\-])`;
/** A decentralised identifier naming an account (`did:plc:ibsnzlyetxg4rhubbw5fjisi`, `did:web:…`), as Bluesky's `at://` addresses start. */
const ACCOUNT_DID = `(?<![${WORD}])did:(?:plc|web):[${WORD}.%:\\-]*[${WORD}]`;
/**
 * The number of a post on X/Twitter in its address (`twitter.com/name/status/1712…`,
 * `x.com/i/web/status/1712…`): it leads to the post and so to its author, as the account does.
 */
const POST_NUMBER =
  '(?=\\d{5})(?<=(?<![\\w.\\-])(?:(?:www|m|mobile)\\.)?(?:twitter\\.com|x\\.com)/(?:i/web|i|(?<postAccount>\\w{1,15}))/status(?:es)?/)\\d{5,20}';
const PROFILE = `${PROFILE_SITE}(?!${SITE_PAGE})[${WORD}_.%\\-]*[${WORD}_]|(?<=(?:facebook|fb)\\.com/profile\\.php\\?id=)\\d+|${POST_NUMBER}`;
/**
 * Query parameters that carry who someone is, by the kind their value is replaced as. A Google
 * Form's prefilled answers (`viewform?usp=pp_url&entry.1187654=Priya+Shah`) are someone's answers
 * to its questions, most often their name: they go as a name.
 */
const URL_PARAMETER_KINDS: readonly [PersonalDataKind, string][] = [
  ['name', '(?:full_?|first_?|last_?|given_?|family_?|sur|f|l|display_?|contact_?)?name|forename|entry\\.\\d{1,12}'],
  ['email', 'e-?mail(?:_?address)?'],
  ['phone', 'phone|tel|telephone|mobile'],
  ['handle', 'user(?:_?name)?|handle'],
  [
    'handle',
    '(?:respondent|response|user|customer|client|patient|member|contact|person|account|applicant|participant|subscriber)_?(?:id|uuid|uid|no|number)|uu?id|(?:access_?|auth_?|reset_?|invite_?|login_?|session_?)?token|session_?id',
  ],
];
const URL_PARAMETER = `(?<=[?&;](?:${URL_PARAMETER_KINDS.map(([, names]) => names).join('|')})=)[^&#\\s\\[\\]<>"']+`;
/** A house number (after a flat or unit number, or a flat's number alone), up to three words, and a street's suffix. */
const STREET_SUFFIX =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Close|Grove|Drive|Way|Crescent|Place|Gardens|Court|Terrace|Walk|Row|Square|Mews|Hill|Rise|View|Green|Park|Parade|Gate|Croft|Fold|Vale|Wharf|Yard|Boulevard|Embankment';
/** A flat's or unit's number (`Flat 4b, `, `Apt. 12 `), which goes with the address after it. */
const FLAT = '(?:Flat|Apartment|Apt|Unit)\\.?[ \\t]*\\d{1,4}[a-z]?,?[ \\t]+';
const HOUSE_NUMBER = '\\d{1,4}[a-z]?,?[ \\t]+';
const ADDRESS =
  `(?<![${WORD}])(?:${FLAT}(?:${HOUSE_NUMBER})?|${HOUSE_NUMBER})` +
  `(?<street>(?:[\\p{L}'’\\-]+[ \\t]+){1,3})(?<suffix>${STREET_SUFFIX})\\.?(?![${WORD}])`;
/**
 * A street named with no street's suffix, where what is before it says it is one: a flat's number
 * and a house number before one to three capitalised words (`Flat 4b, 112 Kingsway`), or a house
 * number before `The` and a plural or a word such closes are named with (`5 The Paddocks`, `2 The
 * Maltings`, `7 The Spinney`). Which number is a house's is decided by {@link isHouseNumberBefore}.
 */
const UNSUFFIXED_STREET =
  `(?<![${WORD}])(?:${FLAT}${HOUSE_NUMBER}\\p{Lu}\\p{Ll}+(?:[ \\t]+\\p{Lu}\\p{Ll}+){0,2}|` +
  `(?<theNumber>\\d{1,3}[a-z]?),?[ \\t]+The[ \\t]+(?:\\p{Lu}\\p{Ll}+(?<=[^s]s)|Chase|Spinney|Coppice|Causeway|Broadway|Ridgeway|Nook|Glebe|Dell|Orchard|Pastures|Sidings))(?![${WORD}])`;
/** A flat's number right before a house's name (`Flat 12, ` before `Jubilee House, Ash Road`). */
const FLAT_BEFORE = new RegExp(`(?<![${WORD}])${FLAT}$`, 'u');

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  hundred: '00',
  thousand: '000',
  oh: '0',
  zero: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const DIGIT_WORD = 'oh|zero|nought|one|two|three|four|five|six|seven|eight|nine';
/** A digit read out (`seven`, `double oh`) or a group of up to four written as figures. */
const SPOKEN_DIGITS = `(?:(?:double|triple|treble)[ \\t]+)?(?:${DIGIT_WORD}|\\d{1,4})(?:[ \\t]+(?:hundred|thousand))?`;
/**
 * A phone number read out, as a transcript writes it, in words (`oh seven seven double oh nine…`)
 * or half in words and half in figures (`oh seven seven double one 234 567`, `07 seven double 0…`).
 */
const SPOKEN_NUMBER = `(?<![${WORD}])(?:oh|zero|nought|0\\d{0,3})(?:[ \\t,.\\-]+${SPOKEN_DIGITS}){2,13}(?![${WORD}])`;

const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DAY_OF_MONTH = '\\d{1,2}(?:st|nd|rd|th)?';
/** A date with its day, month and year: `03/04/1951`, `12.11.1938`, `7/9/84`, `1951-04-03`, `3 April 1951`, `14th of Feb '62`, `June 5, 1958`. */
const FULL_DATE =
  `\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|` +
  `${DAY_OF_MONTH}(?:[ \\t]+of)?[ \\t]+(?:${MONTH})\\.?,?[ \\t]+(?:\\d{4}|['’]?\\d{2})|(?:${MONTH})\\.?[ \\t]+${DAY_OF_MONTH},?[ \\t]+\\d{4}`;
/**
 * Words saying that the date after them is someone's birth, and what may stand between (`DOB:`,
 * `date of birth is`, `born on`), and `b.` as a life is written (`Mum, b. 3/4/38,`; not opening
 * a line, where it marks the second of a list).
 */
const BIRTH_CONTEXT =
  `(?<![${WORD}])(?:d\\.?o\\.?b\\.?|date[ \\t]+of[ \\t]+birth|birth[ \\t]*date|born|birthday|(?<![${WORD}.][ \\t]*|^[ \\t]*|\\n[ \\t]*)b\\.)` +
  `(?:[ \\t]*(?:[:=(\\-\\u2013\\u2014]|(?:is|was|on|of|the)(?![${WORD}]))){0,3}[ \\t]*`;
const DATE_OF_BIRTH = `(?<birthContext>${BIRTH_CONTEXT})(?:${FULL_DATE})(?![${WORD}])`;
/**
 * A full date set off by a bracket, a comma or a dash and closed by the same (`(12/03/1938)`,
 * `, 04.05.1941,`, `- 14/02/1948 -`): a birth date when a person is named right before it, which
 * {@link isSetOffBirthDate} decides. Tried only where a figure or a month's letter follows such a mark.
 */
const SET_OFF_DATE = `(?<=[(,\\-\\u2013\\u2014][ \\t]{0,2})(?=[\\dJFMASOND])(?:${FULL_DATE})(?![${WORD}])(?=[ \\t]*(?:[),;\\-\\u2013\\u2014]|\\.(?![${WORD}])))`;
const NI_GAP = '[ \\u00a0\\-]?';
/** Two letters, three pairs of digits and a letter A to D (`QQ 12 34 56 C`, `QQ123456C`); the last letter may be left off after a word that says it is one. */
const NI_NUMBER = `(?<![${WORD}])[A-Z]{2}${NI_GAP}\\d{2}${NI_GAP}\\d{2}${NI_GAP}\\d{2}(?:${NI_GAP}[A-D])?(?![${WORD}])`;
const NI_CONTEXT = /(?<![\p{L}])(?:ni|n\.i\.?|nino|national[ \t]+insurance)(?![\p{L}])/iu;
const NI_CONTEXT_BEFORE = 40;
const NI_SOLID = /^[A-Z]{2}\d{6}[A-D]?$/iu;
const NI_IN_CAPITALS = /^[A-Z]{2}/u;
const NI_SUFFIX = /[A-D]$/iu;
/** The byline a forum, blog or comment export pastes into a text before the account that wrote it (`Posted by`, `Reply from`). */
const BYLINE = '(?:posted|commented|submitted|shared|replied|uploaded)[ \\t]+by|(?:comment|reply|quote|post|message)[ \\t]+from';
const PLATFORM =
  'twitter|insta(?:gram)?|ig|tik[ \\t]?tok|snapchat|snap|threads|telegram|discord|bluesky|bsky|mastodon|facebook|fb|youtube|linkedin|reddit|twitch|pinterest|tumblr';
/**
 * Words saying that the word after them is the writer's own account on a platform, written
 * without its `@`: `my twitter is`, `my insta handle:`, `I'm on insta as`, `find me on insta as`,
 * `follow me on tiktok`, `Instagram handle is`; or the platform's name as a label (`Snapchat:
 * kayleigh.b99`, `Insta - carer.life.leeds`, `IG: sallycares`, and `X:` as a label only), where
 * only a word with a handle's marks or one in lower case that is no common word is taken
 * (`Twitter: Bradford Carers` is a page's name, `X: the council never replies` prose); or the
 * byline a forum, blog or comment export pastes into the text (`Posted by gwen_evans`, `Reply
 * from JonnoB1982:`), where only a word with a handle's marks is taken (`Posted by admin`,
 * `Reply from the council` stay; a person's name there is left to name detection). `our`,
 * `us` and a platform named with no one on it (`the council is on facebook as …`) are left: an
 * organisation's account is no personal data.
 */
const PLATFORM_CONTEXT =
  `(?<![${WORD}])(?:my[ \\t]+(?:${PLATFORM})(?:[ \\t]+(?:handle|user[ \\t]?name|name|account|id))?[ \\t]*(?:[:=\\-]|is(?![${WORD}])|['’]s(?![${WORD}]))|` +
  `(?:i['’]?m|i[ \\t]+am)[ \\t]+(?:also[ \\t]+)?on[ \\t]+(?:${PLATFORM})[ \\t]*(?:(?:as|under)(?![${WORD}])|[:\\-])|` +
  `(?:find|follow|add|message|dm)[ \\t]+me[ \\t]+on[ \\t]+(?:${PLATFORM})(?:[ \\t]*(?:(?:as|under|at)(?![${WORD}])|[:\\-]))?(?![${WORD}])|` +
  `(?:${PLATFORM})[ \\t]+(?:handle|user[ \\t]?name|account)[ \\t]*(?:is(?![${WORD}])|[:=\\-])|` +
  `(?<![${WORD}])(?<platformLabel>(?:${PLATFORM}|(?<=(?:^|[\\n.!?;,(|/])[ \\t]*)x)[ \\t]*(?::|[ \\t]-))|` +
  `(?<![${WORD}])(?<bylineLabel>${BYLINE})(?![${WORD}]))[ \\t]*`;
const NAMED_HANDLE = `(?<handleContext>${PLATFORM_CONTEXT})(?=[\\p{N}_.]*\\p{L})[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{0,28}[\\p{L}\\p{N}_])?(?![\\p{L}\\p{N}_@]|:/)`;
/**
 * An account written without its `@` where the words after it say where it is (`DM harriet_q on
 * insta`, `carer_ian77 on twitter`), or an `@` with a space after it (`follow me @ jsmith77`): only
 * a word with a handle's marks (a digit or `_` inside it), so
 * `me on insta` and `see you @ 10.30` stay. {@link PLATFORM} names the platforms.
 */
const MARKED_HANDLE = `\\p{L}[\\p{L}\\p{N}_]{0,28}[\\p{L}\\p{N}_](?<=[\\p{N}_][\\p{L}\\p{N}_]*)`;
const SPACED_HANDLE = `[${AT_SIGNS}](?<![${WORD}].)[ \\t](?<spacedHandle>${MARKED_HANDLE})(?![${WORD}.@])`;
/** A handle before `on insta` and the like; a pass of its own, run only on a text that names a platform after `on`. */
const HANDLE_BEFORE_PLATFORM = new RegExp(`(?<![${WORD}@.\\-/])${MARKED_HANDLE}(?=[ \\t]+on[ \\t]+(?:${PLATFORM})(?![${WORD}]))`, 'giu');
const ON_PLATFORM = new RegExp(`[ \\t]on[ \\t]+(?:${PLATFORM})(?![${WORD}])`, 'iu');
/** A web address's start or a domain after a platform's name (`on Facebook: https://…`, `on insta: www.example.com`), which is no account. */
const WEB_ADDRESS = /^(?:https?|www)$|\.(?:com|org|net|uk|gov|io|co|me)$/iu;
/** A word in lower case, as a handle after a platform's label is written (`IG: sallycares`). */
const LOWER_CASE_HANDLE = /^\p{Ll}[\p{Ll}\p{N}_.]*$/u;
/**
 * What ends an account's name written alone after a platform's label: the line's or the clause's
 * end, a dash, a bar or a slash, or a word that opens another clause (`IG: sallycares if anyone
 * wants to chat`); not a word that goes on with a phrase (`IG: lots of carers post there`).
 */
const AFTER_LABELLED_HANDLE =
  /^(?:[ \t]*(?:$|[\n\r.,;:!?)\]|/\-\u2013\u2014])|[ \t]+(?:if|or|but|so|please|thanks|cheers|x{1,3}|dm|pm)(?![\p{L}]))/iu;

/**
 * True when an unmarked word after a platform's label (`IG: sallycares`) is an account: in lower
 * case, as accounts written together are, no common word or its form (see {@link isCommonWordForm})
 * nor a word for having none (`Insta: none`), and alone in its clause (see {@link AFTER_LABELLED_HANDLE}).
 */
function isLabelledLowerCaseHandle(name: string, after: string): boolean {
  return LOWER_CASE_HANDLE.test(name) && !NO_ACCOUNT.has(name) && !isCommonWordForm(name) && AFTER_LABELLED_HANDLE.test(after);
}

/** What is written after a platform's label by someone with no account there (`Insta: none`). */
const NO_ACCOUNT = new Set(['none', 'nil', 'na', 'no', 'nope', 'nothing', 'private', 'unknown', 'tbc', 'yes', 'n']);
/** A handle's own marks: a digit, `_` or `.` inside it, or a capital after a small letter (`DisabledAndProud`). */
const HANDLE_MARKS = /[\p{N}_.]|\p{Ll}\p{Lu}/u;
/** Words ending a house's name (`Rose Cottage`, `Ivy House Farm`); `The Old …` names a house too (`The Old Bakery`). */
const HOUSE_WORD = 'Cottages?|House|Farm|Farmhouse|Lodge|Barn|Bungalow|Villa';
const THE_OLD = /^The[ \t]+Old[ \t]+\p{Lu}/u;
/** The capitalised words a house's name starts with, right before its house word (`Rose ` before `Cottage`). */
const HOUSE_NAME_START = /(?<![\p{L}\p{M}\p{N}'’-])(?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]+){1,2}$/u;
/**
 * A house's name, a comma and a street (`Rose Cottage, Mill Lane`), as an address without a house
 * number is written. The match starts at the house word, so that it is tried only there (its
 * first letter is checked before anything dearer); the words of the name before it are taken by
 * {@link houseNameStart}.
 */
const HOUSE_ADDRESS =
  `(?=[tchflbv])(?<![${WORD}])(?<house>The[ \\t]+Old[ \\t]+\\p{L}+|(?:${HOUSE_WORD})(?:[ \\t]+(?:Farm|Cottage))?),[ \\t]*` +
  `(?<houseStreet>(?:[\\p{L}'’\\-]+[ \\t]+){1,3})(?<houseSuffix>${STREET_SUFFIX})\\.?(?![${WORD}])`;

/**
 * A comma and a street with no house number (`, Church Road`), where a house named with no house
 * word may stand before the comma (`Meadow View, Church Road`). The match starts at the comma, so
 * that it is tried only there; whether the words before it are a house's name is decided by
 * {@link namedHouseStart}.
 */
const NAMED_HOUSE_STREET = `(?<=\\p{L}),[ \\t]*(?<namedStreet>(?:[\\p{L}'’\\-]+[ \\t]+){1,3})(?<namedSuffix>${STREET_SUFFIX})\\.?(?![${WORD}])`;

/**
 * Words saying that the number after them is one a health or care service, a landlord, a public
 * service or a consultation knows a person by: a hospital, patient, case, client or complaint
 * number, an id in a council's case system (`Mosaic ID`, `LAS ref`), a council, council tax,
 * social services or benefit reference (`PIP reference number`, `Universal Credit reference`), a
 * passport, driving licence, Blue Badge or bus pass number, a respondent's id; then `number`,
 * `no.`, `ref`, `reference` or `id` (two of them: `reference number`), and what may stand between
 * (`is`, `:`, a comma); or `MRN`, `CRN` and `driving licence` alone. A policy's, a page's or a guideline's
 * reference is no person's (`Policy ref ASC/2023/041`, `NICE NG97`).
 */
const CASE_WORD = '(?:number|no\\.?|num|nbr|ref(?:erence)?\\.?|id|identifier)';
const CASE_CUE =
  '(?:hospital|patient|case|client|service[ \\t\\-]?user|customer|resident|tenant|tenancy|complaints?|pals|mosaic|las|liquid[ \\t]?logic|carefirst|systm[ \\t]?one|rio|respondent|participant|claim|account' +
  '|council(?:[ \\t]+tax)?|social[ \\t]+(?:services|care|work)|housing[ \\t]+benefit|benefits?|universal[ \\t]+credit|uc|pip|dla|esa|pension' +
  '|passport|(?:driving[ \\t]+)?licen[cs]e|blue[ \\t]+badge|badge|(?:bus|travel|freedom)[ \\t]+pass)';
/** Tried at `number`, `ref`, `id`… first, and only there looks back for whose it is, so that it costs little where no such word is. */
const CASE_CONTEXT =
  `(?:${CASE_WORD}(?<=(?<![${WORD}])${CASE_CUE}(?:[ \\t]+(?:record|file|care))?[ \\t]+${CASE_WORD})(?:[ \\t]+${CASE_WORD}(?![${WORD}]))?` +
  `|(?<![${WORD}])(?:mrn|crn|driving[ \\t]+licen[cs]e))` +
  `(?![${WORD}])(?:[ \\t]*(?:[:#=,\\-]|is(?![${WORD}])|was(?![${WORD}])))?[ \\t]*`;
/** A group of a number read off a letter or a wristband in groups: letters and digits, a digit among them (`1234`, `0456`, `4567`). */
const CASE_GROUP = '[A-Za-z0-9]*\\d[A-Za-z0-9]*';
/**
 * Such a number: 4 to 20 letters, digits, `/` and `-`, four digits among them at least (`RWY1234567`,
 * `PALS-2024-0456`, `1234567`); or written in groups with a space between them, as a letter or a
 * wristband prints it, four digits among them at least (`1234 5678`, `RWY 123 4567`, `PALS 2024
 * 0456`, `12 345 67`): up to five capitals, or a group holding a digit, then up to four groups of two
 * characters or more each holding a digit (so that `case ref 54321 3 times` leaves `3 times`).
 */
const CASE_ID =
  `(?:(?=(?:[A-Za-z \\t]{0,6}\\d){4})(?:[A-Z]{1,5}|${CASE_GROUP})(?:[ \\t](?=[A-Za-z0-9]{2})${CASE_GROUP}){1,4}(?![${WORD}]|[/\\-][${WORD}])` +
  `|(?=[A-Za-z0-9/\\-]*?\\d(?:[A-Za-z/\\-]*\\d){3})[A-Za-z0-9][A-Za-z0-9/\\-]{2,18}[A-Za-z0-9](?![${WORD}]|[/\\-][${WORD}]))`;
const CASE_NUMBER = `(?<caseContext>${CASE_CONTEXT})(?<caseId>${CASE_ID})`;

/**
 * A house named by its number alone after `at`, `to` or `into` (`my neighbour Mrs Patel at number
 * 12`, `she lives at no. 4`), as people say where a neighbour lives: an address only where the
 * clause before says someone lives or stays there ({@link HOME_BEFORE}), so `we are at number 3 on
 * the waiting list` stays.
 */
const HOUSE_BY_NUMBER = `(?<=(?<![${WORD}])(?:at|to|into)[ \\t]+)(?:number|no\\.?|num\\.?)[ \\t]*\\d{1,4}[a-z]?(?![${WORD}])`;
/**
 * Words in the clause before a house's number that say it is a home: someone living or moving
 * there, a neighbour or relation, a person named or titled (or already redacted as `[name]`).
 */
const HOME_BEFORE =
  /(?<![\p{L}])(?:live[sd]?|living|stay(?:s|ed|ing)?|moved?|moving|neighbours?|next[ \t-]door|mum|mom|dad|nan|nana|gran|grandma|grandad|aunt|auntie|uncle|sister|brother|friend|house|home|Mrs?|Ms|Miss|Mx)(?![\p{L}])|\[name\]/iu;
/** How far back, within its clause, {@link HOME_BEFORE} is looked for. */
const HOME_BEFORE_REACH = 60;

/** One part of an IPv4 address, 0 to 255, written without a leading zero. */
const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/**
 * An IPv4 address (`81.2.69.160`): four parts of 0 to 255 joined by dots, not inside a longer
 * dotted number or word (`120.0.6099.109`, `1.2.3.4.5`, `v1.2.3.4`). Whether it is one is decided
 * by {@link isIpAddress}.
 */
const IPV4 = `(?<![${WORD}.])${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}(?![${WORD}]|\\.\\d)`;
/** A group of an IPv6 address: one to four hexadecimal digits. */
const HEX_GROUP = '[0-9A-Fa-f]{1,4}';
/**
 * An IPv6 address, in full (eight groups, `2001:0db8:…:7334`) or shortened with `::`
 * (`2001:db8::1`, `fe80::1ff:fe23:4567:890a`), not inside a longer word or run of colons
 * (`std::vector` has no such group); {@link isIpv6Address} checks its groups.
 */
const IPV6 =
  `(?<![${WORD}:.])(?:(?:${HEX_GROUP}:){7}${HEX_GROUP}|(?:${HEX_GROUP}(?::${HEX_GROUP}){0,6})?::(?:${HEX_GROUP}(?::${HEX_GROUP}){0,6})?)` +
  `(?![${WORD}:]|\\.\\d)`;
/**
 * Words that say the dotted number after them numbers a part of a document or a release, not a
 * computer (`paragraph 3.2.1.4`, `section 1.2.3.4`, `version 4.2.1.0`, `Chrome 120.0.0.1`).
 */
const NUMBERED_PART_BEFORE =
  /(?<![\p{L}])(?:sections?|s\.|paragraphs?|paras?\.?|clauses?|chapters?|parts?|appendix|annex(?:e|es)?|schedules?|articles?|regulations?|rules?|items?|questions?|q|steps?|standards?|tables?|figures?|figs?\.?|pages?|pp?\.|points?|versions?|ver\.?|v|releases?|builds?|firmware|updates?|chrome|firefox|edge|safari|opera|windows|ios|android|macos|os|app|ref(?:erence)?\.?|no\.?|number)[ \t:#]*$/iu;
/** `IP`, `IPv6`, `I.P.` as a computer's address; not `IP` for intellectual property (`IP policy`, `IP rights`). */
const IP_WORD = String.raw`(?:ip(?:v[46])?(?![ \t-]*(?:polic(?:y|ies)|rights?|laws?|licen[cs]es?|protection|theft|infringements?|owners?)(?![\p{L}]))|i\.p\.?)`;
/**
 * Words that say the number after them, anywhere later in the clause, is a computer's address on a
 * network (`my IP is`, `my I.P. was`, `IPv6`, `the router's address`, `proxy at`, `logged in from`);
 * not `IP` for intellectual property (`the IP policy in 4.1.2.1`).
 */
const IP_CUE_BEFORE = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:${IP_WORD}|host|server|router|modem|vpn|proxy|gateway|dns|logged[ \t]+(?:in|on)[ \t]+from|connection|connecting|ping)|(?:(?<![\p{L}])(?:my|our|your|the|an?|its|their|his|her|this|that|web|network|internet)|\p{L}['’]s)[ \t]+address)(?![\p{L}])[^.!?\n]{0,30}$`,
  'iu',
);
/**
 * Words that may say the number after them is a computer's address (`requests from`, `address`,
 * `network`, `my laptop`) but as often come before a document's numbering (`from 3.1.4.2 of the
 * strategy`, `must address 3.1.4.2`): they make an address of a dotted number only when its first
 * part has two digits or more (`from 10.0.0.12`), as a document's first part seldom has.
 */
const IP_HINT_BEFORE =
  /(?<![\p{L}])(?:from|address|addr|network|computer|laptop|pc|device|wi-?fi|connected[ \t]+to)(?![\p{L}])[^.!?\n]{0,30}$/iu;
/** `IP number` right before a number, which the words for a document's numbering would otherwise claim. */
const IP_NUMBER_BEFORE = /(?<![\p{L}])(?:ip(?:v[46])?|i\.p\.?)[ \t]+(?:no\.?|number)[ \t:#]*$/iu;
/** Words right after a number that say it is an IP address (`8.8.4.4 is the IP`, `7.1.2.9 (my home IP)`; not `4.1.2.1 (IP rights)`). */
const IP_CUE_AFTER = new RegExp(
  String.raw`^[ \t]*(?:[(,–-][ \t]*)?(?:(?:is|was|being|as|=)[ \t]+)?(?:(?:my|our|your|the|an?|their|his|her|home|work|office|public|static|local|private|new|old|current)[ \t]+){0,3}${IP_WORD}(?![\p{L}])`,
  'iu',
);
/** How far back the words before a dotted number are looked at. */
const IP_CONTEXT_BEFORE = 48;
/** How far on the characters after an address are looked at (a port, a network's size, `is my IP`). */
const IP_CONTEXT_AFTER = 32;

/** Between the groups of a card number: a space or a hyphen. */
const CARD_GAP = '[ \\u00a0\\-]';
/**
 * A payment card's number: 13 to 19 digits, solid, in groups of four (the last of one to four
 * digits, or a fifth of up to three: `4111 1111 1111 1111`, `6334-1123-4567-8901-233`), or grouped
 * 4-6-5 or 4-6-4 as American Express and Diners Club print theirs (`3782 822463 10005`); never
 * starting with 0, nor inside a longer number, an amount, a word or a link's path or query
 * (`…/statuses/113516259998765432`, `?id=…`). Whether it is a card's is decided by {@link isCardNumber}.
 */
const CARD_DIGITS =
  `[1-9]\\d{12,18}|[1-9]\\d{3}(?:${CARD_GAP}\\d{4}){2}${CARD_GAP}(?:\\d{4}${CARD_GAP}\\d{1,3}|\\d{1,4})|` +
  `3\\d{3}${CARD_GAP}\\d{6}${CARD_GAP}\\d{4,5}`;
const CARD_END = `(?![\\p{L}\\p{N}]|${CARD_GAP}\\p{N}|[.,]\\p{N})`;
const CARD_NUMBER = `(?<![\\p{L}\\p{N}£$€/=_@+\\-]|\\p{N}${CARD_GAP}|\\p{N}[.,])(?:${CARD_DIGITS})${CARD_END}`;
/** A card's number right at the start of a text, as the id after `account number` may begin one. */
const CARD_NUMBER_AT_START = new RegExp(`^(?:${CARD_DIGITS})${CARD_END}`, 'u');
/**
 * Words right before a number that say it is some other number (an order's, an invoice's, a
 * parcel's, a book's, a phone's IMEI, a ticket's), which a Luhn check passes one time in ten.
 */
const OTHER_NUMBER_BEFORE =
  /(?<![\p{L}])(?:order|invoice|inv|ref(?:erence)?|tracking|parcel|consignment|isbn|issn|serial|s\/n|imei|policy|booking|transaction|receipt|confirmation|ticket|batch|barcode|model|product|item|part)(?:[ \t]+(?:number|no\.?|num|nbr|id|code))?[ \t:#=\-]*$/iu;
/**
 * Words before a number, in its clause and with no figure between, that say it is a card's (`card`,
 * `Visa`, `Maestro`, `Amex`, `debit`, `long number`); needed where the number could as well be an
 * id or a time: a solid run of 17 to 19 digits (a post's id, `1597005918343811073`) or a number
 * starting 1, 7, 8 or 9, which no bank's card does (a time in milliseconds, `1518490985215`).
 */
const CARD_WORD_BEFORE =
  /(?<![\p{L}])(?:cards?|visa|master[ \t]?card|maestro|amex|american[ \t]+express|diners(?:[ \t]+club)?|discover|jcb|union[ \t]?pay|debit|credit|pan|long[ \t]+number)(?![\p{L}])[^.!?\n\d]{0,24}$/iu;
/** Four digits that could be a year (`2019`), of which a list (`2019 2020 2021 2022`) is no card. */
const YEAR = /^(?:19|20)\d\d$/u;
/** How far back the words before a card number are looked at. */
const CARD_CONTEXT_BEFORE = 32;

/** A UK sort code: three pairs of digits with a hyphen, a dash, a space or a dot between, or six digits solid. */
const SORT_CODE = '\\d{2}[\\-\\u2010-\\u2013 \\u00a0.]\\d{2}[\\-\\u2010-\\u2013 \\u00a0.]\\d{2}|\\d{6}';
/** A sort code as one is written with no word beside it: with its gaps, never solid. */
const SPACED_SORT_CODE = '\\d{2}[\\-\\u2010-\\u2013 \\u00a0.]\\d{2}[\\-\\u2010-\\u2013 \\u00a0.]\\d{2}';
/** A UK account number: eight digits, solid or 4 4 (not the start of a longer run of groups, as a card's number is). */
const ACCOUNT_NUMBER = '\\d{8}|\\d{4}[ \\u00a0\\-]\\d{4}(?![ \\u00a0\\-]\\d)';
/** The end of a bank number: no digit, nor a gap or a dot and a digit, nor a letter. */
const BANK_NUMBER_END = '(?![\\p{L}\\p{N}]|[\\-\\u2010-\\u2013.,]\\p{N})';
const SORT_CODE_WORDS = 'sort[ \\t\\-]?codes?|s/c';
const ACCOUNT_WORDS = '(?:bank[ \\t]+)?(?:account|acc|acct|a/c)(?:[ \\t]*(?:number|no\\.?|num|nbr|#))?';
/** What stands between such words and their number (`sort code is`, `Account number:`). */
const BANK_CUE_JOIN = '(?![\\p{L}])[ \\t]*(?:[:=#\\-\\u2013]|(?:is|was)(?![\\p{L}]))?[ \\t]*';
/** What stands between a sort code and its account number (`, account `, ` and the account number is `, ` / `). */
const BANK_PAIR_JOIN =
  `[ \\t]*[,;/&]?[ \\t]*(?:(?:and|with)[ \\t]+)?(?:(?:the|my|his|her|their|our)[ \\t]+)?` +
  `(?:(?:${ACCOUNT_WORDS}|${SORT_CODE_WORDS})${BANK_CUE_JOIN})?`;
/** What stands between a sort code and an account number with no word before either: a space, a comma, a slash, or their words. */
const BARE_PAIR_JOIN = `[ \\t]*[,;/]?[ \\t]*(?:(?:${ACCOUNT_WORDS}|${SORT_CODE_WORDS})${BANK_CUE_JOIN})?`;
/**
 * UK bank details: a sort code after words that say it is one (`sort code 12-34-56`, `s/c
 * 309634`), an account number after words that say it is one (`account 12345678`, `acc no`, `a/c`,
 * `Account number:`), each with the other right after it if written (`sort code 20-00-00 account
 * 12345678`); or, with no such words, a sort code with its gaps and an account number side by side
 * (`20-00-00 12345678`, `12345678 / 30-93-64`). An eight-digit number alone, a date (`12-03-56`)
 * alone and an amount stay.
 */
const BANK_DETAILS =
  `(?<![\\p{L}])(?:${SORT_CODE_WORDS})${BANK_CUE_JOIN}(?:${SORT_CODE})${BANK_NUMBER_END}(?:${BANK_PAIR_JOIN}(?:${ACCOUNT_NUMBER})${BANK_NUMBER_END})?|` +
  `(?<![\\p{L}])${ACCOUNT_WORDS}${BANK_CUE_JOIN}(?:${ACCOUNT_NUMBER})${BANK_NUMBER_END}(?:${BANK_PAIR_JOIN}(?:${SORT_CODE})${BANK_NUMBER_END})?|` +
  `(?<![\\p{L}\\p{N}£$€.,]|\\p{N}[ \\u00a0\\-])(?:(?:${SPACED_SORT_CODE})${BANK_NUMBER_END}${BARE_PAIR_JOIN}(?:${ACCOUNT_NUMBER})|` +
  `(?:${ACCOUNT_NUMBER})${BANK_NUMBER_END}${BARE_PAIR_JOIN}(?:${SPACED_SORT_CODE}))${BANK_NUMBER_END}`;
/** Each number in bank details that {@link BANK_DETAILS} found, which its token replaces; the words between stay. */
const BANK_NUMBER = /\d{8}|\d{4}[ \u00a0-]\d{4}|\d{6}|\d{2}[-\u2010-\u2013 \u00a0.]\d{2}[-\u2010-\u2013 \u00a0.]\d{2}/gu;
/** Letters a UK registration mark uses (never I or Q; Z only in its random letters). */
const PLATE_LETTER = '[A-HJ-PR-Z]';
/** A UK vehicle registration mark of today's form (since 2001): area letters, age digits, three random letters (`AB12 CDE`). */
const CURRENT_PLATE = `[A-HJ-PR-Y][A-HJ-PR-Y]\\d{2}[ \\u00a0]?${PLATE_LETTER}{3}`;
/** An older mark, read only after words that say it is one: prefix (`P123 RST`, 1983-2001) or suffix (`ABC 123D`, 1963-1983). */
const OLDER_PLATE = `[A-HJ-PR-Y]\\d{1,3}[ \\u00a0]?${PLATE_LETTER}{3}|${PLATE_LETTER}{3}[ \\u00a0]?\\d{1,3}[A-HJ-PR-Y]`;
/** Words saying that the mark after them is a vehicle's (`car reg`, `taxi`, `number plate`, `registration number`). */
const VEHICLE_CUE =
  `(?<![${WORD}])(?:(?:car|van|vehicle|taxi|cab|minibus|bus|ambulance|motorbike|lorry|truck)(?:[ \\t]+(?:reg(?:istration)?(?:[ \\t]+(?:no\\.?|number|mark))?|number[ \\t]+plate|plate))?` +
  `|reg(?:istration)?(?:[ \\t]+(?:no\\.?|number|mark))?|(?:number|licen[cs]e)[ \\t]+plate)(?![${WORD}])(?:[ \\t]*(?:[:#,(=\\-]|is(?![${WORD}])|was(?![${WORD}])))?[ \\t]*\\(?[ \\t]*`;
/**
 * A UK vehicle registration mark: today's form anywhere in capitals (`AB12 CDE`, `MX21UVW`), and
 * after words that say it is one any form, in any case (`car reg ab12 cde`, `reg P123 RST`,
 * `registration ABC 123D`); not a postcode (`LS6 2AB`), a form's code (`HR12`, `UC50`) or a road
 * (`M62 J26`), none of which has its letters and digits in those places.
 */
const VEHICLE_REGISTRATION = `(?<vehicleCue>${VEHICLE_CUE})?(?<![\\p{L}\\p{N}])(?<plate>${CURRENT_PLATE}|${OLDER_PLATE})(?![\\p{L}\\p{N}])`;
const CURRENT_PLATE_IN_CAPITALS = new RegExp(`^${CURRENT_PLATE}$`, 'u');

/**
 * An IBAN as written: two letters, two check digits, and groups of up to four letters and digits,
 * solid or with spaces (`GB29 NWBK 6016 1331 9268 19`, `GB82WEST12345698765432`), with eight
 * digits at least after its check digits, as every country's has (so `QQ123456 please` is left to
 * the NI number it may be); whether it is one, and where it ends, is decided by `ibanLength`.
 */
const IBAN = `(?<![\\p{L}\\p{N}])(?=[A-Z]{2}\\d{2}(?:[ \\u00a0]?[A-Z]{0,4}[ \\u00a0]?\\d){8})[A-Z]{2}\\d{2}(?:[ \\u00a0]?[A-Z0-9]{4}){2,7}(?:[ \\u00a0]?[A-Z0-9]{1,3})?(?![\\p{L}\\p{N}])`;

const ANY_DIGIT = /\d/u;
const AT_SIGN = /[@\uFF20]/u;
const PLATFORM_NAMED = new RegExp(`(?<![A-Za-z0-9])(?:${PLATFORM}|${BYLINE})|x[ \\t]*(?::|[ \\t]-)`, 'iu');
/**
 * The kinds of personal data as one alternation, in the order tried at each place, each with what
 * a text must hold for it to match there (its guard): a digit for every number, date and house
 * number; an `@` for an address or a handle; a platform's name for an account named after it.
 * The guards ignore case where their alternatives do. Exported so that tests can hold its matches
 * to those of the plain alternation.
 */
export const PERSONAL_DATA = new GuardedAlternation(
  [
    { source: `(?<email>${EMAIL})`, guard: /[@\uFF20]|[\[(]at[\])]/iu },
    {
      source: `(?<spelledEmail>${SPELLED_EMAIL})`,
      guard: new RegExp(`(?:\\.|dot)[ \\t)\\]}]*${SPELLED_TLD}(?![A-Za-z0-9])`, 'iu'),
    },
    { source: `(?<providerEmail>${PROVIDER_EMAIL})`, guard: new RegExp(`(?:${BARE_MAIL_PROVIDER})`, 'iu') },
    { source: `(?<accountDid>${ACCOUNT_DID})`, guard: /did:/iu },
    { source: `(?<profile>${PROFILE})`, guard: /\.(?:com|net|app)\/|:\/\//iu },
    { source: `(?<blueskyHandle>${BLUESKY_HANDLE})`, guard: /bsky\.social/iu },
    { source: `(?<parameter>${URL_PARAMETER})`, guard: /=/u },
    { source: `(?<handle>${HANDLE})`, guard: AT_SIGN },
    { source: `(?<redditUser>${REDDIT_USER})`, guard: /u\//iu },
    { source: `(?<ipv4>${IPV4})`, guard: /\d\.\d{1,3}\.\d{1,3}\.\d/u },
    { source: `(?<ipv6>${IPV6})`, guard: /::|(?:[0-9a-f]{1,4}:){7}/iu },
    { source: `(?<iban>${IBAN})`, guard: /[a-z]{2}\d{2}[ \u00a0]?[a-z0-9]{4}/iu },
    {
      source: `(?<vehicleRegistration>${VEHICLE_REGISTRATION})`,
      guard: /\d[ \u00a0]?[a-z]{3}(?![a-z])|[a-z]{3}[ \u00a0]?\d{1,3}[a-z](?![a-z])/iu,
    },
    { source: `(?<bankDetails>${BANK_DETAILS})`, guard: /\d{2}[-\u2010-\u2013 \u00a0.]?\d{2}[-\u2010-\u2013 \u00a0.]?\d{2}/u },
    { source: `(?<cardNumber>${CARD_NUMBER})`, guard: /\d{4}[ \u00a0-]?\d{4}[ \u00a0-]?\d/u },
    { source: `(?<dateOfBirth>${DATE_OF_BIRTH})`, guard: ANY_DIGIT },
    { source: `(?<setOffDate>${SET_OFF_DATE})`, guard: ANY_DIGIT },
    { source: `(?<niNumber>${NI_NUMBER})`, guard: ANY_DIGIT },
    { source: `(?<caseNumber>${CASE_NUMBER})`, guard: ANY_DIGIT },
    { source: `(?<namedHandle>${NAMED_HANDLE})`, guard: PLATFORM_NAMED },
    { source: `(?<spacedHandleMatch>${SPACED_HANDLE})`, guard: AT_SIGN },
    { source: `(?<tenDigits>${TEN_DIGITS})`, guard: ANY_DIGIT },
    { source: `(?<phone>${PHONE})`, guard: ANY_DIGIT },
    { source: `(?<postcode>${POSTCODE})`, guard: ANY_DIGIT },
    { source: `(?<address>${ADDRESS})`, guard: ANY_DIGIT },
    { source: `(?<unsuffixedStreet>${UNSUFFIXED_STREET})`, guard: ANY_DIGIT },
    {
      source: `(?<houseAddress>${HOUSE_ADDRESS})`,
      guard: new RegExp(`(?:${HOUSE_WORD})(?:[ \\t]+(?:Farm|Cottage))?,|Old[ \\t]+[^ \\t,]+,`, 'iu'),
    },
    {
      source: `(?<namedHouse>${NAMED_HOUSE_STREET})`,
      guard: new RegExp(`,[ \\t]*(?:[^ \\t\\n,]+[ \\t]+){1,3}(?:${STREET_SUFFIX})`, 'iu'),
    },
    { source: `(?<spokenNumber>${SPOKEN_NUMBER})`, guard: /(?<![A-Za-z0-9])(?:oh|zero|nought)(?![A-Za-z0-9])|0/iu },
    { source: `(?<houseByNumber>${HOUSE_BY_NUMBER})`, guard: ANY_DIGIT },
  ],
  'giu',
);
/** A mention of a person by a capitalised first name (`@Tariq`), as WhatsApp and Facebook write a contact's mention. */
const MENTIONED_NAME = /^\p{Lu}[\p{Ll}\p{M}]+$/u;
/** The surname such a mention goes on with (`@Tariq Mahmood`). */
const SURNAME_AFTER =
  /^[ \t]+(\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}]+(?:(?<=(?<![\p{L}\p{M}])(?:Mc|Mac|Fitz|De|Di|Da|Du|Le|La))\p{Lu}[\p{Ll}\p{M}]+)?(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*)(?![\p{L}\p{M}\p{N}])/u;
const PARAMETER_NAME = /[?&;]([^=?&;]+)=$/u;
const PARAMETER_KINDS = URL_PARAMETER_KINDS.map(([kind, names]) => [kind, new RegExp(`^(?:${names})$`, 'iu')] as const);
const CAPITALISED_STREET_WORD = /^\p{Lu}/u;
/** A word written with a capital and then lower case (`The` in `5 The Crescent`), as street names are and counted things are not. */
const CAPITALISED_ONLY_FIRST = /^\p{Lu}\p{Ll}/u;
/** Suffixes that name a street even after a word in lower case (`9 orchard close`); `drive`, `way`, `park`… are too often other words. */
const LOWER_CASE_SUFFIX = /^(?:road|street|avenue|close|grove|crescent|gardens|terrace|mews)$/u;
/** Words that follow a number without naming a street (`a 2 way street`, `a 3 bed terrace`). */
const COUNTED_WORDS = new Set(
  'a an and the of in on at to for by with from or but my our your his her their this that these those is are was were be been has have had not no any all some each every per way ways lane lanes mile miles minute minutes min mins hour hours hr hrs bed beds bedroom bedroomed storey story seater door star day days week weeks month months year years time times people person car cars bus buses page pages point points step steps foot feet metre metres meter meters yard yards room rooms floor floors house houses flat flats'.split(
    ' ',
  ),
);
const WHOLE_PHONE = new RegExp(`^(?:${PHONE})$`, 'u');
const LEADING_LOCAL_PUNCTUATION = new RegExp(`^[${LOCAL_PUNCTUATION}]*`, 'u');
const HANDLE_HEAD_END = /[.@\uFF20]/u;
const TIME_OF_DAY = /^\d{1,2}(?:\.\d{2})?(?:am|pm)?$/i;
const NHS_CONTEXT = /(?<![\p{L}\p{N}])(?:nhs|chi|patients?|hospital|numbers?|num|no[.:]|n[º°]|№)(?![\p{L}])/iu;
const NHS_CONTEXT_BEFORE = 40;
const NHS_CONTEXT_AFTER = 30;

interface Replacement {
  text: string;
  kind: PersonalDataKind | null;
  /** How many characters after the match the replacement covers too (a mention's surname). */
  beyond?: number;
  /** How many characters before the match the replacement covers too (a house's name before its house word). */
  behind?: number;
  /** How many details the replacement stands for, when more than one (a sort code and its account number). */
  times?: number;
}

interface Settings {
  enabled: ReadonlySet<PersonalDataKind>;
  keptHandles: ReadonlySet<string>;
}

/**
 * Replaces the personal data in `text` with tokens: `[email]`, `[phone]`, `[postcode]`,
 * `[NHS number]`, `[handle]`, `[name]`, `[address]`, `[date of birth]`, `[NI number]`,
 * `[case number]`, `[IP address]`. Pure and
 * deterministic.
 *
 * What counts as each kind:
 * - e-mail: `local@domain.tld` (Unicode letters allowed; `＠` too), and the spam-proofed
 *   `jo [at] example [dot] com` / `jo(at)example.com`. Punctuation before the address stays.
 * - phone: UK numbers starting `01`, `02`, `03`, `05` or `07` with 9 or 10 digits after the `0`
 *   (also read out in words, as a transcript writes them: `oh seven seven double oh nine…`, or
 *   half in words and half in figures: `oh seven seven double one 234 567`),
 *   or the same after `+44` / `0044` (with or without `(0)` or `0`), written solid or with spaces,
 *   dashes, dots or brackets; never part of a longer digit run. The first group after the `0`
 *   has at least two digits, so dates (`01-02-2014`), money and years never match. 08 and 09
 *   service numbers are organisations' and stay.
 * - postcode: a full UK postcode with or without its space, any case (`SW1A 1AA`, `m1 1ae`,
 *   `B338TH`), using the position-specific letter rules of the Royal Mail format, standing
 *   alone (not inside a longer word). Outward codes alone (`SW1`, `M1`) are districts and stay.
 * - NHS number: 10 digits solid or as `3 3 4`, `3 4 3` or `4 3 3` (spaces, dashes, dots or
 *   slashes), not inside a longer number, replaced when (a) the modulus 11 check digit is valid,
 *   or (b) it is written 3-3-4 with two spaces or dashes, or (c) a context word (`NHS`, `CHI`, `patient`, `hospital`,
 *   `number`, `num`, `no.`, `nº`, `№`) is within 40 characters before or 30 after. A solid
 *   10-digit run with none of these (an order number, a timestamp) stays unless it is a UK phone.
 * - name: a person's name, found by {@link findPersonNames} (compromise's people detection and
 *   the patterns feedback uses: `Mr Okafor`, `I'm Liam`, `Thanks, Priya`, `our care coordinator
 *   Julie Barnes`), except names on `policy.keepNames`. Runs after the other kinds.
 * - handle: `@name` (letters, digits, `_`, and `.` before a letter: `@jo.smith`), `＠name`, and
 *   fediverse `@name@server.tld`, wherever the `@` is, with the surname of a mention by first name
 *   (`@Tariq Mahmood`, as WhatsApp and Facebook write one; not `@Dave Leeds`), except inside an e-mail address, a time
 *   (`@10am`, `@9.30pm`) and the handles on `policy.keepHandles` (case-insensitive); and an
 *   account written without its `@` after words that say it is one (`my twitter is jsmith_77`,
 *   `find me on insta as …`, `follow me on tiktok …`) when it has a handle's marks (a digit, `_`,
 *   `.`, a capital inside) or is no common word (`my twitter is down` stays); a Reddit user as
 *   Reddit writes a mention (`u/jsmith_77`, `/u/name`; not an age group such as `u/18s`); an
 *   account in a profile link (Facebook, X/Twitter, Instagram, TikTok, Threads, LinkedIn, YouTube,
 *   Reddit, Bluesky, a Mastodon address's `https://server/users/…`); a Bluesky handle on
 *   `bsky.social` without its `@` (`samcares.bsky.social`); and an account's DID (`did:plc:…`).
 * - address: a house number and a street (`14 Acacia Avenue`), or a house's name and a street
 *   (`Rose Cottage, Mill Lane`, `The Old Bakery, High Street`), also a name with no house word
 *   where an address is written (`lives at Springfield, Mill Road`, `Meadow View, Church Road` alone
 *   on a line, but no shop: `Tesco Extra, Station Road`; see {@link namedHouseStart}), and a house's
 *   name with no street where a sentence says someone lives there (`we moved to Meadow View last
 *   year`, `Dad moved into Fern Bank`, `we moved into Bryn Awel`; see {@link cuedHouseStart} and
 *   {@link welshHouseStart}); a house named `… Bank` is no bank of things or bank
 *   (`Food Bank`, `Barclays Bank`).
 * - date of birth: a date with its day, month and year in figures or words after `DOB`,
 *   `date of birth`, `birth date`, `born (on)` or `birthday`; the words stay. With no such word, a
 *   date set off in brackets, commas or dashes right after a relation or a title and a name
 *   (`my mum (12/03/1938)`, `Mr X, 04.05.1941,`), or right after a name redacted on the pass before
 *   that opens its clause (`Margaret, 12/03/1938, was…`; see {@link isSetOffBirthDate}). Other dates stay.
 * - NI number: two letters, three pairs of digits and a letter A to D, spaced or solid; without the
 *   last letter, or in lower case with spaces, only after `NI`, `NINO` or `national insurance`.
 * - IP address: four dotted parts of 0 to 255 (see {@link isIpAddress}), or an IPv6 address in
 *   full or shortened with `::` (see {@link isIpv6Address}).
 *
 * A kind missing from `policy.kinds` is still recognised (so its text is never misread as
 * another kind) but left as written. The result is idempotent: the replacement is repeated
 * until nothing changes, so redacting the result again changes nothing. Every pattern runs in
 * time linear in the text's length.
 */
export function redactPersonalData(text: string, policy: RedactionPolicy = DEFAULT_REDACTION_POLICY): RedactionResult {
  const settings: Settings = {
    enabled: policy.kinds,
    keptHandles: new Set(policy.keepHandles.map((handle) => handle.slice(1).toLowerCase())),
  };
  const counts: Partial<Record<PersonalDataKind, number>> = {};
  let current = text;
  for (;;) {
    let next = redactCuedHouses(redactHandlesBeforePlatforms(redactOnce(current, settings, counts), settings, counts), settings, counts);
    if (settings.enabled.has('name')) next = redactNames(next, policy.keepNames ?? [], counts);
    if (next === current) return { text: current, counts };
    current = next;
  }
}

/**
 * Welsh words a house's name starts with, the word for the house or the land it stands on coming
 * first in Welsh (`Tŷ Gwyn`, `Bryn Awel`, `Bwthyn Rhos`, `Hafod Lon`); a name with a small word
 * in it (`Gwel y Môr`) is not read.
 */
const WELSH_HOUSE_WORD = 'Tŷ|Ty|Bryn|Bwthyn|Hafod|Hafan|Bron|Gwel|Maes|Tyddyn|Bythynnod';

/** Words a house's name ends with where a sentence says someone lives there (see {@link CUED_HOUSE}). */
const CUED_HOUSE_WORDS = `${HOUSE_WORD}|View|Rise|Croft|Dene|Lea|Mount|Nook|Garth|Holme|Hurst|Haven|Knoll|Paddocks?|Meadows?|Orchard|Grange|Manor|Forge|Mill|Stables|Bank`;
/**
 * The word a house's name ends with where a sentence says someone lives there with no street after
 * it (`lives at Rose Cottage now`, `moved to Meadow View last year`, `We live at The Old Forge`),
 * capitalised as written: a house word, or a word houses are named with and streets seldom are
 * (`View`, `Rise`, `Croft`, `Grange`, `Bank`); `Old` and the word after it for `The Old …`; or a
 * Welsh house's whole name, its house word first (`Bryn Awel`, `Tŷ Gwyn`). A pass of its
 * own, in letter case, so that it is tried only at a capital; whether the words before it are a
 * house where someone lives is decided by {@link cuedHouseStart}.
 */
const CUED_HOUSE: GuardedRegExp = {
  pattern: new RegExp(
    `(?<![${WORD}])(?:Old[ \\t]+\\p{Lu}\\p{Ll}+|${CUED_HOUSE_WORDS}` +
      `|(?<welsh>${WELSH_HOUSE_WORD})[ \\t]+\\p{Lu}[\\p{Ll}\\p{M}]+(?:[ \\t]+\\p{Lu}[\\p{Ll}\\p{M}]+)?)(?![${WORD}])`,
    'gu',
  ),
  guard: new RegExp(`Old[ \\t]|${CUED_HOUSE_WORDS}|${WELSH_HOUSE_WORD}`, 'u'),
};

/** Every guarded pattern of this module but {@link PERSONAL_DATA}: exported so that tests can hold each guard to its pattern. */
export const GUARDED_PATTERNS: readonly GuardedRegExp[] = [CUED_HOUSE];

/**
 * Words before `Bank` that make it a bank of things, not a house on a bank (`Food Bank`, `Blood
 * Bank`, `Baby Bank`); the banks themselves are organisations (`Barclays Bank`, `Metro Bank`, see
 * {@link startsWithOrganisation}). A house is named after what grows on the bank or its look
 * (`Fern Bank`, `Holly Bank`, `Moss Bank`, `Heather Bank`).
 */
const BANK_HOLDS = new Set(
  'food foods foodbank baby babies blood clothes clothing uniform uniforms school furniture toy toys tool tools book books hygiene period data time memory milk seed seeds bed beds warm community world central national savings investment merchant river west south north east left sperm eye tissue bone breast skills job jobs carbon land sand hope the'.split(
    ' ',
  ),
);

/** Replaces the houses {@link CUED_HOUSE} finds, with the words of their names before them, by `[address]`. */
function redactCuedHouses(text: string, settings: Settings, counts: Partial<Record<PersonalDataKind, number>>): string {
  if (!settings.enabled.has('address')) return text;
  let output = '';
  let copiedUpTo = 0;
  for (const match of guardedMatches(text, CUED_HOUSE)) {
    const end = match.index + match[0].length;
    const before = text.slice(Math.max(0, match.index - 80), match.index);
    const behind =
      match.groups?.['welsh'] === undefined ? cuedHouseStart(match[0], before, text.slice(end)) : welshHouseStart(before, text.slice(end));
    if (behind === null || match.index - behind < copiedUpTo) continue;
    output += text.slice(copiedUpTo, match.index - behind) + REDACTION_TOKENS.address;
    copiedUpTo = end;
    counts.address = (counts.address ?? 0) + 1;
  }
  return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
}

/** Replaces the handles written before `on insta` and the like ({@link HANDLE_BEFORE_PLATFORM}) with `[handle]`. */
function redactHandlesBeforePlatforms(text: string, settings: Settings, counts: Partial<Record<PersonalDataKind, number>>): string {
  if (!settings.enabled.has('handle') || !ON_PLATFORM.test(text)) return text;
  let kept = 0;
  const replaced = text.replace(HANDLE_BEFORE_PLATFORM, (handle) => {
    if (!isHandleOfPerson(handle, settings)) return handle;
    kept += 1;
    return REDACTION_TOKENS.handle;
  });
  if (kept > 0) counts.handle = (counts.handle ?? 0) + kept;
  return replaced;
}

/** Replaces the people's names {@link findPersonNames} finds with `[name]`. */
function redactNames(text: string, keepNames: readonly string[], counts: Partial<Record<PersonalDataKind, number>>): string {
  const spans = findPersonNames(text, keepNames);
  if (spans.length === 0) return text;
  let output = '';
  let copiedUpTo = 0;
  for (const span of spans) {
    output += text.slice(copiedUpTo, span.start) + REDACTION_TOKENS.name;
    copiedUpTo = span.end;
  }
  counts.name = (counts.name ?? 0) + spans.length;
  return output + text.slice(copiedUpTo);
}

/**
 * One left-to-right pass. Each replacement removes at least one digit, `@` or `[at]`, or a word
 * right after the words that call for it (a house's name, an account after `my twitter is`),
 * which a token then follows and never matches, and tokens hold none, so repeating passes until
 * the text stops changing always ends; a second pass is needed only when a replacement freed a
 * neighbour (`SW1A 1AA07700 900123`).
 */
function redactOnce(text: string, settings: Settings, counts: Partial<Record<PersonalDataKind, number>>): string {
  let output = '';
  let copiedUpTo = 0;
  for (const match of PERSONAL_DATA.matches(text)) {
    if (match.index < copiedUpTo) continue;
    const replacement = replace(match, text, settings);
    if (replacement.kind === null) continue;
    output += text.slice(copiedUpTo, Math.max(copiedUpTo, match.index - (replacement.behind ?? 0))) + replacement.text;
    copiedUpTo = match.index + match[0].length + (replacement.beyond ?? 0);
    counts[replacement.kind] = (counts[replacement.kind] ?? 0) + (replacement.times ?? 1);
  }
  return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
}

function replace(match: RegExpExecArray, text: string, settings: Settings): Replacement {
  const found = match[0];
  const groups = match.groups ?? {};
  if (groups['email'] !== undefined) {
    const leading = LEADING_LOCAL_PUNCTUATION.exec(found)?.[0] ?? '';
    return token('email', settings, leading);
  }
  if (groups['spacedHandleMatch'] !== undefined) {
    return isHandleOfPerson(groups['spacedHandle'] ?? found, settings) ? token('handle', settings) : KEEP;
  }
  if (groups['spelledEmail'] !== undefined) {
    return isDisguisedEmail(found) ? token('email', settings) : KEEP;
  }
  if (groups['providerEmail'] !== undefined) {
    return LOCAL_PART_MARKS.test(groups['providerLocal'] ?? '') ? token('email', settings) : KEEP;
  }
  if (groups['accountDid'] !== undefined) {
    return token('handle', settings);
  }
  if (groups['blueskyHandle'] !== undefined) {
    return isHandleOfPerson(found, settings) ? token('handle', settings) : KEEP;
  }
  if (groups['profile'] !== undefined) {
    const account = groups['postAccount'] ?? found.replace(/^@/u, '');
    return isHandleOfPerson(account, settings) ? token('handle', settings) : KEEP;
  }
  if (groups['parameter'] !== undefined) {
    const name = PARAMETER_NAME.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[1] ?? '';
    const kind = PARAMETER_KINDS.find(([, names]) => names.test(name))?.[0] ?? 'name';
    return token(kind, settings);
  }
  if (groups['spokenNumber'] !== undefined) {
    const length = spokenPhoneLength(found);
    if (length === 0) return KEEP;
    const replacement = token('phone', settings);
    return replacement.kind === null ? KEEP : { ...replacement, text: replacement.text + found.slice(length) };
  }
  if (groups['houseByNumber'] !== undefined) {
    return isHomeBefore(text.slice(Math.max(0, match.index - HOME_BEFORE_REACH), match.index)) ? token('address', settings) : KEEP;
  }
  if (groups['address'] !== undefined) {
    return isStreetAddress(groups['street'] ?? '', groups['suffix'] ?? '') ? token('address', settings) : KEEP;
  }
  if (groups['unsuffixedStreet'] !== undefined) {
    const number = groups['theNumber'];
    if (number !== undefined && !isHouseNumberBefore(text.slice(Math.max(0, match.index - 20), match.index))) return KEEP;
    const street = STREET_AFTER_COMMA.exec(text.slice(match.index + found.length, match.index + found.length + 80));
    return street === null ? token('address', settings) : { ...token('address', settings), beyond: street[0].length };
  }
  if (groups['houseAddress'] !== undefined) {
    const behind = houseNameStart(groups['house'] ?? '', text.slice(Math.max(0, match.index - 60), match.index));
    return behind !== null && isStreetAddress(groups['houseStreet'] ?? '', groups['houseSuffix'] ?? '')
      ? { ...token('address', settings), behind: withFlatBefore(text, match.index, behind) }
      : KEEP;
  }
  if (groups['namedHouse'] !== undefined) {
    const street = `${groups['namedStreet'] ?? ''}${groups['namedSuffix'] ?? ''}`;
    if (!CAPITALISED_STREET.test(street)) return KEEP;
    const behind = namedHouseStart(text.slice(Math.max(0, match.index - 80), match.index), text.slice(match.index + found.length));
    return behind === null ? KEEP : { ...token('address', settings), behind: withFlatBefore(text, match.index, behind) };
  }
  if (groups['dateOfBirth'] !== undefined) {
    return token('date-of-birth', settings, groups['birthContext'] ?? '');
  }
  if (groups['setOffDate'] !== undefined) {
    return isSetOffBirthDate(found, match.index, text) ? token('date-of-birth', settings) : KEEP;
  }
  if (groups['caseNumber'] !== undefined) {
    const id = groups['caseId'] ?? '';
    const context = groups['caseContext'] ?? '';
    const idStart = match.index + context.length;
    const card = CARD_NUMBER_AT_START.exec(text.slice(idStart, idStart + 24))?.[0] ?? '';
    const cardLong = cardLength(card, text.slice(Math.max(0, idStart - CARD_CONTEXT_BEFORE), idStart));
    if (cardLong >= id.length) return { ...token('card-number', settings, context), beyond: cardLong - id.length };
    const digits = id.replace(/[ \t]/gu, '');
    return token(isValidNhsNumber(digits) || /^\d{10}$/u.test(digits) ? 'nhs-number' : 'case-number', settings, context);
  }
  if (groups['niNumber'] !== undefined) {
    return isNiNumber(found, match.index, text) ? token('ni-number', settings) : KEEP;
  }
  if (groups['namedHandle'] !== undefined) {
    const context = groups['handleContext'] ?? '';
    const name = found.slice(context.length);
    const marked = HANDLE_MARKS.test(name);
    if (
      WEB_ADDRESS.test(name) ||
      (groups['bylineLabel'] !== undefined && !marked) ||
      !(
        marked ||
        (groups['platformLabel'] === undefined && isNameLikeWord(name)) ||
        (groups['platformLabel'] !== undefined &&
          isLabelledLowerCaseHandle(name, text.slice(match.index + found.length, match.index + found.length + 20)))
      ) ||
      !isHandleOfPerson(name, settings)
    ) {
      return KEEP;
    }
    const replacement = token('handle', settings, context);
    const surname = MENTIONED_NAME.test(name)
      ? SURNAME_AFTER.exec(text.slice(match.index + found.length, match.index + found.length + 60))
      : null;
    return surname !== null && isNameLikeWord(surname[1] ?? '') ? { ...replacement, beyond: surname[0].length } : replacement;
  }
  if (groups['handle'] !== undefined) {
    if (!isHandleOfPerson(found.slice(1), settings)) return KEEP;
    const replacement = token('handle', settings);
    const surname = MENTIONED_NAME.test(found.slice(1))
      ? SURNAME_AFTER.exec(text.slice(match.index + found.length, match.index + found.length + 60))
      : null;
    return surname !== null && isNameLikeWord(surname[1] ?? '') ? { ...replacement, beyond: surname[0].length } : replacement;
  }
  if (groups['redditUser'] !== undefined) {
    return isHandleOfPerson(found.replace(REDDIT_USER_HEAD, ''), settings) ? token('handle', settings) : KEEP;
  }
  if (groups['ipv4'] !== undefined || groups['ipv6'] !== undefined) {
    const end = match.index + found.length;
    const before = text.slice(Math.max(0, match.index - IP_CONTEXT_BEFORE), match.index);
    const after = text.slice(end, end + IP_CONTEXT_AFTER);
    const isAddress = groups['ipv4'] !== undefined ? isIpAddress(found, before, after) : isIpv6Address(found, before, after);
    return isAddress ? token('ip-address', settings) : KEEP;
  }
  if (groups['vehicleRegistration'] !== undefined) {
    const cue = groups['vehicleCue'];
    if (cue === undefined && !CURRENT_PLATE_IN_CAPITALS.test(groups['plate'] ?? '')) return KEEP;
    return token('vehicle-registration', settings, cue ?? '');
  }
  if (groups['iban'] !== undefined) {
    const length = ibanLength(found);
    return length === 0 ? KEEP : { ...token('bank-details', settings), beyond: length - found.length };
  }
  if (groups['bankDetails'] !== undefined) {
    const first = found.search(/\d/u);
    const replacement = token('bank-details', settings);
    if (replacement.kind === null) return KEEP;
    let times = 0;
    const numbers = found.slice(first).replace(BANK_NUMBER, () => {
      times += 1;
      return replacement.text;
    });
    return { ...replacement, text: found.slice(0, first) + numbers, times };
  }
  if (groups['cardNumber'] !== undefined) {
    const length = cardLength(found, text.slice(Math.max(0, match.index - CARD_CONTEXT_BEFORE), match.index));
    return length === 0 ? KEEP : { ...token('card-number', settings), beyond: length - found.length };
  }
  if (groups['tenDigits'] !== undefined) {
    if (isNhsNumber(found, match.index, text)) return token('nhs-number', settings);
    return WHOLE_PHONE.test(found) ? token('phone', settings) : KEEP;
  }
  if (groups['phone'] !== undefined) {
    const opening = found.startsWith('(') && count(found, '(') > count(found, ')') ? '(' : '';
    return token('phone', settings, opening);
  }
  return token('postcode', settings);
}

const KEEP: Replacement = { text: '', kind: null };

/**
 * True when four dotted numbers of 0 to 255 (`81.2.69.160`) are an IP address. Never right after
 * words that say they number a part of a document or a release (`paragraph 3.2.1.4`, `version
 * 4.2.1.0`, `firmware 2.0.1.7`) unless those are `IP number`; always after words that say it is one,
 * however far back in the clause (`my IP was`, `the router's address`, `logged in from`), or before
 * them (`8.8.4.4 is the IP`); never when the first part is 0 (`0.5.0.1`); otherwise with a port or a
 * network's size after it (`10.127.16.2:9092`, `10.0.0.0/8`), a part of 100 or more
 * (`192.168.0.1`), since a document's parts, cited bare (`see 4.2.1.13`, `points 2.10.3.4`), are
 * numbered lower, or after words that may say so (`from`, `address`) with a first part of two digits
 * or more (`requests from 10.0.0.12`, but `from 3.1.4.2 of the strategy`).
 */
export function isIpAddress(found: string, before: string, after = ''): boolean {
  if (NUMBERED_PART_BEFORE.test(before) && !IP_NUMBER_BEFORE.test(before)) return false;
  if (IP_CUE_BEFORE.test(before) || IP_CUE_AFTER.test(after)) return true;
  const parts = found.split('.');
  if (parts[0] === '0') return false;
  if (PORT_OR_NETWORK_AFTER.test(after) || parts.some((part) => part.length === 3)) return true;
  return (parts[0] ?? '').length >= 2 && IP_HINT_BEFORE.test(before);
}

/** A port (`:9092`) or a network's size (`/24`) right after an IPv4 address. */
const PORT_OR_NETWORK_AFTER = /^(?::\d{1,5}|\/\d{1,2})(?!\d)/u;

/**
 * True when a run of hexadecimal groups and colons is an IPv6 address: eight groups, or fewer with
 * one `::`, with a digit among them; shortened, it needs three groups or more or one of four digits
 * (`2001:db8::1`, `fe80::1ff:fe23:4567:890a`; not `ab::cd`, `dead::beef`) unless words around it
 * say it is an address (`IPv6 ::1`, `the server on ::1`, `::1 is my IP`).
 */
export function isIpv6Address(found: string, before = '', after = ''): boolean {
  if (!/\d/u.test(found) || found.indexOf('::') !== found.lastIndexOf('::')) return false;
  const groups = found.split(/::?/u).filter((group) => group !== '');
  if (!found.includes('::')) return groups.length === 8;
  if (groups.length > 7) return false;
  if (groups.length >= 3 || groups.some((group) => group.length === 4)) return true;
  return IP_CUE_BEFORE.test(before) || IP_CUE_AFTER.test(after);
}

/**
 * True when digits {@link CARD_NUMBER} found are a payment card's number: they pass the Luhn check
 * (see {@link passesLuhn}), no words right before them say they are another number (`Order number`,
 * `Invoice`, `Serial number`, `ISBN`, `IMEI`; see {@link OTHER_NUMBER_BEFORE}), and they are not
 * four years in a row (`2019 2020 2021 2022`). A word saying it is a card is needed only for a
 * solid run of more than 16 digits or a number starting 1, 7, 8 or 9 (see {@link CARD_WORD_BEFORE}):
 * a number of 13 to 16 digits starting 2 to 6, as the banks' cards do, passes the check one time in
 * ten, and a card's number is written with no word before it as often as with one.
 */
function isCardNumber(found: string, before: string): boolean {
  const digits = found.replace(/\D/gu, '');
  if (!passesLuhn(digits) || OTHER_NUMBER_BEFORE.test(before)) return false;
  if ((/^[1789]/u.test(digits) || (digits.length > 16 && digits === found)) && !CARD_WORD_BEFORE.test(before)) return false;
  const groups = found.split(/[ \u00a0-]/u);
  return groups.length === 1 || !groups.every((group) => YEAR.test(group));
}

/**
 * How many characters of digits {@link CARD_NUMBER} found are a card's number (see
 * {@link isCardNumber}), or 0 when none: all of them, or all but a last short group when 13
 * digits or more are left, since a figure written after a card's number may read as one more
 * group (`4111 1111 1111 1111 2 days ago`).
 */
function cardLength(found: string, before: string): number {
  if (found === '') return 0;
  if (isCardNumber(found, before)) return found.length;
  const shorter = /^(.*\d)[ \u00a0-]\d{1,3}$/u.exec(found)?.[1];
  return shorter !== undefined && shorter.replace(/\D/gu, '').length >= 13 && isCardNumber(shorter, before) ? shorter.length : 0;
}

function token(kind: PersonalDataKind, settings: Settings, before = ''): Replacement {
  return settings.enabled.has(kind) ? { text: before + REDACTION_TOKENS[kind], kind } : KEEP;
}

function isHandleOfPerson(name: string, settings: Settings): boolean {
  if (TIME_OF_DAY.test(name)) return false;
  const lower = name.toLowerCase();
  const head = lower.split(HANDLE_HEAD_END, 1)[0] ?? lower;
  return !settings.keptHandles.has(lower) && !settings.keptHandles.has(head);
}

const SPOKEN_PART = /[a-z]+|\d+/giu;

/**
 * How many characters of a number read out make a UK phone number, taking the longest start of it
 * that does and has a word in it (`oh seven seven double one 234 567` stands for `07711234567`; a
 * figure said after the number is left), or 0 when no start of it is one. Figures alone are left
 * to {@link PHONE}, whose rules keep dates and times (`01-02-2014 10`).
 */
function spokenPhoneLength(spoken: string): number {
  let digits = '';
  let times = 1;
  let length = 0;
  let inWords = false;
  for (const part of spoken.matchAll(SPOKEN_PART)) {
    const word = part[0].toLowerCase();
    inWords ||= /^\p{L}/u.test(word);
    if (word === 'double') times = 2;
    else if (word === 'triple' || word === 'treble') times = 3;
    else {
      digits += (DIGIT_WORDS[word] ?? word).repeat(times);
      times = 1;
      if (inWords && WHOLE_PHONE.test(digits)) length = part.index + part[0].length;
    }
  }
  return length;
}

/**
 * How many characters before the house word {@link HOUSE_ADDRESS} found are its house's name:
 * the one or two capitalised words right before it that are no small word but `The` (`Rose ` in
 * `at Rose Cottage`, `Ivy ` in `Ivy House Farm`, `The ` in `2 The Cottages`, not `At`), or 0 for
 * `The Old …`; null when the house word is in lower case or has no name before it (`my cottage,
 * Mill Lane`, `the House, Mill Lane`).
 */
function houseNameStart(house: string, before: string): number | null {
  if (THE_OLD.test(house)) return 0;
  if (!CAPITALISED_STREET_WORD.test(house)) return null;
  const words = HOUSE_NAME_START.exec(before)?.[0].split(/(?<=[ \t])(?=[^ \t])/u) ?? [];
  const name = words.filter((word, index) =>
    words.slice(index).every((next) => next.trim() === 'The' || !COUNTED_WORDS.has(next.trim().toLowerCase())),
  );
  return name.length === 0 ? null : name.join('').length;
}

/** A name redacted right before a bracket, as the pass after the names' is given it (`[name] (`). */
const NAME_REDACTED_BEFORE = new RegExp(`${REDACTION_TOKENS.name.replace(/[[\]]/gu, '\\$&')}[ \t]*$`, 'u');
const OPENING_MARK = /([(,\-\u2013\u2014])[ \t]{0,2}$/u;
const CLOSING_MARK = /^[ \t]*([),;.\-\u2013\u2014])/u;

/**
 * True when a date {@link SET_OFF_DATE} found is someone's birth date: a person is named right
 * before its opening mark (`my mum (12/03/1938)`, `Mr X, 04.05.1941,`, `Dad - 1 Jan 1935 -`; see
 * {@link endsWithPersonMention}) or a name redacted on the pass before, in brackets (`Jane Smith
 * (03/04/1951)`) or, between commas or dashes, opening its clause or after a relation
 * (`Margaret, 12/03/1938, was…`, `Re: [name], …`, `my dad Ron, 4 May 1940,`), and it closes as it
 * opened, a bracket with a bracket and a comma or a dash with a comma, a dash or the sentence's
 * end. Dates after anything else stay (`The review, 04.05.2021, was…`, `My mum's assessment
 * (12/03/2024)`, `I spoke to Karen, 12/03/2024,`), as do dates after a greeting, which are a
 * letter's (`Dear Sir, 12/03/2024,`, `Dear Dr Shah, 14/02/2024,`).
 */
function isSetOffBirthDate(found: string, start: number, text: string): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const opening = OPENING_MARK.exec(before);
  const closing = CLOSING_MARK.exec(text.slice(start + found.length, start + found.length + 4))?.[1];
  if (opening === null || closing === undefined || (opening[1] === '(') !== (closing === ')')) return false;
  const person = before.slice(0, opening.index);
  if (ADDRESSED.test(person)) return false;
  const named = NAME_REDACTED_BEFORE.exec(person);
  if (named === null) return endsWithPersonMention(person);
  const preceding = person.slice(0, named.index);
  return opening[1] === '(' || CLAUSE_START.test(preceding) || endsWithPersonMention(preceding);
}

/** A person greeted before a date set off after them, as a letter's date follows its addressee (`Dear Dr Shah, 14/02/2024,`). */
const ADDRESSED =
  /(?<![\p{L}])(?:[Dd]ear|[Hh]i|[Hh]ello|[Hh]iya|[Tt]o|[Aa]ttn)[ \t:,]+(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+){0,2}\p{Lu}[\p{L}\p{M}'’.-]*[ \t]*$/u;
/** Where a clause starts: the text's or a line's start, a sentence's end, or a label's colon (`Re:`, `Patient:`). */
const CLAUSE_START = /(?:^|[\n.!?:;])[ \t]*$/u;

/** A street of capitalised words only (`Church Road`, `High Street`). */
const CAPITALISED_STREET = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]*[ \t]+){1,3}\p{Lu}\p{Ll}+$/u;
/** Up to three capitalised words right before the comma, after `The` if any (`Meadow View`, `The Willows`). */
const NAMED_HOUSE = /(?<![\p{L}\p{M}\p{N}'’-])(?:The[ \t]+)?(?:\p{Lu}[\p{Ll}\p{M}'’-]+[ \t]+){0,2}\p{Lu}[\p{Ll}\p{M}'’-]+$/u;
/** What stands before an address line: nothing on its line, or a label (`Address:`, `Home -`). */
const LINE_START = /(?:^|\n)[ \t]*(?:(?:[Hh]ome|(?:[Mm]y[ \t]+|[Oo]ur[ \t]+)?[Aa]ddress)[ \t]*[:\-][ \t]*)?$/u;
/** Words saying that a place named after them is where someone lives or is written to (`lives at`, `moved to`, `moved into`, `write to me at`, `my address is`). */
const ADDRESS_CUE =
  /(?<![\p{L}])(?:(?:live[sd]?|living|moved?|moving|write|send|sent|post|deliver|come|comes|came|visit|visits|visited|contact|contacted)(?:[ \t]+[\p{L}'’]+){0,2}[ \t]+(?:at|to)|(?:moved?|moves|moving)(?:[ \t]+(?:back|in|out))?[ \t]+into|address(?:[ \t]+is|[ \t]*:)|home[ \t]*:|(?:live[sd]?|living)[ \t]+in)[ \t]+$/iu;
/** After a street that ends an address line: the line's or the text's end, or a comma and a town (`, Thirsk`, `, near Malton`). */
const LINE_END = /^[ \t]*(?:[.;]?[ \t]*(?:\n|$)|,[ \t]*(?:near[ \t]+)?\p{Lu})/u;
/** Words ending a name that is a service, an institution or a business, not a house (`Riverside Surgery`, `Park Farm Day Services`). */
const INSTITUTION_WORD =
  /^(?:Centre|Center|Surgery|Hospital|Infirmary|Practice|Services?|Church|Chapel|Mosque|Temple|School|College|University|Library|Ward|Unit|Trust|Council|Club|Hall|Group|Society|Association|Pharmacy|Chemist|Clinic|Hospice|Home|Shop|Store|Stores|Superstore|Supermarket|Extra|Express|Metro|Local|Bank|Station|Office|Team|Hub|Market|Cafe|Café|Pub|Inn|Hotel|Theatre|Museum|Park|Partnership|Foundation|Charity|Project|Network|Forum|Care|Carers)$/u;

/**
 * How many characters before a comma and a street ({@link NAMED_HOUSE_STREET}) are a house named
 * with no house word, or null when they are none: up to three capitalised words (`Meadow View`,
 * `The Willows`), not ending in a word that names a service, an institution or a business
 * (`Riverside Surgery`, `The Carers Centre`) or in a word only streets end in (`Cemetery Road, Russellville
 * Road`, a list of streets), where an address is written: after words saying so
 * (`lives at`, `moved to`, `write to me at`, `my address is`), with the street not going on with
 * another capitalised word (`Queen Street Hospital`), or alone at a line's start (after
 * `Address:` or `Home:` if any) as an address line, with the street ending the line or followed by
 * a town (`The Willows, Station Road, Malton`). A shop or a town before a street in a sentence
 * stays (`Boots, High Street, has stopped…`, `Leeds, Otley Road and Headingley`, `We met at
 * Tesco, Station Road, in the cafe`).
 */
function namedHouseStart(before: string, after: string): number | null {
  const name = NAMED_HOUSE.exec(before)?.[0];
  if (name === undefined) return null;
  const words = name.split(/[ \t]+/u);
  const last = words[words.length - 1] ?? '';
  const houseOnBank = last === 'Bank' && words.length === 2 && !BANK_HOLDS.has((words[0] ?? '').toLowerCase());
  if ((INSTITUTION_WORD.test(last) && !houseOnBank) || ROAD_WORD.test(last) || words.some((word) => NOT_A_HOUSE.has(word.toLowerCase())))
    return null;
  if (startsWithOrganisation(name.replace(/^The[ \t]+/u, ''))) return null;
  const preceding = before.slice(0, before.length - name.length);
  if (ADDRESS_CUE.test(preceding)) return /^[ \t]+\p{Lu}/u.test(after) ? null : name.length;
  return LINE_START.test(preceding) && LINE_END.test(after) ? name.length : null;
}

/** A comma and a street, after which a house's name is left to {@link NAMED_HOUSE_STREET} and {@link HOUSE_ADDRESS} (`Meadow View, Church Road`). */
const STREET_AFTER_COMMA = new RegExp(`^,[ \\t]*(?:[\\p{L}'’\\-]+[ \\t]+){1,3}(?:${STREET_SUFFIX})\\.?(?![${WORD}])`, 'iu');
/** What follows a house's name that makes it a service or an institution rather than a home (`Park House care home`, `Hope House hospice`). */
const INSTITUTION_AFTER =
  /^[ \t]*(?:\p{Lu}|(?:care|nursing|residential|respite|day|hospice|unit|ward|surgery|hospital|clinic|practice|school|centre|center|hotel|pub|inn|cafe|café|shop|store)(?![\p{L}]))/u;

/**
 * How many characters before the last word of a house's name that {@link CUED_HOUSE} found are the
 * rest of its name, or null when it is no home's name: one or two capitalised words before it that
 * are no small word (`Rose ` before `Cottage`, `Meadow ` before `View`), or `The ` before `Old …`,
 * right after words saying that someone lives or is written to there (`lives at`, `moved to`,
 * `come out to`, `send the forms to`, `my address is`; see {@link ADDRESS_CUE}), with no other
 * capitalised word after it and no word naming a service (`Oak Lodge Day Centre`, `Park House care
 * home`, `Hope House hospice`), and not starting with an organisation (`Lloyds Farm`, see
 * {@link startsWithOrganisation}). `We moved to Leeds`, `We visited Chatsworth House` stay.
 */
function cuedHouseStart(house: string, before: string, after: string): number | null {
  if (!CAPITALISED_ONLY_FIRST.test(house) || INSTITUTION_AFTER.test(after) || STREET_AFTER_COMMA.test(after)) return null;
  if (house === 'Bank' && (POSSESSIVE_AFTER.test(after) || BANK_HOLDS.has((/(\p{L}+)[ \t]+$/u.exec(before)?.[1] ?? '').toLowerCase())))
    return null;
  const theOld = /^Old[ \t]/u.test(house);
  const behind = theOld ? (/(?<![\p{L}\p{M}\p{N}])The[ \t]+$/u.exec(before)?.[0].length ?? null) : houseNameStart(house, before);
  if (behind === null || behind === 0) return null;
  const name = before.slice(before.length - behind);
  if (name.split(/[ \t]+/u).some((word) => NOT_A_HOUSE.has(word.toLowerCase())) || startsWithOrganisation(name + house)) return null;
  return ADDRESS_CUE.test(before.slice(0, before.length - behind)) ? behind : null;
}

/** A possessive `'s` after a name: a business's (`Lloyds Bank's old building`). */
const POSSESSIVE_AFTER = /^['’]s(?![\p{L}])/u;

/**
 * 0 when a Welsh house's name ({@link WELSH_HOUSE_WORD} and one or two capitalised words: `Bryn
 * Awel`, `Tŷ Gwyn`) stands where a sentence says someone lives or is written to, with no
 * capitalised word, service or street after it (see {@link cuedHouseStart}); null otherwise.
 */
function welshHouseStart(before: string, after: string): number | null {
  if (INSTITUTION_AFTER.test(after) || STREET_AFTER_COMMA.test(after)) return null;
  return ADDRESS_CUE.test(before) ? 0 : null;
}

/** Street suffixes no house is named with, so that a list of streets is no house and its street (`Cemetery Road, Russellville Road, …`). */
const ROAD_WORD =
  /^(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Place|Terrace|Row|Square|Mews|Parade|Wharf|Yard|Boulevard|Embankment)$/u;

/** Capitalised words that open a sentence or a greeting rather than a house's name (`Thanks, Mill Lane…`). */
const NOT_A_HOUSE = new Set([
  'thanks',
  'hello',
  'hi',
  'dear',
  'yes',
  'no',
  'please',
  'sorry',
  'regards',
  'cheers',
  'ok',
  'well',
  'also',
  'and',
  'but',
  'so',
]);

/**
 * True when a match of {@link NI_NUMBER} is a National Insurance number: after a word that says
 * so (`NI`, `NINO`, `national insurance`) within 40 characters before it; otherwise only with
 * its last letter, and with its first two letters in capitals or written solid (`QQ 12 34 56 C`,
 * `qq123456c`; not `at 10 12 14 a`).
 */
function isNiNumber(found: string, start: number, text: string): boolean {
  if (NI_CONTEXT.test(text.slice(Math.max(0, start - NI_CONTEXT_BEFORE), start))) return true;
  return NI_SUFFIX.test(found) && (NI_IN_CAPITALS.test(found) || NI_SOLID.test(found));
}

/**
 * True when a match of {@link SPELLED_EMAIL} is an address rather than words that look like one:
 * with an `@` it is; with the word `at`, the domain must be spelled (` dot `, spaced dots) or name
 * a mail provider (`jane at gmail.com`), or the local part must be joined (`m.brown at
 * btinternet.com`), and a local part of one word must be no counted or common word (`we are at
 * home dot com`, `I shop at amazon.co.uk` stay).
 */
function isDisguisedEmail(found: string): boolean {
  const at = SPELLED_AT_WORD.exec(found);
  if (at === null) return true;
  const local = found.slice(0, at.index);
  const domain = found.slice(at.index + at[0].length);
  const joined = /[._\-]|[ \t](?:dot|underscore|dash|hyphen)[ \t]/iu.test(local);
  if (!joined && COUNTED_WORDS.has(local.toLowerCase())) return false;
  const spelled = /[ \t]/u.test(domain);
  return spelled || joined || MAIL_PROVIDER.test(domain.split('.', 1)[0] ?? '');
}

/**
 * True when the words between a house number and a street's suffix name a street: each starts
 * with a capital (`14 Acacia Avenue`, `7b Church Street`, `5 The Crescent`) and none is a counted
 * thing in lower case or capitals (`2 way street`, `20 MINUTE DRIVE`), or one word in lower case that is not a
 * counted thing comes before a suffix that is only a street's (`9 orchard close`, not `a 2 way
 * street` or `a 20 minute drive`).
 */
/**
 * How far before a match an address's start goes once a flat's number right before its house's
 * name is taken in with it (`Flat 12, Jubilee House, Ash Road`, where the house's name starts
 * `behind` characters before the match).
 */
function withFlatBefore(text: string, at: number, behind: number): number {
  const start = at - behind;
  const flat = FLAT_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
  return flat === null ? behind : behind + flat[0].length;
}

/**
 * Words after which a number is no house's: a ward, room, bed or band, a page or section, an age,
 * a count, a ranking, a time (`Ward 7 The Oaks`, `section 5 The Rights`, `top 10 The Smiths`, `until 5 The Sidings`); not `at`, `to` or `from`, which come before a house number as often (`we live at 2 The Maltings`).
 */
const NUMBER_OF_SOMETHING =
  /(?<![\p{L}])(?:ward|room|rm|bay|bed|band|level|floor|page|section|s|chapter|part|step|stage|unit|year|years|aged?|top|number|no\.?|nos?|over|under|about|around|only|just|than|of|until|till|for|after|before|every|per)[ \t]*$/iu;

/** True when the number before ` The …` (`5 The Paddocks`) is a house's: it opens the text or a clause, or follows a word that is no counted thing's. */
/** True when the clause that `before` ends (cut at a sentence's or a line's end) says the number after it is a home's (see {@link HOME_BEFORE}). */
function isHomeBefore(before: string): boolean {
  const clause = before.slice(Math.max(0, ...['.', '!', '?', '\n', ';'].map((mark) => before.lastIndexOf(mark) + 1)));
  return HOME_BEFORE.test(clause);
}

function isHouseNumberBefore(before: string): boolean {
  return !NUMBER_OF_SOMETHING.test(before);
}

function isStreetAddress(street: string, suffix: string): boolean {
  const words = street.trim().split(/[ \t]+/u);
  if (words.some((word) => COUNTED_WORDS.has(word.toLowerCase()) && !CAPITALISED_ONLY_FIRST.test(word))) return false;
  if (words.every((word) => CAPITALISED_STREET_WORD.test(word))) return true;
  return words.length === 1 && LOWER_CASE_SUFFIX.test(suffix.toLowerCase()) && /^\p{Ll}+$/u.test(words[0] ?? '');
}

function isNhsNumber(candidate: string, start: number, text: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (isValidNhsNumber(digits) || THREE_THREE_FOUR.test(candidate)) return true;
  const end = start + candidate.length;
  return (
    NHS_CONTEXT.test(text.slice(Math.max(0, start - NHS_CONTEXT_BEFORE), start)) ||
    NHS_CONTEXT.test(text.slice(end, end + NHS_CONTEXT_AFTER))
  );
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
