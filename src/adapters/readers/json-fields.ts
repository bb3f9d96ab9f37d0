/** A parsed JSON object, its fields not yet checked. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The value as a JSON object, or null when it is not one (arrays are not objects here). */
export function asObject(value: unknown): JsonObject | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** The value as an array, or an empty array when it is not one. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a non-empty string, else null. */
export function asString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Follows a path of keys through nested objects; undefined when any step is missing. */
export function field(value: unknown, ...path: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    const object = asObject(current);
    if (object === null) return undefined;
    current = object[key];
  }
  return current;
}

/**
 * One line saying what an API's error response reports (`{"error": {"code": …, "message": …}}`,
 * as Meta's Graph API and Google's APIs write one; the message falls back to Google's first
 * `errors[].reason`), or null when the value is none.
 */
export function apiErrorSummary(value: unknown): string | null {
  const error = asObject(field(value, 'error'));
  if (error === null) return null;
  const code = field(error, 'code');
  const message = asString(error['message']) ?? asString(field(asArray(error['errors'])[0], 'reason')) ?? 'no message';
  return `API error${typeof code === 'number' ? ` ${code}` : ''}: ${message}`.slice(0, 200);
}

/** Up to 20 digits: the longest whole-number id an export writes (a 64-bit id). */
const DIGITS_ID = /^\d{1,20}$/;

/**
 * A whole-number id as exports write one (Telegram's message numbers, Discord's snowflakes): a
 * non-negative safe integer, or digits kept as text where too long for a double; null otherwise.
 */
export function asDigitsId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  return typeof value === 'string' && DIGITS_ID.test(value) ? value : null;
}
