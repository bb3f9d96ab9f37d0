import { InputError } from '../../errors.js';
import type { SourceLine } from '../../source/input-source.js';
import { lineByLineItems, type AdapterItem, type FormatAdapter } from '../format-adapter.js';
import { parseClockTime, roundSeconds } from '../readers/clock-time.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { removeSoundAnnotations } from '../readers/sound-annotations.js';
import { parseSpeakerLabel } from '../readers/speaker-label.js';
import { TurnBuilder, turnDraft, type SpokenTurn } from '../readers/speaker-turns.js';

/** A time into a recording: `0:03`, `12:40`, `1:02:03` (optionally bracketed), or seconds in brackets, `[18.8]`. */
const TIME = String.raw`(?:[[(]\s*((?:\d{1,2}:)?\d{1,2}:\d{2})\s*[\])]|((?:\d{1,2}:)?\d{1,2}:\d{2})|\[\s*(\d{1,6}(?:\.\d{1,3})?)\s*\])`;

/** A time and the words said from it on the same line: `0:03 session on the new agreement`, `[18.8] we are no strangers`. */
const TIMED_LINE = new RegExp(String.raw`^\s*${TIME}(?:\s+|\s*[-–]\s+)(\S.*)$`, 'u');

/** A time alone on its line, the words on the lines under it, as YouTube's transcript panel copies. */
const TIME_ALONE = new RegExp(String.raw`^\s*${TIME}\s*$`, 'u');

/** How many lines from the top decide whether a text is timed captions. */
const SNIFF_LINES = 400;

/** The latest first time taken for a recording's start: captions count from its beginning, an agenda from the time of day. */
const FIRST_TIME_LIMIT_SECONDS = 60;

/**
 * The latest first time of a text with only two times, which must be captions whole: a short
 * video's first caption comes within its first seconds, where `0:30 late start` or `1:00 lunch`
 * is a note's time.
 */
const FEW_TIMES_FIRST_LIMIT_SECONDS = 10;

/** The seconds a timed line or lone time gives, or null. */
function timeOf(match: RegExpExecArray): number | null {
  const seconds = match[3];
  if (seconds !== undefined) return Number(seconds);
  return parseClockTime(match[1] ?? match[2] ?? '');
}

/**
 * True when the lines are captions saved as text with a time on each piece: at least three times,
 * the first within the recording's first minute, never going back, and (after a title of up to
 * three lines) nearly every line a time, a timed line or the words under a time; a piece whose
 * words start with a speaker label makes it a speaker transcript instead. A short video's
 * transcript of two captions counts too when every line after the title is a time or its words
 * and the first time is within the first {@link FEW_TIMES_FIRST_LIMIT_SECONDS} seconds.
 */
export function looksLikeTimedCaptions(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((line) => line.trim() !== '');
  let times = 0;
  let covered = 0;
  let previous = -1;
  let afterTime = false;
  let firstTimeAt = -1;
  let firstTime = 0;
  for (const [index, line] of nonBlank.entries()) {
    const timed = TIMED_LINE.exec(line) ?? TIME_ALONE.exec(line);
    if (timed !== null) {
      const time = timeOf(timed);
      if (time === null || time < previous) return false;
      if (times === 0) {
        if (time > FIRST_TIME_LIMIT_SECONDS) return false;
        firstTimeAt = index;
        firstTime = time;
      }
      const words = timed[4];
      if (words !== undefined && parseSpeakerLabel(words) !== null) return false;
      previous = time;
      times += 1;
      covered += 1;
      afterTime = words === undefined;
    } else if (afterTime) {
      if (parseSpeakerLabel(line) !== null) return false;
      covered += 1;
      afterTime = false;
    }
  }
  if (firstTimeAt === -1 || firstTimeAt > 3) return false;
  const afterTitle = nonBlank.length - firstTimeAt;
  if (times === 2) return firstTime <= FEW_TIMES_FIRST_LIMIT_SECONDS && covered === afterTitle;
  return times >= 3 && covered >= 0.9 * afterTitle;
}

