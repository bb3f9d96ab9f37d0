import { stringify } from 'csv-stringify/sync';
import type { Codebook } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import { recordContext } from '../report/record-context.js';
import type { TextRedactor } from '../report/text-redactor.js';
import { recordSelector, type RecordSelection } from './record-selection.js';
import { readStoreRecords } from '../store/record-store.js';
import { SelectionError, UsageError } from '../errors.js';

/** The seed a sample is drawn with unless another is given: the same store gives the same sample. */
export const DEFAULT_SAMPLE_SEED = 1;

/** Records drawn unless another size is given: enough for a first look at every common theme. */
export const DEFAULT_SAMPLE_SIZE = 200;

/** The columns of a coding sheet before its theme columns, in order. */
export const CODING_SHEET_COLUMNS = ['id', 'channel', 'context', 'text', 'coded'] as const;

/** What to draw a coding sample from a store's records with. */
export interface CodingSampleOptions {
  /** How many records to draw (all of them when the selection holds fewer). */
  size: number;
  /** Another seed draws another sample; the same seed, the same one. */
  seed?: number;
  /** Which records the sample is drawn from (as a report selects them); all when absent. */
  selection?: RecordSelection;
}

/** A sample of records drawn for coding by hand. */
export interface CodingSample {
  /** The records drawn, in the order drawn: the sheet's first rows are themselves a random sample. */
  records: FeedbackRecord[];
  /** Records the sample was drawn from (those the selection keeps). */
  population: number;
  /** Records of the store the selection left out. */
  leftOut: number;
  seed: number;
}

/**
 * A record's place in the draw for `seed`: FNV-1a over the seed and the record's id, mixed. Records
 * are drawn in the order of their places (ties by id), so the sample does not depend on the order
 * the store holds them in, and records added to the store later displace a drawn one only when
 * their place comes first.
 */
export function drawPlace(seed: number, id: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  hash = Math.imul(hash, 0x01000193);
  for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

interface Drawn {
  place: number;
  record: FeedbackRecord;
}

function compareDrawn(a: Drawn, b: Drawn): number {
  if (a.place !== b.place) return a.place - b.place;
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

/**
 * Draws a simple random sample of `options.size` records, without replacement, from the records
 * the selection keeps: the ones whose {@link drawPlace} comes first. Holds only the sample (a heap
 * of `size` records) while the records stream past. A selection that keeps no record is a
 * SelectionError; a size that is not a whole number of at least 1 is a UsageError.
 */
export async function drawCodingSample(
  records: AsyncIterable<FeedbackRecord> | Iterable<FeedbackRecord>,
  options: CodingSampleOptions,
): Promise<CodingSample> {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1) {
    throw new UsageError(`a sample size must be a whole number of at least 1, not ${String(size)}`, { code: 'BAD_SAMPLE_SIZE' });
  }
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const select = recordSelector(options.selection ?? {});
  const heap = new DrawHeap(size);
  let population = 0;
  let leftOut = 0;
  for await (const record of records) {
    if (select(record) !== 'in') {
      leftOut += 1;
      continue;
    }
    population += 1;
    heap.offer({ place: drawPlace(seed, record.id), record });
  }
  if (population === 0 && leftOut > 0) {
    throw new SelectionError(`the selection keeps none of the store's ${leftOut} records`, { code: 'EMPTY_SELECTION' });
  }
  return { records: heap.sorted().map((drawn) => drawn.record), population, leftOut, seed };
}

/** The `size` records drawn first so far: a max-heap on the draw order, its root the last one drawn. */
class DrawHeap {
  private readonly items: Drawn[] = [];

  constructor(private readonly size: number) {}

  offer(item: Drawn): void {
    const { items } = this;
    if (items.length < this.size) {
      items.push(item);
      this.up(items.length - 1);
      return;
    }
    const root = items[0];
    if (root === undefined || compareDrawn(item, root) >= 0) return;
    items[0] = item;
    this.down(0);
  }

  sorted(): Drawn[] {
    return [...this.items].sort(compareDrawn);
  }

  private up(from: number): void {
    const { items } = this;
    let at = from;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const child = items[at];
      const above = items[parent];
      if (child === undefined || above === undefined || compareDrawn(child, above) <= 0) return;
      items[at] = above;
      items[parent] = child;
      at = parent;
    }
  }

  private down(from: number): void {
    const { items } = this;
    let at = from;
    for (;;) {
      let largest = at;
      for (const child of [at * 2 + 1, at * 2 + 2]) {
        const candidate = items[child];
        const held = items[largest];
        if (candidate !== undefined && held !== undefined && compareDrawn(candidate, held) > 0) largest = child;
      }
      const here = items[at];
      const there = items[largest];
      if (largest === at || here === undefined || there === undefined) return;
      items[at] = there;
      items[largest] = here;
      at = largest;
    }
  }
}

