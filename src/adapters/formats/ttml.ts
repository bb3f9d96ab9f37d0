import { InputError } from '../../errors.js';
import type { JsonValue } from '../../record/record.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { CaptionTurns } from '../readers/caption-cues.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { turnDraft, type SpokenTurn } from '../readers/speaker-turns.js';
import { DEFAULT_TTML_TIME_BASE, parseTtmlTime, ttmlTimeBase, type TtmlTimeBase } from '../readers/ttml-time.js';
import {
  attributeValue,
  readXmlElements,
  recoveryWarnings,
  tooLargeElementRejection,
  type XmlElement,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { subtitleLanguage } from '../readers/youtube-caption-events.js';

/** The namespace of `xml:id`, `xml:lang` and `xml:space`. */
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** A TTML root's namespace declared: TTML 1 and 2 (`http://www.w3.org/ns/ttml`) or DFXP's drafts (`…/2006/10/ttaf1`). */
const TTML_NAMESPACE = /xmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/www\.w3\.org\/(?:ns\/ttml|2006\/(?:04|10)\/ttaf1)["']/;

/** The root element's start, with or without a prefix (`<tt `, `<tt:tt `). */
const TT_START = /^<(?:[A-Za-z_][\w.-]*:)?tt[\s>]/;

/**
 * True when the first element of `head`, after the declaration, comments, processing instructions
 * and a DOCTYPE, is `<tt>`: not HTML's `<tt>` inside another document. Skipped by searching for
 * each one's end, never by a pattern that could try every `-->` of a file full of comments.
 */
function startsWithTtRoot(head: string): boolean {
  let at = 0;
  for (;;) {
    while (at < head.length && /\s/.test(head.charAt(at))) at += 1;
    const closing = head.startsWith('<?', at) ? '?>' : head.startsWith('<!--', at) ? '-->' : head.startsWith('<!', at) ? '>' : null;
    if (closing === null) return TT_START.test(head.slice(at, at + 64));
    const end = head.indexOf(closing, at + 2);
    if (end === -1) return false;
    at = end + closing.length;
  }
}

/**
 * How deeply `<span>`s inside a caption are read for their line breaks, speakers and times;
 * deeper, an element's words are taken as plain text. No caption nests near this.
 */
export const MAX_TTML_SPAN_DEPTH = 64;

/** `ttm:role`s that mark a caption as no one's words: sounds, music, actions, descriptions. */
const NON_SPEECH_ROLES: ReadonlySet<string> = new Set(['sound', 'music', 'kinesic', 'action', 'description', 'quality']);

/** Elements inside a caption that hold no words shown on screen. */
const NOT_SHOWN: ReadonlySet<string> = new Set(['metadata', 'set', 'animate', 'animation', 'desc', 'title', 'copyright', 'agent']);

/**
 * TTML captions (Timed Text Markup Language, and DFXP, its first name) as many platforms export
 * them: Microsoft Stream and Teams, the BBC's and broadcasters' EBU-TT-D, IMSC (Netflix-style),
 * Vimeo and Brightcove downloads, and `yt-dlp --sub-format ttml`. A `<tt>` document whose `<body>`
 * holds `<div>`s of `<p begin="…" end="…">` captions.
 */
export const ttmlAdapter: FormatAdapter = {
  name: 'ttml',
  description:
    'TTML and DFXP captions (.ttml, .dfxp: Microsoft Stream, EBU-TT-D, IMSC, Vimeo, Brightcove, yt-dlp) of filmed blogs and recorded talks: one record per speaker turn or paragraph',
  channel: 'transcript',
  extensions: ['.ttml', '.dfxp', '.xml'],
  signature: 'a <tt> document (namespace http://www.w3.org/ns/ttml, or DFXP\'s ttaf1) whose <body> holds <p begin="…"> captions',
  sniff(input) {
    const head = input.headText;
    if (!startsWithTtRoot(head)) return 0;
    if (TTML_NAMESPACE.test(head)) return 0.95;
    return /<(?:[\w.-]+:)?body[\s>]/.test(head) && /<(?:[\w.-]+:)?p\s[^>]*\b(?:begin|end|dur)\s*=/.test(head) ? 0.9 : 0;
  },
  read(source) {
    return readTtml(source);
  },
};

/** Selects the root (to check it), the speakers and title declared in `<head>`, and the `<body>`'s `<div>`s (for what their captions inherit) and `<p>`s. */
function select(path: readonly XmlName[]): XmlSelection {
  if (path.length === 1) return 'start';
  const section = path[1]?.local;
  const last = path[path.length - 1]?.local;
  if (section === 'head') return last === 'agent' || (last === 'title' && path.length <= 4) ? 'element' : 'skip';
  if (section !== 'body') return 'skip';
  if (last === 'body' || last === 'div') return 'start';
  return last === 'p' ? 'element' : 'skip';
}

/** Reads the captions as they stream; a file cut short gives the words read before the cut, then its error. */
async function* readTtml(source: InputSource): AsyncIterable<AdapterItem> {
  const reader = new TtmlReader(source.path);
  const recoveries: XmlRecovery[] = [];
  try {
    for await (const event of readXmlElements(source, select, (recovery) => recoveries.push(recovery))) {
      yield* recoveryWarnings(source.path, recoveries);
      if (event.kind === 'start') reader.open(event.element, event.ancestors);
      else if (event.kind === 'too-large') yield tooLargeElementRejection(source.path, event);
      else yield* reader.element(event.element, event.ancestors);
    }
  } catch (error) {
    yield* reader.finish();
    throw error;
  }
  yield* reader.finish();
}

/** Words of one voice within a caption line. */
interface Segment {
  voice: string | null;
  text: string;
}

/** One element being read for its words, and what it passes to the elements inside it. */
interface Frame {
  items: (string | XmlElement)[];
  index: number;
  voice: string | null;
  preserve: boolean;
  /** Its begin, in seconds from the caption's. */
  begin: number;
  depth: number;
}

/** A caption's words, line by line, and the times its spans give, in seconds from its begin. */
interface CaptionContent {
  lines: Segment[][];
  spanBegin: number | null;
  spanEnd: number | null;
}

class TtmlReader {
  private readonly ids = new RepeatedTextIds();
  private readonly turns = new CaptionTurns({ rolling: 'partial' });
  private readonly meta: Record<string, JsonValue> = {};
  private readonly agents = new Map<string, string>();
  /** The `start`-selected elements open at each depth, the root first. */
  private readonly opened: XmlElement[] = [];
  private base: TtmlTimeBase = DEFAULT_TTML_TIME_BASE;

  constructor(private readonly file: string) {
    const language = subtitleLanguage(file);
    if (language !== null) this.meta['language'] = language;
  }

  /** Notes the root, the `<body>` or a `<div>` as it opens. */
  open(element: XmlElement, ancestors: readonly XmlName[]): void {
    this.opened.length = ancestors.length;
    this.opened.push(element);
    if (ancestors.length > 0) return;
    if (element.local !== 'tt') {
      throw new InputError(`not TTML: the root element is <${element.name}>, not <tt>`, {
        location: { file: this.file, line: element.line, col: 1 },
        hint: 'name another format instead of detecting it',
      });
    }
    this.base = ttmlTimeBase({
      frameRate: attributeValue(element, 'frameRate'),
      frameRateMultiplier: attributeValue(element, 'frameRateMultiplier'),
      subFrameRate: attributeValue(element, 'subFrameRate'),
      tickRate: attributeValue(element, 'tickRate'),
    });
    const language = attributeValue(element, 'lang', XML_NAMESPACE)?.trim() ?? '';
    if (language !== '') this.meta['language'] = language;
  }

  /** Reads a speaker or title from `<head>`, or a caption. */
  element(element: XmlElement, ancestors: readonly XmlName[]): AdapterItem[] {
    if (element.local === 'agent') {
      this.addAgent(element);
      return [];
    }
    if (element.local === 'title') {
      const title = element.text.replace(/\s+/g, ' ').trim();
      if (title !== '' && this.meta['title'] === undefined) this.meta['title'] = title;
      return [];
    }
    return this.caption(element, ancestors);
  }

  /** Closes the last turn. */
  finish(): AdapterItem[] {
    return this.records(this.turns.finish());
  }

  private addAgent(agent: XmlElement): void {
    const id = attributeValue(agent, 'id', XML_NAMESPACE)?.trim() ?? '';
    if (id === '') return;
    const names = agent.children.filter((child) => child.local === 'name');
    const name = (names.find((child) => attributeValue(child, 'type') === 'full') ?? names[0])?.text.replace(/\s+/g, ' ').trim() ?? '';
    this.agents.set(id, name === '' ? id : name);
  }

  /** The speaker a `ttm:agent` attribute names (its first agent): the declared agent's name, or the id as written. */
  private agentName(element: XmlElement): string | null | undefined {
    const value = attributeValue(element, 'agent');
    if (value === null) return undefined;
    const id = value.trim().split(/\s+/)[0] ?? '';
    if (id === '') return null;
    return this.agents.get(id) ?? id;
  }

  /** The root, `<body>` and `<div>`s around a caption, outermost first. */
  private containers(ancestors: readonly XmlName[]): XmlElement[] {
    const containers: XmlElement[] = [];
    for (const [depth, name] of ancestors.entries()) {
      const open = this.opened[depth];
      if (open !== undefined && open.local === name.local && open.uri === name.uri) containers.push(open);
    }
    return containers;
  }

  private caption(p: XmlElement, ancestors: readonly XmlName[]): AdapterItem[] {
    const containers = this.containers(ancestors);
    const inherited = (read: (element: XmlElement) => string | null | undefined): string | null => {
      for (const element of [p, ...[...containers].reverse()]) {
        const value = read(element);
        if (value !== undefined && value !== null) return value;
      }
      return null;
    };
    const roles = (inherited((element) => attributeValue(element, 'role')) ?? '').trim().split(/\s+/);
    if (roles.length > 0 && roles.every((role) => NON_SPEECH_ROLES.has(role))) return [];
    const voice = inherited((element) => this.agentName(element));
    const preserve = inherited((element) => attributeValue(element, 'space', XML_NAMESPACE)) === 'preserve';
    const content = this.content(p, voice, preserve);
    if (!content.lines.some((line) => line.some((segment) => /\S/.test(segment.text)))) return [];

    const provenance = { file: this.file, line: p.line };
    const excerpt = (): string =>
      content.lines
        .map((line) => line.map((segment) => segment.text).join(''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200);
    let offset = 0;
    for (const container of containers) {
      const begin = attributeValue(container, 'begin');
      if (begin === null) continue;
      const seconds = parseTtmlTime(begin, this.base);
      if (seconds === null)
        return [badTiming(`its <${container.name}>'s begin "${begin.slice(0, 40)}" is not a TTML time`, provenance, excerpt())];
      offset += seconds;
    }
    const times = this.times(p, content);
    if (typeof times === 'string') return [badTiming(times, provenance, excerpt())];
    const lines = content.lines.map((line) => ({ text: cueLine(line), line: p.line }));
    return this.records(this.turns.addCue({ start: offset + times.start, end: offset + times.end, lines }));
  }

  /** A caption's start and end in seconds from its container's begin, or why they cannot be read. */
  private times(p: XmlElement, content: CaptionContent): { start: number; end: number } | string {
    const written = { begin: attributeValue(p, 'begin'), end: attributeValue(p, 'end'), dur: attributeValue(p, 'dur') };
    const read = {
      begin: written.begin === null ? null : parseTtmlTime(written.begin, this.base),
      end: written.end === null ? null : parseTtmlTime(written.end, this.base),
      dur: written.dur === null ? null : parseTtmlTime(written.dur, this.base),
    };
    const unreadable = (['begin', 'end', 'dur'] as const).filter((key) => written[key] !== null && read[key] === null);
    if (unreadable.length > 0) {
      const shown = unreadable.map((key) => `${key} "${(written[key] ?? '').slice(0, 40)}"`).join(', ');
      return `caption timing ${shown} is not a TTML time (00:00:01.500, 00:00:01:12, 1.5s, 1500ms, 15t)`;
    }
    if (written.begin === null && written.end === null && written.dur === null) {
      if (content.spanBegin === null) return 'caption has no begin, end or dur, nor do its spans';
      return { start: content.spanBegin, end: Math.max(content.spanBegin, content.spanEnd ?? content.spanBegin) };
    }
    const start = read.begin ?? 0;
    const durationEnd = read.dur === null ? null : start + read.dur;
    const end = read.end === null ? (durationEnd ?? start) : durationEnd === null ? read.end : Math.min(read.end, durationEnd);
    if (end < start) return `caption ends (${written.end ?? ''}) before it begins (${written.begin ?? ''})`;
    return { start, end };
  }

  /**
   * A caption's words line by line: `<br/>` breaks a line, `<span>`s are joined as written, white
   * space runs are one space (all of it kept under `xml:space="preserve"`, its line breaks
   * breaking lines), a span's `ttm:agent` speaks its words. Walked with a stack, to
   * {@link MAX_TTML_SPAN_DEPTH} spans deep.
   */
  private content(p: XmlElement, voice: string | null, preserve: boolean): CaptionContent {
    const lines: Segment[][] = [[]];
    let spanBegin: number | null = null;
    let spanEnd: number | null = null;
    const append = (text: string, speaker: string | null): void => {
      const line = lines[lines.length - 1] ?? [];
      const last = line[line.length - 1];
      if (last !== undefined && last.voice === speaker) last.text += text;
      else line.push({ voice: speaker, text });
    };
    const addText = (text: string, frame: Pick<Frame, 'voice' | 'preserve'>): void => {
      if (!frame.preserve) {
        append(text.replace(/\s+/g, ' '), frame.voice);
        return;
      }
      for (const [index, piece] of text.split(/\r?\n/).entries()) {
        if (index > 0) lines.push([]);
        append(piece, frame.voice);
      }
    };
    const stack: Frame[] = [{ items: p.content(), index: 0, voice, preserve, begin: 0, depth: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) break;
      const item = frame.items[frame.index];
      frame.index += 1;
      if (item === undefined) {
        stack.pop();
        continue;
      }
      if (typeof item === 'string') {
        addText(item, frame);
        continue;
      }
      if (item.local === 'br') {
        lines.push([]);
        continue;
      }
      if (NOT_SHOWN.has(item.local) || attributeValue(item, 'ruby') === 'text') continue;
      const agent = this.agentName(item);
      const space = attributeValue(item, 'space', XML_NAMESPACE);
      const child = {
        voice: agent === undefined ? frame.voice : agent,
        preserve: space === null ? frame.preserve : space === 'preserve',
      };
      const begin = this.spanTime(item, 'begin');
      const childBegin = frame.begin + (begin ?? 0);
      const end = this.spanTime(item, 'end');
      const dur = this.spanTime(item, 'dur');
      if (begin !== null || end !== null || dur !== null) {
        const childEnd = end !== null ? frame.begin + end : dur !== null ? childBegin + dur : childBegin;
        spanBegin = spanBegin === null ? childBegin : Math.min(spanBegin, childBegin);
        spanEnd = spanEnd === null ? childEnd : Math.max(spanEnd, childEnd);
      }
      if (frame.depth + 1 >= MAX_TTML_SPAN_DEPTH) {
        addText(item.text, child);
        continue;
      }
      stack.push({ items: item.content(), index: 0, ...child, begin: childBegin, depth: frame.depth + 1 });
    }
    return { lines, spanBegin, spanEnd };
  }

  private spanTime(element: XmlElement, name: 'begin' | 'end' | 'dur'): number | null {
    const written = attributeValue(element, name);
    return written === null ? null : parseTtmlTime(written, this.base);
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids, this.meta) }));
  }
}

function badTiming(message: string, provenance: { file: string; line: number }, excerpt: string): AdapterItem {
  return { kind: 'rejected', code: 'CAPTION_BAD_TIMESTAMP', message, provenance, excerpt };
}

/** Keeps literal `&`, `<` and `>` from being read as cue markup by the caption line reader, which decodes them back. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A caption line as the caption line reader takes it: each change of speaker a `<v Name>` tag (`<v>` for none after one). */
function cueLine(segments: readonly Segment[]): string {
  let spoken: string | null = null;
  let line = '';
  for (const segment of segments) {
    if (segment.voice !== spoken) {
      line += segment.voice === null ? '<v>' : `<v ${escapeCueText(segment.voice)}>`;
      spoken = segment.voice;
    }
    line += escapeCueText(segment.text);
  }
  return line;
}
