import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { listHeaders } from '../readers/column-mapping.js';
import { namedColumnRows } from '../readers/named-column-rows.js';

/** The columns of a Pol.is `comments.csv` export that are read. */
const POLIS_COLUMNS = ['timestamp', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'] as const;

/** The keys of a Pol.is conversation `summary.csv`, a key,value list rather than a table. */
const SUMMARY_KEYS = ['topic', 'url', 'views', 'voters', 'commenters', 'comments', 'conversation-description'];

function firstCells(headText: string): string[][] {
  return headText
    .split(/\r?\n/)
    .slice(0, 12)
    .map((line) => line.split(',').map((cell) => cell.trim().toLowerCase()));
}

function isCommentsHeader(cells: readonly string[]): boolean {
  return POLIS_COLUMNS.every((column) => cells.includes(column));
}

function isSummary(headText: string): boolean {
  const keys = firstCells(headText).map((cells) => cells[0] ?? '');
  return keys[0] === 'topic' && SUMMARY_KEYS.filter((key) => keys.includes(key)).length >= 4;
}

function count(value: string | undefined): JsonValue {
  const text = (value ?? '').trim();
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

async function* readPolisComments(source: InputSource): AsyncIterable<AdapterItem> {
  if (isSummary(source.headText)) {
    throw new InputError(`a Pol.is conversation summary (key,value lines: topic, url, views, comments…), not a table of comments`, {
      location: { file: source.path },
      hint: "ingest the conversation's comments.csv instead",
      code: 'NOT_FEEDBACK',
    });
  }
  const rows = namedColumnRows(source, { delimiter: ',', detectTitleRows: false }, (headers) => {
    if (!isCommentsHeader(headers.map((header) => header.toLowerCase()))) {
      throw new InputError(`not a Pol.is comments export (columns: ${listHeaders(headers)})`, {
        location: { file: source.path },
        hint: `a Pol.is comments.csv has the columns ${POLIS_COLUMNS.join(', ')}`,
      });
    }
  });
  for await (const row of rows) {
    if (row.kind !== 'row') {
      yield row;
      continue;
    }
    const { cell, provenance } = row;
    const commentId = cell('comment-id');
    const sourceId = commentId === '' ? null : commentId;
    if (cell('moderated') === '-1') {
      yield {
        kind: 'filtered',
        rule: 'moderated-out',
        provenance,
        ...(sourceId === null ? {} : { sourceId }),
        detail: 'moderated = -1 (removed by the moderators)',
      };
      continue;
    }
    const author = cell('author-id');
    yield {
      kind: 'record',
      draft: {
        sourceId,
        author: author === '' ? null : author,
        date: toIsoDate(cell('timestamp')),
        text: row.raw('comment-body'),
        meta: { agrees: count(cell('agrees')), disagrees: count(cell('disagrees')), moderated: count(cell('moderated')) },
        provenance,
      },
    };
  }
}

/**
 * The Pol.is comments export (`comments.csv` from pol.is or the Computational Democracy
 * Project's openData): one record per comment, with its agree / disagree counts; comments the
 * moderators removed (`moderated` = -1) are filtered as `moderated-out`. The conversation's
 * `summary.csv` is recognised and refused with a message saying to ingest comments.csv.
 */
export const polisCommentsAdapter: FormatAdapter = {
  name: 'polis',
  description: 'Pol.is comments export (comments.csv): one record per comment; moderated-out comments filtered',
  channel: 'survey',
  extensions: ['.csv'],
  signature: 'a header with timestamp, comment-id, author-id, agrees, disagrees, moderated and comment-body (or a Pol.is summary.csv)',
  sniff(input) {
    const first = firstCells(input.headText)[0] ?? [];
    if (isCommentsHeader(first)) return 0.95;
    return isSummary(input.headText) ? 0.95 : 0;
  },
  read(source) {
    return readPolisComments(source);
  },
};
