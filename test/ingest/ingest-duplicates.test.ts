import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { readExports } from '../../src/ingest/read-exports.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { contentSourceId, makeRecordId } from '../../src/record/record-id.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { csvExport } from '../builders/export-files.js';
import { jsonLinesOf } from '../builders/api-pages.js';
import { twitterStatus } from '../builders/social-posts.js';
import { writeStore } from '../builders/store-builder.js';
import { buildWorkbook } from '../builders/xlsx-workbooks.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

/** fixtures/ingest/same-email-saved-twice: one e-mail saved as Outlook text and as .eml, and the same words sent again the next day. */
const SAVED_TWICE = join(PROJECT_ROOT, 'fixtures/ingest/same-email-saved-twice');
const AS_TEXT = 'outlook-saved-as-text.txt';
const AS_EML = 'saved-from-thunderbird.eml';
const SENT_AGAIN = 'sent-again-next-day.eml';

/** A one-line summary of each file's counts. */
function perFileCounts(summary: Awaited<ReturnType<typeof ingest>>): string[] {
  return summary.perFile.map((file) => `${file.file}: ${file.added} added, ${file.duplicates} duplicates`);
}

/** An e-mail from Daniel Okafor with the given Message-ID and Date, always the same words. */
function resendEml(messageId: string | null, date: string, subject = 'Direct payments'): string {
  return [
    'From: "Daniel Okafor" <daniel.okafor@example.org>',
    'To: Consultation Team <consult@example.gov.uk>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    ...(messageId === null ? [] : [`Message-ID: <${messageId}>`]),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    'Please keep the minibus to the day centre.',
    '',
  ].join('\r\n');
}

/** The same words saved from Outlook as text, sent at the given local time (`20 May 2014 10:14`). */
function resendText(sent: string, subject = 'Direct payments'): string {
  return [
    'From:\tDaniel Okafor <daniel.okafor@example.org>',
    `Sent:\t${sent}`,
    'To:\tConsultation Team',
    `Subject:\t${subject}`,
    '',
    'Please keep the minibus to the day centre.',
    '',
  ].join('\r\n');
}

