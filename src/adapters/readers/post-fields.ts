import type { JsonValue, Provenance } from '../../record/record.js';
import type { AdapterItem } from '../format-adapter.js';
import { toIsoDate } from '../../record/dates.js';
import { asString } from './json-fields.js';

/**
 * When a post was last edited, as ISO 8601 UTC (`meta.editedAt`), from the export's own edit time
 * (Mastodon's `edited_at`, Reddit's `edited` epoch seconds, Slack's `edited.ts`), or null when the
 * export does not say the post was edited (null, `false`, empty, unreadable). An export that gives
 * every post such a time, edited or not (YouTube's `updatedAt`), passes its creation time as
 * `created`: the same time means never edited. Nothing is parsed for a post with no edit time.
 */
export function editTime(value: unknown, created?: unknown): string | null {
  if (value === null || value === undefined || value === false || value === '' || value === created) return null;
  const time = toIsoDate(value);
  return time === null || (created !== undefined && time === toIsoDate(created)) ? null : time;
}

/**
 * A post's `meta` from its fields, in order, leaving out what is null, empty or an empty list, so
 * that a record keeps only what its export said.
 */
export function postMeta(fields: readonly (readonly [string, JsonValue])[]): Record<string, JsonValue> {
  const meta: Record<string, JsonValue> = {};
  for (const [key, value] of fields) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    meta[key] = value;
  }
  return meta;
}

/** The strings among values, trimmed, empty ones left out. */
export function nonEmptyStrings(values: readonly unknown[]): string[] {
  return values.flatMap((value) => {
    const text = asString(value)?.trim() ?? '';
    return text === '' ? [] : [text];
  });
}

/** A count given as a JSON number, or null. */
export function postCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The rejection of an element of a post export that is not a post, or lacks the id it is stored by (`NOT_A_POST`). */
export function notAPost(message: string, value: unknown, provenance: Provenance): AdapterItem {
  return { kind: 'rejected', code: 'NOT_A_POST', message, provenance, excerpt: JSON.stringify(value ?? null).slice(0, 200) };
}
