import { InputError } from '../../errors.js';
import type { SourceLine } from '../../source/input-source.js';
import { CaptionTurns, cueTimes, type CaptionCue } from '../readers/caption-cues.js';
import { lineByLineItems, type AdapterItem, type FormatAdapter } from '../format-adapter.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { turnDraft, type SpokenTurn } from '../readers/speaker-turns.js';

/** A cue timing line: `00:00:06,500 --> 00:00:09,000`, optionally followed by `X1:… Y2:…` coordinates. */
const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)(?:\s.*)?$/;

/** The start of an SRT file: an optional index line, then a timing line. */
const SRT_START = /^\s*(?:\d+[ \t]*\r?\n[ \t]*)?(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}/;

/** SubRip subtitles, as caption tools, YouTube and video editors save them. */
export const srtAdapter: FormatAdapter = {
  name: 'srt',
  description: 'SubRip subtitles (.srt) of filmed blogs and recorded meetings: one record per speaker turn or paragraph',
  channel: 'transcript',
  extensions: ['.srt', '.txt'],
  signature: 'an optional cue number, then a line like 00:00:06,500 --> 00:00:09,000 (also for captions saved as .txt)',
  sniff(input) {
    return SRT_START.test(input.headText) ? 0.9 : 0;
  },
  read(source) {
    return lineByLineItems(source, new SrtReader(source.path));
  },
};

type State = 'between' | 'cue' | 'skip';

interface OpenCue {
  start: number;
  end: number;
  lines: SourceLine[];
}

/**
 * Reads SRT line by line. A timing line always starts a cue, so missing blank lines and missing
 * index numbers do not matter; a number alone on the line just before a timing line is its index.
 */
class SrtReader {
  private readonly ids = new RepeatedTextIds();
  private readonly turns = new CaptionTurns({ rolling: 'partial' });
  private state: State = 'between';
  private cue: OpenCue | null = null;
  private index: SourceLine | null = null;
  private sawCue = false;
  private sawText = false;

  constructor(private readonly file: string) {}

  feed(line: SourceLine): AdapterItem[] {
    const { text } = line;
    const blank = text.trim() === '';
    if (!blank) this.sawText = true;
    if (text.includes('-->') && TIMING.test(text)) {
      const cue = this.cue;
      if (cue !== null) {
        const last = cue.lines[cue.lines.length - 1];
        if (cue.lines.length >= 2 && last !== undefined && /^\s*\d+\s*$/.test(last.text)) cue.lines.pop();
      }
      this.index = null;
      return [...this.closeCue(), ...this.startCue(line)];
    }
    if (blank) {
      const stray = this.strayIndex();
      this.state = 'between';
      return [...stray, ...this.closeCue()];
    }
    switch (this.state) {
      case 'cue':
        this.cue?.lines.push(line);
        return [];
      case 'skip':
        return [];
      case 'between': {
        if (/^\s*\d+\s*$/.test(text) && this.index === null) {
          this.index = line;
          return [];
        }
        const first = this.index ?? line;
        this.index = null;
        this.state = 'skip';
        return [strayText(this.file, first)];
      }
    }
  }

  end(): AdapterItem[] {
    const items = [...this.strayIndex(), ...this.closeCue(), ...this.records(this.turns.finish())];
    if (!this.sawCue && this.sawText) {
      throw new InputError(`no subtitle cues found (no "00:00:01,000 --> 00:00:04,000" timing line)`, {
        location: { file: this.file },
        hint: 'check the file is SRT, or name its format instead of detecting it',
      });
    }
    return items;
  }

  private strayIndex(): AdapterItem[] {
    const index = this.index;
    this.index = null;
    return index === null ? [] : [strayText(this.file, index)];
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids) }));
  }

  private closeCue(): AdapterItem[] {
    const cue: CaptionCue | null = this.cue;
    this.cue = null;
    return cue === null ? [] : this.records(this.turns.addCue(cue));
  }

  private startCue(line: SourceLine): AdapterItem[] {
    this.sawCue = true;
    const timing = TIMING.exec(line.text);
    const startText = timing?.[1] ?? '';
    const endText = timing?.[2] ?? '';
    const times = cueTimes(startText, endText, line, this.file, { code: 'SRT_BAD_TIMESTAMP', layout: 'HH:MM:SS,mmm --> HH:MM:SS,mmm' });
    if ('kind' in times) {
      this.state = 'skip';
      return [times];
    }
    this.cue = { ...times, lines: [] };
    this.state = 'cue';
    return [];
  }
}

function strayText(file: string, line: SourceLine): AdapterItem {
  return {
    kind: 'warning',
    message: 'text outside any cue (no "-->" timing line above it) was ignored',
    provenance: { file, line: line.line },
  };
}