describe('ingest duplicates', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-ingest-'));
    await writeFile(
      join(dir, 'survey.csv'),
      'Response ID,Comment\nR-1,More respite please.\nR-2,Less paperwork.\nR-1,More respite please.\n',
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts an id repeated within one file as a duplicate, and every record as one on a second run', async () => {
    const first = await ingest({ paths: ['survey.csv'], storeDir: 'store', cwd: dir });
    expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 3, added: 2, duplicates: 1 });

    const second = await ingest({ paths: ['survey.csv'], storeDir: 'store', cwd: dir });
    expect({ read: second.read, added: second.added, duplicates: second.duplicates }).toEqual({ read: 3, added: 0, duplicates: 3 });
  });

  it('replaces a post read again with other words by the words read last, counted as an updated duplicate', async () => {
    const tweets = (text: string): string => jsonLinesOf([twitterStatus({ id: '1712', text })]);
    await writeFile(join(dir, 'tweets.jsonl'), tweets('Respite saved our family…'));
    await ingest({ paths: ['tweets.jsonl'], storeDir: 'store', cwd: dir });
    await writeFile(join(dir, 'tweets.jsonl'), tweets('Respite saved our family, and the carers who came were kind.'));
    const again = await ingest({ paths: ['tweets.jsonl'], storeDir: 'store', cwd: dir });
    expect({ read: again.read, added: again.added, duplicates: again.duplicates, updated: again.updated }).toEqual({
      read: 1,
      added: 0,
      duplicates: 1,
      updated: 1,
    });
    expect(again.warnings).toEqual([]);
    const texts: string[] = [];
    for await (const record of readStoreRecords(join(dir, 'store'))) texts.push(`${record.sourceId} ${record.text}`);
    expect(texts).toEqual(['1712 Respite saved our family, and the carers who came were kind.']);
  });

  it('keeps records from two exports that number their rows alike, and a second run finds them all', async () => {
    await writeFile(
      join(dir, 'event-a.csv'),
      csvExport([
        { id: '1', text: 'Respite saved our family.' },
        { id: '2', text: 'Forms are too long.' },
      ]),
    );
    await writeFile(
      join(dir, 'event-b.csv'),
      csvExport([
        { id: '1', text: 'Buses to the day centre stopped.' },
        { id: '2', text: 'Forms are too long.' },
      ]),
    );
    const first = await ingest({ paths: ['event-a.csv', 'event-b.csv'], storeDir: 'store', cwd: dir });
    expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 4, added: 3, duplicates: 1 });
    expect(first.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^event-b\.csv:2: 1 record has the id of a different text already read .* kept as its own record$/),
    ]);
    const texts: string[] = [];
    for await (const record of readStoreRecords(join(dir, 'store'))) texts.push(`${record.sourceId} ${record.text}`);
    expect(texts).toEqual([
      '1 Respite saved our family.',
      '2 Forms are too long.',
      expect.stringMatching(/^1#[0-9a-f]{8} Buses to the day centre stopped\.$/),
    ]);

    const second = await ingest({ paths: ['event-b.csv', 'event-a.csv'], storeDir: 'store', cwd: dir });
    expect({ read: second.read, added: second.added, duplicates: second.duplicates, warnings: second.warnings }).toEqual({
      read: 4,
      added: 0,
      duplicates: 4,
      warnings: [],
    });
  });

  it('compares texts within one reading when no store is given', async () => {
    await writeFile(join(dir, 'event-a.csv'), csvExport([{ id: '7', text: 'More day trips.' }]));
    await writeFile(
      join(dir, 'event-b.csv'),
      csvExport([
        { id: '7', text: 'Fewer forms.' },
        { id: '7', text: 'Fewer forms.' },
      ]),
    );
    const reading = readExports(['event-a.csv', 'event-b.csv'], { cwd: dir });
    const kinds: string[] = [];
    for await (const item of reading)
      if (item.kind === 'record' || item.kind === 'duplicate') kinds.push(`${item.kind} ${item.record.text}`);
    expect(kinds).toEqual(['record More day trips.', 'record Fewer forms.', 'duplicate Fewer forms.']);
  });

  it('remembers each file that held a record once, however often the file or the record is read', async () => {
    await writeFile(
      join(dir, 'a.csv'),
      csvExport([
        { id: '1', text: 'Respite saved us.' },
        { id: '1', text: 'Respite saved us.' },
        { id: '2', text: 'Fewer forms.' },
      ]),
    );
    await writeFile(
      join(dir, 'b.csv'),
      csvExport([
        { id: '2', text: 'Fewer forms.' },
        { id: '2', text: 'Fewer forms.' },
      ]),
    );
    await ingest({ paths: ['a.csv', 'b.csv'], storeDir: 'store', cwd: dir });
    await ingest({ paths: ['b.csv', 'a.csv'], storeDir: 'store', cwd: dir });
    const lines = (await readFile(join(dir, 'store', 'sources.jsonl'), 'utf8')).trim().split('\n');
    const sightings = lines.map((line) => JSON.parse(line) as { id: string; file: string }).map((entry) => `${entry.id} ${entry.file}`);
    expect(sightings).toHaveLength(3);
    expect(new Set(sightings).size).toBe(3);
    expect(sightings.map((sighting) => sighting.split(' ')[1])).toEqual(['a.csv', 'a.csv', 'b.csv']);
  });

  it('counts an e-mail saved as Outlook text and as .eml once, whichever is read first, and keeps the same words sent again', async () => {
    const store = join(dir, 'one-run');
    const together = await ingest({ paths: [AS_TEXT, AS_EML, SENT_AGAIN], storeDir: store, cwd: SAVED_TWICE });
    expect(perFileCounts(together)).toEqual([
      `${AS_TEXT}: 1 added, 0 duplicates`,
      `${AS_EML}: 0 added, 1 duplicates`,
      `${SENT_AGAIN}: 1 added, 0 duplicates`,
    ]);
    expect({ read: together.read, added: together.added, duplicates: together.duplicates }).toEqual({ read: 3, added: 2, duplicates: 1 });

    const emlFirst = join(dir, 'eml-first');
    await ingest({ paths: [AS_EML], storeDir: emlFirst, cwd: SAVED_TWICE });
    const later = await ingest({ paths: [AS_TEXT, SENT_AGAIN], storeDir: emlFirst, cwd: SAVED_TWICE });
    expect(perFileCounts(later)).toEqual([`${AS_TEXT}: 0 added, 1 duplicates`, `${SENT_AGAIN}: 1 added, 0 duplicates`]);
    const sources = (await readFile(join(emlFirst, 'sources.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; file: string });
    const stored: string[] = [];
    for await (const record of readStoreRecords(emlFirst)) stored.push(`${record.id} ${record.sourceId}`);
    expect(stored).toEqual([
      expect.stringMatching(/ CAF7b3Xy0123@mail\.example\.org$/),
      expect.stringMatching(/ CAF7b3Xy0456@mail\.example\.org$/),
    ]);
    const emlId = stored[0]?.split(' ')[0];
    expect(sources.filter((entry) => entry.id === emlId).map((entry) => entry.file)).toEqual([AS_EML, AS_TEXT]);
  });

  it('finds the copy within one reading when no store is given', async () => {
    const kinds: string[] = [];
    for await (const item of readExports([AS_EML, AS_TEXT], { cwd: SAVED_TWICE }))
      if (item.kind === 'record' || item.kind === 'duplicate') kinds.push(`${item.kind} ${item.record.format}`);
    expect(kinds).toEqual(['record eml', 'duplicate mail-text']);
  });

  it.each([
    [
      'two .eml with Message-IDs of their own, a minute apart',
      resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'),
      resendEml('b@example.org', 'Tue, 20 May 2014 10:15:30 +0100'),
    ],
    [
      'a text copy sent 20 minutes from the .eml (no time zone is 20 minutes off)',
      resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'),
      resendText('20 May 2014 09:34'),
    ],
    [
      'a text copy under another subject',
      resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'),
      resendText('20 May 2014 10:14', 'Minibus'),
    ],
    ['a text copy sent the next day', resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'), resendText('21 May 2014 10:14')],
  ])('keeps distinct messages apart: %s', async (_case, first, second) => {
    await writeFile(join(dir, 'first.eml'), first);
    await writeFile(join(dir, second.startsWith('From:\t') ? 'second.txt' : 'second.eml'), second);
    const summary = await ingest({
      paths: ['first.eml', second.startsWith('From:\t') ? 'second.txt' : 'second.eml'],
      storeDir: 'store',
      cwd: dir,
    });
    expect({ added: summary.added, duplicates: summary.duplicates }).toEqual({ added: 2, duplicates: 0 });
  });
});

/** A form's responses without a respondent id (as Google Forms exports them): a time, a scale and two open questions. */
const FORM_HEADER = ['Timestamp', 'How satisfied are you?', 'What matters most to you about your care?', 'Anything else?'];
const FORM_ROWS = [
  ['02/01/2024 14:30:00', 'Very satisfied', 'Being listened to by the same carer each week', 'Thank you for asking'],
  ['05/01/2024 09:05:12', 'Satisfied', 'Knowing who is coming and when they will arrive', ''],
  ['13/01/2024 17:45:03', 'Dissatisfied', 'Being listened to by the same carer each week', 'Visits are often cut short'],
];

/** A poll tool's results: one open poll's answers with their votes, and a closed poll's tally. */
const POLL_HEADER = ['Poll', 'Poll type', 'Option', 'Votes'];
const POLL_ROWS = [
  ['What one change would make the town centre better?', 'Open text', 'More benches along the high street', '1'],
  ['What one change would make the town centre better?', 'Open text', 'Public toilets that are open all day', '1'],
  ['Should the market move?', 'Multiple choice', 'Yes', '12'],
  ['Should the market move?', 'Multiple choice', 'No', '30'],
];

function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
}

/** The rows saved as a workbook: the first sheet named `first`, with any `later` sheets after it. */
function workbookOf(
  first: string,
  rows: readonly (readonly string[])[],
  later: Readonly<Record<string, readonly (readonly string[])[]>> = {},
) {
  return buildWorkbook((workbook) => {
    for (const [name, sheetRows] of [[first, rows] as const, ...Object.entries(later)]) {
      const sheet = workbook.addWorksheet(name);
      for (const row of sheetRows) sheet.addRow([...row]);
    }
  });
}

describe('one export saved as CSV and as a workbook', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-saved-twice-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function storedIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const record of readStoreRecords(join(dir, 'store'))) ids.push(`${record.channel} ${record.id}`);
    return ids;
  }

  it('gives the answers of a form without respondent ids the same ids, so the second copy adds nothing, in either order', async () => {
    await writeFile(join(dir, 'responses.csv'), csvText([FORM_HEADER, ...FORM_ROWS]));
    await writeFile(join(dir, 'responses.xlsx'), await workbookOf('Form responses 1', [FORM_HEADER, ...FORM_ROWS]));
    const first = await ingest({ paths: ['responses.csv', 'responses.xlsx'], storeDir: 'store', cwd: dir });
    expect(perFileCounts(first)).toEqual(['responses.csv: 5 added, 0 duplicates', 'responses.xlsx: 0 added, 5 duplicates']);
    const fromCsvFirst = await storedIds();

    await rm(join(dir, 'store'), { recursive: true });
    const second = await ingest({ paths: ['responses.xlsx', 'responses.csv'], storeDir: 'store', cwd: dir });
    expect(perFileCounts(second)).toEqual(['responses.xlsx: 5 added, 0 duplicates', 'responses.csv: 0 added, 5 duplicates']);
    expect(await storedIds()).toEqual(fromCsvFirst);
  });

  it("files a poll tool's results under the same channel and ids from either copy", async () => {
    await writeFile(join(dir, 'polls.csv'), csvText([POLL_HEADER, ...POLL_ROWS]));
    await writeFile(join(dir, 'polls.xlsx'), await workbookOf('Polls', [POLL_HEADER, ...POLL_ROWS]));
    const summary = await ingest({ paths: ['polls.csv', 'polls.xlsx'], storeDir: 'store', cwd: dir });
    expect(perFileCounts(summary)).toEqual(['polls.csv: 2 added, 0 duplicates', 'polls.xlsx: 0 added, 2 duplicates']);
    expect((await storedIds()).map((id) => id.split(' ')[0])).toEqual(['survey', 'survey']);
  });

  it("keeps a later sheet's rows apart from the first sheet's, though they hold the same answers in the same rows", async () => {
    await writeFile(
      join(dir, 'two-events.xlsx'),
      await workbookOf('Morning', [FORM_HEADER, ...FORM_ROWS], { Afternoon: [FORM_HEADER, ...FORM_ROWS] }),
    );
    const summary = await ingest({ paths: ['two-events.xlsx'], storeDir: 'store', cwd: dir });
    expect(perFileCounts(summary)).toEqual(['two-events.xlsx: 10 added, 0 duplicates']);
  });

  it('finds the answers in a store that holds them under the ids earlier versions gave a workbook (its sheet row and name)', async () => {
    await writeFile(join(dir, 'responses.xlsx'), await workbookOf('Form responses 1', [FORM_HEADER, ...FORM_ROWS]));
    const reading = readExports(['responses.xlsx'], { cwd: dir });
    const earlier: FeedbackRecord[] = [];
    for await (const item of reading) {
      if (item.kind !== 'record') continue;
      const { record } = item;
      const question = String(record.meta['question']);
      const sheetRow = record.provenance.row ?? 0;
      const sourceId = contentSourceId(null, null, ['Form responses 1', question, String(sheetRow), record.text].join('\u0000'));
      earlier.push({ ...record, sourceId, id: makeRecordId(record.channel, sourceId) });
    }
    expect(earlier).toHaveLength(5);
    await writeStore(join(dir, 'store'), earlier);

    const again = await ingest({ paths: ['responses.xlsx'], storeDir: 'store', cwd: dir });
    expect(perFileCounts(again)).toEqual(['responses.xlsx: 0 added, 5 duplicates']);
    const sources = (await readFile(join(dir, 'store', 'sources.jsonl'), 'utf8')).trim().split('\n');
    expect(sources.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(earlier.map((record) => record.id));
  });
});
