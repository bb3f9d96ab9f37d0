import { isCommonEnglishWord } from './common-words.js';
import { createRequire } from 'node:module';
import { guardedMatches, type GuardedRegExp } from '../guarded-alternation.js';
import { LEXICON_AMBIGUOUS_NAMES, LEXICON_NAMES, LEXICON_OTHER_WORDS } from './lexicon-words.js';
import { givenNameForms } from './given-names.js';
import { ORGANISATION_NAMES } from './organisation-names.js';
import { PLACES_NAMED_LIKE_PEOPLE, TOWNS_THAT_ARE_GIVEN_NAMES } from './place-names.js';

/** Where a person's name stands in a text: `text.slice(start, end)`. */
export interface NameSpan {
  start: number;
  end: number;
}

/** The part of compromise tlap uses: people found in a text, with offsets into it, and its lexicon's tags. */
type PeopleFinder = ((text: string) => {
  people(): {
    json(options: { offset: true; terms: { offset: true } }): { terms: { offset?: { start: number; length: number } }[] }[];
  };
  terms(): { json(options: { offset: true }): { offset?: { start: number }; terms: { tags: string[] }[] }[] };
}) & {
  model(): { one: { lexicon: Readonly<Record<string, string | readonly string[] | undefined>> } };
  addWords(words: Record<string, string>): void;
};

let compromise: PeopleFinder | null = null;

/**
 * compromise, loaded on first use only (it takes half a second of CPU and tens of MB to load), for
 * a sentence that must be tagged, with the given names it lacks (see {@link givenNameForms})
 * added to its lexicon as given names, so that its tagger reads them as it reads its own (a form
 * it knows, `siobhan` for `Siobhán`, keeps its own tags; adding them takes about 15 ms, once).
 * Loaded through `require` so that redaction stays synchronous.
 */
function loadCompromise(): PeopleFinder {
  if (compromise === null) {
    const required: unknown = createRequire(import.meta.url)('compromise');
    compromise = (typeof required === 'function' ? required : (required as { default: unknown }).default) as PeopleFinder;
    const { lexicon } = compromise.model().one;
    compromise.addWords(Object.fromEntries(givenNameForms().flatMap((form) => (lexicon[form] === undefined ? [[form, 'FirstName']] : []))));
  }
  return compromise;
}

/**
 * compromise's lexicon words as name detection asks of them: tagged as a name (with the given
 * names it lacks, see {@link givenNameForms}), known as another word, or a given name its lexicon
 * files as another word (`dawn`, `holly`, `sue`); and the
 * organisations tlap knows (see {@link ORGANISATION_NAMES}), in lower case by their first word.
 */
interface LexiconWords {
  names: ReadonlySet<string>;
  others: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
  organisations: ReadonlyMap<string, readonly string[]>;
  /** The given names of three letters tlap adds to compromise's (`Huw`, `Siu`, `Wai`, `Cem`), which in capitals are as often acronyms (`WAI`, `SHU`, `CEM`). */
  addedThreeLetterNames: ReadonlySet<string>;
}

let lexiconWords: LexiconWords | null = null;

/**
 * Given names that are words for a virtue or a gift, as many families name children (among
 * them the Nigerian, Ghanaian and Zimbabwean families many UK care workers come from), that
 * compromise's lexicon files as common words and its switches do not mark as maybe a person:
 * read as a name only beside other names in a list, as {@link LEXICON_AMBIGUOUS_NAMES} are.
 */
const VIRTUE_NAMES = [
  'hope',
  'blessing',
  'blessed',
  'precious',
  'patience',
  'charity',
  'mercy',
  'comfort',
  'gift',
  'favour',
  'promise',
  'prosper',
  'harmony',
  'destiny',
  'peace',
  'memory',
  'goodness',
  'godsent',
  'praise',
  'grateful',
  'loveday',
  'chastity',
  'prudence',
  'constance',
  'verity',
  'honour',
];

/**
 * Given names that are words for a virtue: {@link VIRTUE_NAMES} and those compromise knows as
 * names (`Grace`, `Faith`, `Joy`), which open a sentence as words too (`Grace and patience go a
 * long way`).
 */
