import { InputError } from '../errors.js';
import type { FeedbackRecord } from '../record/record.js';
import type { GoldEntry, GoldFile } from '../stats/gold-file.js';

/** The value a record carries under `column`: a survey's other answer (`meta.answers`), else a table's other column (`meta`). */
/** How many column names an error lists. */
const LISTED_COLUMNS = 12;

function answersOf(record: FeedbackRecord): Record<string, unknown> {
  const answers = record.meta['answers'];
  return answers !== null && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
}

function storedValue(record: FeedbackRecord, column: string): string | null {
  const fromAnswers = answersOf(record)[column];
  const value = fromAnswers ?? record.meta[column];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * A gold coding read from the records themselves: an export that already holds human coding in a
 * column beside the feedback (a coded spreadsheet, a platform's tag column) carries it into each
 * record's `meta.answers` (or `meta`), and this reads it as theme ids or labels joined by `;`,
 * keyed by tlap id, each entry's line being the record's line in its export. Records without the
 * column are left out of the gold (and so counted as missing from it); when no record has it, an
 * {@link InputError} names the columns the records do carry.
 */
export async function goldFromRecords(
  records: AsyncIterable<FeedbackRecord> | Iterable<FeedbackRecord>,
  column: string,
): Promise<GoldFile> {
  const entries: GoldEntry[] = [];
  const columns = new Set<string>();
  for await (const record of records) {
    const value = storedValue(record, column);
    if (value === null) {
      if (entries.length === 0 && columns.size < LISTED_COLUMNS)
        for (const [name, held] of [...Object.entries(answersOf(record)), ...Object.entries(record.meta)])
          if (typeof held === 'string' && columns.size < LISTED_COLUMNS) columns.add(name);
      continue;
    }
    const themes = [
      ...new Set(
        value
          .split(';')
          .map((theme) => theme.trim())
          .filter((theme) => theme !== ''),
      ),
    ];
    entries.push({ key: record.id, themes, line: record.provenance.line ?? record.provenance.row ?? 0 });
  }
  if (entries.length === 0)
    throw new InputError(`no record of the store holds a column "${column}" to read the human coding from`, {
      hint: columns.size === 0 ? 'the records hold no other columns' : `columns the records hold: ${[...columns].join(', ')}`,
      code: 'GOLD_NO_COLUMN',
    });
  return { keyColumn: 'id', entries, problems: [], markColumns: [], themesColumn: true, sample: null, texts: new Map() };
}
