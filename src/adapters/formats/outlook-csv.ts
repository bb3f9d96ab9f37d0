import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { listHeaders } from '../readers/column-mapping.js';
import { delimitedTableOptions } from '../readers/delimited-table.js';
import { sniffDelimiter } from '../readers/delimiter.js';
import { senderDisplayName } from '../readers/email-addresses.js';
import { autoReplySubjectReason, decodedMessageItems, type DecodedMessage } from '../readers/email-message.js';
import { namedColumnRows } from '../readers/named-column-rows.js';

/** The columns every Outlook mail-folder export has (Subject, Body), lower case. */
const MESSAGE_COLUMNS = ['subject', 'body'];
/** The sender's columns, one of which marks a mail folder rather than a table with a subject. */
const SENDER_COLUMNS = ['from: (name)', 'from: (address)'];

/** The header cells of a table's first line, trimmed, unquoted and in lower case. */
function headerCells(headText: string): string[] {
  const text = headText.replace(/^\ufeff/, '');
  const newline = text.indexOf('\n');
  const line = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  return line.split(sniffDelimiter(line)).map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

function isMailFolderHeader(cells: readonly string[]): boolean {
  return MESSAGE_COLUMNS.every((column) => cells.includes(column)) && SENDER_COLUMNS.some((column) => cells.includes(column));
}

async function* readOutlookCsv(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const rows = namedColumnRows(source, { ...delimitedTableOptions(options), detectTitleRows: false }, (headers) => {
    if (!isMailFolderHeader(headers.map((header) => header.trim().toLowerCase()))) {
      throw new InputError(`not an Outlook mail folder export (columns: ${listHeaders(headers)})`, {
        location: { file: source.path },
        hint: 'an Outlook "Export to a file › Comma Separated Values" of a mail folder has the columns Subject, Body, From: (Name), From: (Address)…',
      });
    }
  });
  for await (const row of rows) {
    if (row.kind !== 'row') {
      yield row;
      continue;
    }
    const subject = row.cell('Subject');
    const message: DecodedMessage = {
      sourceId: null,
      author: senderDisplayName(row.cell('From: (Name)')),
      date: null,
      subject: subject === '' ? null : subject,
      inReplyTo: null,
      listId: null,
      autoReply: autoReplySubjectReason(subject),
      bodies: [{ text: row.raw('Body'), html: null }],
    };
    const label = row.provenance.row === undefined ? '' : `row ${row.provenance.row}`;
    yield* decodedMessageItems(message, { provenance: row.provenance, label }, () => '');
  }
}

/**
 * A mail folder exported from classic Outlook (File › Open & Export › Import/Export › Export to a
 * file › Comma Separated Values): one row per message, read as each message saved on its own is
 * read, the sender's new words only (see {@link decodedMessageItems}). The export has no date,
 * Message-ID or In-Reply-To column, so records have none; the sender's address is never kept.
 */
export const outlookCsvAdapter: FormatAdapter = {
  name: 'outlook-csv',
  description: "A mail folder exported from Outlook as Comma Separated Values: one e-mail a row, the sender's new words",
  channel: 'email',
  extensions: ['.csv'],
  signature: 'a header with Subject and Body beside From: (Name) or From: (Address)',
  sniff(input) {
    return isMailFolderHeader(headerCells(input.headText)) ? 0.95 : 0;
  },
  read(source, options) {
    return readOutlookCsv(source, options);
  },
};
