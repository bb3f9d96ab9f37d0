import type { Provenance } from '../../record/record.js';
import type { AdapterItem } from '../format-adapter.js';
import { invalidJsonItem, jsonArrayElementsFrom } from './json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from './json-fields.js';
import { parseClockTime } from './clock-time.js';
import { RepeatedTextIds } from './repeated-text-ids.js';
import { removeSoundAnnotations } from './sound-annotations.js';
import { TurnBuilder, turnDraft, type SpokenPiece, type SpokenTurn } from './speaker-turns.js';

/**
 * The JSON a speech-to-text tool writes for a recording: OpenAI Whisper (and WhisperX,
 * faster-whisper, the API's `verbose_json`), whisper.cpp (`whisper-cli -oj`), AssemblyAI, Deepgram
 * and Rev.ai.
 */
export type SpeechToTextLayout = 'whisper' | 'whisper-cpp' | 'assemblyai' | 'deepgram' | 'revai';

/** A member naming an array, not inside a string (where its quotes would be escaped). */
function arrayKey(member: string): RegExp {
  return new RegExp(String.raw`(?<!\\)"${member}"\s*:\s*\[`);
}

const SEGMENTS = arrayKey('segments');
const MONOLOGUES = arrayKey('monologues');
const UTTERANCES = arrayKey('utterances');
const PARAGRAPHS = arrayKey('paragraphs');
const TRANSCRIPTION = arrayKey('transcription');

/**
 * The layout a JSON object's head shows, or null: Rev.ai's `monologues`; Deepgram's `results`
 * with `channels` (or its `metadata` with a `request_id` and `model_info`); AssemblyAI's
 * transcript object (`audio_url` beside its `acoustic_model`, `language_model`,
 * `speaker_labels` or `audio_duration`); Whisper's `segments` of `{start, end, text}`; whisper.cpp's
 * `transcription` of `{timestamps, offsets, text}`.
 */
