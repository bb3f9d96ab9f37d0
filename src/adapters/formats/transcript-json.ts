import { notAnObject } from '../readers/blog-comment-fields.js';
import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { roundSeconds, parseClockTime } from '../readers/clock-time.js';
import { cellText } from '../readers/column-mapping.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import {
  invalidJsonItem,
  jsonArrayElements,
  jsonArrayElementsFrom,
  newlinesBefore,
  type JsonElement,
  jsonErrorMessage,
  parseKeepingLongNumbers,
  jsonLines,
  partWithin,
  looksLikeJsonLines,
} from '../readers/json-elements.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { removeSoundAnnotations } from '../readers/sound-annotations.js';
import { parsedSpeechToTextLayout, speechToTextItems, speechToTextLayout } from '../readers/speech-to-text-json.js';

/** The keys of a QMSum meeting file (AMI, ICSI and parliamentary committee meetings). */
const QMSUM_KEYS = /"(?:meeting_transcripts|topic_list|general_query_list|specific_query_list)"\s*:/;

/** Whisper's `segments`, when the head reaches them (a long recording's whole `text`, written first, may not let it). */
const SEGMENTS_IN_HEAD = /(?<!\\)"segments"\s*:\s*\[/;

/** Where a QMSum file's list of turns starts (not inside a string, where the quote would be escaped). */
const TURNS_KEY = /(?<!\\)"meeting_transcripts"\s*:\s*\[/;

/** The largest meeting file read at once (QMSum files are at most a few MB). */
const MEETING_FILE_LIMIT = 64 * 1024 * 1024;

/**
 * Speaker-turn transcripts as JSON: QMSum/AMI meeting files, a list of `{speaker, text}` turns, or
 * what a speech-to-text tool writes (Whisper, AssemblyAI, Deepgram, Rev.ai).
 */
export const transcriptJsonAdapter: FormatAdapter = {
  name: 'transcript-json',
  description:
    'Meeting transcripts as JSON speaker turns: QMSum/AMI files, a list of {speaker, text|content, start?, end?}, or Whisper, AssemblyAI, Deepgram and Rev.ai transcripts',
  channel: 'transcript',
  extensions: ['.json', '.jsonl'],
  signature:
    'an object with "meeting_transcripts", "segments" (Whisper), "utterances" (AssemblyAI, Deepgram) or "monologues" (Rev.ai), or a list (or JSON Lines) of objects with "speaker" and "text" or "content"',
  sniff(input) {
    const head = input.headText.trimStart();
    if (head.startsWith('{') && QMSUM_KEYS.test(head)) return 0.9;
    const speechToText = speechToTextLayout(head);
    if (speechToText !== null) return SEGMENTS_IN_HEAD.test(head) || speechToText !== 'whisper' ? 0.9 : 0.6;
    if (looksLikeJsonLines(input.headText)) return looksLikeTurn(head.split('\n', 1)[0] ?? '') ? 0.9 : 0;
    if (head.startsWith('[') && head.slice(1).trimStart().startsWith('{')) return looksLikeTurn(head.slice(0, 4000)) ? 0.9 : 0;
    return 0;
  },
  read(source) {
    return readTranscriptJson(source);
  },
};

/** True when a piece of JSON has a `"speaker"` key and a `"text"` or `"content"` key. */
function looksLikeTurn(json: string): boolean {
  return /"speaker"\s*:/.test(json) && /"(?:text|content)"\s*:/.test(json);
}

/**
 * JSON Lines when the file starts with a one-line turn; a meeting object when it starts with any
 * other object; otherwise a streamed array of turns.
 */
async function* readTranscriptJson(source: InputSource): AsyncIterable<AdapterItem> {
  const head = source.headText.trimStart();
  const firstLine = head.split('\n', 1)[0] ?? '';
  const wholeObject = head.startsWith('{') && (QMSUM_KEYS.test(firstLine) || speechToTextLayout(head) !== null);
  if (!wholeObject && looksLikeJsonLines(source.headText) && looksLikeTurn(firstLine)) {
    yield* readTurns(source.path, jsonLines(source), { corpus: false, topics: [] });
  } else if (head.startsWith('{')) {
    yield* readMeetingFile(source);
  } else {
    yield* readTurns(source.path, jsonArrayElements(source.path, source.text()), { corpus: false, topics: [] });
  }
}

/** A QMSum topic and the turns (0-based, inclusive) it covers. */
interface TopicSpan {
  topic: string;
  from: number;
  to: number;
}

interface TurnOptions {
  /** The text is tokenised corpus text (QMSum/AMI: `Euros .`, `T_V_`), to be written normally. */
  corpus: boolean;
  topics: readonly TopicSpan[];
  /** The member whose array the turns are, named in each turn's place (`meeting_transcripts[3]`); none for a root array. */
  member?: string;
}

/**
 * Reads a QMSum meeting file: the whole file is parsed (it is an object, so it cannot be streamed;
 * the read is limited to 64 MiB) for its topics, then its turns are read again one by one for
 * their line numbers.
 */
async function* readMeetingFile(source: InputSource): AsyncIterable<AdapterItem> {
  const text = await source.readText(MEETING_FILE_LIMIT);
  let parsed: unknown;
  try {
    parsed = parseKeepingLongNumbers(text);
  } catch (error) {
    const message = jsonErrorMessage(error).replace(/\s*(?:in JSON )?at position \d+.*$|\s*\(line \d+ column \d+\)$/, '');
    throw new InputError(message, { location: { file: source.path, ...jsonErrorPosition(text, error) } });
  }
  const turnsKey = TURNS_KEY.exec(text);
  const speechToText = isObject(parsed) && !Array.isArray(parsed['meeting_transcripts']) ? parsedSpeechToTextLayout(parsed) : null;
  if (speechToText !== null && isObject(parsed)) {
    yield* speechToTextItems(source.path, text, parsed, speechToText);
    return;
  }
  if (!isObject(parsed) || !Array.isArray(parsed['meeting_transcripts']) || turnsKey === null) {
    throw new InputError(`no "meeting_transcripts" list of speaker turns in this JSON object`, {
      location: { file: source.path },
      hint: 'transcript-json reads QMSum meeting files, Whisper, AssemblyAI, Deepgram or Rev.ai transcripts, or a list of {"speaker", "text"} turns',
    });
  }
  yield* readTurns(source.path, jsonArrayElementsFrom(source.path, text, turnsKey.index), {
    corpus: true,
    topics: topicSpans(parsed['topic_list']),
    member: 'meeting_transcripts',
  });
}

async function* readTurns(file: string, elements: AsyncIterable<JsonElement>, options: TurnOptions): AsyncIterable<AdapterItem> {
  const ids = new RepeatedTextIds();
  let index = -1;
  for await (const element of elements) {
    index += 1;
    const { line } = element;
    const provenance: Provenance =
      element.index === undefined ? { file, line } : { file, line, part: partWithin(options.member, `[${element.index}]`) };
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    const turn = element.value;
    if (!isObject(turn)) {
      yield notAnObject('expected a JSON object with "speaker" and "text"', turn, provenance);
      continue;
    }
    const words = typeof turn['text'] === 'string' ? turn['text'] : turn['content'];
    if (typeof words !== 'string') {
      yield {
        kind: 'rejected',
        code: 'MISSING_TEXT',
        message: 'turn has no "text" or "content" string',
        provenance,
        excerpt: JSON.stringify(turn).slice(0, 200),
      };
      continue;
    }
    const author = cellText(turn['speaker']);
    const spoken = removeSoundAnnotations(words);
    const text = options.corpus ? writeCorpusText(spoken) : spoken;
    const meta: Record<string, JsonValue> = {};
    const start = seconds(turn['start']);
    const end = seconds(turn['end']);
    if (start !== null) meta['start'] = start;
    if (end !== null) meta['end'] = end;
    const topic = options.topics.find((span) => index >= span.from && index <= span.to)?.topic;
    if (topic !== undefined) meta['topic'] = topic;
    const id = turn['id'];
    const sourceId = typeof id === 'string' || typeof id === 'number' ? String(id) : ids.sourceIdFor(author, text);
    yield { kind: 'record', draft: { sourceId, author, text, meta, provenance } };
  }
}

/**
 * Writes tokenised meeting-corpus text the usual way, without changing a word: no space before
 * punctuation (`Euros .` → `Euros.`), a comma left dangling by a removed marker dropped
 * (`Oh no , {gap} .` → `Oh no.`), and letters spelled out with underscores joined (`T_V_` → `TV`).
 */
export function writeCorpusText(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{N}_])((?:\p{Lu}_)+)/gu, (letters) => letters.replace(/_/g, ''))
    .replace(/\s+([.,?!;:])/g, '$1')
    .replace(/,+(?=[.?!,;:])/g, '')
    .replace(/^[\s.,;:]+/, '');
}

