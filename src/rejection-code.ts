/**
 * Why an item (or a whole file) was rejected: the one list of reason codes that adapters put on
 * their `rejected` items, that ingest gives a file it cannot read, that the store writes to
 * rejected.jsonl and that the ingest summary counts. Stable: scripts may match on them.
 */
export const REJECTION_CODES = [
  // a whole file
  'FILE_UNREADABLE',
  'NOT_A_REGULAR_FILE',
  'UNKNOWN_FORMAT',
  'BINARY_FILE',
  'NOT_FEEDBACK',
  'JSON_TRUNCATED',
  'NO_TEXT_COLUMN',
  'MAPPED_COLUMN_MISSING',
  // one line of a text format
  'LINE_TOO_LONG',
  // one JSON or XML item
  'INVALID_JSON',
  'JSON_TOO_DEEP',
  'JSON_TOO_LARGE',
  'XML_ELEMENT_TOO_LARGE',
  'NOT_AN_OBJECT',
  'MISSING_TEXT',
  'NOT_A_TWEET',
  'NOT_A_COMMENT',
  'NOT_A_POST',
  'MISSING_TWEET_ID',
  'INVALID_TWEET_ID',
  'UNSAFE_TWEET_ID',
  'WXR_COMMENT_OUTSIDE_ITEM',
  // one caption cue
  'SRT_BAD_TIMESTAMP',
  'VTT_BAD_TIMESTAMP',
  'SBV_BAD_TIMESTAMP',
  'CAPTION_BAD_TIMESTAMP',
  // one record of a repository export (CAR)
  'CAR_BLOCK_MISSING',
  'CAR_BLOCK_DAMAGED',
  // one e-mail message
  'MESSAGE_TOO_LARGE',
  'MIME_PARSE_ERROR',
  'TOO_MANY_MIME_PARTS',
  'HEADER_TOO_LARGE',
  'HTML_TOO_DEEP',
  'HTML_NOT_CONVERTIBLE',
  'TOO_MANY_ATTACHMENTS',
  // one Outlook item (.msg)
  'MSG_DAMAGED',
  'MSG_NOT_A_MESSAGE',
  'MSG_RTF_UNREADABLE',
  // one page of a PDF
  'PDF_PAGE_UNREADABLE',
  // one table row (csv-parse's own codes, kept as it names them)
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_INVALID_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
  'CSV_INVALID_OPENING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'CSV_MAX_RECORD_SIZE',
  'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
  'CSV_RECORD_INCONSISTENT_COLUMNS',
  'CSV_UNKNOWN_ERROR',
  'NUL_BYTES',
  // the store itself
  'STORE_TORN_LINE',
] as const;

/** One of {@link REJECTION_CODES}. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** True when `code` is one of {@link REJECTION_CODES}. */
export function isRejectionCode(code: string | undefined): code is RejectionCode {
  return code !== undefined && (REJECTION_CODES as readonly string[]).includes(code);
}
