import { jsonNestingDepth, MAX_JSON_DEPTH, parseKeepingLongNumbers } from './json-elements.js';
import { asObject, type JsonObject } from './json-fields.js';

/**
 * The members a JSON file's root object holds before the array under `member`, read from the head
 * of the file alone: `{"name": "Carers chat", "id": 4012, "messages": [` gives
 * `{"name": "Carers chat", "id": 4012}`. Chat exporters write what a chat is (its name, id and
 * server) before its messages, so the messages can be streamed and each still named by its chat.
 * Null when the head does not reach that array (it is not a member of the root object, or comes
 * after more than the head holds), or what comes before it nests past {@link MAX_JSON_DEPTH} or
 * does not parse.
 */
export function membersBeforeArray(headText: string, member: string): JsonObject | null {
  const start = headText.indexOf('{');
  if (start === -1 || headText.slice(0, start).trim() !== '') return null;
  const cut = memberKeyStart(headText, start, member);
  if (cut === null) return null;
  const preamble = `${headText.slice(start, cut).replace(/,\s*$/, '')}}`;
  if (jsonNestingDepth(preamble, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return null;
  try {
    return asObject(parseKeepingLongNumbers(preamble));
  } catch {
    return null;
  }
}

/** Where the key `"member"` of the root object opened at `start` begins, when its value is an array; else null. */
function memberKeyStart(text: string, start: number, member: string): number | null {
  const quoted = JSON.stringify(member);
  let depth = 0;
  let stringStart = -1;
  let lastKey: { at: number; text: string } | null = null;
  let afterColon = false;
  for (let index = start; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (stringStart !== -1) {
      if (character === 92) index += 1;
      else if (character === 34) {
        if (depth === 1 && !afterColon) lastKey = { at: stringStart, text: text.slice(stringStart, index + 1) };
        stringStart = -1;
      }
      continue;
    }
    if (character <= 32) continue;
    if (character === 34) {
      stringStart = index;
      continue;
    }
    if (depth === 1) {
      if (character === 58) {
        afterColon = true;
        continue;
      }
      if (character === 44) {
        afterColon = false;
        lastKey = null;
        continue;
      }
      if (character === 91 && afterColon && lastKey?.text === quoted) return lastKey.at;
    }
    if (character === 91 || character === 123) depth += 1;
    else if (character === 93 || character === 125) {
      depth -= 1;
      if (depth === 0) return null;
    }
  }
  return null;
}
