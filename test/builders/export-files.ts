import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';

/** One row of a survey-style CSV export as tests write it. */
export interface CsvRow {
  id: string;
  text: string;
  author?: string;
  date?: string;
}

/** The text of a CSV export `id,author,date,text` with these rows. */
export function csvExport(rows: readonly CsvRow[]): string {
  return stringify([['id', 'author', 'date', 'text'], ...rows.map((row) => [row.id, row.author ?? '', row.date ?? '', row.text])]);
}

/** Writes a CSV export with these rows to `path`. */
export async function writeCsvExport(path: string, rows: readonly CsvRow[]): Promise<void> {
  await writeFile(path, csvExport(rows));
}

/** `count` rows with ids `<prefix>1…` and distinct texts. */
export function csvRows(count: number, prefix = 'r'): CsvRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${index + 1}`,
    text: `Comment ${index + 1} about carers and respite`,
  }));
}
