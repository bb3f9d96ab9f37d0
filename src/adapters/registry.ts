import type { FormatAdapter } from './format-adapter.js';
import { csvTableAdapter } from './csv-table.js';
import { jsonRecordsAdapter } from './json-records.js';
import { polisCommentsAdapter } from './polis-comments.js';
import { surveyCsvAdapter } from './survey-csv.js';
import { xlsxWorkbookAdapter } from './xlsx-workbook.js';

/**
 * Every format tlap reads: the one list that detection, `--format` and `tlap formats` use.
 * Specific formats come before the generic table and JSON readers, which win only when nothing
 * more specific recognises a file. Adding a format: one file in src/adapters/, one line here,
 * and its fixtures in fixtures/adapters/<name>/.
 */
export const ADAPTERS: readonly FormatAdapter[] = [
  polisCommentsAdapter,
  surveyCsvAdapter,
  xlsxWorkbookAdapter,
  csvTableAdapter,
  jsonRecordsAdapter,
];

/** Finds an adapter by its `--format` name. */
export function findAdapter(name: string): FormatAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.name === name);
}

/** The names `--format` accepts, in registry order. */
export function adapterNames(): string[] {
  return ADAPTERS.map((adapter) => adapter.name);
}
