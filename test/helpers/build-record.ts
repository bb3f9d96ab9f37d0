import type { FeedbackRecord } from '../../src/record/record.js';
import { makeRecordId } from '../../src/record/record-id.js';

/** A valid survey record with the given source id; any field can be overridden. */
export function buildRecord(sourceId: string, overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  const channel = overrides.channel ?? 'survey';
  return {
    id: makeRecordId(channel, sourceId),
    sourceId,
    channel,
    format: 'csv',
    author: null,
    date: null,
    text: `Answer ${sourceId}: more respite for unpaid carers.`,
    url: null,
    inReplyTo: null,
    meta: {},
    provenance: { file: 'survey.csv', row: 1 },
    ...overrides,
  };
}