export function speechToTextLayout(head: string): SpeechToTextLayout | null {
  if (!head.trimStart().startsWith('{')) return null;
  if (MONOLOGUES.test(head) && /"elements"\s*:\s*\[/.test(head)) return 'revai';
  if (/"results"\s*:\s*\{\s*"(?:channels|utterances)"\s*:/.test(head) || (/"request_id"\s*:/.test(head) && /"model_info"\s*:/.test(head))) {
    return 'deepgram';
  }
  if (/"audio_url"\s*:/.test(head) && /"(?:acoustic_model|language_model|speaker_labels|audio_duration)"\s*:/.test(head))
    return 'assemblyai';
  const transcription = TRANSCRIPTION.exec(head);
  if (transcription !== null) {
    const first = head.slice(transcription.index, transcription.index + 4000);
    if (/"(?:offsets|timestamps)"\s*:\s*\{/.test(first) && /"text"\s*:/.test(first)) return 'whisper-cpp';
  }
  const segments = SEGMENTS.exec(head);
  if (segments !== null) {
    const first = head.slice(segments.index, segments.index + 4000);
    if (/"start"\s*:/.test(first) && /"end"\s*:/.test(first) && /"text"\s*:/.test(first)) return 'whisper';
  }
  return LONG_TEXT_FIRST.test(head) ? 'whisper' : null;
}

/**
 * An object whose first member is a `"text"` string running past the head: Whisper writes the
 * whole transcript first, so in a long recording its `segments` start beyond the first 64 KiB.
 */
const LONG_TEXT_FIRST = /^\s*\{\s*"text"\s*:\s*"(?:[^"\\]|\\[\s\S])*$/;

/** The layout of a whole parsed file, by its members: what {@link speechToTextLayout} guessed from the head, checked. */
export function parsedSpeechToTextLayout(parsed: JsonObject): SpeechToTextLayout | null {
  if (Array.isArray(parsed['monologues'])) return 'revai';
  if (
    asObject(parsed['results']) !== null &&
    (Array.isArray(field(parsed, 'results', 'channels')) || Array.isArray(field(parsed, 'results', 'utterances')))
  ) {
    return 'deepgram';
  }
  if (typeof parsed['audio_url'] === 'string') return 'assemblyai';
  if (
    asArray(parsed['transcription']).some(
      (piece) => asObject(field(piece, 'offsets')) !== null || asObject(field(piece, 'timestamps')) !== null,
    )
  ) {
    return 'whisper-cpp';
  }
  return Array.isArray(parsed['segments']) ? 'whisper' : null;
}

/** Where a layout's pieces are, and how to read one. */
interface PieceList {
  /** The array's member name, found at its first place in the file. */
  key: RegExp;
  /** What the provenance calls the array (`segments`). */
  member: string;
  /** Reads one element; a string is why it cannot be read. */
  read: (element: JsonObject, line: number) => SpokenPiece | string;
}

/**
 * Reads a speech-to-text tool's JSON, already parsed as `parsed` from `text`: one record per
 * speaker turn, as captions give them (consecutive pieces of one speaker joined, a pause of 2 s
 * starting a new record when no speaker is named, `meta.start` / `meta.end` in seconds). The
 * pieces are the tool's own: Whisper's `segments` (WhisperX's carry a `speaker`), AssemblyAI's
 * `utterances` (times in milliseconds; speakers `A`, `B` named `Speaker A`), Deepgram's
 * `utterances` (else the first channel's `paragraphs`; speakers `0`, `1` named `Speaker 0`),
 * Rev.ai's `monologues` (their `elements` joined) and whisper.cpp's `transcription` (times in
 * milliseconds in `offsets`, else as clock times in `timestamps`; a `speaker_turn_next` from its
 * speaker-turn model starts a new voice at the next piece). A transcript without such pieces (AssemblyAI or
 * Deepgram without utterances or paragraphs) is read from its whole `text` / `transcript`.
 */
export async function* speechToTextItems(
  file: string,
  text: string,
  parsed: JsonObject,
  layout: SpeechToTextLayout,
): AsyncIterable<AdapterItem> {
  const list = pieceList(parsed, layout);
  const ids = new RepeatedTextIds();
  const builder = new TurnBuilder();
  const records = (turns: SpokenTurn[]): AdapterItem[] => turns.map((turn) => ({ kind: 'record', draft: turnDraft(turn, file, ids) }));
  const keyAt = list === null ? null : list.key.exec(text);
  if (list === null || keyAt === null) {
    const whole = wholeText(parsed, layout);
    if (whole !== null)
      yield* records(builder.add({ speaker: null, text: removeSoundAnnotations(whole), start: null, end: null, line: 1 }));
    else
      yield {
        kind: 'rejected',
        code: 'MISSING_TEXT',
        message: `no transcript text in this ${layoutName(layout)} JSON`,
        provenance: { file },
      };
    yield* records(builder.finish());
    return;
  }
  for await (const element of jsonArrayElementsFrom(file, text, keyAt.index)) {
    const { line } = element;
    const provenance: Provenance = { file, line, part: `${list.member}[${element.index ?? 0}]` };
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    const object = asObject(element.value);
    const piece = object === null ? `expected an object in "${list.member}"` : list.read(object, line);
    if (typeof piece === 'string') {
      yield { kind: 'rejected', code: 'MISSING_TEXT', message: piece, provenance, excerpt: JSON.stringify(element.value).slice(0, 200) };
      continue;
    }
    yield* records(builder.add({ ...piece, text: removeSoundAnnotations(piece.text) }));
  }
  yield* records(builder.finish());
}

function layoutName(layout: SpeechToTextLayout): string {
  return { whisper: 'Whisper', 'whisper-cpp': 'whisper.cpp', assemblyai: 'AssemblyAI', deepgram: 'Deepgram', revai: 'Rev.ai' }[layout];
}

/** The array of pieces a parsed file holds, or null when it has none (a transcript without utterances). */
function pieceList(parsed: JsonObject, layout: SpeechToTextLayout): PieceList | null {
  switch (layout) {
    case 'whisper':
      return { key: SEGMENTS, member: 'segments', read: (element, line) => timedPiece(element, 'text', 1, line) };
    case 'assemblyai':
      return Array.isArray(parsed['utterances'])
        ? { key: UTTERANCES, member: 'utterances', read: (element, line) => timedPiece(element, 'text', 1000, line) }
        : null;
    case 'deepgram':
      if (Array.isArray(field(parsed, 'results', 'utterances'))) {
        return { key: UTTERANCES, member: 'utterances', read: (element, line) => timedPiece(element, 'transcript', 1, line) };
      }
      return Array.isArray(field(firstAlternative(parsed), 'paragraphs', 'paragraphs'))
        ? { key: PARAGRAPHS, member: 'paragraphs', read: deepgramParagraph }
        : null;
    case 'revai':
      return { key: MONOLOGUES, member: 'monologues', read: revMonologue };
    case 'whisper-cpp': {
      let turnNext = false;
      return {
        key: TRANSCRIPTION,
        member: 'transcription',
        read: (element, line) => {
          const piece = whisperCppPiece(element, line, turnNext);
          turnNext = element['speaker_turn_next'] === true;
          return piece;
        },
      };
    }
  }
}

/**
 * A whisper.cpp segment: its `text`, timed by `offsets` (milliseconds) or else `timestamps`
 * (`00:00:02,500`); `newVoice` when the segment before it ended a speaker's turn.
 */
function whisperCppPiece(element: JsonObject, line: number, newVoice: boolean): SpokenPiece | string {
  const words = asString(element['text']);
  if (words === null) return 'no "text" in this piece of the transcript';
  const offset = (end: 'from' | 'to'): number | null => {
    const milliseconds = time(field(element, 'offsets', end), 1000);
    if (milliseconds !== null) return milliseconds;
    const clock = asString(field(element, 'timestamps', end));
    return clock === null ? null : parseClockTime(clock);
  };
  return { speaker: speakerName(element['speaker']), text: words.trim(), start: offset('from'), end: offset('to'), line, newVoice };
}

/** A piece with its words in `textKey` and its times in `start` / `end`, counted in `perSecond` units. */
function timedPiece(element: JsonObject, textKey: string, perSecond: number, line: number): SpokenPiece | string {
  const words = asString(element[textKey]);
  if (words === null) return `no "${textKey}" in this piece of the transcript`;
  return {
    speaker: speakerName(element['speaker']),
    text: words.trim(),
    start: time(element['start'], perSecond),
    end: time(element['end'], perSecond),
    line,
  };
}

/** A Deepgram paragraph: its sentences' words joined. */
function deepgramParagraph(element: JsonObject, line: number): SpokenPiece | string {
  const sentences = asArray(element['sentences'])
    .map((sentence) => asString(field(sentence, 'text')))
    .filter((sentence): sentence is string => sentence !== null);
  if (sentences.length === 0) return 'no "sentences" in this paragraph of the transcript';
  return {
    speaker: speakerName(element['speaker']),
    text: sentences.join(' '),
    start: time(element['start'], 1),
    end: time(element['end'], 1),
    line,
  };
}

/**
 * A Rev.ai monologue: its elements' values joined (words, and punctuation with its spaces), timed
 * by its first and last word; `unknown` elements (`<inaudible>`, `<laugh>`) are sound notes, left out.
 */
function revMonologue(element: JsonObject, line: number): SpokenPiece | string {
  const elements = asArray(element['elements'])
    .map(asObject)
    .filter((item): item is JsonObject => item !== null);
  if (elements.length === 0) return 'no "elements" in this monologue of the transcript';
  const words = elements
    .filter((item) => item['type'] !== 'unknown')
    .map((item) => asString(item['value']) ?? '')
    .join('');
  const timed = elements.filter((item) => typeof item['ts'] === 'number');
  const name = asString(element['speaker_name'])?.trim();
  return {
    speaker: name !== undefined && name !== '' ? name : speakerName(element['speaker']),
    text: words.replace(/\s+/g, ' ').trim(),
    start: time(timed[0]?.['ts'], 1),
    end: time(timed[timed.length - 1]?.['end_ts'], 1),
    line,
  };
}

/** A speaker as the tool names one: a name kept, a number or letter as `Speaker 0` / `Speaker A`. */
function speakerName(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return `Speaker ${value}`;
  const name = asString(value)?.trim() ?? '';
  if (name === '') return null;
  return /^(?:\d{1,3}|[A-Z])$/.test(name) ? `Speaker ${name}` : name;
}

function time(value: unknown, perSecond: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value / perSecond : null;
}

function firstAlternative(parsed: JsonObject): unknown {
  return asArray(field(asArray(field(parsed, 'results', 'channels'))[0], 'alternatives'))[0];
}

/** The whole transcript's words, for a file without pieces. */
function wholeText(parsed: JsonObject, layout: SpeechToTextLayout): string | null {
  const whole = layout === 'deepgram' ? asString(field(firstAlternative(parsed), 'transcript')) : asString(parsed['text']);
  return whole === null || whole.trim() === '' ? null : whole.trim();
}
