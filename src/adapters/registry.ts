import type { FormatAdapter } from './format-adapter.js';
import { csvTableAdapter } from './csv-table.js';
import { emlAdapter } from './eml.js';
import { jsonRecordsAdapter } from './json-records.js';
import { mboxAdapter } from './mbox.js';
import { twitterArchiveAdapter } from './twitter-archive.js';
import { twitterApiV1Adapter } from './twitter-api-v1.js';
import { twitterApiV2Adapter } from './twitter-api-v2.js';
import { tagsCsvAdapter } from './tags-csv.js';
import { twarcCsvAdapter } from './twarc-csv.js';
import { rtweetCsvAdapter } from './rtweet-csv.js';
import { eventNotesAdapter } from './event-notes.js';
import { srtAdapter } from './srt.js';
import { transcriptJsonAdapter } from './transcript-json.js';
import { transcriptTextAdapter } from './transcript-text.js';
import { webvttAdapter } from './webvtt.js';
import { wordpressWxrAdapter } from './wordpress-wxr.js';
import { disqusXmlAdapter } from './disqus-xml.js';
import { commentoJsonAdapter } from './commento-json.js';
import { bloggerAtomAdapter } from './blogger-atom.js';
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
  mboxAdapter,
  emlAdapter,
  twitterArchiveAdapter,
  twitterApiV1Adapter,
  twitterApiV2Adapter,
  tagsCsvAdapter,
  twarcCsvAdapter,
  rtweetCsvAdapter,
  webvttAdapter,
  srtAdapter,
  transcriptJsonAdapter,
  transcriptTextAdapter,
  eventNotesAdapter,
  wordpressWxrAdapter,
  disqusXmlAdapter,
  commentoJsonAdapter,
  bloggerAtomAdapter,
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
