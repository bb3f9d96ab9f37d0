import { describe, expect, test } from '@jest/globals';
import { MessageIndex } from '../../src/record/same-message.js';
import { makeRecord, type RecordOverrides } from '../builders/record-builder.js';

/** One e-mail as a saved message (with a Message-ID) and as text saved by Outlook (no Message-ID, sent time in another zone, no seconds). */
function copies(format: string, textFormat: string): [ReturnType<typeof makeRecord>, ReturnType<typeof makeRecord>] {
  const message: RecordOverrides = {
    channel: 'email',
    author: 'Jane Smith',
    text: 'The day centre is a lifeline for my mother.',
    meta: { subject: 'Day centres' },
  };
  return [
    makeRecord({ ...message, format, sourceId: '<a1@example.org>', date: '2024-03-05T14:03:27.000Z' }),
    makeRecord({ ...message, format: textFormat, sourceId: 'content:9f3a', date: '2024-03-05T09:03:00.000Z' }),
  ];
}

describe('MessageIndex', () => {
  test('a saved message and its copy saved as text are one e-mail', () => {
    const [eml, text] = copies('eml', 'mail-text');
    const index = new MessageIndex();
    index.add(eml);
    expect(index.sameAs(text)).toBe(eml.id);
  });

  test('records of a table or JSON export with an e-mail channel are neither kept nor matched: only saved messages are read twice', () => {
    const [row, text] = copies('csv', 'mail-text');
    const [eml, otherRow] = copies('eml', 'json');
    const holdingRow = new MessageIndex();
    holdingRow.add(row);
    const holdingEml = new MessageIndex();
    holdingEml.add(eml);
    expect([holdingRow.sameAs(text), holdingEml.sameAs(otherRow)]).toEqual([undefined, undefined]);
  });
});