/**
 * Captions saved as plain text with a time on each piece and no speakers: a YouTube transcript
 * copied from its "Show transcript" panel (`0:03` over the words, or `0:03 words` on one line)
 * and what transcript downloaders write (`[18.8] words`).
 */
export const timedTextAdapter: FormatAdapter = {
  name: 'timed-text',
  description: 'Captions saved as text with a time on each line (a YouTube transcript copied or downloaded): one record per paragraph',
  channel: 'transcript',
  extensions: ['.txt'],
  signature: 'lines that start with a time into the recording ("0:03 words", "[18.8] words"), or a time alone over the words, from 0:00',
  sniff(input) {
    return looksLikeTimedCaptions(input.headText.split(/\r?\n/).slice(0, SNIFF_LINES)) ? 0.85 : 0;
  },
  read(source) {
    return lineByLineItems(source, new TimedTextReader(source.path));
  },
};

/** Seconds a word takes to say, at a talk's pace: a piece with no end time of its own is taken to last that long per word. */
const SECONDS_PER_WORD = 0.4;

/**
 * When a piece's words end: the text gives only when each starts, so a piece is taken to last
 * {@link SECONDS_PER_WORD} a word (at least a second), never past the next piece's start. A long
 * silence before the next piece is then a pause, and starts a new record as in captions.
 */
function spokenUntil(start: number | null, text: string, next: number | null): number | null {
  if (start === null) return null;
  const words = text === '' ? 0 : text.split(' ').length;
  const estimate = start + Math.max(1, words * SECONDS_PER_WORD);
  return roundSeconds(next === null ? estimate : Math.min(next, estimate));
}

interface OpenPiece {
  start: number | null;
  words: string[];
  line: number;
}

/**
 * Reads timed caption text line by line: each time starts a piece that runs to the next time
 * (lines under a time are its words), pieces are joined into paragraph-sized records as captions'
 * cues are, sound notes (`[Music]`) are dropped, and a title above the first time is filtered
 * `not-feedback`.
 */
class TimedTextReader {
  private readonly ids = new RepeatedTextIds();
  private readonly builder = new TurnBuilder();
  private piece: OpenPiece | null = null;
  private title: SourceLine | null = null;

  constructor(private readonly file: string) {}

  feed(line: SourceLine): AdapterItem[] {
    if (line.text.trim() === '') return [];
    const timed = TIMED_LINE.exec(line.text) ?? TIME_ALONE.exec(line.text);
    const time = timed === null ? null : timeOf(timed);
    if (timed !== null && time !== null) {
      const items = [...this.closeTitle(), ...this.closePiece(time)];
      this.piece = { start: time, words: timed[4] === undefined ? [] : [timed[4]], line: line.line };
      return items;
    }
    if (this.piece === null) {
      this.title ??= line;
      return [];
    }
    this.piece.words.push(line.text.trim());
    return [];
  }

  end(): AdapterItem[] {
    if (this.piece === null) {
      throw new InputError('no timed lines ("0:03 words", or a time over the words) found', {
        location: { file: this.file },
        hint: 'for notes, read it as event-notes',
      });
    }
    return [...this.closePiece(null), ...this.records(this.builder.finish())];
  }

  private closePiece(end: number | null): AdapterItem[] {
    const piece = this.piece;
    this.piece = null;
    if (piece === null) return [];
    const text = removeSoundAnnotations(piece.words.join(' ')).replace(/\s+/g, ' ').trim();
    return this.records(
      this.builder.add({ speaker: null, text, start: piece.start, end: spokenUntil(piece.start, text, end), line: piece.line }),
    );
  }

  private closeTitle(): AdapterItem[] {
    const title = this.title;
    this.title = null;
    if (title === null) return [];
    return [
      { kind: 'filtered', rule: 'not-feedback', provenance: { file: this.file, line: title.line }, detail: 'text before the first time' },
    ];
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids) }));
  }
}
