import { isNameLikeWord } from '../../privacy/person-names.js';
import { parseClockTime } from './clock-time.js';

/** A speaker label found at the start of a line of a transcript or caption. */
export interface SpeakerLabel {
  /** The speaker's name as written (`JOHN`, `Dr. Jane Smith`, `Speaker 2`). */
  speaker: string;
  /** The words after the label, which may be empty when the turn goes on on the next lines. */
  rest: string;
  /** The time written with the label (`[00:01:02] Jane:`, `Jane (1:02):`), in seconds, or null. */
  start: number | null;
}

/** The longest name taken for a speaker label, in characters. */
const MAX_NAME_CHARS = 40;
/** The longest display name (with its pronouns, organisation or role) taken for a label. */
const MAX_DISPLAY_NAME_CHARS = 64;

/** A clock time as transcripts write it beside a speaker, with or without brackets. */
const CLOCK = String.raw`(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;

/** Lower-case words that stand inside names (`van`, `de`, `ap`). */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'la',
  'le',
  'bin',
  'al',
  'ap',
  'of',
]);

/** One word of a name: capitalised, all capitals, a number (`Speaker 2`) or a lower-case particle (`van`, `de`). */
const NAME_WORD = String.raw`(?:[\p{Lu}][\p{L}\p{M}\p{N}_'’.\-]*|\d{1,3}|(?:${[...NAME_PARTICLES].join('|')}))`;

/** A name: one to four words, the first capitalised. */
const NAME = String.raw`[\p{Lu}][\p{L}\p{M}\p{N}_'’.\-]*(?: ${NAME_WORD}){0,3}`;

/**
 * A name as people type it into Zoom or Teams, in lower case or capitalised only in part: one to
 * four words (`jane smith`, `Jane smith`).
 */
const TYPED_NAME = String.raw`[\p{L}][\p{L}\p{M}\p{N}_'’.\-]*(?: [\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.\-]*){0,3}`;

/** What a meeting tool shows after a name: pronouns, an organisation or a role, in brackets or after a dash or bar. */
const NAME_ADDITION = String.raw`(?:\s*\([^()\n:]{1,30}\)|\s+[-–|]\s+[^:()[\]\n]{1,30}?)`;

/**
 * A name as meeting tools show it: `Smith, Jane` (Teams' surname first), then what people add to
 * their name in Zoom or Teams: pronouns, an organisation or a role, in brackets or after a dash
 * or bar (`Jane Smith (she/her)`, `Smith, Jane (NHS Leeds)`, `Bob Jones - Carers Leeds`).
 */
const DISPLAY_NAME = String.raw`(?:${NAME}(?:, ${NAME})?|${TYPED_NAME}(?:, ${TYPED_NAME})?)${NAME_ADDITION}{0,2}`;

/** A display name capitalised throughout, as {@link NAME} reads each part of it. */
const CAPITALISED_DISPLAY_NAME = new RegExp(String.raw`^(?:${NAME}(?:, ${NAME})?)${NAME_ADDITION}{0,2}$`, 'u');

const BRACKETED_CLOCK = String.raw`[\[(]\s*(${CLOCK})\s*[\])]`;

/** `[00:01:02] NAME: words` or `00:01:02 NAME: words`. */
const TIME_FIRST = new RegExp(String.raw`^\s*(?:${BRACKETED_CLOCK}|(${CLOCK}))\s+(${DISPLAY_NAME})\s*:(?:\s+(.*))?$`, 'u');
/** `NAME [00:01:02]: words` or `NAME (1:02): words`, or the colon first as Rev and Sonix write it: `NAME: (00:15)`, `NAME: [00:00:03] words`. */
const TIME_AFTER = new RegExp(String.raw`^\s*(${DISPLAY_NAME})(?:\s*:)?\s+${BRACKETED_CLOCK}\s*:?(?:\s+(.*))?$`, 'u');
/** `NAME: words`. */
const PLAIN = new RegExp(String.raw`^\s*(${NAME})\s*:(?:\s+(.*))?$`, 'u');
/** `DISPLAY NAME: words`, as caption files of recorded meetings write the speaker. */
const PLAIN_DISPLAY = new RegExp(String.raw`^\s*(${DISPLAY_NAME})\s*:(?:\s+(.*))?$`, 'u');
/** A label line on its own, as Otter.ai writes it: `Speaker 1  0:03`. */
const NAME_THEN_TIME = new RegExp(String.raw`^\s*(${DISPLAY_NAME})\s+(${CLOCK})\s*$`, 'u');

/** A clock with hours, minutes and seconds: `00:00:03`, `1:02:03.5`; an agenda's `10:30` is none. */
const FULL_CLOCK = String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?`;

/** A label line on its own with the name in brackets, then the time, as a Zoom recording's `closed_caption.txt` writes it: `[Sara Kim] 10:00:05`. */
const BRACKETED_NAME_THEN_TIME = new RegExp(String.raw`^\s*\[(${DISPLAY_NAME})\]\s+(${CLOCK})\s*$`, 'u');

/**
 * A label line on its own with the time first, as Word's Transcribe writes it (`00:00:03 Speaker 1`)
 * and other services (`[00:00:15.12] - Jane Smith`): a time with seconds, so `10:30 Coffee` is none.
 */
const TIME_THEN_NAME = new RegExp(
  String.raw`^\s*(?:\[(${FULL_CLOCK})\]|(${FULL_CLOCK}))\s+(?:[-–]\s+)?(${NAME}(?:, ${NAME})?(?:\s*\([^()\n:]{1,30}\))?)\s*$`,
  'u',
);

/**
 * `[00:01:23] NAME - words`: a timed name and the words after a dash. The time has seconds and the
 * name is a plain name, so an agenda's `10:30 Welcome - the chair` is none.
 */
const TIME_DASH = new RegExp(String.raw`^\s*(?:\[(${FULL_CLOCK})\]|(${FULL_CLOCK}))\s+(${NAME})\s+[-–]\s+(\S.*)$`, 'u');

/** `[NAME]: words`, a name in brackets; the colon is needed, so a sound note (`[Music] playing`) is none. */
const BRACKETED_NAME = new RegExp(String.raw`^\s*\[(${NAME})\]\s*:(?:\s+(.*))?$`, 'u');

/**
 * Words that stand before a colon at the start of a line without naming a speaker: note and
 * minute headings (`Action:`, `Note:`) and sentence openers (`So:`, `Look:`).
 */
const NOT_SPEAKERS = new Set([
  'action',
  'actions',
  'action item',
  'action items',
  'actions agreed',
  'a',
  'agenda',
  'also',
  'and',
  'answer',
  'apologies',
  'attendees',
  'because',
  'but',
  'date',
  'decision',
  'decisions',
  'e.g',
  'eg',
  'email',
  'example',
  'finally',
  'first',
  'follow up',
  'fyi',
  'however',
  'http',
  'https',
  'i.e',
  'ie',
  'idea',
  'ideas',
  'issue',
  'issues',
  'key points',
  'link',
  'listen',
  'location',
  'look',
  'nb',
  'n.b',
  'next steps',
  'no',
  'note',
  'notes',
  'now',
  'ok',
  'okay',
  'outcome',
  'outcomes',
  'phone',
  'present',
  'ps',
  'p.s',
  'q',
  'question',
  're',
  'remember',
  'response',
  'second',
  'so',
  'source',
  'subject',
  'summary',
  'tel',
  'then',
  'third',
  'time',
  'to do',
  'todo',
  'topic',
  'update',
  'venue',
  'warning',
  'well',
  'where',
  'when',
  'why',
  'yes',
]);

/** True when a label's name is a word that is not a speaker (`Note`, `Action`, `So`, a question or answer marker `Q`, `A1`). */
export function isNotSpeakerName(name: string): boolean {
  const word = name.toLowerCase().replace(/\.$/, '');
  return NOT_SPEAKERS.has(word) || /^[qa]\d{1,3}$/.test(word);
}

/**
 * Finds a speaker label at the start of a line: `NAME: words`, `[00:01:02] NAME: words`,
 * `NAME [00:01:02]: words`, `NAME: [00:01:02] words`, `[00:01:02] NAME - words`, `[NAME]: words`, or a
 * label line on its own (`Speaker 1  0:03`, `00:00:03 Speaker 1`, `[Sara Kim] 10:00:05`). A name is one to
 * four words of at most 40 characters, the first capitalised (`JOHN`, `Dr. Jane Smith`,
 * `Speaker 2`, `SPEAKER_01`); the colon must be followed by a space or end the line, so clock
 * times and links are not labels. Words that head notes or open sentences (`Note:`, `Action:`,
 * `So:`) are not speakers. Beside a time, and in captions, a display name typed in lower case is
 * a label too (`jane smith:`, `sam (she/her):`; see {@link isLowerCaseName}), and so is one
 * capitalised only in part (`Jane smith:`; see {@link isPartlyCapitalisedName}); in typed text
 * without a time neither is. Returns null when the line has no label.
 */
export function parseSpeakerLabel(line: string, options: SpeakerLabelOptions = {}): SpeakerLabel | null {
  const timeFirst = TIME_FIRST.exec(line);
  if (timeFirst !== null) return label(timeFirst[3], timeFirst[4], timeFirst[1] ?? timeFirst[2]);
  const timeAfter = TIME_AFTER.exec(line);
  if (timeAfter !== null) return label(timeAfter[1], timeAfter[3], timeAfter[2]);
  const nameThenTime = NAME_THEN_TIME.exec(line);
  if (nameThenTime !== null) return label(nameThenTime[1], undefined, nameThenTime[2]);
  const bracketedName = BRACKETED_NAME_THEN_TIME.exec(line);
  if (bracketedName !== null) return label(bracketedName[1], undefined, bracketedName[2]);
  const timeThenName = TIME_THEN_NAME.exec(line);
  if (timeThenName !== null) return label(timeThenName[3], undefined, timeThenName[1] ?? timeThenName[2]);
  const timeDash = TIME_DASH.exec(line);
  if (timeDash !== null) return label(timeDash[3], timeDash[4], timeDash[1] ?? timeDash[2]);
  const bracketed = BRACKETED_NAME.exec(line);
  if (bracketed !== null) return label(bracketed[1], bracketed[2], undefined);
  const plain = (options.displayNames === true ? PLAIN_DISPLAY : PLAIN).exec(line);
  if (plain !== null) return label(plain[1], plain[2], undefined);
  return null;
}

/** How {@link parseSpeakerLabel} reads a label. */
export interface SpeakerLabelOptions {
  /**
   * True where every `NAME:` line is a speaker's (captions of a recorded meeting): the name may
   * carry what meeting tools show with it, as a label with a time always may (`Jane Smith
   * (she/her):`, `Smith, Jane (NHS Leeds):`, `Bob Jones - Carers Leeds:`). In typed text, where
   * `Transport - buses: late` is a note, a label without a time is a plain name.
   */
  displayNames?: boolean;
}

/** Words that make a lower-case label a phrase, not a name (`the plan:`, `what we heard:`). */
const PHRASE_WORDS = new Set([
  'a',
  'about',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'from',
  'had',
  'has',
  'have',
  'he',
  'her',
  'his',
  'how',
  'i',
  'in',
  'is',
  'it',
  'its',
  'me',
  'my',
  'not',
  'of',
  'on',
  'or',
  'our',
  'she',
  'so',
  'that',
  'the',
  'their',
  'them',
  'there',
  'they',
  'this',
  'to',
  'us',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'who',
  'why',
  'will',
  'with',
  'you',
  'your',
]);

/**
 * True when a label written in lower case (`jane smith`, `sam (she/her)`) is a display name: a
 * name of two to four words, or one word with what meeting tools show in brackets after it
 * (pronouns, an organisation) or with a time beside it; never a note heading (`note`, `update`)
 * nor a phrase with words such as `the` or `what` in it.
 */
function isLowerCaseName(speaker: string, timed: boolean): boolean {
  const words = nameWords(speaker);
  if (words === null) return false;
  return words.length >= 2 || timed || /\(/.test(speaker);
}

/**
 * True when a label capitalised only in part (`Jane smith`, `Smith, jane (NHS Leeds)`, as people
 * type their Zoom name) is a display name: it passes the checks of {@link isLowerCaseName}, and
 * each of its words may be a person's name (see {@link isNameLikeWord}: a given name or surname,
 * or no common word), so that a heading or phrase capitalised as a sentence (`Next steps`, `Key
 * themes`, `Bus routes`, `Jane said`) is none. A surname that is also a common word (`Jane green`)
 * is not taken.
 */
function isPartlyCapitalisedName(speaker: string): boolean {
  const words = nameWords(speaker);
  return words !== null && words.every((word) => NAME_PARTICLES.has(word) || isNameLikeWord(capitalised(word)));
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The words of a label's name without what meeting tools show after it (pronouns, an
 * organisation), or null when a word makes it a phrase or a note heading (`the`, `what`, `note`).
 */
function nameWords(speaker: string): string[] | null {
  const name = speaker.split(/\s*\(|\s+[-–|]\s+/u)[0] ?? '';
  const words = name.split(/[\s,]+/u).filter((word) => word !== '');
  if (isNotSpeakerName(name) || words.some((word) => PHRASE_WORDS.has(word.toLowerCase()) || isNotSpeakerName(word))) return null;
  return words;
}

function label(name: string | undefined, rest: string | undefined, clock: string | undefined): SpeakerLabel | null {
  const speaker = name?.trim() ?? '';
  const longest = /[,(|–]|\s-\s/.test(speaker) ? MAX_DISPLAY_NAME_CHARS : MAX_NAME_CHARS;
  if (speaker === '' || speaker.length > longest || isNotSpeakerName(speaker)) return null;
  if (/^\p{Ll}/u.test(speaker)) {
    if (!isLowerCaseName(speaker, clock !== undefined)) return null;
  } else if (!CAPITALISED_DISPLAY_NAME.test(speaker) && !isPartlyCapitalisedName(speaker)) {
    return null;
  }
  return { speaker, rest: rest?.trim() ?? '', start: clock === undefined ? null : parseClockTime(clock) };
}
