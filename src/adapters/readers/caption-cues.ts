import type { SourceLine } from '../../source/input-source.js';
import type { RejectionCode } from '../../rejection-code.js';
import type { AdapterItem } from '../format-adapter.js';
import { parseClockTime } from './clock-time.js';
import { decodeHtmlEntities } from '../../text/html-entities.js';
import { isNameLikeWord } from '../../privacy/person-names.js';
import { isSoundNote, removeSoundAnnotations } from './sound-annotations.js';
import { parseSpeakerLabel } from './speaker-label.js';
import { TurnBuilder, type SpokenTurn } from './speaker-turns.js';

/**
 * A cue's times from the two written on its timing line (`startText`, `endText`): in seconds, or
 * the rejection of the line (with `code`, naming the `layout` a timing must have) when either
 * cannot be read or the cue ends before it starts.
 */
export function cueTimes(
  startText: string,
  endText: string,
  line: SourceLine,
  file: string,
  rejection: { code: RejectionCode; layout: string },
): { start: number; end: number } | AdapterItem {
  const start = parseClockTime(startText);
  const end = parseClockTime(endText);
  if (start !== null && end !== null && end >= start) return { start, end };
  const excerpt = line.text.trim().slice(0, 200);
  const message =
    start !== null && end !== null
      ? `cue ends (${endText}) before it starts (${startText})`
      : `cue timing "${excerpt.slice(0, 60)}" is not "${rejection.layout}"`;
  return { kind: 'rejected', code: rejection.code, message, provenance: { file, line: line.line }, excerpt };
}

/** One subtitle cue: its times and its text lines as written. */
export interface CaptionCue {
  /** Start, in seconds. */
  start: number;
  /** End, in seconds. */
  end: number;
  /** The cue's text lines with their line numbers, markup and all. */
  lines: readonly SourceLine[];
}

/** Text of a caption line spoken in one voice: `voice` is the name from a `<v Name>` tag, if any. */
export interface VoicedText {
  /** The `<v>` voice's name, or null when the line names none. */
  voice: string | null;
  /** The words, markup removed and entities decoded (spacing as written). */
  text: string;
}

/** A markup tag in cue text: `<i>`, `</c>`, `<c.colorE5E5E5>`, `<v Anna>`, `<font color="red">`, or an inline `<00:05:04.199>`. */
const TAG = /<(\/?)([a-z][\w-]*|\d[\d:.,]*)((?:[.\s][^<>]*)?)>/gi;

/** ASS/SSA override codes that some SRT files carry: `{\an8}`, `{\i1}`. */
const ASS_OVERRIDE = /\{\\[^{}]*\}/g;

/** ASS/SSA line breaks and hard spaces that captions converted from ASS keep in their text: `\N`, `\n`, `\h`. */
const ASS_SPACE = /\\[Nnh]/g;

/**
 * Turns one line of WebVTT or SRT cue text into plain text: inline timestamps and the tags
 * `<c>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, `<font>` and any other are removed (the
 * pronunciation in `<rt>` goes with its tag), `{\an8}` codes are dropped, `\N` and `\h` (ASS's line
 * break and hard space) are spaces, and entities are decoded.
 * `<v Name>` starts a part of the line spoken by that voice.
 */
export function captionLineText(line: string): VoicedText[] {
  const parts: VoicedText[] = [];
  let voice: string | null = null;
  let text = '';
  let inRubyText = 0;
  let last = 0;
  const source = line.replace(ASS_OVERRIDE, '').replace(ASS_SPACE, ' ');
  for (const match of source.matchAll(TAG)) {
    if (inRubyText === 0) text += source.slice(last, match.index);
    last = match.index + match[0].length;
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    if (name === 'rt' || name === 'rp') inRubyText = Math.max(0, inRubyText + (closing ? -1 : 1));
    if (name === 'v' && !closing) {
      if (text.trim() !== '') parts.push({ voice, text: decodeHtmlEntities(text) });
      text = '';
      const annotation = (match[3] ?? '').replace(/^(?:\.[^\s.]+)*/, '').trim();
      voice = annotation === '' ? null : decodeHtmlEntities(annotation);
    }
  }
  if (inRubyText === 0) text += source.slice(last);
  if (text.trim() !== '' || parts.length === 0) parts.push({ voice, text: decodeHtmlEntities(text) });
  return parts;
}

