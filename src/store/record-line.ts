import { readRecordLine } from './record-line-reader.js';
import { StoreError } from '../errors.js';
import { isChannel, type FeedbackRecord } from '../record/record.js';
import { isRecordIdOf } from '../record/record-id.js';

/**
 * Parses one records.jsonl line, with an error naming the store line when it is not a record.
 * With `checkId` false, the record's id is taken as written: for a records.jsonl sealed as tlap
 * wrote it (see records-seal.ts), whose every id was made from its channel and source id.
 */
export function parseRecordLine(text: string, file: string, line: number, checkId = true): FeedbackRecord {
  let value: unknown;
  try {
    value = readRecordLine(text);
  } catch {
    throw new StoreError(`${file}:${line}: not valid JSON; the store was damaged or edited by hand`, {
      hint: 'restore the line, or delete the store and ingest again',
      code: 'STORE_DAMAGED',
    });
  }
  if (!isRecordShape(value)) {
    throw new StoreError(`${file}:${line}: not a tlap record (missing id, sourceId, channel, text or provenance)`, {
      hint: 'restore the line, or delete the store and ingest again',
      code: 'STORE_DAMAGED',
    });
  }
  if (checkId && !isRecordIdOf(value.id, value.channel, value.sourceId)) {
    throw new StoreError(
      `${file}:${line}: the record's id does not match its channel and source id; the store was damaged or edited by hand`,
      {
        hint: 'restore the line, or delete the store and ingest again',
        code: 'STORE_DAMAGED',
      },
    );
  }
  return value;
}

function isRecordShape(value: unknown): value is FeedbackRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['id'] === 'string' &&
    typeof record['channel'] === 'string' &&
    isChannel(record['channel']) &&
    typeof record['text'] === 'string' &&
    typeof record['sourceId'] === 'string' &&
    typeof record['format'] === 'string' &&
    typeof record['provenance'] === 'object' &&
    record['provenance'] !== null &&
    typeof (record['provenance'] as Record<string, unknown>)['file'] === 'string'
  );
}
