import type { JsonValue, Provenance } from '../../record/record.js';
import type { AdapterItem } from '../format-adapter.js';
import { RepeatedTextIds } from './repeated-text-ids.js';

/** What joins the headings of a section path in `meta.section`: `Day 2 › Workshop B`. */
export const SECTION_SEPARATOR = ' › ';

/** A line that introduces the list right below it is at most this long. */
const LIST_LABEL_CHARS = 100;

/** Words in a line that names a session, with a number or a letter to tell it from the others (`Workshop 2`, `Table B`). */
const SESSION_NAME_WORDS = 6;

/** What an event's parts are called, before the number or letter that names one (`Table 5`, `Breakout room B`). */
const SESSION_NOUNS = new Set([
  'workshop',
  'table',
  'group',
  'session',
  'day',
  'room',
  'breakout',
  'station',
  'round',
  'question',
  'topic',
  'theme',
  'part',
  'stage',
  'section',
  'event',
  'meeting',
  'wall',
  'board',
  'flipchart',
  'poster',
]);

/**
 * Whether a one-line paragraph right above a list labels it rather than saying something itself:
 * a question or a lead-in the list answers (`Workshop 1 - What matters to you?`, `Barriers:`), or
 * the name of a session (`Workshop 2`, `Table 5`, `Day 2 afternoon`, `Breakout room B`: a few
 * words, no colon, one of {@link SESSION_NOUNS} followed by a number or a capital letter). Anything
 * else, such as `Action: ask the council`, `Waited 6 weeks` or `A closing remark`, is an idea of its own.
 */
export function isListLabel(text: string): boolean {
  if (text.length > LIST_LABEL_CHARS || !/\p{L}/u.test(text)) return false;
  if (/[?:]["'”’)\]]*$/.test(text)) return true;
  const words = text.split(/\s+/);
  return (
    words.length <= SESSION_NAME_WORDS &&
    !text.includes(':') &&
    words.some((word, at) => at > 0 && /^(?:\d+|\p{Lu})$/u.test(word) && SESSION_NOUNS.has(words[at - 1]?.toLowerCase() ?? ''))
  );
}

/** What a note carries besides its text and where it was read. */
export interface NoteContext {
  /** The text of the bullet it is nested under, `meta.parent`. */
  parent?: string | null;
  /** A checkbox bullet's state, `meta.checked`. */
  checked?: boolean | null;
  /** The label of the list it is in (a question or session name on the line above the bullets): the last part of `meta.section`. */
  label?: string | null;
  /** Further meta the format adds (a table row's `question`). */
  meta?: Record<string, JsonValue>;
}

/**
 * The shape of typed-up notes, whatever they were typed in (markdown, plain text, a Word
 * document): headings are no records but set the section path each note carries in
 * `meta.section`; each note (bullet or paragraph) is one record, with `meta.parent` for a nested
 * bullet, and a note without an id of its own gets the content hash, `#2` on a repeat in the file.
 */
export class NoteOutline {
  private readonly ids = new RepeatedTextIds();
  private headings: string[] = [];

  /** `date` is the date of every note of the file (null when unknown), part of their content hash. */
  constructor(private readonly date: string | null = null) {}

  /** A heading of `level` (1 the highest) with this plain text: the path is cut back to its parent and it is added. */
  setHeading(level: number, text: string): void {
    this.headings = this.headings.slice(0, level - 1);
    while (this.headings.length < level - 1) this.headings.push('');
    this.headings.push(text.replace(/\s+/g, ' ').trim());
  }

  /** The heading path above the next note (and the label of its list, when it has one), or '' before any heading. */
  section(label: string | null = null): string {
    return [...this.headings, label ?? ''].filter((heading) => heading !== '').join(SECTION_SEPARATOR);
  }

  /** The record of one note, with the section path above it. */
  note(text: string, provenance: Provenance, context: NoteContext = {}): AdapterItem {
    const meta: Record<string, JsonValue> = {};
    const section = this.section(context.label ?? null);
    if (section !== '') meta['section'] = section;
    if (context.parent !== undefined && context.parent !== null) meta['parent'] = context.parent;
    if (context.checked !== undefined && context.checked !== null) meta['checked'] = context.checked;
    Object.assign(meta, context.meta);
    return {
      kind: 'record',
      draft: {
        sourceId: this.ids.sourceIdFor(null, text, this.date),
        text,
        meta,
        ...(this.date === null ? {} : { date: this.date }),
        provenance,
      },
    };
  }
}
