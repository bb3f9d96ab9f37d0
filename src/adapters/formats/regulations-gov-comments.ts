import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { listHeaders } from '../readers/column-mapping.js';
import { readTableHead } from '../readers/delimited-table.js';
import { namedColumnRows } from '../readers/named-column-rows.js';
import { sniffDelimiter } from '../readers/delimiter.js';

/** The columns that make a table a regulations.gov bulk download of a docket's documents and comments. */
const DOCKET_COLUMNS = ['Document ID', 'Docket ID', 'Tracking Number', 'Document Type', 'Comment'] as const;

/** The document type of a comment from the public; a docket's other rows are the agency's own documents. */
const PUBLIC_SUBMISSION = 'public submission';

/**
 * Columns kept in `meta`, under these keys. The submitter's name (`First Name`, `Last Name`, and
 * the `Title` regulations.gov makes of it, `Comment from Mary Porter`), the representative's
 * address and the ZIP code are never kept.
 */
const META_COLUMNS: Readonly<Record<string, string>> = {
  'Docket ID': 'docketId',
  'Agency ID': 'agencyId',
  'Tracking Number': 'trackingNumber',
  'Comment on Document ID': 'commentOnDocumentId',
  'Posted Date': 'postedDate',
  'Organization Name': 'organisation',
  'Government Agency': 'governmentAgency',
  'Government Agency Type': 'governmentAgencyType',
  Category: 'category',
  City: 'city',
  'State/Province': 'stateProvince',
  Country: 'country',
  'Attachment Files': 'attachments',
};

/** The cells of a table's first row, as a reader of the head sees them. */
function headerCells(headText: string, extension: string): string[] {
  const delimiter = sniffDelimiter(headText, extension);
  return readTableHead(headText, delimiter, false)[0]?.cells.map((cell) => cell.trim()) ?? [];
}

function isDocketHeader(cells: readonly string[]): boolean {
  const lower = new Set(cells.map((cell) => cell.toLowerCase()));
  return DOCKET_COLUMNS.every((column) => lower.has(column.toLowerCase()));
}

function count(value: string): JsonValue {
  return /^\d+$/.test(value) ? Number(value) : value;
}

async function* readDocketComments(source: InputSource): AsyncIterable<AdapterItem> {
  const rows = namedColumnRows(source, { detectTitleRows: false }, (headers) => {
    if (!isDocketHeader(headers)) {
      throw new InputError(`not a regulations.gov comments download (columns: ${listHeaders(headers)})`, {
        location: { file: source.path },
        hint: `a regulations.gov bulk download has the columns ${DOCKET_COLUMNS.join(', ')}`,
      });
    }
  });
  for await (const row of rows) {
    if (row.kind !== 'row') {
      yield row;
      continue;
    }
    const { cell, provenance } = row;
    if (row.cells.every((value) => value.trim() === '')) continue;
    const documentId = cell('Document ID');
    const sourceId = documentId === '' ? null : documentId;
    const type = cell('Document Type');
    if (type.toLowerCase() !== PUBLIC_SUBMISSION) {
      yield {
        kind: 'filtered',
        rule: 'not-feedback',
        provenance,
        ...(sourceId === null ? {} : { sourceId }),
        detail: `the agency's own document, not a comment (Document Type: ${type === '' ? 'none' : type})`,
      };
      continue;
    }
    if (cell('Is Withdrawn?').toLowerCase() === 'true') {
      const reason = cell('Reason Withdrawn');
      yield {
        kind: 'filtered',
        rule: 'deleted',
        provenance,
        ...(sourceId === null ? {} : { sourceId }),
        detail: `withdrawn${reason === '' ? '' : ` (${reason})`}`,
      };
      continue;
    }
    const meta: Record<string, JsonValue> = {};
    for (const [column, key] of Object.entries(META_COLUMNS)) {
      const value = cell(column);
      if (value !== '') meta[key] = value;
    }
    const duplicates = cell('Duplicate Comments');
    if (duplicates !== '' && duplicates !== '0') meta['duplicateComments'] = count(duplicates);
    yield {
      kind: 'record',
      draft: {
        sourceId,
        author: null,
        date: toIsoDate(cell('Received Date')) ?? toIsoDate(cell('Posted Date')),
        text: row.raw('Comment'),
        meta,
        provenance,
      },
    };
  }
}

/**
 * A regulations.gov bulk download of a docket (the CSV its "Download" button and bulk data give):
 * one row per document, with the public's comments as `Public Submission` rows. One record per
 * comment: its `Document ID` is the id, its `Received Date` the date, its organisation, place and
 * docket in `meta`; the agency's own documents in the docket (the proposed rule, notices,
 * supporting material) and withdrawn comments are filtered. The submitter's name, the title made
 * of it and the ZIP code are never kept.
 */
export const regulationsGovCommentsAdapter: FormatAdapter = {
  name: 'regulations-gov',
  description:
    "regulations.gov docket download (CSV): one record per public comment; the agency's own documents and withdrawn comments filtered",
  channel: 'survey',
  extensions: ['.csv'],
  signature: 'a header with Document ID, Docket ID, Tracking Number, Document Type and Comment',
  sniff(input) {
    return isDocketHeader(headerCells(input.headText, input.extension)) ? 0.95 : 0;
  },
  read(source) {
    return readDocketComments(source);
  },
};
