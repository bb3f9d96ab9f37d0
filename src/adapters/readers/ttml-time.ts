import { roundSeconds } from './clock-time.js';

/**
 * The timing parameters of a TTML document, from its root's `ttp:` attributes: what a frame
 * (`00:00:01:12`, `12f`) and a tick (`15t`) are worth.
 */
export interface TtmlTimeBase {
  /** Frames a second: `ttp:frameRate` times `ttp:frameRateMultiplier` (30 unless given). */
  frameRate: number;
  /** Sub-frames a frame: `ttp:subFrameRate` (1 unless given). */
  subFrameRate: number;
  /** Ticks a second: `ttp:tickRate`, else the frame rate times the sub-frame rate when a frame rate is given, else 1. */
  tickRate: number;
}

/** The time base of a document that gives no `ttp:` parameters: 30 frames, 1 tick a second. */
export const DEFAULT_TTML_TIME_BASE: TtmlTimeBase = { frameRate: 30, subFrameRate: 1, tickRate: 1 };

/** The highest rate taken from a file: a rate beyond it is a mistake, and read as if not given. */
const MAX_RATE = 100_000_000;

function positiveNumber(text: string | null | undefined, pattern: RegExp): number | null {
  if (text === null || text === undefined || !pattern.test(text.trim())) return null;
  const value = Number(text.trim());
  return value > 0 && value <= MAX_RATE ? value : null;
}

/**
 * The time base from the root's parameters as written (`ttp:frameRate="25"`,
 * `ttp:frameRateMultiplier="1000 1001"`, `ttp:subFrameRate="2"`, `ttp:tickRate="10000000"`); a
 * parameter that is absent or cannot be read takes its default.
 */
export function ttmlTimeBase(parameters: {
  frameRate?: string | null;
  frameRateMultiplier?: string | null;
  subFrameRate?: string | null;
  tickRate?: string | null;
}): TtmlTimeBase {
  const baseRate = positiveNumber(parameters.frameRate, /^\d{1,9}$/);
  const multiplier = /^(\d{1,9})\s+(\d{1,9})$/.exec(parameters.frameRateMultiplier?.trim() ?? '');
  const numerator = Number(multiplier?.[1] ?? '1');
  const denominator = Number(multiplier?.[2] ?? '1');
  const ratio = numerator > 0 && denominator > 0 ? numerator / denominator : 1;
  const frameRate = (baseRate ?? DEFAULT_TTML_TIME_BASE.frameRate) * ratio;
  const subFrameRate = positiveNumber(parameters.subFrameRate, /^\d{1,9}$/) ?? 1;
  const tickRate = positiveNumber(parameters.tickRate, /^\d{1,12}$/) ?? (baseRate === null ? 1 : frameRate * subFrameRate);
  return { frameRate, subFrameRate, tickRate };
}

/**
 * `HH:MM:SS`, then a fraction of a second (`.500`, or `,500` as some exporters write it) or
 * frames (`:12`, with sub-frames `:12.1`).
 */
const CLOCK_TIME = /^(\d{1,4}):(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9})|:(\d{1,6})(?:\.(\d{1,6}))?)?$/;

/** A count and its unit: `1.5s`, `1500ms`, `2m`, `1h`, `12f`, `15t`. */
const OFFSET_TIME = /^(\d{1,15}(?:\.\d{1,9})?)(h|m|s|ms|f|t)$/;

/** Seconds in one of each unit of an offset time, but frames and ticks, which the time base gives. */
const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1, ms: 0.001 };

/**
 * Reads a TTML time expression as seconds (rounded to milliseconds): a clock time
 * (`00:00:01.500`, `00:00:01:12` with frames) or an offset time (`1.5s`, `1500ms`, `2m`, `1h`,
 * `12f`, `15t`), frames and ticks by `base`. Returns null when the text is no such time, when
 * minutes or seconds reach 60, or when frames reach the frame rate or sub-frames the sub-frame rate.
 */
export function parseTtmlTime(text: string, base: TtmlTimeBase = DEFAULT_TTML_TIME_BASE): number | null {
  const written = text.trim();
  const clock = CLOCK_TIME.exec(written);
  if (clock !== null) {
    const minutes = Number(clock[2]);
    const seconds = Number(clock[3]);
    if (minutes >= 60 || seconds >= 60) return null;
    let total = Number(clock[1]) * 3600 + minutes * 60 + seconds;
    if (clock[4] !== undefined) total += Number(`0.${clock[4]}`);
    if (clock[5] !== undefined) {
      const frames = Number(clock[5]);
      const subFrames = clock[6] === undefined ? 0 : Number(clock[6]);
      if (frames >= Math.ceil(base.frameRate) || subFrames >= base.subFrameRate) return null;
      total += (frames + subFrames / base.subFrameRate) / base.frameRate;
    }
    return roundSeconds(total);
  }
  const offset = OFFSET_TIME.exec(written);
  if (offset === null) return null;
  const count = Number(offset[1]);
  const unit = offset[2] ?? '';
  const seconds = unit === 'f' ? count / base.frameRate : unit === 't' ? count / base.tickRate : count * (UNIT_SECONDS[unit] ?? Number.NaN);
  return Number.isFinite(seconds) ? roundSeconds(seconds) : null;
}
