import type { FeedbackRecord } from '../record/record.js';

const REPLY_PREFIX = /^(?:\s*(?:re|fwd?|aw|sv|antw)\s*(?:\[\d+\])?\s*:\s*)+/i;

/**
 * Where a record was published or sent, as a reader would name it: the blog post it comments on
 * (`post: Partnership agreement`), the e-mail thread (`thread: Draft agreement`, its subject
 * without `Re:`/`Fwd:`), else the export file it was read from (`file: exports/survey.csv`).
 * The file is the provenance as stored; `-` (stdin) gives null.
 */
export function recordSource(record: FeedbackRecord): string | null {
  const postTitle = record.meta['postTitle'];
  if (typeof postTitle === 'string' && postTitle.trim() !== '') return `post: ${postTitle.trim()}`;
  const subject = record.meta['subject'];
  if (typeof subject === 'string') {
    const thread = subject.replace(REPLY_PREFIX, '').trim();
    if (thread !== '') return `thread: ${thread}`;
  }
  const file = record.provenance.file;
  return file === '' || file === '-' ? null : `file: ${file}`;
}
