import type { JsonObject } from './json-fields.js';

/**
 * The members API responses put their records under, most usual first: Graph API and JSON:API
 * `data`, Google APIs `items`, `results`, Airtable `records`, survey tools' `responses`, comment
 * APIs `comments`, `entries`, Microsoft Graph `value`, `rows`, LinkedIn `elements`, `posts`,
 * `messages`, `reviews`, `submissions`.
 */
export const RECORD_ARRAY_MEMBERS: readonly string[] = [
  'data',
  'items',
  'results',
  'records',
  'responses',
  'comments',
  'entries',
  'value',
  'rows',
  'elements',
  'posts',
  'messages',
  'reviews',
  'submissions',
];

/** Members that hold something other than records (an API's error list), never chosen for their size. */
const NOT_RECORD_MEMBERS: ReadonlySet<string> = new Set(['errors', 'warnings']);

/** One member of a root object whose value is an array, as a scan of the text saw it. */
export interface ArrayMember {
  /** The member's name as written (escapes not decoded). */
  name: string;
  /** How many elements the array holds (so far, when the scan stopped inside it). */
  elements: number;
  /** Whether its first element is an object. */
  firstIsObject: boolean;
}

/**
 * The member of a parsed API page that holds its records: a known name ({@link RECORD_ARRAY_MEMBERS},
 * in that order) whose value is an array that is empty or starts with an object; else the longest
 * array starting with an object (the first of equals); else null, when the object wraps nothing.
 */
export function recordArrayMember(page: JsonObject): string | null {
  let arrays = false;
  for (const key in page) {
    if (Array.isArray(page[key])) {
      arrays = true;
      break;
    }
  }
  if (!arrays) return null;
  for (const name of RECORD_ARRAY_MEMBERS) {
    if (!Object.hasOwn(page, name)) continue;
    const value = page[name];
    if (Array.isArray(value) && (value.length === 0 || isObject(value[0]))) return name;
  }
  const members: ArrayMember[] = [];
  for (const [name, value] of Object.entries(page)) {
    if (Array.isArray(value) && value.length > 0) members.push({ name, elements: value.length, firstIsObject: isObject(value[0]) });
  }
  return chooseRecordMember(members, true);
}

/**
 * Which of a root object's array members holds its records, from what a scan saw: a known name
 * whose array starts with an object (or is empty), else, once the scan saw the whole object
 * (`complete`), the longest array starting with an object; null when none does.
 */
export function chooseRecordMember(members: readonly ArrayMember[], complete: boolean): string | null {
  for (const name of RECORD_ARRAY_MEMBERS) {
    const member = members.find((candidate) => candidate.name === name);
    if (member !== undefined && (member.firstIsObject || member.elements === 0)) return name;
  }
  if (!complete) return null;
  let best: ArrayMember | null = null;
  for (const member of members)
    if (member.firstIsObject && !NOT_RECORD_MEMBERS.has(member.name) && (best === null || member.elements > best.elements)) best = member;
  return best?.name ?? null;
}

/** How many names of non-array root members a scan keeps. */
const MAX_OTHER_MEMBERS = 1000;

/** The longest member name a scan keeps: longer names are never chosen. */
const MAX_MEMBER_NAME = 256;

/**
 * Scans the text of a JSON object, chunk by chunk, without parsing it, for the members of the root
 * object whose values are arrays: their names, element counts and whether the first element is an
 * object. Strings and nested values are skipped; memory is bounded by the number of root members.
 */
export class RootArrayScan {
  /** The array members seen so far. */
  readonly members: ArrayMember[] = [];
  /** The root members seen so far whose values are not arrays (strings, numbers, objects…), up to {@link MAX_OTHER_MEMBERS}. */
  readonly otherMembers: string[] = [];
  /** True once the root object's closing brace has been read. */
  complete = false;
  /** True when the text does not start with an object. */
  notAnObject = false;

  private depth = 0;
  private inString = false;
  private escaped = false;
  private key: string[] = [];
  private keyTooLong = false;
  private lastKey: string | null = null;
  private afterColon = false;
  private valueSeen = false;
  private current: ArrayMember | null = null;
  private expectingElement = false;

  /** Reads one more chunk; returns true once the scan needs no more text. */
  feed(chunk: string): boolean {
    for (let index = 0; index < chunk.length; index += 1) {
      if (this.step(chunk.charCodeAt(index))) return true;
    }
    return false;
  }

  private step(character: number): boolean {
    if (this.inString) {
      if (this.escaped) {
        this.escaped = false;
        this.keyTooLong ||= this.depth === 1 && !this.afterColon;
        return false;
      }
      if (character === 92) {
        this.escaped = true;
        return false;
      }
      if (character === 34) {
        this.inString = false;
        if (this.depth === 1 && !this.afterColon) this.lastKey = this.keyTooLong ? null : this.key.join('');
        return false;
      }
      if (this.depth === 1 && !this.afterColon) {
        if (this.key.length < MAX_MEMBER_NAME) this.key.push(String.fromCharCode(character));
        else this.keyTooLong = true;
      }
      return false;
    }
    if (character <= 32) return false;
    if (this.depth === 0) {
      if (character === 123) {
        this.depth = 1;
        return false;
      }
      this.notAnObject = true;
      return true;
    }
    if (this.depth === 2 && this.current !== null && this.expectingElement && character !== 93) {
      this.expectingElement = false;
      this.current.elements += 1;
      if (this.current.elements === 1) this.current.firstIsObject = character === 123;
    }
    if (character === 34) {
      if (this.depth === 1 && this.afterColon && !this.valueSeen) {
        this.valueSeen = true;
        if (this.lastKey !== null && this.otherMembers.length < MAX_OTHER_MEMBERS) this.otherMembers.push(this.lastKey);
      }
      this.inString = true;
      if (this.depth === 1 && !this.afterColon) {
        this.key = [];
        this.keyTooLong = false;
      }
      return false;
    }
    if (this.depth === 1) {
      if (character === 58) {
        this.afterColon = true;
        return false;
      }
      if (character === 44) {
        this.afterColon = false;
        this.valueSeen = false;
        this.lastKey = null;
        return false;
      }
      if (this.afterColon && !this.valueSeen) {
        this.valueSeen = true;
        if (character !== 91 && this.lastKey !== null && this.otherMembers.length < MAX_OTHER_MEMBERS) this.otherMembers.push(this.lastKey);
      }
      if (character === 91 && this.afterColon && this.lastKey !== null) {
        this.current = { name: this.lastKey, elements: 0, firstIsObject: false };
        this.members.push(this.current);
        this.expectingElement = true;
        this.depth = 2;
        return false;
      }
    }
    if (this.depth === 2 && this.current !== null && character === 44) {
      this.expectingElement = true;
      return false;
    }
    if (character === 91 || character === 123) {
      this.depth += 1;
    } else if (character === 93 || character === 125) {
      this.depth -= 1;
      if (this.depth === 1) this.current = null;
      if (this.depth === 0) {
        this.complete = true;
        return true;
      }
    }
    return false;
  }
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
