import type { FeedbackRecord } from '../record/record.js';
import { shortenText } from '../text/shortened-text.js';
import type { TextRedactor } from './text-redactor.js';

/** Where a record's context is kept by the adapters, most telling first. */
const CONTEXT_FIELDS = ['question', 'postTitle', 'title', 'section', 'topic', 'subject'] as const;

/** The longest question or title printed with a quote or in a row. */
export const CONTEXT_MAX_CHARS = 120;

/**
 * What a record's words answer, as the adapters kept it (the survey question, the blog post's
 * title, the event notes' section, the e-mail's subject), unredacted and untrimmed; null when none.
 */
export function rawRecordContext(record: FeedbackRecord): string | null {
  for (const field of CONTEXT_FIELDS) {
    const value = record.meta[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/** The question or title a record answers, redacted and shortened to {@link CONTEXT_MAX_CHARS}, or null. */
export function recordContext(record: FeedbackRecord, redact: TextRedactor): string | null {
  const value = rawRecordContext(record);
  return value === null ? null : shortenText(redact(value).text, CONTEXT_MAX_CHARS);
}
