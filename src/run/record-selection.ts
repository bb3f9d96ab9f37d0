import { SelectionError } from '../errors.js';
import type { Channel, FeedbackRecord } from '../record/record.js';

/** Which records a report is about; every field optional, all given ones must hold. */
export interface RecordSelection {
  /** First day included, `YYYY-MM-DD` (UTC). */
  since?: string;
  /** Last day included, `YYYY-MM-DD` (UTC). */
  until?: string;
  /** Channels included (any of them). */
  channels?: readonly Channel[];
  /**
   * A glob on the record's provenance file as stored: `*` any characters but `/`, `**` any
   * characters, `?` one character, `{a,b}` either. A glob without `/` is matched against the
   * file's name and the names of the folders or archive it was read from too, so `*.mbox` finds
   * `exports/mail.mbox`; a glob naming a folder or zip archive finds the files read from inside it,
   * so `survey.zip` finds `exports/survey.zip/responses.csv`.
   */
  source?: string;
  /** Text the record's question (`meta.question`) contains, ignoring case. */
  question?: string;
}

/** Whether a record is in a selection: `in`, `undated` (left out: a date selection and no date), or `out`. */
export type SelectionVerdict = 'in' | 'undated' | 'out';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDay(value: string, which: 'since' | 'until'): string {
  const match = DAY.exec(value);
  const date = match === null ? null : new Date(`${value}T00:00:00.000Z`);
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new SelectionError(`the ${which} date "${value}" is not a day written YYYY-MM-DD`, { code: 'BAD_SELECTION_DATE' });
  }
  return value;
}

/**
 * A glob as a regular expression over the whole string (see {@link RecordSelection.source}); with
 * `orWithin`, also over any path inside what the glob names (`exports` matches `exports/a.csv`).
 */
export function globToRegExp(glob: string, orWithin = false): RegExp {
  let pattern = '';
  let braces = 0;
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob.charAt(index);
    if (character === '*') {
      if (glob.charAt(index + 1) === '*') {
        pattern += '.*';
        index += 1;
        if (glob.charAt(index + 1) === '/') index += 1;
      } else pattern += '[^/]*';
    } else if (character === '?') pattern += '[^/]';
    else if (character === '{') {
      braces += 1;
      pattern += '(?:';
    } else if (character === '}' && braces > 0) {
      braces -= 1;
      pattern += ')';
    } else if (character === ',' && braces > 0) pattern += '|';
    else pattern += character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  if (braces > 0) throw new SelectionError(`the source glob "${glob}" opens a { it does not close`, { code: 'BAD_SELECTION_GLOB' });
  return new RegExp(orWithin ? `^${pattern}(?:/.*)?$` : `^${pattern}$`, 'u');
}

/** True when nothing is selected: every record is in. */
export function selectsEverything(selection: RecordSelection): boolean {
  return (
    selection.since === undefined &&
    selection.until === undefined &&
    (selection.channels === undefined || selection.channels.length === 0) &&
    selection.source === undefined &&
    selection.question === undefined
  );
}

/**
 * A predicate for a selection, checked once: dates must be real days (a usage error otherwise)
 * and `since` must not be after `until`. Dates are inclusive in UTC: `until: 2014-01-31` keeps
 * a record of 2014-01-31T23:59:59Z.
 */
export function recordSelector(selection: RecordSelection): (record: FeedbackRecord) => SelectionVerdict {
  const since = selection.since === undefined ? null : checkDay(selection.since, 'since');
  const until = selection.until === undefined ? null : checkDay(selection.until, 'until');
  if (since !== null && until !== null && since > until) {
    throw new SelectionError(`the selection starts (${since}) after it ends (${until})`, { code: 'BAD_SELECTION_DATE' });
  }
  const channels = selection.channels === undefined || selection.channels.length === 0 ? null : new Set(selection.channels);
  const source = selection.source === undefined ? null : globToRegExp(selection.source.replace(/\/+$/, ''), true);
  const name = selection.source === undefined || selection.source.includes('/') ? null : globToRegExp(selection.source);
  const question = selection.question === undefined ? null : selection.question.toLocaleLowerCase('en');
  return (record) => {
    if (channels !== null && !channels.has(record.channel)) return 'out';
    if (source !== null) {
      const file = record.provenance.file;
      if (!source.test(file) && !(name !== null && file.split('/').some((step) => name.test(step)))) return 'out';
    }
    if (question !== null) {
      const asked = record.meta['question'];
      if (typeof asked !== 'string' || !asked.toLocaleLowerCase('en').includes(question)) return 'out';
    }
    if (since !== null || until !== null) {
      if (record.date === null) return 'undated';
      const day = record.date.slice(0, 10);
      if ((since !== null && day < since) || (until !== null && day > until)) return 'out';
    }
    return 'in';
  };
}
