import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { listHeaders } from '../readers/column-mapping.js';
import { delimitedTableOptions } from '../readers/delimited-table.js';
import { sniffDelimiter } from '../readers/delimiter.js';
import { senderDisplayName } from '../readers/email-addresses.js';
import { autoReplySubjectReason, decodedMessageItems, type DecodedMessage } from '../readers/email-message.js';
import { namedColumnRows } from '../readers/named-column-rows.js';

/**
 * The columns of a mail-folder export that tlap reads, as classic Outlook names them in the language
 * of the Office that wrote the file.
 */
interface OutlookColumns {
  subject: string;
  body: string;
  fromName: string;
  fromAddress: string;
}

/** The columns of an export written by an English Office. */
const ENGLISH_COLUMNS: OutlookColumns = { subject: 'Subject', body: 'Body', fromName: 'From: (Name)', fromAddress: 'From: (Address)' };

/**
 * The header names Outlook writes in each language whose names were found in a public project
 * reading such exports (see fixtures/adapters/outlook-csv/localised-headers/README.md): English,
 * German, Spanish and Czech. Other languages (French, Dutch, Italian, Welsh) are not known, and such
 * an export is read as a table.
 */
const OUTLOOK_LANGUAGES: readonly OutlookColumns[] = [
  ENGLISH_COLUMNS,
  { subject: 'Betreff', body: 'Text', fromName: 'Von: (Name)', fromAddress: 'Von: (Adresse)' },
  { subject: 'Asunto', body: 'Cuerpo', fromName: 'De: (nombre)', fromAddress: 'De: (dirección)' },
  { subject: 'Předmět', body: 'Tělo', fromName: 'Od: (jméno)', fromAddress: 'Od: (adresa)' },
];

/** A header cell as it is compared: trimmed, in lower case, runs of spaces as one. */
function comparable(cell: string): string {
  return cell.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** The header cells of a table's first line, unquoted and comparable. */
function headerCells(headText: string): string[] {
  const text = headText.replace(/^\ufeff/, '');
  const newline = text.indexOf('\n');
  const line = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  return line.split(sniffDelimiter(line)).map((cell) => comparable(cell.trim().replace(/^"|"$/g, '')));
}

/**
 * The language's columns of a mail-folder export's header, or undefined for another table: the
 * subject and body beside the sender's name or address, all named in one language.
 */
function mailFolderColumns(cells: readonly string[]): OutlookColumns | undefined {
  const names = new Set(cells.map(comparable));
  const has = (name: string): boolean => names.has(comparable(name));
  return OUTLOOK_LANGUAGES.find(
    (columns) => has(columns.subject) && has(columns.body) && (has(columns.fromName) || has(columns.fromAddress)),
  );
}

/** The header as the file writes it that is `name` once compared, or `name` when none is. */
function headerNamed(headers: readonly string[], name: string): string {
  return headers.find((header) => comparable(header) === comparable(name)) ?? name;
}

async function* readOutlookCsv(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const found: { columns?: OutlookColumns } = {};
  const rows = namedColumnRows(source, { ...delimitedTableOptions(options), detectTitleRows: false }, (headers) => {
    const language = mailFolderColumns(headers);
    if (language !== undefined) {
      found.columns = {
        subject: headerNamed(headers, language.subject),
        body: headerNamed(headers, language.body),
        fromName: headerNamed(headers, language.fromName),
        fromAddress: headerNamed(headers, language.fromAddress),
      };
    } else {
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
    const columns = found.columns ?? ENGLISH_COLUMNS;
    const subject = row.cell(columns.subject);
    const message: DecodedMessage = {
      sourceId: null,
      author: senderDisplayName(row.cell(columns.fromName)),
      date: null,
      subject: subject === '' ? null : subject,
      inReplyTo: null,
      listId: null,
      autoReply: autoReplySubjectReason(subject),
      bodies: [{ text: row.raw(columns.body), html: null }],
    };
    const label = row.provenance.row === undefined ? '' : `row ${row.provenance.row}`;
    yield* decodedMessageItems(message, { provenance: row.provenance, label }, () => '');
  }
}

/**
 * A mail folder exported from classic Outlook (File › Open & Export › Import/Export › Export to a
 * file › Comma Separated Values): one row per message, read as each message saved on its own is
 * read, the sender's new words only (see {@link decodedMessageItems}). Its header is in the
 * language of the Office that wrote it ({@link OUTLOOK_LANGUAGES}: `Betreff`, `Von: (Name)`…). The export has no date,
 * Message-ID or In-Reply-To column, so records have none; the sender's address is never kept.
 */
export const outlookCsvAdapter: FormatAdapter = {
  name: 'outlook-csv',
  description: "A mail folder exported from Outlook as Comma Separated Values: one e-mail a row, the sender's new words",
  channel: 'email',
  extensions: ['.csv'],
  signature: 'a header with Subject and Body beside From: (Name) or From: (Address), or the same in German, Spanish or Czech',
  sniff(input) {
    return mailFolderColumns(headerCells(input.headText)) === undefined ? 0 : 0.95;
  },
  read(source, options) {
    return readOutlookCsv(source, options);
  },
};