const SHEET_CSV_OPTIONS = { eof: true, record_delimiter: 'unix', escape_formulas: true, quoted_match: /\r/ } as const;

/**
 * The coding sheet of a sample, as CSV (with a UTF-8 byte order mark, so spreadsheets read it
 * right): one row per record in the order drawn, with its tlap `id`, `channel`, `context` (the
 * question or post it answers) and `text`, redacted by `redact`, as a report prints them; an empty
 * `coded` column, to mark each row once it is coded; and an empty column per theme, headed by the
 * theme's id, to mark with 1 each theme the record is about. No theme of tlap's is shown, so the
 * coder codes blind. `tlap eval --gold` reads the sheet back (see `parseGoldFile`).
 */
export function renderCodingSheet(sample: CodingSample, codebook: Codebook, redact: TextRedactor): string {
  const themeIds = codebook.themes.map((theme) => theme.id);
  const blanks = themeIds.map(() => '');
  const rows = sample.records.map((record) => [
    record.id,
    record.channel,
    recordContext(record, redact) ?? '',
    redact(record.text).text,
    '',
    ...blanks,
  ]);
  return `\ufeff${stringify([[...CODING_SHEET_COLUMNS, ...themeIds], ...rows], SHEET_CSV_OPTIONS)}`;
}

/** The most characters an Excel cell holds; a longer text is cut to it in a coding workbook. */
export const WORKBOOK_CELL_CHARS = 32767;

/** What ends a text cut to fit a workbook's cell. */
const CUT_MARK = ' … [cut: longer than a spreadsheet cell holds]';

/**
 * The coding sheet of a sample as an Excel workbook (.xlsx): the rows and columns of
 * {@link renderCodingSheet} on a sheet named `coding`, every cell text (so a spreadsheet never
 * reads an id of digits as a number, nor a text starting with `=` as a formula), the header row
 * frozen and the text column wrapped. A text longer than a cell holds ({@link WORKBOOK_CELL_CHARS})
 * is cut, and says so. `tlap eval --gold` and `tlap agree` read it back as they read the CSV.
 */
export async function renderCodingWorkbook(sample: CodingSample, codebook: Codebook, redact: TextRedactor): Promise<Uint8Array> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'tlap';
  const sheet = workbook.addWorksheet('coding', { views: [{ state: 'frozen', ySplit: 1 }] });
  const themeIds = codebook.themes.map((theme) => theme.id);
  sheet.columns = [
    ...CODING_SHEET_COLUMNS.map((header) => ({ header, key: header, width: header === 'text' ? 80 : header === 'id' ? 22 : 12 })),
    ...themeIds.map((id) => ({ header: id, key: `theme:${id}`, width: Math.max(8, id.length + 2) })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  for (const record of sample.records) {
    const text = redact(record.text).text;
    sheet.addRow([
      record.id,
      record.channel,
      recordContext(record, redact) ?? '',
      text.length > WORKBOOK_CELL_CHARS ? text.slice(0, WORKBOOK_CELL_CHARS - CUT_MARK.length) + CUT_MARK : text,
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** {@link drawCodingSample} over the records of the store in `storeDir`. */
export async function drawStoreSample(storeDir: string, options: CodingSampleOptions): Promise<CodingSample> {
  return drawCodingSample(readStoreRecords(storeDir), options);
}
