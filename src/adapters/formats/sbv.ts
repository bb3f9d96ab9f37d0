import { InputError } from '../../errors.js';
import type { SourceLine } from '../../source/input-source.js';
import { CaptionTurns, cueTimes, type CaptionCue } from '../readers/caption-cues.js';
import { lineByLineItems, type AdapterItem, type FormatAdapter } from '../format-adapter.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';
import { turnDraft, type SpokenTurn } from '../readers/speaker-turns.js';

/** A clock time as SubViewer writes it: `0:00:03.120`, hours unpadded. */
const SBV_CLOCK = String.raw`\d{1,3}:\d{1,2}:\d{1,2}(?:\.\d{1,3})?`;

/** A cue timing line, its two times joined by a comma: `0:00:03.120,0:00:05.000`. */
const STRICT_TIMING = new RegExp(String.raw`^\s*(${SBV_CLOCK})\s*,\s*(${SBV_CLOCK})\s*$`);

/**
 * A line laid out as a timing line whatever its digits: two clock-like runs (digits, colons and
 * dots, at least one colon each) joined by a comma, so `0:00:13.f89,0:00:15.489` is a cue whose
 * timing cannot be read, not words. A SubRip timing pasted among the cues (`00:00:08,000 -->
 * 00:00:09,000`) is a timing line too.
 */
const TIMING_SHAPE =
  /^\s*(\d[\w:.]*:[\w:.]*)\s*,\s*(\d[\w:.]*:[\w:.]*)\s*$|^\s*(\d[\w:.,]*:[\w:.,]*)\s*-->\s*(\d[\w:.,]*:[\w:.,]*)(?:\s.*)?$/;

/** YouTube's SubViewer captions (`.sbv`), as YouTube Studio downloads them. */
export const sbvAdapter: FormatAdapter = {
  name: 'sbv',
  description: "YouTube's SubViewer captions (.sbv) of filmed blogs and recorded talks: one record per speaker turn or paragraph",
  channel: 'transcript',
  extensions: ['.sbv', '.txt'],
  signature: 'a first line like 0:00:03.120,0:00:05.000 (also for captions saved as .txt)',
  sniff(input) {
    const first = /^\s*(.*)/.exec(input.headText)?.[1] ?? '';
    return STRICT_TIMING.test(first) ? 0.9 : 0;
  },
  read(source) {
    return lineByLineItems(source, new SbvReader(source.path));
  },
};

type State = 'between' | 'cue' | 'skip';

/**
 * Reads SubViewer captions line by line: a timing line starts a cue, whose text runs to the next
 * blank line or timing line, so cues written without blank lines between them are read too.
 */
class SbvReader {
  private readonly ids = new RepeatedTextIds();
  private readonly turns = new CaptionTurns({ rolling: 'partial' });
  private state: State = 'between';
  private cue: CaptionCue & { lines: SourceLine[] } = { start: 0, end: 0, lines: [] };
  private open = false;
  private sawCue = false;
  private sawText = false;

  constructor(private readonly file: string) {}

  feed(line: SourceLine): AdapterItem[] {
    const { text } = line;
    if (TIMING_SHAPE.test(text)) return [...this.closeCue(), ...this.startCue(line)];
    if (text.trim() === '') {
      this.state = 'between';
      return this.closeCue();
    }
    this.sawText = true;
    switch (this.state) {
      case 'cue':
        this.cue.lines.push(line);
        return [];
      case 'skip':
        return [];
      case 'between':
        this.state = 'skip';
        return [strayText(this.file, line)];
    }
  }

  end(): AdapterItem[] {
    const items = [...this.closeCue(), ...this.records(this.turns.finish())];
    if (!this.sawCue && this.sawText) {
      throw new InputError('no caption cues found (no "0:00:01.000,0:00:04.000" timing line)', {
        location: { file: this.file },
        hint: 'check the file is SubViewer (.sbv) captions, or name its format instead of detecting it',
      });
    }
    return items;
  }

  private records(closed: SpokenTurn[]): AdapterItem[] {
    return closed.map((turn) => ({ kind: 'record', draft: turnDraft(turn, this.file, this.ids) }));
  }

  private closeCue(): AdapterItem[] {
    if (!this.open) return [];
    this.open = false;
    return this.records(this.turns.addCue(this.cue));
  }

  private startCue(line: SourceLine): AdapterItem[] {
    this.sawCue = true;
    const timing = TIMING_SHAPE.exec(line.text);
    const startText = timing?.[1] ?? timing?.[3] ?? '';
    const endText = timing?.[2] ?? timing?.[4] ?? '';
    const times = cueTimes(startText, endText, line, this.file, { code: 'SBV_BAD_TIMESTAMP', layout: 'H:MM:SS.mmm,H:MM:SS.mmm' });
    if ('kind' in times) {
      this.state = 'skip';
      return [times];
    }
    this.cue = { ...times, lines: [] };
    this.open = true;
    this.state = 'cue';
    return [];
  }
}

function strayText(file: string, line: SourceLine): AdapterItem {
  return {
    kind: 'warning',
    message: 'text outside any cue (no "0:00:01.000,0:00:04.000" timing line above it) was ignored',
    provenance: { file, line: line.line },
  };
}
