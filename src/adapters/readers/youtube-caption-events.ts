import { InputError } from '../../errors.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import { CaptionTurns } from './caption-cues.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { turnDraft, type SpokenTurn } from './speaker-turns.js';
import {
  readXmlElements,
  recoveryWarnings,
  tooLargeElementRejection,
  type XmlElement,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from './xml-elements.js';

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
  /**
   * True when the text is caption markup, as srv1 and srv2 write it once their XML is read:
   * tags (`<font color="#E5E5E5">`) to remove and entities (`&#39;`, left by a second escaping) to
   * decode. Otherwise `&` and `<` are the speaker's own characters.
   */
  markup?: boolean;
  /** The unit of the times: milliseconds (json3, srv2, srv3) unless `seconds` (srv1's `start` and `dur`). */
  unit?: 'milliseconds' | 'seconds';
  /** Where the event is: its line, and its place in the file where that says more (`events[12]`). */
  provenance: Provenance;
}

/** A time written as YouTube writes them (a number, or its digits), in milliseconds: `scale` is how many a unit holds. */
function milliseconds(value: unknown, scale: number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * scale : null;
  if (typeof value === 'string' && /^\s*\d{1,12}(?:\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * scale * 1000) / 1000;
  return null;
}

/** Keeps a caption's literal `&` and `<` from being read as markup by the caption line reader, which decodes them back. */
function asCueLine(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The language yt-dlp names in a subtitle file's name (`Talk [id].en.json3`, `.en-GB.srv3`, `.en-orig.json3`, `.cy.ttml`), or null. */
export function subtitleLanguage(file: string): string | null {
  const match = /\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(?:json3|srv[123]|json|xml|ttml|dfxp)$/i.exec(file);
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
    const unit = event.unit ?? 'milliseconds';
    const scale = unit === 'seconds' ? 1000 : 1;
    const start = milliseconds(event.startMs, scale);
    const duration = event.durationMs === undefined ? 0 : milliseconds(event.durationMs, scale);
    if (start === null || duration === null) {
      const written = `start ${JSON.stringify(event.startMs ?? null)}, duration ${JSON.stringify(event.durationMs ?? null)}`;
      return [
        {
          kind: 'rejected',
          code: 'CAPTION_BAD_TIMESTAMP',
          message: `caption event's times (${written.slice(0, 80)}) are not ${unit}`,
          provenance: event.provenance,
          excerpt: event.text.trim().slice(0, 200),
        },
      ];
    }
    const line = event.provenance.line ?? 1;
    const lines = event.text.split(/\r?\n/).map((text) => ({ text: event.markup === true ? text : asCueLine(text), line }));
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

/** How one of YouTube's XML timed text formats (srv1, srv2, srv3) lays out its captions. */
export interface TimedTextXmlLayout {
  /** The root element's local name: `timedtext` (srv2, srv3) or `transcript` (srv1). */
  root: string;
  /** True for the path (root first) of a caption element. */
  isCaption(path: readonly XmlName[]): boolean;
  /** The caption event an element holds. */
  event(caption: XmlElement, provenance: Provenance): YouTubeCaptionEvent;
}

/**
 * Reads the caption elements of one of YouTube's XML timed text formats as they stream, each an
 * event for {@link YouTubeCaptionReader}; a file cut short gives the words read before the cut,
 * then its error, and a file with another root is refused.
 */
export async function* readTimedTextXml(source: InputSource, layout: TimedTextXmlLayout): AsyncIterable<AdapterItem> {
  const select = (path: readonly XmlName[]): XmlSelection => {
    if (path.length === 1) return 'start';
    return layout.isCaption(path) ? 'element' : 'skip';
  };
  const reader = new YouTubeCaptionReader(source.path);
  const recoveries: XmlRecovery[] = [];
  try {
    for await (const event of readXmlElements(source, select, (recovery) => recoveries.push(recovery))) {
      yield* recoveryWarnings(source.path, recoveries);
      if (event.kind === 'start') {
        checkRoot(source.path, event.element, layout.root);
        continue;
      }
      if (event.kind === 'too-large') {
        yield tooLargeElementRejection(source.path, event);
        continue;
      }
      const caption = event.element;
      yield* reader.add(layout.event(caption, { file: source.path, line: caption.line }));
    }
  } catch (error) {
    yield* reader.finish();
    throw error;
  }
  yield* reader.finish();
}

function checkRoot(file: string, root: XmlElement, expected: string): void {
  if (root.local === expected) return;
  throw new InputError(`not YouTube timed text: the root element is <${root.name}>, not <${expected}>`, {
    location: { file, line: root.line, col: 1 },
    hint: 'name another format instead of detecting it',
  });
}
