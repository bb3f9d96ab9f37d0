import { makeRecordId } from '../../src/record/record-id.js';
import type { FeedbackRecord } from '../../src/record/record.js';

/** Overrides for {@link makeRecord}: any record field except `id` (derived unless given). */
export type RecordOverrides = Partial<FeedbackRecord>;

let sequence = 0;

/**
 * A valid FeedbackRecord with sensible defaults. `sourceId` defaults to a fresh `s<n>`, and `id`
 * is derived from the channel and sourceId with makeRecordId, exactly as ingest does, unless given.
 */
export function makeRecord(overrides: RecordOverrides = {}): FeedbackRecord {
  sequence += 1;
  const channel = overrides.channel ?? 'survey';
  const sourceId = overrides.sourceId ?? `s${sequence}`;
  return {
    id: overrides.id ?? makeRecordId(channel, sourceId),
    sourceId,
    channel,
    format: overrides.format ?? 'csv',
    author: overrides.author === undefined ? null : overrides.author,
    date: overrides.date === undefined ? null : overrides.date,
    text: overrides.text ?? 'More say in how my support is arranged, please.',
    url: overrides.url === undefined ? null : overrides.url,
    inReplyTo: overrides.inReplyTo === undefined ? null : overrides.inReplyTo,
    meta: overrides.meta ?? {},
    provenance: overrides.provenance ?? { file: 'survey.csv', line: sequence + 1, row: sequence },
  };
}
