/**
 * Reads a caption or transcript clock time as seconds: `HH:MM:SS.mmm`, `H:MM:SS,mmm` (SRT),
 * `MM:SS.mmm` (short WebVTT), `HH:MM:SS` and `MM:SS`. The fraction may have one to three digits
 * and follow `.` or `,`. Returns null when the text is not such a time or minutes or seconds
 * reach 60.
 */
export function parseClockTime(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1] ?? '0');
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (minutes >= 60 || seconds >= 60) return null;
  const fraction = match[4] === undefined ? 0 : Number(match[4].padEnd(3, '0')) / 1000;
  return roundSeconds(hours * 3600 + minutes * 60 + seconds + fraction);
}

/** Rounds seconds to whole milliseconds, so times stored in `meta` read as `12.345`, not `12.345000000000001`. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
