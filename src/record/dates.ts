/**
 * Parses the date formats exports use into ISO 8601 UTC, or returns null when the value is empty
 * or cannot be read unambiguously. Accepts ISO 8601 (with or without zone; no zone means UTC),
 * RFC 2822 (`Tue, 21 Jan 2014 09:00:00 +0000`), Twitter's `Wed Oct 10 20:19:24 +0000 2018`,
 * Unix epoch seconds or milliseconds, and `YYYY-MM-DD HH:MM:SS` (UTC), also with ` UTC` / ` GMT`
 * after it (R) or a `+HH:MM` offset (pandas).
 */
export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return fromEpoch(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || /^(na|n\/a|null|none|-)$/i.test(text)) return null;
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const isoNoZone = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/.exec(text);
  if (isoNoZone) return fromMillis(Date.parse(`${isoNoZone[1]}T${isoNoZone[2]}Z`));
  const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(?:UTC|GMT|Z|([+-]\d{2}:?\d{2}))$/.exec(text);
  if (spaced) {
    const zone = spaced[3]?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') ?? 'Z';
    return fromMillis(Date.parse(`${spaced[1]}T${spaced[2]}${zone}`));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return fromMillis(Date.parse(`${text}T00:00:00Z`));
  const twitter = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}) (\d{4})$/.exec(text);
  if (twitter) return fromMillis(Date.parse(`${twitter[2]} ${twitter[1]} ${twitter[5]} ${twitter[3]} ${twitter[4]}`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) || /^\w{3}, \d{1,2} \w{3} \d{4}/.test(text) || /^\d{1,2} \w{3} \d{4}/.test(text)) {
    return fromMillis(Date.parse(text));
  }
  return null;
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  return fromMillis(value > 1e11 ? value : value * 1000);
}

function fromMillis(millis: number): string | null {
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}
