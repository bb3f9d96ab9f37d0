import type { FeedbackRecord } from '../record/record.js';
import { tickedAnswer } from '../record/tick-boxes.js';
import { readByEitherLabel } from './bilingual-labels.js';

/**
 * What a respondent said about publishing their words, from the export's own question on it:
 * `declined` when they did not agree (or asked for confidentiality), `given` when they agreed
 * (with or without their name), `not-asked` when the record answers no such question.
 */
export type PublicationConsent = 'declined' | 'given' | 'not-asked';

/**
 * How a question about publishing is put: asking permission (`May we publish your response?`,
 * where no answer is no permission) or offering confidentiality (`Would you like your response to
 * be kept confidential?`, where no answer is no request).
 */
export type ConsentQuestionKind = 'permission' | 'confidentiality';

/** The respondent's own words named: `your response`, `my comments`, `this submission`, `what you told us`. */
const OWN_WORDS =
  /\b(?:your|my|our|this|the)\s+(?:\w+\s+){0,2}(?:response|responses|reply|replies|comment|comments|views?|answers?|submissions?|feedback|words|name|details|contribution|evidence|story|stories)\b|\bwhat (?:you|i) (?:have |has )?(?:said|told us|wrote|written|shared)\b/;
/** The same in Welsh: `eich ymateb`, `fy sylwadau`, `i'ch ymateb` (your response, my comments, your response). */
const OWN_WORDS_WELSH = /(?:\b(?:eich|fy|ein)\s+|['’]ch\s+)(?:ymateb|ymatebion|sylwadau|barn|enw|manylion|tystiolaeth|cyflwyniad)\b/;
const PUBLISH_WORD = /\bpublish(?:ed|ing)?\b|\bmade? public\b|\bpublicly\b|\bquot(?:e|ed|ing)\b/;
/** Welsh `cyhoeddi` (to publish), in each of its mutations (`gyhoeddi`, `chyhoeddi`, `nghyhoeddi`). */
const PUBLISH_WORD_WELSH = /\b(?:c|g|ch|ngh)yhoeddi\b/;
/** Leave asked for publishing without naming what: `Do you consent to publication?`, `Are you happy for this to be published?` */
const LEAVE_TO_PUBLISH =
  /\b(?:consent|permission|agree|happy|content|allow)\b(?:\s+\w+){0,3}\s+(?:to\s+)?(?:publication|publishing|being published|be published|publish)\s*\??$/;
const QUOTE_YOU = /\bquote (?:you|your|from your)\b/;
const CONFIDENTIAL_WORD = /\bconfidential(?:ity)?\b|\b(?:keep|kept) (?:\w+\s+){0,3}private\b|\b(?:c|g|ch|ngh)yfrinachol\b/;
const NOT_PUBLISHED = /\bnot\b(?:\s+\w+){0,4}\s+(?:be\s+)?publish(?:ed|ing)?\b/;
/** Words that ask for leave, beside which `anonymous` is part of the question, not the whole of it. */
const ASKS_LEAVE = /\b(?:consent|permission|agree|happy|content|allow|may we|can we|could we)\b/;
/** A header this short naming confidentiality is the question (`Confidential response?`). */
const SHORT_HEADER_WORDS = 4;
/** Longer than any question on a form; a column name this long is text, not a question. */
const QUESTION_MAX_LENGTH = 200;

/** Lower case, `_`/`-`/`.` as spaces, spacing collapsed. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_.\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a question (a survey column's header, a table column's name) asks the respondent about
 * publishing their response, and how; null for any other question (`Date published` is not one).
 * A question asked in two languages (`Consent to publish | Caniatâd i gyhoeddi`) is read by either
 * (see {@link readByEitherLabel}).
 */
export function consentQuestionKind(question: string): ConsentQuestionKind | null {
  if (question.length > QUESTION_MAX_LENGTH) return null;
  return readByEitherLabel(question, (label) => labelConsentKind(label) ?? undefined) ?? null;
}

/** How one label (a question in one language) asks about publishing, or null. */
function labelConsentKind(question: string): ConsentQuestionKind | null {
  const text = plain(question);
  if (/^(?:consent to publish\w*|permission to publish\w*|publish consent|publication consent|ok to publish)$/.test(text))
    return 'permission';
  const ownWords = OWN_WORDS.test(text) || OWN_WORDS_WELSH.test(text);
  if (CONFIDENTIAL_WORD.test(text) && (ownWords || text.split(' ').length <= SHORT_HEADER_WORDS)) return 'confidentiality';
  if (/\banonym/.test(text) && !ASKS_LEAVE.test(text)) return null;
  const aboutPublishing =
    (PUBLISH_WORD.test(text) && OWN_WORDS.test(text)) ||
    LEAVE_TO_PUBLISH.test(text) ||
    (PUBLISH_WORD_WELSH.test(text) && OWN_WORDS_WELSH.test(text));
  if (aboutPublishing && NOT_PUBLISHED.test(text)) return 'confidentiality';
  if (aboutPublishing || QUOTE_YOU.test(text)) return 'permission';
  return null;
}

/** Welsh answers yes (`Ydw`, `Ydyn`, `Ydym`, `Ydy`: I am, we are, it is; `Ie`), as bilingual forms print them beside or instead of `Yes`. */
const YES_WELSH = 'ydw|ydyn|ydym|ydy|ie';
/** Welsh answers no (`Nac ydw`, `Nac ydyn`, `Nac ydym`, `Nac ydy`, `Na`, `Naddo`, `Nage`): each starts with `n`, as every no of {@link YES_OR_NO} does. */
const NO_WELSH = 'nac ydw|nac ydyn|nac ydym|nac ydy|naddo|nage|na';
const YES = new RegExp(`^(?:yes|y|true|1|ok|okay|agree|agreed|i agree|i do|happy|i am happy|i'm happy|tick|ticked|x|✓|✔|${YES_WELSH})\\b`);
const NO = new RegExp(`^(?:no|n|false|0|none|disagree|i do not|i don't|${NO_WELSH})\\b`);
/** A refusal in English, or in Welsh: `peidiwch â chyhoeddi` (do not publish), `dim eisiau i chi gyhoeddi`, `cyfrinachol` (confidential). */
const REFUSAL =
  /\b(?:do not|don't|dont|not|never|no)\b.{0,40}\b(?:publish\w*|public|quote\w*|share\w*)\b|\b(?:confidential\w*|private|withh[oe]ld\w*)\b|\b(?:peidiwch|peidio|beidio|na|nac|nid|dim|ddim|heb)\b.{0,40}\b(?:c|g|ch|ngh)yhoedd\w*|\b(?:c|g|ch|ngh)yfrinachol\b/;
const WITHOUT_NAME =
  /\b(?:without|not|no|withhold\w*|anonym\w*|omit\w*|remove\w*|exclude\w*|hide|hidden)\b.{0,30}\b(?:name|names|identity|details)\b|\banonym\w*/;
/** A refusal of the name only (`do not publish my name`, not `do not publish my response or my name`), which leaves the words free to publish. */
const NAME_REFUSAL =
  /\b(?:do not|don't|dont|not|never|no|without)\b(?:(?!\b(?:response|responses|reply|replies|comments?|views?|answers?|submissions?|feedback|words|evidence|story|it|this|anything)\b)[^,.;]){0,30}\b(?:name|names|identity|details)\b/g;
const AGREEMENT = /\b(?:publish\w*|public|quote\w*|share\w*|agree\w*|consent\w*)\b/;
/** One yes or no, English or Welsh, the longer Welsh ones first so that `nac ydw` is one word. */
const YES_OR_NO = `(?:${NO_WELSH}|${YES_WELSH}|yes|no)`;
/** A run of yeses and noes (`Yes / No`, `Yes No`, `Yes or No`, `Ydw / Yes`, `Ie neu Na`). */
/** Each yes or no in an answer. */
const YES_OR_NO_WORD = new RegExp(`\\b${YES_OR_NO}\\b`, 'g');
const YES_NO_LIST = new RegExp(`^${YES_OR_NO}(?:\\s*(?:\\/|,|;|\\bor\\b|\\bneu\\b|\\s)\\s*${YES_OR_NO})+$`);

/**
 * Whether an answer is the printed options of a question left as they were, or both ticked
 * (`Yes / No`, `Yes; No`, `Ydw / Yes  Nac ydw / No`): yeses and noes together, no answer given. A
 * yes given in two languages (`Ydw / Yes`) is a yes.
 */
function isOptionsLeft(text: string): boolean {
  if (!YES_NO_LIST.test(text)) return false;
  const words = text.match(YES_OR_NO_WORD) ?? [];
  return words.some((word) => word.startsWith('n')) && words.some((word) => !word.startsWith('n'));
}

/**
 * What one answer to a consent question means: `declined` for a refusal (`Do not publish
 * response`, `No`; `Yes` to confidentiality), `given` for an agreement (`Publish response only
 * (without name)`, `Yes`; `No` to confidentiality). A blank answer is no permission, but no
 * request for confidentiality either; an answer neither rule reads is taken as a refusal, so that
 * doubt never publishes. An answer written as tick boxes (`Yes ☐  No ☒`, `[x] Yes [ ] No`) says
 * what its ticked options say (none ticked: blank); both options ticked, or the printed options
 * left as they were (`Yes / No`, as a Word form's legacy check boxes leave its text), is doubt.
 */
export function consentOfAnswer(kind: ConsentQuestionKind, answer: string): 'declined' | 'given' {
  const text = plain(tickedAnswer(answer) ?? answer);
  if (text === '') return kind === 'permission' ? 'declined' : 'given';
  if (isOptionsLeft(text)) return 'declined';
  if (kind === 'confidentiality') {
    if (YES.test(text)) return 'declined';
    if (NO.test(text) || /\bnot confidential\b/.test(text)) return 'given';
    return /\b(?:publish\w*|public)\b/.test(text) && !REFUSAL.test(text) ? 'given' : 'declined';
  }
  const beyondTheName = text.replace(NAME_REFUSAL, ' ');
  if (NO.test(text) || REFUSAL.test(beyondTheName)) return 'declined';
  if (YES.test(text) || AGREEMENT.test(beyondTheName) || WITHOUT_NAME.test(text)) return 'given';
  return 'declined';
}

/** What a writer's own words are called when they ask that they not be published (`my comments`, `this email`). */
const THEIR_WORDS =
  '(?:this|these|it|them|me|any of (?:this|it)|my (?:\\w+ ){0,2}?(?:words|comments?|response|reply|email|e-mail|letter|message|views|story|feedback|answers?|submission|details of this))';
/** Words that ask for what is being written not to be published (see {@link refusalInText}). */
const REFUSAL_IN_TEXT = new RegExp(
  [
    // `not for publication`, `not to be published`, `not to be quoted`
    '\\bnot (?:for publication|for publishing|to be (?:published|quoted|made public))\\b',
    // `off the record`, `off-the-record`
    '\\boff[ -]the[ -]record\\b',
    // `I am writing in confidence`, `in strictest confidence`
    '\\bin (?:strict |strictest |the strictest )?confidence\\b',
    '\\bprivate and confidential\\b',
    // `please do not publish this`, `don't quote me`, `never print my letter`
    `\\b(?:do not|don['’]t|dont|never|please not) (?:publish|quote|print|reproduce) ${THEIR_WORDS}`,
    // `do not use my comments in the report` (not `do not use my name`, not `do not use this service`)
    `\\b(?:do not|don['’]t|dont) (?:use|share) my (?:\\w+ ){0,2}?(?:words|comments?|response|reply|email|letter|views|story|feedback|answers?|submission)\\b`,
    // `I don't want my comments published`, `I do not consent to my words being published`
    "\\b(?:i|we) (?:do not|don['’]t|dont|would not|wouldn['’]t|would rather not|did not|didn['’]t) (?:want|wish|consent|agree|give (?:my )?permission)\\b[^.!?\\n]{0,60}?\\b(?:published|publish|publishing|quoted|quote|made public)\\b",
    // `I'd rather this wasn't published`, `I would prefer this not to be published`
    "\\b(?:rather|prefer) (?:this|it|that|my (?:\\w+ ){0,2}?(?:words|comments?|response|views|story)) (?:was not|wasn['’]t|is not|isn['’]t|not be|not|were not|weren['’]t) (?:to be )?(?:published|quoted|made public)\\b",
    // `keep this confidential`, `please keep my response private`
    `\\b(?:keep|treat) ${THEIR_WORDS} (?:as )?(?:private|confidential)\\b`,
    // `this is confidential`, `this email is private`
    '\\b(?:this|it)(?: email| e-mail| message| letter| comment| response)? is (?:strictly )?(?:private|confidential)\\b',
    // `This email … must not be published`
    "\\b(?:this|it)\\b[^.!?;\\n]{0,60}?\\b(?:must|should|may|can) ?(?:not|n['’]t) be (?:published|quoted|made public)\\b",
  ].join('|'),
  'iu',
);
/** Cheap test that a text may hold a refusal at all: most texts hold none of these words. */
const REFUSAL_IN_TEXT_WORDS = /publi|quot|record|confiden|privat|print|(?:use|share) my/iu;

/**
 * The words by which a writer asks, in the text itself, that what they wrote not be published or
 * quoted (`Please do not publish this`, `not for publication`, `off the record`, `I am writing in
 * confidence`, `please don't quote me`, `keep this confidential`), or null when they ask no such
 * thing. A request about the name alone (`do not use my name`) is no refusal: the report never
 * prints names. Nor is a wish about someone else's document (`the report should not be published
 * until…`). Time linear in the text's length.
 */
export function refusalInText(text: string): string | null {
  if (!REFUSAL_IN_TEXT_WORDS.test(text)) return null;
  const found = REFUSAL_IN_TEXT.exec(text);
  return found === null ? null : found[0];
}

function hasAnyKey(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

/** The question and answer by which a respondent declined publication. */
export interface ConsentRefusal {
  /** The export's question; empty when the refusal is written in the record's own text (see {@link refusalInText}). */
  question: string;
  /** As exported (empty when the respondent left a permission question blank); for a refusal in the text, its words. */
  answer: string;
}

/** How many questions {@link ConsentQuestionKinds} remembers before it starts afresh. */
const QUESTIONS_KEPT = 1024;

/**
 * {@link consentQuestionKind}, remembered for the questions met: a store or a table asks few, and
 * the memory stays bounded whatever an export's column names are.
 */
export class ConsentQuestionKinds {
  private readonly kinds = new Map<string, ConsentQuestionKind | null>();

  /** How `question` is put, or null when it is no question on publishing. */
  kindOf(question: string): ConsentQuestionKind | null {
    let kind = this.kinds.get(question);
    if (kind === undefined) {
      if (this.kinds.size >= QUESTIONS_KEPT) this.kinds.clear();
      kind = consentQuestionKind(question);
      this.kinds.set(question, kind);
    }
    return kind;
  }
}

/** Reads the consent of each record, remembering how each question its export asks is put. */
export class PublicationConsentReader {
  private readonly kinds = new ConsentQuestionKinds();

  /**
   * The record's consent: read from its survey answers (`meta.answers`) or from its table
   * columns kept in `meta`, wherever a question asks about publishing. `declined` when any such
   * answer declines, or when the record's text asks not to be published ({@link refusalInText}),
   * whatever the export's question was answered.
   */
  consentOf(record: Pick<FeedbackRecord, 'meta'> & Partial<Pick<FeedbackRecord, 'text'>>): PublicationConsent {
    if (record.text !== undefined && refusalInText(record.text) !== null) return 'declined';
    if (!hasAnyKey(record.meta)) return 'not-asked';
    let consent: PublicationConsent = 'not-asked';
    for (const [question, answer] of this.questionsOf(record)) {
      const answered = this.answerConsent(question, answer);
      if (answered === 'declined') return 'declined';
      if (answered === 'given') consent = 'given';
    }
    return consent;
  }

  /**
   * The first question and answer by which the record's respondent declined publication, else the
   * words of a refusal written in its text (with an empty question), or null.
   */
  refusalOf(record: Pick<FeedbackRecord, 'meta'> & Partial<Pick<FeedbackRecord, 'text'>>): ConsentRefusal | null {
    for (const [question, answer] of this.questionsOf(record)) {
      if (this.answerConsent(question, answer) === 'declined') return { question, answer: typeof answer === 'string' ? answer : '' };
    }
    const written = record.text === undefined ? null : refusalInText(record.text);
    return written === null ? null : { question: '', answer: written };
  }

  /** The record's survey answers and table columns, as question and answer. */
  private *questionsOf(record: Pick<FeedbackRecord, 'meta'>): Generator<[string, unknown]> {
    const { meta } = record;
    for (const key in meta) {
      const value = meta[key];
      if (key === 'answers' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const answers = value as Record<string, unknown>;
        for (const question in answers) yield [question, answers[question]];
      } else yield [key, value];
    }
  }

  private answerConsent(question: string, answer: unknown): PublicationConsent {
    if (typeof answer !== 'string' && answer !== null && answer !== undefined) return 'not-asked';
    const kind = this.kinds.kindOf(question);
    if (kind === null) return 'not-asked';
    return consentOfAnswer(kind, typeof answer === 'string' ? answer : '');
  }
}
