import { InputError } from '../../errors.js';
import { isOverlong, type SourceLine, type SourceLineItem } from '../../source/input-source.js';
import type { JsonValue } from '../../record/record.js';
import { CaptionTurns, cueTimes, type CaptionCue } from '../readers/caption-cues.js';
import { overlongLineRejection, type AdapterItem, type FormatAdapter } from '../format-adapter.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { turnDraft, type SpokenTurn } from '../readers/speaker-turns.js';

/** The first line of every WebVTT file: `WEBVTT`, optionally followed by a space or tab and a title. */
const HEADER = /^WEBVTT(?:[ \t](.*))?$/;

/** Word-level timestamps inside cue text, which only YouTube's rolling auto-captions write. */
const INLINE_TIMESTAMP = /<(?:\d{1,3}:)?\d{2}:\d{2}\.\d{3}>/;

/** A cue timing line: `00:01.000 --> 00:04.000 align:start position:0%`. */
const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)(?:\s.*)?$/;

/** WebVTT captions and subtitles (YouTube, Vimeo, Zoom, Teams, webvtt-py). */
export const webvttAdapter: FormatAdapter = {
  name: 'webvtt',
  description: 'WebVTT captions (.vtt) of filmed blogs and recorded meetings: one record per speaker turn or paragraph',
  channel: 'transcript',
  extensions: ['.vtt', '.txt'],
  signature: 'the first line is WEBVTT (also for captions saved as .txt)',
  sniff(input) {
    return HEADER.test(input.headText.split(/\r?\n/, 1)[0] ?? '') ? 1 : 0;
  },
  read(source) {
    return readWebVtt(source.path, source.lines(), INLINE_TIMESTAMP.test(source.headText) ? true : 'partial');
  },
};

type State = 'header' | 'between' | 'identifier' | 'cue' | 'skip-block' | 'bad-cue';

interface OpenCue {
  start: number;
  end: number;
  lines: SourceLine[];
}

async function* readWebVtt(file: string, lines: AsyncIterable<SourceLineItem>, rolling: boolean | 'partial'): AsyncIterable<AdapterItem> {
  const reader = new WebVttReader(file, rolling);
  for await (const line of lines) {
    if (isOverlong(line)) yield overlongLineRejection(file, line);
    else yield* reader.feed(line);
  }
  yield* reader.end();
}

/** Reads WebVTT line by line: the header, then blocks (cues, NOTE, STYLE, REGION) split by blank lines. */
class WebVttReader {
  private readonly ids = new RepeatedTextIds();
  private readonly turns: CaptionTurns;
  private readonly meta: Record<string, JsonValue> = {};
  private state: State | null = null;
  private cue: OpenCue | null = null;
  private identifier: SourceLine | null = null;

  constructor(
    private readonly file: string,
    rolling: boolean | 'partial',
  ) {
    this.turns = new CaptionTurns({ rolling });
  }

  feed(line: SourceLine): AdapterItem[] {
    const { text } = line;
    const blank = text.trim() === '';
    switch (this.state) {
      case null: {
        const header = HEADER.exec(text);
        if (header === null) throw notWebVtt(this.file, text);
        const title = header[1]?.replace(/^[\s\-–—:]+/, '').trim() ?? '';
        if (title !== '') this.meta['title'] = title;
        this.state = 'header';
        return [];
      }
      case 'header': {
        if (blank) {
          this.state = 'between';
          return [];
        }
        if (text.includes('-->')) return this.startCue(line);
        const language = /^Language:\s*(\S.*)$/i.exec(text.trim());
        if (language?.[1] !== undefined) this.meta['language'] = language[1].trim();
        return [];
      }
      case 'between': {
        if (blank) return [];
        if (/^NOTE(?:\s|$)/.test(text) || /^(?:STYLE|REGION)\s*$/.test(text)) {
          this.state = 'skip-block';
          return [];
        }
        if (text.includes('-->')) return this.startCue(line);
        this.identifier = line;
        this.state = 'identifier';
        return [];
      }
      case 'identifier': {
        if (text.includes('-->')) return this.startCue(line);
        this.state = blank ? 'between' : 'skip-block';
        return this.identifier === null ? [] : [strayText(this.file, this.identifier)];
      }
      case 'cue': {
        const cue = this.cue;
        if (text === '' || cue === null) {
          this.state = 'between';
          return this.closeCue();
        }
        if (text.includes('-->') && TIMING.test(text)) {
          const beforeLast = cue.lines[cue.lines.length - 2];
          if (beforeLast !== undefined && beforeLast.text.trim() === '') cue.lines.pop();
          return [...this.closeCue(), ...this.startCue(line)];
        }
        cue.lines.push(line);
        return [];
      }
      case 'skip-block': {
        if (blank) this.state = 'between';
        return [];
      }
      case 'bad-cue': {
        if (blank) this.state = 'between';
        else if (text.includes('-->')) return this.startCue(line);
        return [];
      }
    }
  }

  end(): AdapterItem[] {
    if (this.state === null) throw notWebVtt(this.file, '');
    return [...this.closeCue(), ...this.records(this.turns.finish())];
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids, this.meta) }));
  }

  private closeCue(): AdapterItem[] {
    const cue: CaptionCue | null = this.cue;
    this.cue = null;
    return cue === null ? [] : this.records(this.turns.addCue(cue));
  }

  private startCue(line: SourceLine): AdapterItem[] {
    const timing = TIMING.exec(line.text);
    const startText = timing?.[1] ?? '';
    const endText = timing?.[2] ?? '';
    const times = cueTimes(startText, endText, line, this.file, { code: 'VTT_BAD_TIMESTAMP', layout: 'HH:MM:SS.mmm --> HH:MM:SS.mmm' });
    if ('kind' in times) {
      this.state = 'bad-cue';
      return [times];
    }
    this.cue = { ...times, lines: [] };
    this.state = 'cue';
    return [];
  }
}

function notWebVtt(file: string, firstLine: string): InputError {
  const found = firstLine.trim() === '' ? 'the file is empty or starts with a blank line' : `found "${firstLine.slice(0, 40)}"`;
  return new InputError(`not a WebVTT file: the first line must be "WEBVTT" (${found})`, {
    location: { file, line: 1, col: 1 },
    hint: 'check the file is WebVTT, or name its format instead of detecting it',
  });
}

function strayText(file: string, line: SourceLine): AdapterItem {
  return {
    kind: 'warning',
    message: 'text outside any cue (no "-->" timing line above it) was ignored',
    provenance: { file, line: line.line },
  };
}
