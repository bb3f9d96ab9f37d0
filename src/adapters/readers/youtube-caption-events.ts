import type { JsonValue, Provenance } from '../../record/record.js';
import type { AdapterItem } from '../format-adapter.js';
import { CaptionTurns } from './caption-cues.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { turnDraft, type SpokenTurn } from './speaker-turns.js';

/**
 * One caption event of YouTube's own timed text, as `json3` (`{"tStartMs", "dDurationMs", "segs"}`)
 * and `srv3` (`<p t="…" d="…"><s>…</s></p>`) hold it: its times as written, in milliseconds, and
 * its segments' text joined.
 */
export interface YouTubeCaptionEvent {
  /** `tStartMs` / `t`, as written (a number in json3, an attribute's text in srv3), or undefined when absent. */
  startMs: unknown;
  /** `dDurationMs` / `d`, as written, or undefined when absent (an event shown until the next). */
  durationMs: unknown;
  /** The segments' text joined, line breaks (`\n`) as written. */
  text: string;
  /** Where the event is: its line, and its place in the file where that says more (`events[12]`). */
  provenance: Provenance;
}

/** A time in milliseconds written as YouTube writes them: a whole number, or its digits. */
function milliseconds(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,12}(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** Keeps a caption's literal `&` and `<` from being read as markup by the caption line reader, which decodes them back. */
function asCueLine(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The language yt-dlp names in a subtitle file's name (`Talk [id].en.json3`, `.en-GB.srv3`, `.en-orig.json3`), or null. */
export function subtitleLanguage(file: string): string | null {
  const match = /\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(?:json3|srv3|json|xml)$/i.exec(file);
  const tag = match?.[1];
  if (tag === undefined) return null;
  return tag.replace(/-orig$/i, '');
}

/**
 * Reads YouTube's caption events into speaker turns exactly as the WebVTT and SubRip readers read
 * cues ({@link CaptionTurns}: speakers, sound notes, pauses, paragraph-sized records, the lines a
 * rolling caption repeats). An event with no words (the window definitions at the top, and the
 * `aAppend` events auto-captions write to break a line, which hold only `\n`) is no item; an event
 * with words whose times cannot be read is rejected (`CAPTION_BAD_TIMESTAMP`). An event with no
 * duration lasts until the next starts, as a cue of no duration does.
 */
export class YouTubeCaptionReader {
  private readonly ids = new RepeatedTextIds();
  private readonly turns = new CaptionTurns({ rolling: 'partial' });
  private readonly meta: Record<string, JsonValue> = {};

  constructor(private readonly file: string) {
    const language = subtitleLanguage(file);
    if (language !== null) this.meta['language'] = language;
  }

  /** Adds one event; returns the items it closed. */
  add(event: YouTubeCaptionEvent): AdapterItem[] {
    if (!/\S/.test(event.text)) return [];
    const start = milliseconds(event.startMs);
    const duration = event.durationMs === undefined ? 0 : milliseconds(event.durationMs);
    if (start === null || duration === null) {
      const written = `start ${JSON.stringify(event.startMs ?? null)}, duration ${JSON.stringify(event.durationMs ?? null)}`;
      return [
        {
          kind: 'rejected',
          code: 'CAPTION_BAD_TIMESTAMP',
          message: `caption event's times (${written.slice(0, 80)}) are not milliseconds`,
          provenance: event.provenance,
          excerpt: event.text.trim().slice(0, 200),
        },
      ];
    }
    const line = event.provenance.line ?? 1;
    const lines = event.text.split(/\r?\n/).map((text) => ({ text: asCueLine(text), line }));
    return this.records(this.turns.addCue({ start: start / 1000, end: (start + duration) / 1000, lines }));
  }

  /** Closes the last turn. */
  finish(): AdapterItem[] {
    return this.records(this.turns.finish());
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids, this.meta) }));
  }
}
