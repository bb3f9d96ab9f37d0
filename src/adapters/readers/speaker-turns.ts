import type { JsonValue, RecordDraft } from '../../record/record.js';
import { roundSeconds } from './clock-time.js';
import type { RepeatedTextIds } from './repeated-text-ids.js';

/** A pause between cues, in seconds, that starts a new paragraph when no speaker is named. */
export const TURN_PAUSE_SECONDS = 2;
/** Past this many characters a turn is closed at the next sentence end. */
export const TURN_TARGET_CHARS = 600;
/** Past this many characters a turn is closed at the next piece, sentence end or not (auto-captions have no punctuation). */
export const TURN_MAX_CHARS = 1000;

/** Words spoken, as a caption cue line or a transcript line gives them. */
export interface SpokenPiece {
  /** Who speaks, or null when the export does not say. */
  speaker: string | null;
  /** The words, already plain text. */
  text: string;
  /** When the piece starts, in seconds, or null when the export has no times. */
  start: number | null;
  /** When the piece ends, in seconds, or null when the export has no times. */
  end: number | null;
  /** The 1-based line the words are on. */
  line: number;
  /** Someone else starts speaking here (a dialogue dash, `>>`), though no name is given. */
  newVoice?: boolean;
  /** The piece starts a new paragraph of the same turn (a blank line in a typed transcript). */
  paragraph?: boolean;
}

/** One speaker's consecutive words: one record. */
export interface SpokenTurn {
  /** Who speaks, or null when the export does not say. */
  speaker: string | null;
  /** The turn's words, its pieces joined by spaces (or a blank line for a new paragraph). */
  text: string;
  /** When the turn starts, in seconds rounded to milliseconds, or null when unknown. */
  start: number | null;
  /** When its last piece ends, in seconds rounded to milliseconds, or null when unknown. */
  end: number | null;
  /** The line of its first words. */
  line: number;
}

interface OpenTurn {
  speaker: string | null;
  parts: string[];
  length: number;
  start: number | null;
  end: number | null;
  line: number;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** The space after a sentence end and before the next sentence's capital letter (or opening quote). */
const SENTENCE_BREAK = /(?<=[.!?…]["'”’)\]]*)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u;

/**
 * Merges spoken pieces into turns. A turn ends when the speaker changes or a new voice starts;
 * when no speaker is named, also at a pause of {@link TURN_PAUSE_SECONDS} or more. A long turn is
 * split into paragraph-sized records: after {@link TURN_TARGET_CHARS} characters at the next
 * sentence end, or after {@link TURN_MAX_CHARS} at the next piece.
 */
export class TurnBuilder {
  private current: OpenTurn | null = null;

  /**
   * Adds a piece; returns the turns it closed. A piece longer than {@link TURN_TARGET_CHARS}
   * (a typed paragraph) is added sentence by sentence, so it too can be split.
   */
  add(piece: SpokenPiece): SpokenTurn[] {
    if (piece.text.length <= TURN_TARGET_CHARS) return this.addPiece(piece);
    const sentences = piece.text.split(SENTENCE_BREAK);
    return sentences.flatMap((text, index) =>
      this.addPiece(index === 0 ? { ...piece, text } : { ...piece, text, newVoice: false, paragraph: false }),
    );
  }

  private addPiece(piece: SpokenPiece): SpokenTurn[] {
    const closed: SpokenTurn[] = [];
    const current = this.current;
    if (current !== null && this.startsNewTurn(current, piece)) closed.push(...this.finish());
    const text = piece.text.trim();
    if (text === '') return closed;
    let turn = this.current;
    if (turn === null) {
      turn = { speaker: piece.speaker, parts: [], length: 0, start: piece.start, end: piece.end, line: piece.line };
      this.current = turn;
    } else if (turn.parts.length > 0) {
      const joiner = piece.paragraph === true ? '\n\n' : ' ';
      turn.parts.push(joiner);
      turn.length += joiner.length;
    }
    turn.parts.push(text);
    turn.length += text.length;
    turn.start ??= piece.start;
    if (piece.end !== null && (turn.end === null || piece.end > turn.end)) turn.end = piece.end;
    if (turn.length >= TURN_MAX_CHARS || (turn.length >= TURN_TARGET_CHARS && SENTENCE_END.test(text))) {
      closed.push(...this.finish());
    }
    return closed;
  }

  /** Closes the open turn, if any, and returns it. */
  finish(): SpokenTurn[] {
    const turn = this.current;
    this.current = null;
    if (turn === null || turn.parts.length === 0) return [];
    return [
      {
        speaker: turn.speaker,
        text: turn.parts.join(''),
        start: turn.start === null ? null : roundSeconds(turn.start),
        end: turn.end === null ? null : roundSeconds(turn.end),
        line: turn.line,
      },
    ];
  }

  private startsNewTurn(current: OpenTurn, piece: SpokenPiece): boolean {
    if (piece.newVoice === true || piece.speaker !== current.speaker) return true;
    if (piece.speaker !== null || piece.start === null || current.end === null) return false;
    return piece.start - current.end >= TURN_PAUSE_SECONDS - 0.0005;
  }
}

/**
 * The record draft for one turn: the speaker as author, `meta.start` / `meta.end` in seconds when
 * the export has times, then `extraMeta` (a caption file's title, a meeting topic).
 */
export function turnDraft(
  turn: SpokenTurn,
  file: string,
  ids: RepeatedTextIds,
  extraMeta: Readonly<Record<string, JsonValue>> = {},
): RecordDraft {
  const meta: Record<string, JsonValue> = {};
  if (turn.start !== null) meta['start'] = turn.start;
  if (turn.end !== null) meta['end'] = turn.end;
  Object.assign(meta, extraMeta);
  return {
    sourceId: ids.sourceIdFor(turn.speaker, turn.text),
    author: turn.speaker,
    text: turn.text,
    meta,
    provenance: { file, line: turn.line },
  };
}