/** QMSum's `topic_list`: topics with `relevant_text_span` pairs of turn numbers (strings, 0-based, inclusive). */
function topicSpans(value: unknown): TopicSpan[] {
  if (!Array.isArray(value)) return [];
  const spans: TopicSpan[] = [];
  for (const entry of value) {
    if (!isObject(entry) || typeof entry['topic'] !== 'string' || !Array.isArray(entry['relevant_text_span'])) continue;
    for (const span of entry['relevant_text_span']) {
      if (!Array.isArray(span)) continue;
      const from = Number(span[0]);
      const to = Number(span[1] ?? span[0]);
      if (Number.isInteger(from) && Number.isInteger(to)) spans.push({ topic: entry['topic'], from, to });
    }
  }
  return spans;
}

/** A turn's start or end: seconds as a number, or a clock time (`00:01:02.500`) or number as a string. */
function seconds(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? roundSeconds(value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return roundSeconds(Number(value));
  return parseClockTime(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `line:column` of a JSON.parse error, from Node's "at position N" or "(line L column C)". */
function jsonErrorPosition(text: string, error: unknown): { line: number; col: number } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn !== null) return { line: Number(lineColumn[1]), col: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position === null) return { line: 1, col: 1 };
  const offset = Number(position[1]);
  return { line: newlinesBefore(text, offset) + 1, col: offset - text.lastIndexOf('\n', offset - 1) };
}