/** A dialogue dash or broadcast chevrons at the start of a caption line: someone else speaks. */
const NEW_VOICE = /^(?:>>+|[-–—](?=\s*[\p{L}\p{N}"'“‘¿¡([]))\s*/u;

/** Options for {@link CaptionTurns}. */
export interface CaptionTurnOptions {
  /**
   * YouTube-style rolling captions: each cue repeats the line(s) the previous cue ended with
   * before adding new words, so repeated leading lines are dropped. `true` when the file is known
   * to roll (YouTube's word timestamps); `'partial'` where it may (SubRip, WebVTT without word
   * timestamps, as tools convert YouTube's auto-captions): repeated lines are dropped only from a
   * cue that adds new lines, or from one that blinks past in {@link BLINK_SECONDS} (the 10 ms cues
   * between rolling lines), so a line someone really says twice stays.
   */
  rolling: boolean | 'partial';
}

/** The longest cue taken for the blink between two rolling captions: YouTube writes 10 ms. */
const BLINK_SECONDS = 0.05;

/**
 * Turns the cues of one caption file into speaker turns. Speakers come from `<v Name>` tags or a
 * `NAME:` label at the start of a line and carry on to the following cues until another is named;
 * a dialogue dash (`- `) or `>>` starts an unnamed voice. Sound notes (`[Music]`, `(laughs)`) are
 * dropped. Turns are merged and split by {@link TurnBuilder}.
 */
export class CaptionTurns {
  private readonly builder = new TurnBuilder();
  private speaker: string | null = null;
  private previousLines: string[] = [];
  /** A cue written with no duration, waiting for the start of the next (see {@link addCue}). */
  private untimed: CaptionCue | null = null;

  constructor(private readonly options: CaptionTurnOptions) {}

  /**
   * Adds a cue; returns the turns it closed. A cue written with no duration (`00:00:05,000 -->
   * 00:00:05,000`) holds words all the same: aligners write one for a phrase they could not time
   * (aeneas), captions ripped from a video often have nothing but, and players show one until the
   * next cue starts (VLC). So its words are read, and it is taken to last until the next cue
   * starts: a run of them is not cut into a paragraph per cue by the pause rule, and a turn's
   * `meta.end` is when its words gave way. Its lines that only repeat the cue before are still a
   * rolling caption's blink (see {@link CaptionTurnOptions.rolling}).
   */
  addCue(cue: CaptionCue): SpokenTurn[] {
    const held = this.untimed;
    this.untimed = cue.end === cue.start ? cue : null;
    const turns = held === null ? [] : this.readCue(held, Math.max(held.start, cue.start));
    if (this.untimed !== null) return turns;
    for (const turn of this.readCue(cue, cue.end)) turns.push(turn);
    return turns;
  }

  /** Closes the last turn. */
  finish(): SpokenTurn[] {
    const held = this.untimed;
    this.untimed = null;
    const turns = held === null ? [] : this.readCue(held, held.end);
    for (const turn of this.builder.finish()) turns.push(turn);
    return turns;
  }

  /** The turns closed by a cue's words, the cue taken to last until `end`. */
  private readCue(cue: CaptionCue, end: number): SpokenTurn[] {
    const lines = cue.lines
      .map((line) => ({ line: line.line, parts: captionLineText(line.text) }))
      .map((line) => ({
        ...line,
        plain: line.parts
          .map((part) => part.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      }))
      .filter((line) => /[\p{L}\p{N}]/u.test(line.plain));
    const plain = lines.map((line) => line.plain);
    let repeated = this.options.rolling === false ? 0 : repeatedLeadingLines(this.previousLines, plain);
    if (this.options.rolling === 'partial' && repeated === plain.length && cue.end - cue.start > BLINK_SECONDS) repeated = 0;
    this.previousLines = plain;
    const turns: SpokenTurn[] = [];
    for (const line of lines.slice(repeated)) {
      for (const part of line.parts) {
        let text = part.text.replace(/\s+/g, ' ').trim();
        let newVoice = false;
        if (part.voice !== null) {
          this.speaker = part.voice;
        } else {
          const marker = NEW_VOICE.exec(text);
          if (marker !== null) {
            text = text.slice(marker[0].length);
            this.speaker = null;
            newVoice = true;
          }
        }
        const bracketed = bracketedCaptionLabel(text);
        if (bracketed !== null) {
          if (bracketed.speaker !== null) {
            this.speaker = bracketed.speaker;
            newVoice = false;
          }
          text = bracketed.rest;
        }
        const label = parseSpeakerLabel(text, { displayNames: true });
        if (label !== null) {
          this.speaker = label.speaker;
          text = label.rest;
          newVoice = false;
        }
        text = removeSoundAnnotations(text);
        turns.push(...this.builder.add({ speaker: this.speaker, text, start: cue.start, end, line: line.line, newVoice }));
      }
    }
    return turns;
  }
}

/** A caption line that starts with a note in square brackets: `[Alba] En 1928,`, `[Alba]: En 1928,`, `[door slams]`. */
const LEADING_BRACKET = /^\[([^[\]]{1,60})\](?:\s*:)?\s*(.*)$/u;

/** A caption line that is one note in round brackets and nothing else: `(Musique douce)`. */
const WHOLE_PARENTHESIS = /^\([^()]{1,60}\)$/u;

/** A speaker named in a caption's brackets: one to three capitalised words (`Alba`, `Dr Jane Okafor`, `JOHN`). */
const BRACKETED_SPEAKER = /^[\p{Lu}][\p{L}\p{M}'’.\-]*(?: (?:[\p{Lu}][\p{L}\p{M}'’.\-]*|\d{1,2})){0,2}$/u;

/** A title written before a name: `Dr`, `Mrs.`, `Prof`. */
const TITLE = /^(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sir|Dame|Lady|Lord|Rev|Cllr)\.?$/i;

/**
 * Reads the square brackets that open a caption line as subtitles for the deaf and hard of
 * hearing write them (Netflix's and broadcasters' SDH): a speaker's name (`[Alba] En 1928,`) names
 * the speaker, and anything else in them describes a sound or an action (`[ríen emocionadas]`,
 * `[door slams] What?`), never anyone's words, so it is left out; a line that is one note in round
 * brackets (`(Musique douce)`) is such a description too. A name is one to three capitalised words,
 * no sound note (`[Applause]`), whose first word after any title (`Dr`) may be a person's given
 * name (see {@link isNameLikeWord}), so `[Door Slams]` describes. Returns null when the line opens with no such note.
 */
function bracketedCaptionLabel(text: string): { speaker: string | null; rest: string } | null {
  if (WHOLE_PARENTHESIS.test(text)) return { speaker: null, rest: '' };
  const match = LEADING_BRACKET.exec(text);
  if (match === null) return null;
  const inside = (match[1] ?? '').trim();
  if (/^[\d:.,\s]*$/.test(inside)) return null;
  const rest = match[2] ?? '';
  const given = inside.split(' ').find((word) => !TITLE.test(word));
  const named = BRACKETED_SPEAKER.test(inside) && !isSoundNote(`[${inside}]`) && given !== undefined && isNameLikeWord(given);
  return { speaker: named ? inside : null, rest };
}

/** How many of `next`'s first lines repeat the lines `previous` ended with. */
function repeatedLeadingLines(previous: readonly string[], next: readonly string[]): number {
  for (let count = Math.min(previous.length, next.length); count > 0; count -= 1) {
    let same = true;
    for (let index = 0; index < count; index += 1) {
      if (previous[previous.length - count + index] !== next[index]) {
        same = false;
        break;
      }
    }
    if (same) return count;
  }
  return 0;
}
