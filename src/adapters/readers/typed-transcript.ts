import { InputError } from '../../errors.js';
import type { SourceLine } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { removeSoundAnnotations } from './sound-annotations.js';
import { parseSpeakerLabel } from './speaker-label.js';
import { TurnBuilder, turnDraft, type SpokenTurn } from './speaker-turns.js';
import { isUnknownSpeaker } from '../../record/speaker-placeholders.js';

/**
 * A clock time alone on a line (`[00:05:00]`, `(12:30)`, `1:02:03`), or a cue's timing: YouTube's
 * `.sbv` `0:00:03.120,0:00:05.000`, SubRip's `00:00:08,000 --> 00:00:09,000` pasted into text.
 */
const TIME_ONLY =
  /^\s*[[(]?\s*(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*[\])]?\s*(?:(?:-->|,|[-–])\s*[[(]?\s*(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*[\])]?\s*)?$/;

/** A transcriber's note on its own line: `Note: the recording stopped here`, `[00:02:10] NB: …`. */
const TRANSCRIBER_NOTE =
  /^\s*(?:[[(]?\s*(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*[\])]?\s+)?(?:note|nb|n\.b\.|transcriber['’]?s note)\s*:/i;

/** A transcription service's credit on its own line, as Otter.ai ends an export: `Transcribed by https://otter.ai`. */
const SERVICE_CREDIT = /^\s*(?:automatically\s+)?transcribed\s+by\s+(?:https?:\/\/)?[\w.-]+\/?\s*$/i;

/** How many lines from the top decide whether a text is a speaker transcript. */
export const SPEAKER_SNIFF_LINES = 400;

/**
 * True when at least half the non-blank lines, or of the paragraphs (runs of lines between blank
 * ones), start with a speaker label, from two or more speakers.
 */
export function looksLikeSpeakerTranscript(lines: readonly string[]): boolean {
  let nonBlank = 0;
  let labelled = 0;
  let paragraphs = 0;
  let labelledParagraphs = 0;
  let previousBlank = true;
  const speakers = new Set<string>();
  for (const line of lines) {
    if (line.trim() === '') {
      previousBlank = true;
      continue;
    }
    nonBlank += 1;
    const label = parseSpeakerLabel(line);
    if (label !== null) {
      labelled += 1;
      speakers.add(label.speaker);
    }
    if (previousBlank) {
      paragraphs += 1;
      if (label !== null) labelledParagraphs += 1;
    }
    previousBlank = false;
  }
  if (labelled < 2 || speakers.size < 2) return false;
  return labelled * 2 >= nonBlank || labelledParagraphs * 2 >= paragraphs;
}

/**
 * Reads a typed transcript line by line. A speaker label starts a turn; the lines after it, up to
 * the next label, continue it (a blank line between them starts a new paragraph of the turn).
 * Consecutive turns of one speaker merge, and long turns are split, as for captions. Text before
 * the first label (a title, a list of attendees), transcribers' `Note:` lines and a transcription
 * service's credit (`Transcribed by https://otter.ai`) are filtered as `not-feedback`.
 */
export class TranscriptTextReader {
  private readonly ids = new RepeatedTextIds();
  private readonly builder = new TurnBuilder();
  private speaker: string | null = null;
  private started = false;
  private preamble: SourceLine | null = null;
  private afterBlank = false;
  private relabelled = false;
  /** The label just read is an unknown speaker's again (`Unknown Speaker`): perhaps someone else, so a turn of its own. */
  private unknownAgain = false;
  private pendingStart: number | null = null;

  constructor(private readonly file: string) {}

  feed(line: SourceLine): AdapterItem[] {
    if (line.text.trim() === '') {
      this.afterBlank = true;
      return this.closePreamble();
    }
    const label = parseSpeakerLabel(line.text);
    if (label !== null) {
      const items = this.closePreamble();
      const sameSpeaker = this.started && label.speaker === this.speaker;
      this.started = true;
      this.speaker = label.speaker;
      this.pendingStart = label.start;
      this.unknownAgain = sameSpeaker && isUnknownSpeaker(label.speaker);
      this.relabelled = sameSpeaker && !this.unknownAgain;
      this.afterBlank = false;
      return [...items, ...this.add(label.rest, line.line)];
    }
    if (TIME_ONLY.test(line.text)) return [];
    if (TRANSCRIBER_NOTE.test(line.text)) {
      return [{ kind: 'filtered', rule: 'not-feedback', provenance: { file: this.file, line: line.line }, detail: "transcriber's note" }];
    }
    if (SERVICE_CREDIT.test(line.text)) {
      return [
        {
          kind: 'filtered',
          rule: 'not-feedback',
          provenance: { file: this.file, line: line.line },
          detail: "transcription service's credit",
        },
      ];
    }
    if (!this.started) {
      this.preamble ??= line;
      return [];
    }
    const items = this.add(line.text, line.line);
    this.afterBlank = false;
    return items;
  }

  end(): AdapterItem[] {
    if (!this.started) {
      throw new InputError(`no speaker labels ("Name: words") found, so this is not a speaker transcript`, {
        location: { file: this.file },
        hint: 'for notes, read it as event-notes',
      });
    }
    return this.records(this.builder.finish());
  }

  private add(words: string, line: number): AdapterItem[] {
    const text = removeSoundAnnotations(words).trim();
    if (text === '') return this.records(this.builder.add({ speaker: this.speaker, text, start: null, end: null, line }));
    const paragraph = this.afterBlank || this.relabelled;
    const newVoice = this.unknownAgain;
    this.relabelled = false;
    this.unknownAgain = false;
    const closed = this.builder.add({ speaker: this.speaker, text, start: this.pendingStart, end: null, line, paragraph, newVoice });
    this.pendingStart = null;
    return this.records(closed);
  }

  private closePreamble(): AdapterItem[] {
    const preamble = this.preamble;
    this.preamble = null;
    if (preamble === null) return [];
    return [
      {
        kind: 'filtered',
        rule: 'not-feedback',
        provenance: { file: this.file, line: preamble.line },
        detail: 'text before the first speaker label',
      },
    ];
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids) }));
  }
}