const VIRTUE_WORDS: ReadonlySet<string> = new Set([
  ...VIRTUE_NAMES,
  'grace',
  'faith',
  'joy',
  'love',
  'felicity',
  'serenity',
  'liberty',
  'trinity',
  'unity',
]);
/** `and` and a word in lower case after a name (`Grace and patience`), the word in `word`. */
const AND_LOWER_CASE_WORD = /^[ \t]+(?:and|&)[ \t]+(?<word>\p{Ll}+)(?![\p{L}\p{M}\p{N}'’-])/u;
/** Words for a quality by their ending (`patience`, `dignity`, `reassurance`, `gratitude`, `wisdom`), beside {@link ABSTRACT_NOUN}'s. */
const QUALITY_ENDING = /^\p{Ll}{3,}(?:ence|ance|ity|ude|dom)$/u;

/**
 * A name found that is one given name for a virtue joined by `and` to a quality in lower case
 * (`Grace and patience go a long way`, `Grace and dignity`): the two are words, as a person named
 * so would be joined to a person (`Grace and her team`, `Grace and Precious`). So is a virtue or a
 * word for a quality that is no given name listed with a comma or `and` beside such a quality in
 * any letter case (`Grace, Dignity and Respect are our values`; not `Grace and Felicity came`,
 * where both are given names). The text read around the name is bounded.
 */
function isVirtueBesideQuality(text: string, span: NameSpan, lexicon: LexiconWords): boolean {
  const found = text.slice(span.start, span.end).toLowerCase();
  const plain = isPlainQuality(found, lexicon);
  if (!VIRTUE_WORDS.has(found) && !plain) return false;
  const word = AND_LOWER_CASE_WORD.exec(text.slice(span.end, span.end + 40))?.groups?.['word'];
  if (word !== undefined && (VIRTUE_WORDS.has(word) || ABSTRACT_NOUN.test(word) || QUALITY_ENDING.test(word))) return true;
  const neighbours = [
    LISTED_QUALITY_AFTER.exec(text.slice(span.end, span.end + 40))?.[1],
    LISTED_QUALITY_BEFORE.exec(text.slice(Math.max(0, span.start - 40), span.start))?.[1],
  ].map((neighbour) => neighbour?.toLowerCase());
  return neighbours.some(
    (neighbour) => neighbour !== undefined && (isPlainQuality(neighbour, lexicon) || (plain && VIRTUE_WORDS.has(neighbour))),
  );
}

/** A word listed right after a name with a comma or `and`, in any letter case (`Grace, Dignity and …`). */
const LISTED_QUALITY_AFTER = /^[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(\p{L}+)(?![\p{L}\p{M}\p{N}'’-])/u;
/** A word listed right before a name with a comma or `and`, in any letter case (`… Grace, Dignity`). */
const LISTED_QUALITY_BEFORE = /(?<![\p{L}\p{M}\p{N}'’-])(\p{L}+)(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)$/u;

/** True when `word` (lower case) is a word for a quality by its ending (`dignity`, `kindness`, `patience`) that is no given name, listed or a virtue's. */
function isPlainQuality(word: string, lexicon: LexiconWords): boolean {
  return (ABSTRACT_NOUN.test(word) || QUALITY_ENDING.test(word)) && !VIRTUE_WORDS.has(word) && !lexicon.names.has(word);
}

/**
 * The words of compromise's lexicon (src/privacy/lexicon-words.ts, taken from it and checked
 * against it by a test), so that deciding which sentences to tag does not load compromise.
 */
function loadLexiconWords(): LexiconWords {
  lexiconWords ??= {
    names: new Set([...LEXICON_NAMES.join(' ').split(' '), ...givenNameForms()]),
    others: new Set(LEXICON_OTHER_WORDS.join(' ').split(' ')),
    ambiguous: new Set([...LEXICON_AMBIGUOUS_NAMES.join(' ').split(' '), ...VIRTUE_NAMES]),
    organisations: organisationsByFirstWord(),
    addedThreeLetterNames: new Set(givenNameForms().filter((form) => form.length === 3)),
  };
  return lexiconWords;
}

/** {@link ORGANISATION_NAMES} in lower case, by their first word, longest first. */
function organisationsByFirstWord(): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  for (const name of Object.values(ORGANISATION_NAMES).flat()) {
    const lower = comparable(name);
    const first = lower.split(' ', 1)[0] ?? lower;
    byFirst.set(
      first,
      [...(byFirst.get(first) ?? []), lower].sort((a, b) => b.length - a.length),
    );
  }
  return byFirst;
}

/** A text as organisations' names are compared: lower case, with one kind of apostrophe. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/’/gu, "'");
}

/**
 * Loads what decides which texts name detection must tag now rather than at the first text that
 * needs it: for a caller that has a moment to spare (waiting on other threads) and will almost
 * surely redact names. compromise itself is loaded only when a sentence must be tagged.
 */
export function preloadPersonNames(): void {
  loadLexiconWords();
}

/**
 * A capitalised word: a name's word, also joined by an apostrophe or a hyphen (`O'Sullivan`,
 * `Pryce-Jones`), or with the capital a surname's prefix puts inside it (`McAllister`,
 * `MacDonald`, `FitzGerald`, `DeSouza`, `LeBlanc`), which a word cut at that capital left
 * published (`Sister McAllister` became `[name]Allister`).
 */
const CAPITALISED =
  "\\p{Lu}[\\p{Ll}\\p{M}]+(?:(?<=(?<![\\p{L}\\p{M}])(?:Mc|Mac|Fitz|De|Di|Da|Du|Le|La))\\p{Lu}[\\p{Ll}\\p{M}]+)?(?:['’-]\\p{Lu}?[\\p{Ll}\\p{M}]+)*";
const CAPITALISED_WORD = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${CAPITALISED}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
/**
 * The words in lower case that join a surname to the name before it (`Jean-Paul de Souza`, `Maria
 * da Silva`, `Anna von Trapp`, `Rhys ap Gruffydd`, `Dr van der Berg`, `Fatima al-Hussain`), up to
 * two of them, each with the space or hyphen after it: a name cut before them left its surname
 * published (`[name] de Souza`).
 */
const SURNAME_PARTICLES = '(?:(?:van|von|de|da|di|du|del|della|der|den|dos|das|la|le|ap|bin|ibn|al|el)(?:[ \\t]+|-)){1,2}';
const NAME = `${CAPITALISED}(?:[ \\t]+(?:${SURNAME_PARTICLES})?${CAPITALISED})?`;
/** Titles before a name (`Mr Okafor`, `Dr. Shah`), and family words used as one (`Auntie Bisi`, `Uncle Raj`, `Grandad Bert`), which take no full stop. */
const HONORIFIC =
  '(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Revd|Reverend|Sister|Father|Nurse|Cllr|Councillor)\\.?|(?:Auntie|Aunty|Aunt|Uncle|Grandad|Granddad|Grandma|Grandpa|Granny|Nana|Nanna)(?!\\.))';
/** Family and friends a writer names someone by (`my mum`, `our son`). */
const RELATIONS = [
  'wife',
  'husband',
  'partner',
  'son',
  'daughter',
  'mum',
  'mother',
  'dad',
  'father',
  'brother',
  'sister',
  'brother-in-law',
  'sister-in-law',
  'grandson',
  'granddaughter',
  'grandmother',
  'grandfather',
  'nan',
  'gran',
  'friend',
  'neighbour',
  'colleague',
  'uncle',
  'aunt',
  'auntie',
  'niece',
  'nephew',
  'cousin',
];

const ROLE = [
  'social worker',
  'care co-?ordinator',
  'support worker',
  'key worker',
  'link worker',
  'care worker',
  'care manager',
  'case worker',
  'PA',
  'personal assistant',
  'carer',
  'nurse',
  'named nurse',
  'GP',
  'doctor',
  'consultant',
  'manager',
  'team leader',
  'broker',
  'advocate',
  'befriender',
  'physio',
  'physiotherapist',
  'occupational therapist',
  'OT',
  'assessor',
  'reviewing officer',
  'community connector',
  'reablement worker',
  'handyman',
  'chair',
  'commissioner',
  ...RELATIONS,
]
  .map((role) => (/^[A-Z]+$/.test(role) ? `(?:${role}|${role.toLowerCase()})` : role))
  .join('|');

/** Who a date set off right after them is about: a relation, a patient or client, or a title and a name or initial. */
const PERSON_BEFORE_APPOSITION = new RegExp(
  `(?:(?<![\\p{L}])(?:${[...RELATIONS, 'grandad', 'grandma', 'nana', 'child', 'baby', 'patient', 'client', 'resident', 'service user']
    .map((word) => `[${word.charAt(0)}${word.charAt(0).toUpperCase()}]${word.slice(1)}`)
    .join('|')})|(?<![\\p{L}])${HONORIFIC}[ \\t]+(?:\\p{Lu}\\.?|${NAME}))[ \\t]*$`,
  'u',
);

/**
 * True when `before` ends with a mention of a person that a date right after it, in brackets or
 * between commas or dashes, would be the birth date of (`my mum (`, `Mr X, `, `Dad - `): a
 * relation (`my father`, `Mum`), a patient, client or resident, or a title with a name or an
 * initial. `before` is the text up to the bracket, comma or dash.
 */
export function endsWithPersonMention(before: string): boolean {
  return PERSON_BEFORE_APPOSITION.test(before);
}

/** Words that follow a person's name at the start of a sentence (`Vikram helped…`, `Declan from the carers centre…`). */
/** `from` or `at` a place of work named with its kind last (`from St Helens Council`, `at Walsall Manor Hospital`), as staff are named by where they work. */
const NAMED_INSTITUTION =
  "(?:from|at)(?=[ \\t]+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*[ \\t]+){1,4}(?:Council|Trust|Hospital|Hospice|Surgery|Practice|Health Centre|Medical Centre|Carers Centre|Day Centre|Foundation|Society)(?![\\p{L}]))";
const ACTION_AFTER_NAME = [
  'from the',
  'from our',
  'at the',
  NAMED_INSTITUTION,
  'helped',
  'translated',
  'went',
  'rang',
  'phoned',
  'called',
  'came',
  'sorted',
  'said',
  'told',
  'showed',
  'explained',
  'visited',
  'arranged',
  'organised',
  'found',
  'gave',
  'took',
  'listened',
  'understood',
  'is my',
  'is our',
  'was my',
  'was our',
  'has been',
].join('|');

/**
 * A capitalised word starting a sentence, or two, followed by what people do (`Vikram helped`,
 * `Carys Evans from the council said`); the first word must be a name or unknown, and a second a
 * name or a word that may be one (see {@link isCommonOpening}).
 */
const SENTENCE_START = new RegExp(
  `(?:^|[\\n.!?][ \\t]*)(?<name>${CAPITALISED}(?:[ \\t]+${CAPITALISED})?)(?=[ \\t]+(?:${ACTION_AFTER_NAME})\\b)`,
  'gmu',
);

/** Someone spoken to by name after a word that calls to them (`same here Kath,`, `hi Jo!`, `yes Raj.`, a reply's `Totally agree Mo,`, `Well said Bev.`), or handed the floor as a chair does (`Over to you, Gideon.`, `Go ahead, Priya.`). */
const CALLED_BY_NAME = new RegExp(
  `(?<![\\p{L}])(?:[Hh]ere|[Hh]i|[Hh]iya|[Hh]ello|[Hh]ey|[Mm]orning|[Yy]es|[Ss]orry|[Ww]ell done|[Cc]heers|[Oo]ver to you|[Gg]o ahead|[Aa]gree(?:d)?|[Ww]ell said|[Ss]pot on)[ \\t]*,?[ \\t]+(?<name>${CAPITALISED})(?=[ \\t]*(?:[,.!?\\n]|$))`,
  'gu',
);

/**
 * Someone asked a question by name, as a chair does (`next: Raj, you had a point?`, `Priya, can
 * you…`), also after a sentence (`That's a long time. Wilf, you had something similar?`): a name
 * the lexicon lists, or any word that may be a name when `you` follows (so `Agenda: Salford, what
 * next?` stays).
 */
const ASKED_BY_NAME = new RegExp(
  `(?:[:;]|^|[.!?][ \\t]+)[ \\t]*(?<name>${CAPITALISED}),[ \\t]+(?=(?:you|your|can|could|would|will|do|did|what|how|have|any)(?![\\p{L}]))`,
  'gmu',
);

/**
 * True when what {@link ASK_FOR} found is a person: a name the lexicon lists (`speak to Karen`),
 * or, asked for, rung or spoken to at or from a place (`spoke to Eleri at the council`), one
 * capitalised word that may be a name standing alone, not followed by another capitalised
 * word or `of` (`ask for Precious at the centre`, `I rang Owain`; but `spoke to Crossroads`, `ask for Dementia UK`,
 * `ask for Department of Health` are organisations), or a surname alone before `at the` or `from
 * the` (`spoke to Watkins at the surgery`, see {@link isSurnameShaped}; not `spoke to Admissions
 * at the hospital`), and never a place or an institution.
 */
function isAskedForName(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  const first = name.split(/[ \t]/u)[0] ?? name;
  if (isPlaceOrInstitution(text, { start, end: start + name.length }) || NOT_NAMES.has(first.toLowerCase())) return false;
  if (lexicon.names.has(first.toLowerCase())) return true;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(start + name.length, start + name.length + 20);
  if (name === first && PLURAL_ENDING.test(first.toLowerCase()) && ROLE_OR_PLACE_AFTER.test(after)) {
    return isSurnameShaped(first.toLowerCase(), lexicon);
  }
  const askedFor = /[Aa]sk(?:ed)?[ \t]+for[ \t]+$/u.test(before) || CONTACTED_BEFORE.test(before) || ROLE_OR_PLACE_AFTER.test(after);
  return askedFor && name === first && isListedNameLike(first, lexicon) && !/^[ \t]+(?:\p{Lu}|of\b)/u.test(after);
}

/** Relations, which `she is called Mum` names no one by. */
const RELATION_WORDS = new Set([...RELATIONS, 'mum', 'mummy', 'mam', 'mom', 'dad', 'daddy', 'grandad', 'grandma', 'nana', 'nanna']);

/** True when a name alone on a text's last line ({@link SIGNED_LAST_LINE}) may be the writer's: its first word a name the lexicon lists or one that may be a name standing alone, and no place. */
function isSignedName(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  const first = name.split(/[ \t]/u)[0] ?? name;
  if (isPlaceOrInstitution(text, { start, end: start + name.length }) || NOT_NAMES.has(first.toLowerCase())) return false;
  return lexicon.names.has(first.toLowerCase()) || isLoneNameLike(first, lexicon);
}

/** What follows a surname alone where a person is spoken to (`spoke to Watkins at the surgery`, `… from the council`). */
const ROLE_OR_PLACE_AFTER = /^[ \t]+(?:from|at)[ \t]+(?:the|our)(?![\p{L}])/u;

/** Verbs of getting in touch with someone, whose object alone is asked for as a name is (`I rang Owain`, `phoned Precious`); not `called`, which names things. */
const CONTACTED = '[Rr]ang|[Rr]ung|[Pp]honed|[Tt]exted|[Ee]mailed|[Ee]-mailed|[Mm]essaged';
const CONTACTED_BEFORE = new RegExp(`(?:${CONTACTED})[ \\t]+$`, 'u');

/**
 * True when a word thanked first in a list (`Thank you to Lloyds, Halfords and Pete`) is an
 * organisation by its shape, as a listed word is (see {@link isOrganisationShaped}), or when a
 * word thanked alone is one compromise's lexicon tags as an organisation and as no name (`Thanks
 * to Oxfam, Cruse and Jane`, `Thanks to Oxfam for the parcels`).
 */
function isListedOrganisation(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  const lower = name.toLowerCase();
  if (/[ \t]/u.test(name) || lexicon.names.has(lower)) return false;
  if (isLexiconOrganisation(lower, lexicon) || isOrganisationAt(text, { start, end: start + name.length }, lexicon)) return true;
  const listed = /^[ \t]*(?:,|and\b|&)/u.test(text.slice(start + name.length, start + name.length + 8));
  return listed && isOrganisationShaped(lower);
}

/** True when compromise's lexicon tags `word` (lower case) as an organisation (`oxfam`, `tesco`, `argos`). */
function isLexiconOrganisation(word: string, lexicon: LexiconWords): boolean {
  if (!lexicon.others.has(word)) return false;
  const tags = loadCompromise().model().one.lexicon[word];
  return (typeof tags === 'string' ? [tags] : (tags ?? [])).includes('Organization');
}

/**
 * Someone credited by name with a phrase that thanks or praises (`Help came from Dev`, `Thanks go
 * to Bethan`, `Shout out to Kelly`, `h/t Kit Hollis`), copied in or addressed as a message is (`cc
 * Priya`, `bcc: Tom Hughes`, `FAO Janet`), or answered by name as a comment or a post
 * is (`In reply to Fenella Rushworth`): a name the lexicon lists or one word that may be a name
 * standing alone, and never a place or an institution (`Help came from Leeds City Council`).
 */
const CREDITED = new RegExp(
  `(?<![\\p{L}])(?:[Hh]elp(?:[ \\t]+also)?[ \\t]+came[ \\t]+from|[Tt]hanks(?:[ \\t]+also)?[ \\t]+go(?:es)?[ \\t]+to|[Ss]hout[ \\t-]?outs?[ \\t]+to|[Hh]/[Tt]|[Hh]at[ \\t]+tip[ \\t]+to|(?<![\\p{L}\\p{N}@])(?:[Bb]?[Cc][Cc]|CC|[Ff][Aa][Oo]|[Aa]ttn)[:.]?|(?:[Ii]n[ \\t]+)?[Rr]eply(?:ing)?[ \\t]+to)[ \\t]+(?<name>${NAME})`,
  'gu',
);

/** True when what {@link CREDITED} found is a person (see there). */
function isCreditedName(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  const first = name.split(/[ \t]/u)[0] ?? name;
  if (isPlaceOrInstitution(text, { start, end: start + name.length })) return false;
  return lexicon.names.has(first.toLowerCase()) || (isLoneNameLike(first, lexicon) && !isLexiconOrganisation(first.toLowerCase(), lexicon));
}

/**
 * Asking for, speaking to or ringing someone by name (`ask for Karen on ward 7`, `speak to
 * Precious at the centre`, `I rang Owain`); the word must be a name or no common word.
 */
const ASK_FOR = new RegExp(
  `(?<![\\p{L}])(?:[Aa]sk(?:ed)? for|[Ss]peak(?:ing)? (?:to|with)|[Ss]poke (?:to|with)|[Tt]alk(?:ed|ing)? (?:to|with)|${CONTACTED})[ \\t]+(?<name>${NAME})`,
  'gu',
);

/**
 * Someone thanked by name, in English or Welsh (`Thank you to Bernadette, …`, `Thanks Sam for…`,
 * `Diolch to Dafydd and …`); before `and`, `at` or `on` only a word that may be a name (see
 * {@link isThankedBeforeList}).
 */
const THANKED = new RegExp(
  `(?<![\\p{L}])(?:[Tt]hank(?:s| you)?|[Dd]iolch(?:[ \\t]+yn[ \\t]+fawr)?)(?:[ \\t]+to)?,?[ \\t]+(?<name>${NAME})(?=[ \\t]*(?:[,.!]|$|for\\b|from\\b)|[ \\t]+(?:and|&|at|on)[ \\t])`,
  'gmu',
);

/**
 * True when a name thanked before `and`, `at` or `on` may be a person: one word that the lexicon
 * lists as a name or as maybe one, or that may be a name standing alone (`Thanks to Ade and Hope`,
 * `Thanks to Rhys and Ffion at …`), and no place (`Thanks to Age Concern and …` is asked of neither).
 */
function isThankedBeforeList(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  if (!/^[ \t]+(?:and|&|at|on)[ \t]/u.test(text.slice(start + name.length, start + name.length + 6))) return true;
  return !/[ \t]/u.test(name) && isListedNameLike(name, lexicon) && !isPlaceOrInstitution(text, { start, end: start + name.length });
}

/** How many words a list read ahead of its first may hold before its `and`: bounds the look-ahead, so that reading stays linear. */
const MAX_LISTED = 6;
/** A capitalised word as a list holds it: the word and its neighbour are told apart by a comma or `and`. */
const LIST_ITEM = `${CAPITALISED}(?![\\p{L}\\p{M}\\p{N}'’-])`;

/**
 * People named after a role in the plural (`Her carers Ruby and Precious`, `The physios Iwan and
 * Sunny`): the first of two or more capitalised words listed with `and`; the rest are read as a
 * list from it, and each must be a word that may be a name in a list (see {@link isListedNameLike}).
 */
const PLURAL_ROLE = new RegExp(
  `(?<![\\p{L}])(?:[Mm]y|[Oo]ur|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)(?:[ \\t]+\\p{Ll}[\\p{Ll}-]*)?[ \\t]+(?:${ROLE})s,?[ \\t]+(?<name>${LIST_ITEM})(?=(?:,[ \\t]*${LIST_ITEM}){0,${MAX_LISTED}},?[ \\t]+(?:and|&)[ \\t]+${LIST_ITEM})`,
  'gu',
);

/** The word listed after a name with a comma or `and` (`Will and Faith`: `Faith`). */
const NEXT_LISTED = new RegExp(`^(?:[ \\t]*,[ \\t]*|[ \\t]+(?:and|&)[ \\t]+)(${LIST_ITEM})`, 'u');

/**
 * True when the first word listed after a plural role is a person: a word that may be a name in a
 * list (see {@link isListedNameLike}), or, capitalised there in the middle of a sentence, any word
 * that is no organisation, place or word on {@link NOT_NAMES} when the word listed after it may be
 * a name (`the carers, Will and Faith,`: `Will` is no modal there).
 */
function isListedAfterRole(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  if (isListedNameLike(name, lexicon)) return true;
  const span = { start, end: start + name.length };
  const lower = name.toLowerCase();
  if (
    NOT_NAMES.has(lower) ||
    isLexiconOrganisation(lower, lexicon) ||
    isPlaceOrInstitution(text, span) ||
    isOrganisationAt(text, span, lexicon)
  )
    return false;
  const next = NEXT_LISTED.exec(text.slice(span.end, span.end + 40))?.[1];
  return next !== undefined && isListedNameLike(next, lexicon);
}

/** A date with its day, month and year, as {@link BIRTH_APPOSITION} reads one (`12/05/1950`, `2 August 1987`, `June 5, 1958`). */
const DAY_MONTH_YEAR =
  '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?(?:[ \\t]+of)?[ \\t]+\\p{Lu}\\p{Ll}{2,8}\\.?,?[ \\t]+\\d{4}|\\p{Lu}\\p{Ll}{2,8}\\.?[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4}';
/** A verb a person's name is the subject of (`is`, `has`, `lives`, `stayed`). */
const PERSON_VERB =
  "(?:is|was|has|had|have|can|could|cannot|can't|will|would|won't|does|did|doesn't|didn't|still|now|never|also|\\p{Ll}{2,}(?:s|ed))(?![\\p{L}'’])";
/** What a person does or is, right after a date set off after their name (`lives alone`, `has had`, `is my wife`, `was discharged`); not `was the`, `had a` (`Llandudno, 4 May 2024, had the best turnout`). */
const PERSON_PREDICATE = `${PERSON_VERB}(?![ \\t]+(?:the|a|an|this|that|its)(?![\\p{L}]))`;
/**
 * A word opening its clause with a date of birth set off after it by commas or dashes and what a
 * person does or is after that (`Gethin, 12/05/1950, lives alone`, `Ffion - 2 August 1987 - was
 * discharged`): a person, as a place or a day before such a date is followed by what happened
 * there (`Cardiff, 12/03/2024, was the last drop-in`); the word must be one that may be a name.
 */
const BIRTH_APPOSITION = new RegExp(
  `(?:^|[\\n.!?:;][ \\t]*)(?<name>${CAPITALISED})[ \\t]*(?<mark>[,\\-\\u2013\\u2014])[ \\t]*(?:${DAY_MONTH_YEAR})[ \\t]*\\k<mark>[ \\t]*${PERSON_PREDICATE}`,
  'gmu',
);

/**
 * What may follow a name signed under a text or after a sign-off: punctuation, the end of the
 * line, a bracket saying who the writer is (`Priya (daughter)`) or kisses (`Priya x`, `Jo xx`).
 */
const SIGNED_NAME_END = '[ \\t]*(?:[,.!(]|$)|[ \\t]+[xX]{1,4}(?![\\p{L}\\p{N}])';

/** People a writer names before `called` or `named` when no role is said (`a lovely man called Benedek`, `a lad named Tomasz`). */
const PERSON_NOUN = 'man|woman|lady|lad|girl|boy|bloke|chap|guy|fella|fellow|gentleman|gent|young man|young woman|young lady';
/** The possessive of the word before a role (`my mum's carer Olatunde`, `our dad's social worker Jan`). */
const RELATION_POSSESSIVE = "(?:['’]s)?";

/**
 * A name said to be someone's (`her name is Dawn`, `my carer's name is Hope`, `his name was
 * Bill`), or a role's holder called or named it (`the support worker is called Faith`, `a carer
 * called Joy`, `a nurse named Precious`): the words say a name follows, so a given name that is
 * also a word is read as the name it is said to be. `is called` only after a role or `she`/`he`
 * (`the service is called Shared Lives` names no one). The match starts at `called`, `named` or
 * `name`, and the words before are read behind it, so that the roles are tried only there.
 */
const NAMED_AS = new RegExp(
  `(?<![\\p{L}])(?:(?:called|named)(?<=(?<![\\p{L}])(?:(?:${ROLE}|${PERSON_NOUN})(?:['’]s)?,?|[Ss]he|[Hh]e)[ \\t]+(?:(?:is|was|['’]s)[ \\t]+)?(?:called|named))` +
    `|name(?:[ \\t]+(?:is|was)|['’]s)(?<=(?<![\\p{L}])(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)(?:[ \\t]+(?:${ROLE}))?(?:['’]s)?[ \\t]+name(?:[ \\t]+(?:is|was)|['’]s)))` +
    `[ \\t]+(?<name>${NAME})`,
  'gu',
);

/**
 * A name alone on the last line of a text, as a comment or an e-mail is signed (`…⏎⏎Priya x`,
 * `…⏎- Gareth`): one or two capitalised words, after a blank line, a dash or a line ending a
 * sentence (not under an address's lines: `…Low Street⏎Bedale`), with kisses or not; the first
 * must be a name the lexicon lists or one that may be a name standing alone, so a last line that
 * is a word (`Disgusted`, `Thanks`) or a place (`Leeds`) stays.
 */
const SIGNED_LAST_LINE = new RegExp(
  `(?:[.!?)][ \\t]*\\n[ \\t]*|\\n[ \\t]*\\n[ \\t]*|\\n[ \\t]*[-\\u2013\\u2014~][ \\t]*)(?<name>${NAME})(?:[ \\t]+[xX]{1,4})?[ \\t]*[.!]?[ \\t]*\\n*$`,
  'gu',
);

/**
 * A given name in the possessive opening a sentence (`Sarah's mum rang…`, `Sarah's disease got
 * worse`), where the tagger, asked only of sentences whose first word is a name (see
 * {@link candidateSentences}), never saw it. Not before a capitalised word, which makes it the
 * name of a thing (`Valentine's Day`, `Winston's Wish`); conditions named after doctors are
 * organisations' names (`Addison's disease`, see {@link ORGANISATION_NAMES}) and stay. Only a
 * given name, or a word that may be one before a role or relation, is read so (see
 * {@link isPossessivePerson}).
 */
const POSSESSIVE_OPENER = new RegExp(
  `(?:^|[\\n.!?:][ \\t]*|["“‘(][ \\t]*)(?<name>\\p{Lu}[\\p{Ll}\\p{M}]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?['’]s)(?![\\p{L}\\p{M}\\p{N}])(?![ \\t]+\\p{Lu})`,
  'gmu',
);

/**
 * A capitalised word in the possessive inside a sentence, after a word in lower case, a comma or a
 * bracket, before a word in lower case that it owns (`We liked Priya's visit`, `thanks to Ngozi's
 * help`); not before a capitalised word (`a Valentine's Day card`) nor standing for a shop or a
 * home (`past Chaney's & Buchanan park`).
 */
const POSSESSIVE_IN_SENTENCE: GuardedRegExp = {
  pattern: /(?<=[\p{Ll}\p{N},;)][ \t]+)(?<name>\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?)['’]s(?=[ \t]+\p{Ll})/gu,
  guard: /['’]s[ \t]/u,
};
/**
 * How English towns' names end (`Rotherham`, `Huddersfield`, `Scunthorpe`, `Middlesbrough`), which
 * a given name no lexicon lists seldom does; compromise's lexicon lists many towns, not all.
 */
const ENGLISH_PLACE_ENDING =
  /^\p{L}{2,}(?:ham|ford|ton|field|worth|bury|borough|brough|chester|caster|cester|mouth|bridge|pool|wick|wich|stead|thorpe|thwaite|by|dale|minster|port|sea|gate|hurst|den|combe|ness|well|ey)$/u;
/** A determiner right before a word, which a given name seldom has and a common noun has (`the Theme's handling`, `our Council's`). */
const DETERMINER_BEFORE = /(?<![\p{L}])(?:the|a|an|this|that|these|those|our|your|their|its|his|her|my|every|each|any)[ \t]+$/iu;

/**
 * The people {@link POSSESSIVE_IN_SENTENCE} finds that no lexicon lists (a name it lists is the
 * tagger's to find): a word that may be a name standing alone (see {@link isLoneNameLike}: no
 * common word, plural or word written as an organisation's), that is no organisation, condition
 * or day tlap knows, in the possessive or as a word (`McDonald's`, `Sainsbury's`, `Alzheimer's`,
 * `Parkinson's`, `Addison's`, `Gilbert's`, `Valentine's`, `Asda`, see {@link ORGANISATION_NAMES}) nor one compromise's
 * lexicon files as an organisation, and that no word of place (`in Rotherham's hospitals`) nor
 * determiner (`the Theme's handling`: compromise's lexicon lacks many regular nouns) comes before,
 * that is not shaped as a town (`Rotherham's answer`, `Llandudno's pier`, see
 * {@link ENGLISH_PLACE_ENDING}), and that owns no date (`Nando's yesterday`, where `'s` is `is`).
 */
function possessivesInSentences(text: string, lexicon: LexiconWords): NameSpan[] {
  const found: NameSpan[] = [];
  for (const match of guardedMatches(text, POSSESSIVE_IN_SENTENCE)) {
    const name = match.groups?.['name'] ?? '';
    const lower = name.toLowerCase();
    if (lexicon.names.has(lower) || !isLoneNameLike(name, lexicon) || isLexiconOrganisation(lower, lexicon)) continue;
    if (
      lexicon.organisations.has(`${lower}'s`) ||
      lexicon.organisations.get(lower)?.includes(lower) === true ||
      isPlaceShapedWord(name, lexicon)
    )
      continue;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (PLACE_BEFORE.test(before) || DETERMINER_BEFORE.test(before) || ENGLISH_PLACE_ENDING.test(lower)) continue;
    const owned = match.index + match[0].length + (/^[ \t]+/u.exec(text.slice(match.index + match[0].length))?.[0].length ?? 0);
    const ownedTags = tagsAt(text, match.index, owned);
    if (ownedTags.includes('Date')) continue;
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * True when what {@link POSSESSIVE_OPENER} found is a person's: a given name (`Sarah's disease`),
 * or a word that may be a name standing alone (see {@link isLoneNameLike}) before a role or a
 * relation, which only a person has (`Imogen's carer`, `Kofi's mum`; not `Sheffield's social
 * workers`, a plural, nor a place or an organisation tlap knows).
 */
function isPossessivePerson(text: string, name: string, start: number, lexicon: LexiconWords): boolean {
  const stem = name.replace(/['’]s$/u, '');
  if (isGivenName(stem.split('-')[0] ?? '')) return true;
  const after = text.slice(start + name.length, start + name.length + 40);
  return (
    /^[ \t]+/u.test(after) &&
    ROLE_AHEAD.test(after.trimStart()) &&
    isLoneNameLike(stem, lexicon) &&
    !isLexiconOrganisation(stem.toLowerCase(), lexicon)
  );
}

/** True when `word` (any case) is a given name: tagged as one in compromise's lexicon, with the given names tlap adds to it (see {@link loadCompromise}). */
function isGivenName(word: string): boolean {
  const tags = loadCompromise().model().one.lexicon[word.toLowerCase()];
  return (typeof tags === 'string' ? [tags] : (tags ?? [])).some(
    (tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName',
  );
}

/** An introduction (`I'm Liam`, `my name is…`, `This is Priya`, `Call me Dave`). */
const INTRODUCTION = new RegExp(
  `(?<![\\p{L}])(?<cue>[Ii]['’]?m|[Ii] am|[Mm]y name is|[Mm]y name['’]s|[Tt]his is|[Cc]all me)[ \\t]+(?<name>${NAME})`,
  'gu',
);

/** Endings of English adjectives and participles (`Grateful`, `Outrageous`, `Unacceptable`, `Exhausted`, `British`). */
const DESCRIPTIVE_ENDING = /(?:ous|ful|able|ible|ive|ish|ic|al|less|ed|ent|ant|ary|ory|ing|ly)$/u;
/** Words for how someone is or what they are that feedback capitalises after `I am` (`I'm Angry`, `I am Retired`). */
const STATE_WORDS = new Set(
  (
    'proud angry upset sad tired old ill sick glad happy lonely scared afraid worried fine okay ok well unwell poor sorry sure ' +
    'free busy single married widowed divorced homeless british welsh english scottish irish muslim christian jewish sikh ' +
    'hindu buddhist catholic hard partially visually registered housebound bedbound retired elderly young wrong right'
  ).split(' '),
);

/**
 * True when the word after `I am`, `I'm`, `This is` or `Call me` says how someone or something is
 * rather than who (`I am Grateful`, `I'm Angry`, `This is Outrageous`, `I am Partially Sighted`):
 * English words no name list knows, each ending as an adjective or an adverb does or one of
 * {@link STATE_WORDS}. People
 * named with an English word that is no adjective (`I'm Will`, `I am Poppy`) are still read.
 */
function isDescriptiveWord(name: string, lexicon: LexiconWords): boolean {
  return name.split(/[ \t]+/u).every((word) => {
    const lower = word.toLowerCase();
    if (lexicon.names.has(lower) || lexicon.ambiguous.has(lower) || !isCommonEnglishWord(word)) return false;
    return STATE_WORDS.has(lower) || DESCRIPTIVE_ENDING.test(lower);
  });
}

/** A title before a name (`Mr Okafor`, `Nurse Jenkins`); the title goes with it. */
const TITLED_NAME = new RegExp(`(?<![\\p{L}])(?<name>${HONORIFIC}[ \\t]+(?:${SURNAME_PARTICLES})?${NAME})`, 'gu');

/** A role or relation before a name (`our care coordinator Julie Barnes`, `my mum, Eileen`, `our district nurse Cerys`). */
const ROLE_THEN_NAME = new RegExp(
  `(?<![\\p{L}])(?:[Mm]y|[Oo]ur|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)(?:[ \\t]+\\p{Ll}[\\p{Ll}-]*${RELATION_POSSESSIVE})?[ \\t]+(?:${ROLE}),?[ \\t]+(?<name>${NAME})`,
  'gu',
);

/**
 * Patterns for how feedback names people that a general-purpose tagger misses: a title
 * (`Mr Okafor`), an introduction (`I'm Liam`, `my name is…`), a greeting or sign-off (`Thanks,
 * Priya`, `Regards, Luc` at the end of a line), and a role or relation before the name (`our care
 * coordinator Julie Barnes`, `my mum, Eileen`, `our district nurse Cerys`), roles before a list of
 * names (`Her carers Ruby and Precious`), a signature (`Signed: J. R. Whitelaw`), and a name
 * opening its clause with a date of birth set off after it (`Gethin, 12/05/1950, lives alone`). The name group is the span redacted; with a title
 * the title goes too.
 *
 * Each pattern comes with what a text must hold for it to find a name there (its guard: a word it
 * starts from, or a capital after it), so that it is compiled and run only on texts that may hold
 * one: a large Unicode pattern costs much to compile, and V8 compiles it again after dropping its
 * code when it has been left unused for a while.
 */
const NAME_PATTERNS: readonly GuardedRegExp[] = [
  { pattern: TITLED_NAME, guard: /Mr|Ms|Mx|Miss|Dr|Prof|Rev|Sister|Father|Nurse|Cllr|Councillor|Aunt|Uncle|Grand|Nan/u },
  {
    pattern: INTRODUCTION,
    guard: /(?<![A-Za-z])(?:[Ii]['’]?m|[Ii] am|[Mm]y name is|[Mm]y name['’]s|[Tt]his is|[Cc]all me)[ \t]+[^ \t\na-z]/u,
  },
  {
    pattern: new RegExp(
      `(?:^|[\\n.!?][ \\t]*)(?:[Tt]hanks(?: again| so much)?|[Tt]hank you(?: so much)?|[Mm]any thanks|[Ww]ith thanks|[Kk]ind regards|[Bb]est regards|[Ww]arm(?:est)? regards|[Rr]egards|[Bb]est wishes|[Bb]est|[Aa]ll the best|[Cc]heers|[Tt]a|[Hh]i|[Hh]ello|[Dd]ear|[Ll]ove(?: from)?)[,!]?[ \\t]*\\n?[ \\t]*(?:\\p{Lu}\\.?[ \\t]+){0,2}(?<name>${NAME})(?=${SIGNED_NAME_END})`,
      'gmu',
    ),
    guard:
      /(?:^|[\n.!?][ \t]*)(?:[Tt]hank|[Mm]any|[Ww]ith|[Kk]ind|[Bb]est|[Ww]arm|[Rr]egards|[Aa]ll|[Cc]heers|[Tt]a|[Hh]i|[Hh]ello|[Dd]ear|[Ll]ove)/mu,
  },
  { pattern: THANKED, guard: /[Tt]hank|[Dd]iolch/u },
  {
    pattern: CREDITED,
    guard:
      /[Hh]elp|[Tt]hanks|[Ss]hout|[Hh]\/[Tt]|[Hh]at[ \t]+tip|[Rr]eply|(?<![A-Za-z0-9@])(?:[Bb]?[Cc][Cc]|[Ff][Aa][Oo]|[Aa]ttn)(?![A-Za-z])/u,
  },
  { pattern: SENTENCE_START, guard: new RegExp(`[ \\t](?:${ACTION_AFTER_NAME})\\b`, 'u') },
  { pattern: ASK_FOR, guard: new RegExp(`[Aa]sk(?:ed)? for|[Ss]peak|[Ss]poke|[Tt]alk|${CONTACTED}`, 'u') },
  {
    pattern: CALLED_BY_NAME,
    guard:
      /(?<![A-Za-z])(?:[Hh]ere|[Hh]i|[Hh]iya|[Hh]ello|[Hh]ey|[Mm]orning|[Yy]es|[Ss]orry|[Ww]ell done|[Cc]heers|[Oo]ver to you|[Gg]o ahead|[Aa]gree(?:d)?|[Ww]ell said|[Ss]pot on)[ \t]*,?[ \t]+[^ \t\na-z]/u,
  },
  { pattern: ASKED_BY_NAME, guard: /,[ \t]+(?:you|can|could|would|will|do|did|what|how|have|any)/u },
  {
    pattern: new RegExp(`(?<![\\p{L}])[Ss]igned(?:[ \\t]+by)?[:,]?[ \\t]+(?:\\p{Lu}\\.?[ \\t]+){0,3}(?<name>${NAME})`, 'gu'),
    guard: /[Ss]igned/u,
  },
  { pattern: ROLE_THEN_NAME, guard: new RegExp(`(?:${ROLE}),?[ \\t]+[^ \\t\\na-z]`, 'u') },
  { pattern: PLURAL_ROLE, guard: new RegExp(`(?:${ROLE})s,?[ \\t]+[^ \\t\\na-z]`, 'u') },
  { pattern: BIRTH_APPOSITION, guard: /\d/u },
  { pattern: NAMED_AS, guard: /called|named|name(?:[ \t]+(?:is|was)|['’]s)/u },
  { pattern: SIGNED_LAST_LINE, guard: /\n/u },
  { pattern: POSSESSIVE_OPENER, guard: /['’]s(?![A-Za-z0-9])/u },
];

/**
 * Capitalised words that feedback about social care uses and that are not people, even where a
 * tagger or a pattern would take them for names: organisations, services, places, seasons and
 * holidays, days and months written after a preposition, identities people give after `I am`,
 * and whom a letter is addressed to when no one is named (`Dear Sir or Madam`, `Hello Everyone`).
 */
const NOT_NAMES = new Set([
  'nhs',
  'scope',
  'mencap',
  'mind',
  'sense',
  'contact',
  'headway',
  'healthwatch',
  'macmillan',
  'marie',
  'curie',
  'easter',
  'christmas',
  'ramadan',
  'diwali',
  'eid',
  'council',
  'jobcentre',
  'ofsted',
  'cqc',
  'dwp',
  'samaritans',
  'motability',
  'carers',
  'trust',
  'centre',
  'hospital',
  'service',
  'services',
  'team',
  'group',
  'forum',
  'society',
  'association',
  'house',
  'hall',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'july',
  'august',
  'october',
  'november',
  'december',
  'god',
  'lord',
  'covid',
  'coronavirus',
  // how people name themselves after `I am` (`I am Deaf`, `I'm Autistic`), as disabled people's own
  // writing capitalises an identity
  'deaf',
  'deafblind',
  'disabled',
  'autistic',
  'blind',
  'neurodivergent',
  'neurodiverse',
  'dyslexic',
  'dyspraxic',
  // whom a letter or a post is addressed to when no one is named
  'sir',
  'madam',
  'everyone',
  'everybody',
  'commissioner',
  'commissioners',
  'colleagues',
  'anytime',
  'all',
  'folks',
  'councillors',
  'partners',
  'editor',
  'duty',
  // family words signing off or addressed (`Love, Mum`, `Cheers, Dad`, `Love from Nan`)
  'mum',
  'mom',
  'mam',
  'dad',
  'nan',
  'nana',
  'nanna',
  'gran',
  'granny',
  'grandma',
  'grandad',
  'grandpa',
  'carer',
  'carers',
]);

/**
 * Finds people's names in a text, so that published text can replace them. Three sources:
 * compromise's people detection (a rule-based tagger with a lexicon of about 4,000 given names
 * and surnames), run only on the sentences that hold a capitalised word it could take for a name,
 * {@link NAME_PATTERNS} for the ways feedback names people that compromise misses, and lists of
 * people in which neither finds a name to read the list from (see {@link listedPeople}). Words on
 * {@link NOT_NAMES} (organisations, places, holidays, days and months) are never a name on their
 * own, so `Scope`, `Healthwatch` or `Easter` stay. A name whose words are all in one of `keepNames`
 * (public figures the analyst chose to keep; compared without regard to case) is left as written.
 *
 * Returns non-overlapping spans in text order. Deterministic; compromise is loaded on first call.
 */
export function findPersonNames(written: string, keepNames: readonly string[] = []): NameSpan[] {
  const lexicon = loadLexiconWords();
  const text = caseRestored(written, lexicon);
  if (!hasCandidate(text)) return [];
  const spans: NameSpan[] = [];
  const organisationsThanked: NameSpan[] = [];
  NAME_PATTERNS.forEach(({ pattern, guard }) => {
    if (!guard.test(text)) return;
    for (const match of text.matchAll(pattern)) {
      const name = match.groups?.['name'];
      if (name === undefined || isNotName(name)) continue;
      const start = match.index + match[0].lastIndexOf(name);
      if (pattern === SENTENCE_START && isCommonSentenceStart(text, start, name, lexicon)) continue;
      if (pattern === ASK_FOR && !isAskedForName(text, name, start, lexicon)) continue;
      if (pattern === THANKED && isListedOrganisation(text, name, start, lexicon)) {
        organisationsThanked.push({ start, end: start + name.length });
        continue;
      }
      if (pattern === THANKED && !isThankedBeforeList(text, name, start, lexicon)) continue;
      if (pattern === PLURAL_ROLE && !isListedAfterRole(text, name, start, lexicon)) continue;
      if (pattern === ROLE_THEN_NAME && isRoleCompound(name)) continue;
      if (pattern === INTRODUCTION && !/^[Mm]y/u.test(match.groups?.['cue'] ?? '') && isDescriptiveWord(name, lexicon)) continue;
      if (pattern === TITLED_NAME && isRoleCompound(name.replace(/^\S+[ \t]+/u, ''))) continue;
      if (pattern === BIRTH_APPOSITION && !isListedNameLike(name, lexicon)) continue;
      if (
        pattern === BIRTH_APPOSITION &&
        (isPlaceOrInstitution(text, { start, end: start + name.length }) || isPlaceShapedWord(name, lexicon))
      )
        continue;
      if (pattern === CREDITED && !isCreditedName(text, name, start, lexicon)) continue;
      if (
        pattern === NAMED_AS &&
        (RELATION_WORDS.has(name.toLowerCase()) || isPlaceOrInstitution(text, { start, end: start + name.length }))
      )
        continue;
      if (pattern === SIGNED_LAST_LINE && !isSignedName(text, name, start, lexicon)) continue;
      if (pattern === POSSESSIVE_OPENER && !isPossessivePerson(text, name, start, lexicon)) continue;
      const addressed = /^,[ \t]+you/u.test(text.slice(start + name.length, start + name.length + 8));
      if (pattern === ASKED_BY_NAME && !lexicon.names.has(name.toLowerCase()) && !addressed) continue;
      if (
        (pattern === CALLED_BY_NAME || pattern === ASKED_BY_NAME) &&
        (!isLoneNameLike(name, lexicon) || isPlaceOrInstitution(text, { start, end: start + name.length }))
      )
        continue;
      spans.push(...apartFromNextField(text, { start, end: start + name.length }, lexicon));
    }
  });
  spans.push(...lowerCaseWritersPeople(written, lexicon));
  spans.push(...listedPeople(text, lexicon));
  spans.push(...labelledNames(text, lexicon));
  spans.push(...speakersOfPastedTranscript(written, lexicon));
  spans.push(...possessivesInSentences(text, lexicon));
  spans.push(...townsThatSpeak(text));
  for (const sentence of candidateSentences(text, lexicon)) {
    const people = peopleIn(sentence.text);
    for (let at = 0; at + 1 < people.length; at += 2) {
      const start = sentence.start + (people[at] ?? 0);
      const person = trimToWord(text, start, start + (people[at + 1] ?? 0));
      for (const part of person === null ? [] : apartAtBreaks(text, person, lexicon)) {
        const span = capitalisedPart(text, part);
        if (span !== null && !isNotName(text.slice(span.start, span.end)) && !isPlaceOrInstitution(text, span)) {
          spans.push(...apartFromNextField(text, span, lexicon));
        }
      }
    }
  }
  const kept = keepNames.map((name) => wordsOf(name));
  return merge(
    withNeighbours(text, merge(spans), organisationsThanked, lexicon)
      .map((span) => withoutOpeningModal(text, span))
      .filter(
        (span) =>
          !isPlaceNamedLikePerson(text, span, lexicon) &&
          !isOrganisationAt(text, span, lexicon) &&
          !isOrganisationPossessive(text, span) &&
          !isVirtueBesideQuality(text, span, lexicon) &&
          !isNounModifierAfterThe(text, span) &&
          !isEponymInPossessive(text, span),
      )
      .map((span) => wholeWords(text, span)),
  ).filter((span) => !isKept(text.slice(span.start, span.end), kept));
}

const PLACES = new Set(PLACES_NAMED_LIKE_PEOPLE.map((place) => place.toLowerCase()));
/** What says a person is meant by the word after it: a title, a role or relation, a greeting or sign-off, `called` or `named`. */
const PERSON_CUE_BEFORE = new RegExp(
  `(?:(?<![\\p{L}])(?:${HONORIFIC}|${ROLE}|[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|[Cc]heers|[Ll]ove|[Rr]egards|[Ww]ishes|called|named|name is|to you)|[\\n][ \\t]*[-–—])[ \\t]*,?[ \\t]*$`,
  'iu',
);

/**
 * True when the span is a town {@link PLACES_NAMED_LIKE_PEOPLE} lists, alone or before words no
 * lexicon lists as a name (`Bradford needs more buses`, `Houston "courtesy police"`, `Twitter:
 * Bradford Carers`), with no title, role, relation, greeting or `called` before it and no `from
 * the` or `at the` after it, which say a person is meant (`Dr Preston`, `my son Preston`, `Hi
 * Preston`, `Preston from the council rang`).
 */
function isPlaceNamedLikePerson(text: string, span: NameSpan, lexicon: LexiconWords): boolean {
  const [first, ...rest] = wordsOf(text.slice(span.start, span.end));
  if (first === undefined || !PLACES.has(first) || rest.some((word) => lexicon.names.has(word) || lexicon.ambiguous.has(word)))
    return false;
  if (ROLE_OR_PLACE_AFTER.test(text.slice(span.end, span.end + 20))) return false;
  if (rest.length === 0 && isSpeakingTown(text, span)) return false;
  return !PERSON_CUE_BEFORE.test(text.slice(Math.max(0, span.start - 30), span.start));
}

/** A verb of saying, asking or thinking right after a word, perhaps after an adverb (`said`, `just wants`, `thinks`). */
const REPORTING_VERB_AFTER =
  /^[ \t]+(?:(?:just|also|then|always|never|still|really|only|already|even|now|later)[ \t]+)?(?:said|says|told|tells|asked|asks|thinks|thought|wants|wanted|reckons|reckoned|feels|felt|replied|answered|explained|agreed|insisted|admitted|promised|mentioned|suggested|texted|e-?mailed|messaged|rang|phoned|knows|knew|believes|believed|hopes|hoped|laughed|complained|moaned|wrote|writes)(?![\p{L}])/u;
/** A preposition or `the` before a word, which makes it a place or a thing there (`in Preston`, `trains to Chester`, `the Lincoln`). */
const PLACE_OR_THING_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|to|from|of|for|via|by|around|outside|across|into|throughout|the|The)[ \t]+$/u;
const TOWN_WORD = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}'’-])(?:${[...PLACES_NAMED_LIKE_PEOPLE, ...TOWNS_THAT_ARE_GIVEN_NAMES].join('|')})(?![\\p{L}\\p{M}\\p{N}'’-])`,
  'gu',
);

/**
 * True when the span, a town that is also a person's name, is followed by a verb of saying or
 * thinking and has no preposition or `the` before it (`Preston said no`, `Lincoln thinks…`), so
 * that a person is meant; `in Preston said…` and `trains to Chester said…` stay places.
 */
function isSpeakingTown(text: string, span: NameSpan): boolean {
  return (
    REPORTING_VERB_AFTER.test(text.slice(span.end, span.end + 40)) &&
    !PLACE_OR_THING_BEFORE.test(text.slice(Math.max(0, span.start - 12), span.start))
  );
}

/**
 * Towns named like people ({@link PLACES_NAMED_LIKE_PEOPLE}, {@link TOWNS_THAT_ARE_GIVEN_NAMES})
 * written as the one who says, asks or thinks something (`Carlisle asked about the forms`), which
 * the tagger reads as a place or not at all.
 */
function townsThatSpeak(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const match of text.matchAll(TOWN_WORD)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (isSpeakingTown(text, span)) spans.push(span);
  }
  return spans;
}

/** `Will` or `May` opening a question, before a name and a verb (`Will Bradford do the same review?`, `May Sarah come?`). */
const MODAL_OPENING = /^(?:Will|May)[ \t]+(?=\p{Lu})/u;
const QUESTION_OPENS = /(?:^|[.!?\n]|["“(])[ \t]*$/u;

/**
 * The span without a `Will` or `May` that opens a question and asks it of the words after it: at
 * a sentence's start, with a verb in lower case after the span and the sentence ending in `?`
 * (`Will Bradford do the same review?` asks about `Bradford`, `Will Smith do it?` about `Smith`,
 * a person still). `Will Smith said so` is left whole.
 */
function withoutOpeningModal(text: string, span: NameSpan): NameSpan {
  const modal = MODAL_OPENING.exec(text.slice(span.start, span.end));
  if (modal === null || !QUESTION_OPENS.test(text.slice(Math.max(0, span.start - 4), span.start))) return span;
  const sentence = /^[^.!?\n]*\?/u.exec(text.slice(span.end));
  const verb = LOWER_CASE_AFTER.exec(text.slice(span.end, span.end + 40)) ?? /^[ \t]+(\p{Ll}{2})(?![\p{L}])/u.exec(text.slice(span.end));
  if (sentence === null || verb === null) return span;
  const tags = tagsAt(text, span.start, span.end + verb[0].length - (verb[1] ?? '').length);
  return tags.includes('Infinitive') || tags.includes('PresentTense') ? { start: span.start + modal[0].length, end: span.end } : span;
}

/** The first words, in the possessive, of the days and the conditions tlap knows (`valentine's`, `gilbert's`). */
function possessivesOpening(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((name) => comparable(name).split(' ', 1)[0] ?? '').filter((word) => word.endsWith("'s")));
}

const DAY_POSSESSIVES = possessivesOpening(ORGANISATION_NAMES['days'] ?? []);
const CONDITION_POSSESSIVES = possessivesOpening(ORGANISATION_NAMES['conditions'] ?? []);

/**
 * True when the span is one word in the possessive that opens a day or a condition tlap knows,
 * written without the rest of its name: a day before anything but a role or relation (`a
 * Valentine's card`; `Valentine's mum` is a person's), a condition before no noun it could own
 * (`Mum has Gilbert's and Addison's`, `since Alzheimer's`; `Wilson's visit` is a person's).
 */
function isEponymInPossessive(text: string, span: NameSpan): boolean {
  const found = comparable(text.slice(span.start, span.end));
  const day = DAY_POSSESSIVES.has(found);
  if (!day && !CONDITION_POSSESSIVES.has(found)) return false;
  const after = text.slice(span.end, span.end + 40);
  if (ROLE_AHEAD.test(after.trimStart())) return false;
  if (day) return true;
  const next = LOWER_CASE_AFTER.exec(after);
  if (next === null) return true;
  const tags = tagsAt(text, span.start, span.end + next[0].length - (next[1] ?? '').length);
  return !tags.includes('Noun') || tags.includes('Pronoun');
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * The span widened to the whole words it starts and ends in, so that redaction never cuts a word
 * (`[name]hanks` shows half a word and hides the other half); what a source of names gets wrong
 * about where a name ends is then shown as too much redacted, never as a mangled word.
 */
function wholeWords(text: string, span: NameSpan): NameSpan {
  let { start, end } = span;
  while (start > 0 && WORD_CHARACTER.test(text.charAt(start - 1)) && WORD_CHARACTER.test(text.charAt(start))) start -= 1;
  while (end < text.length && WORD_CHARACTER.test(text.charAt(end)) && WORD_CHARACTER.test(text.charAt(end - 1))) end += 1;
  return start === span.start && end === span.end ? span : { start, end };
}

/**
 * A name written after a form's label for it, at a line's or a field's start (`Name: Tom Field`,
 * `Full name: Amara Obi`, `Patient name: …`, `Surname: Field`): the words after such a label are
 * a name whatever they are as words, except one common word alone (`Name: Anonymous`, `Name:
 * Withheld`). Not after a label naming a thing (`Company name: …`, `Username: …`). With no colon
 * only at a line's start (see {@link isUnmarkedLabel}).
 */
const LABELLED_NAME: GuardedRegExp = {
  pattern: new RegExp(
    `(?:^|[\\n|;,.!?(\\[\\t])[ \\t]*(?:(?:[Ff]ull|[Ff]irst|[Gg]iven|[Ff]amily|[Ll]ast|[Yy]our|[Pp]atient(?:['’]s)?|[Cc]arer(?:['’]s)?|[Cc]lient(?:['’]s)?|[Rr]espondent(?:['’]s)?|[Cc]ontact)[ \\t]+)?(?:[Nn]ame|NAME|[Ss]urname|SURNAME|[Ff]orename|FORENAME)s?(?<colon>[ \\t]*:)?[ \\t]*(?<name>${NAME})`,
    'gmu',
  ),
  guard: /[Nn]ame|NAME/u,
};

/**
 * True when a label with no colon after it (`Name Olusegun Adeyemi Telephone …`, as a form's
 * fields are pasted as text) is one: it opens its line, a space is between it and the name, and
 * the name's first word may be a name standing alone (`Name Withheld` is none).
 */
function isUnmarkedLabel(found: string, name: string, lexicon: LexiconWords): boolean {
  const label = found.slice(0, found.length - name.length);
  return !/^[|;,.!?(\[\t]/u.test(found) && /[ \t]$/u.test(label) && isLoneNameLike(name.split(/[ \t]/u)[0] ?? name, lexicon);
}

/**
 * A line opened by a speaker's label, as a transcript pasted as text writes one (`- GIDEON:
 * Yes.`, `JOHN SMITH: Thanks.`, `> Rebecca: …`, `00:05 REBECCA: …`): after a bullet or a time, if
 * any, one to three capitalised words, a colon and what was said.
 */
const SPEAKER_LABEL: GuardedRegExp = {
  pattern:
    /^[ \t]*(?:[-*•>–—][ \t]*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(?<label>\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,2})[ \t]*:[ \t]+\S/gmu,
  guard: /:[ \t]+\S/u,
};
/** A word that is no acronym: it has a vowel. */
const HAS_VOWEL = /[aeiouy]/u;

/**
 * The speakers' labels of a transcript pasted as text: where two lines or more open with
 * {@link SPEAKER_LABEL}, two labels differ and one of them is all given names or surnames the
 * lexicons list (a dialogue of people, not a form's or a mail header's fields), each label whose
 * words, and each part of a word with a hyphen, are such names, or, in capitals, words of three
 * letters or more no lexicon knows that are no acronym (`GIDEON` beside `REBECCA`, `MARY-JANE`).
 * compromise's lexicon lacks many common words (`Email`, `Precedence`, `Language`), so a word it
 * does not know is read as a name only beside a listed one and only in capitals, as such a
 * transcript writes its speakers. So `Q:` and `A:`, `NOTE:`, `CHAIR:`, `EMAIL:` and `PHONE:`, a
 * mail header's `X-GUID:` and an organisation's label stay.
 */
function speakersOfPastedTranscript(text: string, lexicon: LexiconWords): NameSpan[] {
  const labels = [...guardedMatches(text, SPEAKER_LABEL)].flatMap((match) => {
    const label = match.groups?.['label'];
    return label === undefined ? [] : [{ label, start: match.index + match[0].indexOf(label) }];
  });
  if (labels.length < 2 || new Set(labels.map(({ label }) => label)).size < 2) return [];
  const partsOf = (label: string): string[] => label.toLowerCase().split(/[ \t-]+/u);
  const isListedName = (word: string): boolean => !NOT_NAMES.has(word) && (lexicon.names.has(word) || lexicon.ambiguous.has(word));
  const ledByName = labels.some(({ label }) => partsOf(label).every(isListedName));
  if (!ledByName && !labels.some(({ label }) => TRANSCRIPT_ROLES.has(label.toLowerCase()))) return [];
  const isUnknownWord = (word: string): boolean =>
    !NOT_NAMES.has(word) &&
    !TRANSCRIPT_ROLES.has(word) &&
    word.length > 2 &&
    HAS_VOWEL.test(word) &&
    !isKnownWord(word, lexicon) &&
    !lexicon.organisations.has(word) &&
    (ledByName || !isOrganisationShaped(word));
  const turns = new Map<string, number>();
  for (const { label } of labels) turns.set(label, (turns.get(label) ?? 0) + 1);
  return labels
    .filter(({ label }) => {
      const parts = partsOf(label);
      if (parts.every((word) => isListedName(word) || (ALL_CAPS.test(label.replace(/[ \t-]/gu, '')) && isUnknownWord(word)))) return true;
      return !ALL_CAPS.test(label.replace(/[ \t-]/gu, '')) && isMixedCaseSpeaker(label, turns.get(label) ?? 0, isListedName, isUnknownWord);
    })
    .map(({ label, start }) => ({ start, end: start + label.length }));
}

/**
 * Labels of a transcript's or a meeting note's lines that are roles or parts of the notes, not
 * people, though compromise's lexicon lacks them (`Interviewer:`, `Respondent:`, `Agenda:`).
 */
const TRANSCRIPT_ROLES = new Set(
  (
    'interviewer interviewee respondent participant facilitator moderator chair chairperson co-chair vice-chair host co-host ' +
    'presenter speaker panellist panelist audience caller operator translator interpreter narrator reporter clerk secretary ' +
    'note notes action actions agenda summary decision decisions outcome outcomes question answer comment response minutes ' +
    'attendees apologies present everyone unknown inaudible crosstalk transcript item update recap guest member members'
  ).split(' '),
);

/** A given name written with a particle and a capital inside it (`DeShawn`, `McKenzie`, `LaToya`, `MacAulay`, `O'Brien`). */
const PARTICLE_NAME = /^(?:Mc|Mac|De|Da|Di|Du|La|Le|Lo|Ja|Ke|Ty|Sha|Ra|O['’])\p{Lu}\p{Ll}{2,}$/u;

/**
 * True for a transcript's label in mixed case that names a person no lexicon lists, where the
 * layout shows people speaking: each word shaped as a given name with a particle (`DeShawn`,
 * `McKenzie`); a name with a hyphen one part of which a lexicon lists (`Siobhan-Marie`,
 * `Jaxon-Lee`; not `Co-Chair`); or a word no lexicon knows, no role of the notes
 * ({@link TRANSCRIPT_ROLES}) nor plural nor common English word ({@link isCommonEnglishWord}:
 * `Feedback:`, `Wellbeing:`), that opens two turns or more (`Kaelynn:` answering `Interviewer:` twice).
 */
function isMixedCaseSpeaker(
  label: string,
  turns: number,
  isListedName: (word: string) => boolean,
  isUnknownWord: (word: string) => boolean,
): boolean {
  return label.split(/[ \t]+/u).every((word) => {
    const lower = word.toLowerCase();
    if (TRANSCRIPT_ROLES.has(lower)) return false;
    if (isListedName(lower) || PARTICLE_NAME.test(word)) return true;
    const parts = lower.split('-');
    if (parts.length > 1)
      return (
        parts.some(isListedName) &&
        parts.every((part) => isListedName(part) || !TRANSCRIPT_ROLES.has(part)) &&
        /^\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{Lu}[\p{Ll}\p{M}'’]*)+$/u.test(word)
      );
    return turns >= 2 && isUnknownWord(lower) && !isOrganisationShaped(lower) && !isCommonEnglishWord(lower);
  });
}

/** What is written after `Name:` by someone who gives none. */
const NO_NAME_GIVEN = new Set([
  'anonymous',
  'anon',
  'unknown',
  'none',
  'withheld',
  'redacted',
  'private',
  'confidential',
  'blank',
  'various',
]);

/** The names {@link LABELLED_NAME} finds, each cut before a field that follows it on the line (see {@link apartFromNextField}). */
function labelledNames(text: string, lexicon: LexiconWords): NameSpan[] {
  const found: NameSpan[] = [];
  for (const match of guardedMatches(text, LABELLED_NAME)) {
    const name = match.groups?.['name'];
    if (name === undefined || isNotName(name)) continue;
    const start = match.index + match[0].lastIndexOf(name);
    if (match.groups?.['colon'] === undefined && !isUnmarkedLabel(match[0], name, lexicon)) continue;
    const span = apartFromNextField(text, { start, end: start + name.length }, lexicon)[0];
    if (span === undefined) continue;
    const lower = text.slice(span.start, span.end).toLowerCase();
    const alone = !/[ \t]/u.test(lower);
    if (alone && (NO_NAME_GIVEN.has(lower) || (isKnownWord(lower, lexicon) && !lexicon.names.has(lower) && !lexicon.ambiguous.has(lower))))
      continue;
    found.push(span);
  }
  return found;
}

/** Two or more capitalised words listed with commas and `and` (`Holly, Femi and Joy`), at most {@link MAX_LISTED} before the `and`. */
const WORD_LIST = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}'’-])${LIST_ITEM}(?:,[ \\t]*${LIST_ITEM}){0,${MAX_LISTED}},?[ \\t]+(?:and|&)[ \\t]+${LIST_ITEM}`,
  'gu',
);
/** What stands before a list of people that no other name is found in: a clause's start, a comma, or `by`, `to`, `with` (`Nights were covered by Joy, Ngozi and Pearl`). */
const BEFORE_PEOPLE = /(?:^|[\n.!?:;,(][ \t]*|(?<![\p{L}])(?:by|to|with)[ \t]+)$/u;
/** What follows a list of people: a clause's end or what people do or where they are (`were brilliant`, `sorted the rota`, `at the hub`). */
const AFTER_PEOPLE = new RegExp(
  `^(?:[ \\t]*(?:[,.!?;:)]|$)|[ \\t]+(?:${PERSON_VERB}|were|are|did|do|came|come|got|made|kept|took|went|gave|brought|always|all|both|who|at|on|from|in|for)(?![\\p{L}]))`,
  'u',
);

/**
 * People listed where no other name is found to read the list from (`Holly, Femi and Joy were
 * brilliant`, `Nights were covered by Joy, Ngozi and Pearl`): two or more capitalised words
 * with commas and `and`, after a clause's start, a comma, `by`, `to` or `with` and before a
 * clause's end or what people do, each a word that may be a name in a list (see
 * {@link isListedNameLike}) or an organisation, none a place, with at least one given name the
 * lexicon lists or marks as maybe a person (`Holly`, `Joy`) and one that is not only that (`Femi`,
 * or a name the lexicon lists). Words before the first that may be no name are left out of the
 * list (`Blessing, Chidi and Hope`: `Blessing`, a common word, is read from `Chidi`). So words
 * listed as words stay (`Our values are Hope, Respect and Dignity`, `The units are called Rose,
 * Holly and Ivy`, `Hope, Faith and Love are the words…`), as do places (`Rhyl, Prestatyn and
 * Holywell`).
 */
function listedPeople(text: string, lexicon: LexiconWords): NameSpan[] {
  const found: NameSpan[] = [];
  for (const list of text.matchAll(WORD_LIST)) {
    const end = list.index + list[0].length;
    if (!AFTER_PEOPLE.test(text.slice(end, end + 40)) || !isVerbAfterList(text, list.index, end)) continue;
    const items = [...list[0].matchAll(CAPITALISED_WORD)].map((item) => ({ word: item[0], start: list.index + item.index }));
    while (items.length > 2 && !isListedNameLike(items[0]?.word ?? '', lexicon)) items.shift();
    const first = items[0];
    if (first === undefined || !BEFORE_PEOPLE.test(text.slice(Math.max(0, first.start - 20), first.start))) continue;
    let evidence = false;
    let anchored = false;
    const people: NameSpan[] = [];
    for (const { word, start } of items) {
      const span = { start, end: start + word.length };
      const lower = word.toLowerCase();
      if (isListedOrganisationWord(text, span, word, lexicon)) continue;
      if (!isListedNameLike(word, lexicon) || isPlaceOrInstitution(text, span)) {
        people.length = 0;
        break;
      }
      evidence ||= lexicon.names.has(lower) || lexicon.ambiguous.has(lower);
      anchored ||= lexicon.names.has(lower) || !lexicon.ambiguous.has(lower);
      people.push(span);
    }
    if (evidence && anchored && people.length > 0) found.push(...people);
  }
  return found;
}

/** A word ending in `s` right after a list, which may be a verb (`Karen & Nicky needs…`) or a plural noun (`Prem & Neonate babies`). */
const S_WORD_AFTER = /^[ \t]+(\p{Ll}{2,}s)(?![\p{L}'’])/u;

/**
 * True unless the word after a list ending in `s` is no verb as compromise reads it with the list
 * before it: `Prem & Neonate babies that are in I.C.U` lists what babies are, not people.
 */
function isVerbAfterList(text: string, start: number, end: number): boolean {
  const word = S_WORD_AFTER.exec(text.slice(end, end + 40));
  if (word === null || /^(?:is|was|has|does|always)$/u.test(word[1] ?? '')) return true;
  const at = end + word[0].length - (word[1]?.length ?? 0);
  return tagsAt(text, start, at).includes('Verb');
}

/** How far before a name an organisation's name that holds it may start (`Marks and ` before `Spencer`). */
const ORGANISATION_REACH = 40;
/** A word an organisation's name may start with (`Sainsbury's`, `Co-op`, `B&M`, `Turn2us`). */
const ORGANISATION_WORD = /(?<![\p{L}\p{M}\p{N}'’&-])[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*/gu;

/**
 * The organisations {@link ORGANISATION_NAMES} lists that are written over `span` or part of it
 * (`Sue Ryder`, `Marks and Spencer` over `Spencer`), each starting at most
 * {@link ORGANISATION_REACH} characters before it.
 */
function organisationsOver(text: string, span: NameSpan, lexicon: LexiconWords): NameSpan[] {
  const from = Math.max(0, span.start - ORGANISATION_REACH);
  const found: NameSpan[] = [];
  for (const word of text.slice(from, span.end).matchAll(ORGANISATION_WORD)) {
    const key = comparable(word[0]);
    const names = lexicon.organisations.get(key) ?? lexicon.organisations.get(key.replace(/'s$/u, ''));
    if (names === undefined) continue;
    const start = from + word.index;
    const written = comparable(text.slice(start, start + (names[0]?.length ?? 0)));
    const name = names.find(
      (candidate) => written.startsWith(candidate) && !/[\p{L}\p{M}\p{N}]/u.test(text.charAt(start + candidate.length)),
    );
    if (name !== undefined && start + name.length > span.start) found.push({ start, end: start + name.length });
  }
  return found;
}

/**
 * True when `span` is all organisations {@link ORGANISATION_NAMES} lists (`Cruse`, `Sue Ryder`,
 * `Spencer` of `Marks and Spencer`, a tagger's `John Lewis; Sue Ryder`): no person then. A name
 * with more in it than an organisation stays a name (`Tom Mears`, `Dr Costa`), as a surname may be
 * written like a firm.
 */
function isOrganisationAt(text: string, span: NameSpan, lexicon: LexiconWords): boolean {
  const organisations = organisationsOver(text, span, lexicon);
  if (organisations.length === 0) return false;
  let rest = '';
  let at = span.start;
  for (const organisation of organisations) {
    rest += text.slice(at, Math.max(at, organisation.start));
    at = Math.max(at, organisation.end);
  }
  rest += text.slice(Math.min(at, span.end), span.end);
  if (POSSESSIVE_ENDING.test(rest) && !/\p{L}/u.test(rest.replace(POSSESSIVE_ENDING, ''))) return !ownsRole(text, span.end);
  return !/\p{L}/u.test(rest);
}

const POSSESSIVE_ENDING = /['’]s$/u;

/** True when a role or relation, which only a person has, follows the end of a possessive (`Costa's mum`, `Zara's carer`). */
function ownsRole(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  return /^[ \t]+/u.test(after) && ROLE_AHEAD.test(after.trimStart());
}

/**
 * What a business, a brand or an organisation owns and a person seldom does: its site, app,
 * prices, shops, drivers and customer service (`Amazon's site`, `Zara's website`, `Yodel's delivery
 * slots`); after a possessive, up to two words in lower case before, it says the owner is no person.
 */
const OWNED_BY_ORGANISATION = new RegExp(
  `^['’]s(?:[ \\t]+\\p{Ll}[\\p{Ll}-]*){0,2}?[ \\t]+(?:${[
    'site',
    'sites',
    'website',
    'websites',
    'web site',
    'app',
    'apps',
    'online shop',
    'prices',
    'pricing',
    'shelves',
    'stores?',
    'shops',
    'branch',
    'branches',
    'outlets?',
    'checkouts?',
    'tills',
    'customer services?',
    'customers',
    'helpline',
    'call centre',
    'warehouses?',
    'depots?',
    'headquarters',
    'shares',
    'profits',
    'shareholders',
    'chief executive',
    'CEO',
    'products',
    'own[ -]brand',
    'services',
    'deliveries',
    'delivery (?:slots?|drivers?|vans?|charges?)',
    'drivers',
    'vans',
    'lorries',
    'parcels',
    'lockers',
    'catalogue',
    'loyalty (?:card|scheme|points)',
    'logo',
    'brand',
    'platform',
    'algorithm',
    'chatbot',
    'subscriptions?',
    'franchises?',
    'subsidiar(?:y|ies)',
    'workforce',
    'employees',
    'premises',
    'repairs(?: team)?',
    'terms and conditions',
    'returns policy',
  ].join('|')})(?![\\p{L}])`,
  'u',
);

/**
 * True when `span` is one word in the possessive, or one word before `'s`, that owns what only a
 * business or an organisation has (see {@link OWNED_BY_ORGANISATION}): `Amazon's site`, `Apple's
 * app`, `Costa's new service`; `Priya's visit` and `Zara's carer` stay people.
 */
function isOrganisationPossessive(text: string, span: NameSpan): boolean {
  const written = text.slice(span.start, span.end);
  if (/\s/u.test(written.replace(POSSESSIVE_ENDING, ''))) return false;
  const from = POSSESSIVE_ENDING.test(written) ? span.end - 2 : span.end;
  return OWNED_BY_ORGANISATION.test(text.slice(from, from + 60));
}

/**
 * Words that label a form's field (`Date of birth:`, `Address:`, `Phone 01632…`), which a tagger
 * takes in with a name written before them on one line (`Name: Deborah Smith Date of birth: …`
 * lost `Date`, and with it what the field was).
 */
const FIELD_LABEL_WORDS = new Set(
  (
    'date dob born birth birthday address addr postcode phone telephone tel mobile mob email e-mail contact age gender sex ' +
    'relationship relation role position job occupation title signature signed ref reference sent subject organisation ' +
    'organization ward room bed nationality ethnicity religion language consent comments comment response answer town city ' +
    'county country name surname forename nhs id number next'
  ).split(' '),
);
/** What follows a field's label word: up to three words in lower case, then a colon (`of birth:`). */
const LABEL_REST = /^(?:[ \t]+\p{Ll}[\p{Ll}-]*){0,3}[ \t]*:/u;
/** What follows a field's label word when no colon ends it: up to three words in lower case, then the value's first digit (`of birth 3/4/1950`, `01632 960…`) or the token that has replaced it. */
const LABEL_REST_THEN_DIGIT = /^(?:[ \t]+\p{Ll}[\p{Ll}-]*){0,3}[ \t]*[:-]?[ \t]*(?:\d|\[(?:date of birth|phone|email|address|postcode)\])/u;
/** Words that open a sentence and no name ends with, beside {@link SENTENCE_STARTERS} (`… The nurse`, `… Thanks again`). */
const OPENS_SENTENCE = new Set(
  'the a an my our his her their your i thanks thank please also however but and so then today yesterday tomorrow yes no hi hello dear'.split(
    ' ',
  ),
);
const ROLE_AHEAD = new RegExp(`^(?:${ROLE})(?![\\p{L}\\p{M}])`, 'iu');

/** How a field's label, a sentence's opening word or a role (see {@link opensNextField}) stands after the words of a name. */
type NextField = 'label' | 'sentence' | 'role' | null;

/**
 * What the capitalised word at `start`, the `index`-th word of a name found (from 0), opens after
 * the name, if anything, rather than ending it: a field's label (a label word before a colon or
 * the field's value, `Date of birth: 3/4/1950`, `Phone 01632…`, or from the third word any common
 * word before a colon, `Relationship: daughter`), a sentence (a word that opens sentences with a
 * word after it, `Staff were lovely`), or from the third word a role (`Deborah Smith Social
 * Worker`). A word the lexicon lists as a name opens nothing (`Mary Ann Smith`), and a surname
 * that is a common word ends a name unless one of these says otherwise (`Tom Field said`).
 */
function opensNextField(text: string, start: number, word: string, index: number, lexicon: LexiconWords): NextField {
  const lower = word.toLowerCase();
  if (index === 0 || lexicon.names.has(lower)) return null;
  const after = text.slice(start + word.length, start + word.length + 60);
  if (FIELD_LABEL_WORDS.has(lower) && (LABEL_REST.test(after) || LABEL_REST_THEN_DIGIT.test(after))) return 'label';
  if ((SENTENCE_STARTERS.has(lower) || OPENS_SENTENCE.has(lower)) && /^[ \t]+\p{L}/u.test(after)) return 'sentence';
  if (index < 2) return null;
  if (LABEL_REST.test(after) && isKnownWord(lower, lexicon)) return 'label';
  return ROLE_AHEAD.test(text.slice(start, start + 40)) ? 'role' : null;
}

/**
 * A name found, without what it ran on into (see {@link opensNextField}): cut before a field's
 * label or a role, and split around a word opening a sentence, whose capitalised words after it
 * are read as a name of their own (a tagger's `Staff,That Charlotte` is `Charlotte`). A part
 * before such a word that is one common word alone is no name (`Staff`).
 */
function apartFromNextField(text: string, span: NameSpan, lexicon: LexiconWords): NameSpan[] {
  const parts: NameSpan[] = [];
  let from = span.start;
  let index = 0;
  for (const word of text.slice(span.start, span.end).matchAll(CAPITALISED_WORD)) {
    const start = span.start + word.index;
    const next = opensNextField(text, start, word[0], index, lexicon);
    index += 1;
    if (next === null) continue;
    const before = trimToWord(text, from, start);
    const lower = before === null ? '' : text.slice(before.start, before.end).toLowerCase();
    if (before !== null && (index > 2 || lexicon.names.has(lower) || !isKnownWord(lower, lexicon))) parts.push(before);
    if (next !== 'sentence') return parts;
    from = start + word[0].length;
    index = 0;
  }
  const rest = trimToWord(text, from, span.end);
  if (rest !== null) parts.push(rest);
  return parts;
}

/** An initial before a name (`J. Smith`, `J Smith`); `I` and `A` without a dot are words. */
/** A title before an initial taken into a name (`Dr A. Okafor`, `Mrs P. Kaur`). */
const TITLE_BEFORE_INITIAL = new RegExp(`(?<![\\p{L}])${HONORIFIC}[ \\t]+$`, 'u');
const INITIAL_BEFORE = /(?<![\p{L}\p{M}\p{N}'’])(\p{Lu})(\.?)[ \t]+$/u;
const FOLLOWING_WORD = new RegExp(`^[ \\t]+(?:${SURNAME_PARTICLES})?(${CAPITALISED})(?![\\p{L}\\p{M}\\p{N}])`, 'u');
const LISTED_WORD = new RegExp(
  `^(?:,[ \\t]*|[ \\t]+(?:and|&)[ \\t]+)(${CAPITALISED})(?=[ \\t]*(?:,|and\\b|&|[.!?;:)]|$)|[ \\t]+\\p{Ll})`,
  'u',
);
/**
 * A capitalised word listed right before a name, with the comma or `and` between (`Dawn and `
 * before `Malik`), and no capitalised word before it, whose name or street it would end (`Shive
 * Lane and …`).
 */
const LISTED_BEFORE = new RegExp(
  `(?<!\\p{Lu}[\\p{L}\\p{M}'’-]*[ \\t]+|[\\p{L}\\p{M}\\p{N}'’-])(${CAPITALISED})(,[ \\t]*|[ \\t]+(?:and|&)[ \\t]+)$`,
  'u',
);
/** How far before a name {@link LISTED_BEFORE} looks. */
const LISTED_BEFORE_REACH = 60;

/** A name to widen and list from, and whether it is an organisation listed among names, which is kept but listed from. */
interface Neighbour {
  span: NameSpan;
  listed: boolean;
  organisation: boolean;
}

/**
 * The names found, each with the initials before it (`J. R. Smith`) and the capitalised word after
 * it when that word is no common word (the surname a tagger left out: `Gareth Thompson (NHS…`), and with the names listed beside it (`to
 * Bernadette, Precious and Dr Ng`): a capitalised word joined to a name by a comma or `and`,
 * after it, or before it by `and` (`Dawn and Malik`) or by a comma once a list is under way
 * (`Ray, Bill and Tomasz`), that is no common word, no word on {@link NOT_NAMES} and does not name
 * a place or an institution, or that is a given name compromise files as a common word (`Sue,
 * Dawn and Raj`, see {@link isListedNameLike}). An organisation listed among them is no name but
 * the list goes on past it (`Thanks to Jane, Oxfam and Dawn`), also from an organisation thanked
 * first (`organisations`: `Thank you to Cera, Kofi and …`).
 */
function withNeighbours(text: string, spans: readonly NameSpan[], organisations: readonly NameSpan[], lexicon: LexiconWords): NameSpan[] {
  const widened: NameSpan[] = [];
  const listedStarts = new Set(organisations.map((span) => span.start));
  const pending: Neighbour[] = [
    ...spans.map((span) => ({ span, listed: false, organisation: false })),
    ...organisations.map((span) => ({ span, listed: true, organisation: true })),
  ];
  const listNeighbour = (word: string, start: number): void => {
    const neighbour = { start, end: start + word.length };
    if (listedStarts.has(start) || isCovered(spans, neighbour)) return;
    const organisation = isListedOrganisationWord(text, neighbour, word, lexicon);
    if (!organisation && (!isListedNameLike(word, lexicon) || isPlaceOrInstitution(text, neighbour))) return;
    listedStarts.add(start);
    pending.push({ span: neighbour, listed: true, organisation });
  };
  for (let at = 0; at < pending.length; at += 1) {
    const next = pending[at];
    if (next === undefined) break;
    const span = { ...next.span };
    if (!next.organisation) {
      const following = FOLLOWING_WORD.exec(text.slice(span.end, span.end + 60));
      const surname = following?.[1];
      if (following !== null && surname !== undefined && isNameLike(surname, lexicon)) {
        const end = span.end + following[0].length;
        const words = (text.slice(span.start, span.end).match(CAPITALISED_WORD) ?? []).length;
        if (
          !isPlaceOrInstitution(text, { start: end - surname.length, end }) &&
          opensNextField(text, end - surname.length, surname, words, lexicon) === null
        ) {
          span.end = end;
        }
      }
      for (let initials = 0; initials < 2; initials += 1) {
        const initial = INITIAL_BEFORE.exec(text.slice(Math.max(0, span.start - 6), span.start));
        if (initial === null || (initial[2] === '' && (initial[1] === 'I' || initial[1] === 'A'))) break;
        span.start -= initial[0].length;
        const title = TITLE_BEFORE_INITIAL.exec(text.slice(Math.max(0, span.start - 16), span.start));
        if (title !== null) span.start -= title[0].length;
      }
      widened.push(span);
    }
    const listed = LISTED_WORD.exec(text.slice(span.end, span.end + 60));
    const word = listed?.[1];
    if (listed !== null && word !== undefined) listNeighbour(word, span.end + listed[0].length - word.length);
    const before = text.slice(Math.max(0, span.start - LISTED_BEFORE_REACH), span.start);
    const previous = LISTED_BEFORE.exec(before);
    const previousWord = previous?.[1];
    if (previous !== null && previousWord !== undefined && (next.listed || !(previous[2] ?? '').startsWith(','))) {
      listNeighbour(previousWord, span.start - before.length + previous.index);
    }
  }
  return widened;
}

/** True when one of `spans` (sorted and apart, as {@link merge} leaves them) covers all of `span`: a binary search, so that a long list stays linear. */
function isCovered(spans: readonly NameSpan[], span: NameSpan): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const other = spans[middle];
    if (other === undefined) return false;
    if (other.start > span.start) high = middle - 1;
    else if (other.end < span.end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Nouns that make a compound with a role before them, naming the role's place, service or errand
 * rather than a person (`The GP Surgery`, `Our GP Practice`, `my PA Agency`, `My Social Worker
 * Visit`): after a role, a capitalised word of these is no name, where `my carer Grace`, `my carer
 * Will` and `our district nurse Cerys` are people.
 */
const ROLE_COMPOUND_HEADS = new Set(
  (
    'surgery surgeries practice practices agency agencies service services team teams clinic clinics centre centres center ' +
    'office offices appointment appointments assessment assessments review reviews visit visits hub unit units ward wards ' +
    'department rota package packages plan plans budget budgets referral referrals letter letters report reports line ' +
    'helpline portal app system partnership trust board contract contracts hours rates fees charges receptionist ' +
    'receptionists practitioner practitioners partners federation equipment update updates meeting meetings diagnosis ' +
    "autism dementia alzheimers alzheimer’s alzheimer's parkinsons parkinson’s parkinson's epilepsy diabetes"
  ).split(' '),
);

/** True when the capitalised words after a role start with the rest of a compound noun ({@link ROLE_COMPOUND_HEADS}), not a person (`Our nurse Jane Ward` is one). */
function isRoleCompound(name: string): boolean {
  return ROLE_COMPOUND_HEADS.has((name.split(/[ \t]+/u, 1)[0] ?? '').toLowerCase());
}

/**
 * True when a word listed beside a name may be a name too: one {@link isLoneNameLike} takes, or a
 * given name that compromise's lexicon files as a common word and its switches as maybe a person
 * (`Dawn`, `Holly`, `Pearl`, `Ray`, `Bill`): beside other people, capitalised in the middle of a
 * sentence, such a word is the person, while alone (`Our values are Hope, Respect…`) it is not
 * asked this.
 */
function isListedNameLike(word: string, lexicon: LexiconWords): boolean {
  const lower = word.toLowerCase();
  return isLoneNameLike(word, lexicon) || (lexicon.ambiguous.has(lower) && !NOT_NAMES.has(lower));
}

/** True when a word listed beside a name is an organisation: one {@link ORGANISATION_NAMES} lists, or one compromise's lexicon tags as one and as no name (`Oxfam`, `Tesco`). */
function isListedOrganisationWord(text: string, span: NameSpan, word: string, lexicon: LexiconWords): boolean {
  const lower = word.toLowerCase();
  return isOrganisationAt(text, span, lexicon) || (!lexicon.names.has(lower) && isLexiconOrganisation(lower, lexicon));
}

/**
 * True when a name of capitalised words starts with an organisation {@link ORGANISATION_NAMES}
 * lists (`Tesco Extra`, `Boots`, `Sainsbury's Local`). Asks no tagger, so that redacting other
 * kinds than names never loads compromise.
 */
export function startsWithOrganisation(name: string): boolean {
  return organisationsOver(name, { start: 0, end: name.length }, loadLexiconWords()).some((organisation) => organisation.start === 0);
}

/**
 * True when a word, in any letter case, is one the name lexicons list as a given name or surname
 * or as maybe one (`sarah`, `hope`, `dawn`, `grace`): a word that name detection may take for a
 * person where it is written. Loads no tagger.
 */
export function isListedNameWord(word: string): boolean {
  const lexicon = loadLexiconWords();
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  return !NOT_NAMES.has(lower) && (lexicon.names.has(lower) || lexicon.ambiguous.has(lower));
}

/**
 * True when `keyword`, a codebook's keyword or phrase, names a person however it is read: one of
 * its words is a given name or surname the name lexicons list that is no common word, no place
 * named like a person and no organisation's whole name (`sarah`, `morgan`, `john`, as in John
 * Lewis, `nurse patel`; not
 * `hope`, `ward`, `will`, `bradford`), and `keepNames` (the codebook's `redact.keep_names`) does not
 * hold all its name words. A report that redacts names prints such a keyword as `[name]`.
 */
export function isNameKeyword(keyword: string, keepNames: readonly string[] = []): boolean {
  const lexicon = loadLexiconWords();
  const kept = new Set(keepNames.flatMap((name) => wordsOf(name)));
  const names = wordsOf(keyword).filter(
    (word) =>
      !NOT_NAMES.has(word) &&
      lexicon.names.has(word) &&
      !isListedWord(word, lexicon) &&
      !PLACES.has(word) &&
      lexicon.organisations.get(word)?.includes(word) !== true,
  );
  return names.length > 0 && !names.every((word) => kept.has(word));
}

/** True when a word, in any letter case, is one compromise's lexicon (with tlap's given names) lists as a given name or surname (`sarah`, `grace`; not `hope`, `dawn`). Loads no tagger. */
export function isGivenOrFamilyName(word: string): boolean {
  const lower = word.toLowerCase();
  return !NOT_NAMES.has(lower) && loadLexiconWords().names.has(lower);
}

/**
 * True when a capitalised word may be a person's name: compromise's lexicon lists it as a given
 * name or surname, or knows no such word and it is no organisation, place or institution that
 * feedback names (`Mahmood`, `Okoro`; not `Leeds`, `Thanks`, `Council`).
 */
export function isNameLikeWord(word: string): boolean {
  return isNameLike(word, loadLexiconWords());
}

/**
 * True when a word no name lexicon lists may yet be a person's name: no common word, organisation,
 * place or institution tlap knows (see {@link isNameLikeWord}), that the tagger reads alone as a
 * noun, not as a verb's form or a qualifier (`kaelynn`, `jaxon`; not `zorbing`, `geocaching`,
 * `covid`). Loads the tagger.
 */
export function isUnlistedNameLikeWord(word: string): boolean {
  if (!isNameLikeWord(word)) return false;
  const tags = tagsAt(word.toLowerCase(), 0);
  return tags.includes('Noun') && !tags.some((tag) => tag === 'Gerund' || tag === 'Verb' || tag === 'Adjective' || tag === 'Adverb');
}

/**
 * A capitalised word that may be a name standing alone, with no name it belongs to beside it (in
 * a list, asked for, called to): one {@link isNameLike} takes, unless two common words are
 * written as one in it, as organisations name themselves and given names are not made
 * (`Carefirst`, `Homeshare`, `Crossroads`; not `Bernadette`, `Okoro`). A surname after a given
 * name is not asked this: `Woodhouse` is a surname.
 */
function isLoneNameLike(word: string, lexicon: LexiconWords): boolean {
  const lower = word.toLowerCase();
  return isNameLike(word, lexicon) && (lexicon.names.has(lower) || (!isCompound(lower, lexicon) && !isOrganisationShaped(lower)));
}

/**
 * True when `word` (lower case, no name the lexicon lists) ends as a plural or a possessive does:
 * as English plurals end (see {@link PLURAL_ENDING}), in `os` (`barnardos`), or in `'s`
 * (`barnardo's`). Alone, with no name beside it, that is how shops and charities are named after
 * their founders or what they do (`Morrisons`, `Specsavers`, `Crossroads`, `Barnardo's`), while a
 * person alone is named by a given name, and the given names that end so are in the lexicon
 * (`Agnes`, `Jules`, `Carlos`) or end as no plural does (`Rhys`, `Marcus`, `Dennis`).
 */
function isOrganisationShaped(word: string): boolean {
  return PLURAL_ENDING.test(word) || /^\p{L}+[^\P{L}s]os$/u.test(word) || /^\p{L}+['’]s$/u.test(word);
}

/**
 * True when a capitalised word that ends as a plural does and is no name the lexicon lists is a
 * surname all the same, read where a person stands (`Watkins from the council said…`, `spoke to
 * Simons at the surgery`): a given name with `s` (`Simons`, `Michaels`, `Jeffreys`; only a
 * name the lexicon tags as a man's or a woman's, since `Grant` or `Mark` is also a word), or a
 * name made with `-kin` (`Watkins`, `Dawkins`, `Wilkins`) that is no word the lexicon knows.
 */
function isSurnameShaped(word: string, lexicon: LexiconWords): boolean {
  if (/kins$/u.test(word)) return !isKnownWord(word.slice(0, -1), lexicon);
  const stem = word.replace(/s$/u, '');
  if (stem === word || !lexicon.names.has(stem)) return false;
  const tags = loadCompromise().model().one.lexicon[stem];
  return (typeof tags === 'string' ? [tags] : (tags ?? [])).some((tag) => tag === 'MaleName' || tag === 'FemaleName');
}

/**
 * True when `word` (lower case) is a name the lexicon lists, or two words it lists as names or as
 * maybe names joined by a hyphen, as double given names and double-barrelled surnames are
 * (`anne-marie`, `jean-paul`, `lloyd-davies`), one of them a name that is no organisation or
 * place tlap knows (`Marie` alone may be Marie Curie).
 */
function isListedNameOrPair(word: string, lexicon: LexiconWords): boolean {
  if (lexicon.names.has(word)) return true;
  const parts = word.split('-');
  return (
    parts.length === 2 &&
    parts.every((part) => lexicon.names.has(part) || lexicon.ambiguous.has(part)) &&
    parts.some((part) => lexicon.names.has(part) && !NOT_NAMES.has(part)) &&
    !parts.every((part) => NOT_NAMES.has(part))
  );
}

/** True when `word` (lower case) is two common words of three letters or more written as one (`carefirst`, `crossroads`). */
function isCompound(word: string, lexicon: LexiconWords): boolean {
  for (let at = 3; at <= word.length - 3; at += 1) {
    const first = word.slice(0, at);
    const second = word.slice(at);
    if (isCommonWord(first, lexicon) && isCommonWord(second, lexicon)) return true;
  }
  return false;
}

function isCommonWord(word: string, lexicon: LexiconWords): boolean {
  return !lexicon.names.has(word) && isKnownWord(word, lexicon);
}

/** A capitalised word that may be a name: listed as one, or no common word and not on {@link NOT_NAMES}. */
function isNameLike(word: string, lexicon: LexiconWords): boolean {
  const lower = word.toLowerCase();
  if (NOT_NAMES.has(lower) || INSTITUTION_AFTER.test(` ${word}`)) return false;
  return lexicon.names.has(lower) || !isKnownWord(lower, lexicon);
}

/** The titles {@link HONORIFIC} reads before a name, in lower case: in capitals they are read as written in a title (`MRS HUGHES`). */
const TITLE_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'cllr', 'councillor']);
const LETTERS_WORD = /(?<![\p{L}\p{M}\p{N}])[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?![\p{L}\p{M}\p{N}])/gu;
const ALL_CAPS = /^[\p{Lu}\p{M}'’]{2,}$/u;
/** How many words in capitals in a row make a shouted passage rather than an acronym or two. */
const SHOUTED_RUN = 3;
/** A role or relation, then a word in lower case that may be the person's name (`my son tom`). */
const ROLE_THEN_LOWER_CASE: GuardedRegExp = {
  pattern: new RegExp(
    `(?<![\\p{L}])(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)(?:[ \\t]+\\p{L}+(?:['’]s)?)?[ \\t]+(?:${ROLE}),?[ \\t]+(?<word>(?:\\p{Ll}['’])?\\p{Ll}[\\p{Ll}\\p{M}]+)(?![\\p{L}\\p{M}\\p{N}'’-])`,
    'gu',
  ),
  guard: new RegExp(`(?:${ROLE}),?[ \\t]+[^ \\t\\nA-Z]`, 'u'),
};
/** A sign-off, then a word in lower case alone on the last line or the line after (`cheers,⏎gaz`). */
const SIGN_OFF_THEN_LOWER_CASE: GuardedRegExp = {
  pattern: new RegExp(
    `(?:^|[\\n.!?][ \\t]*)(?:[Tt]hanks(?: again)?|[Tt]hank you|[Mm]any thanks|[Kk]ind regards|[Rr]egards|[Bb]est wishes|[Bb]est|[Cc]heers|[Ll]ove|[Tt]a)[,!]?[ \\t]*\\n?[ \\t]*(?<word>\\p{Ll}[\\p{Ll}\\p{M}]+)(?=[ \\t]*[,.!]?[ \\t]*(?:\\n|$))`,
    'gu',
  ),
  guard: /(?:^|[\n.!?][ \t]*)(?:[Tt]hank|[Mm]any|[Kk]ind|[Rr]egards|[Bb]est|[Cc]heers|[Ll]ove|[Tt]a)/u,
};
/** An introduction in lower case, then a word in lower case (`my name is jane`, `i'm sarah`, `this is dave`). */
const INTRODUCTION_THEN_LOWER_CASE: GuardedRegExp = {
  pattern:
    /(?<![\p{L}\p{M}\p{N}])(?:i['’]?m|i am|my name is|my name['’]s|this is|call me)[ \t]+(?<word>\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}\p{N}'’-])/giu,
  guard: /(?<![A-Za-z0-9])(?:i['’]?m|i am|my name is|my name['’]s|this is|call me)[ \t]/iu,
};
/** A title in lower case, then a word in lower case (`mrs smith`, `dr patel`). */
const TITLE_THEN_LOWER_CASE: GuardedRegExp = {
  pattern:
    /(?<![\p{L}\p{M}\p{N}])(?<title>mr|mrs|ms|miss|dr)\.?[ \t]+(?<word>(?:\p{Ll}['’])?\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}\p{N}'’-])/gu,
  guard: /(?<![A-Za-z0-9])(?:mr|mrs|ms|miss|dr)\.?[ \t]/u,
};
/**
 * Words of speaking to or asking for someone, then a word in lower case (`spoke to jackie on
 * reception`, `ask for bev`, `rang karen`): a name only when the lexicon lists it as a given name
 * and as no other word, since people speak to `reception` and ask for `help`, `will` or `grace`.
 */
const SPOKEN_TO_THEN_LOWER_CASE: GuardedRegExp = {
  pattern:
    /(?<![\p{L}\p{M}\p{N}])(?:(?:spoke|speak|speaking|talked|talk|talking|chatted|chat)[ \t]+(?:to|with)|ask(?:ed)?[ \t]+for|rang|phoned|thanks[ \t]+to|thank[ \t]+you)[ \t]+(?<word>\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}\p{N}'’-])/gu,
  guard: /spoke|speak|talk|chat|ask|rang|phoned|thank/u,
};
/**
 * A text written in lower case throughout, as chat and posts often are (`thanks to jo and kev`,
 * `ty carol x`): no word in it opens with a capital and goes on in lower case (words in capitals,
 * `PA`, `NHS`, do not count).
 */
const TITLE_CASE_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}\p{Ll}/u;
/** A lower-case word where a person stands in lower-case writing: before `from the`, `at the` or `on the` (`priya at the day centre`, `sharon on the phones`). */
const LOWER_CASE_BEFORE_PLACE = /(?<![\p{L}\p{M}\p{N}'’-])(?<word>\p{Ll}[\p{Ll}\p{M}]{2,})(?=[ \t]+(?:from|at|on)[ \t]+the[ \t])/gu;
/** A lower-case word listed after another with `and` or `&` (`jo and kev`). */
const LOWER_CASE_LISTED = /^[ \t]*(?:,[ \t]*|[ \t](?:and|&)[ \t]+)((?:\p{Ll}['’])?\p{Ll}[\p{Ll}\p{M}]{1,})(?![\p{L}\p{M}\p{N}'’-])/u;

/**
 * Where a text is written wholly in lower case (see {@link TITLE_CASE_WORD}), the words in it that
 * read as a name whatever their case: a word the lexicon lists as a given name (not only as a
 * surname: `not really lang team`) and knows as no other word (`sharon`, `dave`, `ruth`; not
 * `will`, `bill`, `grace`, `hope`) that
 * compromise tags as a person where it stands (not `please mark the form`) and after no
 * determiner (not `you are an angel`); the people of {@link lowerCaseWritersPeople}; and a word
 * listed after either with `and` or a comma that is one of those or no word tlap knows (`jo and
 * kev`).
 */
function lowerCaseWritersNames(text: string, lexicon: LexiconWords): number[] {
  if (TITLE_CASE_WORD.test(text)) return [];
  const starts: number[] = [];
  for (const match of text.matchAll(LETTERS_WORD)) {
    const word = match[0];
    const named = word.length > 2 && word === word.toLowerCase() && lexicon.names.has(word) && !isKnownWord(word, lexicon);
    if (!named || DETERMINER_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    if (isLexiconGivenName(word) && tagsAt(text, clauseStart(text, match.index), match.index).includes('Person')) starts.push(match.index);
  }
  starts.push(...lowerCaseWritersPeople(text, lexicon).map((span) => span.start));
  for (let at = 0; at < starts.length; at += 1) {
    const start = starts[at] ?? 0;
    const end = start + (/^[\p{L}\p{M}'’]+/u.exec(text.slice(start))?.[0].length ?? 0);
    const listed = LOWER_CASE_LISTED.exec(text.slice(end, end + 40));
    const next = listed?.[1];
    if (listed === null || next === undefined) continue;
    const nextStart = end + listed[0].length - next.length;
    if (starts.includes(nextStart)) continue;
    if (lexicon.names.has(next) ? !isKnownWord(next, lexicon) : next.length > 2 && isUnknownNoun(text, nextStart, next, lexicon))
      starts.push(nextStart);
  }
  return starts;
}

/** True when compromise's lexicon (with tlap's given names) tags `word` (lower case) as a given name, not only as a surname (`carol`, `dave`; not `lang`). */
function isLexiconGivenName(word: string): boolean {
  const tags = loadCompromise().model().one.lexicon[word];
  return (typeof tags === 'string' ? [tags] : (tags ?? [])).some(
    (tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName',
  );
}

/** How far back {@link clauseStart} looks for the start of a word's clause. */
const CLAUSE_REACH = 60;

/** Where the clause holding the word at `at` starts: after the last stop, comma, colon or line break before it, within {@link CLAUSE_REACH} characters, or at the word itself. */
function clauseStart(text: string, at: number): number {
  const from = Math.max(0, at - CLAUSE_REACH);
  const before = text.slice(from, at);
  const mark = /[.!?,;:\n][^.!?,;:\n]*$/u.exec(before);
  const start = mark !== null ? from + mark.index + 1 : from === 0 ? 0 : at;
  return start + (/^\s*/u.exec(text.slice(start, at))?.[0].length ?? 0);
}

/**
 * In a text written wholly in lower case, a word no word list knows (neither compromise's lexicon
 * nor WordNet), no role, that compromise reads alone as a singular noun, standing before `from the`, `at the` or `on the` and after no determiner, where
 * a capitalised name is a person (`honestly priya at the day centre is a legend`): found as a name
 * whether or not the tagger reads it as one once its capital is put back.
 */
function lowerCaseWritersPeople(text: string, lexicon: LexiconWords): NameSpan[] {
  if (TITLE_CASE_WORD.test(text)) return [];
  const people: NameSpan[] = [];
  for (const match of text.matchAll(LOWER_CASE_BEFORE_PLACE)) {
    const word = match.groups?.['word'] ?? '';
    if (DETERMINER_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    if (lexicon.names.has(word) || isCommonEnglishWord(word) || ROLE_AHEAD.test(word) || !isUnknownNoun(word, 0, word, lexicon)) continue;
    people.push({ start: match.index, end: match.index + word.length });
  }
  return people;
}

/** A lower-case word right after a name put back in case: a surname (`siobhan o'neill`). */
const NEXT_LOWER_CASE_WORD = /^[ \t]+((?:\p{Ll}['’])?\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}\p{N}'’-])/u;

/**
 * The text as name detection reads it: the same length as `text`, with the letter case that
 * capitals-only and lower-case writing lose put back, so that `MY CARER SARAH JONES` and `my son
 * tom` are read as `my carer Sarah Jones` and `my son Tom`. Words in capitals of three letters or
 * more read as a name when compromise's lexicon lists them as a given name or surname, or tlap's
 * given names do with four letters or more or after a name or a title (`MR SIU`, not `THE WAI
 * GUIDELINES`), or, after such a word or a title, as a word it does not know that compromise reads
 * as a singular noun (`JOHN MCDONALD`, `MRS OKONJO`, but not `ED CLASSES`); in a passage of {@link SHOUTED_RUN} or more words in
 * capitals the other words are read in lower case, while a capitalised word or two among
 * ordinary writing (`NHS`, `GP`) is left as written. A word in lower case right after a role or
 * relation (`my sister-in-law meena`) reads as a name when the lexicon lists it as one or does
 * not know it and it is no common word. A word whose case cannot change without changing its
 * length is left as written, so every offset into the result is an offset into `text`.
 */
function caseRestored(text: string, lexicon: LexiconWords): string {
  if (!/\p{Lu}{2}|\p{Ll}/u.test(text)) return text;
  const words = [...text.matchAll(LETTERS_WORD)];
  const replaced = new Map<number, string>();
  let run: RegExpExecArray[] = [];
  const closeRun = (): void => {
    const shouted = run.length >= SHOUTED_RUN;
    let afterName = false;
    for (const word of run) {
      const lower = word[0].toLowerCase();
      const isName: boolean =
        lower.length > 2 &&
        !NOT_NAMES.has(lower) &&
        ((lexicon.names.has(lower) && (afterName || !lexicon.addedThreeLetterNames.has(lower))) ||
          (afterName && !isKnownWord(lower, lexicon) && readsAsSingularNoun(lower, 0)));
      const title = TITLE_WORDS.has(lower);
      const read = isName || title ? titleCase(word[0]) : shouted ? lower : word[0];
      if (read !== word[0] && read.length === word[0].length) replaced.set(word.index, read);
      afterName = isName || title;
    }
    run = [];
  };
  let previousEnd = -1;
  for (const word of words) {
    const caps = ALL_CAPS.test(word[0]);
    const joined = previousEnd >= 0 && !/\p{Ll}/u.test(text.slice(previousEnd, word.index));
    if (!caps || !joined) closeRun();
    if (caps) run.push(word);
    previousEnd = caps ? word.index + word[0].length : -1;
  }
  closeRun();
  let restored = text;
  if (replaced.size > 0) {
    restored = '';
    let copiedUpTo = 0;
    for (const [start, word] of replaced) {
      restored += text.slice(copiedUpTo, start) + word;
      copiedUpTo = start + word.length;
    }
    restored += text.slice(copiedUpTo);
  }
  return restoreAfterRoles(restored, lexicon);
}

/**
 * Lower-case words that read as a name (see {@link caseRestored}): right after a role or relation,
 * with the surname after them, after a title (which is put back in case too: `mrs smith`), after
 * words of speaking to or asking for someone, and alone after a sign-off.
 */
function restoreAfterRoles(text: string, lexicon: LexiconWords): string {
  const starts: number[] = [];
  for (const match of guardedMatches(text, ROLE_THEN_LOWER_CASE)) {
    const word = match.groups?.['word'] ?? '';
    const start = match.index + match[0].length - word.length;
    if (!lexicon.names.has(word) && !isUnknownNounAfterRole(text, start, word, lexicon)) continue;
    starts.push(start);
    const surname = NEXT_LOWER_CASE_WORD.exec(text.slice(start + word.length, start + word.length + 40));
    const family = surname?.[1];
    if (surname !== null && family !== undefined) {
      const at = start + word.length + surname[0].length - family.length;
      if (lexicon.names.has(family) || isUnknownNounAfterRole(text, at, family, lexicon)) starts.push(at);
    }
  }
  for (const match of guardedMatches(text, INTRODUCTION_THEN_LOWER_CASE)) {
    const word = match.groups?.['word'] ?? '';
    const start = match.index + match[0].length - word.length;
    if (word === word.toLowerCase() && (lexicon.names.has(word) || isUnknownNoun(text, start, word, lexicon))) starts.push(start);
  }
  for (const match of guardedMatches(text, TITLE_THEN_LOWER_CASE)) {
    const word = match.groups?.['word'] ?? '';
    const start = match.index + match[0].length - word.length;
    if (lexicon.names.has(word) || isUnknownNoun(text, start, word, lexicon)) starts.push(match.index, start);
  }
  for (const match of guardedMatches(text, SPOKEN_TO_THEN_LOWER_CASE)) {
    const word = match.groups?.['word'] ?? '';
    if (lexicon.names.has(word) && !isKnownWord(word, lexicon)) starts.push(match.index + match[0].length - word.length);
  }
  for (const match of guardedMatches(text, SIGN_OFF_THEN_LOWER_CASE)) {
    const word = match.groups?.['word'] ?? '';
    if (lexicon.names.has(word) || (word.length > 2 && !isKnownWord(word, lexicon)))
      starts.push(match.index + match[0].length - word.length);
  }
  starts.push(...lowerCaseWritersNames(text, lexicon));
  if (starts.length === 0) return text;
  let restored = '';
  let copiedUpTo = 0;
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    const word = /^[\p{L}\p{M}'’]+/u.exec(text.slice(start))?.[0] ?? '';
    const title = titleCase(word);
    if (title.length !== word.length || start < copiedUpTo) continue;
    restored += text.slice(copiedUpTo, start) + title;
    copiedUpTo = start + word.length;
  }
  return restored + text.slice(copiedUpTo);
}

/**
 * {@link isUnknownNoun} for a word right after a role or relation, which must be no English word
 * either: a role's noun makes compounds with one (`my GP surgery`, `our PA agency`, `my carer
 * assessment`) that compromise's lexicon, lacking the noun, would read as a person.
 */
function isUnknownNounAfterRole(text: string, start: number, word: string, lexicon: LexiconWords): boolean {
  return isUnknownNoun(text, start, word, lexicon) && !isCommonEnglishWord(word);
}

/** A lower-case word no word list knows, that compromise reads where it stands as a singular noun. */
function isUnknownNoun(text: string, start: number, word: string, lexicon: LexiconWords): boolean {
  return word.length > 2 && !isKnownWord(word.replace(/^\p{Ll}['’]/u, ''), lexicon) && readsAsSingularNoun(text, start);
}

const INFLECTION = /(?:s|es|ed|d|ing|ly)$/u;
/**
 * The fewest letters a verb's or an adverb's ending (`-ed`, `-d`, `-ing`, `-ly`) is taken off to
 * leave: the lexicon's two-letter words are abbreviations and particles (`al`, `ad`), so that
 * `Aled` is no `al` with `-ed`; a plural's `-s` may leave two (`ads`).
 */
const MIN_STEM = 3;
/** Contractions written without their apostrophe, which compromise's lexicon does not list (`dont`, `im`). */
const CONTRACTIONS = new Set(
  'cant couldnt didnt doesnt dont hadnt hasnt havent id im isnt ive shouldnt thats theres theyre wasnt werent weve whats wont wouldnt youd youll youre yours'.split(
    ' ',
  ),
);
const REST_OF_SENTENCE = /^[^.!?\n]{0,80}/u;

/**
 * True when compromise, reading the word at `start` in its sentence, takes it for one thing (a
 * singular noun: `meena has not had…`) rather than a verb, an adverb or a plural (`attends the`,
 * `recently`, `adores`). Asked only of a lower-case word after a role that no word list knows.
 */
function readsAsSingularNoun(text: string, start: number): boolean {
  const tags = tagsAt(text, start);
  return tags.includes('Singular') || tags.includes('Person');
}

/** The tags compromise gives the word at `at` (`start` unless given), reading it with the rest of its sentence from `start`. */
function tagsAt(text: string, start: number, at = start): readonly string[] {
  const phrase = REST_OF_SENTENCE.exec(text.slice(start))?.[0] ?? '';
  const term = loadCompromise()(phrase)
    .terms()
    .json({ offset: true })
    .find((found) => found.offset?.start === at - start);
  return term?.terms[0]?.tags ?? [];
}

/** True when `word` (lower case) is a common word: a lexicon word other than a name, a contraction, or one of those with an ending (`attends`, `visited`). */
function isKnownWord(word: string, lexicon: LexiconWords): boolean {
  return (ABSTRACT_NOUN.test(word) && !lexicon.names.has(word)) || isListedWord(word, lexicon);
}

/**
 * True when a word in lower case is one compromise's lexicon lists as a common word, a contraction
 * or one of {@link NOT_NAMES}, as written or with an ending (`attends`, `visited`); unlike
 * {@link isKnownWord}, not a word for its suffix alone, so that words written together as an
 * account is named stay unknown (`ourlifewithautism`). Loads no tagger.
 */
export function isCommonWordForm(word: string): boolean {
  return isListedWord(word.toLowerCase(), loadLexiconWords());
}

function isListedWord(word: string, lexicon: LexiconWords): boolean {
  if (CONTRACTIONS.has(word) || NOT_NAMES.has(word) || lexicon.others.has(word)) return true;
  const stem = word.replace(INFLECTION, '');
  if (stem === word) return false;
  const shortest = /(?:ed|d|ing|ly)$/u.test(word) ? MIN_STEM : 1;
  return [stem, `${stem}e`, stem.replace(/i$/u, 'y')].some((base) => base.length >= shortest && lexicon.others.has(base));
}

/**
 * True when the capitalised word at `start`, opening a sentence before what people do, is a
 * common word rather than a person: a word that opens sentences (`We`, `Staff`), a word the
 * lexicon knows other than as a name, a noun by its suffix (`Communication`), a known word with
 * an ending (`Referrals`), or a plural noun (`Letters from the council…`, `Leaflets from the
 * surgery…`): one that ends as English plurals do and that compromise reads as a plural where it
 * stands. A name the lexicon lists is never common here (`Agnes`, `Jenkins`), nor one ending as no
 * English plural does (`Rhys`, `Carys`, `Kostas`, `Dimitris`).
 */
function isCommonOpening(text: string, start: number, word: string, lexicon: LexiconWords): boolean {
  if (SENTENCE_STARTERS.has(word) || lexicon.others.has(word) || ABSTRACT_NOUN.test(word)) return true;
  if (isListedNameOrPair(word, lexicon) || (PLURAL_ENDING.test(word) && isSurnameShaped(word, lexicon))) return false;
  return isKnownWord(word, lexicon) || (PLURAL_ENDING.test(word) && tagsAt(text, start).includes('Plural'));
}

/** True when the one or two words {@link SENTENCE_START} found are no person's name: a common opening (see {@link isCommonOpening}), or a second word that may be no name. */
function isCommonSentenceStart(text: string, start: number, name: string, lexicon: LexiconWords): boolean {
  const [first = name, second] = name.split(/[ \t]+/u);
  if (isCommonOpening(text, start, first.toLowerCase(), lexicon)) return true;
  return second !== undefined && !isNameLike(second, lexicon);
}

/** How English plurals end: a consonant and `s`, a vowel and `ys`, or `es` (`letters`, `days`, `nurses`); not `-ys` after a consonant, `-as`, `-is`, `-os` or `-us`. */
const PLURAL_ENDING = /^\p{L}+(?:[bcdfghjklmnpqrtvwxz]s|[aeiou]ys|es)$/u;

/**
 * A word made a noun by a suffix no given name ends in (`communication`, `management`,
 * `partnership`, `happiness`, `racism`), which compromise's small lexicon mostly leaves out: such a
 * word starting a sentence (`Communication from the council is poor`) is no person.
 */
const ABSTRACT_NOUN = /^\p{L}{3,}(?:tions?|sions?|ments?|ships?|ness(?:es)?|isms?)$/u;

/** `sarah` → `Sarah`, `o'neill` → `O'Neill`, `lily-mae` → `Lily-Mae`. */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(?:^|(?<=^\p{L}['’])|(?<=-))\p{Ll}/gu, (letter) => letter.toUpperCase());
}

/**
 * The people compromise finds in a sentence, as start and length pairs of offsets into it, kept by
 * sentence for the most recent {@link PEOPLE_KEPT} sentences: the same sentence recurs in a run
 * (a campaign's copies, a record quoted under several themes and in a breakdown), and tagging it
 * takes one to three milliseconds. A person runs from its first word's start to its last word's
 * end: compromise's offset for the whole person counts the punctuation before its first word in
 * its length (`- REBECCA: Thanks.` gave `Rebecca: T`), so it is not used.
 */
function peopleIn(sentence: string): readonly number[] {
  const known = peopleBySentence.get(sentence);
  if (known !== undefined) return known;
  const people: number[] = [];
  for (const person of loadCompromise()(sentence)
    .people()
    .json({ offset: true, terms: { offset: true } })) {
    const first = person.terms[0]?.offset;
    const last = person.terms[person.terms.length - 1]?.offset;
    if (first !== undefined && last !== undefined) people.push(first.start, last.start + last.length - first.start);
  }
  if (sentence.length > KEPT_SENTENCE_CHARS) return people;
  if (peopleBySentence.size >= PEOPLE_KEPT) peopleBySentence.clear();
  peopleBySentence.set(sentence, people);
  return people;
}

/** Sentences whose people {@link peopleIn} keeps, each at most {@link KEPT_SENTENCE_CHARS} long: a few megabytes at most. */
const PEOPLE_KEPT = 1024;
const KEPT_SENTENCE_CHARS = 2000;

const peopleBySentence = new Map<string, readonly number[]>();

/** True when the text has a capitalised word that could be a name: anything but `I` and the words on {@link NOT_NAMES}. */
function hasCandidate(text: string): boolean {
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    if (!NOT_NAMES.has(match[0].toLowerCase())) return true;
  }
  return false;
}

const SENTENCE_END = /[.!?]+(?=\s)|\n+/g;

/**
 * The sentences worth tagging: those with a capitalised word that is not the sentence's first
 * word, or whose first word compromise's lexicon lists as a name (`Tracey went…`); a first word
 * it does not know is left to the sentence-start pattern. Bounds the tagger's work to what could
 * hold a name.
 */
function candidateSentences(text: string, lexicon: LexiconWords): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  let start = 0;
  const consider = (end: number): void => {
    const sentence = text.slice(start, end);
    for (const match of sentence.matchAll(CAPITALISED_WORD)) {
      const word = match[0].toLowerCase();
      const leading = sentence.slice(0, match.index).trim() === '';
      if (!NOT_NAMES.has(word) && (!leading || isListedNameOrPair(word, lexicon))) {
        sentences.push({ text: sentence, start });
        return;
      }
    }
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    consider(match.index + match[0].length);
    start = match.index + match[0].length;
  }
  consider(text.length);
  return sentences;
}

function trimToWord(text: string, start: number, end: number): NameSpan | null {
  let from = start;
  let to = end;
  while (from < to && !/[\p{L}\p{N}]/u.test(text.charAt(from))) from += 1;
  while (to > from && !/[\p{L}\p{N}]/u.test(text.charAt(to - 1))) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/** Words that start sentences and are never names, whatever follows them. */
const SENTENCE_STARTERS = new Set([
  'we',
  'they',
  'he',
  'she',
  'it',
  'you',
  'this',
  'that',
  'these',
  'those',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'nobody',
  'people',
  'staff',
  'carers',
  'families',
  'parents',
  'mum',
  'dad',
  'nan',
  'gran',
  'someone',
  'one',
  'all',
  'most',
  'many',
  'some',
  'who',
  'what',
  'which',
  'there',
  'here',
]);

const PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|across|around|outside|into|throughout|St|Saint)\.?[ \t]+$/u;
const INSTITUTION_AFTER =
  /^['’]?s?[ \t]+(?:Hospital|Centre|Center|House|Hall|Road|Rd|Street|Lane|Ln|Avenue|Ave|Park|Court|Trust|Council|Foundation|Society|Institute|Academy|Clinic|School|College|University|Church|Surgery|Practice|Unit|Ward|Hospice|Lodge|Gardens|Square|Close)\b/u;

/**
 * One word that opens with a Welsh or Scottish place word written onto the rest, as many places'
 * names do and no given name does (`Llandudno`, `Aberfan`, `Pwllheli`, `Cwmbran`, `Caerphilly`,
 * `Blaenavon`, `Porthcawl`, `Pontypridd`, `Inverness`, `Strathaven`). English places' endings
 * (`-worth`, `-ford`, `-ton`) are left out: they end the surnames of as many people (`Ashworth`).
 */
const PLACE_SHAPED = /^(?:Llan|Aber|Pwll|Cwm|Caer|Blaen|Pont|Ystrad|Porth|Betws|Bettws|Inver|Strath|Auchter)\p{Ll}{3,}$/u;

/**
 * True when a word no lexicon knows as a name, nor as maybe one, is shaped as a place's name (see
 * {@link PLACE_SHAPED}): before a date set off and a verb it is the place where something
 * happened that day (`Llandudno, 4 May 1944, was bombed`), not a person born then.
 */
function isPlaceShapedWord(word: string, lexicon: LexiconWords): boolean {
  const lower = word.toLowerCase();
  return !lexicon.names.has(lower) && !lexicon.ambiguous.has(lower) && PLACE_SHAPED.test(word);
}

/**
 * Welsh words that open the names of places, hospitals and homes, often before a given name
 * (`Ysbyty Ifan` and `Capel Iwan` are villages, `Plas Owain` a house): a name after one is the place.
 */
const WELSH_PLACE_WORD = '(?:Ysbyty|Capel|Llan|Pont|Cwm|Plas|Tŷ|Aber|Coed|Nant|Maes|Heol|Ffordd|Castell|Eglwys|Neuadd|Canolfan|Cartref)';
const WELSH_PLACE_FIRST = new RegExp(`^${WELSH_PLACE_WORD}[ \t]`, 'u');
const WELSH_PLACE_BEFORE = new RegExp(`(?:^|[^\p{L}])${WELSH_PLACE_WORD}[ \t]+$`, 'u');
/**
 * A name that ends in a word naming an institution, which a tagger took in with the name (`Ailsa
 * Hospital`, `Alexandra Hospital`); not words that are also surnames (`Ward`, `Hall`, `Church`).
 */
const INSTITUTION_LAST =
  /[ \t](?:Hospital|Hospice|Centre|Center|Clinic|Surgery|Practice|Unit|Trust|Council|Foundation|Institute|Academy|School|College|University|Road|Rd|Avenue)$/u;

/**
 * A tagger's "person" that stands where a place does (`in Bradford`, a single word), names an
 * institution (`St James's Hospital`, or ends in such a word: `in Ailsa Hospital`), or is a Welsh
 * place named with a place word before a given name (`Ysbyty Ifan`, `Capel Iwan`).
 */
function isPlaceOrInstitution(text: string, span: NameSpan): boolean {
  const found = text.slice(span.start, span.end);
  if (INSTITUTION_AFTER.test(text.slice(span.end, span.end + 40)) || INSTITUTION_LAST.test(found) || WELSH_PLACE_FIRST.test(found)) {
    return true;
  }
  const before = text.slice(Math.max(0, span.start - 20), span.start);
  return !/\s/u.test(found) && (PLACE_BEFORE.test(before) || WELSH_PLACE_BEFORE.test(before));
}

/**
 * The span from its first capitalised word (a tagger's `brother Kevin` is the name `Kevin`) cut
 * before the next word that is not capitalised (`Ali the environmental` is `Ali`), or null when
 * nothing capitalised is in it.
 */
function capitalisedPart(text: string, span: NameSpan | null): NameSpan | null {
  if (span === null) return null;
  const first = /(?<![\p{L}\p{M}])\p{Lu}/u.exec(text.slice(span.start, span.end));
  if (first === null) return null;
  const start = span.start + first.index;
  const found = text.slice(start, span.end);
  const cut = NOT_CAPITALISED_NEXT.exec(found);
  return cut === null ? { start, end: span.end } : trimToWord(text, start, start + cut.index);
}

/** A mark no name is written across: a bracket or a quote, a colon, a comma (`(REBECCA) Thanks.`, `"Staff","That Charlotte`). */
const NAME_BREAK = /[()[\]{}"“”:;,!?]+/gu;

/**
 * A tagger's person written across a {@link NAME_BREAK} (`REBECCA) Thanks`, `Staff","That
 * Charlotte`), as the parts on either side that hold a word of letters that may be a name, a
 * given name or surname the lexicon lists or a word it does not know, from the first such word on
 * (`Thanks`, `Staff` and `That` are common words, so the second is `Charlotte`; `=C5=A0egan` in a
 * mail header is no word). A person with no such mark is returned whole.
 */
function apartAtBreaks(text: string, span: NameSpan, lexicon: LexiconWords): NameSpan[] {
  const found = text.slice(span.start, span.end);
  if (!/[()[\]{}"“”:;,!?]/u.test(found)) return [span];
  const parts: NameSpan[] = [];
  let from = span.start;
  for (const mark of found.matchAll(NAME_BREAK)) {
    parts.push({ start: from, end: span.start + mark.index });
    from = span.start + mark.index + mark[0].length;
  }
  parts.push({ start: from, end: span.end });
  return parts.flatMap((part) => {
    const trimmed = capitalisedPart(text, trimToWord(text, part.start, part.end));
    if (trimmed === null) return [];
    const mayBeName = (word: string): boolean => /^\p{L}/u.test(word) && (lexicon.names.has(word) || !isKnownWord(word, lexicon));
    let start = trimmed.start;
    for (const word of /^(?:\p{L}+[ \t]+)*/u.exec(text.slice(start, trimmed.end))?.[0].split(/[ \t]+/u) ?? []) {
      if (word === '' || mayBeName(word.toLowerCase())) break;
      start += word.length;
      start += /^[ \t]*/u.exec(text.slice(start))?.[0].length ?? 0;
    }
    const words = text
      .slice(start, trimmed.end)
      .toLowerCase()
      .split(/[^\p{L}\p{M}\p{N}'’-]+/u);
    return start < trimmed.end && words.some((word) => /^[\p{L}\p{M}'’-]+$/u.test(word) && mayBeName(word))
      ? [{ start, end: trimmed.end }]
      : [];
  });
}

/** Where a tagger's person goes on past its capitalised words: a space before a word in lower case that is no surname's particle before a capitalised word (`Jean-Paul de Souza` goes on). */
const NOT_CAPITALISED_NEXT = new RegExp(`[ \\t]+(?!\\p{Lu}|(?:${SURNAME_PARTICLES})\\p{Lu})`, 'u');

const LONE_TITLE = new RegExp(`^${HONORIFIC}(?:['’]s)?$`, 'u');

function isNotName(found: string): boolean {
  if (!/\p{Lu}/u.test(found) || !/\p{Ll}/u.test(found) || LONE_TITLE.test(found)) return true;
  return wordsOf(found).every((word) => NOT_NAMES.has(word) || word === 'i');
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}'’-]+/u)
    .filter((word) => word !== '');
}

function isKept(found: string, kept: readonly string[][]): boolean {
  const words = wordsOf(found);
  return kept.some((name) => words.every((word) => name.includes(word)));
}

function merge(spans: NameSpan[]): NameSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: NameSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `the` right before a word, which a person's name seldom has (`At the Bradford session`, `the Grace period`). */
const THE_BEFORE = /(?<![\p{L}\p{M}\p{N}'’])[Tt]he[ \t]+$/u;
/** The word in lower case right after a capitalised one, with the spaces before it. */
const LOWER_CASE_AFTER = /^[ \t]+(\p{Ll}{3,})(?![\p{L}\p{M}\p{N}'’-])/u;
/** Nouns that a family name is said before (`the Patel family`, `the Smith twins`, `the Jones lady`): the name stays a person's. */
const PEOPLE_AFTER_NAME = new Set(
  'family families household twins boys girls kids children brothers sisters lot lady woman man boy girl kid lad bloke chap guy fella person people one'.split(
    ' ',
  ),
);

/**
 * True when one capitalised word stands between `the` and a noun it qualifies (`At the Bradford
 * session`, `the Grace period`, `the Hope project`): a place, a thing or an organisation naming
 * what the noun is, not a person, except before the words a family is named with (`the Patel
 * family`). The word after must be one compromise reads as a noun and not as a verb, so `the
 * Karen at reception` and `the Sarah who rang` are still people.
 */
function isNounModifierAfterThe(text: string, span: NameSpan): boolean {
  if (/[ \t]/u.test(text.slice(span.start, span.end)) || !THE_BEFORE.test(text.slice(Math.max(0, span.start - 8), span.start)))
    return false;
  const after = LOWER_CASE_AFTER.exec(text.slice(span.end, span.end + 40));
  const noun = after?.[1];
  if (after === null || noun === undefined || PEOPLE_AFTER_NAME.has(noun)) return false;
  const tags = tagsAt(text, span.start, span.end + after[0].length - noun.length);
  return tags.includes('Noun') && !tags.includes('Verb');
}

/** Every guarded pattern of name detection: exported so that tests can hold each guard to its pattern. */
export const GUARDED_PATTERNS: readonly GuardedRegExp[] = [
  ...NAME_PATTERNS,
  LABELLED_NAME,
  ROLE_THEN_LOWER_CASE,
  SIGN_OFF_THEN_LOWER_CASE,
  INTRODUCTION_THEN_LOWER_CASE,
  TITLE_THEN_LOWER_CASE,
  SPOKEN_TO_THEN_LOWER_CASE,
  POSSESSIVE_IN_SENTENCE,
  SPEAKER_LABEL,
];
